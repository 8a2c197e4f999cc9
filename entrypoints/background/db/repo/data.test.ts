import { describe, expect, it } from 'vitest';
import { wipeRunData } from './data';
import { openRun } from './runs';
import { ana, freshDb, T0, ticket } from './testing';

describe('wipeRunData', () => {
  it('deletes runs, events and attachments but keeps templates', async () => {
    const db = freshDb();
    await openRun(db, ticket('1'), ana, T0);
    await openRun(db, ticket('2'), ana, T0);
    const wiped = await wipeRunData(db);
    // Each run: created, and its first-response clock started.
    expect(wiped).toMatchObject({ runs: 2, events: 4, attachments: 0 });
    expect(wiped.runIds.sort()).toEqual(['zendesk:1', 'zendesk:2']);
    expect(await db.runs.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await db.templates.count()).toBe(1);
  });
});
