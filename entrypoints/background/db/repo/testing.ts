/** A fresh store on a calendar-time template, tickets and actors for the repo tests. Imported by tests only. */
import type { Actor, TicketInfo } from '../../../../lib/workflow/schema';
import { CasebookDB } from '../db';
import { seedCalendarTemplate } from '../testing';

export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
export const ana: Actor = { name: 'Ana Agent', email: 'ana@example.com' };
export const bo: Actor = { name: 'Bo Agent' };

let n = 0;
/** A database whose default template counts calendar time (round numbers for the store's keys). */
export function freshDb(): CasebookDB {
  n += 1;
  const db = new CasebookDB(`repo-test-${n}-${Math.random()}`);
  void seedCalendarTemplate(db);
  return db;
}

export function ticket(id: string, extra: Partial<TicketInfo> = {}): TicketInfo {
  return {
    helpdesk: 'zendesk',
    ticketId: id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    subject: `Ticket ${id}`,
    createdAt: T0,
    ...extra,
  };
}

export async function snapshot(db: CasebookDB) {
  return {
    runs: await db.runs.toArray(),
    events: await db.events.toArray(),
    attachments: await db.attachments.count(),
    templates: await db.templates.count(),
  };
}
