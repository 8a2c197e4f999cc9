/**
 * The workflow template editor: the template's name and versions, its
 * sections (SectionEditor → StepEditor → TemplateFieldEditor, GatesEditor),
 * validation as you type, save as a new version, reset to the default.
 * Conditions (when a step applies, when a field shows, gates) are edited
 * as forms, each with an "Edit as JSON" escape hatch; policy, clocks and
 * messages are edited as template JSON. All validated by the same schema.
 */
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import type { TemplateSummary } from '../../lib/messaging/templates';
import { conditionCatalog } from '../../lib/workflow/condition-form/catalog';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { ReportDirty, Section } from './common';
import { JsonBox } from './JsonBox';
import { LabelledCheckbox, LabelledText } from './Labelled';
import { SectionEditor } from './SectionEditor';
import { MissingRoles } from './TemplateRoles';
import { newSection, validateDraft, type Draft, type DraftSection } from './template-edit';

export interface TemplateEditorProps {
  template: WorkflowTemplate;
  versions: readonly TemplateSummary[];
  onSave: (template: WorkflowTemplate) => Promise<{ version: number; changed: boolean }>;
  onReset: () => Promise<{ version: number; changed: boolean }>;
}

/** 1-based workflow number of section `index`'s first step: steps are numbered across sections. */
function firstStepNumber(draft: Draft, index: number): number {
  return draft.sections.slice(0, index).reduce((n, s) => n + s.steps.length, 1);
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
        <LabelledText
          label="Template name"
          wide
          value={draft.name}
          onChange={(name) => edit({ ...draft, name })}
        />
      </div>
      <LabelledCheckbox
        label="Edit the whole template as JSON (policy, clocks, messages)"
        checked={advanced}
        onChange={setAdvanced}
      />
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
          <SectionEditor
            key={si}
            draft={draft}
            index={si}
            firstStepNumber={firstStepNumber(draft, si)}
            catalog={catalog}
            onChange={edit}
          />
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
