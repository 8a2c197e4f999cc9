/**
 * A condition (when a step applies, when a field shows, when a gate opens)
 * edited as a form: pick what to check from what is answered before it, an
 * operator that fits, and a value with the control its field type wants;
 * combine clauses in all / any / none groups. The condition is read back as a
 * sentence. "Edit as JSON" stays for power users. The form's parts (groups,
 * clauses, subject, value, tick lists) are in ./condition/.
 */
import { useId, useState } from 'react';
import type { ConditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { newClause } from '../../lib/workflow/condition-form/clauses';
import { fromGroup, toGroup } from '../../lib/workflow/condition-form/groups';
import { describeCondition } from '../../lib/workflow/condition-form/sentence';
import type { ConditionScope } from '../../lib/workflow/condition-form/sites';
import { conditionSchema, type Condition } from '../../lib/workflow/schema';
import { GroupEditor } from './condition/GroupEditor';
import type { ConditionShared } from './condition/shared';
import { JsonBox } from './JsonBox';

export interface ConditionEditorProps {
  /** Names the whole editor, e.g. "When step 9 applies". */
  legend: string;
  /** Starts the sentence, e.g. "Applies when". */
  lead: string;
  /** Wording for no condition, e.g. "Always applies"; absent when a condition is required (gates). */
  always?: string;
  value: Condition | undefined;
  catalog: ConditionCatalog;
  scope: ConditionScope;
  onChange: (value: Condition | undefined) => void;
}

export function ConditionEditor({
  legend,
  lead,
  always,
  value,
  catalog,
  scope,
  onChange,
}: ConditionEditorProps) {
  const radioName = useId();
  const valid = value === undefined || conditionSchema.safeParse(value).success;
  const [json, setJson] = useState(false);
  const shared: ConditionShared = { catalog, scope };
  // A condition the form cannot show (hand-written JSON with a mistake) stays in JSON.
  const asJson = json || !valid;
  const sentence =
    value === undefined
      ? always === undefined
        ? 'No condition yet.'
        : undefined
      : valid
        ? `${lead} ${describeCondition(value, catalog)}`
        : 'Not a valid condition yet; fix the JSON.';
  const jsonToggle = (
    <label className="cb-check">
      <input
        type="checkbox"
        checked={asJson}
        disabled={!valid}
        onChange={(e) => setJson(e.target.checked)}
      />
      Edit as JSON
    </label>
  );
  return (
    <fieldset className="cb-group cb-condition">
      <legend>{legend}</legend>
      {sentence !== undefined && (
        <p className="cb-condition__summary" data-testid="condition-summary">
          {sentence}
        </p>
      )}
      {asJson ? (
        <>
          {jsonToggle}
          <JsonBox
            label={`${legend} (condition JSON${always ? ', empty = always' : ''})`}
            value={value}
            optional={always !== undefined}
            onChange={(v) => onChange(v as Condition | undefined)}
          />
        </>
      ) : (
        <>
          {always !== undefined && (
            <div className="cb-inline" role="radiogroup" aria-label={legend}>
              <label className="cb-check">
                <input
                  type="radio"
                  name={radioName}
                  checked={value === undefined}
                  onChange={() => onChange(undefined)}
                />
                {always}
              </label>
              <label className="cb-check">
                <input
                  type="radio"
                  name={radioName}
                  checked={value !== undefined}
                  onChange={() => onChange(newClause(catalog, scope))}
                />
                Only when…
              </label>
            </div>
          )}
          {value !== undefined ? (
            <GroupEditor
              group={toGroup(value)}
              path=""
              locked={always === undefined}
              shared={shared}
              onChange={(g) => onChange(fromGroup(g))}
            />
          ) : always === undefined ? (
            <button
              type="button"
              className="cb-button cb-button--small"
              onClick={() => onChange(newClause(catalog, scope))}
            >
              Add a condition
            </button>
          ) : null}
          {jsonToggle}
        </>
      )}
    </fieldset>
  );
}
