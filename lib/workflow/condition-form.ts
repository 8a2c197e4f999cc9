/**
 * Conditions as a support lead edits them in a form rather than as JSON:
 * what a condition may refer to at a given place in the template, which
 * operators suit a field's type, the condition as a sentence, problems worded
 * for the editor, and a group view (all / any / none / not all of a list)
 * that maps one-to-one onto the schema's all/any/not tree.
 *
 * Works on a template as written (before defaults), so the editor can use it
 * on a draft. Pure TypeScript.
 */
import {
  PLAN_TIERS,
  SEVERITIES,
  type ChoiceOption,
  type Condition,
  type FieldType,
  type PlanTier,
  type Severity,
} from './schema';

// ---------------------------------------------------------------------------
// What a condition can refer to
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Clauses and operators
// ---------------------------------------------------------------------------

export type Clause = Extract<Condition, { kind: 'severity' | 'plan' | 'field' | 'step' }>;
export type FieldClause = Extract<Condition, { kind: 'field' }>;
export type FieldOp = FieldClause['op'];
export type StepClauseStatus = Extract<Condition, { kind: 'step' }>['is'][number];

export const STEP_CLAUSE_STATUSES: ReadonlyArray<{ id: StepClauseStatus; label: string }> = [
  { id: 'done', label: 'done' },
  { id: 'skipped', label: 'skipped' },
  { id: 'pending', label: 'pending' },
  { id: 'not-applicable', label: 'not applicable' },
];

export function isClause(c: Condition): c is Clause {
  return c.kind === 'severity' || c.kind === 'plan' || c.kind === 'field' || c.kind === 'step';
}

/** The operators that mean something for a field of this type, in menu order. */
export function operatorsFor(type: FieldType): FieldOp[] {
  switch (type) {
    case 'single-choice':
      return ['eq', 'neq', 'in', 'set', 'unset'];
    case 'multi-choice':
      return ['includes', 'set', 'unset'];
    case 'text':
    case 'paragraph':
    case 'url':
      return ['eq', 'neq', 'includes', 'set', 'unset'];
    case 'number':
      return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'set', 'unset'];
    case 'checkbox':
      return ['eq', 'neq'];
    case 'datetime':
    case 'file':
      return ['set', 'unset'];
  }
  // A type the schema does not know (a half-edited draft): only emptiness makes sense.
  return ['set', 'unset'];
}

/** Operator wording in the menu and in sentences. */
export function operatorLabel(op: FieldOp, type: FieldType | undefined): string {
  switch (op) {
    case 'eq':
      return 'is';
    case 'neq':
      return 'is not';
    case 'in':
      return 'is one of';
    case 'includes':
      return type === 'multi-choice' ? 'includes' : 'contains';
    case 'set':
      return type === 'checkbox' ? 'is checked' : 'is filled in';
    case 'unset':
      return type === 'checkbox' ? 'is not checked' : 'is empty';
    case 'gt':
      return 'is more than';
    case 'gte':
      return 'is at least';
    case 'lt':
      return 'is less than';
    case 'lte':
      return 'is at most';
  }
}

/** The value an operator takes on a field of this type, before the lead picks one. */
function defaultValue(op: FieldOp, field: CatalogField): FieldClause['value'] {
  if (op === 'set' || op === 'unset') return undefined;
  const first = field.options[0]?.value;
  switch (field.type) {
    case 'single-choice':
      if (op === 'in') return first === undefined ? [] : [first];
      return first;
    case 'multi-choice':
      return first;
    case 'number':
      return field.min ?? 0;
    case 'checkbox':
      return true;
    default:
      return '';
  }
}

/** A field clause for this field, keeping the operator and value when they still fit. */
export function fieldClause(field: CatalogField, previous?: Clause): FieldClause {
  const ops = operatorsFor(field.type);
  const prev = previous?.kind === 'field' ? previous : undefined;
  const op = prev && ops.includes(prev.op) ? prev.op : (ops[0] as FieldOp);
  const sameField =
    prev !== undefined && prev.field.stepId === field.stepId && prev.field.fieldId === field.id;
  const value = sameField && prev.op === op ? prev.value : defaultValue(op, field);
  const clause: FieldClause = {
    kind: 'field',
    field: { stepId: field.stepId, fieldId: field.id },
    op,
  };
  return value === undefined ? clause : { ...clause, value };
}

/** The same field clause with another operator; the value is kept when its shape still fits. */
export function withOperator(
  clause: FieldClause,
  op: FieldOp,
  field: CatalogField | undefined,
): FieldClause {
  const { value: _drop, ...rest } = clause;
  const next: FieldClause = { ...rest, op };
  if (op === 'set' || op === 'unset') return next;
  const wasList = Array.isArray(clause.value);
  const wantsList = op === 'in';
  if (clause.value !== undefined && wasList === wantsList) return { ...next, value: clause.value };
  if (field) {
    const value = defaultValue(op, field);
    return value === undefined ? next : { ...next, value };
  }
  if (wantsList && clause.value !== undefined && !wasList) {
    return { ...next, value: [clause.value as string | number] };
  }
  if (!wantsList && wasList) {
    const first = (clause.value as Array<string | number>)[0];
    return first === undefined ? next : { ...next, value: first };
  }
  return next;
}

