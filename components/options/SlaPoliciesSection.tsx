/**
 * "SLA policies": the team schedule (time zone, weekly hours, holidays,
 * importable from an .ics calendar) and the targets per metric, plan tier
 * and severity. They are part of the workflow template's policy, so saving
 * stores the next template version: new tickets get it, tickets in progress
 * keep the SLA they were opened under.
 */
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy } from '../../lib/sla/schema';
import { jsonPath } from '../../lib/settings/problems';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { SaveBar, Section, useDraft, type SaveResult } from './common';
import { JsonBox } from './JsonBox';
import { ScheduleEditor, type Schedule } from './ScheduleEditor';

export interface SlaPoliciesSectionProps {
  template: WorkflowTemplate;
  onSaveTemplate: (template: WorkflowTemplate) => Promise<{ version: number; changed: boolean }>;
}

function policyOf(template: WorkflowTemplate): SlaPolicy {
  return template.policy.sla ?? slaPolicySchema.parse(DEFAULT_SLA_POLICY);
}

/** A schedule id not yet used: `schedule-2`, `schedule-3`, … */
function freshId(schedules: readonly Schedule[]): string {
  const used = new Set(schedules.map((x) => x.id));
  for (let i = schedules.length + 1; ; i++) if (!used.has(`schedule-${i}`)) return `schedule-${i}`;
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function SlaPoliciesSection({ template, onSaveTemplate }: SlaPoliciesSectionProps) {
  const d = useDraft<SlaPolicy>(policyOf(template));
  const { schedules, targets } = d.draft;
  const setSchedules = (next: Schedule[]) => d.setDraft((p) => ({ ...p, schedules: next }));

  async function save(): Promise<SaveResult> {
    const parsed = slaPolicySchema.safeParse(d.draft);
    if (!parsed.success) {
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
      };
    }
    const saved = await onSaveTemplate({
      ...template,
      policy: { ...template.policy, sla: parsed.data },
    });
    d.markSaved();
    return {
      ok: true,
      message: saved.changed ? `Saved as template version ${saved.version}.` : 'No change.',
    };
  }

  return (
    <Section
      id="sla-policies"
      title="Schedules and policies"
      description="Business-hours targets count only a schedule's open hours, in its time zone, without its holidays. A target follows the schedule it names, or the first one. Agents see due times in their own time zone."
    >
      {schedules.map((schedule, index) => {
        const users = targets.filter(
          (t) => t.scheduleId === schedule.id || (index === 0 && t.scheduleId === undefined),
        ).length;
        const blocked =
          schedules.length === 1
            ? 'The policy needs at least one schedule.'
            : users > 0 && index === 0
              ? `Targets without a schedule of their own (${users}) use the first one: move another schedule first or name one in those targets.`
              : users > 0
                ? `${users} target${users === 1 ? '' : 's'} use${users === 1 ? 's' : ''} it: point ${users === 1 ? 'it' : 'them'} to another schedule first.`
                : undefined;
        return (
          <ScheduleEditor
            key={index}
            schedule={schedule}
            index={index}
            onChange={(next) => setSchedules(schedules.map((x, i) => (i === index ? next : x)))}
            {...(blocked
              ? { removeBlockedBecause: blocked }
              : { onRemove: () => setSchedules(schedules.filter((_, i) => i !== index)) })}
          />
        );
      })}
      <p>
        <button
          type="button"
          className="cb-button"
          disabled={schedules.length >= 20}
          onClick={() =>
            setSchedules([
              ...schedules,
              {
                id: freshId(schedules),
                name: `Schedule ${schedules.length + 1}`,
                timeZone: browserTimeZone(),
                week: Object.fromEntries(
                  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
                    day,
                    [{ from: '09:00', to: '17:00' }],
                  ]),
                ),
                holidays: [],
              },
            ])
          }
        >
          Add a schedule
        </button>
      </p>
      <JsonBox
        label="Targets (first match wins): metric, plans, severities, minutes, business or calendar time, scheduleId, pause while waiting, escalation"
        value={targets}
        rows={12}
        optional={false}
        onChange={(next) => d.setDraft((p) => ({ ...p, targets: next as SlaPolicy['targets'] }))}
      />
      <SaveBar dirty={d.dirty} onSave={save} onDiscard={d.reset} />
    </Section>
  );
}
