/**
 * The workflow template editor: sections, steps (title, guidance, required,
 * when it applies), fields (type, label, options, when shown), reordering,
 * validation as you type, save as a new version, reset to the default.
 * Conditions (when a step applies, when a field shows, gates) are edited
 * as forms, each with an "Edit as JSON" escape hatch; policy, clocks and
 * messages are edited as template JSON. All validated by the same schema.
 */
import { StepWordsHint, stepWordsHintId } from './StepWordsHint';
import { replaceStep } from './rename-edit';
import { MissingRoles, RoleSelect } from './TemplateRoles';
import { useMemo, useState } from 'react';
import type { TemplateSummary } from '../../lib/messaging/templates';
import {
  conditionCatalog,
  conditionScope,
  describeCondition,
  newClause,
  type ConditionCatalog,
} from '../../lib/workflow/condition-form';
import type { Condition, FieldType, WorkflowTemplate } from '../../lib/workflow/schema';
import { ReportDirty, Section } from './common';
import { ConditionEditor } from './ConditionEditor';
import { JsonBox } from './JsonBox';
import {
  FIELD_TYPES,
  move,
  newField,
  newSection,
  newStep,
  optionsToText,
  removeAt,
  replaceAt,
  textToOptions,
  uniqueId,
  validateDraft,
  withType,
  type Draft,
  type DraftField,
  type DraftSection,
  type DraftStep,
} from './template-edit';
import { errorMessage } from '../../lib/errors';

export interface TemplateEditorProps {
  template: WorkflowTemplate;
  versions: readonly TemplateSummary[];
  onSave: (template: WorkflowTemplate) => Promise<{ version: number; changed: boolean }>;
  onReset: () => Promise<{ version: number; changed: boolean }>;
}

