/**
 * A condition (when a step applies, when a field shows, when a gate opens)
 * edited as a form: pick what to check from what is answered before it, an
 * operator that fits, and a value with the control its field type wants;
 * combine clauses in all / any / none groups. The condition is read back as a
 * sentence. "Edit as JSON" stays for power users.
 */
import { useId, useState, type ReactNode } from 'react';
import {
  catalogField,
  type CatalogField,
  type ConditionCatalog,
} from '../../lib/workflow/condition-form/catalog';
import {
  clauseForSubject,
  newClause,
  operatorLabel,
  operatorsFor,
  STEP_CLAUSE_STATUSES,
  subjectKey,
  withOperator,
  type Clause,
  type FieldClause,
  type FieldOp,
} from '../../lib/workflow/condition-form/clauses';
import {
  fromGroup,
  GROUP_MATCHES,
  toGroup,
  type ConditionGroup,
  type GroupItem,
  type GroupMatch,
} from '../../lib/workflow/condition-form/groups';
import { checkClause } from '../../lib/workflow/condition-form/problems';
import { describeCondition } from '../../lib/workflow/condition-form/sentence';
import type { ConditionScope } from '../../lib/workflow/condition-form/sites';
import { conditionSchema, type Condition } from '../../lib/workflow/schema';
import { JsonBox } from './JsonBox';
import { removeAt, replaceAt } from './template-edit';

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

interface Shared {
  catalog: ConditionCatalog;
  scope: ConditionScope;
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}

