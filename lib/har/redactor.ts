/**
 * Per-file redaction state: compiled rules, the secret → marker map (so the
 * same secret gets the same marker everywhere in one file), the counts and
 * the findings list of the report. The report never holds a secret.
 */
import { isCamelCaseWords, isDescriptorName } from './diagnostics';
import { normalizeName, type HarRules, type Scope } from './rules';

export interface HarFinding {
  /** Index in `log.entries`, or null for pages and other log members. */
  entry: number | null;
  /** Where in the entry (or log) the secret sat, e.g. `request.headers[Authorization]`. */
  path: string;
  kind: string;
  marker: string;
  /** Redacted JSON numbers stay numbers: they become this value. */
  replacedWith?: number;
}

export interface HarReport {
  entries: number;
  pages: number;
  /** Redactions by kind (every occurrence, not distinct secrets). */
  counts: Record<string, number>;
  total: number;
  /** Distinct secrets found. */
  distinct: number;
  findings: HarFinding[];
  /** Findings past `rules.maxFindings`, counted but not listed. */
  findingsOmitted: number;
}

interface NameRuleCompiled {
  kind: string;
  re: RegExp;
  scopes: ReadonlySet<Scope> | null;
  weak: boolean;
}

interface PatternCompiled {
  kind: string;
  re: RegExp;
  group: number;
}

export interface NameHit {
  kind: string;
  weak: boolean;
}

/** Rules turned into regexes once per file, with a cache for name lookups (names repeat a lot). */
export class CompiledRules {
  readonly names: NameRuleCompiled[];
  readonly patterns: PatternCompiled[];
  /** Joined scans: a string none of them matches cannot match any pattern. Null when patterns cannot be joined. */
  readonly anyPattern: RegExp[] | null;
  readonly allowNames: ReadonlySet<string>;
  readonly allowValues: ReadonlySet<string>;
  private readonly cache = new Map<Scope, Map<string, NameHit | null>>();

  constructor(readonly rules: HarRules) {
    this.names = rules.names.map((rule) => ({
      kind: rule.kind,
      re: new RegExp(rule.pattern),
      scopes: rule.scopes ? new Set(rule.scopes) : null,
      weak: rule.when === 'high-entropy',
    }));
    this.patterns = rules.patterns.map((p) => ({
      kind: p.kind,
      re: new RegExp(p.pattern, `g${p.flags}`),
      group: p.group,
    }));
    // Grouped by case sensitivity: one joined case-sensitive scan is several times faster than a case-insensitive one.
    const sensitive = rules.patterns.filter((p) => !p.flags.includes('i'));
    const insensitive = rules.patterns.filter((p) => p.flags.includes('i'));
    const groups = [combine(sensitive, ''), combine(insensitive, 'i')];
    this.anyPattern = groups.includes(undefined) ? null : (groups.filter(Boolean) as RegExp[]);
    this.allowNames = new Set(rules.allow.names.map(normalizeName));
    this.allowValues = new Set(rules.allow.values);
  }

