/**
 * Team mode in the panel: that the run is shared, who else has it open now,
 * and any edit of yours another agent's later edit replaced (both edits stay
 * in the step's history).
 */
import type { TeamRunStatusData } from '../../lib/messaging/team';
import type { WorkflowTemplate } from '../../lib/workflow/schema';

function fieldLabel(template: WorkflowTemplate, stepId: string, fieldId: string): string {
  for (const section of template.sections) {
    const step = section.steps.find((s) => s.id === stepId);
    const field = step?.fields.find((f) => f.id === fieldId);
    if (field) return field.label;
  }
  return `${stepId}/${fieldId}`;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function TeamLine({
  team,
  template,
}: {
  team: TeamRunStatusData | undefined;
  template: WorkflowTemplate;
}) {
  if (!team?.shared) return null;
  return (
    <div className="cb-team" data-testid="cb-team">
      <p className="cb-team__shared">
        Shared with your team
        {team.others.length > 0 ? ` · also open: ${team.others.join(', ')}` : ''}
      </p>
      {team.conflicts.map((c) => (
        <p
          className="cb-notice cb-notice--error"
          role="alert"
          key={`${c.stepId}/${c.fieldId}/${c.won.at}`}
        >
          Your edit of {fieldLabel(template, c.stepId, c.fieldId)} ({shown(c.lost.value)}) was
          replaced by {c.won.by.name}&apos;s ({shown(c.won.value)}). Both are in the history.
        </p>
      ))}
    </div>
  );
}
