/**
 * `npx tsx scripts/har-corpus.ts [--verbose]`: runs the sanitizer over the
 * layered-encoding corpus (tests/fixtures/har/layers) and prints
 * "secrets leaked N / M, diagnostics lost K / L".
 *
 * A secret counts as leaked when it appears in any decoding of the output
 * (URL-decoding, JSON strings, XML entities, base64/base64url, gzip, hex
 * byte dumps, raw bytes of binary bodies); a diagnostic counts as lost when
 * it appears in none. The decoding here uses Node's own Buffer and zlib,
 * independently of lib/har's codecs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sanitizeHarText } from '../lib/har/index';

export const CORPUS_DIR = resolve(import.meta.dirname, '../tests/fixtures/har/layers');

export interface Expectation {
  secrets: string[];
  diagnostics: string[];
}

export function loadExpectations(): Record<string, Expectation> {
  return JSON.parse(readFileSync(resolve(CORPUS_DIR, 'expectations.json'), 'utf8')) as Record<
    string,
    Expectation
  >;
}

const B64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_DUMP = /(?:[0-9a-f]{2} ){15,}[0-9a-f]{2}/g;

/** Every text reachable from `text` by undoing the encodings a HAR nests. */
export function decodings(text: string, depth = 0, out: string[] = []): string[] {
  out.push(text);
  if (depth >= 7 || text.length < 8) return out;
  const push = (next: string) => {
    if (next !== text && next.length >= 4) decodings(next, depth + 1, out);
  };
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      push(decodeURIComponent(text.replace(/\+/g, ' ')));
    } catch {
      push(
        text.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      );
    }
  }
  if (text.includes('&amp;') || text.includes('&quot;'))
    push(text.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  if (text.includes('\\')) {
    try {
      push(JSON.parse(`"${text.replace(/"/g, '\\"')}"`) as string);
    } catch {
      // not a JSON string body
    }
  }
  for (const dump of text.match(HEX_DUMP) ?? []) {
    push(Buffer.from(dump.replace(/ /g, ''), 'hex').toString('latin1'));
  }
  const runs = text.match(B64_RUN) ?? [];
  if (runs.length > 64 || out.length > 20_000) return out;
  // A run inside binary can start with a key and a length byte that happen to be letters: try each offset.
  // Also from where gzip (`H4sI`) or JSON (`eyJ`) starts inside the run.
  const starts = (r: string) => {
    const at = new Set([0, 1, 2, 3]);
    for (const mark of ['H4sI', 'eyJ'])
      for (let i = r.indexOf(mark); i > 0; i = r.indexOf(mark, i + 1)) at.add(i);
    return [...at].map((k) => r.slice(k));
  };
  for (const run of runs.length > 8 ? runs : runs.flatMap(starts)) {
    const bytes = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length < 8) continue;
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        push(gunzipSync(bytes).toString('latin1'));
        continue;
      } catch {
        // not gzip after all
      }
    }
    // gRPC-web frames and protobuf/MessagePack/CBOR keep strings as raw bytes: latin1 shows them.
    push(bytes.toString('latin1'));
    push(bytes.toString('utf8'));
  }
  return out;
}

export interface CorpusResult {
  file: string;
  leaked: string[];
  lost: string[];
  secrets: number;
  diagnostics: number;
}

export function checkFile(file: string, expectation: Expectation): CorpusResult {
  const input = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
  const { text } = sanitizeHarText(input);
  const all: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') decodings(value, 0, all);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(text));
  const hay = all.join('\n\u0000\n');
  return {
    file,
    leaked: expectation.secrets.filter((s) => hay.includes(s)),
    lost: expectation.diagnostics.filter((d) => !hay.includes(d)),
    secrets: expectation.secrets.length,
    diagnostics: expectation.diagnostics.length,
  };
}

export function checkCorpus(): CorpusResult[] {
  const expectations = loadExpectations();
  return Object.keys(expectations).map((file) => checkFile(file, expectations[file]!));
}

export function summary(results: CorpusResult[]): string {
  const sum = (f: (r: CorpusResult) => number) => results.reduce((s, r) => s + f(r), 0);
  return `secrets leaked ${sum((r) => r.leaked.length)} / ${sum((r) => r.secrets)}, diagnostics lost ${sum((r) => r.lost.length)} / ${sum((r) => r.diagnostics)}`;
}

if (import.meta.filename === process.argv[1]) {
  const results = checkCorpus();
  if (process.argv.includes('--verbose')) {
    for (const r of results) {
      console.log(
        `${r.file}: leaked ${r.leaked.length} / ${r.secrets}, lost ${r.lost.length} / ${r.diagnostics}`,
      );
      for (const s of r.leaked) console.log(`  leaked  ${s.slice(0, 6)}… (${s.length} chars)`);
      for (const d of r.lost) console.log(`  lost    ${d}`);
    }
  }
  console.log(summary(results));
}
