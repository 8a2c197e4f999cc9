/**
 * String-level scrubbing: URLs, query strings, cookies, multipart bodies,
 * JSON documents held in strings, HTML/XML markup, free text and base64.
 * Every function returns the input string itself (same reference) when
 * nothing was redacted, so unchanged values keep their exact bytes.
 */
import { BODY_MIN, type Redactor } from './redactor';
import type { Scope } from './rules';

/** JSON-inside-string-inside-JSON… stops here; deeper text is still pattern-scanned. */
const MAX_DEPTH = 6;

// ---------------------------------------------------------------- patterns

/** Value shapes (JWT, AWS, Stripe, …) anywhere in `text`. */
export function scrubPatterns(text: string, r: Redactor): string {
  const any = r.compiled.anyPattern;
  if (any && !any.some((re) => re.test(text))) return text;
  let out = text;
  for (const p of r.compiled.patterns) {
    p.re.lastIndex = 0;
    if (!p.re.test(out)) continue;
    p.re.lastIndex = 0;
    out = out.replace(p.re, (...args: unknown[]) => {
      const match = args[0] as string;
      if (p.group === 0) return r.redact(match, p.kind);
      const secret = args[p.group] as string | undefined;
      if (!secret) return match;
      const at = match.lastIndexOf(secret);
      return match.slice(0, at) + r.redact(secret, p.kind) + match.slice(at + secret.length);
    });
  }
  return out;
}

// ---------------------------------------------------------------- dispatch

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s]*$/i;
const FORM_RE = /^[^\s=&{}<>"']+=[^\s&]*(?:&[^\s=&{}<>"']+=?[^\s&]*)*$/;

/**
 * Any string value: picks the right scrubber by content (or `mime` when
 * given) and always finishes with the value-shape patterns.
 */
export function scrubText(text: string, r: Redactor, mime = '', depth = 0): string {
  if (text.length < 6 || r.keep(text)) return text;
  if (text.length < BODY_MIN) return scrubTextUncached(text, r, mime, depth);
  // Large bodies repeat within a HAR (the same bundle on every page load, polled JSON): one
  // already scrubbed under the same mime type and depth gives the same output and the same
  // redactions.
  const known = r.recall(mime, depth, text);
  if (known !== undefined) return known;
  if (!r.canRemember(text.length)) return scrubTextUncached(text, r, mime, depth);
  const mark = r.startTape();
  const base = r.path.length;
  let out: string;
  try {
    out = scrubTextUncached(text, r, mime, depth);
  } catch (error) {
    r.dropTape(mark);
    throw error;
  }
  r.remember(mime, depth, text, out, mark, base);
  return out;
}

function scrubTextUncached(text: string, r: Redactor, mime: string, depth: number): string {
  const m = mime.toLowerCase();
  const first = firstNonSpace(text);
  if ((first === 0x7b || first === 0x5b) && depth < MAX_DEPTH) {
    const json = scrubJsonText(text, r, depth);
    if (json !== null) return json;
  } else if (m.includes('json') && depth < MAX_DEPTH) {
    const json = scrubJsonText(text, r, depth);
    if (json !== null) return json;
  }
  if (m.includes('x-www-form-urlencoded'))
    return scrubPatterns(scrubQuery(text, r, 'form', depth), r);
  if (m.includes('multipart/form-data')) return scrubMultipart(text, r, mime, depth);
  if (first === 0x3c /* < */ || m.includes('html') || m.includes('xml')) {
    return scrubFreeText(scrubMarkup(text, r), r, depth);
  }
  if (text.length < 65536 && URL_RE.test(text)) return scrubUrl(text, r, depth);
  if (text.length < 65536 && text.includes('=') && FORM_RE.test(text)) {
    return scrubPatterns(scrubQuery(text, r, 'form', depth), r);
  }
  return scrubFreeText(text, r, depth);
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return c;
  }
  return -1;
}

// ---------------------------------------------------------------- JSON in strings

/** Parse, walk and re-serialize a JSON document held in a string; null if it is not JSON. */
function scrubJsonText(text: string, r: Redactor, depth: number): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const before = r.total;
  r.path.push('$');
  const out = scrubJson(value, r, null, depth + 1);
  r.path.pop();
  return r.total === before ? text : JSON.stringify(out);
}

/**
 * Walk a JSON value. `key` is the name the value sits under (arrays pass
 * their parent's key to their items, so `recovery_codes: [...]` is covered).
 */
