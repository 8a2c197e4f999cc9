/**
 * Validating one field value against its field definition. Messages are
 * written for the agent reading them inline under the field, so they say what
 * is wrong and what would be right.
 *
 * `null` always validates: it clears the field. Whether an empty field is
 * acceptable is the job of `requiredProblem`, because that depends on whether
 * the field is visible.
 */
import { isEmptyValue } from './conditions';
import type { Field, FieldValue, FileRef, ZonedDateTime } from './schema';

// The value shapes below are checked by hand rather than with the zod
// schemas: this module runs in the helpdesk content scripts (live inline
// validation), which stay free of zod. Each guard accepts exactly what its
// schema in schema/fields.ts accepts; validate.test.ts checks them against it.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPlainRecord = (value: unknown): value is Record<string, unknown> => {
  if (!isRecord(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};
const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** What `fileRefSchema` accepts. */
export function isFileRef(value: unknown): value is FileRef {
  if (!isRecord(value)) return false;
  if (
    !isText(value.attachmentId, 1, 100) ||
    !isText(value.name, 1, 500) ||
    !isCount(value.size) ||
    !isText(value.type, 0, 200)
  )
    return false;
  const sanitized = value.sanitized;
  if (sanitized === undefined) return true;
  return (
    isRecord(sanitized) &&
    isCount(sanitized.redactions) &&
    isPlainRecord(sanitized.byKind) &&
    Object.values(sanitized.byKind).every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/** What `zonedDateTimeSchema` accepts. */
export function isZonedDateTime(value: unknown): value is ZonedDateTime {
  return (
    isRecord(value) &&
    typeof value.local === 'string' &&
    LOCAL_DATE_TIME.test(value.local) &&
    isText(value.timeZone, 1, 100)
  );
}

const validZones = new Map<string, boolean>();

/** True for an IANA zone the runtime's Intl knows (e.g. "Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  const known = validZones.get(timeZone);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    ok = true;
  } catch {
    ok = false;
  }
  validZones.set(timeZone, ok);
  return ok;
}

function isValidCalendarDate(local: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || h! > 23 || mi! > 59 || s! > 59) return false;
  const daysInMonth = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return d! <= daysInMonth;
}

// Patterns come from templates and are checked on every derive; compile each once.
const compiled = new Map<string, RegExp | undefined>();

function compilePattern(source: string): RegExp | undefined {
  if (compiled.has(source)) return compiled.get(source);
  let re: RegExp | undefined;
  try {
    re = new RegExp(source, 'u');
  } catch {
    re = undefined;
  }
  compiled.set(source, re);
  return re;
}

function acceptMatches(accept: string[], name: string, type: string): boolean {
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase();
  return accept.some((a) => {
    const rule = a.trim().toLowerCase();
    if (rule.startsWith('.')) return lowerName.endsWith(rule);
    if (rule.endsWith('/*')) return lowerType.startsWith(rule.slice(0, -1));
    return lowerType === rule;
  });
}

function describeType(value: FieldValue): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a date and time';
  return `a ${typeof value}`;
}

/**
 * Why `value` is not acceptable for `field`, or undefined when it is.
 */
export function validateFieldValue(field: Field, value: FieldValue): string | undefined {
  if (value === null) return undefined;
  switch (field.type) {
    case 'single-choice': {
      if (typeof value !== 'string')
        return `Choose one of the options (got ${describeType(value)}).`;
      if (value === '') return undefined;
      if (!field.options.some((o) => o.value === value)) {
        return `"${value}" is not one of the options: ${field.options.map((o) => o.label).join(', ')}.`;
      }
      return undefined;
    }
    case 'multi-choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return `Choose from the options (got ${describeType(value)}).`;
      }
      const values = value as string[];
      const unknown = values.filter((v) => !field.options.some((o) => o.value === v));
      if (unknown.length > 0) {
        return `Not among the options: ${unknown.map((v) => `"${v}"`).join(', ')}.`;
      }
      if (new Set(values).size !== values.length) return 'An option is chosen twice.';
      if (
        field.minSelected !== undefined &&
        values.length > 0 &&
        values.length < field.minSelected
      ) {
        return `Choose at least ${field.minSelected}.`;
      }
      return undefined;
    }
    case 'text': {
      if (typeof value !== 'string') return `Enter text (got ${describeType(value)}).`;
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return `Keep it under ${field.maxLength} characters (this is ${value.length}).`;
      }
      if (field.pattern && value.trim() !== '') {
        const re = compilePattern(field.pattern);
        if (!re)
          return 'The template has an invalid pattern for this field; ask an admin to fix it.';
        if (!re.test(value))
          return field.patternMessage ?? `"${value}" is not in the expected format.`;
      }
      return undefined;
    }
    case 'paragraph': {
      if (typeof value !== 'string') return `Enter text (got ${describeType(value)}).`;
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return `Keep it under ${field.maxLength} characters (this is ${value.length}).`;
      }
      const trimmed = value.trim().length;
      if (field.minLength !== undefined && trimmed > 0 && trimmed < field.minLength) {
        return `Write at least ${field.minLength} characters (this is ${trimmed}).`;
      }
      return undefined;
    }
    case 'file': {
      if (!Array.isArray(value)) return `Attach files (got ${describeType(value)}).`;
      if (!value.every(isFileRef)) return 'The attachment list is malformed; re-attach the files.';
      const files = value as FileRef[];
      if (files.length > field.maxFiles) {
        return `At most ${field.maxFiles} files (this is ${files.length}).`;
      }
      if (new Set(files.map((f) => f.attachmentId)).size !== files.length) {
        return 'The same attachment is listed twice.';
      }
      if (field.accept && field.accept.length > 0) {
        const rejected = files.filter((f) => !acceptMatches(field.accept ?? [], f.name, f.type));
        if (rejected.length > 0) {
          return `${rejected.map((f) => f.name).join(', ')}: not an accepted file type (${field.accept.join(', ')}).`;
        }
      }
      return undefined;
    }
    case 'url': {
      if (typeof value !== 'string') return `Enter a link (got ${describeType(value)}).`;
      const text = value.trim();
      if (text === '') return undefined;
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return `"${text}" is not a link; paste the full address starting with https://.`;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return 'Only http(s) links are accepted.';
      }
      if (field.allow && field.allow.length > 0) {
        const ok = field.allow.some((p) => compilePattern(p)?.test(text) ?? false);
        if (!ok) return field.allowMessage ?? `${url.host} links are not accepted here.`;
      }
      return undefined;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `Enter a number (got ${describeType(value)}).`;
      }
      if (field.integer && !Number.isInteger(value)) return 'Enter a whole number.';
      const { min, max } = field;
      if (min !== undefined && max !== undefined && (value < min || value > max)) {
        return `Enter a number from ${min} to ${max}.`;
      }
      if (min !== undefined && value < min) return `Enter ${min} or more.`;
      if (max !== undefined && value > max) return `Enter ${max} or less.`;
      return undefined;
    }
    case 'datetime': {
      if (!isZonedDateTime(value)) {
        return 'Enter a date and time (YYYY-MM-DDTHH:mm) with the time zone it was given in.';
      }
      if (!isValidCalendarDate(value.local)) {
        return `${value.local} is not a real date and time.`;
      }
      if (!isValidTimeZone(value.timeZone)) {
        return `"${value.timeZone}" is not a known time zone; use a name like America/New_York.`;
      }
      return undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean'
        ? undefined
        : `Tick or untick (got ${describeType(value)}).`;
  }
}

/** The message for a required field that has no answer yet, or undefined. */
export function requiredProblem(field: Field, value: FieldValue | undefined): string | undefined {
  if (!field.required) return undefined;
  if (field.type === 'checkbox') {
    return value === true ? undefined : `"${field.label}" must be ticked.`;
  }
  if (field.type === 'multi-choice' && Array.isArray(value) && field.minSelected !== undefined) {
    if (value.length < Math.max(1, field.minSelected)) {
      return `"${field.label}": choose at least ${Math.max(1, field.minSelected)}.`;
    }
  }
  return isEmptyValue(value) ? `"${field.label}" is required.` : undefined;
}
