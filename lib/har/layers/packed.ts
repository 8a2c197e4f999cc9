/**
 * MessagePack and CBOR: self-describing binary maps and arrays. Strings
 * under a map key are walked like JSON values under that key (the key's
 * name decides, then the value is walked as text); byte strings are walked
 * as another binary layer. Containers count items, not bytes, so a changed
 * string only needs its own length header rewritten.
 */
import { ByteWriter, utf8Encoder, utf8OrNull } from './bytes-util';
import type { ByteContext, ByteLayer } from './bytes';
import { scrubBytes } from './bytes';
import { scrubJsonString } from '../json';

class NotThisFormat extends Error {}

type Key = string | null | undefined;

abstract class PackedWalker {
  pos = 0;
  strings = 0;
  changed = false;
  readonly w = new ByteWriter();

  constructor(
    readonly b: Uint8Array,
    readonly ctx: ByteContext,
  ) {}

  need(n: number): void {
    if (this.pos + n > this.b.length) throw new NotThisFormat();
  }

  uint(n: number): number {
    this.need(n);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.b[this.pos + i]!;
    this.pos += n;
    return v;
  }

  /** Copy b[from, pos) to the output unchanged. */
  copy(from: number): void {
    this.w.bytes(this.b.subarray(from, this.pos));
  }

  /**
   * A string whose header is at [start, pos) and payload `len` bytes on. `key`: the map key
   * it sits under (named like a JSON value), null in an array, undefined when it is a key itself.
   */
  text(start: number, len: number, key: Key): string | null {
    this.need(len);
    const payload = this.b.subarray(this.pos, this.pos + len);
    this.pos += len;
    const value = utf8OrNull(payload);
    this.strings++;
    if (value === null) {
      this.copy(start);
      return null;
    }
    const { r, depth } = this.ctx;
    const out = key === undefined ? value : scrubJsonString(value, r, key, depth + 1);
    if (out === value) this.copy(start);
    else {
      this.changed = true;
      this.writeText(utf8Encoder.encode(out));
    }
    return value;
  }

  bytes(start: number, len: number): void {
    this.need(len);
    const payload = this.b.subarray(this.pos, this.pos + len);
    this.pos += len;
    const { r, depth, fallback } = this.ctx;
    const out = scrubBytes(payload, r, '', depth + 1, fallback) ?? payload;
    if (out === payload) this.copy(start);
    else {
      this.changed = true;
      this.writeBytes(out);
    }
  }

  abstract item(key: Key): string | null;
  abstract writeText(payload: Uint8Array): void;
  abstract writeBytes(payload: Uint8Array): void;

  map(n: number): void {
    for (let i = 0; i < n; i++) {
      const key = this.item(undefined);
      this.ctx.r.path.push(`.${key ?? i}`);
      this.item(key ?? null);
      this.ctx.r.path.pop();
    }
  }

  run(): Uint8Array | null {
    try {
      this.item(null);
    } catch (error) {
      if (error instanceof NotThisFormat) return null;
      throw error;
    }
    if (this.pos !== this.b.length || this.strings === 0) return null;
    return this.changed ? this.w.finish() : this.b;
  }
}

class MsgpackWalker extends PackedWalker {
  item(key: Key): string | null {
    const start = this.pos;
    const t = this.uint(1);
    if (t <= 0x7f || t >= 0xe0 || t === 0xc0 || t === 0xc2 || t === 0xc3) return this.done(start);
    if (t <= 0x8f) return this.container(start, t & 0x0f, true);
    if (t <= 0x9f) return this.container(start, t & 0x0f, false);
    if (t <= 0xbf) return this.text(start, t & 0x1f, key);
    switch (t) {
      case 0xc4:
      case 0xc5:
      case 0xc6:
        this.bytes(start, this.uint(1 << (t - 0xc4)));
        return null;
      case 0xc7:
      case 0xc8:
      case 0xc9:
        this.skip(start, this.uint(1 << (t - 0xc7)) + 1);
        return null;
      case 0xca:
        return this.skip(start, 4);
      case 0xcb:
        return this.skip(start, 8);
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xcf:
        return this.skip(start, 1 << (t - 0xcc));
      case 0xd0:
      case 0xd1:
      case 0xd2:
      case 0xd3:
        return this.skip(start, 1 << (t - 0xd0));
      case 0xd4:
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8:
        return this.skip(start, (1 << (t - 0xd4)) + 1);
      case 0xd9:
      case 0xda:
      case 0xdb:
        return this.text(start, this.uint(1 << (t - 0xd9)), key);
      case 0xdc:
      case 0xdd:
        return this.container(start, this.uint(t === 0xdc ? 2 : 4), false);
      case 0xde:
      case 0xdf:
        return this.container(start, this.uint(t === 0xde ? 2 : 4), true);
      default:
        throw new NotThisFormat();
    }
  }

