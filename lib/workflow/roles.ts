/**
 * What a template's parts mean, and the one place that finds them. Actions,
 * the report and the panel ask for "the request ID" or "the fix-shipped
 * message", never for a step or field id, so a lead can rename, move or
 * rebuild any step in the template editor without breaking them.
 *
 * Plain constants and type-only imports: the helpdesk content scripts use
 * these lookups, and zod stays out of their bundle (`schema/` builds its
 * enums from the lists here).
 */
import type {
  ClockDef,
  Field,
  FieldRef,
  FieldValue,
  MessageTemplate,
  Run,
  Step,
  WorkflowTemplate,
} from './schema';

/** What a field means. Severity and plan tier are named by the policy (policy roles below). */
export const FIELD_ROLES = [
  'impact',
  'workspace-id',
  'request-id',
  'occurred-at',
  'endpoint-url',
  'repro-steps',
  'browser',
  'os',
  'expected',
  'actual',
  'repro-result',
  'sentry-url',
  'bug-url',
  'pagerduty-incident',
  'incident-channel',
  'status-page-state',
  'status-page-posted',
  'engineering-acknowledged',
  'escalated',
  'eta-sent',
  'release-tag',
  'visible-at',
  'confirmation',
  'satisfaction',
  'incident-summary',
  'root-cause',
  'closing-note',
] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** Fields whose times are entered in the customer's zone, most telling first. */
export const CUSTOMER_TIME_ROLES: readonly FieldRole[] = ['occurred-at', 'visible-at'];

/** Roles the policy assigns (`policy.severityField`, `policy.planField`); the engine reads them. */
export const POLICY_ROLES = ['severity', 'plan'] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

export type Role = FieldRole | PolicyRole;

/** What a message template is for. */
export const MESSAGE_PURPOSES = [
  'first-touch',
  'eta-update',
  'fix-shipped',
  'confirmation-request',
  'closing-note',
  'incident-summary',
  'slack-mention',
  'status-investigating',
  'status-identified',
  'status-monitoring',
  'status-resolved',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/**
 * Field types a role can have: the code behind a role reads a datetime, a
 * number, a checkbox or a choice it sets itself. Absent: any text-like type.
 */
export const ROLE_FIELD_TYPES: Partial<Record<FieldRole, ReadonlyArray<Field['type']>>> = {
  'occurred-at': ['datetime'],
  'visible-at': ['datetime'],
  satisfaction: ['number'],
  'engineering-acknowledged': ['checkbox'],
  'eta-sent': ['checkbox'],
  escalated: ['single-choice'],
  'status-page-state': ['single-choice'],
  'status-page-posted': ['checkbox'],
  'repro-result': ['single-choice', 'text'],
  'root-cause': ['single-choice'],
  'bug-url': ['url', 'text'],
  'sentry-url': ['url', 'text'],
};

const TEXT_LIKE: ReadonlyArray<Field['type']> = [
  'text',
  'paragraph',
  'single-choice',
  'url',
  'number',
];

export function findStep(template: WorkflowTemplate, stepId: string): Step | undefined {
  for (const section of template.sections) {
    for (const step of section.steps) if (step.id === stepId) return step;
  }
  return undefined;
}

/** The field `fieldId` of step `stepId`: the one field lookup by id. */
export function findField(
  template: WorkflowTemplate,
  stepId: string,
  fieldId: string,
): Field | undefined {
  return findStep(template, stepId)?.fields.find((f) => f.id === fieldId);
}

export interface RoleField {
  ref: FieldRef;
  field: Field;
}

/** The field with `role`, or undefined when no field of the template has it. */
export function fieldByRole(template: WorkflowTemplate, role: Role): RoleField | undefined {
  if (role === 'severity' || role === 'plan') {
    const ref = role === 'severity' ? template.policy.severityField : template.policy.planField;
    const field = findField(template, ref.stepId, ref.fieldId);
    return field ? { ref, field } : undefined;
  }
  for (const section of template.sections) {
    for (const step of section.steps) {
      const field = step.fields.find((f) => f.role === role);
      if (field) return { ref: { stepId: step.id, fieldId: field.id }, field };
    }
  }
  return undefined;
}

export function fieldRefByRole(template: WorkflowTemplate, role: Role): FieldRef | undefined {
  return fieldByRole(template, role)?.ref;
}

/** The run's value of the field with `role`; undefined when unset or no field has it. */
export function valueByRole(
  template: WorkflowTemplate,
  run: Run,
  role: Role,
): FieldValue | undefined {
  const ref = fieldRefByRole(template, role);
  return ref ? run.values[ref.stepId]?.[ref.fieldId]?.value : undefined;
}

export function messageByPurpose(
  template: WorkflowTemplate,
  purpose: MessagePurpose,
): MessageTemplate | undefined {
  return template.messages.find((m) => m.purpose === purpose);
}

/** A clock by what it measures (its target), e.g. the engineering acknowledgement. */
export function clockByTarget(
  template: WorkflowTemplate,
  target: ClockDef['target'],
): ClockDef | undefined {
  return template.clocks.find((c) => c.target === target);
}

export interface RoleProblem {
  message: string;
  path: Array<string | number>;
}

/** A role or purpose used twice, or a role on a field type its code cannot read. */
export function roleProblems(template: WorkflowTemplate): RoleProblem[] {
  const problems: RoleProblem[] = [];
  const roles = new Map<string, string>();
  template.sections.forEach((section, si) =>
    section.steps.forEach((step, sti) =>
      step.fields.forEach((field, fi) => {
        if (!field.role) return;
        const path = ['sections', si, 'steps', sti, 'fields', fi, 'role'];
        const where = `${step.id}/${field.id}`;
        const first = roles.get(field.role);
        if (first) {
          problems.push({
            message: `the role "${field.role}" is on ${first} and ${where}: a role belongs to one field`,
            path,
          });
        } else roles.set(field.role, where);
        const types = ROLE_FIELD_TYPES[field.role] ?? TEXT_LIKE;
        if (!types.includes(field.type)) {
          problems.push({
            message: `the role "${field.role}" needs a ${types.join(' or ')} field; ${where} is ${field.type}`,
            path,
          });
        }
      }),
    ),
  );
  const purposes = new Map<string, string>();
  template.messages.forEach((message, mi) => {
    if (!message.purpose) return;
    const first = purposes.get(message.purpose);
    if (first) {
      problems.push({
        message: `the purpose "${message.purpose}" is on messages "${first}" and "${message.id}": a purpose belongs to one message`,
        path: ['messages', mi, 'purpose'],
      });
    } else purposes.set(message.purpose, message.id);
  });
  return problems;
}
