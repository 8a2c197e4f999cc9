/**
 * Is this link a filed bug in the team's tracker? A Jira issue on the site the
 * settings name, a Linear issue of the settings' team, or (no tracker chosen)
 * any of those or a GitHub issue. Pages, lists, pull requests, "new issue"
 * forms, look-alike hosts and links with credentials are not. Pure: a few
 * regular expressions, small enough for the content scripts, which look for
 * these links in the composer and the ticket's notes.
 */

/** What the tracker settings say, as far as links go. */
export type TrackerLinkConfig =
  { kind: 'jira'; site: string } | { kind: 'linear'; teamKey: string } | { kind: 'none' };

export interface TrackerIssue {
  tracker: 'jira' | 'linear' | 'github';
  /** `ENG-123`, or `owner/repo#45` on GitHub. */
  key: string;
  /** The issue's own link, without query or fragment (comment anchors, `?focusedCommentId`). */
  url: string;
}

const ISSUE_KEY = /^([A-Z][A-Z0-9_]{0,9})-([1-9][0-9]{0,8})$/;
const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})$/;

function jiraIssue(url: URL, config: TrackerLinkConfig): TrackerIssue | undefined {
  const host = url.hostname;
  const allowed =
    config.kind === 'jira'
      ? host === config.site.trim().toLowerCase()
      : config.kind === 'none' && /^[a-z0-9][a-z0-9-]*\.atlassian\.net$/.test(host);
  if (!allowed) return undefined;
  // `/browse/ENG-123`, or a board or search with the issue opened beside it.
  const browse = /^\/browse\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const selected = url.pathname.startsWith('/jira/')
    ? (url.searchParams.get('selectedIssue') ?? undefined)
    : undefined;
  const key = browse ?? selected;
  if (!key || !ISSUE_KEY.test(key)) return undefined;
  return { tracker: 'jira', key, url: `https://${host}/browse/${key}` };
}

function linearIssue(url: URL, config: TrackerLinkConfig): TrackerIssue | undefined {
  if (url.hostname !== 'linear.app' || config.kind === 'jira') return undefined;
  const m = /^\/([a-z0-9][a-z0-9_-]*)\/issue\/([^/]+)(?:\/[^/]*)?\/?$/.exec(url.pathname);
  const key = m?.[2];
  const parts = key ? ISSUE_KEY.exec(key) : null;
  if (!m || !key || !parts) return undefined;
  if (config.kind === 'linear' && parts[1] !== config.teamKey.trim().toUpperCase()) {
    return undefined;
  }
  return { tracker: 'linear', key, url: `https://linear.app/${m[1]}/issue/${key}` };
}

function githubIssue(url: URL, config: TrackerLinkConfig): TrackerIssue | undefined {
  if (url.hostname !== 'github.com' || config.kind !== 'none') return undefined;
  const m = /^\/([^/]+)\/([^/]+)\/issues\/([1-9][0-9]{0,9})\/?$/.exec(url.pathname);
  if (!m || !GITHUB_NAME.test(m[1]!) || !GITHUB_NAME.test(m[2]!)) return undefined;
  const [, owner, repo, number] = m;
  return {
    tracker: 'github',
    key: `${owner}/${repo}#${number}`,
    url: `https://github.com/${owner}/${repo}/issues/${number}`,
  };
}

/** The issue `link` names, or undefined when it is not an issue of the configured tracker. */
export function parseTrackerIssueUrl(
  link: string,
  config: TrackerLinkConfig,
): TrackerIssue | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  // https only, on the default port, with no credentials that could hide the real host.
  if (url.protocol !== 'https:' || url.port || url.username || url.password) return undefined;
  return jiraIssue(url, config) ?? linearIssue(url, config) ?? githubIssue(url, config);
}

/** Characters that end a sentence around a link rather than belong to it. */
const TRAILING = /[).,;:!?'"\]>}]+$/;

/** The https links written in `text`, without the punctuation of the sentence around them. */
export function linksInText(text: string): string[] {
  return Array.from(text.matchAll(/https:\/\/[^\s<>"'`]+/g), (m) => m[0].replace(TRAILING, ''));
}

/**
 * The issues of the configured tracker among `links` (hrefs) and the links
 * written in `texts` (a note, the composer), each once, in order.
 */
export function trackerIssuesIn(
  texts: readonly string[],
  links: readonly string[],
  config: TrackerLinkConfig,
): TrackerIssue[] {
  const candidates = [...links, ...texts.flatMap(linksInText)];
  const seen = new Set<string>();
  const out: TrackerIssue[] = [];
  for (const candidate of candidates) {
    const issue = parseTrackerIssueUrl(candidate, config);
    if (issue && !seen.has(issue.url)) {
      seen.add(issue.url);
      out.push(issue);
    }
  }
  return out;
}
