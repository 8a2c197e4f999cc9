/**
 * Sanitizer rules are data: a zod-validated document the team can extend
 * with its own names, value patterns and allow-list (`--rules rules.json` on
 * the CLI, settings in the extension). `DEFAULT_RULES` is the baseline every
 * file gets; `mergeRules` adds a team's rules on top, never removes defaults.
 */
import { z } from 'zod';
import { HarError } from './errors';

/**
 * Where a name was seen. `header` = HTTP header names, `query` = URL query
 * and fragment parameters, `form` = urlencoded/multipart fields and HTML
 * form inputs/meta tags, `cookie` = cookie names, `json` = keys of JSON
 * objects and XML elements, `text` = `name: "value"` / `name=value` found in
 * free text (inline scripts, logs, GraphQL documents).
 */
export const SCOPES = ['header', 'query', 'form', 'cookie', 'json', 'text'] as const;
export type Scope = (typeof SCOPES)[number];

const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${String(error)}` });
  }
});

export const nameRuleSchema = z.object({
  /** Report kind, e.g. `password`; becomes part of the marker. */
  kind: z.string().regex(/^[a-z0-9-]{1,32}$/, 'kind: lowercase letters, digits and dashes'),
  /**
   * Regex (no flags) tested against the *normalized* name: lowercased with
   * everything but letters and digits removed, so `X-API-Key`, `x_api_key`
   * and `xApiKey` are all `xapikey`.
   */
  pattern: regexSource,
  /** Where the rule applies; all scopes when absent. */
  scopes: z.array(z.enum(SCOPES)).nonempty().optional(),
  /**
   * `always`: every value under the name is a secret. `high-entropy`: only
   * values that look random (for names like `code` or `key` that also carry
   * benign words such as `NOT_FOUND`).
   */
  when: z.enum(['always', 'high-entropy']).default('always'),
});
export type NameRule = z.infer<typeof nameRuleSchema>;

export const valuePatternSchema = z.object({
  kind: z.string().regex(/^[a-z0-9-]{1,32}$/),
  /** Human name for the rules editor and tests. */
  name: z.string().min(1),
  /** Regex source; compiled with the `g` flag plus `flags`. */
  pattern: regexSource,
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'flags: only i, m, s, u')
    .default(''),
  /** Capture group holding the secret; 0 (whole match) when absent. */
  group: z.number().int().min(0).max(9).default(0),
});
export type ValuePattern = z.infer<typeof valuePatternSchema>;

export const rulesSchema = z.object({
  names: z.array(nameRuleSchema).default([]),
  patterns: z.array(valuePatternSchema).default([]),
  allow: z
    .object({
      /** Normalized names whose values are never redacted by name (value shapes still apply). */
      names: z.array(z.string()).default([]),
      /** Exact values that are never redacted (e.g. a public test key). */
      values: z.array(z.string()).default([]),
    })
    .default({ names: [], values: [] }),
  entropy: z
    .object({
      minLength: z.number().int().min(4).default(16),
      /** Shannon entropy per character, in bits. */
      minBitsPerChar: z.number().min(0).max(8).default(3.2),
    })
    .default({ minLength: 16, minBitsPerChar: 3.2 }),
  /** Cookie values are session state in practice: redact them all. */
  redactAllCookies: z.boolean().default(true),
  /** How many findings the report lists one by one (counts are always complete). */
  maxFindings: z.number().int().min(0).default(10_000),
});
export type HarRules = z.infer<typeof rulesSchema>;
export type HarRulesInput = z.input<typeof rulesSchema>;

const ALL_BUT_JSON: Scope[] = ['header', 'query', 'form', 'cookie', 'text'];

/** Baseline rules. Patterns are applied to normalized names (see nameRuleSchema.pattern). */
export const DEFAULT_RULES: HarRules = rulesSchema.parse({
  names: [
    { kind: 'authorization', pattern: '^(proxy)?authorization$|^xauthorization$' },
    { kind: 'cookie', pattern: '^(set)?cookies?2?$', scopes: ['header', 'json', 'text'] },
    { kind: 'csrf', pattern: 'csrf|xsrf|authenticitytoken|requestverificationtoken' },
    { kind: 'password', pattern: 'passw(or)?d|passphrase|^(pass|pwd|pw|passcode)$' },
    { kind: 'secret', pattern: 'secret|credential|^xamzcredential$|^xgoogcredential$' },
    {
      kind: 'api-key',
      pattern:
        '(api|access|private|secret|signing|encryption|master|license|subscription|functions|client|app|consumer|account|partner|integration|webhook|admin|service|ingest)key|^xapikey$|apikey|^xkey$',
    },
    { kind: 'private-key', pattern: 'privatekey|privkey|pem$' },
    {
      kind: 'session',
      pattern: 'session(id|key|token)?$|^sid$|^sessid$|sessid$|^ssid$|^connectsid$|^sessionid',
    },
    { kind: 'saml', pattern: '^saml(response|request|art|assertion)$|^wresult$' },
    {
      kind: 'oauth-code',
      pattern: '^code$|^authcode$|^authorizationcode$|^codeverifier$|^devicecode$',
      scopes: ['query', 'form'],
    },
    { kind: 'oauth-state', pattern: '^state$|^relaystate$|^nonce$', scopes: ['query', 'form'] },
    {
      kind: 'otp',
      pattern:
        '^(otp|totp|hotp|mfacode|mfatoken|twofactorcode|2facode|verificationcode|smscode|onetimecode|onetimepassword)$|otpseed|totpseed|mfaseed|recoverycodes?$|backupcodes?$',
    },
    {
      kind: 'signature',
      pattern:
        // Any name ending in `signature` (`X-Amz-Signature`, `webhookSignature`), and AWS's `SignatureProvided` echo.
        'signature$|^signatureprovided$|^sig$|signaturevalue$|^signedinfo$|^hmac$|^xhubsignature(256)?$',
    },
    {
      kind: 'signature',
      pattern: '^xamzsecuritytoken$|^googleaccessid$|^keypairid$|^policy$',
      scopes: ALL_BUT_JSON,
    },
    {
      kind: 'token',
      // `token_type`, `tokenEndpoint`, `expires_in` and friends describe a token; they are not one.
      pattern:
        'token(?!(type|types|endpoint|url|uri|expir\\w*|expires\\w*|ttl|lifetime|count|usage|kind|format|name|location|path)$)|^assertion$|^clientassertion$|^jwt$|^bearer$',
    },
    { kind: 'api-key', pattern: '^key$', scopes: ['query'] },
    {
      kind: 'payment-card',
      pattern:
        '^(cardnumber|ccnumber|creditcard|creditcardnumber|pan|cvv|cvc|cvv2|cvc2|securitycode)$',
    },
    // Weak names: common words that hold a secret only when the value looks random.
    {
      kind: 'secret',
      pattern:
        '^(key|code|state|nonce|hash|salt|seed|pin|ticket|grant|verifier|challenge|auth|sso|otc|sig)$',
      scopes: ['json', 'text', 'header', 'cookie', 'query', 'form'],
      when: 'high-entropy',
    },
  ],
  patterns: [
    {
      kind: 'jwt',
      name: 'JSON Web Token',
      pattern: 'eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{8,}',
    },
    {
      kind: 'aws-key',
      name: 'AWS access key id',
      pattern: '\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b',
    },
    {
      kind: 'aws-secret',
      name: 'AWS secret access key (next to its name)',
      // Case variants spelled out instead of the `i` flag: every default pattern then joins one fast prefilter.
      pattern:
        '(?:aws|AWS|Aws).{0,24}?(?:secret|Secret|SECRET|sk|SK).{0,24}?[\\s"\'=:,]+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])',
      group: 1,
    },
    {
      kind: 'stripe-key',
      name: 'Stripe secret, restricted or live publishable key',
      pattern: '\\b(?:(?:sk|rk)_(?:live|test)|pk_live|whsec)_[0-9A-Za-z]{10,}',
    },
    {
      kind: 'github-token',
      name: 'GitHub token',
      pattern: '\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})',
    },
    { kind: 'slack-token', name: 'Slack token', pattern: '\\bxox[abposre]-[A-Za-z0-9-]{8,}' },
    {
      kind: 'slack-webhook',
      name: 'Slack webhook path',
      pattern: 'hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{8,})',
      group: 1,
    },
    {
      kind: 'slack-webhook',
      name: 'Slack webhook path without its host (HTTP/2 :path)',
      pattern: '/services/(T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{16,32})',
      group: 1,
    },
    { kind: 'google-api-key', name: 'Google API key', pattern: '\\bAIza[0-9A-Za-z_-]{35}' },
    {
      kind: 'private-key',
      name: 'PEM private key',
      // The armour lines stay so the reader sees what kind of key was there.
      pattern: '-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----([\\s\\S]+?)(?=-----END|$)',
      group: 1,
    },
    {
      kind: 'signature',
      name: 'Signature quoted in an error message (Azure "The MAC signature found in the HTTP request \'…\'")',
      pattern: '[Ss]ignature[^\'"\\n<]{0,60}?[\'"]([A-Za-z0-9+/_-]{20,}={0,2})[\'"]',
      group: 1,
    },
    {
      kind: 'authorization',
      name: 'Credential after an auth scheme',
      pattern:
        '\\b(?:[Bb]earer|BEARER|[Bb]asic|BASIC|[Tt]oken|TOKEN|[Dd]igest|[Nn]egotiate|NTLM)\\s+([A-Za-z0-9._~+/=-]{16,})',
      group: 1,
    },
  ],
  allow: {
    names: [
      'xrequestid',
      'requestid',
      'traceparent',
      'tracestate',
      'xcorrelationid',
      'correlationid',
      'useragent',
      'contenttype',
      'xamzrequestid',
      'xamzcfid',
      'tokentype',
      'expiresin',
    ],
    values: [],
  },
});

/**
 * Does one of `base`'s credential rules (a name rule that redacts every
 * value, not only random-looking ones) catch this name in some scope?
 */
export function isCredentialName(name: string, base: HarRules = DEFAULT_RULES): boolean {
  const normalized = normalizeName(name);
  return base.names.some(
    (rule) => rule.when === 'always' && new RegExp(rule.pattern).test(normalized),
  );
}

/**
 * The team's rules on top of `base`: names, patterns and allow-lists are
 * concatenated (defaults stay in force); scalar settings from `extra` win.
 * The team's allow-list relaxes only its own rules and `base`'s weak ones: a
 * name a credential rule of `base` catches is dropped from it, so no
 * settings, sync or import can switch a built-in credential rule off.
 * Throws HarError('invalid-rules') with the zod issues when `extra` is invalid.
 */
export function mergeRules(base: HarRules, extra: unknown): HarRules {
  const parsed = parseRules(extra);
  const teamAllow = parsed.allow.names
    .map(normalizeName)
    .filter((name) => !isCredentialName(name, base));
  const raw = (extra ?? {}) as Record<string, unknown>;
  const rawEntropy = (raw.entropy ?? {}) as Record<string, unknown>;
  return {
    names: [...base.names, ...parsed.names],
    patterns: [...base.patterns, ...parsed.patterns],
    allow: {
      names: [...new Set([...base.allow.names, ...teamAllow])],
      values: [...new Set([...base.allow.values, ...parsed.allow.values])],
    },
    entropy: {
      minLength: 'minLength' in rawEntropy ? parsed.entropy.minLength : base.entropy.minLength,
      minBitsPerChar:
        'minBitsPerChar' in rawEntropy
          ? parsed.entropy.minBitsPerChar
          : base.entropy.minBitsPerChar,
    },
    redactAllCookies: 'redactAllCookies' in raw ? parsed.redactAllCookies : base.redactAllCookies,
    maxFindings: 'maxFindings' in raw ? parsed.maxFindings : base.maxFindings,
  };
}

export function parseRules(input: unknown): HarRules {
  const result = rulesSchema.safeParse(input ?? {});
  if (!result.success) {
    const summary = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new HarError('invalid-rules', `Invalid HAR rules: ${summary}`, result.error.issues);
  }
  return result.data;
}

/** `X-API-Key` → `xapikey`: the form name rules are written against. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
