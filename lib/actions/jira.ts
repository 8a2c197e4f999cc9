/**
 * Jira Cloud "create issue" link:
 * `https://<site>.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=&issuetype=&summary=&description=&priority=&labels=`
 * (market.md, "Exact formats"). The description is Jira wiki markup by
 * default — headings, a bullet list of facts, free text in `{noformat}` so
 * the customer's words are shown as written — or plain text.
 */
import type { Severity } from '../workflow/schema';
import type { BugField, BugReport } from './bug-report';
import { queryString, withLengthFallback, type PrefillLink } from './prefill';
import { oneLine } from './text';

/** Jira Cloud's stock priority ids: 1 Highest, 2 High, 3 Medium, 4 Low, 5 Lowest. */
export const DEFAULT_JIRA_PRIORITY_IDS: Record<Severity, string> = {
  SEV1: '1',
  SEV2: '2',
  SEV3: '3',
  SEV4: '4',
};

export interface JiraTarget {
  /** `acme` or `acme.atlassian.net`. */
  site: string;
  /** Numeric project id (`pid`). */
  projectId: string;
  issueTypeId: string;
  /** Overrides of the stock priority id per severity. */
  priorityIds?: Partial<Record<Severity, string>>;
  /** Extra labels; "casebook" and the severity are always added. */
  labels?: string[];
  descriptionFormat?: 'wiki' | 'plain';
}

export function jiraHost(site: string): string {
  const s = site
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  const host = s.includes('.') ? s : `${s}.atlassian.net`;
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/.test(host)) {
    throw new RangeError(`"${site}" is not a Jira site: expected e.g. acme.atlassian.net`);
  }
  return host;
}

/** Jira labels cannot contain spaces. */
export function jiraLabel(label: string): string {
  return label.trim().replace(/\s+/g, '-');
}

export function jiraPriorityId(
  severity: Severity | undefined,
  overrides: Partial<Record<Severity, string>> = {},
): string | undefined {
  if (!severity) return undefined;
  return overrides[severity] ?? DEFAULT_JIRA_PRIORITY_IDS[severity];
}

/** Backslash-escape the characters Jira wiki markup would interpret inside a line. */
export function escapeJiraWiki(text: string): string {
  return text.replace(/[\\*_?\-+^~{}[\]|!#]/g, (c) => `\\${c}`);
}

/** Free text inside `{noformat}`; a literal `{noformat}` in it would end the block early. */
function noformat(text: string): string {
  return `{noformat}\n${text.replace(/\{noformat\}/gi, '{no-format}')}\n{noformat}`;
}

function wikiValue(f: BugField): string {
  const value = oneLine(f.value);
  if (f.kind === 'url') {
    // `|` and `]` would break the [text|url] link syntax.
    return `[${value.replace(/[|\]]/g, encodeURIComponent)}]`;
  }
  if (f.kind === 'code') return `{{${escapeJiraWiki(value)}}}`;
  return escapeJiraWiki(value);
}

export function jiraWikiDescription(report: BugReport): string {
  const out: string[] = [];
  const impact = report.sections.find((s) => s.key === 'impact');
  if (impact) out.push('h3. Customer impact', noformat(impact.text), '');
  out.push('h3. Context');
  for (const f of report.fields) out.push(`* *${escapeJiraWiki(f.label)}:* ${wikiValue(f)}`);
  for (const s of report.sections) {
    if (s.key === 'impact') continue;
    out.push('', `h3. ${s.title}`, noformat(s.text));
  }
  return out.join('\n');
}

export function jiraPlainDescription(report: BugReport): string {
  const out: string[] = [];
  const impact = report.sections.find((s) => s.key === 'impact');
  if (impact) out.push('Customer impact:', impact.text, '');
  for (const f of report.fields) out.push(`${f.label}: ${oneLine(f.value)}`);
  for (const s of report.sections) {
    if (s.key === 'impact') continue;
    out.push('', `${s.title}:`, s.text);
  }
  return out.join('\n');
}

export function buildJiraCreateUrl(
  report: BugReport,
  target: JiraTarget,
  maxLength?: number,
): PrefillLink {
  const host = jiraHost(target.site);
  for (const [name, value] of [
    ['project id', target.projectId],
    ['issue type id', target.issueTypeId],
  ] as const) {
    if (!/^\d+$/.test(value.trim()))
      throw new RangeError(`The Jira ${name} is a number, got "${value}"`);
  }
  const labels = [
    ...new Set(
      ['casebook', report.severity?.toLowerCase(), ...(target.labels ?? [])]
        .filter((l): l is string => !!l && l.trim() !== '')
        .map(jiraLabel),
    ),
  ];
  const priority = jiraPriorityId(report.severity, target.priorityIds);
  const description =
    target.descriptionFormat === 'plain'
      ? jiraPlainDescription(report)
      : jiraWikiDescription(report);
  const build = (desc: string) =>
    `https://${host}/secure/CreateIssueDetails!init.jspa?${queryString([
      ['pid', target.projectId.trim()],
      ['issuetype', target.issueTypeId.trim()],
      ['summary', report.title],
      ['description', desc],
      ['priority', priority],
      ...labels.map((l): [string, string] => ['labels', l]),
    ])}`;
  return withLengthFallback(build, description, maxLength);
}
