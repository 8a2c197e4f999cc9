import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasebookDB, declareVersions } from './db';
import { readHealth, recordHealth, utcDay } from './health';
import { DB_VERSION, DB_VERSIONS } from './schema';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 3, 18, 0, 0);
const fresh = () => new CasebookDB(`health-${Math.random()}`);

describe('selector-health counters', () => {
  it('count each fact’s strategy per day and helpdesk', async () => {
    const db = fresh();
    await recordHealth(db, 'zendesk', { subject: 'api', plan: 'labels' }, T0);
    await recordHealth(db, 'zendesk', { subject: 'api', plan: 'missing' }, T0 + 60_000);
    await recordHealth(db, 'intercom', { subject: 'semantic' }, T0 + DAY);
    const rows = await readHealth(db, 7, T0 + DAY);
    expect(rows).toEqual(
      expect.arrayContaining([
        { day: '2026-12-03', helpdesk: 'zendesk', fact: 'subject', strategy: 'api', count: 2 },
        { day: '2026-12-03', helpdesk: 'zendesk', fact: 'plan', strategy: 'labels', count: 1 },
        { day: '2026-12-03', helpdesk: 'zendesk', fact: 'plan', strategy: 'missing', count: 1 },
        {
          day: '2026-12-04',
          helpdesk: 'intercom',
          fact: 'subject',
          strategy: 'semantic',
          count: 1,
        },
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(await readHealth(db, 1, T0 + DAY)).toHaveLength(1);
    db.close();
  });

  it('drop days older than thirty', async () => {
    const db = fresh();
    await recordHealth(db, 'helpscout', { status: 'data-cy' }, T0 - 40 * DAY);
    await recordHealth(db, 'helpscout', { status: 'design' }, T0);
    expect((await db.selectorHealth.toArray()).map((r) => r.day)).toEqual([utcDay(T0)]);
    db.close();
  });

  it('come with schema version 4: an older database opens with its data and an empty table', async () => {
    const name = `health-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    declareVersions(
      old,
      DB_VERSIONS.filter((v) => v.version <= 2),
    );
    await old.open();
    await old.table('settings').put({ key: 'k', value: 1 });
    old.close();
    const db = new CasebookDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.settings.toArray()).toEqual([{ key: 'k', value: 1 }]);
    expect(await db.selectorHealth.count()).toBe(0);
    db.close();
  });
});
