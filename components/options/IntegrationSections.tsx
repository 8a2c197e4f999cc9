/**
 * Integrations as three sections that save on their own: the bug tracker,
 * incidents (PagerDuty endpoint and key, status page, Slack, runbook) and
 * log search links. A refused Jira field can no longer hold back the
 * PagerDuty endpoint: each sends only its own keys.
 */
import { useMemo, useState } from 'react';
import type { SecretsStatus } from '../../lib/messaging/settings';
import { jiraNumbersFromProjectPage, jiraProjectPageUrl } from '../../lib/settings/jira-numbers';
import { SEARCH_PLACEHOLDERS, type Settings } from '../../lib/settings/schema';
import { SEVERITIES } from '../../lib/workflow/schema';
import { Field, ProblemList, SaveBar, Section, ReportDirty, type SaveResult } from './common';
import { useSectionSave, type SavePatch } from './SettingsSections';

type Integrations = Settings['integrations'];
type Tracker = Integrations['tracker'];
type JiraTracker = Extract<Tracker, { kind: 'jira' }>;

function TextInput({
  label,
  name,
  value,
  onChange,
  hint,
  type = 'text',
  placeholder,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  type?: 'text' | 'url';
  placeholder?: string;
}) {
  return (
    <Field label={label} name={name} {...(hint ? { hint } : {})}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          type={type}
          value={value}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TrackerSection({ settings, onSave }: { settings: Settings; onSave: SavePatch }) {
  const s = useSectionSave(
    settings.integrations.tracker,
    (tracker) => ({ integrations: { tracker: withoutEmptyNames(tracker) } }),
    onSave,
  );
  const tracker = s.draft;
  return (
    <Section
      id="tracker"
      title="Bug tracker"
      description="Where “File a bug” opens a prefilled issue with the ticket’s context."
    >
      <Field label="Tracker">
        {(id) => (
          <select
            id={id}
            value={tracker.kind}
            onChange={(e) => {
              const kind = e.target.value as Tracker['kind'];
              s.setDraft(
                kind === 'jira'
                  ? {
                      kind,
                      site: '',
                      projectKey: '',
                      issueTypeName: 'Bug',
                      projectId: '',
                      issueTypeId: '',
                    }
                  : kind === 'linear'
                    ? { kind, teamKey: '' }
                    : { kind: 'none' },
              );
            }}
          >
            <option value="none">None</option>
            <option value="jira">Jira Cloud</option>
            <option value="linear">Linear</option>
          </select>
        )}
      </Field>
      {tracker.kind === 'jira' && <JiraFields tracker={tracker} onChange={s.setDraft} />}
      {tracker.kind === 'linear' && (
        <TextInput
          label="Team key"
          name="integrations.tracker.teamKey"
          placeholder="ENG"
          hint="The letters before the dash in your issue ids, e.g. ENG in ENG-123."
          value={tracker.teamKey}
          onChange={(teamKey) => s.setDraft({ ...tracker, teamKey })}
        />
      )}
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}

/** Key and type name are optional: empty means not given, not an invalid key. */
function withoutEmptyNames(tracker: Tracker): Tracker {
  if (tracker.kind !== 'jira') return tracker;
  const { projectKey, issueTypeName, ...rest } = tracker;
  return {
    ...rest,
    ...(projectKey?.trim() ? { projectKey } : {}),
    ...(issueTypeName?.trim() ? { issueTypeName } : {}),
  };
}

function JiraFields({
  tracker,
  onChange,
}: {
  tracker: JiraTracker;
  onChange: (t: JiraTracker) => void;
}) {
  const [pasted, setPasted] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const pageUrl = jiraProjectPageUrl(tracker.site, tracker.projectKey ?? '');
  return (
    <>
      <TextInput
        label="Jira site"
        name="integrations.tracker.site"
        placeholder="acme.atlassian.net"
        value={tracker.site}
        onChange={(site) => onChange({ ...tracker, site })}
      />
      <div className="cb-grid">
        <TextInput
          label="Project key"
          name="integrations.tracker.projectKey"
          placeholder="ENG"
          hint="As in ENG-123."
          value={tracker.projectKey ?? ''}
          onChange={(projectKey) => onChange({ ...tracker, projectKey })}
        />
        <TextInput
          label="Issue type"
          name="integrations.tracker.issueTypeName"
          placeholder="Bug"
          value={tracker.issueTypeName ?? ''}
          onChange={(issueTypeName) => onChange({ ...tracker, issueTypeName })}
        />
      </div>
      <fieldset className="cb-group" aria-describedby="jira-numbers-why">
        <legend>Numbers the create link needs</legend>
        <p className="cb-field__hint" id="jira-numbers-why">
          Jira’s create-issue link accepts the project and the issue type only as numbers, not as
          key or name.
        </p>
        <div className="cb-grid">
          <TextInput
            label="Project number"
            name="integrations.tracker.projectId"
            placeholder="10042"
            value={tracker.projectId}
            onChange={(projectId) => onChange({ ...tracker, projectId })}
          />
          <TextInput
            label="Issue type number"
            name="integrations.tracker.issueTypeId"
            placeholder="10004"
            value={tracker.issueTypeId}
            onChange={(issueTypeId) => onChange({ ...tracker, issueTypeId })}
          />
        </div>
        <details className="cb-howto" open={!tracker.projectId || !tracker.issueTypeId}>
          <summary>Where to find the numbers</summary>
          <ol>
            <li>
              Fill in the site and project key above, then open{' '}
              {pageUrl ? (
                <a href={pageUrl} target="_blank" rel="noreferrer">
                  {pageUrl}
                </a>
              ) : (
                <code>https://SITE/rest/api/3/project/KEY</code>
              )}{' '}
              while signed in to Jira. The tab shows the project as text.
            </li>
            <li>
              Select all of it (Ctrl+A or ⌘A), copy, and paste it below. Casebook reads the
              project’s <code>"id"</code> and the <code>"id"</code> of the issue type named above.
            </li>
            <li>
              Or read them yourself: the first <code>"id"</code> on that page is the project number;
              under <code>"issueTypes"</code>, the <code>"id"</code> next to{' '}
              <code>"name": "{tracker.issueTypeName || 'Bug'}"</code> is the issue type number. Jira
              admins also see the issue type number at the end of the address (
              <code>?id=10004</code>) when editing it under Settings → Issues → Issue types.
            </li>
          </ol>
          <Field label="Paste the project page">
            {(id) => (
              <textarea
                id={id}
                rows={3}
                className="cb-code"
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
              />
            )}
          </Field>
          <div className="cb-inline">
            <button
              type="button"
              className="cb-button"
              disabled={!pasted.trim()}
              onClick={() => {
                const r = jiraNumbersFromProjectPage(
                  pasted,
                  tracker.projectKey ?? '',
                  tracker.issueTypeName || 'Bug',
                );
                if (!r.ok) return setNote({ ok: false, text: r.message });
                onChange({ ...tracker, projectId: r.projectId, issueTypeId: r.issueTypeId });
                setPasted('');
                setNote({
                  ok: true,
                  text: `Filled in: project ${r.projectName ?? tracker.projectKey ?? ''} is ${r.projectId}, ${tracker.issueTypeName || 'Bug'} is ${r.issueTypeId}. Save to keep them.`,
                });
              }}
            >
              Fill in the numbers
            </button>
            {note && (
              <span
                role={note.ok ? 'status' : 'alert'}
                className={note.ok ? '' : 'cb-field__error'}
              >
                {note.text}
              </span>
            )}
          </div>
        </details>
      </fieldset>
      <details className="cb-howto">
        <summary>Priority per severity (optional)</summary>
        <p className="cb-field__hint">
          Empty uses Jira’s stock numbers: 1 Highest, 2 High, 3 Medium, 4 Low.
        </p>
        <div className="cb-grid">
          {SEVERITIES.map((sev) => (
            <TextInput
              key={sev}
              label={`Priority number for ${sev}`}
              name={`integrations.tracker.priorityIds.${sev}`}
              value={tracker.priorityIds?.[sev] ?? ''}
              onChange={(v) => {
                const priorityIds = { ...tracker.priorityIds };
                if (v) priorityIds[sev] = v;
                else delete priorityIds[sev];
                onChange({ ...tracker, priorityIds });
              }}
            />
          ))}
        </div>
      </details>
    </>
  );
}

const PLACEHOLDER_HINT = `Placeholders: ${SEARCH_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. {start} {end} are UTC times, {startMs} {endMs} epoch milliseconds (Datadog's from_ts/to_ts).`;

export function LogSearchSection({ settings, onSave }: { settings: Settings; onSave: SavePatch }) {
  const i = settings.integrations;
  // A stable value: the draft follows the stored one only when it changes.
  const stored = useMemo(
    () => ({ sentrySearchUrl: i.sentrySearchUrl, datadogSearchUrl: i.datadogSearchUrl }),
    [i.sentrySearchUrl, i.datadogSearchUrl],
  );
  const s = useSectionSave(stored, (d) => ({ integrations: d }), onSave);
  return (
    <Section
      id="log-search"
      title="Log search links"
      description="Searches opened around the customer’s timestamp from the reproduction step."
    >
      <TextInput
        label="Sentry search URL template"
        name="integrations.sentrySearchUrl"
        type="url"
        hint={PLACEHOLDER_HINT}
        value={s.draft.sentrySearchUrl}
        onChange={(v) => s.setDraft((d) => ({ ...d, sentrySearchUrl: v }))}
      />
      <TextInput
        label="Datadog search URL template"
        name="integrations.datadogSearchUrl"
        type="url"
        hint={PLACEHOLDER_HINT}
        value={s.draft.datadogSearchUrl}
        onChange={(v) => s.setDraft((d) => ({ ...d, datadogSearchUrl: v }))}
      />
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}

export function IncidentsSection({
  settings,
  secrets,
  onSave,
  onSetPagerDutyKey,
}: {
  settings: Settings;
  secrets: SecretsStatus;
  onSave: SavePatch;
  onSetPagerDutyKey: (key: string | null) => Promise<SaveResult>;
}) {
  const i = settings.integrations;
  // A stable value: the draft follows the stored one only when it changes.
  const stored = useMemo(
    () => ({
      pagerDuty: i.pagerDuty,
      statusPageAdminUrl: i.statusPageAdminUrl,
      slackWorkspaceUrl: i.slackWorkspaceUrl,
      runbookUrl: i.runbookUrl,
      escalationManager: i.escalationManager,
    }),
    [i.pagerDuty, i.statusPageAdminUrl, i.slackWorkspaceUrl, i.runbookUrl, i.escalationManager],
  );
  const s = useSectionSave(stored, (d) => ({ integrations: d }), onSave);
  const d = s.draft;
  const set = (patch: Partial<typeof d>) => s.setDraft((prev) => ({ ...prev, ...patch }));
  const [key, setKey] = useState('');
  const [keyResult, setKeyResult] = useState<SaveResult | undefined>();

  return (
    <Section
      id="incidents"
      title="Incidents and PagerDuty"
      description="Where a SEV1 pages on-call, and the links the incident steps open."
    >
      <TextInput
        label="PagerDuty Events API endpoint"
        name="integrations.pagerDuty.endpoint"
        type="url"
        value={d.pagerDuty.endpoint}
        onChange={(endpoint) => set({ pagerDuty: { endpoint } })}
      />
      <TextInput
        label="Status-page admin URL"
        name="integrations.statusPageAdminUrl"
        type="url"
        value={d.statusPageAdminUrl}
        onChange={(statusPageAdminUrl) => set({ statusPageAdminUrl })}
      />
      <TextInput
        label="Slack workspace URL"
        name="integrations.slackWorkspaceUrl"
        type="url"
        value={d.slackWorkspaceUrl}
        onChange={(slackWorkspaceUrl) => set({ slackWorkspaceUrl })}
      />
      <TextInput
        label="Runbook URL"
        name="integrations.runbookUrl"
        type="url"
        value={d.runbookUrl}
        onChange={(runbookUrl) => set({ runbookUrl })}
      />
      <TextInput
        label="Engineering manager to escalate to"
        name="integrations.escalationManager"
        value={d.escalationManager}
        onChange={(escalationManager) => set({ escalationManager })}
      />
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />

      <fieldset className="cb-group">
        <ReportDirty dirty={key.trim() !== ''} />
        <legend>PagerDuty routing key</legend>
        <p className="cb-field__hint">
          Kept in this browser only: never synced, never exported, shown masked. It saves on its
          own.{' '}
          <span data-testid="pagerduty-key-status">
            {secrets.pagerDuty.set ? `Saved: ${secrets.pagerDuty.masked}` : 'Not set.'}
          </span>
        </p>
        <Field label={secrets.pagerDuty.set ? 'Replace the routing key' : 'Routing key'}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="off"
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
          )}
        </Field>
        <div className="cb-savebar">
          <button
            type="button"
            className="cb-button cb-button--primary"
            disabled={!key.trim()}
            onClick={async () => {
              const r = await onSetPagerDutyKey(key.trim());
              setKeyResult(r);
              if (r.ok) setKey('');
            }}
          >
            Save key
          </button>
          {secrets.pagerDuty.set && (
            <button
              type="button"
              className="cb-button"
              onClick={async () => setKeyResult(await onSetPagerDutyKey(null))}
            >
              Remove key
            </button>
          )}
        </div>
        {keyResult && !keyResult.ok && (
          <ProblemList problems={keyResult.problems} label="The key was not saved:" />
        )}
        {keyResult?.ok && keyResult.message && (
          <p role="status" className="cb-field__hint">
            {keyResult.message}
          </p>
        )}
      </fieldset>
    </Section>
  );
}
