/**
 * Streaming sanitizer for HAR files of any size (past V8's ~512 MB string
 * limit). The byte-level scanner in reader.ts walks the outer HAR shape
 * (`{"log":{…,"entries":[…]}}`) and cuts out one value at a time — one
 * entry, one page, one other member — which is decoded, parsed, sanitized
 * with the same functions as the in-memory path and emitted, so memory is
 * bounded by the largest single entry and the output is byte-identical to
 * `sanitizeHarText` on the same input.
 */
import { HarError } from './errors';
import type { HarReport } from './redactor';
import { createRedactor, describe, type SanitizeOptions } from './sanitize';
import {
  CLOSE_ARR,
  CLOSE_OBJ,
  COLON,
  COMMA,
  OPEN_ARR,
  OPEN_OBJ,
  parseValue,
  QUOTE,
  Reader,
  toIterator,
} from './reader';
import { sanitizeEntry, sanitizeOther, sanitizePage } from './structure';

export interface HarProgress {
  bytesRead: number;
  /** When the caller knows it (File.size, fs.stat). */
  totalBytes?: number;
  entries: number;
}

import type { HarSource } from './reader';
import { errorMessage } from '../errors';

export interface StreamOptions extends SanitizeOptions {
  onProgress?: (progress: HarProgress) => void;
  totalBytes?: number;
  /**
   * Output is handed to the sink in pieces of about this many UTF-16 units
   * (a single entry of a quarter of that or more is handed on by itself).
   */
  flushSize?: number;
  /** Aborting stops the run between entries with HarError('cancelled'); nothing complete is delivered. */
  signal?: AbortSignal;
}

export type { HarSource } from './reader';
export type HarSink = (chunk: string) => void | Promise<void>;

function cancelled(): HarError {
  return new HarError('cancelled', 'Sanitizing was cancelled; nothing was handed on.');
}

/**
 * Sanitize a HAR from `source`, handing compact JSON to `sink` as it goes.
 * Resolves with the report once the whole file is done. On any error it
 * rejects with a HarError; what the sink got so far is sanitized but
 * incomplete, so callers discard it (the CLI writes to a temp file).
 */
