import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { pageSuggestions, suggestionKey, type PageFacts } from './page-suggestions';
import type { FieldRef } from './schema';
import { fieldOfRole, renameEveryId, scenario, setField } from './testing';

const F = {
  severity: fieldOfRole(DEFAULT_TEMPLATE, 'severity'),
  plan: fieldOfRole(DEFAULT_TEMPLATE, 'plan'),
  bug: fieldOfRole(DEFAULT_TEMPLATE, 'bug-url'),
  occurred: fieldOfRole(DEFAULT_TEMPLATE, 'occurred-at'),
  visible: fieldOfRole(DEFAULT_TEMPLATE, 'visible-at'),
};
const keyOf = (ref: FieldRef) => suggestionKey(ref.stepId, ref.fieldId);
const severity = keyOf(F.severity);
const plan = keyOf(F.plan);
const bug = keyOf(F.bug);
const occurred = keyOf(F.occurred);
const visible = keyOf(F.visible);
const MAPPED: PageFacts = { severityByPriority: { urgent: 'SEV1', high: 'SEV2' } };
const JIRA_LINK = {
  url: 'https://acme.atlassian.net/browse/ENG-7',
  key: 'ENG-7',
  where: 'note',
} as const;

describe('severity from the ticket priority', () => {
  it('offers the severity the team maps the priority to, saying why', () => {
    const s = scenario({ priority: 'urgent', priorityLabel: 'Urgent' });
    expect(pageSuggestions(s.template, s.run, MAPPED).get(severity)).toEqual({
      kind: 'value',
      value: 'SEV1',
      shown: 'SEV1',
      because: 'priority Urgent',
    });
  });

  it('offers nothing without a mapping, for an unmapped priority, or once a severity is set', () => {
    const urgent = scenario({ priority: 'urgent' });
    expect(pageSuggestions(urgent.template, urgent.run).has(severity)).toBe(false);
    const normal = scenario({ priority: 'normal' });
    expect(pageSuggestions(normal.template, normal.run, MAPPED).has(severity)).toBe(false);
    const set = setField(urgent, F.severity.stepId, F.severity.fieldId, 'SEV3');
    expect(pageSuggestions(set.template, set.run, MAPPED).has(severity)).toBe(false);
  });

  it('finds the severity field by its role in a rebuilt template', () => {
    const renamed = renameEveryId(DEFAULT_TEMPLATE);
    const s = scenario({ priority: 'high', plan: 'enterprise' }, renamed.template);
    const out = pageSuggestions(s.template, s.run, MAPPED);
    const key = suggestionKey(
      renamed.step(F.severity.stepId),
      renamed.field(F.severity.stepId, F.severity.fieldId),
    );
    expect(out.get(key)).toMatchObject({ value: 'SEV2' });
    const planKey = suggestionKey(
      renamed.step(F.plan.stepId),
      renamed.field(F.plan.stepId, F.plan.fieldId),
    );
    expect(out.get(planKey)).toMatchObject({ value: 'enterprise', shown: 'Enterprise' });
  });
});

describe('plan tier from the page', () => {
  it('offers the option the page names by value or label, and nothing for unknown plans', () => {
    const s = scenario({ plan: 'Enterprise' });
    expect(pageSuggestions(s.template, s.run).get(plan)).toMatchObject({ value: 'enterprise' });
    const odd = scenario({ plan: 'Platinum' });
    expect(pageSuggestions(odd.template, odd.run).has(plan)).toBe(false);
  });
});

