/**
 * Draft the next status-page update (the suggested state first), copy it,
 * open the status page, and record it as posted, with the cadence's next due time.
 */
import { useId, useState } from 'react';
import { finishingKey } from '../../../lib/actions/finishing-key';
import { formatUtc } from '../../../lib/time/zoned';
import { clockByTarget } from '../../../lib/workflow/roles';
import type { StatusPageState } from '../../../lib/workflow/schema';
import { hhmm, Outcome, useRunner } from './common';
import { GapFields, useGaps } from './GapFields';
import type { StepActionsProps } from './props';

export function StatusPageAction(props: StepActionsProps) {
  const { current, suggested, options } = props.drafts.statusPage;
  // Unset follows the suggestion, so after each post the next state is offered.
  const [state, setState] = useState<StatusPageState | undefined>();
  const chosen =
    options.find((o) => o.state === state) ??
    options.find((o) => o.state === suggested) ??
    options[0];
  const [edited, setEdited] = useState<{ state: StatusPageState; text: string }>();
  const { busy, error, done, run } = useRunner();
  const selectId = useId();
  const textId = useId();
  const cadence = clockByTarget(props.template, 'status-page-by-severity');
  const clock = props.view.clocks.find((c) => c.id === cadence?.id);
  const base = chosen ? (edited && edited.state === chosen.state ? edited.text : chosen.text) : '';
  // The customer-facing update leaves nothing as a placeholder either.
  const gaps = useGaps(base);
  const blocked = gaps.missing.length > 0;

  if (!chosen) {
    return (
      <div className="cb-action" data-action="draft-status-page">
        <p className="cb-muted">The status-page incident is resolved.</p>
        {/* The last post's confirmation stays in view once nothing is left to post. */}
        <Outcome error={error} done={done} />
      </div>
    );
  }
  const text = gaps.text;

  const copy = () =>
    run(async () => {
      if (blocked) return;
      await props.onCopy(text);
      return 'Copied: paste it into the status page.';
    });
  // Posting this update is all the step still needs (Resolved; step 4's "posted as Investigating").
  const finishes =
    props.drafts.finishing[props.step.step.id]?.includes(
      finishingKey('status-page-update', chosen.state),
    ) ?? false;
  const posted = (markDone: boolean) =>
    run(async () => {
      // The run sets the latest state (and step 4's "posted") from this record.
      const note = `Posted "${chosen.label}": ${text}`;
      const data = { state: chosen.state };
      if (markDone) await props.onRecordAction('status-page-update', note, data, true);
      else await props.onRecordAction('status-page-update', note, data);
      setEdited(undefined);
      setState(undefined);
      return markDone
        ? `Recorded the ${chosen.label} update; step done.`
        : `Recorded the ${chosen.label} update.`;
    });

  return (
    <div className="cb-action" data-action="draft-status-page">
      <p className="cb-muted">
        Status page: {current ? current.label : 'not posted yet'}
        {clock?.dueAt !== undefined && clock.state !== 'stopped' && clock.state !== 'met' && (
          <>
            {' · next update due '}
            <time dateTime={new Date(clock.dueAt).toISOString()} title={formatUtc(clock.dueAt)}>
              {hhmm(clock.dueAt)}
            </time>
          </>
        )}
      </p>
      <label htmlFor={selectId} className="cb-action-label">
        Update state
      </label>
      <select
        id={selectId}
        value={chosen.state}
        onChange={(e) => setState(e.target.value as StatusPageState)}
      >
        {options.map((o) => (
          <option key={o.state} value={o.state}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor={textId} className="cb-action-label">
        Drafted update
      </label>
      <textarea
        id={textId}
        className="cb-action-text"
        rows={4}
        value={text}
        onChange={(e) => setEdited({ state: chosen.state, text: e.target.value })}
      />
      <GapFields gaps={gaps} />
      <div className="cb-row">
        <button type="button" className="cb-button" disabled={busy || blocked} onClick={copy}>
          Copy update
        </button>
        {props.settings.statusPageAdminUrl ? (
          <button
            type="button"
            className="cb-button"
            onClick={() => props.onOpenUrl(props.settings.statusPageAdminUrl)}
          >
            Open status page
          </button>
        ) : null}
        {finishes ? (
          <button
            type="button"
            className="cb-button cb-button-primary"
            disabled={busy}
            onClick={() => posted(true)}
          >
            I posted it, mark done
          </button>
        ) : null}
        <button
          type="button"
          className={finishes ? 'cb-button' : 'cb-button cb-button-primary'}
          disabled={busy}
          onClick={() => posted(false)}
        >
          I posted it
        </button>
      </div>
      <Outcome error={error} done={done} />
    </div>
  );
}
