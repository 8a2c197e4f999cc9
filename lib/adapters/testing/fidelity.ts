/**
 * Adapter fidelity: for every fixture page with declared facts
 * (`<page>.facts.json`), what the content script's read records against
 * what the page shows. Shared by `scripts/adapter-fidelity.ts` (prints the
 * table) and `fidelity.test.ts` (fails below the recorded figures).
 * Test-only: loads pages with happy-dom.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_KEYS, type FactKey, type FixtureFacts } from '../expectations';
import { detectTicket } from '../registry';
import type { TicketInfo } from '../../workflow/schema';
import { FIXTURE_PAGES, type FixtureKey } from './fixture-pages';
import { FIXTURES_ROOT, loadPage } from './load-page';
import { readPageTicket } from './read-page';

export function loadFixtureFacts(): Map<FixtureKey, FixtureFacts> {
  const out = new Map<FixtureKey, FixtureFacts>();
  for (const dir of ['zendesk', 'intercom', 'helpscout']) {
    for (const name of readdirSync(join(FIXTURES_ROOT, dir))) {
      if (!name.endsWith('.facts.json')) continue;
      const parsed = JSON.parse(readFileSync(join(FIXTURES_ROOT, dir, name), 'utf8')) as Record<
        string,
        FixtureFacts
      >;
      for (const [key, facts] of Object.entries(parsed)) {
        if (!(key in FIXTURE_PAGES)) throw new Error(`${dir}/${name}: unknown fixture ${key}`);
        out.set(key as FixtureKey, facts);
      }
    }
  }
  return out;
}

const clean = (s: string | undefined): string | undefined =>
  s?.replace(/\s+/g, ' ').trim().toLowerCase() || undefined;

/** The helpdesks' own API words for the categories (English by design: these are data values, not UI). */
const STATUS_WORDS: Record<string, string> = { new: 'open', active: 'open', hold: 'pending' };
const PRIORITY_WORDS: Record<string, string> = { priority: 'high', 'not priority': 'normal' };

/**
 * Whether the recorded fact is the fact on the page. Lenient on form (case,
 * a "Group/Agent" assignee counts for the agent, as issue 14 counted it), so
 * the figure measures reading, and unit tests check the normalized form.
 */
export function factRight(key: FactKey, expected: string | null, ticket: TicketInfo): boolean {
  const recorded = recordedFact(key, ticket);
  if (expected === null) return recorded === undefined;
  if (recorded === undefined) return false;
  const want = clean(expected)!;
  const got = clean(recorded)!;
  if (key === 'createdAt') return Date.parse(expected) === Date.parse(recorded);
  if (key === 'status') return (STATUS_WORDS[got] ?? got) === want;
  if (key === 'priority') return (PRIORITY_WORDS[got] ?? got) === want;
  if (key === 'assignee') return got === want || got.replace(/^.*\s*\/\s*/, '') === want;
  return got === want;
}

export function recordedFact(key: FactKey, ticket: TicketInfo): string | undefined {
  if (key === 'createdAt')
    return ticket.createdAt === undefined ? undefined : new Date(ticket.createdAt).toISOString();
  const value = ticket[key];
  return value === undefined ? undefined : String(value);
}

export interface FidelityRow {
  key: FixtureKey;
  helpdesk: string;
  idRight: boolean;
  /** Facts the page shows (non-null expectations) and how many of those were recorded right. */
  shown: number;
  right: number;
  /** Facts the page does not show that got a value anyway. */
  guesses: number;
  wrong: { fact: FactKey; expected: string | null; recorded: string | undefined }[];
}

export async function measureFixture(key: FixtureKey, facts: FixtureFacts): Promise<FidelityRow> {
  const page = await loadPage(key);
  try {
    const meta = FIXTURE_PAGES[key];
    // A host-mapped page is a ticket once the agent added its host in settings.
    const mapped = meta.helpdesk === 'zendesk' ? [new URL(meta.url).hostname] : [];
    const detected = detectTicket(page.window.location.href, mapped);
    const ticket = detected ? await readPageTicket(page, detected.adapter, detected.ref) : null;
    const row: FidelityRow = {
      key,
      helpdesk: meta.helpdesk ?? '-',
      idRight: detected?.ref.ticketId === facts.ticketId && detected.adapter.id === meta.helpdesk,
      shown: 0,
      right: 0,
      guesses: 0,
      wrong: [],
    };
    for (const fact of FACT_KEYS) {
      if (!(fact in facts.facts)) continue;
      const expected = facts.facts[fact] ?? null;
      const ok = ticket ? factRight(fact, expected, ticket) : expected === null;
      if (expected !== null) row.shown += 1;
      if (expected !== null && ok) row.right += 1;
      if (expected === null && !ok) row.guesses += 1;
      if (!ok)
        row.wrong.push({
          fact,
          expected,
          recorded: ticket ? recordedFact(fact, ticket) : undefined,
        });
    }
    return row;
  } finally {
    await page.close();
  }
}

export async function measureAll(): Promise<FidelityRow[]> {
  const rows: FidelityRow[] = [];
  for (const [key, facts] of loadFixtureFacts()) rows.push(await measureFixture(key, facts));
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

export interface FidelityTotals {
  [helpdesk: string]: { right: number; shown: number; guesses: number };
}

export function totals(rows: FidelityRow[]): FidelityTotals {
  const out: FidelityTotals = { total: { right: 0, shown: 0, guesses: 0 } };
  for (const row of rows) {
    for (const name of [row.helpdesk, 'total']) {
      const t = (out[name] ??= { right: 0, shown: 0, guesses: 0 });
      t.right += row.right;
      t.shown += row.shown;
      t.guesses += row.guesses;
    }
  }
  return out;
}

export function formatTable(rows: FidelityRow[]): string {
  const lines = [
    'fixture page                     id  facts right/shown  guesses  wrong or missing',
  ];
  for (const r of rows) {
    const wrong = r.wrong
      .map((w) => `${w.fact}${w.recorded === undefined ? '' : `=${JSON.stringify(w.recorded)}`}`)
      .join(', ');
    lines.push(
      `${r.key.padEnd(32)} ${r.idRight ? 'ok' : '✗ '}  ${`${r.right}/${r.shown}`.padStart(17)}  ${String(r.guesses).padStart(7)}  ${wrong}`,
    );
  }
  lines.push('');
  for (const [name, t] of Object.entries(totals(rows))) {
    lines.push(`${name.padEnd(10)} ${t.right}/${t.shown} facts right, ${t.guesses} guesses`);
  }
  return lines.join('\n');
}
