/**
 * One clause of a condition as the form edits it: which operators suit a
 * field's type, their wording, and how a clause changes when the lead picks
 * another subject or operator while keeping what still fits.
 */
import type { Condition, FieldType } from '../schema';
import { catalogField, type CatalogField, type ConditionCatalog } from './catalog';
import type { ConditionScope } from './sites';

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
