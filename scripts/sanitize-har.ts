/**
 * `npm run -s sanitize-har -- IN.har -o OUT.har [--report report.json] [--rules rules.json]`
 *
 * Streams IN through the HAR sanitizer (any size, bounded memory) into a
 * temp file beside OUT and renames it only on success, so a bad input never
 * leaves an output file behind. Exit codes: 0 done, 1 bad input, 2 usage.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  DEFAULT_RULES,
  HarError,
  mergeRules,
  sanitizeHarStream,
  type HarReport,
  type HarRules,
} from '../lib/har/index';

const USAGE =
  'Usage: sanitize-har IN.har -o OUT.har [--report report.json] [--rules rules.json] [--quiet]';

class UsageError extends Error {}

interface Args {
  input: string;
  output: string;
  report?: string;
  rules?: string;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  let input: string | undefined;
  let output: string | undefined;
  let report: string | undefined;
  let rules: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('-'))
        throw new UsageError(`${arg} needs a file name.`);
      return next;
    };
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg === '--report') report = value();
    else if (arg === '--rules') rules = value();
    else if (arg === '-q' || arg === '--quiet') quiet = true;
    else if (arg === '-h' || arg === '--help') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`Only one input file, got ${input} and ${arg}.`);
  }
  if (!input) throw new UsageError('No input HAR file given.');
  if (!output) throw new UsageError('No output file given: add -o OUT.har.');
  if (resolve(input) === resolve(output))
    throw new UsageError('The output must not overwrite the input.');
  return { input, output, report, rules, quiet };
}

async function loadRules(path: string | undefined): Promise<HarRules> {
  if (!path) return DEFAULT_RULES;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HarError(
      'invalid-rules',
      `Cannot read the rules file ${path}: ${describeFsError(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HarError(
      'invalid-rules',
      `The rules file ${path} is not JSON: ${(error as Error).message}`,
    );
  }
  return mergeRules(DEFAULT_RULES, json);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

async function checkInput(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new HarError('unreadable', `Cannot read ${path}: ${describeFsError(error)}.`);
  }
  if (info.isDirectory())
    throw new HarError('unreadable', `${path} is a directory, not a HAR file.`);
  return info.size;
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

function summary(report: HarReport): string {
  const kinds = Object.entries(report.counts)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return `Sanitized ${report.entries} entries: ${report.total} redactions of ${report.distinct} distinct secrets${kinds ? ` (${kinds})` : ''}.`;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(`sanitize-har: ${error.message}`);
      console.error(USAGE);
      return 2;
    }
    throw error;
  }
  const temps: string[] = [];
  try {
    const rules = await loadRules(args.rules);
    const size = await checkInput(args.input);
    const outTemp = tempBeside(args.output);
    temps.push(outTemp);
    const out = createWriteStream(outTemp, { flags: 'wx', highWaterMark: 1 << 20 });
    const outFailed = new Promise<never>((_, reject) => out.once('error', reject));
    outFailed.catch(() => undefined);
    let lastPercent = -1;
    const report = await Promise.race([
      sanitizeHarStream(
        createReadStream(args.input, { highWaterMark: 1 << 20 }),
        async (chunk) => {
          if (!out.write(chunk)) await Promise.race([once(out, 'drain'), outFailed]);
        },
        {
          rules,
          totalBytes: size,
          onProgress: ({ bytesRead, totalBytes }) => {
            if (args.quiet || !process.stderr.isTTY || !totalBytes) return;
            const percent = Math.floor((bytesRead / totalBytes) * 100);
            if (percent !== lastPercent)
              process.stderr.write(`\rsanitizing… ${(lastPercent = percent)}%`);
          },
        },
      ),
      outFailed,
    ]);
    out.end();
    await Promise.race([once(out, 'close'), outFailed]);
    if (lastPercent >= 0) process.stderr.write('\r\x1b[K');
    if (args.report) {
      const reportTemp = tempBeside(args.report);
      temps.push(reportTemp);
      await writeFile(reportTemp, JSON.stringify(report, null, 2) + '\n', { flag: 'wx' });
      await rename(reportTemp, args.report);
    }
    await rename(outTemp, args.output);
    if (!args.quiet) console.log(summary(report));
    return 0;
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    if (error instanceof HarError) {
      console.error(`sanitize-har: ${error.message} [${error.code}]`);
      console.error('No output was written.');
      return 1;
    }
    console.error(`sanitize-har: ${describeFsError(error)}`);
    console.error('No output was written.');
    return 1;
  }
}

process.exitCode = await main();
