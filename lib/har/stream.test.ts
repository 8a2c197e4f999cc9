import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HarError } from './errors';
import { sanitizeHarText } from './sanitize';
import { sanitizeHarBlob, sanitizeHarStream, type HarProgress } from './stream';
import { harDocument, harEntry } from './testing';

const DIR = resolve(import.meta.dirname, '../../tests/fixtures/har');
const FIXTURES = Object.keys(
  JSON.parse(readFileSync(resolve(DIR, 'planted.json'), 'utf8')) as object,
);
const encoder = new TextEncoder();

async function* chunked(
  bytes: Uint8Array,
  size: number | (() => number),
): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length;) {
    const n = typeof size === 'number' ? size : size();
    yield bytes.slice(i, i + n);
    i += n;
  }
}

async function streamed(source: Parameters<typeof sanitizeHarStream>[0], flushSize?: number) {
  const out: string[] = [];
  const report = await sanitizeHarStream(source, (chunk) => void out.push(chunk), { flushSize });
  return { text: out.join(''), report, pieces: out.length };
}

async function failure(source: Parameters<typeof sanitizeHarStream>[0]): Promise<HarError> {
  const error = await sanitizeHarStream(source, () => undefined).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarError);
  return error as HarError;
}

const tiny = JSON.stringify(
  harDocument([harEntry({ url: 'https://a.example/?token=abc123secret' })]),
);

