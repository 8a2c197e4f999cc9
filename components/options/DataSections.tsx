/**
 * Import/export of settings and templates, export of runs, retention and
 * the wipe. Imports are all-or-nothing: a bad file lists what is wrong and
 * nothing is changed.
 */
import { useState } from 'react';
import type { Problem } from '../../lib/settings/problems';
import type { Settings } from '../../lib/settings/schema';
import { Field, ProblemList, SaveBar, Section, useDraft } from './common';
import type { SavePatch } from './SettingsSections';
import { errorMessage } from '../../lib/errors';

export type ImportOutcome =
  | { ok: true; summary: string }
  /** `weakens`: the file is valid but weakens protection; it applies only once confirmed. */
  | { ok: false; problems: Problem[]; weakens?: string[] };

export function ImportExportSection({
  onExport,
  onImport,
}: {
  onExport: () => Promise<void>;
  onImport: (text: string, confirmWeakening?: boolean) => Promise<ImportOutcome>;
}) {
  const [outcome, setOutcome] = useState<
    (ImportOutcome & { file: string; text: string }) | undefined
  >();
  return (
    <Section
      id="import-export"
      title="Import and export settings"
      description="One JSON file with the settings and the workflow templates, to share a setup across a team. The PagerDuty key is never included."
    >
      <div className="cb-inline">
        <button type="button" className="cb-button" onClick={() => void onExport()}>
          Export settings and templates
        </button>
        <label className="cb-button">
          Import from a file…
          <input
            type="file"
            accept=".json,application/json"
            className="cb-visually-hidden"
            data-testid="settings-import-input"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              const text = await file.text();
              const result = await onImport(text);
              setOutcome({ ...result, file: file.name, text });
              input.value = '';
            }}
          />
        </label>
      </div>
      {outcome && !outcome.ok && outcome.weakens && (
        <div className="cb-notice cb-notice--error" role="alert" data-testid="import-weakens">
          <p>
            {outcome.file} weakens how Casebook protects data. Nothing is imported until you
            confirm:
          </p>
          <ul>
            {outcome.weakens.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <div className="cb-inline">
            <button
              type="button"
              className="cb-button cb-button--danger"
              onClick={async () => {
                const result = await onImport(outcome.text, true);
                setOutcome({ ...result, file: outcome.file, text: outcome.text });
              }}
            >
              Import with these changes
            </button>
            <button type="button" className="cb-button" onClick={() => setOutcome(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {outcome && !outcome.ok && !outcome.weakens && (
        <ProblemList
          problems={outcome.problems}
          label={`${outcome.file} was not imported; nothing changed:`}
        />
      )}
      {outcome?.ok && (
        <p role="status" className="cb-notice">
          {outcome.file}: {outcome.summary}
        </p>
      )}
    </Section>
  );
}

export function DataSection({
  settings,
  onSave,
  onExportRuns,
  onWipe,
}: {
  settings: Settings;
  onSave: SavePatch;
  onExportRuns: (format: 'json' | 'csv') => Promise<void>;
  /** Deletes runs, events and attachments; with `resetSettings` also settings and secrets. */
  onWipe: (resetSettings: boolean) => Promise<string>;
}) {
  const retention = useDraft(settings.retentionDays);
  const [confirmText, setConfirmText] = useState('');
  const [alsoSettings, setAlsoSettings] = useState(false);
  const [wipeResult, setWipeResult] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  return (
    <Section id="data" title="Your data">
      <div className="cb-inline">
        <button
          type="button"
          className="cb-button"
          onClick={() => void onExportRuns('json').catch((e: Error) => setError(e.message))}
        >
          Export all runs (JSON)
        </button>
        <button
          type="button"
          className="cb-button"
          onClick={() => void onExportRuns('csv').catch((e: Error) => setError(e.message))}
        >
          Export all runs (CSV)
        </button>
      </div>
      {error && (
        <p className="cb-notice cb-notice--error" role="alert">
          {error}
        </p>
      )}
      <Field label="Keep closed runs for (days)" hint="0 keeps them forever.">
        {(id, describedBy) => (
          <input
            id={id}
            type="number"
            min={0}
            className="cb-input--short"
            aria-describedby={describedBy}
            value={Number.isFinite(retention.draft) ? retention.draft : ''}
            onChange={(e) =>
              retention.setDraft(e.target.value === '' ? NaN : Number(e.target.value))
            }
          />
        )}
      </Field>
      <SaveBar
        dirty={retention.dirty}
        onSave={async () => {
          const r = await onSave({ retentionDays: retention.draft });
          if (r.ok) retention.markSaved();
          return r;
        }}
        onDiscard={retention.reset}
      />

      <fieldset className="cb-group cb-danger">
        <legend>Wipe all data</legend>
        <p>
          Deletes every run, its record and attachments from this browser. This cannot be undone:
          export first if you need them.
        </p>
        <label className="cb-check">
          <input
            type="checkbox"
            checked={alsoSettings}
            onChange={(e) => setAlsoSettings(e.target.checked)}
          />
          Also reset settings to defaults and remove the PagerDuty key
        </label>
        <Field label="Type WIPE to confirm">
          {(id) => (
            <input
              id={id}
              type="text"
              value={confirmText}
              onChange={(e) => setConfirmText(e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          className="cb-button cb-button--danger"
          disabled={confirmText !== 'WIPE'}
          onClick={async () => {
            try {
              setWipeResult(await onWipe(alsoSettings));
              setConfirmText('');
            } catch (e) {
              setWipeResult(`Wipe failed: ${errorMessage(e)}`);
            }
          }}
        >
          Wipe all data
        </button>
        {wipeResult && <p role="status">{wipeResult}</p>}
      </fieldset>
    </Section>
  );
}
