/**
 * The buttons a step offers (its template `actions`), rendered in the panel's
 * `renderActions(step)` slot. Props in, callbacks out: the texts, links and
 * refusals come drafted (`drafts`, lib/actions/drafts.ts, built by the
 * background from the run and settings); inserting, copying, opening, paging
 * and recording are the container's.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ActionDrafts, ActionSettings } from '../../../lib/actions/drafts';
import type { ComposerAction } from '../../../lib/actions/composer-text';
import type { PageState } from '../../../lib/actions/pagerduty-delivery';
import { formatUtc } from '../../../lib/time/zoned';
import { clockByTarget, fieldRefByRole } from '../../../lib/workflow/roles';
import type { PagingReadiness } from '../../../lib/messaging/actions';
import type {
  FieldValue,
  StatusPageState,
  StepAction,
  WorkflowTemplate,
} from '../../../lib/workflow/schema';
import type { RunView, StepView } from '../../../lib/workflow/view';
import { useNow } from '../now';
import { Outcome, Refusal, useRunner } from './common';
import { GapFields, useGaps } from './GapFields';
import { MessageAction } from './MessageAction';
import './actions.css';

export type { ActionSettings } from '../../../lib/actions/drafts';

/** How a composer insertion went (platform/composer/insert.ts reports it). */
export interface InsertOutcome {
  /** `clipboard` when the editor could not be reached and the text was copied instead. */
  path: string;
}

export interface StepActionsProps {
  step: StepView;
  view: RunView;
  template: WorkflowTemplate;
  /** The run's drafted texts, links and refusals (re-drafted whenever the run changes). */
  drafts: ActionDrafts;
  settings: ActionSettings;
  /** The page's delivery state and readiness (action.pageStatus); undefined while loading. */
  page: { state: PageState; readiness: PagingReadiness } | undefined;
  onInsertText(text: string): Promise<InsertOutcome | void>;
  onCopy(text: string): Promise<void>;
  onOpenUrl(url: string): void;
  /** Resolves with a notice when nothing was sent (a page is pending or already accepted). */
  onPage(repage: boolean): Promise<{ notice?: string } | void>;
  /** Record an action on the run; `data` lets the run fill the fields it answers. */
  onRecordAction(action: string, note?: string, data?: Record<string, unknown>): Promise<void>;
  /**
   * A message went to the customer (inserted or copied): records the action
   * and ticks the step's "sent" field; falls back to onRecordAction.
   */
  onMessageSent?(action: string, note: string): Promise<void>;
  /** The agent's name for signatures (settings, else the signed-in agent the page shows). */
  agentName?: string;
  /** Keep the name the agent typed into a signature gap, so it is asked once. */
  onRememberAgentName?(name: string): Promise<void>;
  /** Record what an action did in the run's own fields (status-page state, escalation). */
  onSetField?(stepId: string, fieldId: string, value: FieldValue): Promise<void>;
}

/** The agent's own clock, with its zone named ("18:10 EST"): what they read the time by. */
function hhmm(t: number): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(t);
}

function describePage(
  state: PageState,
  now: number,
): { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted'; at?: number } {
  switch (state.status) {
    case 'idle':
      return { text: 'Not paged yet.', tone: 'muted' };
    case 'sending':
      return {
        text:
          state.attempt > 1 ? `Sending the page (attempt ${state.attempt})…` : 'Sending the page…',
        tone: 'warn',
      };
    case 'retry-scheduled': {
      const mins = Math.max(0, Math.ceil((state.retryAt - now) / 60_000));
      return {
        text: `Page pending — ${state.lastError.message}. Retrying at ${hhmm(state.retryAt)} (in ${mins} min); nothing else to do.`,
        tone: 'warn',
        at: state.retryAt,
      };
    }
    case 'accepted':
      return {
        text: `PagerDuty accepted the page at ${hhmm(state.acceptedAt)} (dedup key ${state.dedupKey}).`,
        tone: 'ok',
        at: state.acceptedAt,
      };
    case 'failed':
      return { text: `The page failed: ${state.error.message}`, tone: 'danger' };
  }
}

function PageStatus({ state }: { state: PageState }) {
  const d = describePage(state, useNow());
  return (
    <p
      className={`cb-page-status cb-page-status--${d.tone}`}
      role={d.tone === 'danger' ? 'alert' : 'status'}
      data-page-status={state.status}
      title={d.at === undefined ? undefined : formatUtc(d.at)}
    >
      {d.text}
    </p>
  );
}

