/**
 * Explanations are not secrets. An error code, a validation message or a
 * policy text that mentions a secret's name ("password is too short
 * (minimum is 8 characters)", `<Code>SignatureDoesNotMatch</Code>`) is what
 * the engineer reading the HAR needs; only the value is the secret.
 */

/**
 * A name that describes a secret rather than holds one: `passwordPolicy`,
 * `password_min_length`, `tokenExpiresAt`, `secretHint`. Matched on the
 * normalized name, and only as a suffix after a stem (a bare `policy` is
 * CloudFront's signed-URL parameter).
 */
const DESCRIPTOR_SUFFIX =
  /^.+?(?:polic(?:y|ies)|rules?|requirements?|hint|strength|complexity|score|(?:min|max|minimum|maximum)?length|minimum|maximum|pattern|regex|format|expir\w*|ttl|lifetime|maxage|history|(?:changed|updated|created|reset|rotated|last\w*)at|label|placeholder|messages?|errors?|description|helptext|help|prompt|enabled|required|visible|type)$/;

export function isDescriptorName(normalized: string): boolean {
  return DESCRIPTOR_SUFFIX.test(normalized);
}

/** Keys whose values are diagnostics: a validation error list keyed by field name lives under one of these. */
const ERROR_CONTAINER =
  /^(?:errors?|errormessages?|messages?|violations?|validation(?:errors?)?|fielderrors|details?|problems?|issues?|warnings?|reasons?|constraints?)$/;

export function isErrorContainer(normalized: string): boolean {
  return ERROR_CONTAINER.test(normalized);
}

/** Wording that only a message about a secret uses, never a credential itself. */
const DIAGNOSTIC_WORDING =
  /\b(?:is too (?:short|long|weak|common|simple)|(?:minimum|maximum) (?:is|of|length)|at (?:least|most) \d+|must (?:be|contain|include|have|match|not|differ)|can(?:'|no)?t be (?:blank|empty|reused)|(?:is|was) (?:required|invalid|incorrect|missing|expired|blank|not valid|revoked)|does(?:n't| not) match|not allowed|has expired|(?:\d+|more) characters?\b)/i;

/** Three or more words, mostly letters: prose, not a key. */
function isProse(value: string): boolean {
  if (value.length < 8 || value.length > 2000) return false;
  const words = value.trim().split(/\s+/);
  if (words.length < 3) return false;
  let letters = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x20) letters++;
  }
  return letters / value.length >= 0.7;
}

/**
 * A value under a secret's name that is a message about it. Outside an
 * error container only wording no credential uses counts (a passphrase can
 * be three words); inside one (`errors: {password: [...]}`) any prose does.
 */
export function isDiagnosticValue(value: string, inErrorContainer: boolean): boolean {
  if (!isProse(value)) return false;
  return inErrorContainer || DIAGNOSTIC_WORDING.test(value);
}

/**
 * `SignatureDoesNotMatch`, `InvalidAccessKeyId`: CamelCase words, each
 * segment two letters or more with a vowel. Random letters split into
 * one-letter segments and vowel-less runs almost at once.
 */
export function isCamelCaseWords(value: string): boolean {
  if (!/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return false;
  const segments = value.match(/[A-Z]?[a-z]+/g) ?? [];
  return segments.every((s) => s.length >= 2 && /[aeiouy]/i.test(s));
}