  /** The first rule matching `name` in `scope`, or null. Strong rules win over weak ones. */
  classify(name: string, scope: Scope): NameHit | null {
    let cache = this.cache.get(scope);
    if (!cache) this.cache.set(scope, (cache = new Map()));
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    const normalized = normalizeName(name);
    let hit: NameHit | null = null;
    // `passwordPolicy`, `token_expires_at`: names that describe a secret, not hold one.
    if (normalized && !this.allowNames.has(normalized) && !isDescriptorName(normalized)) {
      for (const rule of this.names) {
        if (rule.scopes && !rule.scopes.has(scope)) continue;
        if (!rule.re.test(normalized)) continue;
        if (!rule.weak) {
          hit = { kind: rule.kind, weak: false };
          break;
        }
        hit ??= { kind: rule.kind, weak: true };
      }
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(name, hit);
    return hit;
  }

  /** Does `value` look random enough to be a credential under a weak name? */
  isHighEntropy(value: string): boolean {
    const { minLength, minBitsPerChar } = this.rules.entropy;
    if (value.length < minLength || value.length > 8192) return false;
    if (/\s/.test(value)) return false;
    // Identifiers and words (`RESOURCE_NOT_FOUND`, `authorization-pending`) are not secrets.
    if (/^[A-Za-z]+(?:[_.:-][A-Za-z]+)*$/.test(value)) {
      if (value === value.toLowerCase() || value === value.toUpperCase() || /[_.:-]/.test(value)) {
        return false;
      }
      // Error codes: `SignatureDoesNotMatch`.
      if (isCamelCaseWords(value)) return false;
    }
    return shannonBits(value) >= minBitsPerChar;
  }
}

/** Join patterns into one alternation; null if none, undefined if they cannot be joined safely. */
function combine(patterns: HarRules['patterns'], base: string): RegExp | null | undefined {
  if (patterns.length === 0) return null;
  // Back-references would point at the wrong group once patterns are joined.
  if (patterns.some((p) => /\\[1-9]|\\k</.test(p.pattern))) return undefined;
  const flags =
    base + [...new Set(patterns.map((p) => p.flags.replace(/[^msu]/g, '')).join(''))].join('');
  try {
    return new RegExp(patterns.map((p) => `(?:${p.pattern})`).join('|'), flags);
  } catch {
    return undefined;
  }
}

export function shannonBits(value: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Strings from this length on are "bodies", remembered once scrubbed: the
 * same bundle or JSON response comes back on every page load. (Remembering
 * short values too costs more in hashing than their repeats save.)
 */
export const BODY_MIN = 16 * 1024;
/** UTF-16 units of remembered bodies (input plus changed output): ≈ 16 MB of string memory at most. */
const BODY_BUDGET = 8 * 1024 * 1024;
const TAPE_ITEM_UNITS = 64;

/** One redaction as recorded while a body was scrubbed, replayed when the same body comes back. */
interface TapeItem {
  kind: string;
  marker: string;
  detail: string | undefined;
  replacedWith: number | undefined;
  /** Path segments below the body's own path (absolute while recording). */
  path: string[];
}

interface Remembered {
  out: string;
  tape: readonly TapeItem[];
}

const NO_TAPE: readonly TapeItem[] = [];

/** Remembered bodies by depth, then mime type, then text. */
class MemoTable {
  readonly byDepth: Array<Map<string, Map<string, Remembered>> | undefined> = [];
  units = 0;

  get(mime: string, depth: number, text: string): Remembered | undefined {
    return this.byDepth[depth]?.get(mime)?.get(text);
  }

  set(mime: string, depth: number, text: string, value: Remembered, units: number): void {
    let byMime = this.byDepth[depth];
    if (!byMime) this.byDepth[depth] = byMime = new Map();
    let map = byMime.get(mime);
    if (!map) byMime.set(mime, (map = new Map()));
    if (map.has(text)) return;
    map.set(text, value);
    this.units += units;
  }
}

const MARKER_RE = /^\[REDACTED:[a-z0-9-]+:\d+\]$/;

export function isMarker(value: string): boolean {
  return value.length < 64 && value.charCodeAt(0) === 0x5b && MARKER_RE.test(value);
}

export class Redactor {
  private readonly markers = new Map<string, string>();
  private readonly perKind = new Map<string, number>();
  readonly counts: Record<string, number> = {};
  readonly findings: HarFinding[] = [];
  total = 0;
  omitted = 0;
  /** Current entry index (null outside `log.entries`). */
  entry: number | null = null;
  /** Path segments of the value being sanitized; joined only when something is found. */
  readonly path: string[] = [];
  /** How many error containers (`errors`, `violations`, …) the walk is inside: their prose is diagnostics. */
  errorDepth = 0;

  /**
   * Bodies already scrubbed, by mime type and depth: the output and the
   * redactions it made. Bounded so memory stays flat on any file.
   */
  private readonly bodies = new MemoTable();
  /** Redactions recorded while a body that may be remembered is scrubbed (null when none is). */
  private tape: TapeItem[] | null = null;

  constructor(readonly compiled: CompiledRules) {}

  /**
   * The output of a body scrubbed before under the same mime type and
   * depth, its redactions counted and listed again at the current entry and
   * path, exactly as scrubbing it again would (its secrets already have markers).
   */
  recall(mime: string, depth: number, text: string): string | undefined {
    const hit = this.bodies.get(mime, depth, text);
    if (hit === undefined) return undefined;
    for (const item of hit.tape) {
      this.record(item.kind, item.marker, item.detail, item.replacedWith, item.path);
    }
    return hit.out;
  }

  /** Is there room left to remember a body of this length? (If not, it is not recorded at all.) */
  canRemember(length: number): boolean {
    return this.bodies.units + length <= BODY_BUDGET;
  }

  /** Start recording redactions; returns the mark to hand to remember() or dropTape(). */
  startTape(): number {
    if (this.tape === null) {
      this.tape = [];
      return -1;
    }
    return this.tape.length;
  }

  /**
   * Stop the recording started at `mark` and remember `text` → `out`.
   * `base` is the path depth when the string was reached.
   */
  remember(
    mime: string,
    depth: number,
    text: string,
    out: string,
    mark: number,
    base: number,
  ): void {
    const tape = this.tape!;
    const start = mark < 0 ? 0 : mark;
    const items =
      tape.length > start
        ? tape.slice(start).map((item) => ({ ...item, path: item.path.slice(base) }))
        : NO_TAPE;
    if (mark < 0) this.tape = null;
    // A recorded redaction (its strings and path) is charged as TAPE_ITEM_UNITS units of text.
    const units = text.length + (out === text ? 0 : out.length) + items.length * TAPE_ITEM_UNITS;
    if (this.bodies.units + units > BODY_BUDGET) return;
    this.bodies.set(mime, depth, text, { out, tape: items }, units);
  }

  /** Stop the recording started at `mark` without remembering anything (the scrub threw). */
  dropTape(mark: number): void {
    if (mark < 0) this.tape = null;
  }

  /** Has `text` been remembered as clean (scrubbing it changes nothing)? */
  isKnownClean(mime: string, text: string, depth = 0): boolean {
    const hit = this.bodies.get(mime, depth, text);
    return hit !== undefined && hit.out === text && hit.tape.length === 0;
  }

  /** Should this value be left alone (empty, already a marker, allow-listed)? */
  keep(value: string): boolean {
    // Skipping the set when it is empty spares hashing every (possibly huge) string.
    return (
      value === '' ||
      isMarker(value) ||
      (this.compiled.allowValues.size > 0 && this.compiled.allowValues.has(value))
    );
  }

  /** Record `secret` (a string) and return its marker. */
  redact(secret: string, kind: string, detail?: string): string {
    if (this.keep(secret)) return secret;
    const marker = this.markerFor(secret, kind);
    this.record(kind, marker, detail);
    return marker;
  }

  /** A secret JSON number: it stays a number (0) so the JSON keeps its type. */
  redactNumber(secret: number, kind: string, detail?: string): number {
    const marker = this.markerFor(`#${secret}`, kind);
    this.record(kind, marker, detail, 0);
    return 0;
  }

  private markerFor(secret: string, kind: string): string {
    let marker = this.markers.get(secret);
    if (marker === undefined) {
      const n = (this.perKind.get(kind) ?? 0) + 1;
      this.perKind.set(kind, n);
      marker = `[REDACTED:${kind}:${n}]`;
      this.markers.set(secret, marker);
    }
    return marker;
  }

  private record(
    kind: string,
    marker: string,
    detail?: string,
    replacedWith?: number,
    below?: string[],
  ): void {
    if (this.tape !== null) {
      const path = below ? this.path.concat(below) : this.path.slice();
      this.tape.push({ kind, marker, detail, replacedWith, path });
    }
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    this.total++;
    if (this.findings.length >= this.compiled.rules.maxFindings) {
      this.omitted++;
      return;
    }
    let path = this.path.join('');
    if (below) path += below.join('');
    if (path.startsWith('.')) path = path.slice(1);
    if (detail) path += ` ${detail}`;
    const finding: HarFinding = { entry: this.entry, path, kind, marker };
    if (replacedWith !== undefined) finding.replacedWith = replacedWith;
    this.findings.push(finding);
  }

  report(entries: number, pages: number): HarReport {
    return {
      entries,
      pages,
      counts: { ...this.counts },
      total: this.total,
      distinct: this.markers.size,
      findings: this.findings.slice(),
      findingsOmitted: this.omitted,
    };
  }
}