function readinessProblem(r: PagingReadiness | undefined): string | undefined {
  if (!r) return undefined;
  if (!r.routingKeySet)
    return 'Add the PagerDuty routing key in Casebook options (Integrations → PagerDuty) to page from here.';
  if (!r.permissionGranted)
    return `Grant Casebook access to ${r.endpointHost} in Casebook options to page from here.`;
  return undefined;
}

function PageAction(props: StepActionsProps & { repage: boolean }) {
  const { busy, error, done, run } = useRunner();
  const policy = props.template.policy.severities.find((s) => s.id === props.view.severity);
  const state = props.page?.state;
  if (policy && policy.pageVia === 'slack-mention' && !props.repage) {
    return (
      <div className="cb-action" data-action="page-on-call">
        <Refusal
          reason={`${policy.id}: page the on-call with a Slack mention (Copy Slack mention), not PagerDuty.`}
        />
      </div>
    );
  }
  const refusal = props.drafts.pageRefusal ?? readinessProblem(props.page?.readiness);
  const pending = state?.status === 'sending' || state?.status === 'retry-scheduled';
  const accepted = state?.status === 'accepted';
  const label = props.repage
    ? 'Re-page on-call'
    : state?.status === 'failed'
      ? 'Try paging again'
      : 'Page on-call (PagerDuty)';
  const disabled =
    busy ||
    !!refusal ||
    pending ||
    !props.page ||
    (accepted && !props.repage) ||
    (props.repage && (state?.pagesAccepted ?? 0) === 0);
  const click = () =>
    run(async () => {
      const reply = await props.onPage(props.repage);
      if (reply?.notice) return reply.notice;
      if (props.repage) {
        await props.onRecordAction(
          're-page',
          'Re-paged on-call (no engineering acknowledgement within the SLA).',
        );
        const escalated = fieldRefByRole(props.template, 'escalated');
        if (escalated) await props.onSetField?.(escalated.stepId, escalated.fieldId, 're-paged');
      }
    });
  // A SEV1 is paged before the bug exists (step 4); the escalation page should carry the
  // bug link, so once it is known the accepted page can be sent again with it (same dedup key).
  const bugUrl = props.drafts.facts.bugUrl;
  const offerBugLink = !props.repage && accepted && !!bugUrl && !refusal;
  const sendBugLink = () =>
    run(async () => {
      const reply = await props.onPage(true);
      if (reply?.notice) return reply.notice;
      await props.onRecordAction('page-on-call', `Sent the bug link to the open page: ${bugUrl}`);
      return 'The bug link went to the page (same incident while it is open).';
    });
  return (
    <div className="cb-action" data-action={props.repage ? 're-page' : 'page-on-call'}>
      {/* Once PagerDuty accepted the page, a second page button (step 13 after step 4) only misleads. */}
      {accepted && !props.repage ? null : (
        <button
          type="button"
          className={`cb-button${props.repage ? '' : ' cb-button-primary'}`}
          disabled={disabled}
          onClick={click}
        >
          {label}
        </button>
      )}
      {offerBugLink ? (
        <button type="button" className="cb-button" disabled={busy} onClick={sendBugLink}>
          Send the bug link to the page
        </button>
      ) : null}
      {props.repage && (state?.pagesAccepted ?? 0) === 0 && !refusal ? (
        <Refusal reason="No page has been accepted yet: page on-call first." />
      ) : null}
      {refusal ? <Refusal reason={refusal} /> : null}
      {state ? <PageStatus state={state} /> : null}
      {props.repage && accepted ? (
        <p className="cb-muted">
          A re-page uses the same dedup key: while the incident is open PagerDuty adds it to the
          same alert.
        </p>
      ) : null}
      <Outcome error={error} done={done} />
    </div>
  );
}

