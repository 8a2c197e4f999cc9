/**
 * The plain settings sections: helpdesks, agent, SLA targets. Each saves
 * only its own part of the settings.
 */
import { useId, useMemo } from 'react';
import type { AgentSuggestion } from '../../lib/messaging/settings';
import { isValidTimeZone } from '../../lib/time/zoned';
import type { Settings, SettingsPatch } from '../../lib/settings/schema';
import { HELPDESKS, PLAN_TIERS, SEVERITIES } from '../../lib/workflow/schema';
import { HELPDESK_LABEL } from '../panel/labels';
import { supportedTimeZones } from '../panel/zoned-time';
import { Field, SaveBar, Section, useDraft, type SaveResult } from './common';

export type SavePatch = (patch: SettingsPatch) => Promise<SaveResult>;

export function useSectionSave<T>(
  value: T,
  toPatch: (draft: T) => SettingsPatch,
  onSave: SavePatch,
) {
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
            onClick={() =>
              s.setDraft((d) => ({ ...d, name: offer.name, email: offer.email ?? '' }))
            }
          >
            Use this
          </button>
        </p>
      )}
      <Field label="Name" name="agent.name">
        {(id, describedBy, invalid) => (
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            type="text"
            value={s.draft.name}
            autoComplete="name"
            onChange={(e) => s.setDraft((d) => ({ ...d, name: e.target.value }))}
          />
        )}
      </Field>
      <Field label="E-mail" name="agent.email">
        {(id, describedBy, invalid) => (
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            type="email"
            value={s.draft.email}
            autoComplete="email"
            onChange={(e) => s.setDraft((d) => ({ ...d, email: e.target.value }))}
          />
        )}
      </Field>
      <TimeZoneField
        value={s.draft.timeZone ?? ''}
        onChange={(timeZone) => s.setDraft((d) => ({ ...d, timeZone }))}
      />
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}

/**
 * The agent's own zone for the times the panel, popup and history show;
 * empty for this browser's. Any IANA name this browser knows (checked with
 * Intl as it is typed; the save checks it again and words any problem here).
 */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function TimeZoneField({ value, onChange }: { value: string; onChange(zone: string): void }) {
  const listId = useId();
  const zones = useMemo(() => supportedTimeZones(), []);
  const browser = browserTimeZone();
  const typed = value.trim();
  const known = typed === '' || isValidTimeZone(typed);
  return (
    <Field
      label="Your time zone"
      name="agent.timeZone"
      hint={
        !known
          ? `“${typed}” is not a time zone this browser knows: pick one from the list, like Europe/Lisbon.`
          : typed === ''
            ? `Empty: this browser’s zone (${browser}). Times are shown in it, with UTC on hover.`
            : `Times in the panel, popup and history are shown in ${typed}, with UTC on hover.`
      }
    >
      {(id, describedBy, invalid) => (
        <>
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || !known || undefined}
            type="text"
            list={listId}
            value={value}
            placeholder={browser}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

function MinutesInput({
  label,
  name,
  value,
  onChange,
  hint,
}: {
  label: string;
  name: string;
  value: number;
  onChange: (n: number) => void;
  hint?: string;
}) {
  return (
    <Field label={label} name={name} {...(hint ? { hint } : {})}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="cb-input--short"
          value={Number.isFinite(value) ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
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
      title="SLA targets"
      description="Targets in minutes. First response runs from ticket creation; engineering acknowledgement from the escalation page."
    >
      <fieldset className="cb-group">
        <legend>First response by plan tier</legend>
        {PLAN_TIERS.map((p) => (
          <MinutesInput
            key={p}
            label={`${PLAN_LABEL[p]} (minutes)`}
            name={`sla.firstResponseMinutes.${p}`}
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
            name={`sla.engineeringAckMinutes.${sev}`}
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
          name="sla.statusPageCadenceMinutes"
          value={s.draft.statusPageCadenceMinutes}
          onChange={(n) => s.setDraft((d) => ({ ...d, statusPageCadenceMinutes: n }))}
        />
        <MinutesInput
          label="Remind before a clock is due (minutes)"
          name="sla.reminderLeadMinutes"
          value={s.draft.reminderLeadMinutes}
          onChange={(n) => s.setDraft((d) => ({ ...d, reminderLeadMinutes: n }))}
        />
      </fieldset>
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}
