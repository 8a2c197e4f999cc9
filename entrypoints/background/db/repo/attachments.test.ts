import { describe, expect, it } from 'vitest';
import { getAttachment, putAttachment } from './attachments';
import { getRun, openRun } from './runs';
import { ana, freshDb, MIN, snapshot, T0, ticket } from './testing';

describe('attachments', () => {
  it('stores the bytes and appends the file to the field in one change', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    const put = (id: string, name: string) =>
      putAttachment(
        db,
        {
          id,
          runId: run.id,
          stepId: 'request-artifacts',
          fieldId: 'files',
          name,
          mimeType: 'text/plain',
          blob: new Blob([`${name} bytes`], { type: 'text/plain' }),
        },
        ana,
        T0 + MIN,
      );
    const a = await put('att-1', 'a.txt');
    await put('att-2', 'b.txt');
    expect(a.file).toEqual({ attachmentId: 'att-1', name: 'a.txt', size: 11, type: 'text/plain' });
    const value = (await getRun(db, run.id)).run.values['request-artifacts']?.files?.value;
    expect(Array.isArray(value) && value.map((f) => (f as { name: string }).name)).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(await (await getAttachment(db, 'att-2')).blob.text()).toBe('b.txt bytes');
  });

  it('refuses a field that is not a file field and stores nothing', async () => {
    const db = freshDb();
    const { run } = await openRun(db, ticket('1'), ana, T0);
    const before = await snapshot(db);
    await expect(
      putAttachment(
        db,
        {
          id: 'x',
          runId: run.id,
          stepId: 'assign-severity',
          fieldId: 'severity',
          name: 'a',
          mimeType: '',
          blob: new Blob(['a']),
        },
        ana,
        T0,
      ),
    ).rejects.toMatchObject({ code: 'invalid-value' });
    expect(await snapshot(db)).toEqual(before);
  });
});
