/**
 * What a clause checks: severity, plan, a field answered earlier, or an
 * earlier step's status. A clause that already refers to something out of
 * scope (answered later, or removed) keeps showing it, named as such.
 */
import { catalogField } from '../../../lib/workflow/condition-form/catalog';
import {
  clauseForSubject,
  subjectKey,
  type Clause,
} from '../../../lib/workflow/condition-form/clauses';
import { Labelled } from '../Labelled';
import type { ConditionShared } from './shared';

export function SubjectSelect({
  clause,
  name,
  describedBy,
  shared,
  onChange,
}: {
  clause: Clause;
  name: string;
  describedBy: string;
  shared: ConditionShared;
  onChange: (c: Clause) => void;
}) {
  const { catalog, scope } = shared;
  const key = subjectKey(clause);
  const offered = new Set<string>(['severity', 'plan']);
  scope.fieldGroups.forEach((g) =>
    g.fields.forEach((f) => offered.add(`field:${g.step.id}/${f.id}`)),
  );
  scope.steps.forEach((s) => offered.add(`step:${s.id}`));
  // A clause that already refers to something outside the offer keeps showing it.
  let current: string | undefined;
  if (!offered.has(key)) {
    if (clause.kind === 'field') {
      const f = catalogField(catalog, clause.field.stepId, clause.field.fieldId);
      const step = catalog.steps.find((s) => s.id === clause.field.stepId);
      current = f
        ? `${step?.number}. ${step?.title} › ${f.label} (answered later)`
        : `Missing field: ${clause.field.stepId}/${clause.field.fieldId}`;
    } else if (clause.kind === 'step') {
      const step = catalog.steps.find((s) => s.id === clause.stepId);
      current = step
        ? `Step ${step.number}. ${step.title} (comes later)`
        : `Missing step: ${clause.stepId}`;
    }
  }
  return (
    <Labelled
      label={
        <>
          <span className="cb-visually-hidden">{name}: </span>What to check
        </>
      }
    >
      <select
        value={key}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = clauseForSubject(e.target.value, catalog, clause);
          if (next) onChange(next);
        }}
      >
        {current !== undefined && <option value={key}>{current}</option>}
        <optgroup label="Ticket">
          <option value="severity">Severity</option>
          <option value="plan">Plan</option>
        </optgroup>
        {scope.fieldGroups.map((g) => (
          <optgroup key={g.step.id} label={`Step ${g.step.number}. ${g.step.title}`}>
            {g.fields.map((f) => (
              <option key={f.id} value={`field:${g.step.id}/${f.id}`}>
                {f.label}
              </option>
            ))}
          </optgroup>
        ))}
        {scope.steps.length > 0 && (
          <optgroup label="Status of an earlier step">
            {scope.steps.map((s) => (
              <option key={s.id} value={`step:${s.id}`}>
                Step {s.number}. {s.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </Labelled>
  );
}
