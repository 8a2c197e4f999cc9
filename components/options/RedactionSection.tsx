/**
 * The team's HAR redaction rules, and a drop zone that runs a HAR through
 * the sanitizer with the rules as edited (saved or not) and shows the report.
 * The file never leaves the page.
 */
import { useState, type DragEvent } from 'react';
import type { HarReport } from '../../lib/har/redactor';
import type { RedactionSettings, Settings } from '../../lib/settings/schema';
import { Field, linesToList, SaveBar, Section } from './common';
import type { SavePatch } from './SettingsSections';
import { errorMessage } from '../../lib/errors';

export interface RedactionSectionProps {
  settings: Settings;
  onSave: SavePatch;
  /** Sanitize the text with these rules; throws with a readable message on a bad file. */
  analyzeHar: (text: string, rules: RedactionSettings) => HarReport;
}

interface Draft {
  headerNames: string;
  keyNames: string;
  paramNames: string;
  patterns: string;
  allow: string;
}

function toDraft(r: RedactionSettings): Draft {
  return {
    headerNames: r.headerNames.join('\n'),
    keyNames: r.keyNames.join('\n'),
    paramNames: r.paramNames.join('\n'),
    patterns: r.patterns.map((p) => `${p.name} = ${p.pattern}`).join('\n'),
    allow: r.allow.join('\n'),
  };
}

/** `name = regex` per line. */
function fromDraft(d: Draft): RedactionSettings {
  return {
    headerNames: linesToList(d.headerNames),
    keyNames: linesToList(d.keyNames),
    paramNames: linesToList(d.paramNames),
    patterns: linesToList(d.patterns).map((line) => {
      const at = line.indexOf('=');
      return at < 0
        ? { name: '', pattern: line }
        : { name: line.slice(0, at).trim(), pattern: line.slice(at + 1).trim() };
    }),
    allow: linesToList(d.allow),
  };
}

function ListArea({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id, describedBy) => (
        <textarea
          id={id}
          rows={4}
          value={value}
          aria-describedby={describedBy}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function RedactionSection({ settings, onSave, analyzeHar }: RedactionSectionProps) {
  const [stored, setStored] = useState(settings.redaction);
  const [draft, setDraftState] = useState<Draft>(() => toDraft(settings.redaction));
  const [dirty, setDirty] = useState(false);
  if (!dirty && stored !== settings.redaction) {
    setStored(settings.redaction);
    setDraftState(toDraft(settings.redaction));
  }
  const setDraft = (patch: Partial<Draft>) => {
    setDirty(true);
    setDraftState((d) => ({ ...d, ...patch }));
  };
  const [report, setReport] = useState<{ name: string; report: HarReport } | undefined>();
  const [harError, setHarError] = useState<string | undefined>();
  const [over, setOver] = useState(false);

  const analyze = async (file: File | undefined) => {
    if (!file) return;
    setHarError(undefined);
    setReport(undefined);
    try {
      setReport({ name: file.name, report: analyzeHar(await file.text(), fromDraft(draft)) });
    } catch (error) {
      setHarError(errorMessage(error));
    }
  };

  return (
    <Section
      id="redaction"
      title="HAR redaction rules"
      description="Added to Casebook's built-in rules (which always apply). Names match case-insensitively, ignoring dashes and underscores."
    >
      <ListArea
        label="Header names"
        hint="One per line, e.g. X-Acme-Session"
        value={draft.headerNames}
        onChange={(headerNames) => setDraft({ headerNames })}
      />
      <ListArea
        label="JSON and form keys"
        hint="One per line, e.g. acmeToken"
        value={draft.keyNames}
        onChange={(keyNames) => setDraft({ keyNames })}
      />
      <ListArea
        label="URL and form parameters"
        hint="One per line, e.g. sess"
        value={draft.paramNames}
        onChange={(paramNames) => setDraft({ paramNames })}
      />
      <ListArea
        label="Value patterns"
        hint="One per line as name = regular expression, e.g. acme-key = acme_[A-Za-z0-9]{24}"
        value={draft.patterns}
        onChange={(patterns) => setDraft({ patterns })}
      />
      <ListArea
        label="Never redact these names"
        hint="One per line, e.g. x-request-id (value patterns still apply)"
        value={draft.allow}
        onChange={(allow) => setDraft({ allow })}
      />
      <SaveBar
        dirty={dirty}
        onSave={async () => {
          const r = await onSave({ redaction: fromDraft(draft) });
          if (r.ok) setDirty(false);
          return r;
        }}
        onDiscard={() => {
          setDirty(false);
          setDraftState(toDraft(settings.redaction));
        }}
      />

      <div
        className={`cb-dropzone${over ? ' cb-dropzone--over' : ''}`}
        onDragOver={(e: DragEvent) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e: DragEvent) => {
          e.preventDefault();
          setOver(false);
          void analyze(e.dataTransfer.files[0]);
        }}
      >
        <p>Drop a .har file here to see what these rules remove, or</p>
        <label className="cb-button">
          choose a HAR file
          <input
            type="file"
            accept=".har,application/json"
            className="cb-visually-hidden"
            data-testid="har-preview-input"
            onChange={(e) => void analyze(e.target.files?.[0])}
          />
        </label>
      </div>
      {harError && (
        <p className="cb-notice cb-notice--error" role="alert">
          {harError}
        </p>
      )}
      {report && (
        <div className="cb-report" data-testid="har-report">
          <h3>
            {report.name}: {report.report.total} redactions of {report.report.distinct} distinct
            secrets in {report.report.entries} entries
          </h3>
          <table className="cb-table">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Redactions</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report.report.counts)
                .sort((a, b) => b[1] - a[1])
                .map(([kind, n]) => (
                  <tr key={kind}>
                    <td>{kind}</td>
                    <td>{n}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <details>
            <summary>Where ({Math.min(200, report.report.findings.length)} shown)</summary>
            <ul className="cb-findings">
              {report.report.findings.slice(0, 200).map((f, i) => (
                <li key={i}>
                  {f.entry === null ? 'log' : `entry ${f.entry}`} · <code>{f.path}</code> · {f.kind}{' '}
                  → <code>{f.marker}</code>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </Section>
  );
}
