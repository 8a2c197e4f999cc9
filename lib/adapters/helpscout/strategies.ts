/**
 * The ways to each fact on a Help Scout conversation, most trusted first.
 *
 * 1. `data-cy`: today's data-cy components and their data attributes
 *    (`data-status` is a key; Customer Properties carry their slug).
 * 2. `design`: data-cy families that survive renames (`[data-cy^=Status]`,
 *    `[data-cy^=Assignee]`, `[data-cy*=CustomerName]`), the legacy UI's ids,
 *    and the status button's class token.
 * 3. `semantic`: `mailto:` in the customer's panel, the author of the
 *    customer's own threads, `<time datetime>` in threads (only when the
 *    whole history is shown), the assignee's avatar.
 * 4. `labels`: rows by visible label in the UI languages Help Scout ships.
 */
import { attrOf, textOf, valueByLabel } from '../dom';
import type { StrategyReads } from '../facts/combine';
import { statusFromKey } from '../facts/normalize';
import {
  conversationStart,
  deepFirst,
  emailBelow,
  shownValue,
  PLAN_LABELS,
  ORGANIZATION_LABELS,
  localTime,
} from '../facts/semantic';
import { notFound, readValue, type TicketReads } from '../result';
import * as S from './selectors';

export function customerPanel(root: Element): Element | null {
  return deepFirst(
    root,
    `${S.customerSidebar}, [data-cy^="CustomerProfile"]:not(a), [data-cy^="Customer"][data-cy$="Sidebar"]`,
  );
}

function threadList(root: Element): Element | null {
  return deepFirst(root, '[data-cy="ThreadList"], ol[aria-label="Thread Items"], #threads');
}

function dataCyReads(root: Element): TicketReads {
  const status = deepFirst(root, '[data-cy^="Status"][data-status]');
  const panel = customerPanel(root);
  const plan = panel
    ? deepFirst(
        panel,
        '[data-property-slug*="plan" i] dd, [data-property-slug*="plan" i] > :last-child',
      )
    : null;
  const company = panel ? deepFirst(panel, '[data-cy="CustomerCompany"]') : null;
  return {
    status: status ? readValue(attrOf(status, 'data-status')) : notFound,
    statusLabel: status ? readValue(textOf(status)) : notFound,
    plan: plan ? readValue(textOf(plan)) : notFound,
    organization: company ? readValue(textOf(company)) : notFound,
    ...localTime(panel),
  };
}

function designReads(root: Element): TicketReads {
  const subject = deepFirst(root, S.subject) ?? deepFirst(root, S.legacySubject);
  const status = deepFirst(root, `${S.status}, [data-cy^="Status"]`);
  const statusToken = Array.from(status?.classList ?? [])
    .map((token) => token.replace(/^is-/, ''))
    .find((token) => statusFromKey(token));
  const assignee = deepFirst(root, `${S.assignee}, [data-cy^="Assignee"]`);
  const panel = customerPanel(root);
  const name = panel
    ? deepFirst(panel, `${S.customerName}, [data-cy*="CustomerName"], [data-cy$="ProfileName"]`)
    : null;
  return {
    subject: subject ? readValue(shownValue(subject)) : notFound,
    status: status ? readValue(statusToken ?? textOf(status)) : notFound,
    statusLabel: status ? readValue(textOf(status)) : notFound,
    assignee: assignee
      ? readValue(textOf(assignee) ?? attrOf(assignee.querySelector('img[alt]'), 'alt'))
      : notFound,
    requesterName: name ? readValue(textOf(name)) : notFound,
  };
}

function semanticReads(root: Element): TicketReads {
  const panel = customerPanel(root);
  const threads = threadList(root);
  const customerAuthor = deepFirst(
    root,
    '[id^="thread-"].is-customer [data-cy$="Author"], article.thread.customer .author',
  );
  return {
    requesterEmail: emailBelow(panel),
    requesterName: customerAuthor ? readValue(textOf(customerAuthor)) : notFound,
    createdAt: conversationStart(threads, '[id^="thread-"], article.thread'),
  };
}

function labelReads(root: Element): TicketReads {
  const panel = customerPanel(root);
  if (!panel) return { organization: notFound, plan: notFound };
  return {
    organization: readValue(valueByLabel(panel, ORGANIZATION_LABELS).value),
    plan: readValue(valueByLabel(panel, PLAN_LABELS).value),
  };
}

export function helpscoutStrategies(root: Element): StrategyReads[] {
  return [
    { strategy: 'data-cy', reads: dataCyReads(root) },
    { strategy: 'design', reads: designReads(root) },
    { strategy: 'semantic', reads: semanticReads(root) },
    { strategy: 'labels', reads: labelReads(root) },
  ];
}
