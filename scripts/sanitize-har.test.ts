/**
 * The CLI, spawned as users run it: success writes OUT (and the report);
 * every bad input exits non-zero with a clear message and leaves no output
 * file and no temp file behind.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SCRIPT = resolve(ROOT, 'scripts/sanitize-har.ts');
const FIXTURE = resolve(ROOT, 'tests/fixtures/har/rest-api.har');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanitize-har-'));
});
const out = () => join(dir, 'out.har');
const entries = () => readdirSync(dir).sort();

describe('sanitize-har CLI', () => {
  it('sanitizes, writes the output and a report without secrets', () => {
    const report = join(dir, 'report.json');
    const result = cli([FIXTURE, '-o', out(), '--report', report]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sanitized 9 entries: \d+ redactions/);
    const text = readFileSync(out(), 'utf8');
    const har = JSON.parse(text) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(9);
    expect(text).not.toContain('X-Amz-Signature=0');
    const planted = JSON.parse(
      readFileSync(resolve(ROOT, 'tests/fixtures/har/planted.json'), 'utf8'),
    )['rest-api.har'] as { secrets: string[] };
    const reportText = readFileSync(report, 'utf8');
    for (const secret of planted.secrets) {
      expect(text.includes(secret)).toBe(false);
      expect(reportText.includes(secret)).toBe(false);
    }
    expect(JSON.parse(reportText)).toMatchObject({ entries: 9, findingsOmitted: 0 });
    expect(entries()).toEqual(['out.har', 'report.json']);
  });

  it('applies a rules file', () => {
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({ names: [{ kind: 'workspace', pattern: '^workspace$', scopes: ['query'] }] }),
    );
    expect(cli([FIXTURE, '-o', out(), '--rules', rules]).code).toBe(0);
    expect(readFileSync(out(), 'utf8')).toContain('workspace=[REDACTED:workspace:1]');
  });

  const bad: Array<[string, (d: string) => string[], RegExp, number]> = [
    [
      'missing input file',
      (d) => [join(d, 'nope.har'), '-o', join(d, 'out.har')],
      /no such file/,
      1,
    ],
    ['a directory', (d) => [d, '-o', join(d, 'out.har')], /is a directory/, 1],
    [
      'not JSON',
      (d) => [write(d, 'x.har', 'GET / HTTP/1.1\r\nHost: a\r\n'), '-o', join(d, 'out.har')],
      /not JSON.*\[not-json\]/,
      1,
    ],
    [
      'HTML saved as .har',
      (d) => [write(d, 'x.har', '<!doctype html><title>x</title>'), '-o', join(d, 'out.har')],
      /\[not-json\]/,
      1,
    ],
    [
      'JSON that is not a HAR',
      (d) => [write(d, 'x.har', '{"hello":"world"}'), '-o', join(d, 'out.har')],
      /Not a HAR file.*\[not-har\]/,
      1,
    ],
    ['an empty file', (d) => [write(d, 'x.har', ''), '-o', join(d, 'out.har')], /empty/, 1],
    [
      'a truncated HAR',
      (d) => [
        write(d, 'x.har', readFileSync(FIXTURE, 'utf8').slice(0, 20_000)),
        '-o',
        join(d, 'out.har'),
      ],
      /truncated.*\[truncated\]/,
      1,
    ],
    [
      'a rules file that is not JSON',
      (d) => [FIXTURE, '-o', join(d, 'out.har'), '--rules', write(d, 'r.json', '{names:')],
      /rules file .* is not JSON/,
      1,
    ],
    [
      'a rules file that fails validation',
      (d) => [
        FIXTURE,
        '-o',
        join(d, 'out.har'),
        '--rules',
        write(d, 'r.json', '{"names":[{"kind":"x","pattern":"("}]}'),
      ],
      /Invalid HAR rules: names\.0\.pattern.*\[invalid-rules\]/,
      1,
    ],
    [
      'a missing rules file',
      (d) => [FIXTURE, '-o', join(d, 'out.har'), '--rules', join(d, 'none.json')],
      /Cannot read the rules file/,
      1,
    ],
    ['missing -o', () => [FIXTURE], /No output file given/, 2],
    ['-o without a name', () => [FIXTURE, '-o'], /-o needs a file name/, 2],
    ['no input', (d) => ['-o', join(d, 'out.har')], /No input HAR file/, 2],
    [
      'an unknown option',
      (d) => [FIXTURE, '-o', join(d, 'out.har'), '--fast'],
      /Unknown option --fast/,
      2,
    ],
    [
      'output over the input',
      (d) => [write(d, 'same.har', '{}'), '-o', join(d, 'same.har')],
      /must not overwrite the input/,
      2,
    ],
  ];

  it.each(bad)('%s: clear message, non-zero exit, no output file', (_name, args, message, code) => {
    const argv = args(dir);
    const before = entries();
    const result = cli(argv);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(out())).toBe(false);
    expect(entries()).toEqual(before);
  });

  it('an unreadable input file', () => {
    if (process.getuid?.() === 0) {
      // root reads anything; a FIFO that errors on read stands in for an unreadable file.
      const result = cli(['/proc/self/mem', '-o', out()]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\[(unreadable|not-json)\]/);
    } else {
      const file = write(dir, 'locked.har', readFileSync(FIXTURE, 'utf8'));
      chmodSync(file, 0o000);
      const result = cli([file, '-o', out()]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/permission denied|unreadable/);
    }
    expect(existsSync(out())).toBe(false);
  });

  it('a directory that cannot take the output: no partial file', () => {
    const result = cli([FIXTURE, '-o', join(dir, 'missing-dir', 'out.har')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no such file/);
    expect(entries()).toEqual([]);
  });
});

function write(d: string, name: string, text: string): string {
  const path = join(d, name);
  writeFileSync(path, text);
  return path;
}
