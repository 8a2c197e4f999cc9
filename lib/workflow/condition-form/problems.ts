/**
 * What is wrong with a condition, worded for the template editor and placed
 * by path: references to removed fields or steps, values that do not fit,
 * and (as a warning) fields answered only after the condition is checked.
 */
import type { Condition } from '../schema';
import type { ConditionCatalog } from './catalog';
import { operatorLabel, operatorsFor, type Clause, type FieldClause } from './clauses';
import type { ConditionScope } from './sites';

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
