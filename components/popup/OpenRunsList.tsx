/**
 * Every open run, most urgent first, as a windowed listbox driven from the
 * search box (combobox pattern): only the rows in view are in the DOM, so
 * the first paint costs the same with 10 runs or 10,000.
 */
import { useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import type { OpenRunSummary } from '../../lib/messaging/runs';
import { HELPDESK_LABEL } from '../panel/labels';
import {
  OVERSCAN,
  ROW_HEIGHT,
  VIEWPORT_ROWS,
  dueTitle,
  optionId,
  urgencyOf,
  urgencyText,
} from './format';

export { ROW_HEIGHT, optionId };

export interface OpenRunsListProps {
  id: string;
  items: readonly OpenRunSummary[];
  now: number;
  activeIndex: number;
  onHover(index: number): void;
  onChoose(runId: string): void;
}

export function OpenRunsList({
  id,
  items,
  now,
  activeIndex,
  onHover,
  onChoose,
}: OpenRunsListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  // Keep the active row in view when the arrow keys move it.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
  }, [activeIndex]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil(scrollTop / ROW_HEIGHT) + VIEWPORT_ROWS + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i];
    if (!item) continue;
    const urgency = urgencyOf(item, now);
    rows.push(
      <div
        key={item.runId}
        id={optionId(id, i)}
        role="option"
        aria-selected={i === activeIndex}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        className={`cb-run cb-run--${urgency}${i === activeIndex ? ' cb-run--active' : ''}`}
        style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
        data-run-id={item.runId}
        onMouseMove={() => onHover(i)}
        onClick={() => onChoose(item.runId)}
      >
        <div className="cb-run__line">
          <span className="cb-run__ticket">
            {HELPDESK_LABEL[item.helpdesk]} {item.displayId ?? `#${item.ticketId}`}
          </span>
          {item.severity && (
            <span className={`cb-tag cb-tag--${item.severity}`}>{item.severity}</span>
          )}
          <span className={`cb-run__due cb-run__due--${urgency}`} title={dueTitle(item, now)}>
            {urgencyText(item, now)}
          </span>
        </div>
        <div className="cb-run__subject" title={item.subject || undefined}>
          {item.subject || 'No subject'}
        </div>
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className="cb-runs"
      style={{ maxHeight: VIEWPORT_ROWS * ROW_HEIGHT }}
      onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div
        id={id}
        role="listbox"
        aria-label="Open runs, most urgent first"
        className="cb-runs__inner"
        style={{ height: items.length * ROW_HEIGHT }}
      >
        {rows}
      </div>
    </div>
  );
}