describe('bug link from the page', () => {
  it('offers the newest issue link the field accepts, saying where it was', () => {
    const s = scenario();
    const out = pageSuggestions(s.template, s.run, {
      issueLinks: [
        JIRA_LINK,
        { url: 'https://linear.app/acme/issue/ENG-9', key: 'ENG-9', where: 'composer' },
      ],
    });
    expect(out.get(bug)).toEqual({
      kind: 'value',
      value: 'https://linear.app/acme/issue/ENG-9',
      shown: 'ENG-9',
      because: 'in your draft',
    });
  });

  it('skips links the field would refuse and offers nothing once a bug is recorded', () => {
    const s = scenario();
    // The default bug field allows Jira and Linear issue links only.
    const github = {
      url: 'https://github.com/acme/api/issues/3',
      key: 'acme/api#3',
      where: 'note',
    } as const;
    expect(pageSuggestions(s.template, s.run, { issueLinks: [github] }).has(bug)).toBe(false);
    expect(
      pageSuggestions(s.template, s.run, { issueLinks: [JIRA_LINK, github] }).get(bug),
    ).toMatchObject({
      value: JIRA_LINK.url,
      because: 'in a note',
    });
    const filed = setField(
      s,
      F.bug.stepId,
      F.bug.fieldId,
      'https://acme.atlassian.net/browse/ENG-1',
    );
    expect(pageSuggestions(filed.template, filed.run, { issueLinks: [JIRA_LINK] }).has(bug)).toBe(
      false,
    );
  });
});

describe("customer's time zone from the page", () => {
  it('offers the zone on every customer-time field until its time is entered in that zone', () => {
    const s = scenario({ customerTimeZone: 'Europe/Paris' });
    let out = pageSuggestions(s.template, s.run);
    // An empty "when it happened" gets the ticket's creation time, in that zone.
    expect(out.get(occurred)).toMatchObject({ kind: 'value', value: { timeZone: 'Europe/Paris' } });
    expect(out.get(visible)).toEqual({ kind: 'zone', zone: 'Europe/Paris' });
    const inAgentZone = setField(s, F.occurred.stepId, F.occurred.fieldId, {
      local: '2026-11-26T10:00',
      timeZone: 'America/New_York',
    });
    expect(pageSuggestions(inAgentZone.template, inAgentZone.run).get(occurred)).toMatchObject({
      zone: 'Europe/Paris',
    });
    const inCustomerZone = setField(s, F.occurred.stepId, F.occurred.fieldId, {
      local: '2026-11-26T10:00',
      timeZone: 'Europe/Paris',
    });
    out = pageSuggestions(inCustomerZone.template, inCustomerZone.run);
    expect(out.has(occurred)).toBe(false);
    expect(out.has(visible)).toBe(true);
  });

  it('offers no zone when the page shows none', () => {
    const s = scenario({ createdAt: undefined });
    expect(pageSuggestions(s.template, s.run).has(occurred)).toBe(false);
    expect(pageSuggestions(s.template, s.run).has(visible)).toBe(false);
  });
});

describe('when it happened: the ticket creation time from the page', () => {
  const CREATED = Date.UTC(2026, 10, 24, 14, 3, 11);
  for (const [name, template] of [
    ['default', DEFAULT_TEMPLATE],
    ['renamed', renameEveryId(DEFAULT_TEMPLATE).template],
  ] as const) {
    it(`offers it in the customer's zone, to the minute (${name} template)`, () => {
      const s = scenario({ createdAt: CREATED, customerTimeZone: 'Europe/Lisbon' }, template);
      const ref = fieldOfRole(template, 'occurred-at');
      expect(pageSuggestions(s.template, s.run).get(keyOf(ref))).toEqual({
        kind: 'value',
        value: { local: '2026-11-24T14:03', timeZone: 'Europe/Lisbon' },
        shown: 'Tue 24 Nov, 14:03 Lisbon time',
        because: 'ticket created',
      });
    });
  }

  it('in UTC when the page shows no customer zone', () => {
    const s = scenario({ createdAt: CREATED });
    expect(pageSuggestions(s.template, s.run).get(occurred)).toMatchObject({
      value: { local: '2026-11-24T14:03', timeZone: 'UTC' },
      shown: 'Tue 24 Nov, 14:03 UTC',
    });
  });

  it('not once the agent entered a time, nor without a creation time', () => {
    const s = setField(scenario({ createdAt: CREATED }), F.occurred.stepId, F.occurred.fieldId, {
      local: '2026-11-24T08:00',
      timeZone: 'UTC',
    });
    expect(pageSuggestions(s.template, s.run).has(occurred)).toBe(false);
    const none = scenario({ createdAt: undefined });
    expect(pageSuggestions(none.template, none.run).has(occurred)).toBe(false);
  });
});
