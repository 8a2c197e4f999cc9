/**
 * Text that is not a document we can parse (scripts, logs, GraphQL
 * documents, error messages, lines of an echoed canonical request):
 * embedded URLs, `name: "value"` and `name=value` pairs with secret names,
 * base64 runs that decode to text or a known binary format (walked as a
 * layer of their own), then value shapes.
 */
import { isDiagnosticValue } from './diagnostics';
import { scrubEmbeddedBase64 } from './layers/base64-text';
import { scrubPatterns } from './patterns';
import type { Redactor } from './redactor';
import { safeDecode, scrubUrl } from './url';

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
    if (isDiagnosticValue(value, false)) continue;
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
    // `name = value` (INI-style, flattened config) as well as `name=value` and `name: value`.
    const spaced = text.charCodeAt(sep) === 0x3d && text.charCodeAt(sep - 1) === 0x20;
    if ((text.charCodeAt(sep) === 0x3a || spaced) && text.charCodeAt(valueStart) === 0x20)
      valueStart++;
    if (text.charCodeAt(valueStart) === 0x3d) continue; // `==` compares
    if (valueStart >= text.length || BARE_VALUE_STOP.test(text[valueStart]!)) continue;
    // `"otp":123456` in JSON that did not parse (NDJSON, event streams, JSONP): a quoted name.
    let before = sep;
    if (spaced) while (before > 0 && text.charCodeAt(before - 1) === 0x20) before--;
    const q = text.charCodeAt(before - 1);
    const quoted = q === 0x22 || q === 0x27;
    const nameEnd = quoted ? before - 1 : before;
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
  out = scrubEmbeddedBase64(out, r, depth);
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
