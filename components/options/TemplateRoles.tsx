/**
 * Which roles and message purposes the template lacks, and what stops
 * working without each (lib/workflow/role-effects.ts); and the role picker of
 * a field. Small on purpose: the editor around it is styled elsewhere.
 */
import { missingRoles, ROLE_LABELS } from '../../lib/workflow/role-effects';
import { FIELD_ROLES, type FieldRole } from '../../lib/workflow/roles';
import type { WorkflowTemplate } from '../../lib/workflow/schema';

export function MissingRoles({ template }: { template: WorkflowTemplate | undefined }) {
  if (!template) return null;
  const missing = missingRoles(template);
  if (missing.length === 0) return null;
  return (
    <div className="cb-problems" data-testid="template-missing-roles">
      <p>What this workflow’s actions cannot find:</p>
      <ul>
        {missing.map((m) => (
          <li key={`${m.kind}:${m.id}`}>{m.sentence}</li>
        ))}
      </ul>
    </div>
  );
}

export function RoleSelect({
  role,
  onChange,
}: {
  role: FieldRole | undefined;
  onChange: (role: FieldRole | undefined) => void;
}) {
  return (
    <label className="cb-field">
      <span>Means</span>
      <select
        value={role ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as FieldRole | undefined)}
      >
        <option value="">(nothing the actions read)</option>
        {FIELD_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
