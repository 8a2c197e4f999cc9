import { describe, expect, it } from 'vitest';
import type { JobMessage } from '../../platform/har/frame-protocol';
import { runJob } from './job';

const token = 'Zq8xLr2Vn4Tb6Wc1Md3Ks5Hg7Jp9Fy0';
const har = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'test', version: '1' },
    entries: Array.from({ length: 40 }, (_, i) => ({
      startedDateTime: '2026-01-01T00:00:00.000Z',
      time: 1,
      request: {
        method: 'GET',
        url: `https://app.example.com/api/${i}?access_token=${token}${i}`,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Authorization', value: `Bearer ${token}${i}` }],
        queryString: [{ name: 'access_token', value: `${token}${i}` }],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        content: { size: 23, mimeType: 'application/json', text: `{"ref":"ACME-10${1000 + i}"}` },
        redirectURL: '',
        headersSize: -1,
        bodySize: 2,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    })),
  },
});

async function run(redaction?: Parameters<typeof runJob>[0]['redaction']): Promise<JobMessage[]> {
  const messages: JobMessage[] = [];
  await runJob(
    { type: 'sanitize', id: 7, file: new Blob([har]), ...(redaction ? { redaction } : {}) },
    (message) => messages.push(message),
  );
  return messages;
}

describe('runJob', () => {
  it('answers with the sanitized file and counts by kind, not a list of every finding', async () => {
    const done = (await run()).at(-1);
    if (done?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    const text = await done.blob.text();
    expect(text).not.toContain(token);
    expect(done.report.entries).toBe(40);
    expect(done.report.total).toBeGreaterThanOrEqual(80);
    expect(Object.values(done.report.counts).reduce((a, b) => a + b, 0)).toBe(done.report.total);
    // What crosses the worker, the frame and the content script stays small whatever the file holds.
    expect(done.report.findings).toEqual([]);
    expect(done.report.findingsOmitted).toBe(done.report.total);
  });

  it("applies the team's rules and still lists no findings", async () => {
    const done = (
      await run({
        headerNames: [],
        keyNames: [],
        paramNames: [],
        patterns: [{ name: 'acme-id', pattern: 'ACME-\\d{6}' }],
        allow: [],
      })
    ).at(-1);
    if (done?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.report.counts['acme-id']).toBe(40);
    expect(await done.blob.text()).not.toContain('ACME-10');
    expect(done.report.findings).toEqual([]);
  });

  it('answers an error for a file that is not a HAR', async () => {
    const messages: JobMessage[] = [];
    await runJob({ type: 'sanitize', id: 8, file: new Blob(['{"not":"har"}']) }, (m) =>
      messages.push(m),
    );
    expect(messages.at(-1)).toMatchObject({ type: 'error', id: 8, code: 'not-har' });
  });
});
