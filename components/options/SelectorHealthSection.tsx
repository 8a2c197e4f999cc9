/**
 * Selector health: per helpdesk, which strategy read each fact on each of
 * the last days (daily counters the background keeps from every ticket
 * view). A fact that starts being read by a less trusted strategy, or not
 * at all, shows the helpdesk changed its page before agents notice.
 */
import type { HealthRow } from '../../lib/messaging/health';
import { HELPDESKS, type Helpdesk } from '../../lib/workflow/schema';
import { Section } from './common';

export interface SelectorHealthSectionProps {
  rows: readonly HealthRow[] | undefined;
  /** The days shown, oldest first (YYYY-MM-DD, UTC). */
  days: readonly string[];
}

const NAMES: Record<Helpdesk, string> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  helpscout: 'Help Scout',
};

type Cell = { strategy: string; count: number }[];

function cellsFor(rows: readonly HealthRow[], helpdesk: Helpdesk) {
  const byFact = new Map<string, Map<string, Cell>>();
  for (const row of rows) {
    if (row.helpdesk !== helpdesk) continue;
    const days = byFact.get(row.fact) ?? new Map<string, Cell>();
    byFact.set(row.fact, days);
    const cell = days.get(row.day) ?? [];
    cell.push({ strategy: row.strategy, count: row.count });
    days.set(
      row.day,
      cell.sort((a, b) => b.count - a.count),
    );
  }
  return [...byFact].sort(([a], [b]) => a.localeCompare(b));
}

export function SelectorHealthSection({ rows, days }: SelectorHealthSectionProps) {
  return (
    <Section
      id="selector-health"
      title="Selector health"
      description="How Casebook read each ticket fact, per helpdesk and day: the helpdesk's own API first, then design-system attributes, page semantics, visible labels. A fact that moves to a later strategy, or to “missing”, means the helpdesk changed its page."
    >
      {rows === undefined ? (
        <p>Loading…</p>
      ) : rows.length === 0 ? (
        <p>No ticket has been opened in the last {days.length} days.</p>
      ) : (
        HELPDESKS.map((helpdesk) => {
          const facts = cellsFor(rows, helpdesk);
          if (facts.length === 0) return null;
          return (
            <table key={helpdesk} className="cb-health-table">
              <caption>{NAMES[helpdesk]}</caption>
              <thead>
                <tr>
                  <th scope="col">Fact</th>
                  {days.map((day) => (
                    <th scope="col" key={day}>
                      {day.slice(5)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {facts.map(([fact, byDay]) => {
                  let previous: string | undefined;
                  return (
                    <tr key={fact}>
                      <th scope="row">{fact}</th>
                      {days.map((day) => {
                        const cell = byDay.get(day);
                        const top = cell?.[0]?.strategy;
                        const drift = !!top && !!previous && top !== previous;
                        if (top) previous = top;
                        const missing = cell?.some((c) => c.strategy === 'missing');
                        return (
                          <td
                            key={day}
                            className={
                              [missing ? 'cb-health--missing' : '', drift ? 'cb-health--drift' : '']
                                .filter(Boolean)
                                .join(' ') || undefined
                            }
                            title={
                              drift ? 'Read by another strategy than the day before' : undefined
                            }
                          >
                            {cell?.map((c) => `${c.strategy} ${c.count}`).join(', ') ?? '–'}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        })
      )}
    </Section>
  );
}

/** The last `count` UTC days ending with `now`'s, oldest first. */
export function lastDays(now: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(now - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}
