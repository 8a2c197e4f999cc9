import { describe, expect, it } from 'vitest';
import { fieldOfPath, isProblemOf, wordProblem, wordProblems } from './field-words';
import { parseSettings } from './index';
import { SETTINGS_VERSION } from './schema';

describe('problems in words', () => {
  it('turns JSON paths into dotted fields', () => {
    expect(fieldOfPath('$.integrations.tracker.site')).toBe('integrations.tracker.site');
    expect(fieldOfPath('$.schedules[1].week.mon[0]')).toBe('schedules.1.week.mon.0');
    expect(fieldOfPath('$["odd key"][2]')).toBe('odd key.2');
    expect(fieldOfPath('$')).toBe('');
  });

  it('names the field and says what to enter, with no JSON path', () => {
    expect(
      wordProblem({ path: '$.integrations.tracker.site', message: 'expected a host name…' }),
    ).toEqual({
      field: 'integrations.tracker.site',
      text: 'Jira site: enter a host like acme.atlassian.net (no https://, path or wildcard)',
    });
    expect(wordProblem({ path: '$.schedules[1].timeZone', message: 'x' }).text).toBe(
      'Schedule 2 time zone: enter an IANA time zone such as Europe/Berlin or America/New_York',
    );
    expect(
      wordProblem({
        path: '$.schedules[0].week.sat[1]',
        message: 'a range must end after it starts',
      }).text,
    ).toBe('Schedule 1, Saturday: a range must end after it starts');
    // Inside an imported bundle, the same words.
    expect(wordProblem({ path: '$.settings.agent.email', message: 'Invalid email' }).text).toBe(
      'E-mail: enter an address like dana@example.com, or leave it empty',
    );
    // A field without an entry is still named in words.
    expect(wordProblem({ path: '$.panel.shortcutHint', message: 'expected boolean' }).text).toBe(
      'panel › shortcutHint: expected boolean',
    );
  });

  it('words every problem a real invalid settings document has, without a $ path', () => {
    const r = parseSettings({
      version: SETTINGS_VERSION,
      agent: { email: 'nope' },
      sla: { firstResponseMinutes: { trial: 0 } },
      integrations: {
        tracker: { kind: 'jira', site: 'https://x/y', projectId: 'ENG', issueTypeId: '1' },
        pagerDuty: { endpoint: 'ftp://pd' },
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const worded = wordProblems(r.problems);
    expect(worded.map((p) => p.field).sort()).toEqual([
      'agent.email',
      'integrations.pagerDuty.endpoint',
      'integrations.tracker.projectId',
      'integrations.tracker.site',
      'sla.firstResponseMinutes.trial',
    ]);
    for (const p of worded) expect(p.text).not.toMatch(/\$|›/);
  });

  it('matches a problem to its field and to fields that contain it', () => {
    const p = { field: 'schedules.0.week.mon.0', text: '' };
    expect(isProblemOf(p, 'schedules.0.week.mon')).toBe(true);
    expect(isProblemOf(p, 'schedules.0.week.mo')).toBe(false);
    expect(isProblemOf(p, 'schedules.1')).toBe(false);
  });

  it("words the agent's time zone next to its field", () => {
    const r = parseSettings({ version: SETTINGS_VERSION, agent: { timeZone: 'Mars/Olympus' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(wordProblems(r.problems)).toEqual([
      {
        field: 'agent.timeZone',
        text: 'Your time zone: pick a zone from the list, like Europe/Lisbon or America/New_York, or leave it empty for this browser’s zone',
      },
    ]);
  });
});
