/**
 * "SLA policies": the team schedule (time zone, weekly hours, holidays,
 * importable from an .ics calendar) and the targets per metric, plan tier
 * and severity. They are part of the workflow template's policy, so saving
 * stores the next template version: new tickets get it, tickets in progress
 * keep the SLA they were opened under.
 */
import { useState } from 'react';
import { IcsError, parseIcsHolidays } from '../../lib/sla/ics';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy } from '../../lib/sla/schema';
import { WEEKDAYS, type Weekday } from '../../lib/time/business-hours';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { Field, SaveBar, Section, useDraft, type SaveResult } from './common';
import { JsonBox } from './JsonBox';

const DAY_LABEL: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const WEEK_ORDER: Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

export interface SlaPoliciesSectionProps {
  template: WorkflowTemplate;
  onSaveTemplate: (template: WorkflowTemplate) => Promise<{ version: number; changed: boolean }>;
}

function policyOf(template: WorkflowTemplate): SlaPolicy {
  return template.policy.sla ?? slaPolicySchema.parse(DEFAULT_SLA_POLICY);
}

export function SlaPoliciesSection({ template, onSaveTemplate }: SlaPoliciesSectionProps) {
  const d = useDraft<SlaPolicy>(policyOf(template));
  const [icsNote, setIcsNote] = useState<string | undefined>();
  const schedule = d.draft.schedules[0]!;
  const setSchedule = (patch: Partial<typeof schedule>) =>
    d.setDraft((p) => ({
      ...p,
      schedules: [{ ...p.schedules[0]!, ...patch }, ...p.schedules.slice(1)],
    }));

  async function save(): Promise<SaveResult> {
    const parsed = slaPolicySchema.safeParse(d.draft);
    if (!parsed.success) {
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => ({
          path: i.path.join('.') || 'sla',
          message: i.message,
        })),
      };
    }
    const saved = await onSaveTemplate({
      ...template,
      policy: { ...template.policy, sla: parsed.data },
    });
    d.markSaved();
    return {
      ok: true,
      message: saved.changed ? `Saved as template version ${saved.version}.` : 'No change.',
    };
  }

  async function importIcs(file: File | undefined) {
    if (!file) return;
    try {
      const { holidays, skipped } = parseIcsHolidays(await file.text());
      const known = new Set(schedule.holidays.map((h) => h.date));
      setSchedule({
        holidays: [...schedule.holidays, ...holidays.filter((h) => !known.has(h.date))],
      });
      setIcsNote(
        `${holidays.length} holiday${holidays.length === 1 ? '' : 's'} read` +
          (skipped.length
            ? `; skipped: ${skipped.map((s) => `${s.summary} (${s.reason})`).join('; ')}`
            : '.'),
      );
    } catch (error) {
      setIcsNote(error instanceof IcsError ? error.message : `Could not read ${file.name}.`);
    }
  }

  return (
    <Section
      id="sla-policies"
      title="SLA policies"
      description="Business-hours targets count only the team schedule's open hours, in its time zone, without holidays. Agents see due times in their own time zone."
    >
      <fieldset className="cb-group">
        <legend>Team schedule</legend>
        <Field label="Time zone (IANA name)" hint="e.g. America/New_York, Europe/Berlin">
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              value={schedule.timeZone}
              onChange={(e) => setSchedule({ timeZone: e.target.value })}
            />
          )}
        </Field>
        {WEEK_ORDER.map((day) => {
          const range = schedule.week[day]?.[0];
          return (
            <div className="cb-field" key={day} data-day={day}>
              <label>
                <input
                  type="checkbox"
                  checked={range !== undefined}
                  onChange={(e) =>
                    setSchedule({
                      week: {
                        ...schedule.week,
                        [day]: e.target.checked ? [{ from: '09:00', to: '17:00' }] : [],
                      },
                    })
                  }
                />{' '}
                {DAY_LABEL[day]}
              </label>
              {range && (
                <>
                  <input
                    type="time"
                    aria-label={`${DAY_LABEL[day]} opens`}
                    value={range.from}
                    onChange={(e) =>
                      setSchedule({
                        week: { ...schedule.week, [day]: [{ ...range, from: e.target.value }] },
                      })
                    }
                  />
                  {' – '}
                  <input
                    type="time"
                    aria-label={`${DAY_LABEL[day]} closes`}
                    value={range.to === '24:00' ? '23:59' : range.to}
                    onChange={(e) =>
                      setSchedule({
                        week: { ...schedule.week, [day]: [{ ...range, to: e.target.value }] },
                      })
                    }
                  />
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset className="cb-group">
        <legend>Holidays</legend>
        <ul className="cb-holidays">
          {schedule.holidays.map((h) => (
            <li key={`${h.date}-${h.name}`}>
              {h.date} {h.name}
              {h.yearly ? ' (every year)' : ''}{' '}
              <button
                type="button"
                className="cb-button"
                onClick={() => setSchedule({ holidays: schedule.holidays.filter((x) => x !== h) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <Field label="Import holidays from an iCalendar (.ics) file">
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".ics,text/calendar"
              onChange={(e) => void importIcs(e.target.files?.[0])}
            />
          )}
        </Field>
        {icsNote && <p role="status">{icsNote}</p>}
      </fieldset>
      <JsonBox
        label="Targets (first match wins): metric, plans, severities, minutes, business or calendar time, pause while waiting, escalation"
        value={d.draft.targets}
        rows={12}
        optional={false}
        onChange={(targets) =>
          d.setDraft((p) => ({ ...p, targets: targets as SlaPolicy['targets'] }))
        }
      />
      <SaveBar dirty={d.dirty} onSave={save} onDiscard={d.reset} />
    </Section>
  );
}
