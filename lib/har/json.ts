/**
 * JSON: documents held in strings (parsed, walked, re-serialized only when
 * something changed) and the generic walk over parsed values. Values under a
 * secret's name go; explanations under it (`errors: {password: ["is too
 * short …"]}`) stay — see diagnostics.ts.
 */
import { isDiagnosticValue, isErrorContainer } from './diagnostics';
import { scrubAuthValue } from './headers';
import type { Redactor } from './redactor';
import { normalizeName } from './rules';
import { scrubText } from './text';

/** Parse, walk and re-serialize a JSON document held in a string; null if it is not JSON. */
export function scrubJsonText(text: string, r: Redactor, depth: number): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const before = r.total;
  // A document of its own: the error context it sits in does not reach inside (remembered bodies depend on it).
  const errorDepth = r.errorDepth;
  r.errorDepth = 0;
  r.path.push('$');
  const out = scrubJson(value, r, null, depth + 1);
  r.path.pop();
  r.errorDepth = errorDepth;
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
    const isObject = child !== null && typeof child === 'object';
    const errors = isObject && isErrorContainer(normalizeName(k));
    if (errors) r.errorDepth++;
    const hit = isObject ? r.compiled.classify(childKey, 'json') : null;
    obj[k] =
      hit && !hit.weak && hit.kind !== 'session' && hit.kind !== 'cookie'
        ? redactLeaves(child, r, hit.kind)
        : scrubJson(child, r, childKey, depth);
    if (errors) r.errorDepth--;
    r.path.pop();
  }
  return obj;
}

export function scrubJsonString(
  value: string,
  r: Redactor,
  key: string | null,
  depth: number,
): string {
  if (key !== null) {
    const hit = r.compiled.classify(key, 'json');
    if (hit && (!hit.weak || r.compiled.isHighEntropy(value))) {
      if (isDiagnosticValue(value, r.errorDepth > 0)) return scrubText(value, r, '', depth);
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
  if (typeof value === 'string') {
    // Timestamps next to a credential (`Expiration`) and messages about it are what engineers debug with.
    if (TIMESTAMP_RE.test(value) || isDiagnosticValue(value, r.errorDepth > 0)) return value;
    return r.redact(value, kind);
  }
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
