/**
 * In-memory entry points: a parsed HAR object, or HAR text. The streaming
 * sanitizer (stream.ts) walks the same structure in the same order with the
 * same functions, so both give byte-identical output for the same input.
 */
import { HarError } from './errors';
import { CompiledRules, Redactor, type HarReport } from './redactor';
import { DEFAULT_RULES, type HarRules } from './rules';
import { sanitizeEntry, sanitizeOther, sanitizePage } from './structure';
import { errorMessage } from '../errors';

export interface SanitizeOptions {
  /** Defaults to DEFAULT_RULES; use mergeRules to add a team's rules. */
  rules?: HarRules;
}

export interface SanitizedHar {
  har: Record<string, unknown>;
  report: HarReport;
}

export function createRedactor(rules: HarRules = DEFAULT_RULES): Redactor {
  return new Redactor(new CompiledRules(rules));
}

/** Sanitize a parsed HAR in place and return it with the report. */
export function sanitizeHar(har: unknown, options: SanitizeOptions = {}): SanitizedHar {
  if (har === null || typeof har !== 'object' || Array.isArray(har)) {
    throw new HarError(
      'not-har',
      `Not a HAR file: the top level is ${describe(har)}, not an object with a "log".`,
    );
  }
  const root = har as Record<string, unknown>;
  const log = root.log;
  if (log === null || typeof log !== 'object' || Array.isArray(log)) {
    throw new HarError('not-har', 'Not a HAR file: there is no "log" object.');
  }
  const logObj = log as Record<string, unknown>;
  if (!Array.isArray(logObj.entries)) {
    throw new HarError('not-har', 'Not a HAR file: "log.entries" is missing or not an array.');
  }
  const r = createRedactor(options.rules);
  let entries = 0;
  let pages = 0;
  try {
    walk();
  } catch (error) {
    throw asHarError(error);
  }
  return { har: root, report: r.report(entries, pages) };

  function walk(): void {
    for (const key of Object.keys(root)) {
      if (key !== 'log') {
        root[key] = sanitizeOther(key, root[key], r, '');
        continue;
      }
      for (const logKey of Object.keys(logObj)) {
        const value = logObj[logKey];
        if (logKey === 'entries') {
          const list = value as unknown[];
          for (let i = 0; i < list.length; i++) list[i] = sanitizeEntry(list[i], i, r);
          entries = list.length;
        } else if (logKey === 'pages' && Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) value[i] = sanitizePage(value[i], i, r);
          pages = value.length;
        } else {
          logObj[logKey] = sanitizeOther(logKey, value, r, 'log.');
        }
      }
    }
  }
}

/** Anything unexpected (a body nested deeper than the stack allows, …) still surfaces as a HarError. */
export function asHarError(error: unknown): HarError {
  if (error instanceof HarError) return error;
  const message = errorMessage(error);
  return new HarError('unreadable', `The HAR could not be sanitized: ${message}`);
}

/** Sanitize HAR text; the output is compact JSON. */
export function sanitizeHarText(
  text: string,
  options: SanitizeOptions = {},
): { text: string; report: HarReport } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new HarError('not-json', 'The file is empty.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw jsonError(error, 'The file');
  }
  const { har, report } = sanitizeHar(parsed, options);
  return { text: JSON.stringify(har), report };
}

/** A JSON.parse failure as a HarError: `truncated` when the text just stops. */
export function jsonError(error: unknown, what: string): HarError {
  const message = errorMessage(error);
  if (/end of JSON|Unterminated string|Unexpected end/i.test(message)) {
    return new HarError(
      'truncated',
      `${what} ends in the middle of the JSON (truncated download?): ${message}`,
    );
  }
  return new HarError('not-json', `${what} is not valid JSON: ${message}`);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
