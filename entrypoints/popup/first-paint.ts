/**
 * The popup's first screen of open runs, painted before React has loaded:
 * the early `runs.listOpen` reply is drawn as the same markup the React
 * list renders, so the agent sees rows while react-dom is still being
 * parsed. The counts come in their own early reply (`runs.countOpen`) and
 * fill the counts line when they arrive, so the rows never wait for the
 * walk over every open run. React then replaces this DOM, starting from the
 * same data (`paintedFirstPage`), so nothing flickers, and reads the list
 * again through the validating client.
 *
 * Nothing here loads zod: evaluating it and the protocol schemas took 14–23
 * ms, more than the background takes to answer. The background's router
 * validated both replies against the protocol before sending them, so this
 * path checks only what it draws (the envelope, and the fields each row
 * reads) and draws nothing it does not recognise.
 */
import { HELPDESK_LABEL } from '../../components/panel/labels';
import {
  COUNTING,
  OPEN_RUNS_PAINTED_MARK,
  OVERSCAN,
  ROW_HEIGHT,
  VIEWPORT_ROWS,
  countsText,
  dueTitle,
  optionId,
  urgencyOf,
  urgencyText,
} from '../../components/popup/format';
import type { OpenRunCounts, OpenRunSummary } from '../../lib/messaging/runs';
import type { FirstPageReplies } from './first-page';

