/**
 * One team schedule of the SLA policy: name, time zone, weekly opening
 * hours (any number of ranges a day), holidays typed in or imported from an
 * iCalendar (.ics) file. Props in, the edited schedule out.
 */
import { useState } from 'react';
import { IcsError, parseIcsHolidays } from '../../lib/sla/ics';
import type { SlaPolicy } from '../../lib/sla/schema';
import { WEEKDAYS, type Weekday } from '../../lib/time/business-hours';
import { Field, FieldProblem } from './common';

export type Schedule = SlaPolicy['schedules'][number];
type Holiday = Schedule['holidays'][number];

export const DAY_LABEL: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const WEEK_ORDER: Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

export interface ScheduleEditorProps {
  schedule: Schedule;
  /** Position in the policy (0-based): labels say "Schedule 2", problems match `schedules.1.…`. */
  index: number;
  onChange: (next: Schedule) => void;
  /** Absent when this schedule may not be removed (the last one, or targets use it). */
  onRemove?: () => void;
  /** Why it cannot be removed, when it cannot. */
  removeBlockedBecause?: string;
}

export function ScheduleEditor({
  schedule,
  index,
  onChange,
  onRemove,
  removeBlockedBecause,
}: ScheduleEditorProps) {
  const n = index + 1;
  const at = `schedules.${index}`;
  const set = (patch: Partial<Schedule>) => onChange({ ...schedule, ...patch });
  const [icsNote, setIcsNote] = useState<{ ok: boolean; text: string } | undefined>();
  const [holiday, setHoliday] = useState<Holiday>({ date: '', name: '' });

  const setDay = (day: Weekday, ranges: Array<{ from: string; to: string }>) =>
    set({ week: { ...schedule.week, [day]: ranges } });

  async function importIcs(file: File | undefined) {
    if (!file) return;
    try {
      const { holidays, skipped } = parseIcsHolidays(await file.text());
      const known = new Set(schedule.holidays.map((h) => h.date));
      const added = holidays.filter((h) => !known.has(h.date));
      set({ holidays: [...schedule.holidays, ...added].sort(byDate) });
      setIcsNote({
        ok: true,
        text:
          `${holidays.length} holiday${holidays.length === 1 ? '' : 's'} read` +
          (skipped.length
            ? `; skipped: ${skipped.map((s) => `${s.summary} (${s.reason})`).join('; ')}`
            : '.'),
      });
    } catch (error) {
      setIcsNote({
        ok: false,
        text: error instanceof IcsError ? error.message : `Could not read ${file.name}.`,
      });
    }
  }

  return (
    <fieldset className="cb-group cb-schedule" data-schedule={schedule.id}>
      <legend>
        Schedule {n}: {schedule.name || '(no name)'}
      </legend>
      <div className="cb-grid">
        <Field label={`Schedule ${n} name`} name={`${at}.name`}>
          {(id, describedBy, invalid) => (
            <input
              id={id}
              type="text"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={schedule.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={`Schedule ${n} time zone`}
          name={`${at}.timeZone`}
          hint="An IANA name, e.g. America/New_York, Europe/Berlin"
        >
          {(id, describedBy, invalid) => (
            <input
              id={id}
              type="text"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={schedule.timeZone}
              onChange={(e) => set({ timeZone: e.target.value.trim() })}
            />
          )}
        </Field>
        <Field
          label={`Schedule ${n} id`}
          name={`${at}.id`}
          hint="Targets name their schedule by this id."
        >
          {(id, describedBy, invalid) => (
            <input
              id={id}
              type="text"
              className="cb-input--short"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={schedule.id}
              onChange={(e) => set({ id: e.target.value.trim() })}
            />
          )}
        </Field>
      </div>

      <fieldset className="cb-group">
        <legend>Schedule {n} weekly hours</legend>
        <FieldProblem name={`${at}.week`} exact />
        <table className="cb-table cb-week">
          <tbody>
            {WEEK_ORDER.map((day) => {
              const ranges = schedule.week[day] ?? [];
              const label = `Schedule ${n} ${DAY_LABEL[day]}`;
              return (
                <tr key={day} data-day={day}>
                  <th scope="row">
                    <label>
                      <input
                        type="checkbox"
                        aria-label={`${label} open`}
                        checked={ranges.length > 0}
                        onChange={(e) =>
                          setDay(day, e.target.checked ? [{ from: '09:00', to: '17:00' }] : [])
                        }
                      />{' '}
                      {DAY_LABEL[day]}
                    </label>
                  </th>
                  <td>
                    {ranges.length === 0 && <span className="cb-field__hint">Closed</span>}
                    {ranges.map((range, r) => (
                      <span className="cb-range" key={r}>
                        <input
                          type="time"
                          aria-label={`${label} opens${r ? ` (${r + 1})` : ''}`}
                          value={range.from}
                          onChange={(e) =>
                            setDay(
                              day,
                              ranges.map((x, i) => (i === r ? { ...x, from: e.target.value } : x)),
                            )
                          }
                        />
                        {' – '}
                        <input
                          type="time"
                          aria-label={`${label} closes${r ? ` (${r + 1})` : ''}`}
                          // <input type=time> cannot show 24:00; 23:59 reads the same.
                          value={range.to === '24:00' ? '23:59' : range.to}
                          onChange={(e) =>
                            setDay(
                              day,
                              ranges.map((x, i) => (i === r ? { ...x, to: e.target.value } : x)),
                            )
                          }
                        />
                        {r > 0 && (
                          <button
                            type="button"
                            className="cb-button cb-button--small"
                            aria-label={`${label}: remove hours ${r + 1}`}
                            onClick={() =>
                              setDay(
                                day,
                                ranges.filter((_, i) => i !== r),
                              )
                            }
                          >
                            Remove
                          </button>
                        )}
                      </span>
                    ))}
                    {ranges.length > 0 && ranges.length < 6 && (
                      <button
                        type="button"
                        className="cb-button cb-button--small"
                        aria-label={`${label}: add hours (e.g. after a break)`}
                        onClick={() => {
                          const last = ranges[ranges.length - 1]!;
                          setDay(day, [...ranges, { from: last.to, to: '24:00' }]);
                        }}
                      >
                        + hours
                      </button>
                    )}
                    <FieldProblem name={`${at}.week.${day}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset className="cb-group">
        <legend>Schedule {n} holidays</legend>
        {schedule.holidays.length === 0 ? (
          <p className="cb-field__hint">No holidays.</p>
        ) : (
          <ul className="cb-holidays">
            {schedule.holidays.map((h) => (
              <li key={`${h.date}-${h.name}`}>
                {h.date} {h.name}
                {h.yearly ? ' (every year)' : ''}{' '}
                <button
                  type="button"
                  className="cb-button cb-button--small"
                  aria-label={`Remove ${h.name} (${h.date}) from schedule ${n}`}
                  onClick={() => set({ holidays: schedule.holidays.filter((x) => x !== h) })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="cb-inline">
          <input
            type="date"
            aria-label={`Schedule ${n} holiday date`}
            value={holiday.date}
            onChange={(e) => setHoliday((h) => ({ ...h, date: e.target.value }))}
          />
          <input
            type="text"
            aria-label={`Schedule ${n} holiday name`}
            placeholder="Name, e.g. Christmas Day"
            value={holiday.name}
            onChange={(e) => setHoliday((h) => ({ ...h, name: e.target.value }))}
          />
          <label className="cb-check">
            <input
              type="checkbox"
              checked={holiday.yearly === true}
              onChange={(e) => setHoliday((h) => ({ ...h, yearly: e.target.checked }))}
            />
            every year
          </label>
          <button
            type="button"
            className="cb-button"
            disabled={!holiday.date || !holiday.name.trim()}
            onClick={() => {
              const next: Holiday = {
                date: holiday.date,
                name: holiday.name.trim(),
                ...(holiday.yearly ? { yearly: true } : {}),
              };
              set({ holidays: [...schedule.holidays, next].sort(byDate) });
              setHoliday({ date: '', name: '' });
            }}
          >
            Add holiday
          </button>
        </div>
        <Field label={`Import holidays into schedule ${n} from an iCalendar (.ics) file`}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".ics,text/calendar"
              onChange={(e) => void importIcs(e.target.files?.[0])}
            />
          )}
        </Field>
        {icsNote && (
          <p role={icsNote.ok ? 'status' : 'alert'} className={icsNote.ok ? '' : 'cb-field__error'}>
            {icsNote.text}
          </p>
        )}
      </fieldset>
      <div className="cb-inline">
        <button
          type="button"
          className="cb-button cb-button--danger"
          disabled={!onRemove}
          aria-describedby={removeBlockedBecause ? `${at}-remove-why` : undefined}
          onClick={onRemove}
        >
          Remove schedule {n}
        </button>
        {removeBlockedBecause && (
          <span className="cb-field__hint" id={`${at}-remove-why`}>
            {removeBlockedBecause}
          </span>
        )}
      </div>
    </fieldset>
  );
}

function byDate(a: Holiday, b: Holiday): number {
  return a.date.localeCompare(b.date);
}