function CopyAction(props: {
  action: StepAction;
  label: string;
  text: string | undefined;
  refusal?: string;
  note: string;
  onCopy(text: string): Promise<void>;
  onRecordAction(action: string, note?: string): Promise<void>;
}) {
  const { busy, error, done, run } = useRunner();
  // What is not known yet is asked for here: nothing is copied with a placeholder in it.
  const gaps = useGaps(props.text ?? '');
  const blocked = gaps.missing.length > 0;
  const click = () =>
    run(async () => {
      if (!props.text || blocked) return;
      await props.onCopy(gaps.text);
      await props.onRecordAction(props.action, props.note);
      return 'Copied.';
    });
  return (
    <div className="cb-action" data-action={props.action}>
      <GapFields gaps={gaps} />
      <button
        type="button"
        className="cb-button"
        disabled={busy || !props.text || blocked}
        onClick={click}
      >
        {props.label}
      </button>
      {props.refusal ? <Refusal reason={props.refusal} /> : null}
      <Outcome error={error} done={done} />
    </div>
  );
}

function StatusPageAction(props: StepActionsProps) {
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
  const posted = () =>
    run(async () => {
      // The run sets the latest state (and step 4's "posted") from this record.
      await props.onRecordAction('status-page-update', `Posted "${chosen.label}": ${text}`, {
        state: chosen.state,
      });
      setEdited(undefined);
      setState(undefined);
      return `Recorded the ${chosen.label} update.`;
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
        <button
          type="button"
          className="cb-button cb-button-primary"
          disabled={busy}
          onClick={posted}
        >
          I posted it
        </button>
      </div>
      <Outcome error={error} done={done} />
    </div>
  );
}

function LogSearchAction(props: StepActionsProps) {
  const { busy, error, done, run } = useRunner();
  const targets = props.drafts.logSearch;
  if (targets.length === 0) {
    return (
      <div className="cb-action" data-action="open-log-search">
        <Refusal reason="Add Sentry or Datadog search URL templates in Casebook options to search from here." />
      </div>
    );
  }
  return (
    <div className="cb-action" data-action="open-log-search">
      {targets.map((t) => (
        <div key={t.name} className="cb-row">
          <button
            type="button"
            className="cb-button"
            disabled={busy || !t.ok}
            onClick={() =>
              run(async () => {
                if (!t.ok) return;
                props.onOpenUrl(t.url);
                await props.onRecordAction(
                  'open-log-search',
                  `Opened the ${t.name} search (±15 min)`,
                );
              })
            }
          >
            Search {t.name} (±15 min)
          </button>
          {!t.ok ? <Refusal reason={t.reason} /> : null}
        </div>
      ))}
      <Outcome error={error} done={done} />
    </div>
  );
}

function FileBugAction(props: StepActionsProps) {
  const { busy, error, done, run } = useRunner();
  const report = props.drafts.bug;
  if (!report.ok) {
    return (
      <div className="cb-action" data-action="file-bug">
        <button type="button" className="cb-button" disabled>
          File the bug
        </button>
        <Refusal reason={report.reason} />
      </div>
    );
  }
  const tracker = props.settings.tracker;
  const file = () =>
    run(async () => {
      if (tracker.kind === 'none' || !report.link) return;
      if (!report.link.ok) throw new Error(report.link.reason);
      const { link } = report.link;
      const name = tracker.kind === 'jira' ? 'Jira' : 'Linear';
      if (!link.complete && link.clipboardText !== undefined)
        await props.onCopy(link.clipboardText);
      props.onOpenUrl(link.url);
      await props.onRecordAction(
        'file-bug',
        link.complete
          ? `Opened a prefilled ${name} issue`
          : `Opened a short ${name} prefill; full report copied (URL over 8 KB)`,
      );
      return link.complete
        ? `${name} opened with the report filled in. Paste the issue link into the Bug URL field.`
        : `The report is too long for a link: it is on the clipboard — paste it into the ${name} description.`;
    });
  const copy = () =>
    run(async () => {
      await props.onCopy(report.markdown);
      await props.onRecordAction('file-bug', 'Copied the bug report (Markdown)');
      return 'Bug report copied (Markdown).';
    });
  return (
    <div className="cb-action" data-action="file-bug">
      <div className="cb-row">
        {tracker.kind !== 'none' ? (
          <button
            type="button"
            className="cb-button cb-button-primary"
            disabled={busy}
            onClick={file}
          >
            File in {tracker.kind === 'jira' ? 'Jira' : 'Linear'}
          </button>
        ) : null}
        <button type="button" className="cb-button" disabled={busy} onClick={copy}>
          Copy bug report
        </button>
      </div>
      {tracker.kind === 'none' ? (
        <p className="cb-muted">
          Choose Jira or Linear in Casebook options to open a prefilled issue.
        </p>
      ) : null}
      <Outcome error={error} done={done} />
    </div>
  );
}

function EscalateAction(props: StepActionsProps) {
  const { facts } = props.drafts;
  const ackClock = clockByTarget(props.template, 'engineering-ack-by-severity');
  const ack = props.view.clocks.find((c) => c.id === ackClock?.id);
  const who = props.settings.escalationManager || 'the engineering manager';
  const text = [
    `${who}: ${facts.severity ?? 'Escalated'} ticket ${facts.displayId} has no engineering acknowledgement${ack ? ` after ${ack.targetMinutes} min` : ''}.`,
    facts.impact ? `Impact: ${facts.impact}` : undefined,
    facts.bugUrl ? `Bug: ${facts.bugUrl}` : undefined,
    `Ticket: ${facts.ticketUrl}`,
  ]
    .filter(Boolean)
    .join('\n');
  const { busy, error, done, run } = useRunner();
  const click = () =>
    run(async () => {
      await props.onCopy(text);
      await props.onRecordAction('escalate-to-manager', `Escalated to ${who}`);
      const escalated = fieldRefByRole(props.template, 'escalated');
      if (escalated)
        await props.onSetField?.(escalated.stepId, escalated.fieldId, 'escalated-to-manager');
      return `Escalation message copied: send it to ${who}.`;
    });
  return (
    <div className="cb-action" data-action="escalate-to-manager">
      <button type="button" className="cb-button" disabled={busy} onClick={click}>
        Escalate to {props.settings.escalationManager || 'engineering manager'}
      </button>
      <Outcome error={error} done={done} />
    </div>
  );
}

function AckNotice({ view, template }: { view: RunView; template: WorkflowTemplate }) {
  const now = useNow();
  const ackClock = clockByTarget(template, 'engineering-ack-by-severity');
  const ack = view.clocks.find((c) => c.id === ackClock?.id);
  if (!ack || ack.dueAt === undefined) return null;
  if (ack.state === 'breached' || (ack.state === 'running' && ack.dueAt <= now)) {
    return (
      <p className="cb-action-error" role="alert">
        No engineering acknowledgement within {ack.targetMinutes} min: re-page or escalate to the
        engineering manager.
      </p>
    );
  }
  return null;
}

export function StepActions(props: StepActionsProps) {
  const actions = props.step.step.actions;
  if (actions.length === 0) return null;
  const { drafts } = props;
  const items: ReactNode[] = [];
  if (actions.includes('re-page') || actions.includes('escalate-to-manager')) {
    items.push(<AckNotice key="ack" view={props.view} template={props.template} />);
  }
  for (const action of actions) {
    if (Object.hasOwn(drafts.messages, action)) {
      items.push(<MessageAction key={action} {...props} action={action as ComposerAction} />);
      continue;
    }
    switch (action) {
      case 'page-on-call':
        items.push(<PageAction key={action} {...props} repage={false} />);
        break;
      case 're-page':
        items.push(<PageAction key={action} {...props} repage />);
        break;
      case 'copy-incident-channel': {
        const channel = `#${drafts.incidentChannel}`;
        items.push(
          <CopyAction
            key={action}
            action={action}
            label={`Copy ${channel}`}
            text={channel}
            note={`Copied the incident channel name ${channel}`}
            onCopy={props.onCopy}
            onRecordAction={props.onRecordAction}
          />,
        );
        break;
      }
      case 'copy-slack-mention': {
        if (props.view.severity !== 'SEV3') break;
        const m = drafts.slackMention;
        items.push(
          <CopyAction
            key={action}
            action={action}
            label="Copy Slack mention for the on-call"
            text={m.text}
            note="Copied the SEV3 on-call Slack mention"
            onCopy={props.onCopy}
            onRecordAction={props.onRecordAction}
          />,
        );
        break;
      }
      case 'draft-status-page':
        items.push(<StatusPageAction key={action} {...props} />);
        break;
      case 'open-log-search':
        items.push(<LogSearchAction key={action} {...props} />);
        break;
      case 'file-bug':
        items.push(<FileBugAction key={action} {...props} />);
        break;
      case 'escalate-to-manager':
        items.push(<EscalateAction key={action} {...props} />);
        break;
    }
  }
  return <div className="cb-step-actions">{items}</div>;
}