export function scrubJson(value: unknown, r: Redactor, key: string | null, depth: number): unknown {
  if (typeof value === 'string') return scrubJsonString(value, r, key, depth);
  if (typeof value === 'number') {
    if (key === null) return value;
    const hit = r.compiled.classify(key, 'json');
    if (hit && !hit.weak) return r.redactNumber(value, hit.kind);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      r.path.push(`[${i}]`);
      value[i] = scrubJson(value[i], r, key, depth);
      r.path.pop();
    }
    return value;
  }
  const obj = value as Record<string, unknown>;
  // `{name, value}` pairs (custom header lists, form field arrays) are keyed by `name`.
  const pairName = typeof obj.name === 'string' && 'value' in obj ? obj.name : null;
  for (const k of Object.keys(obj)) {
    const child = obj[k];
    const childKey = pairName !== null && k === 'value' ? pairName : k;
    r.path.push(pairName !== null && k === 'value' ? `[${pairName}]` : `.${k}`);
    const hit =
      child !== null && typeof child === 'object' ? r.compiled.classify(childKey, 'json') : null;
    obj[k] =
      hit && !hit.weak && hit.kind !== 'session' && hit.kind !== 'cookie'
        ? redactLeaves(child, r, hit.kind)
        : scrubJson(child, r, childKey, depth);
    r.path.pop();
  }
  return obj;
}

function scrubJsonString(value: string, r: Redactor, key: string | null, depth: number): string {
  if (key !== null) {
    const hit = r.compiled.classify(key, 'json');
    if (hit && (!hit.weak || r.compiled.isHighEntropy(value))) {
      if (hit.kind === 'authorization') return scrubAuthValue(value, r);
      return r.redact(value, hit.kind);
    }
  }
  return scrubText(value, r, '', depth);
}

const TIMESTAMP_RE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Everything under a secret key (`credentials: {...}`): every string and number leaf. */
function redactLeaves(value: unknown, r: Redactor, kind: string): unknown {
  // Timestamps next to a credential (`Expiration`) are what engineers debug with; they are not the secret.
  if (typeof value === 'string') return TIMESTAMP_RE.test(value) ? value : r.redact(value, kind);
  if (typeof value === 'number') return r.redactNumber(value, kind);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      r.path.push(`[${i}]`);
      value[i] = redactLeaves(value[i], r, kind);
      r.path.pop();
    }
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    r.path.push(`.${k}`);
    obj[k] = redactLeaves(obj[k], r, kind);
    r.path.pop();
  }
  return obj;
}

// ---------------------------------------------------------------- URLs and query strings

const URL_PARTS = /^([a-z][a-z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#[\s\S]*)?$/i;

/** A URL (absolute, protocol-relative or a path): userinfo, path shapes, query and fragment. */
export function scrubUrl(url: string, r: Redactor, depth = 0): string {
  const m = URL_PARTS.exec(url);
  if (!m) return scrubPatterns(url, r);
  const [, scheme = '', authority = '', path = '', query = '', fragment = ''] = m;
  let auth = authority;
  const at = authority.lastIndexOf('@');
  if (at > 1) {
    const userinfo = authority.slice(2, at);
    const colon = userinfo.indexOf(':');
    const scrubbed =
      colon >= 0
        ? scrubPatterns(userinfo.slice(0, colon), r) +
          ':' +
          r.redact(safeDecode(userinfo.slice(colon + 1)), 'password', 'userinfo')
        : r.redact(safeDecode(userinfo), 'credential', 'userinfo');
    auth = '//' + scrubbed + authority.slice(at);
  }
  const newPath = path.length >= 16 ? scrubPatterns(path, r) : path;
  const newQuery = query ? '?' + scrubQuery(query.slice(1), r, 'query', depth) : '';
  let newFragment = fragment;
  if (fragment.length > 1) {
    const body = fragment.slice(1);
    const q = body.indexOf('?');
    if (q >= 0)
      newFragment =
        '#' +
        scrubPatterns(body.slice(0, q), r) +
        '?' +
        scrubQuery(body.slice(q + 1), r, 'query', depth);
    else if (body.includes('=')) newFragment = '#' + scrubQuery(body, r, 'query', depth);
    else newFragment = '#' + scrubPatterns(body, r);
  }
  if (auth === authority && newPath === path && newQuery === query && newFragment === fragment)
    return url;
  return scheme + auth + newPath + newQuery + newFragment;
}

export function safeDecode(value: string): string {
  if (!value.includes('%') && !value.includes('+')) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Percent-encode, but keep markers readable (`[REDACTED:jwt:1]`). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%5B|%5D|%3A/g, (s) =>
    s === '%5B' ? '[' : s === '%5D' ? ']' : ':',
  );
}

/** Decide what a named parameter's (decoded) value becomes. */
export function scrubNamedValue(
  name: string,
  value: string,
  r: Redactor,
  scope: Scope,
  depth: number,
): string {
  const hit = r.compiled.classify(name, scope);
  if (hit && (!hit.weak || r.compiled.isHighEntropy(value))) return r.redact(value, hit.kind);
  return scrubText(value, r, '', depth + 1);
}

/** `a=1&b=2` (query strings and urlencoded bodies); separators and untouched pairs keep their bytes. */
export function scrubQuery(query: string, r: Redactor, scope: Scope, depth = 0): string {
  if (query.length === 0) return query;
  const parts = query.split('&');
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (eq < 0) {
      const scrubbed = part.length >= 16 ? scrubPatterns(part, r) : part;
      if (scrubbed !== part) {
        parts[i] = scrubbed;
        changed = true;
      }
      continue;
    }
    const name = safeDecode(part.slice(0, eq));
    const raw = part.slice(eq + 1);
    const decoded = safeDecode(raw);
    r.path.push(scope === 'query' ? `?${name}` : `[${name}]`);
    const scrubbed = scrubNamedValue(name, decoded, r, scope, depth);
    r.path.pop();
    if (scrubbed !== decoded) {
      parts[i] = part.slice(0, eq + 1) + encodeValue(scrubbed);
      changed = true;
    }
  }
  return changed ? parts.join('&') : query;
}

