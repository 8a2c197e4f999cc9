import { describe, expect, it } from 'vitest';
import { DEFAULT_IDS } from './default-ids';
import { DEFAULT_TEMPLATE } from './default-template';
import { fieldRefByRole } from './roles';
import { MIN, T0, setField, scenario, step, type Scenario } from './testing';

const F = DEFAULT_IDS.fields;

function value(s: Scenario, ref: { stepId: string; fieldId: string }) {
  return s.run.values[ref.stepId]?.[ref.fieldId]?.value;
}

function sev1(): Scenario {
  return setField(scenario(), F.severity.stepId, F.severity.fieldId, 'SEV1', T0 + MIN);
}

function record(s: Scenario, action: string, data?: unknown, stepId?: string): Scenario {
  return step(
    s,
    {
      type: 'record-action',
      action,
      ...(stepId ? { stepId } : {}),
      ...(data !== undefined ? { data } : {}),
    },
    s.now + MIN,
  );
}

describe('what Casebook did, the run records', () => {
  it('a page PagerDuty accepted fills the incident field, in the same revision', () => {
    const s = sev1();
    const next = record(
      s,
      'page-accepted',
      {
        type: 'page-accepted',
        dedupKey: 'casebook-zendesk-4821',
        status: 202,
        message: 'Event processed',
      },
      'page-sev1',
    );
    expect(value(next, F.pagerdutyIncident)).toBe('PagerDuty casebook-zendesk-4821');
    expect(next.run.revision).toBe(s.run.revision + 1);
    expect(next.events.slice(-2).map((e) => e.type)).toEqual(['action', 'field-set']);
  });

  it('never overwrites an incident the agent entered', () => {
    const s = setField(sev1(), F.pagerdutyIncident.stepId, F.pagerdutyIncident.fieldId, 'PD-1234');
    const next = record(s, 'page-accepted', { dedupKey: 'k' });
    expect(value(next, F.pagerdutyIncident)).toBe('PD-1234');
  });

  it('an inserted ETA update ticks "ETA update sent"', () => {
    const next = record(sev1(), 'insert-eta-update', undefined, 'eta-update');
    expect(value(next, F.etaSent)).toBe(true);
  });

  it('a status-page update marked posted sets the state and ticks step 4', () => {
    const next = record(sev1(), 'status-page-update', { state: 'investigating' });
    expect(value(next, F.lastStatusUpdate)).toBe('investigating');
    expect(value(next, F.statusPagePosted)).toBe(true);
    const later = record(next, 'status-page-update', { state: 'identified' });
    expect(value(later, F.lastStatusUpdate)).toBe('identified');
  });

  it('other actions and unknown states fill nothing', () => {
    const s = sev1();
    expect(record(s, 'copy-incident-channel').run.values).toEqual(s.run.values);
    expect(record(s, 'status-page-update', { state: 'on fire' }).run.values).toEqual(s.run.values);
  });
});

describe('the copied incident channel', () => {
  // Found by role, as the action finds it: a renamed template behaves the same.
  const channel = fieldRefByRole(DEFAULT_TEMPLATE, 'incident-channel')!;
  const severity = fieldRefByRole(DEFAULT_TEMPLATE, 'severity')!;
  const sev1Run = () => setField(scenario(), severity.stepId, severity.fieldId, 'SEV1', T0 + MIN);

  it('fills the channel field with the name Casebook gave it', () => {
    const next = record(sev1Run(), 'copy-incident-channel', { channel: '#incident-4242' });
    expect(value(next, channel)).toBe('#incident-4242');
  });

  it('never overwrites a channel the agent typed, and takes nothing that is not a channel name', () => {
    const typed = setField(sev1Run(), channel.stepId, channel.fieldId, '#incident-northwind');
    expect(
      value(record(typed, 'copy-incident-channel', { channel: '#incident-4242' }), channel),
    ).toBe('#incident-northwind');
    const s = sev1Run();
    expect(record(s, 'copy-incident-channel', { channel: 'drop table' }).run.values).toEqual(
      s.run.values,
    );
  });
});