  private done(start: number): null {
    this.copy(start);
    return null;
  }

  private skip(start: number, n: number): null {
    this.need(n);
    this.pos += n;
    return this.done(start);
  }

  private container(start: number, n: number, isMap: boolean): null {
    this.copy(start);
    if (isMap) this.map(n);
    else for (let i = 0; i < n; i++) this.item(null);
    return null;
  }

  writeText(p: Uint8Array): void {
    const n = p.length;
    if (n < 32) this.w.byte(0xa0 | n);
    else if (n < 0x100) this.header(0xd9, n, 1);
    else if (n < 0x10000) this.header(0xda, n, 2);
    else this.header(0xdb, n, 4);
    this.w.bytes(p);
  }

  writeBytes(p: Uint8Array): void {
    const n = p.length;
    this.header(
      n < 0x100 ? 0xc4 : n < 0x10000 ? 0xc5 : 0xc6,
      n,
      n < 0x100 ? 1 : n < 0x10000 ? 2 : 4,
    );
    this.w.bytes(p);
  }

  private header(t: number, n: number, size: number): void {
    this.w.byte(t);
    for (let i = size - 1; i >= 0; i--) this.w.byte(Math.floor(n / 256 ** i) % 256);
  }
}

class CborWalker extends PackedWalker {
  item(key: Key): string | null {
    const start = this.pos;
    const first = this.uint(1);
    const major = first >> 5;
    const info = first & 31;
    if (info >= 28) throw new NotThisFormat(); // indefinite lengths are not rebuilt
    const arg = info < 24 ? info : this.uint(1 << (info - 24));
    switch (major) {
      case 0:
      case 1:
      case 7:
        this.copy(start);
        return null;
      case 2:
        this.bytes(start, arg);
        return null;
      case 3:
        return this.text(start, arg, key);
      case 4:
        this.copy(start);
        for (let i = 0; i < arg; i++) this.item(null);
        return null;
      case 5:
        this.copy(start);
        this.map(arg);
        return null;
      default:
        this.copy(start);
        return this.item(key);
    }
  }

  writeText(p: Uint8Array): void {
    this.head(3, p.length);
    this.w.bytes(p);
  }

  writeBytes(p: Uint8Array): void {
    this.head(2, p.length);
    this.w.bytes(p);
  }

  private head(major: number, n: number): void {
    const size = n < 24 ? 0 : n < 0x100 ? 1 : n < 0x10000 ? 2 : 4;
    this.w.byte((major << 5) | (size === 0 ? n : 23 + Math.log2(size) + 1));
    for (let i = size - 1; i >= 0; i--) this.w.byte(Math.floor(n / 256 ** i) % 256);
  }
}

export const msgpackLayer: ByteLayer = {
  name: 'msgpack',
  scrub(bytes, ctx) {
    const t = bytes[0]!;
    const container = (t >= 0x80 && t <= 0x9f) || (t >= 0xdc && t <= 0xdf);
    return container ? new MsgpackWalker(bytes, ctx).run() : null;
  },
};

export const cborLayer: ByteLayer = {
  name: 'cbor',
  scrub(bytes, ctx) {
    const major = bytes[0]! >> 5;
    return major === 4 || major === 5 ? new CborWalker(bytes, ctx).run() : null;
  },
};