export interface OpenRunsPage {
  items: OpenRunSummary[];
  counts?: OpenRunCounts;
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isOptional = (value: unknown, type: 'string' | 'number') =>
  value === undefined || typeof value === type;

/** `data` of an `{ok: true, data}` reply, else undefined. */
function okData(raw: unknown): unknown {
  return isObject(raw) && raw.ok === true ? raw.data : undefined;
}

function asCounts(value: unknown): OpenRunCounts | undefined {
  return isObject(value) && isCount(value.open) && isCount(value.breached) && isCount(value.dueSoon)
    ? (value as unknown as OpenRunCounts)
    : undefined;
}

/** The fields a row draws, with the types it draws them as. */
function isRow(item: unknown): boolean {
  return (
    isObject(item) &&
    typeof item.runId === 'string' &&
    typeof item.ticketId === 'string' &&
    typeof item.helpdesk === 'string' &&
    Object.hasOwn(HELPDESK_LABEL, item.helpdesk) &&
    isOptional(item.subject, 'string') &&
    isOptional(item.displayId, 'string') &&
    isOptional(item.severity, 'string') &&
    isOptional(item.nextDueAt, 'number') &&
    isOptional(item.nextClockLabel, 'string')
  );
}

function asPage(value: unknown): OpenRunsPage | undefined {
  if (!isObject(value) || !Array.isArray(value.items) || !value.items.every(isRow))
    return undefined;
  const counts = value.counts === undefined ? undefined : asCounts(value.counts);
  if (value.counts !== undefined && !counts) return undefined;
  const items = value.items as OpenRunSummary[];
  return counts ? { items, counts } : { items };
}

const LIST_ID = 'cb-first-paint-list';

let painted: OpenRunsPage | undefined;

/** The page drawn before React, if one was: React starts from it. */
export function paintedFirstPage(): OpenRunsPage | undefined {
  return painted;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The counts line's content, and the "showing N of M" hint once counts are known. */
function countsLine(counts: OpenRunCounts | undefined): Array<Node | string> {
  if (!counts) return [COUNTING];
  const text = countsText(counts);
  return [el('span', { class: 'cb-counts__urgent' }, text.urgent), text.rest];
}

function hint(page: OpenRunsPage, counts: OpenRunCounts): HTMLElement | undefined {
  if (page.items.length >= counts.open) return undefined;
  return el(
    'p',
    { class: 'cb-hint' },
    `Showing the ${page.items.length} most urgent of ${counts.open}; search to find others.`,
  );
}

function render(page: OpenRunsPage, now: number): HTMLElement {
  const rows: HTMLElement[] = [];
  const last = Math.min(page.items.length, VIEWPORT_ROWS + OVERSCAN);
  for (let i = 0; i < last; i++) {
    const item = page.items[i]!;
    const urgency = urgencyOf(item, now);
    const line = el(
      'div',
      { class: 'cb-run__line' },
      el(
        'span',
        { class: 'cb-run__ticket' },
        `${HELPDESK_LABEL[item.helpdesk]} ${item.displayId ?? `#${item.ticketId}`}`,
      ),
    );
    if (item.severity)
      line.append(el('span', { class: `cb-tag cb-tag--${item.severity}` }, item.severity));
    const title = dueTitle(item, now);
    line.append(
      el(
        'span',
        { class: `cb-run__due cb-run__due--${urgency}`, ...(title ? { title } : {}) },
        urgencyText(item, now),
      ),
    );
    rows.push(
      el(
        'div',
        {
          id: optionId(LIST_ID, i),
          role: 'option',
          'aria-selected': 'false',
          'aria-setsize': String(page.items.length),
          'aria-posinset': String(i + 1),
          class: `cb-run cb-run--${urgency}`,
          style: `top: ${i * ROW_HEIGHT}px; height: ${ROW_HEIGHT}px`,
          'data-run-id': item.runId,
        },
        line,
        el(
          'div',
          { class: 'cb-run__subject', ...(item.subject ? { title: item.subject } : {}) },
          item.subject || 'No subject',
        ),
      ),
    );
  }
  const section = el(
    'section',
    { class: 'cb-open', 'aria-labelledby': 'cb-open-title' },
    el(
      'div',
      { class: 'cb-open__head' },
      el('h2', { id: 'cb-open-title' }, 'Open runs'),
      el('p', { class: 'cb-counts', 'data-testid': 'open-counts' }, ...countsLine(page.counts)),
    ),
    el('input', {
      type: 'search',
      class: 'cb-search',
      placeholder: 'Search ticket id or subject',
      'aria-label': 'Search open runs by ticket id or subject',
    }),
  );
  if (rows.length > 0) {
    section.append(
      el(
        'div',
        { class: 'cb-runs', style: `max-height: ${VIEWPORT_ROWS * ROW_HEIGHT}px` },
        el(
          'div',
          {
            id: LIST_ID,
            role: 'listbox',
            'aria-label': 'Open runs, most urgent first',
            class: 'cb-runs__inner',
            style: `height: ${page.items.length * ROW_HEIGHT}px`,
          },
          ...rows,
        ),
      ),
    );
  } else {
    section.append(el('p', { class: 'cb-empty' }, 'No open runs.'));
  }
  const shown = page.counts && hint(page, page.counts);
  if (shown) section.append(shown);
  return el('div', { class: 'cb-popup' }, section);
}

/**
 * Draw the first page into `root` unless React got there first; resolves
 * once it is on screen (or will not be drawn). A reply that says `ok:
 * false` or that this path does not recognise is not drawn: the app asks
 * again and shows the error as it always does. The counts are filled in when their own
 * reply arrives, if React has not taken over by then.
 */
export async function paintFirstPage(
  root: HTMLElement,
  pending: FirstPageReplies,
  reactMounted: () => boolean,
): Promise<void> {
  const page = asPage(okData(await pending.page.catch(() => undefined)));
  if (!page || reactMounted()) return;
  painted = page;
  root.replaceChildren(render(page, Date.now()));
  // Keyboard-first: typing starts here and carries over to React's search box.
  root.querySelector<HTMLInputElement>('input.cb-search')?.focus();
  void pending.counts
    .catch(() => undefined)
    .then((rawCounts) => {
      const counts = asCounts(okData(rawCounts));
      if (!counts || reactMounted() || painted !== page) return;
      page.counts = counts;
      root.querySelector('[data-testid=open-counts]')?.replaceChildren(...countsLine(page.counts));
      const shown = hint(page, page.counts);
      if (shown) root.querySelector('.cb-open')?.append(shown);
    });
  // Marked as the frame that draws the rows starts, as the React path marks
  // it; resolves once that frame is done, so what loads next cannot delay it.
  await new Promise<void>((done) =>
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(OPEN_RUNS_PAINTED_MARK).length === 0)
        performance.mark(OPEN_RUNS_PAINTED_MARK);
      setTimeout(done, 0);
    }),
  );
}
