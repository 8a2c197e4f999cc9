/**
 * Header values with a grammar of their own: cookies, `Set-Cookie`,
 * credentials after an auth scheme, and the WebSocket handshake's
 * `Sec-WebSocket-Protocol`, which browsers' WebSocket API leaves as the one
 * place a page can put a token (`access_token, <token>`,
 * `base64url.bearer.authorization.k8s.io.<token>`).
 */
import type { Redactor } from './redactor';
import { scrubText } from './text';
import { scrubNamedValue } from './url';

/** `Cookie: a=1; b=2` — names stay, values go (or by name when redactAllCookies is off). */
export function scrubCookieHeader(value: string, r: Redactor): string {
  const parts = value.split(/;\s*/);
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = scrubCookiePair(part, r);
    if (next !== part) {
      parts[i] = next;
      changed = true;
    }
  }
  return changed ? parts.join('; ') : value;
}

/** One `name=value` cookie pair with its value scrubbed; the same string when unchanged or without `=`. */
function scrubCookiePair(pair: string, r: Redactor): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const name = pair.slice(0, eq).trim();
  const v = pair.slice(eq + 1);
  r.path.push(`[${name}]`);
  const scrubbed = scrubCookieValue(name, v, r);
  r.path.pop();
  return scrubbed === v ? pair : pair.slice(0, eq + 1) + scrubbed;
}

export function scrubCookieValue(name: string, value: string, r: Redactor): string {
  if (r.compiled.rules.redactAllCookies) return r.redact(value, 'cookie');
  return scrubNamedValue(name, value, r, 'cookie', 0);
}

/** `Set-Cookie: sid=…; Path=/; HttpOnly` — the value goes, attributes stay. Firefox joins several with newlines. */
export function scrubSetCookie(value: string, r: Redactor): string {
  const lines = value.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const semi = line.indexOf(';');
    const pair = semi < 0 ? line : line.slice(0, semi);
    const next = scrubCookiePair(pair, r);
    if (next !== pair) {
      lines[i] = next + (semi < 0 ? '' : line.slice(semi));
      changed = true;
    }
  }
  return changed ? lines.join('\n') : value;
}

/** `Bearer xyz` keeps its scheme; the credential goes. */
export function scrubAuthValue(value: string, r: Redactor): string {
  const m = /^(\s*[A-Za-z][\w-]*\s+)(\S[\s\S]*)$/.exec(value);
  if (m && m[2]!.length > 0) return m[1]! + r.redact(m[2]!, 'authorization');
  return r.redact(value, 'authorization');
}

/**
 * `Sec-WebSocket-Protocol`: a comma-separated list of subprotocol names.
 * A name is never random, so an item (or a dot-separated segment of one)
 * that looks random is a credential; so is an item right after a secret's
 * name (`access_token, <token>`) and a segment after one
 * (`…bearer.authorization.k8s.io.<token>`). Every item is also walked as
 * text (a JWT, base64 JSON).
 */
export function scrubSubprotocols(value: string, r: Redactor): string {
  const items = value.split(',');
  let changed = false;
  let afterName = false;
  for (let i = 0; i < items.length; i++) {
    const raw = items[i]!;
    const item = raw.trim();
    let next = item;
    if (afterName && item !== '') next = r.redact(item, 'token', 'subprotocol');
    else next = scrubSubprotocolItem(item, r);
    const hit = r.compiled.classify(item, 'header');
    afterName = hit !== null && !hit.weak;
    if (next !== item) {
      items[i] = raw.replace(item, next);
      changed = true;
    }
  }
  return changed ? items.join(',') : value;
}

function scrubSubprotocolItem(item: string, r: Redactor): string {
  const segments = item.split('.');
  let named = false;
  let changed = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    // Name parts are short words (`v4`, `channel`, `k8s`); a long random one is the credential.
    if (r.compiled.isHighEntropy(segment) || (named && segment.length >= 8 && /\d/.test(segment))) {
      segments[i] = r.redact(segment, 'token', 'subprotocol');
      changed = true;
      continue;
    }
    if (
      r.compiled.classify(segment, 'header') ||
      /^(?:bearer|authorization|token|auth|jwt)$/i.test(segment)
    )
      named = true;
  }
  if (changed) return segments.join('.');
  return scrubText(item, r, '', 1);
}