// ---------------------------------------------------------------- headers and cookies

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

// ---------------------------------------------------------------- multipart

function scrubMultipart(text: string, r: Redactor, mime: string, depth: number): string {
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
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const ctype = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '';
    r.path.push(`[${name ?? i}]`);
    const scrubbed =
      name !== undefined
        ? scrubNamedValue(name, body, r, 'form', depth)
        : scrubText(body, r, ctype, depth + 1);
    r.path.pop();
    if (scrubbed !== body) {
      parts[i] = headers + sep + scrubbed + trailing;
      changed = true;
    }
  }
  return changed ? parts.join(delimiter) : text;
}

// ---------------------------------------------------------------- markup (HTML, XML)

const TAG_RE = /<(input|meta|param)\b[^>]*>/gi;
const ATTR_RE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const ELEMENT_RE = /<([A-Za-z_][\w:.-]*)(\s[^<>]*)?>([^<]+)<\/\1\s*>/g;

/** HTML inputs/meta (`name`+`value`/`content`) and XML elements whose name is a secret. */
export function scrubMarkup(text: string, r: Redactor): string {
  let out = text;
  if (/<(?:input|meta|param)\b/i.test(out)) {
    out = out.replace(TAG_RE, (tag) => {
      let name: string | null = null;
      let password = false;
      ATTR_RE.lastIndex = 0;
      for (let m = ATTR_RE.exec(tag); m; m = ATTR_RE.exec(tag)) {
        const attr = m[1]!.toLowerCase();
        const value = m[2] ?? m[3] ?? m[4] ?? null;
        if (attr === 'name' || attr === 'id' || attr === 'property' || attr === 'itemprop') {
          name ??= value;
        }
        if (attr === 'type' && value?.toLowerCase() === 'password') password = true;
      }
      // A password field is a password whatever its name.
      const hit = password
        ? { kind: 'password', weak: false }
        : name === null
          ? null
          : r.compiled.classify(name, 'form');
      if (!hit) return tag;
      return tag.replace(
        ATTR_RE,
        (attrText, attrName: string, dq?: string, sq?: string, bare?: string) => {
          const a = attrName.toLowerCase();
          if (a !== 'value' && a !== 'content') return attrText;
          const v = dq ?? sq ?? bare ?? '';
          if (hit.weak && !r.compiled.isHighEntropy(v)) return attrText;
          const marker = r.redact(decodeEntities(v), hit.kind, `<${name}>`);
          return `${attrName}="${marker}"`;
        },
      );
    });
  }
  ELEMENT_RE.lastIndex = 0;
  out = out.replace(
    ELEMENT_RE,
    (element, tag: string, attrs: string | undefined, content: string) => {
      const local = tag.includes(':') ? tag.slice(tag.lastIndexOf(':') + 1) : tag;
      const hit = r.compiled.classify(local, 'json');
      const trimmed = content.trim();
      if (!hit || trimmed === '' || (hit.weak && !r.compiled.isHighEntropy(trimmed)))
        return element;
      return `<${tag}${attrs ?? ''}>${r.redact(trimmed, hit.kind, `<${local}>`)}</${tag}>`;
    },
  );
  return out;
}

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------- free text

