/** Gates block completing a step until their condition holds, with the message the agent sees. */
import type { ConditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { newClause } from '../../lib/workflow/condition-form/clauses';
import { describeCondition } from '../../lib/workflow/condition-form/sentence';
import { conditionScope } from '../../lib/workflow/condition-form/sites';
import type { Condition } from '../../lib/workflow/schema';
import { ConditionEditor } from './ConditionEditor';
import { LabelledText } from './Labelled';
import { removeAt, replaceAt, uniqueId, type DraftStep } from './template-edit';

type DraftGate = NonNullable<DraftStep['gates']>[number];

export function GatesEditor({
  gates,
  stepNumber,
  catalog,
  onChange,
}: {
  gates: readonly DraftGate[];
  /** 1-based workflow number of the step the gates guard: a gate reads what comes before it. */
  stepNumber: number;
  catalog: ConditionCatalog;
  onChange: (gates: DraftGate[]) => void;
}) {
  const scope = conditionScope(catalog, { kind: 'gate', step: stepNumber - 1 });
  return (
    <>
      <h5>Gates</h5>
      <p className="cb-hint">
        A gate keeps the step from being marked done until its condition holds.
      </p>
      {gates.map((gate, gi) => (
        <div key={gi} className="cb-nested">
          <div className="cb-nested__head">
            <div className="cb-grid">
              <LabelledText
                label="Gate id"
                value={gate.id}
                onChange={(id) => onChange(replaceAt(gates, gi, { ...gate, id }))}
              />
              <LabelledText
                label="Message while blocked"
                wide
                value={gate.message}
                onChange={(message) => onChange(replaceAt(gates, gi, { ...gate, message }))}
              />
            </div>
            <button
              type="button"
              className="cb-button cb-button--small"
              onClick={() => onChange(removeAt(gates, gi))}
              aria-label={`Remove gate ${gate.id}`}
            >
              Remove
            </button>
          </div>
          <ConditionEditor
            legend={`Gate “${gate.id}” opens when`}
            lead="Can be done when"
            value={gate.require as Condition | undefined}
            catalog={catalog}
            scope={scope}
            onChange={(require) => {
              if (require) onChange(replaceAt(gates, gi, { ...gate, require }));
            }}
          />
        </div>
      ))}
      <button
        type="button"
        className="cb-button"
        onClick={() => {
          const require = newClause(catalog, scope);
          onChange([
            ...gates,
            {
              id: uniqueId(
                'gate',
                gates.map((g) => g.id),
              ),
              require,
              message: `Not yet: needs ${describeCondition(require, catalog)}.`,
            },
          ]);
        }}
      >
        Add a gate
      </button>
    </>
  );
}