/** What a clause checks, as one menu value: `severity`, `plan`, `field:step/field`, `step:id`. */
export type SubjectKey = string;

export function subjectKey(clause: Clause): SubjectKey {
  switch (clause.kind) {
    case 'severity':
      return 'severity';
    case 'plan':
      return 'plan';
    case 'field':
      return `field:${clause.field.stepId}/${clause.field.fieldId}`;
    case 'step':
      return `step:${clause.stepId}`;
  }
}

/** A clause for a newly chosen subject, keeping what still fits from the previous one. */
export function clauseForSubject(
  key: SubjectKey,
  catalog: ConditionCatalog,
  previous?: Clause,
): Clause | undefined {
  if (key === 'severity') {
    return previous?.kind === 'severity' ? previous : { kind: 'severity', in: ['SEV1'] };
  }
  if (key === 'plan') {
    return previous?.kind === 'plan' ? previous : { kind: 'plan', in: ['enterprise'] };
  }
  if (key.startsWith('step:')) {
    const stepId = key.slice('step:'.length);
    if (!catalog.steps.some((s) => s.id === stepId)) return undefined;
    return { kind: 'step', stepId, is: previous?.kind === 'step' ? previous.is : ['done'] };
  }
  if (key.startsWith('field:')) {
    const [stepId = '', fieldId = ''] = key.slice('field:'.length).split('/');
    const field = catalogField(catalog, stepId, fieldId);
    return field ? fieldClause(field, previous) : undefined;
  }
  return undefined;
}

/** A sensible first clause: the latest field in scope, else severity. */
export function newClause(catalog: ConditionCatalog, scope: ConditionScope): Clause {
  const lastGroup = scope.fieldGroups[scope.fieldGroups.length - 1];
  const field = lastGroup?.fields[lastGroup.fields.length - 1];
  return field ? fieldClause(field) : { kind: 'severity', in: ['SEV1'] };
}

// ---------------------------------------------------------------------------
// Groups: the form's view of all / any / not
// ---------------------------------------------------------------------------

/** `none` is not(any), `not-all` is not(all). */
export type GroupMatch = 'all' | 'any' | 'none' | 'not-all';

export const GROUP_MATCHES: ReadonlyArray<{ id: GroupMatch; label: string }> = [
  { id: 'all', label: 'all of these hold' },
  { id: 'any', label: 'any of these holds' },
  { id: 'none', label: 'none of these holds' },
  { id: 'not-all', label: 'not all of these hold' },
];

export interface ConditionGroup {
  kind: 'group';
  match: GroupMatch;
  items: GroupItem[];
}
export type GroupItem = Clause | ConditionGroup;

function toItem(c: Condition): GroupItem {
  return isClause(c) ? c : toGroup(c);
}

/** Any condition as a group; a lone clause is a group of one ("all of" it). */
export function toGroup(c: Condition): ConditionGroup {
  switch (c.kind) {
    case 'all':
      return { kind: 'group', match: 'all', items: c.of.map(toItem) };
    case 'any':
      return { kind: 'group', match: 'any', items: c.of.map(toItem) };
    case 'not':
      if (c.of.kind === 'any') return { kind: 'group', match: 'none', items: c.of.of.map(toItem) };
      if (c.of.kind === 'all') {
        return { kind: 'group', match: 'not-all', items: c.of.of.map(toItem) };
      }
      return { kind: 'group', match: 'none', items: [toItem(c.of)] };
    default:
      return { kind: 'group', match: 'all', items: [c] };
  }
}

/**
 * The condition a group stands for; undefined when it is empty. Empty
 * nested groups drop out. Only the outermost "all of one clause" collapses
 * to the clause, so a nested group the lead just added stays a group.
 */
export function fromGroup(group: ConditionGroup, outermost = true): Condition | undefined {
  const of = group.items
    .map((item) => (item.kind === 'group' ? fromGroup(item, false) : item))
    .filter((c): c is Condition => c !== undefined);
  const [only] = of;
  if (only === undefined) return undefined;
  switch (group.match) {
    case 'all':
      return outermost && of.length === 1 ? only : { kind: 'all', of };
    case 'any':
      return { kind: 'any', of };
    case 'none':
      return { kind: 'not', of: of.length === 1 ? only : { kind: 'any', of } };
    case 'not-all':
      return { kind: 'not', of: { kind: 'all', of } };
  }
}