const EMBEDDED_URL_RE = /\b(?:https?|wss?):\/\/[^\s"'<>`\\)\]}]+/gi;
/**
 * `name: "value"`, `name = 'value'`, `name=value`, `name: value`. The scans
 * anchor on the separator and read the name backwards: a regex that starts
 * with the name is tried at every character and was the slowest part of
 * sanitizing script bundles.
 */
const QUOTED_ANCHOR = /[:=][ \t]*["']/g;
const BARE_ANCHOR = /[:=]/g;
const BARE_VALUE_STOP = /[\s&;,"'<>(){}[\]]/;
const MAX_NAME = 64;
const MAX_VALUE = 8192;

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x24 ||
    c === 0x2e ||
    c === 0x2d
  );
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
}

/** Start index of the name ending at `end` (exclusive), or -1. */
function nameStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_NAME && isNameChar(text.charCodeAt(i - 1))) i--;
  while (i < end && !isNameStart(text.charCodeAt(i))) i++;
  return i < end ? i : -1;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

function applyReplacements(text: string, list: Replacement[]): string {
  if (list.length === 0) return text;
  let out = '';
  let at = 0;
  for (const rep of list) {
    out += text.slice(at, rep.start) + rep.text;
    at = rep.end;
  }
  return out + text.slice(at);
}

function scrubQuotedPairs(text: string, r: Redactor): string {
  const reps: Replacement[] = [];
  QUOTED_ANCHOR.lastIndex = 0;
  for (let m = QUOTED_ANCHOR.exec(text); m; m = QUOTED_ANCHOR.exec(text)) {
    let j = m.index;
    while (j > 0 && (text.charCodeAt(j - 1) === 0x20 || text.charCodeAt(j - 1) === 0x09)) j--;
    const q = text.charCodeAt(j - 1);
    const quotedName = q === 0x22 || q === 0x27;
    if (quotedName) j--;
    const start = nameStart(text, j);
    if (start < 0) continue;
    if (quotedName && text.charCodeAt(start - 1) !== q) continue;
    const name = text.slice(start, j);
    const hit = r.compiled.classify(name, 'text');
    if (!hit) continue;
    const quote = text.charCodeAt(m.index + m[0].length - 1);
    const valueStart = m.index + m[0].length;
    let k = valueStart;
    const limit = Math.min(text.length, valueStart + MAX_VALUE);
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (c === quote || c === 0x0a || c === 0x0d) break;
      k += c === 0x5c ? 2 : 1;
    }
    if (k >= limit || text.charCodeAt(k) !== quote || k === valueStart) continue;
    const raw = text.slice(valueStart, k);
    const value = unescapeJs(raw);
    QUOTED_ANCHOR.lastIndex = k + 1;
    if (r.keep(value) || (hit.weak && !r.compiled.isHighEntropy(value))) continue;
    reps.push({ start: valueStart, end: k, text: r.redact(value, hit.kind, name) });
  }
  return applyReplacements(text, reps);
}

