/**
 * The one place where a validation problem's JSON path becomes words a lead
 * reads next to the field: "Jira site: enter a host like acme.atlassian.net".
 * The options page matches a problem to its field by `field` (the path
 * without `$.`, dots between keys); everything else shows `text`.
 *
 * Pure TypeScript: no browser API.
 */
import type { Problem } from './problems';

export interface WordedProblem {
  /** Dotted path of the field, e.g. `integrations.tracker.site`; `` for the whole document. */
  field: string;
  /** What to do, in words, starting with the field's label. */
  text: string;
}

const PLAN = { enterprise: 'Enterprise', paid: 'Paid', trial: 'Trial', free: 'Free' } as const;
const DAY = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const;

const HTTPS = 'enter an https:// URL, or leave it empty';

/**
 * Field label and, where the schema's own message is not the best advice,
 * the fix. Patterns match the whole dotted path; `(\w+)` groups feed `label`.
 */
const FIELDS: ReadonlyArray<{
  path: RegExp;
  label: string | ((...groups: Array<string | undefined>) => string);
  fix?: string;
}> = [
  {
    path: /^integrations\.tracker\.site$/,
    label: 'Jira site',
    fix: 'enter a host like acme.atlassian.net (no https://, path or wildcard)',
  },
  {
    path: /^integrations\.tracker\.projectKey$/,
    label: 'Jira project key',
    fix: 'enter the letters before the dash in your issue keys, e.g. ENG for ENG-123',
  },
  {
    path: /^integrations\.tracker\.issueTypeName$/,
    label: 'Jira issue type',
    fix: 'enter the issue type’s name as Jira shows it, e.g. Bug',
  },
  {
    path: /^integrations\.tracker\.projectId$/,
    label: 'Jira project number',
    fix: 'enter digits only, e.g. 10042 (see “Where to find the numbers”)',
  },
  {
    path: /^integrations\.tracker\.issueTypeId$/,
    label: 'Jira issue type number',
    fix: 'enter digits only, e.g. 10004 (see “Where to find the numbers”)',
  },
  {
    path: /^integrations\.tracker\.priorityIds\.(SEV\d)$/,
    label: (sev) => `Jira priority for ${sev ?? ''}`,
    fix: 'enter the priority’s number (1 Highest … 5 Lowest on a stock site), or leave it empty',
  },
  {
    path: /^integrations\.tracker\.teamKey$/,
    label: 'Linear team key',
    fix: 'enter 1–10 letters or digits, e.g. ENG',
  },
  { path: /^integrations\.sentrySearchUrl$/, label: 'Sentry search URL template' },
  { path: /^integrations\.datadogSearchUrl$/, label: 'Datadog search URL template' },
  {
    path: /^integrations\.pagerDuty\.endpoint$/,
    label: 'PagerDuty Events API endpoint',
    fix: 'enter an https:// URL such as https://events.pagerduty.com/v2/enqueue',
  },
  { path: /^integrations\.statusPageAdminUrl$/, label: 'Status-page admin URL', fix: HTTPS },
  { path: /^integrations\.slackWorkspaceUrl$/, label: 'Slack workspace URL', fix: HTTPS },
  { path: /^integrations\.runbookUrl$/, label: 'Runbook URL', fix: HTTPS },
  {
    path: /^integrations\.escalationManager$/,
    label: 'Engineering manager',
    fix: 'use at most 200 characters',
  },
  { path: /^agent\.name$/, label: 'Name', fix: 'use at most 200 characters' },
  {
    path: /^agent\.email$/,
    label: 'E-mail',
    fix: 'enter an address like dana@example.com, or leave it empty',
  },
  {
    path: /^agent\.timeZone$/,
    label: 'Your time zone',
    fix: 'pick a zone from the list, like Europe/Lisbon or America/New_York, or leave it empty for this browser’s zone',
  },
  {
    path: /^sla\.firstResponseMinutes\.(\w+)$/,
    label: (plan) => `First response for ${PLAN[plan as keyof typeof PLAN] ?? plan ?? ''}`,
    fix: 'enter whole minutes from 1 to 10080 (one week)',
  },
  {
    path: /^sla\.engineeringAckMinutes\.(\w+)$/,
    label: (sev) => `Engineering acknowledgement for ${sev ?? ''}`,
    fix: 'enter whole minutes from 1 to 10080 (one week)',
  },
  {
    path: /^sla\.statusPageCadenceMinutes$/,
    label: 'SEV1 status-page update interval',
    fix: 'enter whole minutes from 1 to 1440',
  },
  {
    path: /^sla\.reminderLeadMinutes$/,
    label: 'Reminder before due',
    fix: 'enter whole minutes from 0 to 1440',
  },
  {
    path: /^retentionDays$/,
    label: 'Keep closed runs',
    fix: 'enter whole days from 0 (keep forever) to 3650',
  },
  { path: /^redaction\.(headerNames|keyNames|paramNames|allow)(?:\.\d+)?$/, label: 'HAR rules' },
  {
    path: /^redaction\.patterns\.(\d+)\.(\w+)$/,
    label: (i, key) => `HAR pattern ${Number(i) + 1} ${key ?? ''}`,
  },
  { path: /^schedules\.(\d+)\.name$/, label: (i) => `Schedule ${Number(i) + 1} name` },
  { path: /^schedules\.(\d+)\.id$/, label: (i) => `Schedule ${Number(i) + 1} id` },
  {
    path: /^schedules\.(\d+)\.timeZone$/,
    label: (i) => `Schedule ${Number(i) + 1} time zone`,
    fix: 'enter an IANA time zone such as Europe/Berlin or America/New_York',
  },
  {
    path: /^schedules\.(\d+)\.week$/,
    label: (i) => `Schedule ${Number(i) + 1} weekly hours`,
    fix: 'open at least one day',
  },
  {
    path: /^schedules\.(\d+)\.week\.(\w+)(?:\.\d+)?(?:\.(?:from|to))?$/,
    label: (i, day) => `Schedule ${Number(i) + 1}, ${DAY[day as keyof typeof DAY] ?? day ?? ''}`,
  },
  {
    path: /^schedules\.(\d+)\.holidays(?:\.(\d+))?(?:\.\w+)?$/,
    label: (i, h) =>
      `Schedule ${Number(i) + 1} holiday${h === undefined ? 's' : ` ${Number(h) + 1}`}`,
  },
  { path: /^schedules$/, label: 'Schedules', fix: 'keep at least one schedule (at most 20)' },
  { path: /^targets(?:\.\d+)?(?:\.\w+)*$/, label: 'Targets' },
];

