/**
 * The team's run-facts rows: one per run, folded from the run's shared
 * events with the run's template (lib/team/fold.ts, lib/report/facts.ts, the
 * same code a browser runs), kept in `run_facts` with the columns the
 * report's SQL aggregates read. Brought up to date before each report: the
 * runs with events past the team's watermark are folded again.
 */
import type { RunFacts } from '../lib/report/facts';
import { runFacts, ticketFacts } from '../lib/report/facts';
import { foldRun } from '../lib/team/fold';
import type { RunEvent, WorkflowTemplate } from '../lib/workflow/schema';
import type { Database, Queryable } from './db';
import { toServerEvent } from './store';

const FOLD_BATCH = 200;

interface EventRow {
  seq: string | number;
  id: string;
  run_id: string;
  agent_id: string;
  body: RunEvent;
}

const COLUMNS = [
  'team',
  'run_id',
  'seq',
  'authors',
  'agent',
  'helpdesk',
  'severity',
  'plan',
  'root_cause',
  'created_at',
  'closed_at',
  'updated_at',
  'resolve_ms',
  'fr_due',
  'fr_stopped',
  'fr_paused',
  'ack_due',
  'ack_stopped',
  'ack_paused',
  'ack_elapsed',
  'paged_at',
  'ack_at',
  'sp_kept',
  'sp_missed',
  'sp_open_due',
  'escalated',
  'bug_tracker',
  'dissatisfied',
  'follow_up_done',
  'summary_required',
  'summary_written',
  'facts',
] as const;

/** A facts row as the table's columns (in COLUMNS order). */
export function factsColumns(team: string, seq: number, authors: string[], f: RunFacts): unknown[] {
  const n = (v: number | undefined) => (v === undefined ? null : Math.round(v));
  return [
    team,
    f.runId,
    seq,
    authors,
    f.agent ?? null,
    f.helpdesk,
    f.severity ?? null,
    f.plan ?? null,
    f.rootCause ?? null,
    n(f.createdAt),
    n(f.closedAt),
    n(f.updatedAt),
    n(f.resolveMs),
    n(f.firstResponse?.dueAt),
    n(f.firstResponse?.stoppedAt),
    f.firstResponse?.paused ?? false,
    n(f.engineeringAck?.dueAt),
    n(f.engineeringAck?.stoppedAt),
    f.engineeringAck?.paused ?? false,
    n(f.engineeringAck?.elapsedMs),
    n(f.pagedAt),
    n(f.ackAt),
    f.statusPage?.kept ?? null,
    f.statusPage?.missed ?? null,
    n(f.statusPage?.openDueAt),
    f.escalated,
    f.bugTracker ?? null,
    f.dissatisfied,
    f.followUpDone,
    f.incidentSummaryRequired,
    f.incidentSummaryWritten,
    JSON.stringify(f),
  ];
}

const UPSERT = `INSERT INTO run_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (team, run_id) DO UPDATE SET ${COLUMNS.slice(2)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')}`;

async function templateOf(
  tx: Queryable,
  team: string,
  cache: Map<string, WorkflowTemplate | undefined>,
  id: string,
  version: number,
): Promise<WorkflowTemplate | undefined> {
  const key = `${id}@${version}`;
  if (!cache.has(key)) {
    const rows = await tx.query<{ body: WorkflowTemplate }>(
      'SELECT body FROM templates WHERE team = $1 AND id = $2 AND version = $3',
      [team, id, version],
    );
    cache.set(key, rows[0]?.body);
  }
  return cache.get(key);
}

/**
 * Fold again every run of the team with events past the watermark, and move
 * the watermark. Serialized per team; a team's sequence numbers commit in
 * order (store.ts), so nothing below the watermark can still arrive.
 * Returns how many runs were folded.
 */
export async function refreshFacts(db: Database, team: string, now: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`report:${team}`]);
    const mark = Number(
      (
        await tx.query<{ seq: string }>('SELECT seq FROM report_watermark WHERE team = $1', [team])
      )[0]?.seq ?? 0,
    );
    const top = Number(
      (
        await tx.query<{ seq: string | null }>(
          'SELECT max(seq) AS seq FROM events WHERE team = $1',
          [team],
        )
      )[0]?.seq ?? 0,
    );
    if (top <= mark) return 0;
    const runIds = (
      await tx.query<{ run_id: string }>(
        'SELECT DISTINCT run_id FROM events WHERE team = $1 AND seq > $2 AND seq <= $3',
        [team, mark, top],
      )
    ).map((r) => r.run_id);
    const templates = new Map<string, WorkflowTemplate | undefined>();
    for (let i = 0; i < runIds.length; i += FOLD_BATCH) {
      const batch = runIds.slice(i, i + FOLD_BATCH);
      const rows = await tx.query<EventRow>(
        `SELECT seq, id, run_id, agent_id, body FROM events
         WHERE team = $1 AND run_id = ANY($2) AND seq <= $3 ORDER BY seq`,
        [team, batch, top],
      );
      const byRun = new Map<string, EventRow[]>();
      for (const row of rows) {
        const list = byRun.get(row.run_id) ?? [];
        list.push(row);
        byRun.set(row.run_id, list);
      }
      for (const list of byRun.values()) {
        const events = list.map(toServerEvent);
        const { run } = foldRun(events);
        if (!run) continue;
        const template = await templateOf(tx, team, templates, run.templateId, run.templateVersion);
        const facts = template ? runFacts(template, run, events, now) : ticketFacts(run);
        const authors = [...new Set(list.map((r) => r.agent_id))].sort();
        await tx.query(UPSERT, factsColumns(team, Number(list.at(-1)!.seq), authors, facts));
      }
    }
    await tx.query(
      `INSERT INTO report_watermark (team, seq) VALUES ($1, $2)
       ON CONFLICT (team) DO UPDATE SET seq = EXCLUDED.seq`,
      [team, top],
    );
    return runIds.length;
  });
}
