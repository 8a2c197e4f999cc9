/**
 * What the panel takes from the settings and the page for its step words and
 * its "from the page" offers: the tracker (its name in step text, and which
 * links are its issues), the lead's priority → severity mapping, and the
 * tracker issues among the links the ticket's notes and composer show. The
 * settings are read once and again whenever they change.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PageLink } from '../../lib/adapters/page-links';
import { parseTrackerIssueUrl, type TrackerLinkConfig } from '../../lib/actions/tracker-url';
import type { Settings } from '../../lib/settings/schema';
import type { PageFacts, PageIssueLink } from '../../lib/workflow/page-suggestions';
import type { TrackerKind } from '../../lib/workflow/step-words';
import { send, subscribe } from '../messaging/content-client';

interface PanelSettings {
  tracker: TrackerKind;
  links: TrackerLinkConfig;
  severityByPriority: Settings['triage']['severityByPriority'];
}

function panelSettings(settings: Settings): PanelSettings {
  const t = settings.integrations.tracker;
  return {
    tracker: t.kind,
    links:
      t.kind === 'jira'
        ? { kind: 'jira', site: t.site }
        : t.kind === 'linear'
          ? { kind: 'linear', teamKey: t.teamKey }
          : { kind: 'none' },
    // Settings stored before version 3 reach an older background without it.
    severityByPriority: settings.triage?.severityByPriority ?? {},
  };
}

export function usePageFacts(links: readonly PageLink[] | undefined): {
  tracker: TrackerKind | undefined;
  pageFacts: PageFacts | undefined;
} {
  const [settings, setSettings] = useState<PanelSettings>();
  useEffect(() => {
    let live = true;
    const load = () =>
      send({ type: 'settings.get' })
        .then((reply) => {
          if (live) setSettings(panelSettings(reply.settings));
        })
        // Until the settings answer, step text reads as if no tracker were chosen and nothing is offered.
        .catch((error: unknown) => console.warn('[casebook] could not read the settings', error));
    void load();
    const unsubscribe = subscribe({ kind: 'settings' }, () => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const linksKey = (links ?? []).map((l) => `${l.where} ${l.url}`).join('|');
  const pageFacts = useMemo((): PageFacts | undefined => {
    if (!settings) return undefined;
    const issueLinks: PageIssueLink[] = [];
    for (const link of links ?? []) {
      const issue = parseTrackerIssueUrl(link.url, settings.links);
      if (issue) issueLinks.push({ url: issue.url, key: issue.key, where: link.where });
    }
    return { issueLinks, severityByPriority: settings.severityByPriority };
    // `links` is a new array on every snapshot; its content is what counts.
  }, [settings, linksKey]);
  return { tracker: settings?.tracker, pageFacts };
}
