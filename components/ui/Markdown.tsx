/**
 * A deliberately tiny Markdown subset rendered as React elements: paragraphs,
 * bullet and numbered lists, **bold**, *emphasis*, `code`, and links shown as
 * text with their address. Template guidance is user-editable data, so it is
 * never turned into HTML: every string ends up as a React text node.
 */
import { memo, type ReactNode } from 'react';

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'h'; text: string };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^\s*#{1,6}\s+(.*)$/;

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { kind: 'ul' | 'ol'; items: string[] } | undefined;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'p', text: paragraph.join(' ') });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(list);
    list = undefined;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const kind = bullet ? 'ul' : 'ol';
      if (list && list.kind !== kind) flushList();
      list ??= { kind, items: [] };
      list.items.push(item[1] ?? '');
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'h', text: heading[1] ?? '' });
      continue;
    }
    if (list && /^\s{2,}/.test(raw)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

const INLINE =
  /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g;

export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const m of text.matchAll(INLINE)) {
    const index = m.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    const [, bold, code, linkText, linkHref, em] = m;
    if (bold !== undefined) out.push(<strong key={key++}>{renderInline(bold)}</strong>);
    else if (code !== undefined) out.push(<code key={key++}>{code}</code>);
    else if (linkText !== undefined) {
      // Links stay text: the label, then the address, so nothing navigates from guidance.
      out.push(linkText === linkHref ? linkText : `${linkText} (${linkHref})`);
    } else if (em !== undefined) out.push(<em key={key++}>{renderInline(em)}</em>);
    last = index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Memoized: guidance only changes with the template, so re-renders of a step skip the parse. */
export const Markdown = memo(function Markdown({
  source,
  className,
}: {
  source: string;
  className?: string;
}) {
  const blocks = parseBlocks(source);
  if (blocks.length === 0) return null;
  return (
    <div className={className}>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'p':
            return <p key={i}>{renderInline(block.text)}</p>;
          case 'h':
            // Headings inside guidance would break the panel's outline; bold paragraphs instead.
            return (
              <p key={i}>
                <strong>{renderInline(block.text)}</strong>
              </p>
            );
          case 'ul':
          case 'ol': {
            const List = block.kind;
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{renderInline(item)}</li>
                ))}
              </List>
            );
          }
        }
      })}
    </div>
  );
});
