/**
 * URLs and `a=1&b=2` strings (query strings, urlencoded bodies). A
 * parameter's value is decoded and walked as a layer of its own (JSON in a
 * persisted GraphQL GET, a nested URL, base64…), then re-encoded only if
 * something inside it changed; separators and untouched pairs keep their bytes.
 */
import { scrubPatterns } from './patterns';
import type { Redactor } from './redactor';
import type { Scope } from './rules';
import { scrubText } from './text';

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
export function encodeValue(value: string): string {
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
  mime = '',
): string {
  const hit = r.compiled.classify(name, scope);
  if (hit && (!hit.weak || r.compiled.isHighEntropy(value))) return r.redact(value, hit.kind);
  return scrubText(value, r, mime, depth + 1);
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
