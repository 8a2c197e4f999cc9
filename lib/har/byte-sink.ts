/**
 * A sink for sanitizeHarStream that writes the output as UTF-8 into a small
 * pool of reused buffers and hands each full one on (to another thread, which
 * keeps the bytes and gives the buffer back). The sanitizing thread then never
 * builds a Blob itself: in Chromium, building one from 10 MB of strings cost
 * a quarter of a worker's time, most of it in touching fresh memory, while
 * encoding into buffers that are already paged in is a plain copy.
 */
import type { HarSink } from './stream';

export interface ByteSinkOptions {
  /** A free buffer: one given back, or a new one. May wait for one. */
  take: () => ArrayBuffer | Promise<ArrayBuffer>;
  /** The first `used` bytes of `buffer` are output; the buffer is no longer the sink's. */
  ship: (buffer: ArrayBuffer, used: number) => void;
  /** Ship a buffer once fewer than this many bytes are free in it (default 4 KB). */
  slack?: number;
}

export interface ByteSink {
  sink: HarSink;
  /** Ship what is left. Call once, after the sanitizer resolved. */
  finish: () => void;
}

const encoder = new TextEncoder();

export function createByteSink({ take, ship, slack = 4096 }: ByteSinkOptions): ByteSink {
  let buffer: ArrayBuffer | null = null;
  let view: Uint8Array = new Uint8Array(0);
  let used = 0;

  const send = () => {
    if (buffer && used > 0) ship(buffer, used);
    else if (buffer) return; // nothing written: keep it for the next piece
    buffer = null;
    used = 0;
  };

  const sink: HarSink = async (text) => {
    let rest = text;
    for (;;) {
      if (!buffer) {
        buffer = await take();
        view = new Uint8Array(buffer);
        used = 0;
      }
      // encodeInto stops before a character that does not fit, never inside one.
      const { read, written } = encoder.encodeInto(rest, view.subarray(used));
      used += written;
      if (read === rest.length) {
        if (view.length - used < slack) send();
        return;
      }
      if (written === 0 && used === 0) {
        throw new RangeError(`an output buffer of ${view.length} bytes cannot hold one character`);
      }
      rest = rest.slice(read);
      send();
    }
  };

  return { sink, finish: send };
}
