/**
 * Pure edits of a workflow template draft for the editor, and its
 * validation worded for people: where (section, step, field by title) and
 * what is wrong.
 */
import type { z } from 'zod';
import { jsonPath, type Problem } from '../../lib/settings/problems';
import { conditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { checkCondition } from '../../lib/workflow/condition-form/problems';
import { conditionScope, templateConditions } from '../../lib/workflow/condition-form/sites';
import {
  templateSchema,
  type FieldType,
  type WorkflowTemplate,
  type WorkflowTemplateInput,
} from '../../lib/workflow/schema';

export type Draft = WorkflowTemplateInput;
export type DraftSection = Draft['sections'][number];
export type DraftStep = DraftSection['steps'][number];
export type DraftField = NonNullable<DraftStep['fields']>[number];

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** `base`, `base-2`, `base-3`…: the first id not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function allStepIds(draft: Draft): string[] {
  return draft.sections.flatMap((s) => s.steps.map((st) => st.id));
}

export function newStep(draft: Draft): DraftStep {
  return {
    id: uniqueId('new-step', allStepIds(draft)),
    title: 'New step',
    guidance: '',
    required: true,
    fields: [],
  };
}

export function newSection(draft: Draft): DraftSection {
  const id = uniqueId(
    'new-section',
    draft.sections.map((s) => s.id),
  );
  return { id, title: 'New section', steps: [newStep(draft)] };
}

const CHOICE_TYPES: FieldType[] = ['single-choice', 'multi-choice'];
export const FIELD_TYPES: FieldType[] = [
  'single-choice',
  'multi-choice',
  'text',
  'paragraph',
  'url',
  'number',
  'datetime',
  'checkbox',
  'file',
];

export function newField(step: DraftStep, type: FieldType = 'text'): DraftField {
  const id = uniqueId(
    'new-field',
    (step.fields ?? []).map((f) => f.id),
  );
  return withType({ id, label: 'New field', type: 'text', required: false }, type);
}

/** The same field as another type: common properties kept, type-specific ones reset. */
export function withType(field: DraftField, type: FieldType): DraftField {
  const common = {
    id: field.id,
    label: field.label,
    required: field.required,
    ...(field.help !== undefined ? { help: field.help } : {}),
    ...(field.when !== undefined ? { when: field.when } : {}),
  };
  if (CHOICE_TYPES.includes(type)) {
    const options =
      'options' in field && field.options
        ? field.options
        : [{ value: 'option-1', label: 'Option 1' }];
    return { ...common, type: type as 'single-choice', options };
  }
  return { ...common, type } as DraftField;
}

/** Options as `value = label` lines. */
export function optionsToText(options: ReadonlyArray<{ value: string; label: string }>): string {
  return options.map((o) => (o.value === o.label ? o.value : `${o.value} = ${o.label}`)).join('\n');
}

export function textToOptions(
  text: string,
  previous: ReadonlyArray<{ value: string; label: string; description?: string }> = [],
): Array<{ value: string; label: string; description?: string }> {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      const value = (at < 0 ? line : line.slice(0, at)).trim();
      const label = (at < 0 ? line : line.slice(at + 1)).trim() || value;
      const kept = previous.find((p) => p.value === value)?.description;
      return { value, label, ...(kept ? { description: kept } : {}) };
    });
}

/** "Section 1 “Triage” › Step 3 “Assign severity” › Field “severity” › label" for a JSON path. */
export function describePath(draft: Draft, path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  let i = 0;
  if (path[0] === 'sections' && typeof path[1] === 'number') {
    const section = draft.sections[path[1]];
    parts.push(`Section ${path[1] + 1}${section?.title ? ` “${section.title}”` : ''}`);
    i = 2;
    if (path[2] === 'steps' && typeof path[3] === 'number') {
      const step = section?.steps[path[3]];
      parts.push(`Step${step?.title ? ` “${step.title}”` : ` ${path[3] + 1}`}`);
      i = 4;
      if (path[4] === 'fields' && typeof path[5] === 'number') {
        const field = step?.fields?.[path[5]];
        parts.push(`Field${field?.label ? ` “${field.label}”` : ` ${path[5] + 1}`}`);
        i = 6;
      }
    }
  }
  const rest = path.slice(i).map(String);
  if (rest.length) parts.push(rest.join('.'));
  return parts.length ? parts.join(' › ') : 'Template';
}

type Issue = z.core.$ZodIssue;

/** zod's wording for the common cases, in the editor's words. */
function friendlyMessage(issue: Issue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return 'must not be empty';
  }
  if (issue.code === 'too_small' && issue.origin === 'array' && Number(issue.minimum) === 1) {
    return 'needs at least one item';
  }
  return issue.message;
}

export type ValidationResult =
  | { ok: true; template: WorkflowTemplate }
  | { ok: false; problems: Array<Problem & { where: string }> };

/**
 * Condition mistakes the schema lets through (a value that is not one of the
 * field's options, an operator that does not fit, no value): they would make
 * a step or field silently never apply. Missing fields and steps are already
 * schema problems.
 */
function conditionProblems(draft: Draft, template: WorkflowTemplate) {
  const catalog = conditionCatalog(template);
  return templateConditions(template).flatMap(({ condition, site, path }) =>
    checkCondition(condition, catalog, conditionScope(catalog, site))
      .filter((p) => p.level === 'error' && p.code !== 'unknown-field' && p.code !== 'unknown-step')
      .map((p) => {
        const at = [...path, ...p.path];
        return { path: jsonPath(at), where: describePath(draft, at), message: p.message };
      }),
  );
}

export function validateDraft(draft: Draft): ValidationResult {
  const r = templateSchema.safeParse(draft);
  if (r.success) {
    const problems = conditionProblems(draft, r.data);
    return problems.length === 0 ? { ok: true, template: r.data } : { ok: false, problems };
  }
  return {
    ok: false,
    problems: r.error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      where: describePath(draft, issue.path),
      message: friendlyMessage(issue),
    })),
  };
}
