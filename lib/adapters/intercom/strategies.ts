/**
 * The ways to each fact on an Intercom conversation, most trusted first.
 * Everything is looked up below the conversation space with open shadow
 * roots crossed (the 2026 inbox nests its stream in web components).
 *
 * 1. `attributes`: the details rows by their attribute identifier
 *    (`name`, `email`, `company.name`, `custom_attributes.plan`,
 *    `admin_assignee_id`, `team_assignee_id`) and the header's
 *    `data-intercom-target` controls, whose names say the state
 *    (close-… while open, reopen-… once closed, unsnooze-… while snoozed)
 *    and whose `aria-pressed` says the priority.
 * 2. `test-id`: the 2025 inbox's title attribute, stream and first user part.
 * 3. `semantic`: the header's heading, links to the user's and company's
 *    pages, e-mail-shaped text in the user's rows, `<time datetime>` in parts.
 * 4. `labels`: the details rows by their visible label, in the UI languages
 *    Intercom ships (the 2025 inbox has nothing else for some facts), and
 *    the state button's word.
 */
import { attrOf, textOf, valueByLabel } from '../dom';
import type { StrategyReads } from '../facts/combine';
import {
  conversationStart,
  deepFirst,
  emailBelow,
  shownValue,
  PLAN_LABELS,
  ORGANIZATION_LABELS,
  EMAIL_LABELS,
  NAME_LABELS,
  ASSIGNEE_LABELS,
  TEAM_LABELS,
  PRIORITY_LABELS,
  TIME_ZONE_LABELS,
} from '../facts/semantic';
import { notFound, readValue, type FieldRead, type TicketReads } from '../result';
import * as S from './selectors';

const UNSET = /^(unassigned|nicht zugewiesen|未割り当て|unknown|—|-)$/i;

function row(root: Element, identifier: string): FieldRead {
  const el = deepFirst(root, `[data-attribute-identifier="${identifier}"]`);
  if (!el) return notFound;
  // The row's value is its last child that holds text (the first is the label; buttons copy or edit).
  const cells = Array.from(el.children).filter(
    (c) => !c.matches('button, [role="button"]') && (textOf(c) || c.querySelector('img[alt]')),
  );
  const value = cells.length > 1 ? cells[cells.length - 1] : undefined;
  const text = textOf(value) ?? attrOf(value?.querySelector('img[alt]'), 'alt');
  return readValue(text && !UNSET.test(text) ? text : undefined);
}

/** The header action that exists in each state. */
const STATE_ACTIONS: [string, string][] = [
  ['close-conversation-button', 'open'],
  ['reopen-conversation-button', 'closed'],
  ['unsnooze-conversation-button', 'snoozed'],
];

function attributeReads(root: Element): TicketReads {
  const state = STATE_ACTIONS.find(([target]) =>
    deepFirst(root, `[data-intercom-target="${target}"]`),
  );
  const star = deepFirst(root, '[data-intercom-target="priority-toggle"][aria-pressed]');
  const assigneeButton = deepFirst(root, '[data-intercom-target="assignee-selector"]');
  const plan = deepFirst(root, '[data-attribute-identifier*="plan" i]');
  // A user attribute the team keeps (`timezone`, `custom_attributes.time_zone`): only where shown.
  const zone = deepFirst(
    root,
    '[data-attribute-identifier*="timezone" i], [data-attribute-identifier*="time_zone" i]',
  );
  return {
    ...(zone
      ? { customerTimeZone: row(root, zone.getAttribute('data-attribute-identifier')!) }
      : {}),
    requesterName: row(root, 'name'),
    requesterEmail: row(root, 'email'),
    organization: row(root, 'company.name'),
    plan: plan ? row(root, plan.getAttribute('data-attribute-identifier')!) : notFound,
    assignee: assigneeButton
      ? readValue(attrOf(assigneeButton.querySelector('img[alt]'), 'alt') ?? textOf(assigneeButton))
      : row(root, 'admin_assignee_id'),
    assigneeGroup: row(root, 'team_assignee_id'),
    status: state ? readValue(state[1]) : notFound,
    priority: star
      ? readValue(star.getAttribute('aria-pressed') === 'true' ? 'high' : 'normal')
      : notFound,
  };
}

