/**
 * Links an agent wrote where a filed bug's link goes: the ticket's internal
 * notes and the reply or note being written in the composer. Only those:
 * a link in a customer's message is theirs (an upstream issue, a status
 * page), not the bug the team filed. Which of these links are issues of the
 * team's tracker is decided later, with the settings (lib/actions/tracker-url).
 */
import { linksInText } from '../actions/tracker-url';
import type { Helpdesk } from '../workflow/schema';
import { queryAllDeep } from './dom';

export interface PageLink {
  where: 'note' | 'composer';
  url: string;
}

/** Enough for any ticket; a page full of links must not grow the snapshot without end. */
const MAX_LINKS = 50;

function zendeskNotes(root: Element): Element[] {
  return Array.from(root.querySelectorAll('article[data-test-id="omni-log-comment-item"]')).filter(
    (item) =>
      item.classList.contains('internal-note') ||
      item.querySelector('[data-test-id="omni-log-internal-note-tag"]') !== null,
  );
}

/** The same notes the conversation readers call `note` (`<helpdesk>/messages.ts`). */
const NOTES: Record<Helpdesk, (root: Element) => Element[]> = {
  zendesk: zendeskNotes,
  intercom: (root) =>
    queryAllDeep(
      root,
      '[data-intercom-target="conversation-stream-content-part"][data-part-group-category="4"]',
    ),
  helpscout: (root) =>
    Array.from(
      root.querySelectorAll(
        'div[id^="thread-"].is-note, div[id^="thread-"][data-thread-type="note"], article.thread.note[id^="thread-"]',
      ),
    ),
};

/** Text with a space at every element edge: "<p>…ENG-1</p><p>Thanks</p>" keeps the link apart. */
function spacedText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    text += child.nodeType === 3 ? (child.nodeValue ?? '') : ` ${spacedText(child)} `;
  }
  return text;
}

function linksOf(el: Element): string[] {
  const hrefs = queryAllDeep<HTMLAnchorElement>(el, 'a[href^="https://" i]').map(
    (a) => a.getAttribute('href') ?? '',
  );
  // Help Scout renders thread bodies in srcdoc frames: their text is in the attribute.
  const frames = queryAllDeep(el, 'iframe[srcdoc]').map((f) => f.getAttribute('srcdoc') ?? '');
  return [...hrefs, ...[spacedText(el), ...frames].flatMap(linksInText)];
}

export function readPageLinks(
  helpdesk: Helpdesk,
  root: Element,
  composer: Element | null,
): PageLink[] {
  const out: PageLink[] = [];
  const seen = new Set<string>();
  const add = (where: PageLink['where'], url: string) => {
    const key = `${where} ${url}`;
    if (url.length > 2000 || seen.has(key) || out.length >= MAX_LINKS) return;
    seen.add(key);
    out.push({ where, url });
  };
  for (const note of NOTES[helpdesk](root)) for (const url of linksOf(note)) add('note', url);
  if (composer) for (const url of linksOf(composer)) add('composer', url);
  return out;
}