describe('sanitizeHarStream', () => {
  it.each(FIXTURES)(
    'gives byte-identical output to the in-memory path on %s, however it is chunked',
    async (file) => {
      const text = readFileSync(resolve(DIR, file), 'utf8');
      const bytes = encoder.encode(text);
      const expected = sanitizeHarText(text);
      for (const size of [1, 7, 64, 4096, bytes.length]) {
        const got = await streamed(chunked(bytes, size));
        expect(got.text).toBe(expected.text);
        expect(got.report).toEqual(expected.report);
      }
      let seed = 7;
      const random = () => ((seed = (seed * 48271) % 2147483647) % 300) + 1;
      expect((await streamed(chunked(bytes, random))).text).toBe(expected.text);
    },
  );

  it('reads a web ReadableStream (File.stream()) and a Node stream', async () => {
    const text = readFileSync(resolve(DIR, 'oidc-login.har'), 'utf8');
    const expected = sanitizeHarText(text).text;
    const blob = new Blob([text]);
    expect((await streamed(blob.stream())).text).toBe(expected);
    expect((await streamed(Readable.from([Buffer.from(text)]))).text).toBe(expected);
    const sanitized = await sanitizeHarBlob(new Blob([text]));
    expect(await sanitized.blob.text()).toBe(expected);
    expect(sanitized.report.entries).toBe(4);
  });

  it('handles escapes and multi-byte characters split across chunks', async () => {
    const har = JSON.parse(tiny);
    har.log.comment = 'quote \\" backslash \\\\ end \u00e9\u4e2d\ud83d\ude00 "';
    har.log.entries[0].comment = '\\\\\\"\\\\';
    const text = JSON.stringify(har);
    const bytes = encoder.encode(text);
    const expected = sanitizeHarText(text).text;
    for (let size = 1; size < 12; size++)
      expect((await streamed(chunked(bytes, size))).text).toBe(expected);
  });

  it('skips a UTF-8 byte order mark like the in-memory path', async () => {
    const bytes = encoder.encode('\ufeff' + tiny);
    expect((await streamed(chunked(bytes, 2))).text).toBe(sanitizeHarText('\ufeff' + tiny).text);
  });

  it('emits output in pieces of about flushSize and reports progress per entry', async () => {
    const text = readFileSync(resolve(DIR, 'rest-api.har'), 'utf8');
    const progress: HarProgress[] = [];
    const out: string[] = [];
    await sanitizeHarStream(chunked(encoder.encode(text), 512), (c) => void out.push(c), {
      flushSize: 1000,
      totalBytes: encoder.encode(text).length,
      onProgress: (p) => progress.push(p),
    });
    expect(out.length).toBeGreaterThan(5);
    expect(progress.map((p) => p.entries).slice(0, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(progress.at(-1)).toMatchObject({
      bytesRead: encoder.encode(text).length,
      totalBytes: encoder.encode(text).length,
    });
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
  });

  it('awaits an async sink (backpressure)', async () => {
    const out: string[] = [];
    await sanitizeHarStream(
      chunked(encoder.encode(tiny), 10),
      async (c) => {
        await new Promise((r) => setTimeout(r, 1));
        out.push(c);
      },
      { flushSize: 16 },
    );
    expect(out.join('')).toBe(sanitizeHarText(tiny).text);
  });
});

describe('sanitizeHarStream errors', () => {
  const src = (text: string) => chunked(encoder.encode(text), 5);

  it.each([
    ['', 'not-json'],
    ['   \n', 'not-json'],
    ['hello', 'not-json'],
    ['<html></html>', 'not-json'],
    ['[1,2]', 'not-har'],
    ['{"foo":1}', 'not-har'],
    ['{"log":[]}', 'not-har'],
    ['{"log":{"version":"1.2"}}', 'not-har'],
    ['{"log":{"entries":{}}}', 'not-har'],
    ['{"log":{"entries":[1]}}', 'not-har'],
    ['{"log":{"entries":[{"request":{}}]}}', 'not-har'],
    ['{"log":{"entries":[]}} trailing', 'not-json'],
    ['{"log":{"entries":[],}}', 'not-json'],
    ['{"log":{"entries":[,]}}', 'not-json'],
    ['{"log":{"entries":[{"a":1,}]}}', 'not-json'],
    ['{"log":{"entries":[], "entries":[]}}', 'not-har'],
    ['{"log":{"entries":[]', 'truncated'],
    ['{"log":{"entries":[{"request":', 'truncated'],
    ['{"log":{"entries":[{"request":"abc', 'truncated'],
  ])('%j → %s', async (text, code) => {
    expect((await failure(src(text))).code).toBe(code);
  });

  it('every truncation of a real HAR is an error, never a result', async () => {
    const text = readFileSync(resolve(DIR, 'websocket.har'), 'utf8').replace(/\s+/g, ' ');
    const bytes = encoder.encode(text);
    for (let cut = 0; cut < bytes.length - 1; cut += 37) {
      const error = await failure(chunked(bytes.subarray(0, cut), 64));
      expect(['truncated', 'not-json']).toContain(error.code);
    }
  });

  it('a stream that fails is "unreadable"', async () => {
    async function* broken() {
      yield encoder.encode('{"log":{"entries":[');
      throw new Error('disk on fire');
    }
    const error = await failure(broken());
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('disk on fire');
  });

  it('a stream of non-bytes is "unreadable"', async () => {
    async function* strings() {
      yield 'text' as unknown as Uint8Array;
    }
    expect((await failure(strings())).code).toBe('unreadable');
  });

  it('a body nested deeper than the stack allows is a HarError on both paths', async () => {
    const har = JSON.parse(tiny);
    har.log.entries[0].request.postData = {
      mimeType: 'application/json',
      text: '['.repeat(200_000) + ']'.repeat(200_000),
    };
    const text = JSON.stringify(har);
    let memory: unknown;
    try {
      sanitizeHarText(text);
    } catch (e) {
      memory = e;
    }
    // Either it copes, or it says why; it never throws anything but a HarError.
    if (memory !== undefined) expect(memory).toBeInstanceOf(HarError);
    const streamed = await sanitizeHarStream(src(text), () => undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (streamed !== undefined) expect(streamed).toBeInstanceOf(HarError);
    expect(memory === undefined).toBe(streamed === undefined);
  });

  it('matches the in-memory path on what is an error', () => {
    expect(() => sanitizeHarText('{"log":{"entries":[')).toThrow(
      expect.objectContaining({ code: 'truncated' }),
    );
    expect(() => sanitizeHarText('nope')).toThrow(expect.objectContaining({ code: 'not-json' }));
    expect(() => sanitizeHarText('[]')).toThrow(expect.objectContaining({ code: 'not-har' }));
    expect(() => sanitizeHarText('')).toThrow(expect.objectContaining({ code: 'not-json' }));
  });
});
