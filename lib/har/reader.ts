/**
 * The streaming sanitizer's input side: a byte cursor over the source's
 * chunks (a web ReadableStream such as File.stream(), or any async iterable
 * of bytes) that skips a byte order mark and cuts out one JSON value at a
 * time without parsing it; JSON.parse validates each value afterwards.
 */
import { HarError } from './errors';
import { errorMessage } from '../errors';

export type HarSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJ = 0x7b;
export const CLOSE_OBJ = 0x7d;
export const OPEN_ARR = 0x5b;
export const CLOSE_ARR = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export function toIterator(source: HarSource): AsyncIterator<Uint8Array> {
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
export class Reader {
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
      throw new HarError('unreadable', `The file could not be read: ${errorMessage(error)}`);
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
    throw new HarError('too-large', `${what} is too large to process: ${errorMessage(error)}`);
  }
}

export function parseValue(pieces: Uint8Array[], what: string): unknown {
  const text = decodePieces(pieces, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = errorMessage(error);
    throw new HarError(
      'not-json',
      `The file is not valid JSON: ${what} does not parse (${message}).`,
    );
  }
}
