/**
 * `multipart/form-data` (and any `--boundary` body): each part is a layer.
 * A part named like a secret goes whole; a part with
 * `Content-Transfer-Encoding: base64` is decoded and walked as bytes; any
 * other part is walked as text under its own Content-Type.
 */
import type { Redactor } from '../redactor';
import { scrubText } from '../text';
import { scrubFreeText } from '../free-text';
import { base64ToBytes, bytesToBase64 } from './bytes-util';
import { scrubBytes } from './bytes';

export function looksLikeMultipart(text: string, mime: string): boolean {
  return (
    mime.includes('multipart/') ||
    (text.startsWith('--') && /\r?\nContent-Disposition:/i.test(text.slice(0, 512)))
  );
}

export function scrubMultipart(text: string, r: Redactor, mime: string, depth: number): string {
  const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(mime);
  const boundary = b ? (b[1] ?? b[2]) : /^--([^\r\n]+)/.exec(text)?.[1];
  if (!boundary) return scrubFreeText(text, r, depth);
  const delimiter = '--' + boundary;
  const parts = text.split(delimiter);
  let changed = false;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const headerEnd = part.search(/\r?\n\r?\n/);
    if (headerEnd < 0) continue;
    const sep = /\r?\n\r?\n/.exec(part.slice(headerEnd))![0];
    const headers = part.slice(0, headerEnd);
    const bodyStart = headerEnd + sep.length;
    const trailing = /\r?\n$/.exec(part)?.[0] ?? '';
    const body = part.slice(bodyStart, part.length - trailing.length);
    const name = /\bname="([^"]*)"/i.exec(headers)?.[1];
    const ctype = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '';
    const base64 = /content-transfer-encoding:\s*base64/i.test(headers);
    r.path.push(`[${name ?? i}]`);
    const hit = name === undefined ? null : r.compiled.classify(name, 'form');
    let scrubbed: string;
    if (hit && (!hit.weak || r.compiled.isHighEntropy(body))) scrubbed = r.redact(body, hit.kind);
    else if (base64) scrubbed = scrubBase64Part(body, r, ctype, depth);
    else scrubbed = scrubText(body, r, ctype, depth + 1);
    r.path.pop();
    if (scrubbed !== body) {
      parts[i] = headers + sep + scrubbed + trailing;
      changed = true;
    }
  }
  return changed ? parts.join(delimiter) : text;
}

function scrubBase64Part(body: string, r: Redactor, ctype: string, depth: number): string {
  const bytes = base64ToBytes(body.trim());
  if (bytes === null) return scrubText(body, r, ctype, depth + 1);
  const out = scrubBytes(bytes, r, ctype, depth + 1, 'raw');
  return out === null || out === bytes ? body : bytesToBase64(out, body.trim());
}
