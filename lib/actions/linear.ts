/**
 * Linear "new issue" link: `https://linear.app/team/<KEY>/new?title=&description=&priority=&labels=`
 * (market.md, "Exact formats"). The description is the report's Markdown.
 */
import type { Severity } from '../workflow/schema';
import type { BugReport } from './bug-report';
import { queryString, withLengthFallback, type PrefillLink } from './prefill';

export type LinearPriority = 'Urgent' | 'High' | 'Medium' | 'Low';

export const DEFAULT_LINEAR_PRIORITIES: Record<Severity, LinearPriority> = {
  SEV1: 'Urgent',
  SEV2: 'High',
  SEV3: 'Medium',
  SEV4: 'Low',
};

export interface LinearTarget {
  /** The team key in issue ids, e.g. `ENG` in ENG-123. */
  teamKey: string;
  priorities?: Partial<Record<Severity, LinearPriority>>;
  /** Extra labels; "casebook" and the severity are always added. Unknown labels are ignored by Linear. */
  labels?: string[];
}

export function linearPriority(
  severity: Severity | undefined,
  overrides: Partial<Record<Severity, LinearPriority>> = {},
): LinearPriority | undefined {
  if (!severity) return undefined;
  return overrides[severity] ?? DEFAULT_LINEAR_PRIORITIES[severity];
}

export function buildLinearNewIssueUrl(
  report: BugReport,
  target: LinearTarget,
  maxLength?: number,
): PrefillLink {
  const key = target.teamKey.trim();
  if (!/^[A-Za-z][A-Za-z0-9]{0,9}$/.test(key)) {
    throw new RangeError(`"${target.teamKey}" is not a Linear team key: expected e.g. ENG`);
  }
  // `labels` is comma-separated, so a comma inside a label would split it.
  const labels = [
    ...new Set(
      ['casebook', report.severity?.toLowerCase(), ...(target.labels ?? [])]
        .map((l) => l?.replace(/,/g, ' ').trim())
        .filter((l): l is string => !!l),
    ),
  ];
  const build = (description: string) =>
    `https://linear.app/team/${encodeURIComponent(key.toUpperCase())}/new?${queryString([
      ['title', report.title],
      ['description', description],
      ['priority', linearPriority(report.severity, target.priorities)],
      ['labels', labels.join(',')],
    ])}`;
  return withLengthFallback(build, report.markdown, maxLength);
}
