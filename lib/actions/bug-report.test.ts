import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBugReport, ISSUE_URL_PATTERNS, parseIssueUrl, type BugReport } from './bug-report';
import {
  buildJiraCreateUrl,
  escapeJiraWiki,
  jiraHost,
  jiraPriorityId,
  jiraWikiDescription,
} from './jira';
import { buildLinearNewIssueUrl, linearPriority } from './linear';
import { CLIPBOARD_NOTE, MAX_PREFILL_URL_LENGTH } from './prefill';
import { TEST_TEMPLATE, testRun } from './test-fixtures';
import { truncate, wellFormed } from './text';
import type { FieldValue } from '../workflow/schema';

const AWKWARD = `He said "it's broken" & left #1 — 100% + 2 = 3?\nNaïve café — 日本語 🚀👩‍💻 a=b&c=d;e/f\\g <b>x</b> {noformat} [x|y] *bold*`;

const FULL: Record<string, FieldValue> = {
  'verify-account/plan': 'enterprise',
  'assign-severity/severity': 'SEV1',
  'assign-severity/impact': 'All exports return HTTP 500 for Acme',
  'collect-repro/repro-steps': '1. Open Reports\n2. Click "Export CSV"\n3. See error',
  'collect-repro/browser': 'Chrome 126',
  'collect-repro/os': 'macOS 14.5',
  'collect-repro/workspace-id': 'acme-prod',
  'collect-repro/url': 'https://app.example.com/reports/export?fmt=csv&x=1',
  'collect-repro/occurred-at': { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
  'collect-repro/expected': 'A CSV downloads',
  'collect-repro/actual': 'HTTP 500 "Internal error"',
  'collect-repro/request-id': 'req_8f3a2b',
  'search-logs/sentry-url': 'https://sentry.io/organizations/acme/issues/4242/',
  'reproduce/result': 'reproducible',
};

function report(values: Record<string, FieldValue> = FULL, ticket = {}): BugReport {
  const r = buildBugReport(TEST_TEMPLATE, testRun(values, ticket));
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('buildBugReport', () => {
  it('refuses without a request ID and says where to add it', () => {
    const { 'collect-repro/request-id': _, ...rest } = FULL;
    expect(buildBugReport(TEST_TEMPLATE, testRun(rest))).toEqual({
      ok: false,
      reason:
        'A bug filed without a request ID gets bounced back: add the request ID in step 5 first.',
    });
    expect(
      buildBugReport(TEST_TEMPLATE, testRun({ ...rest, 'collect-repro/request-id': '   ' })).ok,
    ).toBe(false);
  });

  it('carries every fact the spec asks for', () => {
    const r = report();
    expect(r.title).toBe('[SEV1] All exports return HTTP 500 for Acme');
    expect(r.markdown).toBe(
      [
        '## Customer impact',
        '',
        'All exports return HTTP 500 for Acme',
        '',
        '## Context',
        '',
        '- **Severity:** SEV1',
        '- **Plan tier:** Enterprise',
        '- **Workspace ID:** `acme-prod`',
        '- **Request ID:** `req_8f3a2b`',
        '- **Occurred at:** 2026-03-08 07:30 UTC (customer time: 2026-03-08 02:30 America/New_York)',
        '- **Sentry:** https://sentry.io/organizations/acme/issues/4242/',
        '- **Browser:** Chrome 126',
        '- **OS:** macOS 14.5',
        '- **URL or endpoint:** `https://app.example.com/reports/export?fmt=csv&x=1`',
        '- **Reproduction:** Reproducible',
        '- **Zendesk ticket 12345:** https://acme.zendesk.com/agent/tickets/12345',
        '',
        '## Steps to reproduce',
        '',
        '1. Open Reports\n2. Click "Export CSV"\n3. See error',
        '',
        '## Expected',
        '',
        'A CSV downloads',
        '',
        '## Actual',
        '',
        'HTTP 500 "Internal error"',
        '',
      ].join('\n'),
    );
  });

  it('falls back to the ticket subject and omits what is unknown', () => {
    const r = report(
      { 'collect-repro/request-id': 'req_1' },
      { subject: 'Login loop', displayId: '#77' },
    );
    expect(r.title).toBe('Login loop');
    expect(r.fields.map((f) => f.key)).toEqual(['requestId', 'ticket']);
    expect(r.fields[1]?.label).toBe('Zendesk ticket #77');
  });

  it('keeps an identifier with backticks intact in inline code', () => {
    const r = report({ 'collect-repro/request-id': 'a`b' });
    expect(r.markdown).toContain('- **Request ID:** ``a`b``');
  });

  it('caps the title at 255 characters on a code-point boundary', () => {
    const r = report({ ...FULL, 'assign-severity/impact': '🚀'.repeat(300) });
    expect(r.title.length).toBeLessThanOrEqual(255);
    expect(r.title.endsWith('…')).toBe(true);
    expect(wellFormed(r.title)).toBe(r.title);
  });

  it('notes an unrecognised zone rather than guessing the UTC time', () => {
    const r = report({
      ...FULL,
      'collect-repro/occurred-at': { local: '2026-03-08T02:30', timeZone: 'Mars/Base' },
    });
    expect(r.fields.find((f) => f.key === 'occurredAt')?.value).toBe(
      '2026-03-08 02:30 Mars/Base (zone not recognised)',
    );
  });
});

describe('Jira create-issue URL', () => {
  const target = { site: 'acme', projectId: '10001', issueTypeId: '10004' };

  it('has the documented shape and parameters', () => {
    const link = buildJiraCreateUrl(report(), target);
    expect(link.complete).toBe(true);
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa',
    );
    expect(url.searchParams.get('pid')).toBe('10001');
    expect(url.searchParams.get('issuetype')).toBe('10004');
    expect(url.searchParams.get('summary')).toBe('[SEV1] All exports return HTTP 500 for Acme');
    expect(url.searchParams.get('priority')).toBe('1');
    expect(url.searchParams.getAll('labels')).toEqual(['casebook', 'sev1']);
    expect(url.searchParams.get('description')).toBe(jiraWikiDescription(report()));
  });

  it('renders wiki markup: facts escaped, free text in noformat, links as links', () => {
    const wiki = jiraWikiDescription(report());
    expect(wiki).toContain('h3. Context');
    expect(wiki).toContain('* *Workspace ID:* {{acme\\-prod}}');
    expect(wiki).toContain('* *Request ID:* {{req\\_8f3a2b}}');
    expect(wiki).toContain('* *Sentry:* [https://sentry.io/organizations/acme/issues/4242/]');
    expect(wiki).toContain(
      'h3. Steps to reproduce\n{noformat}\n1. Open Reports\n2. Click "Export CSV"\n3. See error\n{noformat}',
    );
    expect(escapeJiraWiki('a*b_c|d[e]{f}')).toBe('a\\*b\\_c\\|d\\[e\\]\\{f\\}');
  });

  it('plain format carries the text as written', () => {
    const r = report({ ...FULL, 'collect-repro/actual': AWKWARD });
    const url = new URL(buildJiraCreateUrl(r, { ...target, descriptionFormat: 'plain' }).url);
    expect(url.searchParams.get('description')).toContain(`Actual:\n${AWKWARD}`);
  });

  it('uses configured priority ids and extra labels (spaces become dashes)', () => {
    const url = new URL(
      buildJiraCreateUrl(report(), {
        ...target,
        site: 'acme.atlassian.net',
        priorityIds: { SEV1: '10000' },
        labels: ['customer reported', 'casebook'],
      }).url,
    );
    expect(url.host).toBe('acme.atlassian.net');
    expect(url.searchParams.get('priority')).toBe('10000');
    expect(url.searchParams.getAll('labels')).toEqual(['casebook', 'sev1', 'customer-reported']);
    expect(jiraPriorityId('SEV3')).toBe('3');
    expect(jiraPriorityId('SEV4', { SEV1: '9' })).toBe('4');
    expect(jiraPriorityId(undefined)).toBe(undefined);
  });

  it('rejects bad targets with a clear message', () => {
    expect(() => jiraHost('not a site')).toThrow(/not a Jira site/);
    expect(() => buildJiraCreateUrl(report(), { ...target, projectId: 'ACME' })).toThrow(
      'The Jira project id is a number, got "ACME"',
    );
  });
});

describe('Linear new-issue URL', () => {
  it('has the documented shape and parameters', () => {
    const r = report();
    const link = buildLinearNewIssueUrl(r, { teamKey: 'eng', labels: ['Bug', 'a,b'] });
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://linear.app/team/ENG/new');
    expect(url.searchParams.get('title')).toBe(r.title);
    expect(url.searchParams.get('description')).toBe(r.markdown);
    expect(url.searchParams.get('priority')).toBe('Urgent');
    expect(url.searchParams.get('labels')).toBe('casebook,sev1,Bug,a b');
  });

  it('maps severities to Linear priorities, with overrides', () => {
    expect(['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((s) => linearPriority(s as 'SEV1'))).toEqual([
      'Urgent',
      'High',
      'Medium',
      'Low',
    ]);
    expect(linearPriority('SEV2', { SEV2: 'Urgent' })).toBe('Urgent');
  });

  it('rejects a bad team key', () => {
    expect(() => buildLinearNewIssueUrl(report(), { teamKey: 'my team' })).toThrow(
      /not a Linear team key/,
    );
  });
});

describe('awkward text round-trips exactly through URL parsing', () => {
  it('quotes, newlines, &, #, +, %, non-ASCII and emoji', () => {
    const r = report({
      ...FULL,
      'assign-severity/impact': AWKWARD,
      'collect-repro/repro-steps': AWKWARD,
    });
    const linear = new URL(buildLinearNewIssueUrl(r, { teamKey: 'ENG' }).url);
    expect(linear.searchParams.get('title')).toBe(r.title);
    expect(linear.searchParams.get('description')).toBe(r.markdown);
    expect(r.markdown).toContain(`## Steps to reproduce\n\n${AWKWARD}`);
    const jira = new URL(
      buildJiraCreateUrl(r, {
        site: 'acme',
        projectId: '1',
        issueTypeId: '2',
        descriptionFormat: 'plain',
      }).url,
    );
    expect(jira.searchParams.get('summary')).toBe(r.title);
    expect(jira.searchParams.get('description')).toContain(AWKWARD);
    // Nothing leaks into the URL unencoded: no raw space, newline, quote or fragment.
    expect(jira.hash).toBe('');
    expect(linear.hash).toBe('');
    expect(/[\s"#]/.test(buildLinearNewIssueUrl(r, { teamKey: 'ENG' }).url)).toBe(false);
  });

  it('any text (property): title and description decode to what was built', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (impact, steps) => {
          fc.pre(impact.trim() !== '');
          const r = report({
            ...FULL,
            'assign-severity/impact': impact,
            'collect-repro/repro-steps': steps,
          });
          for (const link of [
            buildLinearNewIssueUrl(r, { teamKey: 'ENG' }),
            buildJiraCreateUrl(r, { site: 'acme', projectId: '1', issueTypeId: '2' }),
          ]) {
            const url = new URL(link.url);
            const title = url.searchParams.get('title') ?? url.searchParams.get('summary');
            expect(title).toBe(r.title);
          }
          const linear = new URL(buildLinearNewIssueUrl(r, { teamKey: 'ENG' }).url);
          expect(linear.searchParams.get('description')).toBe(r.markdown);
          // Lone surrogates are replaced, never thrown on.
          if (steps.trim() !== '') expect(r.markdown).toContain(wellFormed(steps.trim()));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the 8 KB fallback', () => {
  const long = 'Step with detail & "quotes" — ünïcödé 🚀\n'.repeat(400);

  it('opens a short prefill and hands back the full text to copy (Linear)', () => {
    const r = report({ ...FULL, 'collect-repro/repro-steps': long });
    const link = buildLinearNewIssueUrl(r, { teamKey: 'ENG' });
    expect(link.complete).toBe(false);
    expect(link.url.length).toBeLessThanOrEqual(MAX_PREFILL_URL_LENGTH);
    const url = new URL(link.url);
    expect(url.searchParams.get('title')).toBe(r.title);
    expect(url.searchParams.get('description')).toBe(CLIPBOARD_NOTE);
    expect(url.searchParams.get('priority')).toBe('Urgent');
    expect(link.clipboardText).toBe(r.markdown);
  });

  it('opens a short prefill and hands back the full description (Jira)', () => {
    const r = report({ ...FULL, 'collect-repro/repro-steps': long });
    const link = buildJiraCreateUrl(r, { site: 'acme', projectId: '1', issueTypeId: '2' });
    expect(link.complete).toBe(false);
    expect(link.url.length).toBeLessThanOrEqual(MAX_PREFILL_URL_LENGTH);
    expect(new URL(link.url).searchParams.get('description')).toBe(CLIPBOARD_NOTE);
    expect(link.clipboardText).toBe(jiraWikiDescription(r));
  });

  it('switches exactly at the limit', () => {
    const r = report();
    const full = buildLinearNewIssueUrl(r, { teamKey: 'ENG' });
    expect(buildLinearNewIssueUrl(r, { teamKey: 'ENG' }, full.url.length).complete).toBe(true);
    const cut = buildLinearNewIssueUrl(r, { teamKey: 'ENG' }, full.url.length - 1);
    expect(cut.complete).toBe(false);
    expect(cut.clipboardText).toBe(r.markdown);
    expect(full.clipboardText).toBeUndefined();
  });
});

describe('bug URL acceptance', () => {
  it('accepts Jira and Linear issue URLs', () => {
    expect(parseIssueUrl('https://acme.atlassian.net/browse/ENG-123')).toEqual({
      ok: true,
      tracker: 'jira',
      key: 'ENG-123',
      url: 'https://acme.atlassian.net/browse/ENG-123',
    });
    expect(parseIssueUrl(' https://acme.atlassian.net/browse/ENG-123?focusedCommentId=5 ').ok).toBe(
      true,
    );
    expect(
      parseIssueUrl('https://linear.app/acme/issue/ENG-42/exports-fail-with-500'),
    ).toMatchObject({
      ok: true,
      tracker: 'linear',
      key: 'ENG-42',
    });
    expect(parseIssueUrl('https://linear.app/acme/issue/ENG-42').ok).toBe(true);
    expect(parseIssueUrl('https://linear.app/acme/issue/ENG-42/slug?foo=bar').ok).toBe(true);
  });

  it('rejects everything else with a message naming both forms', () => {
    for (const bad of [
      'http://acme.atlassian.net/browse/ENG-123',
      'https://acme.atlassian.net/browse/eng-123',
      'https://acme.atlassian.net/browse/ENG-0',
      'https://acme.atlassian.net/jira/software/projects/ENG/boards/1',
      'https://acme.atlassian.net.evil.com/browse/ENG-123',
      'https://evil.com/acme.atlassian.net/browse/ENG-123',
      'https://linear.app/acme/project/ENG-42',
      'https://linear.app/team/ENG/new',
      'https://sentry.io/organizations/acme/issues/1/',
      'ENG-123',
      '',
    ]) {
      const r = parseIssueUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/Jira issue link.*Linear issue link/);
    }
  });

  it('exports the same rules as regular-expression sources for the template field', () => {
    const [jira, linear] = ISSUE_URL_PATTERNS.map((p) => new RegExp(p));
    expect(jira?.test('https://acme.atlassian.net/browse/ENG-1')).toBe(true);
    expect(linear?.test('https://linear.app/acme/issue/ENG-1/x')).toBe(true);
    expect(jira?.test('https://linear.app/acme/issue/ENG-1/x')).toBe(false);
  });
});

describe('text helpers', () => {
  it('truncate never splits a surrogate pair', () => {
    expect(truncate('ab🚀cd', 4)).toBe('ab…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(wellFormed('a\uD800b\uDC00c🚀')).toBe('a\uFFFDb\uFFFDc🚀');
  });
});
