/**
 * Generalize, don't enumerate: a random secret planted at the bottom of a
 * random chain of encodings (URL → JSON → base64 → gzip → protobuf → …)
 * in a random HAR location must always be found; a diagnostic planted next
 * to a secret's name under a random chain must always be kept (and the
 * secret beside it still found). Leaks are looked for in every decoding of
 * the output by scripts/har-corpus.ts's decoder, which uses Node's Buffer
 * and zlib, not the sanitizer's codecs. The stream and in-memory paths must
 * agree byte for byte.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodings } from '../../scripts/har-corpus';
import { sanitizeHarText } from './sanitize';
import { sanitizeHarStream } from './stream';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const b64url = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');

// ------------------------------------------------------------ independent binary encoders

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  return [...out, n];
}
const protobufString = (field: number, s: string) => {
  const b = [...Buffer.from(s)];
  return Uint8Array.from([...varint((field << 3) | 2), ...varint(b.length), ...b, 0x18, 0x2a]);
};
const strBytes = (s: string, major?: number) => {
  const b = [...Buffer.from(s)];
  if (major !== undefined)
    return b.length < 24
      ? [(major << 5) | b.length, ...b]
      : b.length < 256
        ? [(major << 5) | 24, b.length, ...b]
        : [(major << 5) | 25, b.length >> 8, b.length & 0xff, ...b];
  return b.length < 32
    ? [0xa0 | b.length, ...b]
    : b.length < 256
      ? [0xd9, b.length, ...b]
      : [0xda, b.length >> 8, b.length & 0xff, ...b];
};
const msgpackMap = (pairs: Array<[string, string]>) =>
  Uint8Array.from([
    0x80 | pairs.length,
    ...pairs.flatMap(([k, v]) => [...strBytes(k), ...strBytes(v)]),
  ]);
const cborMap = (pairs: Array<[string, string]>) =>
  Uint8Array.from([
    0xa0 | pairs.length,
    ...pairs.flatMap(([k, v]) => [...strBytes(k, 3), ...strBytes(v, 3)]),
  ]);

// ------------------------------------------------------------ secrets and diagnostics

const token = (min: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
    minLength: min,
    maxLength: min + 12,
  });
const NAMES = [
  'password',
  'client_secret',
  'access_token',
  'refreshToken',
  'api_key',
  'X-API-Key',
  'sessionToken',
  'signature',
];
const SHAPES: Array<(t: string) => string> = [
  (t) => `eyJhbGciOiJIUzI1NiJ9.eyJ${t}.${t}${t}`,
  (t) => `ghp_${(t + t + t).slice(0, 36)}`,
  (t) => `sk_live_${t}`,
  (t) => `xoxb-1234567890-${t}`,
  (t) =>
    `AKIA${(t + t)
      .toUpperCase()
      .replace(/[^A-Z2-7]/g, 'Q')
      .slice(0, 16)}`,
];

/** The innermost document: the secret and (for the diagnostic property) a message beside its name. */
interface Core {
  text?: string;
  bytes?: Uint8Array;
  secret: string;
  diagnostic?: string;
}

const shapedCore = fc.tuple(fc.nat(SHAPES.length - 1), token(20)).map(([i, t]): Core => ({
  text: `request failed with ${SHAPES[i]!(t)} attached`,
  secret: SHAPES[i]!(t),
}));

const namedCore = fc
  .tuple(fc.constantFrom(...NAMES), token(20), fc.nat(6))
  .map(([name, secret, form]): Core => {
    const docs: Array<() => Core> = [
      () => ({ text: JSON.stringify({ user: 'ana', [name]: secret }), secret }),
      () => ({ text: `user=ana&${name}=${encodeURIComponent(secret)}`, secret }),
      () => ({
        text: `# app\nUSER=ana\n${name.toUpperCase()} = ${secret}\nLOG_LEVEL=info`,
        secret,
      }),
      () => ({ text: `user: ana\n${name}: ${secret}\nregion: eu-west-1`, secret }),
      () => ({ text: `<Auth><User>ana</User><${name}>${secret}</${name}></Auth>`, secret }),
      () => ({
        bytes: msgpackMap([
          ['user', 'ana'],
          [name, secret],
        ]),
        secret,
      }),
      () => ({
        bytes: cborMap([
          ['user', 'ana'],
          [name, secret],
        ]),
        secret,
      }),
    ];
    return docs[form]!();
  });

