/**
 * Key/value config text: `.env` (`export NAME="value"`), INI (`name =
 * value` under `[section]`), Java properties (`a.b.c=value`, `a.b : value`)
 * and YAML-ish `name: value` lines. A value under a secret's name goes; any
 * other value is walked as a layer of its own (a database URL's password,
 * base64, JSON). Lines, spacing, quotes and comments keep their bytes.
 */
import type { Redactor } from '../redactor';
import { scrubText } from '../text';
import { scrubFreeText } from '../free-text';

const LINE = /^(\s*(?:export\s+)?)([A-Za-z_][\w.-]{0,127})(\s*[=:]\s*)(.*?)(\s*)$/;
const NEUTRAL = /^\s*(?:$|[#;!]|\/\/|\[[^\]]+\]\s*$|-\s|---)/;

/** Most meaningful lines are `name = value`: at least two of them, and no fewer than 60 %. */
export function looksLikeConfig(text: string): boolean {
  if (text.length > 1 << 20 || !text.includes('\n')) return false;
  let pairs = 0;
  let other = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (!NEUTRAL.test(line)) {
      if (LINE.test(line)) pairs++;
      else other++;
      if (other > 8 && other > pairs) return false;
    }
    start = end + 1;
  }
  return pairs >= 2 && pairs >= (pairs + other) * 0.6;
}

export function scrubConfig(text: string, r: Redactor, depth: number): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cr = line.endsWith('\r') ? '\r' : '';
    const body = cr ? line.slice(0, -1) : line;
    if (NEUTRAL.test(body)) continue;
    const m = LINE.exec(body);
    const next = m ? scrubPair(m, r, depth) : scrubFreeText(body, r, depth);
    if (next !== body) {
      lines[i] = next + cr;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

function scrubPair(m: RegExpExecArray, r: Redactor, depth: number): string {
  const [line, lead, name, sep, rawValue, trail] = m as unknown as string[];
  const quoted = /^(["'])(.*)\1$/.exec(rawValue!);
  const value = quoted ? quoted[2]! : rawValue!;
  if (value === '') return line!;
  r.path.push(`[${name}]`);
  const hit = r.compiled.classify(name!, 'text');
  const next =
    hit && (!hit.weak || r.compiled.isHighEntropy(value))
      ? r.redact(value, hit.kind, name)
      : scrubText(value, r, '', depth + 1);
  r.path.pop();
  if (next === value) return line!;
  const q = quoted ? quoted[1]! : '';
  return lead! + name! + sep! + q + next + q + trail!;
}
