/**
 * Protocol Buffers wire format (and gRPC-web framing around it). There are
 * no field names on the wire, so a length-delimited field is walked as
 * text when it is printable UTF-8 (value shapes, JSON, base64 inside it)
 * and as a nested message or another binary layer otherwise. The message
 * is rebuilt with new lengths when a field changed.
 */
import { ByteWriter, isPrintable, utf8Encoder, utf8OrNull } from './bytes-util';
import type { ByteContext, ByteLayer } from './bytes';
import { scrubBytes } from './bytes';
import { scrubText } from '../text';

interface Field {
  /** Tag and, for wire type 2, the length prefix: copied as they are unless the payload changes. */
  start: number;
  wire: number;
  tag: number;
  valueStart: number;
  end: number;
}

function readVarint(b: Uint8Array, at: number, end: number): [number, number] | null {
  let value = 0;
  let scale = 1;
  for (let i = at; i < end && i < at + 10; i++) {
    const byte = b[i]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return null;
}

/** The fields of a message filling exactly b[start, end), or null when it is not one. */
function parseMessage(b: Uint8Array, start: number, end: number): Field[] | null {
  const fields: Field[] = [];
  let at = start;
  while (at < end) {
    const tagged = readVarint(b, at, end);
    if (!tagged) return null;
    const [key, next] = tagged;
    const wire = key % 8;
    const tag = Math.floor(key / 8);
    if (tag < 1 || tag > 0x1fffffff) return null;
    let valueStart = next;
    let fieldEnd: number;
    if (wire === 0) {
      const v = readVarint(b, next, end);
      if (!v) return null;
      fieldEnd = v[1];
    } else if (wire === 1) fieldEnd = next + 8;
    else if (wire === 5) fieldEnd = next + 4;
    else if (wire === 2) {
      const len = readVarint(b, next, end);
      if (!len) return null;
      valueStart = len[1];
      fieldEnd = valueStart + len[0];
    } else return null;
    if (fieldEnd > end) return null;
    fields.push({ start: at, wire, tag, valueStart, end: fieldEnd });
    at = fieldEnd;
  }
  return fields.length > 0 ? fields : null;
}

function varint(n: number, w: ByteWriter): void {
  while (n > 0x7f) {
    w.byte((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  w.byte(n);
}

/** Does the message (or a message inside it) hold a printable string of 4+ bytes? Random bytes rarely parse with one. */
function hasString(b: Uint8Array, fields: Field[], depth: number): boolean {
  for (const f of fields) {
    if (f.wire !== 2 || f.end - f.valueStart < 4) continue;
    const sub = b.subarray(f.valueStart, f.end);
    const text = utf8OrNull(sub);
    if (text !== null && isPrintable(text)) return true;
    if (depth < 8) {
      const inner = parseMessage(sub, 0, sub.length);
      if (inner && hasString(sub, inner, depth + 1)) return true;
    }
  }
  return false;
}

function scrubMessage(b: Uint8Array, fields: Field[], ctx: ByteContext): Uint8Array {
  const { r } = ctx;
  const w = new ByteWriter();
  let changed = false;
  for (const f of fields) {
    if (f.wire !== 2) {
      w.bytes(b.subarray(f.start, f.end));
      continue;
    }
    const payload = b.subarray(f.valueStart, f.end);
    r.path.push(`#${f.tag}`);
    let out = payload;
    const text = payload.length > 0 ? utf8OrNull(payload) : null;
    if (text !== null && isPrintable(text)) {
      const scrubbed = scrubText(text, r, '', ctx.depth + 1);
      if (scrubbed !== text) out = utf8Encoder.encode(scrubbed);
    } else if (payload.length > 1 && ctx.depth < 12) {
      const nested = parseMessage(payload, 0, payload.length);
      if (nested) out = scrubMessage(payload, nested, { ...ctx, depth: ctx.depth + 1 });
      else out = scrubBytes(payload, r, '', ctx.depth + 1, ctx.fallback) ?? payload;
    }
    r.path.pop();
    if (out === payload) {
      w.bytes(b.subarray(f.start, f.end));
      continue;
    }
    changed = true;
    varint(f.tag * 8 + 2, w);
    varint(out.length, w);
    w.bytes(out);
  }
  return changed ? w.finish() : b;
}

export const protobufLayer: ByteLayer = {
  name: 'protobuf',
  scrub(bytes, ctx) {
    const fields = parseMessage(bytes, 0, bytes.length);
    if (!fields) return null;
    if (!/proto/.test(ctx.mime) && !hasString(bytes, fields, 0)) return null;
    return scrubMessage(bytes, fields, ctx);
  },
};

/** gRPC-web: frames of [flag, 4-byte length, body]; data frames hold a message, the trailer frame header lines. */
export const grpcWebLayer: ByteLayer = {
  name: 'grpc-web',
  scrub(bytes, ctx) {
    const frames: Array<[number, number, number]> = [];
    let at = 0;
    while (at + 5 <= bytes.length) {
      const flag = bytes[at]!;
      if (flag !== 0 && flag !== 0x80) return null;
      const len = new DataView(bytes.buffer, bytes.byteOffset + at + 1, 4).getUint32(0);
      if (at + 5 + len > bytes.length) return null;
      frames.push([flag, at + 5, at + 5 + len]);
      at += 5 + len;
    }
    if (at !== bytes.length || frames.length === 0) return null;
    const w = new ByteWriter();
    let changed = false;
    for (const [flag, start, end] of frames) {
      const body = bytes.subarray(start, end);
      const out =
        flag === 0x80
          ? scrubTrailer(body, ctx)
          : (scrubBytes(body, ctx.r, 'application/x-protobuf', ctx.depth + 1, ctx.fallback) ??
            body);
      if (out !== body) changed = true;
      w.byte(flag);
      const len = new Uint8Array(4);
      new DataView(len.buffer).setUint32(0, out.length);
      w.bytes(len);
      w.bytes(out);
    }
    return changed ? w.finish() : bytes;
  },
};

function scrubTrailer(body: Uint8Array, ctx: ByteContext): Uint8Array {
  const text = utf8OrNull(body);
  if (text === null) return body;
  const out = scrubText(text, ctx.r, '', ctx.depth + 1);
  return out === text ? body : utf8Encoder.encode(out);
}