const DIAGNOSTIC_DOCS: Array<(secret: string) => Core> = [
  (s) => ({
    text: JSON.stringify({
      errors: { password: ['is too short (minimum is 8 characters)'] },
      password: s,
    }),
    secret: s,
    diagnostic: 'is too short (minimum is 8 characters)',
  }),
  (s) => ({
    text: JSON.stringify({
      passwordPolicy: 'Passwords must be at least 12 characters long.',
      client_secret: s,
    }),
    secret: s,
    diagnostic: 'Passwords must be at least 12 characters long.',
  }),
  (s) => ({
    text: `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><SignatureProvided>${s}</SignatureProvided></Error>`,
    secret: s,
    diagnostic: '<Code>SignatureDoesNotMatch</Code>',
  }),
  (s) => ({
    text: `PASSWORD_MIN_LENGTH=12\nDB_PASSWORD=${s}\nLOG_LEVEL=info`,
    secret: s,
    diagnostic: 'PASSWORD_MIN_LENGTH=12',
  }),
  (s) => ({
    text: JSON.stringify({
      error: 'invalid_token',
      error_description: 'The access token expired',
      refresh_token: s,
    }),
    secret: s,
    diagnostic: 'The access token expired',
  }),
  (s) => ({
    bytes: msgpackMap([
      ['message', 'token expired; send a fresh access token'],
      ['token', s],
    ]),
    secret: s,
    diagnostic: 'token expired; send a fresh access token',
  }),
];
const diagnosticCore = fc
  .tuple(fc.nat(DIAGNOSTIC_DOCS.length - 1), token(20))
  .map(([i, s]) => DIAGNOSTIC_DOCS[i]!(s));

// ------------------------------------------------------------ layers and locations

/** One layer of encoding around a text or bytes payload; the result is text (binary layers end in base64). */
const LAYERS: Record<string, (inner: Core) => string> = {
  url: (c) => encodeURIComponent(textOf(c)),
  json: (c) => JSON.stringify({ data: textOf(c), v: 2 }),
  base64: (c) => b64(c.bytes ?? textOf(c)),
  base64url: (c) => b64url(c.bytes ?? textOf(c)),
  gzip: (c) => b64(gzipSync(c.bytes ?? textOf(c))),
  protobuf: (c) => b64(protobufString(1, textOf(c))),
  msgpack: (c) =>
    b64(
      msgpackMap([
        ['kind', 'payload'],
        ['payload', textOf(c)],
      ]),
    ),
  cbor: (c) =>
    b64(
      cborMap([
        ['kind', 'payload'],
        ['payload', textOf(c)],
      ]),
    ),
  query: (c) => `view=full&context=${encodeURIComponent(textOf(c))}`,
};
/** Binary cores only travel inside a layer that carries bytes. */
function textOf(c: Core): string {
  return c.text ?? b64(c.bytes!);
}

const LOCATIONS = [
  'url',
  'header',
  'postText',
  'response',
  'responseBase64',
  'wsText',
  'wsBinary',
  'sse',
  'multipart',
  'pageTitle',
] as const;
type Where = (typeof LOCATIONS)[number];