// ---------------------------------------------------------------------------
// The condition as a sentence
// ---------------------------------------------------------------------------

function list(items: string[]): string {
  return items.join(', ');
}

function isOneOrMany(prefix: string, items: string[]): string {
  return items.length === 1 ? `${prefix} is ${items[0]}` : `${prefix} is one of ${list(items)}`;
}

function valueText(
  value: string | number | boolean | undefined,
  field: CatalogField | undefined,
): string {
  if (value === undefined) return '…';
  if (typeof value === 'string') {
    const option = field?.options.find((o) => o.value === value);
    if (option) return option.label;
    return `“${value}”`;
  }
  return String(value);
}

export function describeClause(clause: Clause, catalog: ConditionCatalog): string {
  switch (clause.kind) {
    case 'severity':
      return isOneOrMany(
        'Severity',
        clause.in.map((id) => catalog.severities.find((s) => s.id === id)?.label ?? id),
      );
    case 'plan':
      return isOneOrMany(
        'Plan',
        clause.in.map((id) => catalog.plans.find((p) => p.id === id)?.label ?? id),
      );
    case 'step': {
      const step = catalog.steps.find((s) => s.id === clause.stepId);
      const name = step
        ? `Step ${step.number} “${step.title}”`
        : `Step “${clause.stepId}” (missing)`;
      const statuses = clause.is.map(
        (s) => STEP_CLAUSE_STATUSES.find((x) => x.id === s)?.label ?? s,
      );
      return `${name} is ${statuses.join(' or ')}`;
    }
    case 'field': {
      const field = catalogField(catalog, clause.field.stepId, clause.field.fieldId);
      const name = field?.label ?? `${clause.field.stepId}/${clause.field.fieldId} (missing)`;
      const type = field?.type;
      const v = clause.value;
      if (clause.op === 'set' || clause.op === 'unset') {
        return `${name} ${operatorLabel(clause.op, type)}`;
      }
      if (type === 'checkbox' && typeof v === 'boolean') {
        const checked = (clause.op === 'eq') === v;
        return `${name} is ${checked ? 'checked' : clause.op === 'eq' ? 'unchecked' : 'not checked'}`;
      }
      if (Array.isArray(v)) {
        const items = v.map((x) => valueText(x, field));
        if (clause.op === 'in') {
          return items.length === 1 ? `${name} is ${items[0]}` : `${name} is one of ${list(items)}`;
        }
        return `${name} ${operatorLabel(clause.op, type)} ${list(items)}`;
      }
      return `${name} ${operatorLabel(clause.op, type)} ${valueText(v, field)}`;
    }
  }
}

function describeNested(c: Condition, catalog: ConditionCatalog): string {
  const text = describeCondition(c, catalog);
  return isClause(c) || c.kind === 'not' || c.of.length === 1 ? text : `(${text})`;
}

/**
 * A condition in words, e.g. "Severity is SEV1 and Plan is one of
 * Enterprise, Paid". Labels come from the catalog; a reference to a missing
 * field or step is named by its id and marked "(missing)".
 */
export function describeCondition(c: Condition, catalog: ConditionCatalog): string {
  switch (c.kind) {
    case 'all':
      return c.of.map((x) => describeNested(x, catalog)).join(' and ');
    case 'any':
      return c.of.map((x) => describeNested(x, catalog)).join(' or ');
    case 'not':
      return `not (${describeCondition(c.of, catalog)})`;
    default:
      return describeClause(c, catalog);
  }
}

// ---------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------

export type ConditionProblemCode =
  /** The clause names a field or step the template does not have (removed or renamed). */
  | 'unknown-field'
  | 'unknown-step'
  /** A value that is not one of the choice field's options. */
  | 'not-an-option'
  /** The operator needs a value and has none (or an empty list). */
  | 'no-value'
  /** A value of the wrong kind for the field, e.g. text for a number field. */
  | 'wrong-type'
  /** The operator does not suit the field type (e.g. "more than" on a checkbox). */
  | 'unsuited-operator'
  /** Severity, plan or step status with nothing ticked. */
  | 'empty-list'
  /** Refers to something answered only after the condition is checked. */
  | 'out-of-scope';

export interface ConditionProblem {
  /** Path inside the condition, e.g. `['of', 1, 'value']`. */
  path: Array<string | number>;
  code: ConditionProblemCode;
  /** Errors block saving; warnings are advice. */
  level: 'error' | 'warning';
  message: string;
}

function problem(
  path: Array<string | number>,
  code: ConditionProblemCode,
  message: string,
  level: 'error' | 'warning' = 'error',
): ConditionProblem {
  return { path, code, level, message };
}