/** A list of checkboxes in a fieldset; `extra` lists ticked values that are not offered. */
function CheckList({
  name,
  legend,
  options,
  checked,
  onChange,
}: {
  /** Which clause, for screen readers ("Condition 2"). */
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const extra = checked.filter((c) => !options.some((o) => o.value === c));
  return (
    <fieldset className="cb-checklist">
      <legend>
        <span className="cb-visually-hidden">{name}: </span>
        {legend}
      </legend>
      {[...options, ...extra.map((v) => ({ value: v, label: `“${v}” (not an option)` }))].map(
        (o) => (
          <label key={o.value} className="cb-check">
            <input
              type="checkbox"
              checked={checked.includes(o.value)}
              onChange={(e) => onChange(toggle(checked, o.value, e.target.checked))}
            />
            {o.label}
          </label>
        ),
      )}
    </fieldset>
  );
}

function SubjectSelect({
  clause,
  name,
  describedBy,
  shared,
  onChange,
}: {
  clause: Clause;
  name: string;
  describedBy: string;
  shared: Shared;
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
    <label className="cb-field">
      <span>
        <span className="cb-visually-hidden">{name}: </span>What to check
      </span>
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
    </label>
  );
}

function FieldValue({
  clause,
  field,
  name,
  onChange,
}: {
  clause: FieldClause;
  field: CatalogField;
  name: string;
  onChange: (c: FieldClause) => void;
}) {
  const setValue = (value: FieldClause['value']) => {
    const { value: _drop, ...rest } = clause;
    onChange(value === undefined ? rest : { ...rest, value });
  };
  const label = (
    <span>
      <span className="cb-visually-hidden">{name}: </span>Value
    </span>
  );
  const v = clause.value;
  const choice = field.type === 'single-choice' || field.type === 'multi-choice';
  if (choice && clause.op === 'in') {
    const checked = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
    return (
      <CheckList
        name={name}
        legend="Values"
        options={field.options}
        checked={checked}
        onChange={(next) => setValue(next)}
      />
    );
  }
  if (choice) {
    const current = typeof v === 'string' ? v : '';
    const known = field.options.some((o) => o.value === current);
    return (
      <label className="cb-field">
        {label}
        <select value={current} onChange={(e) => setValue(e.target.value)}>
          {!known && (
            <option value={current}>{current ? `“${current}” (not an option)` : '—'}</option>
          )}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.type === 'checkbox') {
    return (
      <label className="cb-check">
        <input type="checkbox" checked={v === true} onChange={(e) => setValue(e.target.checked)} />
        <span className="cb-visually-hidden">{name}: </span>Checked
      </label>
    );
  }
  if (field.type === 'number') {
    return (
      <label className="cb-field">
        {label}
        <input
          type="number"
          className="cb-input--short"
          value={typeof v === 'number' ? v : ''}
          onChange={(e) => setValue(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
    );
  }
  return (
    <label className="cb-field">
      {label}
      <input
        type="text"
        value={typeof v === 'string' ? v : v === undefined ? '' : String(v)}
        onChange={(e) => setValue(e.target.value)}
      />
    </label>
  );
}

function ClauseEditor({
  clause,
  name,
  shared,
  onChange,
  onRemove,
}: {
  clause: Clause;
  name: string;
  shared: Shared;
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
          <label className="cb-field">
            <span>
              <span className="cb-visually-hidden">{name}: </span>Operator
            </span>
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
          </label>
          {clause.op !== 'set' && clause.op !== 'unset' && (
            <FieldValue clause={clause} field={field} name={name} onChange={onChange} />
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

function GroupEditor({
  group,
  path,
  locked,
  shared,
  onChange,
  onRemove,
}: {
  group: ConditionGroup;
  /** "" for the outermost group, else "2" or "2.1". */
  path: string;
  /** Removing the last item would leave a required condition empty. */
  locked: boolean;
  shared: Shared;
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
}) {
  const setItems = (items: GroupItem[]) => onChange({ ...group, items });
  const lastLocked = locked && group.items.length === 1;
  const groupName = path ? `Group ${path}` : 'Conditions';
  return (
    <div className="cb-condition-group" role="group" aria-label={groupName}>
      <div className="cb-grid">
        <label className="cb-field">
          <span>
            {path ? <span className="cb-visually-hidden">{groupName}: </span> : null}
            Match when
          </span>
          <select
            value={group.match}
            onChange={(e) => onChange({ ...group, match: e.target.value as GroupMatch })}
          >
            {GROUP_MATCHES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {onRemove && (
          <button
            type="button"
            className="cb-button cb-button--small"
            onClick={onRemove}
            aria-label={`Remove group ${path}`}
          >
            Remove group
          </button>
        )}
      </div>
      <ul className="cb-clauses">
        {group.items.map((item, i) => {
          const itemPath = path ? `${path}.${i + 1}` : String(i + 1);
          const remove = lastLocked ? undefined : () => setItems(removeAt(group.items, i));
          return item.kind === 'group' ? (
            <li key={i}>
              <GroupEditor
                group={item}
                path={itemPath}
                locked={lastLocked}
                shared={shared}
                onChange={(g) => setItems(replaceAt(group.items, i, g))}
                onRemove={remove}
              />
            </li>
          ) : (
            <ClauseEditor
              key={i}
              clause={item}
              name={`Condition ${itemPath}`}
              shared={shared}
              onChange={(c) => setItems(replaceAt<GroupItem>(group.items, i, c))}
              onRemove={remove}
            />
          );
        })}
      </ul>
      <div className="cb-inline">
        <button
          type="button"
          className="cb-button cb-button--small"
          onClick={() => setItems([...group.items, newClause(shared.catalog, shared.scope)])}
        >
          Add a condition
          {path ? <span className="cb-visually-hidden"> to group {path}</span> : null}
        </button>
        <button
          type="button"
          className="cb-button cb-button--small"
          onClick={() =>
            setItems([
              ...group.items,
              { kind: 'group', match: 'any', items: [newClause(shared.catalog, shared.scope)] },
            ])
          }
        >
          Add a group{path ? <span className="cb-visually-hidden"> to group {path}</span> : null}
        </button>
      </div>
    </div>
  );
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
  const shared: Shared = { catalog, scope };
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