function scrubBarePairs(text: string, r: Redactor): string {
  const reps: Replacement[] = [];
  BARE_ANCHOR.lastIndex = 0;
  for (let m = BARE_ANCHOR.exec(text); m; m = BARE_ANCHOR.exec(text)) {
    const sep = m.index;
    let valueStart = sep + 1;
    if (text.charCodeAt(sep) === 0x3a && text.charCodeAt(valueStart) === 0x20) valueStart++;
    if (valueStart >= text.length || BARE_VALUE_STOP.test(text[valueStart]!)) continue;
    // `"otp":123456` in JSON that did not parse (NDJSON, event streams, JSONP): a quoted name.
    const q = text.charCodeAt(sep - 1);
    const quoted = q === 0x22 || q === 0x27;
    const nameEnd = quoted ? sep - 1 : sep;
    const start = nameStart(text, nameEnd);
    if (start < 0 || nameEnd - start > MAX_NAME) continue;
    if (
      quoted ? text.charCodeAt(start - 1) !== q : start > 0 && !/[\s&?;,(]/.test(text[start - 1]!)
    )
      continue;
    const name = text.slice(start, nameEnd);
    const hit = r.compiled.classify(name, 'text');
    if (!hit) continue;
    let k = valueStart;
    const limit = Math.min(text.length, valueStart + MAX_VALUE);
    while (k < limit && !BARE_VALUE_STOP.test(text[k]!)) k++;
    const value = text.slice(valueStart, k);
    // `https://…` after a colon is a URL (handled elsewhere); `Bearer x` is caught by its pattern.
    if (text.charCodeAt(sep) === 0x3a && value.startsWith('//')) continue;
    if (/^(?:bearer|basic|token|digest|negotiate|ntlm)$/i.test(value)) continue;
    // GraphQL `$password: String!` declares a variable and `password: $password` uses one.
    if (name.startsWith('$') || value.startsWith('$')) continue;
    BARE_ANCHOR.lastIndex = k;
    if (r.keep(value) || (hit.weak && !r.compiled.isHighEntropy(value))) continue;
    // A JSON number keeps its type: it becomes 0 (the report has the marker).
    if (quoted && /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(value)) {
      reps.push({
        start: valueStart,
        end: k,
        text: String(r.redactNumber(Number(value), hit.kind, name)),
      });
      continue;
    }
    reps.push({ start: valueStart, end: k, text: r.redact(safeDecode(value), hit.kind, name) });
  }
  return applyReplacements(text, reps);
}

/**
 * Text that is not a document we can parse (scripts, logs, GraphQL
 * documents, error messages): embedded URLs, `name: "value"` and
 * `name=value` pairs with secret names, then value shapes.
 */
export function scrubFreeText(text: string, r: Redactor, depth = 0): string {
  let out = text;
  if (out.includes('://')) {
    EMBEDDED_URL_RE.lastIndex = 0;
    out = out.replace(EMBEDDED_URL_RE, (url) => scrubUrl(url, r, depth + 1));
  }
  if (out.includes('"') || out.includes("'")) out = scrubQuotedPairs(out, r);
  if (out.includes('=') || out.includes(':')) out = scrubBarePairs(out, r);
  return scrubPatterns(out, r);
}

function unescapeJs(value: string): string {
  if (!value.includes('\\')) return value;
  try {
    return JSON.parse(`"${value.replace(/\\'/g, "'")}"`) as string;
  } catch {
    return value;
  }
}

// ---------------------------------------------------------------- base64

const TEXT_MIME_RE =
  /^text\/|json|xml|javascript|ecmascript|html|x-www-form-urlencoded|graphql|csv|yaml|svg/i;
const MEDIA_MIME_RE = /^(image\/(?!svg)|video\/|audio\/|font\/)|woff2?$/i;

/**
 * Base64 content (response bodies, binary websocket frames): decode, scrub
 * as text when it is UTF-8 (or shape-scan the bytes when it is binary) and
 * re-encode only if something was redacted. Image, audio, video and font
 * bodies are left as they are: they cannot carry a header, cookie or body.
 */
export function scrubBase64(data: string, r: Redactor, mime: string): string {
  if (data.length < 8 || MEDIA_MIME_RE.test(mime)) return data;
  const bytes = base64ToBytes(data);
  if (bytes === null) return scrubText(data, r, mime);
  const before = r.total;
  const text = TEXT_MIME_RE.test(mime) || isUtf8(bytes) ? utf8Decoder.decode(bytes) : null;
  if (text !== null) {
    const scrubbed = scrubText(text, r, mime, 1);
    return r.total === before ? data : bytesToBase64(utf8Encoder.encode(scrubbed));
  }
  const latin1 = bytesToLatin1(bytes);
  const scrubbed = scrubPatterns(latin1, r);
  return r.total === before ? data : bytesToBase64(latin1ToBytes(scrubbed));
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

interface NodeBufferLike {
  from(
    data: string | Uint8Array,
    encoding?: string,
  ): Uint8Array & { toString(encoding: string): string };
}
const NodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

const BASE64_RE = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function base64ToBytes(data: string): Uint8Array | null {
  const clean = data.includes('\n') || data.includes('\r') ? data.replace(/[\r\n]/g, '') : data;
  if (!BASE64_RE.test(clean)) return null;
  if (NodeBuffer) return NodeBuffer.from(clean, 'base64');
  try {
    return latin1ToBytes(atob(clean.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  return btoa(bytesToLatin1(bytes));
}

function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

function latin1ToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
