/**
 * What the panel offers "from the page" beyond the run's ticket facts: the
 * tracker issues among the links the ticket's notes and composer show (the
 * settings' tracker decides which links are its issues) and the lead's
 * priority → severity mapping. Derived from the panel's one copy of the
 * settings (panel-settings.ts) and the watcher's snapshot.
 */
import { useMemo } from 'react';
import type { PageLink } from '../../lib/adapters/page-links';
import { parseTrackerIssueUrl, type TrackerLinkConfig } from '../../lib/actions/tracker-url';
import type { Settings } from '../../lib/settings/schema';
import type { PageFacts, PageIssueLink } from '../../lib/workflow/page-suggestions';

function linkConfig(tracker: Settings['integrations']['tracker']): TrackerLinkConfig {
  if (tracker.kind === 'jira') return { kind: 'jira', site: tracker.site };
  if (tracker.kind === 'linear') return { kind: 'linear', teamKey: tracker.teamKey };
  return { kind: 'none' };
}

export function usePageFacts(
  settings: Settings | undefined,
  links: readonly PageLink[] | undefined,
): PageFacts | undefined {
  const tracker = settings?.integrations.tracker;
  // Settings from a background older than version 3 have no mapping: nothing is offered.
  const severityByPriority = settings?.triage?.severityByPriority;
  // `links` is a new array with every snapshot; its content is what counts.
  const linksKey = (links ?? []).map((l) => `${l.where} ${l.url}`).join('|');
  return useMemo((): PageFacts | undefined => {
    if (!tracker) return undefined;
    const config = linkConfig(tracker);
    const issueLinks: PageIssueLink[] = [];
    for (const link of links ?? []) {
      const issue = parseTrackerIssueUrl(link.url, config);
      if (issue) issueLinks.push({ url: issue.url, key: issue.key, where: link.where });
    }
    return { issueLinks, ...(severityByPriority ? { severityByPriority } : {}) };
  }, [tracker, severityByPriority, linksKey]);
}
