/**
 * Property tests: random HARs with secrets planted in random places, and
 * randomly mutated real HARs. The sanitizer never crashes, gives a valid
 * HAR or a HarError, lets no planted secret through, and the streaming and
 * in-memory paths agree byte for byte.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarError } from './errors';
import { sanitizeHarText } from './sanitize';
import { sanitizeHarStream } from './stream';
import { harIssues } from './validate';

const encoder = new TextEncoder();

async function streamText(text: string, chunk: number): Promise<string> {
  const bytes = encoder.encode(text);
  async function* source() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: string[] = [];
  await sanitizeHarStream(source(), (c) => void out.push(c), { flushSize: 997 });
  return out.join('');
}

type Outcome = { ok: true; text: string } | { ok: false; code: string };

async function both(text: string, chunk: number): Promise<[Outcome, Outcome]> {
  const run = async (f: () => string | Promise<string>): Promise<Outcome> => {
    try {
      return { ok: true, text: await f() };
    } catch (error) {
      if (!(error instanceof HarError)) throw error;
      expect(error.message.length).toBeGreaterThan(10);
      return { ok: false, code: error.code };
    }
  };
  return [await run(() => sanitizeHarText(text).text), await run(() => streamText(text, chunk))];
}

// ------------------------------------------------------------ generators

const alnum = fc.string({
  unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
  minLength: 12,
  maxLength: 20,
});
const b64url = (n: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
    minLength: n,
    maxLength: n,
  });
const upper = (n: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    minLength: n,
    maxLength: n,
  });

/** A secret recognisable by its shape alone. */
const shapeSecret = fc.oneof(
  fc.tuple(b64url(20), b64url(30), b64url(43)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
  upper(16).map((s) => `AKIA${s}`),
  upper(16).map((s) => `ASIA${s}`),
  alnum.map((s) => `sk_live_${s}${s}`),
  alnum.map((s) => `rk_live_${s}${s}`),
  alnum.map((s) => `ghp_${s}${s}${s}`.slice(0, 40)),
  alnum.map((s) => `github_pat_11${s}_${s}${s}`),
  alnum.map((s) => `xoxb-1234567890-${s}`),
  b64url(35).map((s) => `AIza${s}`),
);

/** A secret recognisable only by the name it sits under. */
const NAMES = [
  'password',
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'X-API-Key',
  'apiToken',
  'SAMLResponse',
  'csrf_token',
  'session_id',
  'private_key',
  'signature',
];
const namedSecret = fc
  .tuple(fc.constantFrom(...NAMES), alnum)
  .map(([name, v]) => ({ name, value: `Zq${v}` }));

const benignText = fc.string({ maxLength: 24 }).map((s) => s.replace(/[=:&?#@"'\\<>]/g, ' '));
const benignName = fc.constantFrom(
  'accept',
  'x-request-id',
  'traceparent',
  'content-type',
  'x-trace',
  'user-agent',
  'q',
  'page',
  'lang',
);

type Placement =
  | { kind: 'shape'; secret: string; where: number; filler: string }
  | { kind: 'named'; name: string; secret: string; where: number };

const placement: fc.Arbitrary<Placement> = fc.oneof(
  fc.record({
    kind: fc.constant('shape' as const),
    secret: shapeSecret,
    where: fc.nat(9),
    filler: benignText,
  }),
  fc.record({
    kind: fc.constant('named' as const),
    name: fc.constantFrom(...NAMES),
    secret: namedSecret.map((s) => s.value),
    where: fc.nat(6),
  }),
);

function baseEntry(i: number, extraJson: unknown) {
  return {
    startedDateTime: `2026-11-20T14:10:0${i % 10}.000Z`,
    time: 10 + i,
    request: {
      method: 'POST',
      url: `https://api.example.com/v1/items/${i}?page=${i}`,
      httpVersion: 'http/2.0',
      headers: [{ name: 'x-request-id', value: `req-${i}` }] as Array<{
        name: string;
        value: string;
      }>,
      queryString: [{ name: 'page', value: String(i) }] as Array<{ name: string; value: string }>,
      cookies: [] as Array<{ name: string; value: string }>,
      headersSize: -1,
      bodySize: 0,
      postData: { mimeType: 'application/json', text: JSON.stringify(extraJson) },
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'http/2.0',
      headers: [] as Array<{ name: string; value: string }>,
      cookies: [] as Array<{ name: string; value: string }>,
      content: { size: 2, mimeType: 'text/plain', text: 'ok' } as Record<string, unknown>,
      redirectURL: '',
      headersSize: -1,
      bodySize: 2,
    },
    cache: {},
    timings: { send: 1, wait: 2, receive: 3 },
    _initiator: {
      type: 'script',
      stack: { callFrames: [{ url: 'https://app.example.com/main.js', lineNumber: 1 }] },
    },
  } as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

function plant(
  har: { log: { pages: Array<{ title: string }>; entries: Loose[] } },
  p: Placement,
  at: number,
): void {
  const entry = har.log.entries[at % har.log.entries.length]!;
  if (p.kind === 'shape') {
    const text = `${p.filler} ${p.secret} ${p.filler}`;
    switch (p.where) {
      case 0:
        entry.request.headers.push({ name: 'x-debug', value: text });
        break;
      case 1:
        entry.request.url += `&note=${encodeURIComponent(p.secret)}`;
        break;
      case 2:
        har.log.pages[0]!.title = text;
        break;
      case 3:
        entry._initiator.stack.callFrames.push({
          url: `https://cdn.example.com/x.js?k=${p.secret}`,
          lineNumber: 2,
        });
        break;
      case 4:
        entry.response.content = {
          size: 10,
          mimeType: 'application/json',
          text: JSON.stringify({ data: { deep: [{ note: text }] } }),
        };
        break;
      case 5:
        entry.response.content = {
          size: 10,
          mimeType: 'application/octet-stream',
          encoding: 'base64',
          text: Buffer.from(`\u0000${text}\u0001`).toString('base64'),
        };
        break;
      case 6:
        entry._webSocketMessages = [
          { type: 'send', time: 1, opcode: 1, data: text },
          { type: 'receive', time: 2, opcode: 2, data: Buffer.from(text).toString('base64') },
        ];
        break;
      case 7:
        entry.request.headers.push({
          name: 'referer',
          value: `https://app.example.com/x#${encodeURIComponent(p.secret)}`,
        });
        break;
      case 8:
        entry.response.content = {
          size: 10,
          mimeType: 'text/html',
          text: `<p>${text}</p><script>var a = "${p.secret}";</script>`,
        };
        break;
      default:
        entry.comment = text;
    }
    return;
  }
  switch (p.where) {
    case 0:
      entry.request.headers.push({ name: p.name, value: p.secret });
      break;
    case 1:
      entry.request.url += `&${encodeURIComponent(p.name)}=${encodeURIComponent(p.secret)}`;
      entry.request.queryString.push({ name: p.name, value: p.secret });
      break;
    case 2:
      entry.request.postData = {
        mimeType: 'application/json',
        text: JSON.stringify({ a: { b: [{ [p.name]: p.secret }] } }),
      };
      break;
    case 3:
      entry.request.postData = {
        mimeType: 'application/x-www-form-urlencoded',
        text: `user=ana&${encodeURIComponent(p.name)}=${encodeURIComponent(p.secret)}`,
      };
      break;
    case 4:
      entry.response.content = {
        size: 1,
        mimeType: 'text/html',
        text: `<form><input type="hidden" name="${p.name}" value="${p.secret}"></form>`,
      };
      break;
    case 5:
      entry.request.cookies.push({ name: p.name, value: p.secret });
      break;
    default:
      entry.response.content = {
        size: 1,
        mimeType: 'application/json',
        encoding: 'base64',
        text: Buffer.from(JSON.stringify({ [p.name]: p.secret })).toString('base64'),
      };
  }
}

const harArb = fc
  .record({
    count: fc.integer({ min: 1, max: 4 }),
    bodies: fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 4, maxLength: 4 }),
    headers: fc.array(fc.tuple(benignName, benignText), { maxLength: 3 }),
    placements: fc.array(fc.tuple(placement, fc.nat()), { minLength: 1, maxLength: 4 }),
    title: benignText,
  })
  .map(({ count, bodies, headers, placements, title }) => {
    const entries = Array.from({ length: count }, (_, i) => {
      const e = baseEntry(i, bodies[i]);
      for (const [name, value] of headers) e.request.headers.push({ name, value });
      return e;
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'fc', version: '1' },
        pages: [{ startedDateTime: '2026-11-20T14:10:00.000Z', id: 'p1', title, pageTimings: {} }],
        entries,
      },
    };
    for (const [p, at] of placements) plant(har, p, at);
    return { har, secrets: placements.map(([p]) => p.secret) };
  });

function decodedEverything(text: string): string {
  const har = JSON.parse(text) as { log: { entries: Array<Record<string, any>> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  let all = text;
  for (const e of har.log.entries) {
    if (e.response.content.encoding === 'base64')
      all += Buffer.from(e.response.content.text, 'base64').toString('latin1');
    for (const m of e._webSocketMessages ?? [])
      if (m.opcode === 2) all += Buffer.from(m.data, 'base64').toString('latin1');
  }
  return all;
}

describe('property: generated HARs with planted secrets', () => {
  it('no planted secret survives, the output is valid HAR, streaming equals in-memory', async () => {
    await fc.assert(
      fc.asyncProperty(
        harArb,
        fc.integer({ min: 1, max: 200 }),
        async ({ har, secrets }, chunk) => {
          const text = JSON.stringify(har, null, chunk % 2 ? 2 : undefined);
          const [memory, stream] = await both(text, chunk);
          expect(memory.ok).toBe(true);
          expect(stream).toEqual(memory);
          if (!memory.ok) return;
          expect(harIssues(JSON.parse(memory.text))).toEqual([]);
          const all = decodedEverything(memory.text);
          for (const secret of secrets) {
            expect(all.includes(secret), `leaked ${secret}`).toBe(false);
            expect(all.includes(encodeURIComponent(secret))).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: mutated and random inputs', () => {
  const fixtures = ['oidc-login.har', 'websocket.har', 'passwords.har'].map((f) =>
    readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/har', f), 'utf8'),
  );

  const mutation = fc.oneof(
    fc.record({ op: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      op: fc.constant('delete' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({
      op: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.string({ minLength: 1, maxLength: 6 }),
    }),
    fc.record({
      op: fc.constant('swap' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', 'null', '0', '"x"'),
    }),
  );

  it('never crashes: valid output or a HarError, the same from both paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(fixtures.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        async (which, mutations, chunk) => {
          let text = fixtures[which]!;
          for (const m of mutations) {
            const at = Math.floor(m.at * text.length);
            if (m.op === 'cut') text = text.slice(0, at);
            else if (m.op === 'delete') text = text.slice(0, at) + text.slice(at + m.len);
            else if (m.op === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
            else text = text.slice(0, at) + m.text + text.slice(at + 1);
          }
          const [memory, stream] = await both(text, chunk);
          if (memory.ok) {
            // Output is JSON; when the input was a valid HAR the output is one too.
            const out = JSON.parse(memory.text) as unknown;
            if (harIssues(JSON.parse(text)).length === 0) expect(harIssues(out)).toEqual([]);
            expect(stream).toEqual(memory);
          } else {
            expect(stream.ok).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('arbitrary JSON and arbitrary text give a HarError or a result, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ log: { entries: [v] } })),
        ),
        async (text) => {
          const [memory, stream] = await both(text, 3);
          expect(stream.ok).toBe(memory.ok);
          if (memory.ok) expect(stream).toEqual(memory);
        },
      ),
      { numRuns: 300 },
    );
  });
});