function harWith(payload: string, bytes: Uint8Array | undefined, where: Where): string {
  const entry = {
    startedDateTime: '2026-11-20T14:10:00.000Z',
    time: 12,
    request: {
      method: 'POST',
      url:
        where === 'url'
          ? `https://app.example.com/api/items?page=2&ctx=${encodeURIComponent(payload)}`
          : 'https://app.example.com/api/items',
      httpVersion: 'http/2.0',
      headers: [{ name: 'x-debug-context', value: where === 'header' ? payload : 'none' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
      postData:
        where === 'multipart'
          ? {
              mimeType: 'multipart/form-data; boundary=XyZ',
              text: `--XyZ\r\nContent-Disposition: form-data; name="context"\r\n\r\n${payload}\r\n--XyZ--\r\n`,
            }
          : { mimeType: 'text/plain', text: where === 'postText' ? payload : 'hello' },
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'http/2.0',
      cookies: [],
      headers: [],
      content:
        where === 'responseBase64'
          ? {
              size: 1,
              mimeType: 'application/octet-stream',
              encoding: 'base64',
              text: b64(bytes ?? payload),
            }
          : where === 'sse'
            ? {
                size: 1,
                mimeType: 'text/event-stream',
                text: `event: update\ndata: ${payload}\n\n`,
              }
            : { size: 1, mimeType: '', text: where === 'response' ? payload : 'ok' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 1 },
    _webSocketMessages:
      where === 'wsText' || where === 'wsBinary'
        ? [
            {
              type: 'send',
              time: 1,
              opcode: where === 'wsText' ? 1 : 2,
              data: where === 'wsText' ? payload : b64(bytes ?? payload),
            },
          ]
        : [],
  };
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 't', version: '1' },
      pages: [
        {
          startedDateTime: '2026-11-20T14:10:00.000Z',
          id: 'p',
          title: where === 'pageTitle' ? payload : 'Ticket',
          pageTimings: {},
        },
      ],
      entries: [entry],
    },
  });
}

const chain = fc.array(fc.constantFrom(...Object.keys(LAYERS)), { minLength: 0, maxLength: 5 });

/** Wrap the core in the chain's layers (first = innermost); a binary core at the top travels as raw bytes where it can. */
function plant(core: Core, layers: string[], where: Where): string {
  let current = core;
  for (const layer of layers) current = { text: LAYERS[layer]!(current), secret: core.secret };
  const payload = textOf(current);
  // SSE data and the page title are single lines.
  const line = where === 'sse' || where === 'pageTitle' ? payload.replace(/\n/g, ' ') : payload;
  return harWith(line, current.bytes, where);
}

function everyDecoding(text: string): string {
  const all: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') decodings(v, 0, all);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(text));
  return all.join('\n\u0000\n');
}

async function streamed(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  async function* source() {
    for (let i = 0; i < bytes.length; i += 4093) yield bytes.subarray(i, i + 4093);
  }
  const out: string[] = [];
  await sanitizeHarStream(source(), (c) => void out.push(c));
  return out.join('');
}

describe('secrets under any chain of encodings, anywhere in a HAR', () => {
  it('a planted secret is always found (in every decoding of the output it is gone)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(shapedCore, namedCore),
        chain,
        fc.constantFrom(...LOCATIONS),
        async (core, layers, where) => {
          // SSE data must be one line: multi-line text cores go there only inside an encoding.
          fc.pre(!(where === 'sse' && layers.length === 0 && core.text?.includes('\n')));
          const input = plant(core, layers, where);
          const { text } = sanitizeHarText(input);
          expect(everyDecoding(input)).toContain(core.secret);
          expect(
            everyDecoding(text).includes(core.secret),
            `leaked via ${[...layers].reverse().join(' → ')} at ${where}`,
          ).toBe(false);
          expect(await streamed(input)).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a diagnostic beside a secret name is always kept, and the secret still goes', () => {
    fc.assert(
      fc.property(diagnosticCore, chain, fc.constantFrom(...LOCATIONS), (core, layers, where) => {
        fc.pre(
          !(
            (where === 'sse' || where === 'pageTitle') &&
            layers.length === 0 &&
            core.text?.includes('\n')
          ),
        );
        const input = plant(core, layers, where);
        const all = everyDecoding(sanitizeHarText(input).text);
        const path = `${[...layers].reverse().join(' → ') || 'plain'} at ${where}`;
        expect(all.includes(core.diagnostic!), `lost via ${path}`).toBe(true);
        expect(all.includes(core.secret), `leaked via ${path}`).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