function checkFieldClause(
  c: FieldClause,
  catalog: ConditionCatalog,
  scope: ConditionScope | undefined,
): ConditionProblem[] {
  const step = catalog.steps.find((s) => s.id === c.field.stepId);
  const field = step?.fields.find((f) => f.id === c.field.fieldId);
  if (!step) {
    return [
      problem(
        ['field'],
        'unknown-field',
        `Refers to field “${c.field.fieldId}” of step “${c.field.stepId}”, and there is no such step any more (removed or renamed). Choose another field.`,
      ),
    ];
  }
  if (!field) {
    return [
      problem(
        ['field'],
        'unknown-field',
        `Refers to field “${c.field.fieldId}”, which step ${step.number} “${step.title}” no longer has (removed or renamed). Choose another field.`,
      ),
    ];
  }
  const out: ConditionProblem[] = [];
  if (
    scope &&
    !scope.fieldGroups.some((g) =>
      g.fields.some((f) => f.stepId === field.stepId && f.id === field.id),
    )
  ) {
    out.push(
      problem(
        ['field'],
        'out-of-scope',
        `${field.label} (step ${step.number}) is answered only after this is checked, so it is still empty then.`,
        'warning',
      ),
    );
  }
  if (!operatorsFor(field.type).includes(c.op)) {
    out.push(
      problem(
        ['op'],
        'unsuited-operator',
        `“${operatorLabel(c.op, field.type)}” does not work on a ${field.type} field; choose another operator.`,
      ),
    );
    return out;
  }
  if (c.op === 'set' || c.op === 'unset') return out;
  const v = c.value;
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
  if (values.length === 0 || values.some((x) => typeof x === 'string' && x.trim() === '')) {
    out.push(
      problem(
        ['value'],
        'no-value',
        c.op === 'in' ? 'Tick at least one option.' : `Enter a value for ${field.label}.`,
      ),
    );
    return out;
  }
  const choice = field.type === 'single-choice' || field.type === 'multi-choice';
  if (choice) {
    const unknown = values.filter(
      (x) => typeof x !== 'string' || !field.options.some((o) => o.value === x),
    );
    if (unknown.length > 0) {
      out.push(
        problem(
          ['value'],
          'not-an-option',
          `${unknown.map((x) => `“${String(x)}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the options of ${field.label} (${field.options.map((o) => o.label).join(', ')}).`,
        ),
      );
    }
  } else if (field.type === 'number' && values.some((x) => typeof x !== 'number')) {
    out.push(problem(['value'], 'wrong-type', `${field.label} is a number; enter a number.`));
  } else if (field.type === 'checkbox' && typeof v !== 'boolean') {
    out.push(
      problem(['value'], 'wrong-type', `${field.label} is a checkbox; choose checked or not.`),
    );
  } else if (
    (field.type === 'text' || field.type === 'paragraph' || field.type === 'url') &&
    values.some((x) => typeof x !== 'string')
  ) {
    out.push(problem(['value'], 'wrong-type', `${field.label} holds text; enter text.`));
  }
  return out;
}

/** Problems with one clause; `scope` adds the "answered too late" warning. */
export function checkClause(
  c: Clause,
  catalog: ConditionCatalog,
  scope?: ConditionScope,
): ConditionProblem[] {
  switch (c.kind) {
    case 'severity':
      return c.in.length === 0
        ? [problem(['in'], 'empty-list', 'Tick at least one severity.')]
        : [];
    case 'plan':
      return c.in.length === 0 ? [problem(['in'], 'empty-list', 'Tick at least one plan.')] : [];
    case 'step': {
      const out: ConditionProblem[] = [];
      const step = catalog.steps.find((s) => s.id === c.stepId);
      if (!step) {
        out.push(
          problem(
            ['stepId'],
            'unknown-step',
            `Refers to step “${c.stepId}”, which is no longer in the template (removed or renamed). Choose another step.`,
          ),
        );
      } else if (scope && !scope.steps.some((s) => s.id === step.id)) {
        out.push(
          problem(
            ['stepId'],
            'out-of-scope',
            `Step ${step.number} “${step.title}” comes later, so it is still pending when this is checked.`,
            'warning',
          ),
        );
      }
      if (c.is.length === 0) out.push(problem(['is'], 'empty-list', 'Tick at least one status.'));
      return out;
    }
    case 'field':
      return checkFieldClause(c, catalog, scope);
  }
}

/** Problems anywhere in a condition, with paths from its root. */
export function checkCondition(
  c: Condition,
  catalog: ConditionCatalog,
  scope?: ConditionScope,
): ConditionProblem[] {
  switch (c.kind) {
    case 'all':
    case 'any':
      return c.of.flatMap((x, i) =>
        checkCondition(x, catalog, scope).map((p) => ({ ...p, path: ['of', i, ...p.path] })),
      );
    case 'not':
      return checkCondition(c.of, catalog, scope).map((p) => ({ ...p, path: ['of', ...p.path] }));
    default:
      return checkClause(c, catalog, scope);
  }
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
