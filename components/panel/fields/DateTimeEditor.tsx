/**
 * A wall-clock time in the customer's zone ({local, timeZone}), as they said
 * it, with the agent's own time and the UTC instant beside it (UTC written
 * once) so log searches use the right window.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Field, ZonedDateTime } from '../../../lib/workflow/schema';
import {
  adjustmentNote,
  formatUtc,
  localTimeZone,
  supportedTimeZones,
  zonedToUtc,
} from '../zoned-time';
import { agentTimeZone, formatDueWall } from '../clock-format';
import { useNow } from '../now';
import { PageSuggestion } from '../PageSuggestion';
import {
  describedBy,
  FieldShell,
  fieldDomId,
  useFieldSave,
  visibleError,
  type FieldEditorProps,
} from './common';

type DateTimeField = Extract<Field, { type: 'datetime' }>;

function asZoned(value: unknown): ZonedDateTime | undefined {
  if (value && typeof value === 'object' && 'local' in value && 'timeZone' in value) {
    const v = value as { local: unknown; timeZone: unknown };
    if (typeof v.local === 'string' && typeof v.timeZone === 'string') {
      return { local: v.local, timeZone: v.timeZone };
    }
  }
  return undefined;
}

export function DateTimeEditor(props: FieldEditorProps & { field: DateTimeField }) {
  const { stepId, view, field, readOnly } = props;
  const stored = asZoned(view.state?.value);
  const [local, setLocal] = useState(stored?.local ?? '');
  const [zone, setZone] = useState(stored?.timeZone ?? localTimeZone());
  const { save, saveError } = useFieldSave(props);
  const now = useNow();
  const zones = useMemo(() => {
    const all = supportedTimeZones();
    // A stored zone this runtime does not list must still be selectable.
    return all.includes(zone) ? all : [zone, ...all];
  }, [zone]);

  // Follow changes made elsewhere (another tab); a cleared value keeps the chosen zone.
  const storedLocal = stored?.local;
  const storedZone = stored?.timeZone;
  useEffect(() => {
    if (storedLocal !== undefined && storedZone !== undefined) {
      setLocal(storedLocal);
      setZone(storedZone);
    }
  }, [storedLocal, storedZone]);

  const utc = local ? zonedToUtc(local, zone) : undefined;
  const adjustment = utc !== undefined ? adjustmentNote(local, zone) : undefined;
  const localError = local && utc === undefined ? 'Not a valid time in this time zone.' : undefined;

  const commit = (nextLocal: string, nextZone: string) => {
    if (!nextLocal) {
      if (stored) void save(null);
      return;
    }
    if (zonedToUtc(nextLocal, nextZone) === undefined) return;
    if (stored && stored.local === nextLocal && stored.timeZone === nextZone) return;
    void save({ local: nextLocal, timeZone: nextZone });
  };

  // The customer's zone from the page, until this field's time is in it: one click sets it.
  const offerZone =
    props.suggestedZone && !readOnly && zone !== props.suggestedZone
      ? props.suggestedZone
      : undefined;
  const applyZone = async (next: string) => {
    setZone(next);
    if (!local) return;
    if (zonedToUtc(local, next) === undefined)
      throw new Error('Not a valid time in that time zone.');
    await save({ local, timeZone: next });
  };

  const error = visibleError(view, localError, saveError);
  const zoneId = fieldDomId(stepId, field.id, 'zone');
  const utcId = fieldDomId(stepId, field.id, 'utc');
  const described = [describedBy(stepId, field, error), utc !== undefined ? utcId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <FieldShell
      stepId={stepId}
      view={view}
      localError={localError}
      saveError={saveError}
      note={
        utc !== undefined ? (
          <p className="cb-help" id={utcId}>
            Your time: {formatDueWall(utc, now, agentTimeZone())} ·{' '}
            <time dateTime={new Date(utc).toISOString()}>{formatUtc(utc)}</time>
            {adjustment ? ` ${adjustment}` : null}
          </p>
        ) : null
      }
    >
      {offerZone ? (
        <PageSuggestion
          fieldId={`${field.id}--zone`}
          label="Customer's time zone"
          shown={offerZone}
          onUse={() => applyZone(offerZone)}
        />
      ) : null}
      <div className="cb-datetime">
        <input
          className="cb-input"
          type="datetime-local"
          id={fieldDomId(stepId, field.id)}
          value={local}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          aria-required={field.required || undefined}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setLocal(next);
            commit(next, zone);
          }}
        />
        <label className="cb-sublabel" htmlFor={zoneId}>
          Time zone
        </label>
        <select
          className="cb-input"
          id={zoneId}
          value={zone}
          disabled={readOnly}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setZone(next);
            commit(local, next);
          }}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
    </FieldShell>
  );
}
