/**
 * Page (or re-page) on-call through PagerDuty, with what stops it and the
 * delivery state; once a SEV1 page is accepted, offers to send the bug link.
 */
import type { PagingReadiness } from '../../../lib/messaging/actions';
import { Outcome, Refusal, useRunner } from './common';
import { PageStatus } from './PageStatus';
import type { StepActionsProps } from './props';

function readinessProblem(r: PagingReadiness | undefined): string | undefined {
  if (!r) return undefined;
  if (!r.routingKeySet)
    return 'Add the PagerDuty routing key in Casebook options (Integrations → PagerDuty) to page from here.';
  if (!r.permissionGranted)
    return `Grant Casebook access to ${r.endpointHost} in Casebook options to page from here.`;
  return undefined;
}

export function PageAction(props: StepActionsProps & { repage: boolean }) {
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
      // One request: the background records a re-page as the escalation it is, with the page.
      const reply = await props.onPage(props.repage);
      if (reply?.notice) return reply.notice;
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
