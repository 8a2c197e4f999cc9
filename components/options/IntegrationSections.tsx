/**
 * Integrations as three sections that save on their own: the bug tracker,
 * incidents (PagerDuty endpoint and key, status page, Slack, runbook) and
 * log search links. A refused Jira field can no longer hold back the
 * PagerDuty endpoint: each sends only its own keys.
 */
import { useMemo, useState } from 'react';
import type { SecretsStatus } from '../../lib/messaging/settings';
import { SEARCH_PLACEHOLDERS, type Settings } from '../../lib/settings/schema';
import { Field, ProblemList, SaveBar, Section, ReportDirty, type SaveResult } from './common';
import { JiraFields } from './JiraFields';
import { useSectionSave, type SavePatch } from './SettingsSections';
import { TextInput } from './TextInput';

type Integrations = Settings['integrations'];
type Tracker = Integrations['tracker'];

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
