/**
 * The lead's priority → severity mapping: which severity the panel offers,
 * "from the page", for a ticket of each priority. Empty until the lead maps
 * it (priority is often set by customers or forms; a SEV1 pages on-call),
 * and always only an offer the agent confirms.
 */
import { SEVERITIES } from '../../lib/workflow/vocabulary';
import type { Settings } from '../../lib/settings/schema';
import { Field, SaveBar, Section } from './common';
import { useSectionSave, type SavePatch } from './SettingsSections';

const PRIORITIES = [
  ['urgent', 'Urgent'],
  ['high', 'High'],
  ['normal', 'Normal'],
  ['low', 'Low'],
] as const;

/** What most teams start from; the lead applies it with one click and may change any row. */
export const USUAL_MAPPING = { urgent: 'SEV1', high: 'SEV2', normal: 'SEV3', low: 'SEV4' } as const;

export function TriageSection({ settings, onSave }: { settings: Settings; onSave: SavePatch }) {
  const s = useSectionSave(settings.triage, (triage) => ({ triage }), onSave);
  const mapping = s.draft.severityByPriority;
  return (
    <Section
      id="triage"
      title="Severity from priority"
      description="The panel offers this severity on the severity step, from the ticket's priority (Zendesk's priority, Intercom's priority star as High); the agent confirms it in one click. Help Scout has no priority. Leave a row on “No suggestion” where priority says little about severity on your team."
    >
      <fieldset className="cb-group">
        <legend>Ticket priority → severity offered</legend>
        {PRIORITIES.map(([priority, label]) => (
          <Field key={priority} label={label} name={`triage.severityByPriority.${priority}`}>
            {(id, describedBy, invalid) => (
              <select
                id={id}
                value={mapping[priority] ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  s.setDraft((d) => ({
                    ...d,
                    severityByPriority: {
                      ...d.severityByPriority,
                      [priority]: SEVERITIES.find((sev) => sev === value) ?? null,
                    },
                  }));
                }}
              >
                <option value="">No suggestion</option>
                {SEVERITIES.map((sev) => (
                  <option key={sev} value={sev}>
                    {sev}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <button
          type="button"
          className="cb-button"
          onClick={() => s.setDraft((d) => ({ ...d, severityByPriority: { ...USUAL_MAPPING } }))}
        >
          Use urgent → SEV1, high → SEV2, normal → SEV3, low → SEV4
        </button>
      </fieldset>
      <SaveBar dirty={s.dirty} onSave={s.save} onDiscard={s.reset} />
    </Section>
  );
}
