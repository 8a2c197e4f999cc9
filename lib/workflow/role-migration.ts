/**
 * Templates saved before roles existed (DB v6 and earlier, settings bundles
 * exported then) name nothing by role, so the actions would find nothing in
 * them. Such a template gets the default template's roles wherever it still
 * has the default's field (same step id, field id and type) and message ids:
 * exactly what the actions read by id before roles.
 */
import { DEFAULT_TEMPLATE } from './default-template';
import type { WorkflowTemplate, WorkflowTemplateInput } from './schema';

const DEFAULT_FIELD_ROLES = new Map(
  DEFAULT_TEMPLATE.sections.flatMap((section) =>
    section.steps.flatMap((step) =>
      step.fields.flatMap((field) =>
        field.role
          ? [[`${step.id}/${field.id}`, { role: field.role, type: field.type }] as const]
          : [],
      ),
    ),
  ),
);

const DEFAULT_PURPOSES = new Map(
  DEFAULT_TEMPLATE.messages.flatMap((m) => (m.purpose ? [[m.id, m.purpose] as const] : [])),
);

/** True when no field has a role and no message a purpose: saved before roles. */
export function predatesRoles(template: WorkflowTemplateInput): boolean {
  return (
    template.sections.every((s) =>
      s.steps.every((st) => (st.fields ?? []).every((f) => !f.role)),
    ) && (template.messages ?? []).every((m) => !m.purpose)
  );
}

/** `template` with the default's roles and purposes on its default fields and messages. */
export function withKnownRoles<T extends WorkflowTemplate | WorkflowTemplateInput>(template: T): T {
  if (!predatesRoles(template)) return template;
  return {
    ...template,
    sections: template.sections.map((section) => ({
      ...section,
      steps: section.steps.map((step) => ({
        ...step,
        fields: step.fields?.map((field) => {
          const known = DEFAULT_FIELD_ROLES.get(`${step.id}/${field.id}`);
          return known && known.type === field.type ? { ...field, role: known.role } : field;
        }),
      })),
    })),
    messages: template.messages?.map((m) => {
      const purpose = DEFAULT_PURPOSES.get(m.id);
      return purpose ? { ...m, purpose } : m;
    }),
  };
}
