import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createByteSink } from './byte-sink';
import { sanitizeHarStream } from './stream';
import { sanitizeHarText } from './sanitize';
import { warmUpHar } from './warm-up';

/** A pool of `count` buffers of `size` bytes, given back at once; collects what was shipped. */
function pool(size: number, count = 2) {
  const free = Array.from({ length: count }, () => new ArrayBuffer(size));
  const shipped: Uint8Array[] = [];
  const sizes: number[] = [];
  const { sink, finish } = createByteSink({
    take: () => {
      const buffer = free.pop();
      if (!buffer) throw new Error('the pool is empty: a buffer was not given back');
      return buffer;
    },
    ship: (buffer, used) => {
      shipped.push(new Uint8Array(buffer.slice(0, used)));
      sizes.push(used);
      free.push(buffer);
    },
    slack: Math.min(16, size >> 2),
  });
  const bytes = () => {
    const out = new Uint8Array(shipped.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of shipped) {
      out.set(s, at);
      at += s.length;
    }
    return out;
  };
  return { sink, finish, bytes, sizes };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('createByteSink', () => {
  it('writes exactly the UTF-8 of the pieces, whatever splits them across buffers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }),
        fc.integer({ min: 4, max: 64 }),
        async (pieces, size) => {
          const p = pool(size);
          for (const piece of pieces) await p.sink(piece);
          p.finish();
          expect(p.bytes()).toEqual(utf8(pieces.join('')));
          expect(p.sizes.every((n) => n > 0 && n <= size)).toBe(true);
        },
      ),
    );
  });

  it('never splits a character: a 4-byte emoji at the end of a buffer moves to the next', async () => {
    const p = pool(8);
    await p.sink('abcdef😀g');
    p.finish();
    expect(p.sizes).toEqual([6, 5]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(p.bytes())).toBe('abcdef😀g');
  });

  it('says so when a buffer is too small for one character', async () => {
    const p = pool(2);
    await expect(p.sink('😀')).rejects.toThrow(/cannot hold one character/);
  });

  it('gives the same bytes as the in-memory sanitizer, through small reused buffers', async () => {
    const text = warmUpHar(60);
    const p = pool(1024, 3);
    const source = (async function* () {
      const bytes = utf8(text);
      for (let at = 0; at < bytes.length; at += 700) yield bytes.subarray(at, at + 700);
    })();
    await sanitizeHarStream(source, p.sink, { flushSize: 0 });
    p.finish();
    expect(new TextDecoder().decode(p.bytes())).toBe(sanitizeHarText(text).text);
    expect(p.sizes.length).toBeGreaterThan(10);
  });
});
