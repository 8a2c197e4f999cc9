/**
 * Renaming a step or field id, with everything that names it: conditions
 * (steps, fields, gates), clocks, the policy's severity and plan fields, the
 * SLA's ask-the-customer steps and `{{step.field}}` placeholders in message
 * templates. Without this, a rename in the editor would leave dangling
 * references that the schema rejects, or placeholders that silently stay empty.
 *
 * Works on drafts (defaults not yet applied) as well as parsed templates.
 */
import type { Condition, FieldRef, WorkflowTemplateInput } from './schema';

type Draft = WorkflowTemplateInput;
type DraftClock = NonNullable<Draft['clocks']>[number];
type DraftAnchor = DraftClock['start'];

export type IdRename =
  | { kind: 'step'; from: string; to: string }
  | { kind: 'field'; stepId: string; from: string; to: string };

function renameRef(ref: FieldRef, r: IdRename): FieldRef {
  if (r.kind === 'step') return ref.stepId === r.from ? { ...ref, stepId: r.to } : ref;
  return ref.stepId === r.stepId && ref.fieldId === r.from ? { ...ref, fieldId: r.to } : ref;
}

function renameCondition(c: Condition, r: IdRename): Condition {
  switch (c.kind) {
    case 'field':
      return { ...c, field: renameRef(c.field, r) };
    case 'step':
      return r.kind === 'step' && c.stepId === r.from ? { ...c, stepId: r.to } : c;
    case 'all':
    case 'any':
      return { ...c, of: c.of.map((x) => renameCondition(x, r)) };
    case 'not':
      return { ...c, of: renameCondition(c.of, r) };
    default:
      return c;
  }
}

function renameAnchor(a: DraftAnchor, r: IdRename): DraftAnchor {
  switch (a.kind) {
    case 'step-done':
      return r.kind === 'step' && a.stepId === r.from ? { ...a, stepId: r.to } : a;
    case 'field-set':
      return { ...a, field: renameRef(a.field, r) };
    case 'condition':
      return { ...a, condition: optionalCondition(a.condition, r) };
    default:
      return a;
  }
}

// `(\??\s*)` keeps an optional placeholder's `?` (`{{step.field?}}`).
const PLACEHOLDER = /\{\{(\s*)([A-Za-z0-9_.\-/]+)(\??\s*)\}\}/g;

/** `{{step.field}}` placeholders that name a renamed step or field, rewritten. */
export function renamePlaceholders(
  body: string,
  r: IdRename,
  /** Field ids of the step concerned: `{{bug.url}}` is a step's only if step "bug" has "url". */
  fieldIds: ReadonlySet<string>,
): string {
  return body.replace(PLACEHOLDER, (whole, before: string, name: string, after: string) => {
    const dot = name.indexOf('.');
    if (dot < 0) return whole;
    const stepId = name.slice(0, dot);
    const fieldId = name.slice(dot + 1);
    if (!fieldIds.has(fieldId)) return whole;
    if (r.kind === 'step' && stepId === r.from) return `{{${before}${r.to}.${fieldId}${after}}}`;
    if (r.kind === 'field' && stepId === r.stepId && fieldId === r.from)
      return `{{${before}${stepId}.${r.to}${after}}}`;
    return whole;
  });
}

/** A draft's condition is not parsed yet: anything without a kind is left as it is. */
function optionalCondition<C>(c: C, r: IdRename): C {
  if (typeof c !== 'object' || c === null || !('kind' in c)) return c;
  return renameCondition(c as unknown as Condition, r) as C;
}

/**
 * The template with one step or field id renamed everywhere it is named.
 * Unchanged when the id does not exist or the new id is already taken (the
 * rename would merge two things; the editor says so instead).
 */
export function renameId<T extends Draft>(template: T, r: IdRename): T {
  if (r.from === r.to) return template;
  const steps = template.sections.flatMap((s) => s.steps);
  const ownerId = r.kind === 'step' ? r.from : r.stepId;
  const owner = steps.find((s) => s.id === ownerId);
  if (!owner) return template;
  const fields = owner.fields ?? [];
  if (r.kind === 'step' && steps.some((s) => s.id === r.to)) return template;
  if (r.kind === 'field') {
    if (!fields.some((f) => f.id === r.from) || fields.some((f) => f.id === r.to)) return template;
  }
  const fieldIds = new Set(fields.map((f) => f.id));
  const sla = template.policy.sla;
  return {
    ...template,
    sections: template.sections.map((section) => ({
      ...section,
      steps: section.steps.map((step) => ({
        ...step,
        id: r.kind === 'step' && step.id === r.from ? r.to : step.id,
        when: optionalCondition(step.when, r),
        fields: step.fields?.map((field) => ({
          ...field,
          id: r.kind === 'field' && step.id === r.stepId && field.id === r.from ? r.to : field.id,
          when: optionalCondition(field.when, r),
        })),
        gates: step.gates?.map((gate) => ({
          ...gate,
          require: optionalCondition(gate.require, r),
        })),
      })),
    })),
    policy: {
      ...template.policy,
      severityField: renameRef(template.policy.severityField, r),
      planField: renameRef(template.policy.planField, r),
      ...(sla
        ? {
            sla: {
              ...sla,
              askCustomerSteps: sla.askCustomerSteps?.map((id) =>
                r.kind === 'step' && id === r.from ? r.to : id,
              ),
            },
          }
        : {}),
    },
    clocks: template.clocks?.map((clock) => {
      const renamed = {
        ...clock,
        appliesWhen: optionalCondition(clock.appliesWhen, r),
        start: renameAnchor(clock.start, r),
      };
      return clock.kind === 'cadence'
        ? {
            ...renamed,
            resetBy: renameRef(clock.resetBy, r),
            stopWhen: optionalCondition(clock.stopWhen, r),
          }
        : { ...renamed, stopWhen: optionalCondition(clock.stopWhen, r) };
    }),
    messages: template.messages?.map((message) => ({
      ...message,
      body: renamePlaceholders(message.body, r, fieldIds),
      ...(message.byPlan
        ? {
            byPlan: Object.fromEntries(
              Object.entries(message.byPlan).map(([plan, body]) => [
                plan,
                body === undefined ? body : renamePlaceholders(body, r, fieldIds),
              ]),
            ),
          }
        : {}),
    })),
  };
}