/** `$.integrations.tracker.site` or `$["a b"][0]` → `integrations.tracker.site` / `a b.0`. */
export function fieldOfPath(path: string): string {
  const parts: string[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.replace(/^\$/, '').matchAll(re)) parts.push(m[1] ?? m[2] ?? m[3] ?? '');
  return parts.join('.');
}

/** A problem in words, with the field it belongs to. */
export function wordProblem(problem: Problem): WordedProblem {
  const field = fieldOfPath(problem.path);
  // An imported bundle holds the settings under `settings`.
  const inSettings = field.replace(/^settings\./, '');
  for (const entry of FIELDS) {
    const m = entry.path.exec(inSettings);
    if (!m) continue;
    const label = typeof entry.label === 'string' ? entry.label : entry.label(...m.slice(1));
    return { field, text: `${label}: ${entry.fix ?? problem.message}` };
  }
  if (!field) return { field, text: problem.message };
  // Unknown field: name it in words rather than as a JSON path.
  return { field, text: `${field.split('.').join(' › ')}: ${problem.message}` };
}

export function wordProblems(problems: readonly Problem[]): WordedProblem[] {
  const seen = new Set<string>();
  return problems.map(wordProblem).filter((p) => {
    const key = `${p.field}\u0000${p.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether a problem belongs to the field named `field` (itself or something inside it). */
export function isProblemOf(problem: WordedProblem, field: string): boolean {
  return problem.field === field || problem.field.startsWith(`${field}.`);
}
