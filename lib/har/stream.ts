/**
 * Streaming sanitizer for HAR files of any size (past V8's ~512 MB string
 * limit). A hand-written byte-level scanner walks the outer HAR shape
 * (`{"log":{…,"entries":[…]}}`) and cuts out one value at a time — one
 * entry, one page, one other member — which is decoded, parsed, sanitized
 * with the same functions as the in-memory path and emitted, so memory is
 * bounded by the largest single entry and the output is byte-identical to
 * `sanitizeHarText` on the same input.
 */
import { HarError } from './errors';
import type { HarReport } from './redactor';
import { createRedactor, describe, type SanitizeOptions } from './sanitize';
import { sanitizeEntry, sanitizeOther, sanitizePage } from './structure';

export interface HarProgress {
  bytesRead: number;
  /** When the caller knows it (File.size, fs.stat). */
  totalBytes?: number;
  entries: number;
}

export interface StreamOptions extends SanitizeOptions {
  onProgress?: (progress: HarProgress) => void;
  totalBytes?: number;
  /**
   * Output is handed to the sink in pieces of about this many UTF-16 units
   * (a single entry of a quarter of that or more is handed on by itself).
   */
  flushSize?: number;
}

export type HarSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
export type HarSink = (chunk: string) => void | Promise<void>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function toIterator(source: HarSource): AsyncIterator<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    return {
      async next() {
        const { done, value } = await reader.read();
        return done ? { done: true, value: undefined } : { done: false, value };
      },
      async return() {
        await reader.cancel().catch(() => undefined);
        return { done: true, value: undefined };
      },
    };
  }
  return (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Byte cursor over the source's chunks, with a scanner that cuts out one JSON value. */
class Reader {
  chunk: Uint8Array = new Uint8Array(0);
  pos = 0;
  /** Bytes in chunks before the current one. */
  offset = 0;
  private eof = false;
  private first = true;
  private probe: Uint8Array = new Uint8Array(0);

  constructor(private readonly it: AsyncIterator<Uint8Array>) {}

  get bytesRead(): number {
    return this.offset + this.pos;
  }

  /** Load the next non-empty chunk; false at end of input. */
  async fill(): Promise<boolean> {
    if (this.eof) return false;
    for (;;) {
      let value = await this.next();
      if (value === null) {
        this.eof = true;
        // A file shorter than a byte order mark is still whatever it is.
        if (this.first && this.probe.length > 0) {
          this.first = false;
          return this.take(this.probe);
        }
        this.offset += this.chunk.length;
        this.chunk = new Uint8Array(0);
        this.pos = 0;
        return false;
      }
      if (value.length === 0) continue;
      if (this.first) {
        // A UTF-8 byte order mark is not JSON; some tools write one, and it may arrive split.
        value = concat(this.probe, value);
        if (value.length < 3) {
          this.probe = value;
          continue;
        }
        this.first = false;
        this.probe = new Uint8Array(0);
      }
      if (this.take(value)) return true;
    }
  }

  private take(chunk: Uint8Array): boolean {
    const bom =
      this.offset === 0 &&
      this.chunk.length === 0 &&
      chunk[0] === 0xef &&
      chunk[1] === 0xbb &&
      chunk[2] === 0xbf;
    this.offset += this.chunk.length;
    this.chunk = chunk;
    this.pos = bom ? 3 : 0;
    return this.pos < chunk.length;
  }

  private async next(): Promise<Uint8Array | null> {
    let result: IteratorResult<Uint8Array>;
    try {
      result = await this.it.next();
    } catch (error) {
      throw new HarError(
        'unreadable',
        `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (result.done) return null;
    if (!(result.value instanceof Uint8Array)) {
      throw new HarError(
        'unreadable',
        'The file could not be read: the stream gave something other than bytes.',
      );
    }
    return result.value;
  }

  /** Next non-whitespace byte without consuming it; -1 at end of input. */
  async peek(): Promise<number> {
    for (;;) {
      const c = this.chunk;
      let i = this.pos;
      while (i < c.length && isSpace(c[i]!)) i++;
      this.pos = i;
      if (i < c.length) return c[i]!;
      if (!(await this.fill())) return -1;
    }
  }

  async expect(byte: number, what: string): Promise<void> {
    const b = await this.peek();
    if (b !== byte) throw this.unexpected(b, what);
    this.pos++;
  }

  unexpected(b: number, what: string): HarError {
    if (b === -1)
      return new HarError(
        'truncated',
        `The file ends in the middle of the JSON (truncated download?): expected ${what}.`,
      );
    return new HarError(
      'not-json',
      `The file is not valid JSON: expected ${what} at byte ${this.bytesRead}, found ${JSON.stringify(String.fromCharCode(b))}.`,
    );
  }

  /**
   * Cut out the next JSON value (string, number, literal, object or array)
   * and return its bytes as a list of pieces. Only counts brackets and
   * skips strings; JSON.parse validates the value afterwards.
   */
  async capture(what: string): Promise<Uint8Array[]> {
    const first = await this.peek();
    if (first === -1) throw this.unexpected(-1, what);
    const pieces: Uint8Array[] = [];
    let depth = 0;
    let inString = false;
    // Trailing backslashes at the end of the previous chunk, for escapes split across chunks.
    let carry = 0;
    const scalar = first !== QUOTE && first !== OPEN_OBJ && first !== OPEN_ARR;
    for (;;) {
      const c = this.chunk;
      const n = c.length;
      const start = this.pos;
      let i = start;
      let end = -1;
      if (scalar) {
        while (i < n) {
          const b = c[i]!;
          if (b === COMMA || b === CLOSE_OBJ || b === CLOSE_ARR || isSpace(b)) {
            end = i;
            break;
          }
          i++;
        }
      } else {
        scan: while (i < n) {
          if (inString) {
            const q = c.indexOf(QUOTE, i);
            if (q < 0) {
              let run = 0;
              for (let k = n - 1; k >= i && c[k] === BACKSLASH; k--) run++;
              carry = run === n - i ? carry + run : run;
              i = n;
              break;
            }
            let run = 0;
            for (let k = q - 1; k >= i && c[k] === BACKSLASH; k--) run++;
            if (run === q - i) run += carry;
            carry = 0;
            i = q + 1;
            if ((run & 1) === 0) {
              inString = false;
              if (depth === 0) {
                end = i;
                break scan;
              }
            }
            continue;
          }
          const b = c[i]!;
          i++;
          if (b === QUOTE) {
            inString = true;
            carry = 0;
          } else if (b === OPEN_OBJ || b === OPEN_ARR) {
            depth++;
          } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
            depth--;
            if (depth <= 0) {
              end = i;
              break;
            }
          }
        }
      }
      if (end >= 0) {
        pieces.push(c.subarray(start, end));
        this.pos = end;
        return pieces;
      }
      if (n > start) pieces.push(c.subarray(start, n));
      this.pos = n;
      if (!(await this.fill())) {
        if (scalar) return pieces;
        throw new HarError(
          'truncated',
          `The file ends in the middle of ${what} (truncated download?).`,
        );
      }
    }
  }
}

const decoder = new TextDecoder('utf-8');

function decodePieces(pieces: Uint8Array[], what: string): string {
  try {
    if (pieces.length === 1) return decoder.decode(pieces[0]);
    let total = 0;
    for (const p of pieces) total += p.length;
    const joined = new Uint8Array(total);
    let at = 0;
    for (const p of pieces) {
      joined.set(p, at);
      at += p.length;
    }
    return decoder.decode(joined);
  } catch (error) {
    throw new HarError(
      'too-large',
      `${what} is too large to process: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parseValue(pieces: Uint8Array[], what: string): unknown {
  const text = decodePieces(pieces, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new HarError(
      'not-json',
      `The file is not valid JSON: ${what} does not parse (${message}).`,
    );
  }
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
    await flush();
    progress();
    return r.report(entries, pages);
  } catch (error) {
    await it.return?.().catch(() => undefined);
    if (error instanceof HarError) throw error;
    throw new HarError(
      'unreadable',
      `The HAR could not be sanitized: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A `File`/`Blob` in, a sanitized `Blob` out (browser and Node ≥ 20). The
 * output is folded into Blobs every ~16 MB so no single string or array of
 * strings grows with the file (browsers may keep large Blobs out of the heap).
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
    { ...options, totalBytes: file.size },
  );
  if (strings.length) blobs.push(new Blob(strings));
  return { blob: new Blob(blobs, { type: 'application/json' }), report };
}
