/** Public API of the HAR sanitizer. */
export { HarError, isHarError, type HarErrorCode } from './errors';
export {
  DEFAULT_RULES,
  mergeRules,
  parseRules,
  normalizeName,
  rulesSchema,
  type HarRules,
  type HarRulesInput,
  type Scope,
} from './rules';
export type { HarFinding, HarReport } from './redactor';
export { sanitizeHar, sanitizeHarText, type SanitizeOptions, type SanitizedHar } from './sanitize';
export {
  sanitizeHarStream,
  sanitizeHarBlob,
  type HarProgress,
  type HarSink,
  type HarSource,
  type StreamOptions,
} from './stream';
export { harSchema, harIssues, type Har } from './validate';