function testIdReads(root: Element): TicketReads {
  const title = deepFirst(root, S.title);
  const userPart = deepFirst(root, S.userPartAuthor);
  return {
    subject: title ? readValue(textOf(title)) : notFound,
    requesterName: userPart ? readValue(textOf(userPart)) : notFound,
    createdAt: conversationStart(deepFirst(root, S.stream), S.part),
  };
}

function semanticReads(root: Element): TicketReads {
  const header = deepFirst(root, '[data-intercom-target="inbox-header"], header');
  const heading = header ? deepFirst(header, 'h1, h2, h3, [role="heading"]') : null;
  const userLink = header ? deepFirst(header, 'a[href*="/users/"]') : null;
  const company = deepFirst(root, 'a[href*="/companies/"]');
  const userRows = deepFirst(root, '[data-intercom-target="user-attributes"]');
  return {
    subject: heading ? readValue(shownValue(heading)) : notFound,
    requesterName: userLink ? readValue(textOf(userLink)) : notFound,
    requesterEmail: userRows ? emailBelow(userRows) : notFound,
    organization: company ? readValue(textOf(company)) : notFound,
    createdAt: conversationStart(deepFirst(root, `${S.stream}, [role="log"]`), S.part),
  };
}

/**
 * Close/Reopen and Priority/Not priority as the 2025 inbox words them: its
 * only state and priority cues. English only: we have no localized 2025
 * page to take the other languages' words from, and the 2026 inbox says
 * both with data-intercom-target and aria-pressed (the attributes strategy).
 */
const STATE_WORDS: Record<string, string> = { close: 'open', reopen: 'closed' };
const PRIORITY_WORDS: Record<string, string> = { priority: 'high', 'not priority': 'normal' };

function labelReads(root: Element): TicketReads {
  const sidebar = deepFirst(root, S.detailsSidebar);
  const toggle = deepFirst(root, '[data-intercom-target="conversation-state-toggle"]');
  const label = (labels: readonly string[]): FieldRead => {
    if (!sidebar) return notFound;
    // The sidebar lists only the rows that are set: a row it lacks is not set, not unreadable.
    const { value } = valueByLabel(sidebar, labels, S.attributeLabel);
    return readValue(value && !UNSET.test(value) ? value : undefined);
  };
  const priority = label(PRIORITY_LABELS);
  const priorityWord = priority.found && priority.value ? priority.value.toLowerCase() : undefined;
  const stateWord = textOf(toggle)?.toLowerCase();
  const zone = sidebar ? valueByLabel(sidebar, TIME_ZONE_LABELS, S.attributeLabel) : undefined;
  return {
    ...(zone?.found ? { customerTimeZone: readValue(zone.value) } : {}),
    requesterName: label(NAME_LABELS),
    requesterEmail: label(EMAIL_LABELS),
    organization: label(ORGANIZATION_LABELS),
    plan: label(PLAN_LABELS),
    assignee: label(ASSIGNEE_LABELS),
    assigneeGroup: label(TEAM_LABELS),
    priority: priority.found
      ? readValue(priorityWord ? PRIORITY_WORDS[priorityWord] : undefined)
      : notFound,
    status: toggle ? readValue(stateWord ? STATE_WORDS[stateWord] : undefined) : notFound,
  };
}

export function intercomStrategies(root: Element): StrategyReads[] {
  return [
    { strategy: 'attributes', reads: attributeReads(root) },
    { strategy: 'test-id', reads: testIdReads(root) },
    { strategy: 'semantic', reads: semanticReads(root) },
    { strategy: 'labels', reads: labelReads(root) },
  ];
}
