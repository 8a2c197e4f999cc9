/**
 * The engineering bug report as one model, rendered as Markdown (Linear, the
 * clipboard) or Jira text by the tracker builders. Everything comes from the
 * run; nothing is invented.
 *
 * A report without a request ID is refused: engineering bounces such bugs back
 * (workflow step 12), so the action says what to add instead of filing one.
 */
import type { PlanTier, Run, Severity, WorkflowTemplate } from '../workflow/schema';
import { formatUtc, formatZoned } from '../time/zoned';
import { fieldRefByRole } from '../workflow/roles';
import { HELPDESK_LABELS, planLabel, readRunFacts, stepNumberOf, type RunFacts } from './facts';
import { oneLine, truncate, wellFormed } from './text';

export interface BugField {
  key:
    | 'severity'
    | 'plan'
    | 'workspaceId'
    | 'requestId'
    | 'occurredAt'
    | 'sentry'
    | 'browser'
    | 'os'
    | 'endpoint'
    | 'reproResult'
    | 'ticket';
  label: string;
  value: string;
  /** How renderers should show it: identifiers as code, links as links. */
  kind: 'text' | 'code' | 'url';
}

export interface BugSection {
  key: 'impact' | 'repro' | 'expected' | 'actual';
  title: string;
  /** As the agent wrote it (may be several lines). */
  text: string;
}

export interface BugReport {
  ok: true;
  /** At most 255 characters (Jira's summary limit). */
  title: string;
  markdown: string;
  fields: BugField[];
  sections: BugSection[];
  severity: Severity | undefined;
  plan: PlanTier | undefined;
}

export interface Refusal {
  ok: false;
  reason: string;
}

export type BugReportResult = BugReport | Refusal;

export const TITLE_MAX = 255;

export function bugTitle(facts: RunFacts): string {
  const what =
    facts.impact ?? facts.subject ?? `Customer-reported issue (ticket ${facts.displayId})`;
  const prefix = facts.severity ? `[${facts.severity}] ` : '';
  return truncate(wellFormed(oneLine(`${prefix}${what}`)), TITLE_MAX);
}

function requestIdRefusal(template: WorkflowTemplate): string {
  const ref = fieldRefByRole(template, 'request-id');
  const n = ref && stepNumberOf(template, ref.stepId);
  const where = n === undefined ? 'to the run' : `in step ${n}`;
  return `A bug filed without a request ID gets bounced back: add the request ID ${where} first.`;
}

/** Markdown inline code that survives backticks in the value. */
function mdCode(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function buildBugReport(template: WorkflowTemplate, run: Run): BugReportResult {
  const facts = readRunFacts(template, run);
  if (!facts.requestId) return { ok: false, reason: requestIdRefusal(template) };

  const clean = (s: string) => wellFormed(s);
  const fields: BugField[] = [];
  const add = (
    key: BugField['key'],
    label: string,
    value: string | undefined,
    kind: BugField['kind'],
  ) => {
    if (value !== undefined && value !== '') fields.push({ key, label, value: clean(value), kind });
  };
  add('severity', 'Severity', facts.severity, 'text');
  add('plan', 'Plan tier', planLabel(template, facts.plan), 'text');
  add('workspaceId', 'Workspace ID', facts.workspaceId, 'code');
  add('requestId', 'Request ID', facts.requestId, 'code');
  if (facts.occurredAt) {
    const { value, epochMs } = facts.occurredAt;
    let when: string;
    try {
      when =
        epochMs === undefined
          ? `${value.local.replace('T', ' ')} ${value.timeZone} (zone not recognised)`
          : `${formatUtc(epochMs)} (customer time: ${formatZoned(value).replace(/ \(.*\)$/, '')})`;
    } catch {
      when = `${value.local} ${value.timeZone}`;
    }
    add('occurredAt', 'Occurred at', when, 'text');
  }
  add('sentry', 'Sentry', facts.sentryUrl, 'url');
  add('browser', 'Browser', facts.browser, 'text');
  add('os', 'OS', facts.os, 'text');
  add('endpoint', 'URL or endpoint', facts.endpointUrl, 'code');
  add('reproResult', 'Reproduction', facts.reproResult, 'text');
  add(
    'ticket',
    `${HELPDESK_LABELS[facts.helpdesk]} ticket ${facts.displayId}`,
    facts.ticketUrl,
    'url',
  );

  const sections: BugSection[] = [];
  const section = (key: BugSection['key'], title: string, body: string | undefined) => {
    if (body) sections.push({ key, title, text: clean(body) });
  };
  section('impact', 'Customer impact', facts.impact);
  section('repro', 'Steps to reproduce', facts.reproSteps);
  section('expected', 'Expected', facts.expected);
  section('actual', 'Actual', facts.actual);

  const title = bugTitle(facts);
  return {
    ok: true,
    title,
    markdown: renderMarkdown(fields, sections),
    fields,
    sections,
    severity: facts.severity,
    plan: facts.plan,
  };
}

function renderMarkdown(fields: BugField[], sections: BugSection[]): string {
  const lines: string[] = [];
  const impact = sections.find((s) => s.key === 'impact');
  if (impact) lines.push('## Customer impact', '', impact.text, '');
  lines.push('## Context', '');
  for (const f of fields) {
    const value = f.kind === 'code' ? mdCode(oneLine(f.value)) : f.value;
    lines.push(`- **${f.label}:** ${value}`);
  }
  for (const s of sections) {
    if (s.key === 'impact') continue;
    lines.push('', `## ${s.title}`, '', s.text);
  }
  return `${lines.join('\n').trim()}\n`;
}

// ---------------------------------------------------------------------------
// The bug URL field: only Jira or Linear issue links
// ---------------------------------------------------------------------------

/** Regular-expression sources for the template's `url` field `allow` list. */
export const ISSUE_URL_PATTERNS = [
  '^https://[a-z0-9][a-z0-9-]*\\.atlassian\\.net/browse/[A-Z][A-Z0-9_]*-[1-9][0-9]*(\\?[^#\\s]*)?$',
  '^https://linear\\.app/[a-z0-9][a-z0-9_-]*/issue/[A-Z][A-Z0-9]*-[1-9][0-9]*(/[a-z0-9-]*)?(\\?[^#\\s]*)?$',
] as const;

export const ISSUE_URL_MESSAGE =
  'Paste the Jira issue link (https://<site>.atlassian.net/browse/KEY-123) or the Linear issue link (https://linear.app/<workspace>/issue/KEY-123/…).';

export type IssueUrlResult =
  | { ok: true; tracker: 'jira' | 'linear'; key: string; url: string }
  | { ok: false; reason: string };

export function parseIssueUrl(input: string): IssueUrlResult {
  const url = input.trim();
  const [jira, linear] = ISSUE_URL_PATTERNS.map((p) => new RegExp(p));
  if (jira?.test(url)) {
    return { ok: true, tracker: 'jira', key: /\/browse\/([^?]+)/.exec(url)?.[1] ?? '', url };
  }
  if (linear?.test(url)) {
    return { ok: true, tracker: 'linear', key: /\/issue\/([^/?]+)/.exec(url)?.[1] ?? '', url };
  }
  return { ok: false, reason: ISSUE_URL_MESSAGE };
}
