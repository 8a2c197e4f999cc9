/**
 * One clause of a condition: what it checks, then the operator and value (or
 * the ticks) that fit, with the clause's problems worded beside it.
 */
import { useId, type ReactNode } from 'react';
import { catalogField } from '../../../lib/workflow/condition-form/catalog';
import {
  operatorLabel,
  operatorsFor,
  STEP_CLAUSE_STATUSES,
  type Clause,
  type FieldOp,
  withOperator,
} from '../../../lib/workflow/condition-form/clauses';
import { checkClause } from '../../../lib/workflow/condition-form/problems';
import { Labelled } from '../Labelled';
import { CheckList } from './CheckList';
import { ClauseValue } from './ClauseValue';
import type { ConditionShared } from './shared';
import { SubjectSelect } from './SubjectSelect';

export function ClauseEditor({
  clause,
  name,
  shared,
  onChange,
  onRemove,
}: {
  clause: Clause;
  name: string;
  shared: ConditionShared;
  onChange: (c: Clause) => void;
  onRemove?: () => void;
}) {
  const problemsId = useId();
  const problems = checkClause(clause, shared.catalog, shared.scope);
  let detail: ReactNode = null;
  if (clause.kind === 'severity') {
    detail = (
      <CheckList
        name={name}
        legend="Severity is one of"
        options={shared.catalog.severities.map((s) => ({ value: s.id, label: s.label }))}
        checked={clause.in}
        onChange={(next) => onChange({ ...clause, in: next as typeof clause.in })}
      />
    );
  } else if (clause.kind === 'plan') {
    detail = (
      <CheckList
        name={name}
        legend="Plan is one of"
        options={shared.catalog.plans.map((p) => ({ value: p.id, label: p.label }))}
        checked={clause.in}
        onChange={(next) => onChange({ ...clause, in: next as typeof clause.in })}
      />
    );
  } else if (clause.kind === 'step') {
    detail = (
      <CheckList
        name={name}
        legend="Step is"
        options={STEP_CLAUSE_STATUSES.map((s) => ({ value: s.id, label: s.label }))}
        checked={clause.is}
        onChange={(next) => onChange({ ...clause, is: next as typeof clause.is })}
      />
    );
  } else {
    const field = catalogField(shared.catalog, clause.field.stepId, clause.field.fieldId);
    if (field) {
      const ops = operatorsFor(field.type);
      const shown: FieldOp[] = ops.includes(clause.op) ? ops : [clause.op, ...ops];
      detail = (
        <>
          <Labelled
            label={
              <>
                <span className="cb-visually-hidden">{name}: </span>Operator
              </>
            }
          >
            <select
              value={clause.op}
              onChange={(e) => onChange(withOperator(clause, e.target.value as FieldOp, field))}
            >
              {shown.map((op) => (
                <option key={op} value={op}>
                  {operatorLabel(op, field.type)}
                </option>
              ))}
            </select>
          </Labelled>
          {clause.op !== 'set' && clause.op !== 'unset' && (
            <ClauseValue clause={clause} field={field} name={name} onChange={onChange} />
          )}
        </>
      );
    }
  }
  return (
    <li className="cb-clause" data-testid="condition-clause">
      <div className="cb-grid">
        <SubjectSelect
          clause={clause}
          name={name}
          describedBy={problemsId}
          shared={shared}
          onChange={onChange}
        />
        {detail}
        {onRemove && (
          <button
            type="button"
            className="cb-button cb-button--small"
            onClick={onRemove}
            aria-label={`Remove ${name.toLowerCase()}`}
          >
            Remove
          </button>
        )}
      </div>
      <div id={problemsId}>
        {problems.map((p, i) => (
          <p key={i} className={p.level === 'error' ? 'cb-field__error' : 'cb-hint'}>
            {p.level === 'warning' ? `Note: ${p.message}` : p.message}
          </p>
        ))}
      </div>
    </li>
  );
}
