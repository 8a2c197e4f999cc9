/**
 * The plain settings sections: helpdesks, agent, SLA policy, integrations
 * (with the PagerDuty key, which lives apart from the synced settings).
 */
import { useState } from 'react';
import type { AgentSuggestion, SecretsStatus } from '../../lib/messaging/settings';
import { SEARCH_PLACEHOLDERS, type Settings, type SettingsPatch } from '../../lib/settings/schema';
import { HELPDESKS, PLAN_TIERS, SEVERITIES } from '../../lib/workflow/schema';
import { HELPDESK_LABEL } from '../panel/labels';
import { Field, ProblemList, SaveBar, Section, useDraft, type SaveResult } from './common';

export type SavePatch = (patch: SettingsPatch) => Promise<SaveResult>;

function useSectionSave<T>(value: T, toPatch: (draft: T) => SettingsPatch, onSave: SavePatch) {
  const d = useDraft(value);
  const save = async () => {
    const result = await onSave(toPatch(d.draft));
    if (result.ok) d.markSaved();
    return result;
  };
  return { ...d, save };
}

export function HelpdesksSection({ settings, onSave }: { settings: Settings; onSave: SavePatch }) {
  const s = useSectionSave(settings.helpdesks, (helpdesks) => ({ helpdesks }), onSave);
  return (
    <Section
      id="helpdesks"
      title="Helpdesks"
      description="Turn the panel on or off per helpdesk, and whether .har attachments are sanitized before the helpdesk receives them."
    >
      <table className="cb-table">
        <thead>
          <tr>
            <th scope="col">Helpdesk</th>
            <th scope="col">Panel on</th>
            <th scope="col">Sanitize HAR attachments</th>
          </tr>
        </thead>
        <tbody>
          {HELPDESKS.map((h) => (
            <tr key={h}>
              <th scope="row">{HELPDESK_LABEL[h]}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${HELPDESK_LABEL[h]}: panel on`}
                  checked={s.draft[h].enabled}
                  onChange={(e) =>
                    s.setDraft((d) => ({ ...d, [h]: { ...d[h], enabled: e.target.checked } }))
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${HELPDESK_LABEL[h]}: sanitize HAR attachments`}
                  checked={s.draft[h].interceptHar}
                  onChange={(e) =>
                    s.setDraft((d) => ({ ...d, [h]: { ...d[h], interceptHar: e.target.checked } }))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}

export function AgentSection({
  settings,
  suggestion,
  onSave,
}: {
  settings: Settings;
  suggestion: AgentSuggestion | undefined;
  onSave: SavePatch;
}) {
  const s = useSectionSave(settings.agent, (agent) => ({ agent }), onSave);
  const offer =
    suggestion && (suggestion.name !== s.draft.name || (suggestion.email ?? '') !== s.draft.email)
      ? suggestion
      : undefined;
  return (
    <Section
      id="agent"
      title="You"
      description="Your name and e-mail go on every change you make in a run's record."
    >
      {offer && (
        <p className="cb-suggestion">
          {HELPDESK_LABEL[offer.helpdesk]} shows you are signed in as{' '}
          <strong>
            {offer.name}
            {offer.email ? ` <${offer.email}>` : ''}
          </strong>
          .{' '}
          <button
            type="button"
            className="cb-button"
            onClick={() => s.setDraft({ name: offer.name, email: offer.email ?? '' })}
          >
            Use this
          </button>
        </p>
      )}
      <Field label="Name">
        {(id) => (
          <input
            id={id}
            type="text"
            value={s.draft.name}
            autoComplete="name"
            onChange={(e) => s.setDraft((d) => ({ ...d, name: e.target.value }))}
          />
        )}
      </Field>
      <Field label="E-mail">
        {(id) => (
          <input
            id={id}
            type="email"
            value={s.draft.email}
            autoComplete="email"
            onChange={(e) => s.setDraft((d) => ({ ...d, email: e.target.value }))}
          />
        )}
      </Field>
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}

function MinutesInput({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  hint?: string;
}) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="cb-input--short"
          value={Number.isFinite(value) ? value : ''}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

const PLAN_LABEL = {
  enterprise: 'Enterprise',
  paid: 'Paid',
  trial: 'Trial',
  free: 'Free',
} as const;

export function SlaSection({ settings, onSave }: { settings: Settings; onSave: SavePatch }) {
  const s = useSectionSave(settings.sla, (sla) => ({ sla }), onSave);
  return (
    <Section
      id="sla"
      title="SLA policy"
      description="Targets in minutes. First response runs from ticket creation; engineering acknowledgement from the escalation page."
    >
      <fieldset className="cb-group">
        <legend>First response by plan tier</legend>
        {PLAN_TIERS.map((p) => (
          <MinutesInput
            key={p}
            label={`${PLAN_LABEL[p]} (minutes)`}
            value={s.draft.firstResponseMinutes[p]}
            onChange={(n) =>
              s.setDraft((d) => ({
                ...d,
                firstResponseMinutes: { ...d.firstResponseMinutes, [p]: n },
              }))
            }
          />
        ))}
      </fieldset>
      <fieldset className="cb-group">
        <legend>Engineering acknowledgement by severity</legend>
        {SEVERITIES.map((sev) => (
          <MinutesInput
            key={sev}
            label={`${sev} (minutes)`}
            value={s.draft.engineeringAckMinutes[sev]}
            onChange={(n) =>
              s.setDraft((d) => ({
                ...d,
                engineeringAckMinutes: { ...d.engineeringAckMinutes, [sev]: n },
              }))
            }
          />
        ))}
      </fieldset>
      <fieldset className="cb-group">
        <legend>Cadence and reminders</legend>
        <MinutesInput
          label="SEV1 status-page update every (minutes)"
          value={s.draft.statusPageCadenceMinutes}
          onChange={(n) => s.setDraft((d) => ({ ...d, statusPageCadenceMinutes: n }))}
        />
        <MinutesInput
          label="Remind before a clock is due (minutes)"
          value={s.draft.reminderLeadMinutes}
          onChange={(n) => s.setDraft((d) => ({ ...d, reminderLeadMinutes: n }))}
        />
      </fieldset>
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}

type Tracker = Settings['integrations']['tracker'];

const PLACEHOLDER_HINT = `Placeholders: ${SEARCH_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. {start} {end} are UTC times, {startMs} {endMs} epoch milliseconds (Datadog's from_ts/to_ts).`;

function TextInput({
  label,
  value,
  onChange,
  hint,
  type = 'text',
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  type?: 'text' | 'url';
  placeholder?: string;
}) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(id, describedBy) => (
        <input
          id={id}
          type={type}
          value={value}
          placeholder={placeholder}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function IntegrationsSection({
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
  const s = useSectionSave(settings.integrations, (integrations) => ({ integrations }), onSave);
  const d = s.draft;
  const set = (patch: Partial<typeof d>) => s.setDraft((prev) => ({ ...prev, ...patch }));
  const tracker = d.tracker;
  const setTracker = (t: Tracker) => set({ tracker: t });
  const [key, setKey] = useState('');
  const [keyResult, setKeyResult] = useState<SaveResult | undefined>();

  return (
    <Section id="integrations" title="Integrations">
      <fieldset className="cb-group">
        <legend>Bug tracker</legend>
        <Field label="Tracker">
          {(id) => (
            <select
              id={id}
              value={tracker.kind}
              onChange={(e) => {
                const kind = e.target.value as Tracker['kind'];
                setTracker(
                  kind === 'jira'
                    ? { kind, site: '', projectId: '', issueTypeId: '' }
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
        {tracker.kind === 'jira' && (
          <>
            <TextInput
              label="Jira site"
              placeholder="acme.atlassian.net"
              value={tracker.site}
              onChange={(site) => setTracker({ ...tracker, site })}
            />
            <TextInput
              label="Project id (pid)"
              hint="The number in the project's settings URL, e.g. 10042."
              value={tracker.projectId}
              onChange={(projectId) => setTracker({ ...tracker, projectId })}
            />
            <TextInput
              label="Issue type id"
              value={tracker.issueTypeId}
              onChange={(issueTypeId) => setTracker({ ...tracker, issueTypeId })}
            />
            {SEVERITIES.map((sev) => (
              <TextInput
                key={sev}
                label={`Priority id for ${sev} (optional)`}
                value={tracker.priorityIds?.[sev] ?? ''}
                onChange={(v) => {
                  const priorityIds = { ...tracker.priorityIds };
                  if (v) priorityIds[sev] = v;
                  else delete priorityIds[sev];
                  setTracker({ ...tracker, priorityIds });
                }}
              />
            ))}
          </>
        )}
        {tracker.kind === 'linear' && (
          <TextInput
            label="Team key"
            placeholder="ENG"
            value={tracker.teamKey}
            onChange={(teamKey) => setTracker({ ...tracker, teamKey })}
          />
        )}
      </fieldset>
      <fieldset className="cb-group">
        <legend>Log search links</legend>
        <TextInput
          label="Sentry search URL template"
          type="url"
          hint={PLACEHOLDER_HINT}
          value={d.sentrySearchUrl}
          onChange={(sentrySearchUrl) => set({ sentrySearchUrl })}
        />
        <TextInput
          label="Datadog search URL template"
          type="url"
          hint={PLACEHOLDER_HINT}
          value={d.datadogSearchUrl}
          onChange={(datadogSearchUrl) => set({ datadogSearchUrl })}
        />
      </fieldset>
      <fieldset className="cb-group">
        <legend>Incidents</legend>
        <TextInput
          label="PagerDuty Events API endpoint"
          type="url"
          value={d.pagerDuty.endpoint}
          onChange={(endpoint) => set({ pagerDuty: { endpoint } })}
        />
        <TextInput
          label="Status-page admin URL"
          type="url"
          value={d.statusPageAdminUrl}
          onChange={(statusPageAdminUrl) => set({ statusPageAdminUrl })}
        />
        <TextInput
          label="Slack workspace URL"
          type="url"
          value={d.slackWorkspaceUrl}
          onChange={(slackWorkspaceUrl) => set({ slackWorkspaceUrl })}
        />
        <TextInput
          label="Runbook URL"
          type="url"
          value={d.runbookUrl}
          onChange={(runbookUrl) => set({ runbookUrl })}
        />
        <TextInput
          label="Engineering manager to escalate to"
          value={d.escalationManager}
          onChange={(escalationManager) => set({ escalationManager })}
        />
      </fieldset>
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />

      <fieldset className="cb-group">
        <legend>PagerDuty routing key</legend>
        <p className="cb-field__hint">
          Kept in this browser only: never synced, never exported, shown masked.{' '}
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
