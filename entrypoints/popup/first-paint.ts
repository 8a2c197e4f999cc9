/**
 * The popup's first screen of open runs, painted before React has loaded:
 * the early `runs.listOpen` reply is validated with the protocol's own
 * reply schema (zod, as every reply is) and drawn as the same markup the
 * React list renders, so the agent sees rows while react-dom is still being
 * parsed. React then replaces this DOM, starting from the same data
 * (`paintedFirstPage`), so nothing flickers. Imports here stay free of React
 * and of other domains' schemas: they are on the first-paint path.
 */
import type { z } from 'zod';
import { HELPDESK_LABEL } from '../../components/panel/labels';
import {
  OPEN_RUNS_PAINTED_MARK,
  OVERSCAN,
  ROW_HEIGHT,
  VIEWPORT_ROWS,
  countsText,
  optionId,
  urgencyOf,
  urgencyText,
} from '../../components/popup/format';
import { replySchema } from '../../lib/messaging/envelope';
import { runReplySchemas } from '../../lib/messaging/runs';

export type OpenRunsPage = z.output<(typeof runReplySchemas)['runs.listOpen']>;

const firstPageReply = replySchema(runReplySchemas['runs.listOpen']);
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

function render(page: OpenRunsPage, now: number): HTMLElement {
  const counts = countsText(page.counts);
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
    line.append(
      el('span', { class: `cb-run__due cb-run__due--${urgency}` }, urgencyText(item, now)),
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
        el('div', { class: 'cb-run__subject' }, item.subject || 'No subject'),
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
      el(
        'p',
        { class: 'cb-counts', 'data-testid': 'open-counts' },
        el('span', { class: 'cb-counts__urgent' }, counts.urgent),
        counts.rest,
      ),
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
  if (page.items.length < page.counts.open) {
    section.append(
      el(
        'p',
        { class: 'cb-hint' },
        `Showing the ${page.items.length} most urgent of ${page.counts.open}; search to find others.`,
      ),
    );
  }
  return el('div', { class: 'cb-popup' }, section);
}

/**
 * Draw the first page into `root` unless React got there first; resolves
 * once it is on screen (or will not be drawn). A reply
 * that fails validation or says `ok: false` is not drawn: the app settles
 * the same reply and shows the error as it always does.
 */
export async function paintFirstPage(
  root: HTMLElement,
  pending: Promise<unknown>,
  reactMounted: () => boolean,
): Promise<void> {
  const raw = await pending.catch(() => undefined);
  const reply = firstPageReply.safeParse(raw);
  if (!reply.success || !reply.data.ok || reactMounted()) return;
  painted = reply.data.data;
  root.replaceChildren(render(painted, Date.now()));
  // Keyboard-first: typing starts here and carries over to React's search box.
  root.querySelector<HTMLInputElement>('input.cb-search')?.focus();
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
