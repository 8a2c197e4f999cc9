/**
 * The ways to each fact on a Zendesk ticket page, most trusted first (the
 * agent API, tried before these, is in api.ts):
 *
 * 1. `design`: the Agent Workspace's data-test-ids, matched as families
 *    that survive renames (`[data-test-id*=priority]`), Garden's value
 *    elements, `data-status-category`, `data-value` and the status label's
 *    class token: values read as keys, not words.
 * 2. `semantic`: what links point at (`/agent/users/…`,
 *    `/agent/organizations/…`, `mailto:`), the ticket's own tab title, a
 *    heading, `role=log` with `<time datetime>`.
 * 3. `labels`: rows by their visible label, in the UI languages Zendesk
 *    ships; for plan and organization only, and last.
 *
 * None depends on English UI text; the categories come from keys where the
 * page has them, and from words (any language) only where it has nothing else.
 */
import { attrOf, textOf, valueByLabel } from '../dom';
import type { StrategyReads } from '../facts/combine';
import { statusFromKey } from '../facts/normalize';
import {
  conversationStart,
  deepFirst,
  emailBelow,
  fieldValue,
  shownValue,
  PLAN_LABELS,
  ORGANIZATION_LABELS,
  localTime,
} from '../facts/semantic';
import { notFound, readValue, type FieldRead, type TicketReads } from '../result';
import * as S from './selectors';

/** Zendesk shows "-" in empty dropdowns. */
function meaningful(value: string | undefined): string | undefined {
  return value && value !== '-' ? value : undefined;
}

function fromField(root: Element, selector: string, valueSelector: string): FieldRead {
  const field = deepFirst(root, selector);
  return field ? readValue(meaningful(fieldValue(field, valueSelector))) : notFound;
}

export function contextPanel(root: Element): Element | null {
  return deepFirst(
    root,
    `${S.contextPanel}, [data-test-id*="context-panel"]:not(nav), aside, [role="complementary"]`,
  );
}

function designReads(root: Element): TicketReads {
  const statusEl = deepFirst(root, '[data-status-category], .ticket_status_label');
  const statusKey =
    attrOf(statusEl, 'data-status-category') ??
    Array.from(statusEl?.classList ?? []).find((token) => statusFromKey(token));
  const badge =
    statusEl ?? deepFirst(root, '[data-test-id*="status-badge"], [data-test-id*="status-label"]');
  const priorityValue = deepFirst(
    root,
    `[data-test-id*="priority"] ${S.comboboxValue}, [data-test-id*="priority"] [data-value]`,
  );
  const panel = contextPanel(root);
  const plan = panel
    ? deepFirst(panel, '[data-test-id*="plan" i], [data-field-key*="plan" i]')
    : null;
  return {
    subject: fromField(root, '[data-test-id*="subject"]', 'input, textarea'),
    requesterName: fromField(root, '[data-test-id*="requester"]', '[title], a'),
    assignee: fromField(root, '[data-test-id*="assignee"]', `[title], ${S.comboboxValue}`),
    priority: priorityValue
      ? readValue(attrOf(priorityValue, 'data-value') ?? meaningful(textOf(priorityValue)))
      : fromField(root, '[data-test-id*="priority"]', S.comboboxValue),
    priorityLabel: priorityValue ? readValue(meaningful(textOf(priorityValue))) : notFound,
    status: badge ? readValue(statusKey ?? textOf(badge)) : notFound,
    statusLabel: badge ? readValue(textOf(badge)) : notFound,
    plan: plan ? readValue(shownValue(plan)) : notFound,
  };
}

function semanticReads(root: Element, ticketId: string): TicketReads {
  const doc = root.ownerDocument;
  const tab = doc.querySelector(
    `[data-test-id="header-tab"][data-entity-id="${ticketId}"] [data-test-id="header-tab-title"]`,
  );
  const heading = deepFirst(root, 'h1, [role="heading"][aria-level="1"]');
  const log = deepFirst(root, `${S.logContainer}, [role="log"], [role="feed"]`);
  const panel = contextPanel(root);
  // The requester's and organization's own pages; links inside the log are authors.
  const outsideLog = (el: Element) =>
    !log?.contains(el) && !el.closest('[data-test-id*="history"], li');
  const userLink = Array.from(root.querySelectorAll('a[href*="/agent/users/"]')).find(outsideLog);
  const orgLink = Array.from(root.querySelectorAll('a[href*="/agent/organizations/"]')).find(
    outsideLog,
  );
  return {
    subject: readValue(textOf(tab) ?? shownValue(heading)),
    requesterName: userLink
      ? readValue(shownValue(userLink.querySelector('[title]')) ?? textOf(userLink))
      : notFound,
    requesterEmail: emailBelow(panel),
    organization: orgLink ? readValue(textOf(orgLink)) : notFound,
    createdAt: conversationStart(log, 'article'),
  };
}

function labelReads(root: Element): TicketReads {
  const panel = contextPanel(root);
  if (!panel) return { organization: notFound, plan: notFound };
  return {
    organization: readValue(valueByLabel(panel, ORGANIZATION_LABELS).value),
    plan: readValue(valueByLabel(panel, PLAN_LABELS).value),
    ...localTime(panel),
  };
}

export function zendeskStrategies(root: Element, ticketId: string): StrategyReads[] {
  return [
    { strategy: 'design', reads: designReads(root) },
    { strategy: 'semantic', reads: semanticReads(root, ticketId) },
    { strategy: 'labels', reads: labelReads(root) },
  ];
}
