/**
 * What a condition may refer to: the steps and fields of a template (or a
 * draft of one, before defaults, so the editor can use it while the lead
 * types) and the severity and plan labels, for menus and sentences.
 * The condition form is split by concern: catalog (this file), sites (where a
 * condition sits and what it may read), clauses, groups, sentence, problems.
 */
import {
  PLAN_TIERS,
  SEVERITIES,
  type ChoiceOption,
  type FieldType,
  type PlanTier,
  type Severity,
} from '../schema';

/** The parts of a template (or a draft of one) that conditions refer to. */
export interface TemplateLike {
  sections: ReadonlyArray<{
    steps: ReadonlyArray<{
      id: string;
      title: string;
      fields?: ReadonlyArray<{
        id: string;
        label: string;
        type: FieldType;
        options?: ReadonlyArray<ChoiceOption>;
        min?: number;
      }>;
    }>;
  }>;
  policy?: {
    severities?: ReadonlyArray<{ id: string; label: string }>;
    plans?: ReadonlyArray<{ id: string; label: string }>;
  };
}

export interface CatalogField {
  stepId: string;
  id: string;
  label: string;
  type: FieldType;
  options: ReadonlyArray<ChoiceOption>;
  /** Number fields: the lowest allowed value, a sensible starting point for a comparison. */
  min?: number;
}

export interface CatalogStep {
  id: string;
  title: string;
  /** 1-based position in the whole workflow, as the panel numbers steps. */
  number: number;
  fields: CatalogField[];
}

export interface ConditionCatalog {
  steps: CatalogStep[];
  severities: Array<{ id: Severity; label: string }>;
  plans: Array<{ id: PlanTier; label: string }>;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Tolerates a half-edited draft (e.g. while the template is edited as JSON): what is not a list is empty. */
function listOf<T>(x: ReadonlyArray<T> | undefined): ReadonlyArray<T> {
  return Array.isArray(x) ? x : [];
}

export function conditionCatalog(template: TemplateLike): ConditionCatalog {
  let number = 0;
  const steps = listOf(template.sections).flatMap((section) =>
    listOf(section?.steps).map((step) => {
      number += 1;
      return {
        id: String(step?.id ?? ''),
        title: String(step?.title ?? ''),
        number,
        fields: listOf(step?.fields).map((f) => ({
          stepId: String(step?.id ?? ''),
          id: String(f?.id ?? ''),
          label: String(f?.label ?? ''),
          type: f?.type,
          options: listOf(f?.options),
          ...(typeof f?.min === 'number' ? { min: f.min } : {}),
        })),
      };
    }),
  );
  const label = (list: ReadonlyArray<{ id: string; label: string }>, id: string) =>
    list.find((x) => x?.id === id)?.label;
  return {
    steps,
    severities: SEVERITIES.map((id) => ({
      id,
      label: label(listOf(template.policy?.severities), id) ?? id,
    })),
    plans: PLAN_TIERS.map((id) => ({
      id,
      label: label(listOf(template.policy?.plans), id) ?? capitalize(id),
    })),
  };
}

export function catalogField(
  catalog: ConditionCatalog,
  stepId: string,
  fieldId: string,
): CatalogField | undefined {
  return catalog.steps.find((s) => s.id === stepId)?.fields.find((f) => f.id === fieldId);
}