export async function sanitizeHarStream(
  source: HarSource,
  sink: HarSink,
  options: StreamOptions = {},
): Promise<HarReport> {
  const it = toIterator(source);
  const reader = new Reader(it);
  const r = createRedactor(options.rules);
  const flushSize = options.flushSize ?? 1 << 20;
  let out: string[] = [];
  let outLength = 0;
  let entries = 0;
  let pages = 0;

  const emit = async (text: string): Promise<void> => {
    // A large piece (a bundle's entry) goes on as it is: joining it into a flush would only copy it.
    if (text.length >= flushSize >> 2) {
      await flush();
      await sink(text);
      return;
    }
    out.push(text);
    outLength += text.length;
    if (outLength >= flushSize) await flush();
  };
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const text = out.length === 1 ? out[0]! : out.join('');
    out = [];
    outLength = 0;
    await sink(text);
  };
  const progress = (): void => {
    options.onProgress?.({ bytesRead: reader.bytesRead, totalBytes: options.totalBytes, entries });
  };

  const readKey = async (where: string): Promise<string> => {
    const b = await reader.peek();
    if (b !== QUOTE) throw reader.unexpected(b, `a key in ${where}`);
    const key = parseValue(
      await reader.capture(`a key in ${where}`),
      `a key in ${where}`,
    ) as string;
    await reader.expect(COLON, `":" after ${JSON.stringify(key)}`);
    return key;
  };

  /** `[v, v, …]`, each element cut out and handled alone. */
  const streamArray = async (
    where: string,
    each: (value: unknown, index: number) => Promise<void>,
  ): Promise<number> => {
    await reader.expect(OPEN_ARR, `"[" to start ${where}`);
    await emit('[');
    let count = 0;
    if ((await reader.peek()) === CLOSE_ARR) {
      reader.pos++;
      await emit(']');
      return 0;
    }
    for (;;) {
      const what = `${where}[${count}]`;
      const value = parseValue(await reader.capture(what), what);
      if (count > 0) await emit(',');
      await each(value, count);
      count++;
      const b = await reader.peek();
      if (b === COMMA) {
        reader.pos++;
        continue;
      }
      if (b === CLOSE_ARR) {
        reader.pos++;
        await emit(']');
        return count;
      }
      throw reader.unexpected(b, `"," or "]" in ${where}`);
    }
  };

  /** `{ "k": v, … }` at the top level and in `log`. */
  const streamObject = async (
    where: string,
    member: (key: string) => Promise<void>,
  ): Promise<void> => {
    const seen = new Set<string>();
    await emit('{');
    if ((await reader.peek()) === CLOSE_OBJ) {
      reader.pos++;
      await emit('}');
      return;
    }
    for (;;) {
      const key = await readKey(where);
      if (seen.has(key))
        throw new HarError(
          'not-har',
          `Not a HAR file: ${where} has the key ${JSON.stringify(key)} twice.`,
        );
      seen.add(key);
      if (seen.size > 1) await emit(',');
      await emit(JSON.stringify(key) + ':');
      await member(key);
      const b = await reader.peek();
      if (b === COMMA) {
        reader.pos++;
        continue;
      }
      if (b === CLOSE_OBJ) {
        reader.pos++;
        await emit('}');
        return;
      }
      throw reader.unexpected(b, `"," or "}" in ${where}`);
    }
  };

  const other = async (key: string, prefix: string): Promise<void> => {
    const what = `${prefix}${key}`;
    const value = parseValue(await reader.capture(what), what);
    await emit(JSON.stringify(sanitizeOther(key, value, r, prefix)));
  };

  try {
    const first = await reader.peek();
    if (first === -1) throw new HarError('not-json', 'The file is empty.');
    if (first !== OPEN_OBJ) {
      if (first === OPEN_ARR)
        throw new HarError(
          'not-har',
          'Not a HAR file: the top level is an array, not an object with a "log".',
        );
      throw new HarError(
        'not-json',
        `The file is not JSON: it starts with ${JSON.stringify(String.fromCharCode(first))}.`,
      );
    }
    reader.pos++;
    let sawLog = false;
    await streamObject('the top level', async (key) => {
      if (key !== 'log') return other(key, '');
      sawLog = true;
      const b = await reader.peek();
      if (b !== OPEN_OBJ) {
        if (b === -1) throw reader.unexpected(b, 'the "log" object');
        const value = parseValue(await reader.capture('log'), 'log');
        throw new HarError(
          'not-har',
          `Not a HAR file: "log" is ${describe(value)}, not an object.`,
        );
      }
      reader.pos++;
      let sawEntries = false;
      await streamObject('log', async (logKey) => {
        if (logKey === 'entries') {
          sawEntries = true;
          const b2 = await reader.peek();
          if (b2 !== OPEN_ARR) {
            if (b2 === -1) throw reader.unexpected(b2, 'log.entries');
            throw new HarError('not-har', 'Not a HAR file: "log.entries" is not an array.');
          }
          entries = 0;
          await streamArray('log.entries', async (value, index) => {
            if (options.signal?.aborted) throw cancelled();
            await emit(JSON.stringify(sanitizeEntry(value, index, r)));
            entries = index + 1;
            progress();
          });
          return;
        }
        if (logKey === 'pages' && (await reader.peek()) === OPEN_ARR) {
          pages = await streamArray('log.pages', async (value, index) => {
            await emit(JSON.stringify(sanitizePage(value, index, r)));
          });
          return;
        }
        return other(logKey, 'log.');
      });
      if (!sawEntries) throw new HarError('not-har', 'Not a HAR file: "log.entries" is missing.');
    });
    if (!sawLog) throw new HarError('not-har', 'Not a HAR file: there is no "log" object.');
    const rest = await reader.peek();
    if (rest !== -1)
      throw new HarError(
        'not-json',
        `The file is not valid JSON: unexpected data after the HAR at byte ${reader.bytesRead}.`,
      );
    if (options.signal?.aborted) throw cancelled();
    await flush();
    progress();
    return r.report(entries, pages);
  } catch (error) {
    await it.return?.().catch(() => undefined);
    if (error instanceof HarError) throw error;
    throw new HarError('unreadable', `The HAR could not be sanitized: ${errorMessage(error)}`);
  }
}

/**
 * A `File`/`Blob` in, a sanitized `Blob` out (browser and Node ≥ 20). The
 * output is folded into Blobs every ~16 MB so no single string or array of
 * strings grows with the file (browsers may keep large Blobs out of the heap).
 * Pieces go into the Blob as the sanitizer emits them (`flushSize` 0): the
 * Blob encodes and gathers them anyway, so joining them first would only
 * copy every byte once more (in Chromium that doubled the time spent here).
 */
export async function sanitizeHarBlob(
  file: Blob,
  options: Omit<StreamOptions, 'totalBytes'> = {},
): Promise<{ blob: Blob; report: HarReport }> {
  const blobs: Blob[] = [];
  let strings: string[] = [];
  let size = 0;
  const report = await sanitizeHarStream(
    file.stream(),
    (chunk) => {
      strings.push(chunk);
      size += chunk.length;
      if (size >= 16 << 20) {
        blobs.push(new Blob(strings));
        strings = [];
        size = 0;
      }
    },
    { flushSize: 0, ...options, totalBytes: file.size },
  );
  if (strings.length) blobs.push(new Blob(strings));
  return { blob: new Blob(blobs, { type: 'application/json' }), report };
}
