/**
 * The redaction section of the settings (plain names a support lead types)
 * as rules for the HAR sanitizer (lib/har/rules.ts), which matches names by
 * regular expression on their normalized form and scopes them.
 */
import {
  DEFAULT_RULES,
  mergeRules,
  normalizeName,
  type HarRules,
  type HarRulesInput,
} from '../har/rules';
import type { RedactionSettings } from './schema';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function exactNames(names: readonly string[]): string | undefined {
  const normalized = [...new Set(names.map(normalizeName).filter(Boolean))];
  return normalized.length ? `^(?:${normalized.map(escapeRegex).join('|')})$` : undefined;
}

export function redactionToHarRules(redaction: RedactionSettings): HarRulesInput {
  const names: NonNullable<HarRulesInput['names']> = [];
  const headers = exactNames(redaction.headerNames);
  if (headers) names.push({ kind: 'team-header', pattern: headers, scopes: ['header'] });
  const keys = exactNames(redaction.keyNames);
  if (keys) names.push({ kind: 'team-key', pattern: keys, scopes: ['json', 'form', 'text'] });
  const params = exactNames(redaction.paramNames);
  if (params) names.push({ kind: 'team-param', pattern: params, scopes: ['query', 'form'] });
  return {
    names,
    patterns: redaction.patterns.map((p) => ({
      kind: p.name,
      name: p.name,
      pattern: p.pattern,
      flags: 'u',
    })),
    allow: { names: redaction.allow.map(normalizeName).filter(Boolean), values: [] },
  };
}

/** The sanitizer's defaults plus the team's rules from settings. */
export function harRulesFromSettings(redaction: RedactionSettings): HarRules {
  return mergeRules(DEFAULT_RULES, redactionToHarRules(redaction));
}
