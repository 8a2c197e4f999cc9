/**
 * Where a condition sits in a template (step, field or gate, by position)
 * and what it may sensibly read from there, kept apart from the catalog so
 * the scope rule (the agent works top to bottom) lives in one place.
 */
import type { Condition } from '../schema';
import type { CatalogField, CatalogStep, ConditionCatalog } from './catalog';

/**
 * Where a condition sits, by position (0-based index of the step in the
 * whole workflow, and of the field in its step), so ids being edited do not
 * lose track of it.
 */
export type ConditionSite =
  | { kind: 'step'; step: number }
  | { kind: 'field'; step: number; field: number }
  | { kind: 'gate'; step: number };

export interface ConditionScope {
  /** Fields the condition may read, grouped by their step in workflow order. */
  fieldGroups: Array<{ step: CatalogStep; fields: CatalogField[] }>;
  /** Steps whose status the condition may read. */
  steps: CatalogStep[];
}

/**
 * What a condition can sensibly read where it sits: the agent works top to
 * bottom, so only what is answered before the condition is checked. A step
 * reads earlier steps; a field also reads the fields above it in its step; a
 * gate (checked when the step is completed) also reads its own step's fields.
 * The engine would evaluate a reference to a later field, but it would still
 * be empty when the condition matters.
 */
export function conditionScope(catalog: ConditionCatalog, site: ConditionSite): ConditionScope {
  const earlier = catalog.steps.slice(0, Math.max(0, site.step));
  const own = catalog.steps[site.step];
  const fieldGroups = earlier
    .map((step) => ({ step, fields: step.fields }))
    .filter((g) => g.fields.length > 0);
  if (own) {
    const fields =
      site.kind === 'gate'
        ? own.fields
        : site.kind === 'field'
          ? own.fields.slice(0, Math.max(0, site.field))
          : [];
    if (fields.length > 0) fieldGroups.push({ step: own, fields });
  }
  return { fieldGroups, steps: earlier };
}

/**
 * Every condition on steps, fields and gates with where it sits, so the
 * editor can check them all (clock conditions are edited as template JSON).
 */
export interface TemplateWithConditions {
  sections: ReadonlyArray<{
    steps: ReadonlyArray<{
      when?: Condition;
      fields?: ReadonlyArray<{ when?: Condition }>;
      gates?: ReadonlyArray<{ require: Condition }>;
    }>;
  }>;
}

export function templateConditions(
  template: TemplateWithConditions,
): Array<{ condition: Condition; site: ConditionSite; path: Array<string | number> }> {
  const out: Array<{ condition: Condition; site: ConditionSite; path: Array<string | number> }> =
    [];
  let flat = 0;
  template.sections.forEach((section, si) =>
    section.steps.forEach((step, sti) => {
      const base = ['sections', si, 'steps', sti];
      if (step.when)
        out.push({
          condition: step.when,
          site: { kind: 'step', step: flat },
          path: [...base, 'when'],
        });
      step.fields?.forEach((f, fi) => {
        if (f.when) {
          out.push({
            condition: f.when,
            site: { kind: 'field', step: flat, field: fi },
            path: [...base, 'fields', fi, 'when'],
          });
        }
      });
      step.gates?.forEach((g, gi) =>
        out.push({
          condition: g.require,
          site: { kind: 'gate', step: flat },
          path: [...base, 'gates', gi, 'require'],
        }),
      );
      flat += 1;
    }),
  );
  return out;
}
