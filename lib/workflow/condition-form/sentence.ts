/**
 * A condition read back as a sentence ("Severity is SEV1 and Plan is one of
 * Enterprise, Paid") with the template's own labels, so the lead sees what
 * a condition means without reading JSON.
 */
import type { Condition } from '../schema';
import { catalogField, type CatalogField, type ConditionCatalog } from './catalog';
import { isClause, operatorLabel, STEP_CLAUSE_STATUSES, type Clause } from './clauses';

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
