/**
 * Everything a run's step actions show, drafted in one pass from the run,
 * its template and the team's settings: the composer messages, the
 * status-page update per state, the bug report with its Jira/Linear link,
 * the log-search links, the Slack texts, and the refusals that say why an
 * action cannot run yet.
 *
 * The background drafts these (request `action.drafts`, re-read whenever the
 * run changes) and the panel only renders them, so these builders and the
 * message engine stay out of the helpdesk content scripts.
 */
import type { IntegrationsSettings } from '../settings/schema';
import type { Run, Severity, StatusPageState, WorkflowTemplate } from '../workflow/schema';
import { buildBugReport } from './bug-report';
import { COMPOSER_MESSAGES, composeMessage, type ComposerAction } from './composer-text';
import { readRunFacts } from './facts';
import { buildJiraCreateUrl } from './jira';
import { buildLinearNewIssueUrl } from './linear';
import { buildLogSearchUrl, logSearchInputFromFacts } from './log-search';
import { pageRefusal } from './pagerduty';
import type { PrefillLink } from './prefill';
import { incidentChannelName, slackMentionText } from './slack';
import {
  allowedNextStates,
  draftStatusUpdate,
  isStatusPageState,
  STATUS_PAGE_LABELS,
  suggestedNextState,
} from './statuspage';
import { errorMessage } from '../errors';
import { actionFinishesStep } from '../workflow/finishing';
import { finishingKey } from './finishing-key';

/** The settings the actions read. */
export type ActionSettings = Pick<
  IntegrationsSettings,
  | 'tracker'
  | 'sentrySearchUrl'
  | 'datadogSearchUrl'
  | 'statusPageAdminUrl'
  | 'slackWorkspaceUrl'
  | 'runbookUrl'
  | 'escalationManager'
>;

export type Drafted<T> = ({ ok: true } & T) | { ok: false; reason: string };

export interface StatusPageDraft {
  state: StatusPageState;
  label: string;
  text: string;
  missing: string[];
}

export interface ActionDrafts {
  /** The run revision these were drafted from. */
  revision: number;
  /** The few facts the panel words its own texts with. */
  facts: {
    displayId: string;
    ticketUrl: string;
    severity?: Severity;
    impact?: string;
    bugUrl?: string;
  };
  /** One per composer action (`insert-first-touch`, …): its filled message or why not. */
  messages: Record<ComposerAction, Drafted<{ label: string; text: string }>>;
  statusPage: {
    /** The state last posted, if any, with its label. */
    current?: { state: StatusPageState; label: string };
    suggested?: StatusPageState;
    /** The states the next update may take, each drafted; empty once resolved. */
    options: StatusPageDraft[];
  };
  /** Why paging on-call cannot happen yet (severity unset, …). */
  pageRefusal?: string;
  incidentChannel: string;
  slackMention: { text: string; missing: string[] };
  /** The configured log searches (Sentry, Datadog), each a link or why not. */
  logSearch: Array<{ name: string } & Drafted<{ url: string }>>;
  /** The bug report, and the configured tracker's prefilled issue link when one is set. */
  bug: Drafted<{ markdown: string; link?: Drafted<{ link: PrefillLink }> }>;
  /**
   * Per step id, the actions whose recorded result leaves the step ready to
   * mark done (finishingKey), so the panel offers "… and mark done" with them.
   */
  finishing: Record<string, string[]>;
}

export function draftActions(
  template: WorkflowTemplate,
  run: Run,
  settings: ActionSettings,
  agentName?: string,
): ActionDrafts {
  const facts = readRunFacts(template, run);

  const messages = {} as ActionDrafts['messages'];
  for (const action of Object.keys(COMPOSER_MESSAGES) as ComposerAction[]) {
    // The customer's zone the page showed (recorded with the ticket's facts) writes their times.
    const composed = composeMessage(template, run, action, {
      agentName,
      ...(run.ticket.customerTimeZone ? { customerTimeZone: run.ticket.customerTimeZone } : {}),
    });
    messages[action] = composed.ok
      ? { ok: true, label: composed.label, text: composed.text }
      : { ok: false, reason: composed.reason };
  }

  const current = isStatusPageState(facts.statusPageState) ? facts.statusPageState : undefined;
  const suggested = suggestedNextState(current);
  const statusPage: ActionDrafts['statusPage'] = {
    ...(current ? { current: { state: current, label: STATUS_PAGE_LABELS[current] } } : {}),
    ...(suggested ? { suggested } : {}),
    options: allowedNextStates(current).map((state) => {
      const draft = draftStatusUpdate(template, run, state);
      return { state, label: STATUS_PAGE_LABELS[state], text: draft.text, missing: draft.missing };
    }),
  };

  const input = logSearchInputFromFacts(facts);
  const logSearch = [
    { name: 'Sentry', template: settings.sentrySearchUrl },
    { name: 'Datadog', template: settings.datadogSearchUrl },
  ]
    .filter((t) => t.template !== '')
    .map(({ name, template: urlTemplate }) => {
      const result = buildLogSearchUrl(urlTemplate, input);
      return result.ok
        ? { name, ok: true as const, url: result.url }
        : { name, ok: false as const, reason: result.reason };
    });

  const report = buildBugReport(template, run);
  let bug: ActionDrafts['bug'];
  if (!report.ok) bug = { ok: false, reason: report.reason };
  else {
    const tracker = settings.tracker;
    let link: Drafted<{ link: PrefillLink }> | undefined;
    try {
      if (tracker.kind === 'jira') {
        link = {
          ok: true,
          link: buildJiraCreateUrl(report, {
            site: tracker.site,
            projectId: tracker.projectId,
            issueTypeId: tracker.issueTypeId,
            priorityIds: tracker.priorityIds,
          }),
        };
      } else if (tracker.kind === 'linear') {
        link = { ok: true, link: buildLinearNewIssueUrl(report, { teamKey: tracker.teamKey }) };
      }
    } catch (error) {
      // A tracker setting the builder cannot use: the click says why.
      link = { ok: false, reason: errorMessage(error) };
    }
    bug = { ok: true, markdown: report.markdown, ...(link ? { link } : {}) };
  }

  const finishing: ActionDrafts['finishing'] = {};
  for (const section of template.sections) {
    for (const step of section.steps) {
      const keys: string[] = [];
      // What a step still needs does not depend on the time: the run's own last change will do.
      const check = (action: string, data?: Record<string, unknown>) =>
        actionFinishesStep(template, run, step.id, action, data, run.updatedAt);
      for (const action of step.actions) {
        if (Object.hasOwn(messages, action) && check(action)) keys.push(finishingKey(action));
        if (action === 'draft-status-page') {
          for (const option of statusPage.options) {
            if (check('status-page-update', { state: option.state }))
              keys.push(finishingKey('status-page-update', option.state));
          }
        }
      }
      if (keys.length > 0) finishing[step.id] = keys;
    }
  }

  const mention = slackMentionText(template, run);
  const refusal = pageRefusal(template, run);
  return {
    revision: run.revision,
    facts: {
      displayId: facts.displayId,
      ticketUrl: facts.ticketUrl,
      ...(facts.severity ? { severity: facts.severity } : {}),
      ...(facts.impact ? { impact: facts.impact } : {}),
      ...(facts.bugUrl ? { bugUrl: facts.bugUrl } : {}),
    },
    messages,
    statusPage,
    ...(refusal ? { pageRefusal: refusal.reason } : {}),
    incidentChannel: incidentChannelName(facts.displayId),
    slackMention: { text: mention.text, missing: mention.missing },
    logSearch,
    bug,
    finishing,
  };
}