function MoveButtons({
  index,
  count,
  what,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  what: string;
  onMove: (to: number) => void;
  onRemove?: () => void;
}) {
  return (
    <span className="cb-movers">
      <button
        type="button"
        className="cb-button cb-button--small"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={`Move ${what} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="cb-button cb-button--small"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={`Move ${what} down`}
      >
        ↓
      </button>
      {onRemove && (
        <button
          type="button"
          className="cb-button cb-button--small"
          onClick={onRemove}
          aria-label={`Remove ${what}`}
        >
          Remove
        </button>
      )}
    </span>
  );
}

function FieldEditor({
  field,
  catalog,
  stepIndex,
  fieldIndex,
  onChange,
}: {
  field: DraftField;
  catalog: ConditionCatalog;
  /** Position in the whole workflow (0-based) and in the step: what the condition may read. */
  stepIndex: number;
  fieldIndex: number;
  onChange: (f: DraftField) => void;
}) {
  const choice = field.type === 'single-choice' || field.type === 'multi-choice';
  return (
    <div className="cb-field-editor">
      <div className="cb-grid">
        <label className="cb-field">
          <span>Field id</span>
          <input
            type="text"
            value={field.id}
            onChange={(e) => onChange({ ...field, id: e.target.value })}
          />
        </label>
        <RoleSelect
          role={field.role}
          onChange={(role) => {
            const { role: _drop, ...rest } = field;
            onChange(role === undefined ? rest : { ...field, role });
          }}
        />
        <label className="cb-field">
          <span>Label</span>
          <input
            type="text"
            value={field.label}
            aria-describedby={stepWordsHintId(stepIndex + 1)}
            onChange={(e) => onChange({ ...field, label: e.target.value })}
          />
        </label>
        <label className="cb-field">
          <span>Type</span>
          <select
            value={field.type}
            onChange={(e) => onChange(withType(field, e.target.value as FieldType))}
          >
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="cb-check">
          <input
            type="checkbox"
            checked={field.required ?? false}
            onChange={(e) => onChange({ ...field, required: e.target.checked })}
          />
          Required
        </label>
      </div>
      <label className="cb-field">
        <span>Help text</span>
        <input
          type="text"
          value={field.help ?? ''}
          aria-describedby={stepWordsHintId(stepIndex + 1)}
          onChange={(e) => {
            const { help: _drop, ...rest } = field;
            onChange(e.target.value ? { ...field, help: e.target.value } : (rest as DraftField));
          }}
        />
      </label>
      {choice && 'options' in field && (
        <label className="cb-field">
          <span>Options (one per line: value = label)</span>
          <textarea
            rows={Math.max(2, field.options.length)}
            value={optionsToText(field.options)}
            onChange={(e) =>
              onChange({
                ...field,
                options: textToOptions(e.target.value, field.options),
              } as DraftField)
            }
          />
        </label>
      )}
      <ConditionEditor
        legend={`When “${field.label || field.id}” is shown`}
        lead="Shown when"
        always="Always shown"
        value={field.when as Condition | undefined}
        catalog={catalog}
        scope={conditionScope(catalog, { kind: 'field', step: stepIndex, field: fieldIndex })}
        onChange={(when) => {
          const { when: _drop, ...rest } = field;
          onChange(when === undefined ? (rest as DraftField) : ({ ...field, when } as DraftField));
        }}
      />
    </div>
  );
}

type DraftGate = NonNullable<DraftStep['gates']>[number];

/** Gates block completing a step until their condition holds, with the message the agent sees. */
function GatesEditor({
  step,
  number,
  catalog,
  onChange,
}: {
  step: DraftStep;
  number: number;
  catalog: ConditionCatalog;
  onChange: (gates: DraftGate[]) => void;
}) {
  const gates = step.gates ?? [];
  const scope = conditionScope(catalog, { kind: 'gate', step: number - 1 });
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
              <label className="cb-field">
                <span>Gate id</span>
                <input
                  type="text"
                  value={gate.id}
                  onChange={(e) => onChange(replaceAt(gates, gi, { ...gate, id: e.target.value }))}
                />
              </label>
              <label className="cb-field cb-field--wide">
                <span>Message while blocked</span>
                <input
                  type="text"
                  value={gate.message}
                  onChange={(e) =>
                    onChange(replaceAt(gates, gi, { ...gate, message: e.target.value }))
                  }
                />
              </label>
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

function StepEditor({
  step,
  number,
  catalog,
  onChange,
}: {
  step: DraftStep;
  /** 1-based position in the whole workflow. */
  number: number;
  catalog: ConditionCatalog;
  onChange: (s: DraftStep) => void;
}) {
  const fields = step.fields ?? [];
  const setFields = (next: DraftField[]) => onChange({ ...step, fields: next });
  return (
    <div className="cb-step-editor">
      <div className="cb-grid">
        <label className="cb-field">
          <span>Step id</span>
          <input
            type="text"
            value={step.id}
            onChange={(e) => onChange({ ...step, id: e.target.value })}
          />
        </label>
        <label className="cb-field cb-field--wide">
          <span>Title</span>
          <input
            type="text"
            value={step.title}
            aria-describedby={stepWordsHintId(number)}
            onChange={(e) => onChange({ ...step, title: e.target.value })}
          />
        </label>
        <label className="cb-check">
          <input
            type="checkbox"
            checked={step.required ?? true}
            onChange={(e) => onChange({ ...step, required: e.target.checked })}
          />
          Required
        </label>
      </div>
      <label className="cb-field">
        <span>Guidance (Markdown)</span>
        <textarea
          rows={4}
          value={step.guidance}
          aria-describedby={stepWordsHintId(number)}
          onChange={(e) => onChange({ ...step, guidance: e.target.value })}
        />
      </label>
      <StepWordsHint stepNumber={number} />
      <ConditionEditor
        legend={`When step ${number} applies`}
        lead="Applies when"
        always="Always applies"
        value={step.when as Condition | undefined}
        catalog={catalog}
        scope={conditionScope(catalog, { kind: 'step', step: number - 1 })}
        onChange={(when) => {
          const { when: _drop, ...rest } = step;
          onChange(when === undefined ? rest : { ...step, when });
        }}
      />
      <GatesEditor
        step={step}
        number={number}
        catalog={catalog}
        onChange={(gates) => onChange({ ...step, gates })}
      />
      <h5>Fields</h5>
      {fields.map((field, fi) => (
        <div key={fi} className="cb-nested">
          <div className="cb-nested__head">
            <span>
              {field.label || field.id} <span className="cb-hint">({field.type})</span>
            </span>
            <MoveButtons
              index={fi}
              count={fields.length}
              what={`field ${field.label || field.id}`}
              onMove={(to) => setFields(move(fields, fi, to))}
              onRemove={() => setFields(removeAt(fields, fi))}
            />
          </div>
          <FieldEditor
            field={field}
            catalog={catalog}
            stepIndex={number - 1}
            fieldIndex={fi}
            onChange={(f) => setFields(replaceAt(fields, fi, f))}
          />
        </div>
      ))}
      <button
        type="button"
        className="cb-button"
        onClick={() => setFields([...fields, newField(step)])}
      >
        Add a field
      </button>
    </div>
  );
}

export function TemplateEditor({ template, versions, onSave, onReset }: TemplateEditorProps) {
  const [base, setBase] = useState(template);
  const [draft, setDraft] = useState<Draft>(template);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string | undefined>();
  const [advanced, setAdvanced] = useState(false);
  if (base !== template && !dirty) {
    setBase(template);
    setDraft(template);
  }
  const edit = (next: Draft) => {
    setDirty(true);
    setStatus(undefined);
    setDraft(next);
  };
  const validation = useMemo(() => validateDraft(draft), [draft]);
  // Conditions read labels and options from the draft, so renames show at once.
  const catalog = useMemo(() => conditionCatalog(draft), [draft]);
  const setSections = (sections: DraftSection[]) => edit({ ...draft, sections });
  let stepNumber = 0;

  return (
    <Section
      id="template"
      title="Workflow template"
      description={
        <>
          Editing “{template.name}”, version {template.version}. Saving makes a new version for new
          tickets; runs in progress keep the version they started on.
        </>
      }
    >
      <ReportDirty dirty={dirty} />
      {versions.length > 0 && (
        <details className="cb-versions">
          <summary>{versions.length} stored versions</summary>
          <ul>
            {versions.map((v) => (
              <li key={`${v.id}@${v.version}`}>
                {v.name} v{v.version} — saved {new Date(v.savedAt).toLocaleString()}
                {v.active ? ' (used for new tickets)' : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="cb-grid">
        <label className="cb-field cb-field--wide">
          <span>Template name</span>
          <input
            type="text"
            value={draft.name}
            onChange={(e) => edit({ ...draft, name: e.target.value })}
          />
        </label>
      </div>
      <label className="cb-check">
        <input type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
        Edit the whole template as JSON (policy, clocks, messages)
      </label>
      {advanced ? (
        <JsonBox
          label="Template JSON"
          value={draft}
          rows={24}
          optional={false}
          onChange={(v) => edit(v as Draft)}
        />
      ) : (
        draft.sections.map((section, si) => (
          <fieldset key={si} className="cb-group cb-section-editor">
            <legend>
              Section {si + 1}: {section.title}
            </legend>
            <div className="cb-nested__head">
              <div className="cb-grid">
                <label className="cb-field">
                  <span>Section id</span>
                  <input
                    type="text"
                    value={section.id}
                    onChange={(e) =>
                      setSections(replaceAt(draft.sections, si, { ...section, id: e.target.value }))
                    }
                  />
                </label>
                <label className="cb-field cb-field--wide">
                  <span>Section title</span>
                  <input
                    type="text"
                    value={section.title}
                    onChange={(e) =>
                      setSections(
                        replaceAt(draft.sections, si, { ...section, title: e.target.value }),
                      )
                    }
                  />
                </label>
              </div>
              <MoveButtons
                index={si}
                count={draft.sections.length}
                what={`section ${section.title}`}
                onMove={(to) => setSections(move(draft.sections, si, to))}
                onRemove={() => setSections(removeAt(draft.sections, si))}
              />
            </div>
            {section.steps.map((step, sti) => {
              stepNumber += 1;
              const setSteps = (steps: DraftStep[]) =>
                setSections(replaceAt(draft.sections, si, { ...section, steps }));
              return (
                <details key={sti} className="cb-nested" data-step-id={step.id}>
                  <summary>
                    {stepNumber}. {step.title}
                  </summary>
                  <MoveButtons
                    index={sti}
                    count={section.steps.length}
                    what={`step ${step.title}`}
                    onMove={(to) => setSteps(move(section.steps, sti, to))}
                    onRemove={() => setSteps(removeAt(section.steps, sti))}
                  />
                  <StepEditor
                    step={step}
                    number={stepNumber}
                    catalog={catalog}
                    onChange={(s) => edit(replaceStep(draft, si, sti, s))}
                  />
                </details>
              );
            })}
            <button
              type="button"
              className="cb-button"
              onClick={() =>
                setSections(
                  replaceAt(draft.sections, si, {
                    ...section,
                    steps: [...section.steps, newStep(draft)],
                  }),
                )
              }
            >
              Add a step to “{section.title}”
            </button>
          </fieldset>
        ))
      )}
      {!advanced && (
        <button
          type="button"
          className="cb-button"
          onClick={() => setSections([...draft.sections, newSection(draft)])}
        >
          Add a section
        </button>
      )}

      <MissingRoles template={validation.ok ? validation.template : undefined} />
      {!validation.ok && (
        <div className="cb-problems" role="alert" data-testid="template-problems">
          <p>Fix these before saving:</p>
          <ul>
            {validation.problems.map((p, i) => (
              <li key={i}>
                <strong>{p.where}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="cb-savebar">
        <button
          type="button"
          className="cb-button cb-button--primary"
          disabled={!dirty || !validation.ok}
          onClick={async () => {
            if (!validation.ok) return;
            try {
              const r = await onSave(validation.template);
              setDirty(false);
              setStatus(
                r.changed
                  ? `Saved as version ${r.version}. New tickets use it; runs in progress keep their version.`
                  : 'No changes to save.',
              );
            } catch (e) {
              setStatus(`Not saved: ${errorMessage(e)}`);
            }
          }}
        >
          Save as a new version
        </button>
        <button
          type="button"
          className="cb-button"
          disabled={!dirty}
          onClick={() => {
            setDirty(false);
            setDraft(template);
            setStatus(undefined);
          }}
        >
          Discard changes
        </button>
        <button
          type="button"
          className="cb-button"
          onClick={async () => {
            if (
              !window.confirm('Replace the template with the built-in default (as a new version)?')
            )
              return;
            try {
              const r = await onReset();
              setDirty(false);
              setStatus(
                r.changed
                  ? `Reset to the default as version ${r.version}.`
                  : 'Already the default.',
              );
            } catch (e) {
              setStatus(`Not reset: ${errorMessage(e)}`);
            }
          }}
        >
          Reset to the default
        </button>
        <span role="status" className="cb-savebar__status">
          {status ?? ''}
        </span>
      </div>
    </Section>
  );
}
