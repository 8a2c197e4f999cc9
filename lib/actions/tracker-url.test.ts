import { describe, expect, it } from 'vitest';
import { parseTrackerIssueUrl, trackerIssuesIn, type TrackerLinkConfig } from './tracker-url';

const JIRA: TrackerLinkConfig = { kind: 'jira', site: 'acme.atlassian.net' };
const JIRA_OWN_DOMAIN: TrackerLinkConfig = { kind: 'jira', site: 'jira.acme.com' };
const LINEAR: TrackerLinkConfig = { kind: 'linear', teamKey: 'ENG' };
const NONE: TrackerLinkConfig = { kind: 'none' };

// refined-github style: each URL with what it is under each tracker setting.
const ISSUES: Array<[url: string, config: TrackerLinkConfig, key: string, canonical: string]> = [
  [
    'https://acme.atlassian.net/browse/ENG-123',
    JIRA,
    'ENG-123',
    'https://acme.atlassian.net/browse/ENG-123',
  ],
  [
    'https://acme.atlassian.net/browse/ENG-123/?focusedCommentId=10002#comment-10002',
    JIRA,
    'ENG-123',
    'https://acme.atlassian.net/browse/ENG-123',
  ],
  [
    'https://ACME.atlassian.net/jira/software/projects/ENG/boards/4?selectedIssue=ENG-77',
    JIRA,
    'ENG-77',
    'https://acme.atlassian.net/browse/ENG-77',
  ],
  [
    'https://jira.acme.com/browse/OPS_2-9',
    JIRA_OWN_DOMAIN,
    'OPS_2-9',
    'https://jira.acme.com/browse/OPS_2-9',
  ],
  [
    'https://other.atlassian.net/browse/ENG-5',
    NONE,
    'ENG-5',
    'https://other.atlassian.net/browse/ENG-5',
  ],
  [
    'https://linear.app/acme/issue/ENG-42/webhooks-use-old-secret',
    LINEAR,
    'ENG-42',
    'https://linear.app/acme/issue/ENG-42',
  ],
  [
    'https://linear.app/acme/issue/ENG-42/',
    LINEAR,
    'ENG-42',
    'https://linear.app/acme/issue/ENG-42',
  ],
  ['https://linear.app/acme/issue/OPS-3', NONE, 'OPS-3', 'https://linear.app/acme/issue/OPS-3'],
  [
    'https://github.com/acme/api/issues/1504#issuecomment-99',
    NONE,
    'acme/api#1504',
    'https://github.com/acme/api/issues/1504',
  ],
];

const NOT_ISSUES: Array<[url: string, config: TrackerLinkConfig, why: string]> = [
  ['https://acme.atlassian.net/browse/ENG', JIRA, 'a project, not an issue'],
  ['https://acme.atlassian.net/browse/ENG-0', JIRA, 'issue numbers start at 1'],
  ['https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=1', JIRA, 'the create form'],
  ['https://acme.atlassian.net/jira/software/projects/ENG/boards/4', JIRA, 'a board'],
  ['https://acme.atlassian.net/wiki/x?selectedIssue=ENG-1', JIRA, 'not a Jira page'],
  ['https://other.atlassian.net/browse/ENG-1', JIRA, 'another Jira site'],
  ['https://acme.atlassian.net.evil.example/browse/ENG-1', JIRA, 'look-alike host'],
  ['https://evilacme.atlassian.net/browse/ENG-1', JIRA, 'look-alike subdomain'],
  ['https://acme.atlassian.net@evil.example/browse/ENG-1', JIRA, 'credentials hide the host'],
  ['https://user@acme.atlassian.net/browse/ENG-1', JIRA, 'credentials'],
  ['http://acme.atlassian.net/browse/ENG-1', JIRA, 'not https'],
  ['https://acme.atlassian.net:8443/browse/ENG-1', JIRA, 'another port'],
  ['https://jira.acme.com/browse/ENG-1', NONE, 'an own-domain Jira is known only from settings'],
  ['https://linear.app/acme/issue/ENG-1', JIRA, 'Linear while Jira is the tracker'],
  ['https://linear.app/acme/issue/OPS-1', LINEAR, "another team's issue"],
  ['https://linear.app/acme/project/launch-123', LINEAR, 'a project'],
  ['https://linear.app/acme/issue/ENG', LINEAR, 'no number'],
  ['https://linear.app/team/ENG/new?title=x', LINEAR, 'the new-issue form'],
  ['https://linear.app.evil.example/acme/issue/ENG-1', LINEAR, 'look-alike host'],
  ['https://github.com/acme/api/issues/1504', JIRA, 'GitHub while Jira is the tracker'],
  ['https://github.com/acme/api/pull/1504', NONE, 'a pull request'],
  ['https://github.com/acme/api/issues', NONE, 'the issue list'],
  ['https://github.com/acme/api/issues/new', NONE, 'the new-issue form'],
  ['https://gist.github.com/acme/api/issues/1', NONE, 'another GitHub host'],
  ['javascript:alert(1)//https://github.com/a/b/issues/1', NONE, 'not a link'],
  ['not a url', NONE, 'not a URL'],
];

describe('parseTrackerIssueUrl', () => {
  it.each(ISSUES)('%s is an issue', (url, config, key, canonical) => {
    expect(parseTrackerIssueUrl(url, config)).toMatchObject({ key, url: canonical });
  });

  it.each(NOT_ISSUES)('%s is not one (%s)', (url, config) => {
    expect(parseTrackerIssueUrl(url, config)).toBeUndefined();
  });
});

describe('trackerIssuesIn', () => {
  it('finds the issue written in a note, without the sentence around it, once', () => {
    const note =
      'Filed as https://acme.atlassian.net/browse/ENG-123). Dup of (https://acme.atlassian.net/browse/ENG-123.';
    expect(trackerIssuesIn([note], ['https://acme.atlassian.net/browse/ENG-123'], JIRA)).toEqual([
      { tracker: 'jira', key: 'ENG-123', url: 'https://acme.atlassian.net/browse/ENG-123' },
    ]);
  });

  it('keeps the order and ignores links of other trackers', () => {
    const found = trackerIssuesIn(
      ['see https://linear.app/acme/issue/ENG-9 and https://github.com/acme/api/issues/3'],
      ['https://linear.app/acme/issue/ENG-2'],
      LINEAR,
    );
    expect(found.map((i) => i.key)).toEqual(['ENG-2', 'ENG-9']);
  });

  it('finds nothing in text without links', () => {
    expect(trackerIssuesIn(['ENG-123 is filed'], [], JIRA)).toEqual([]);
  });
});
