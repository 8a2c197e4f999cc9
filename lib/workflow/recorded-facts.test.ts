import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import type { Role } from './roles';
import type { FieldRef, WorkflowTemplate } from './schema';
import {
  MIN,
  T0,
  fieldOfRole,
  renameEveryId,
  setField,
  scenario,
  step,
  type Scenario,
} from './testing';

function value(s: Scenario, ref: FieldRef) {
  return s.run.values[ref.stepId]?.[ref.fieldId]?.value;
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

// The facts land on the fields of their role, so a template whose ids were all renamed gets the same.
describe.each([
  ['the default template', DEFAULT_TEMPLATE],
  ['a template with every id renamed', renameEveryId(DEFAULT_TEMPLATE).template],
])('what Casebook did, the run records (%s)', (_name, template: WorkflowTemplate) => {
  const field = (role: Role) => fieldOfRole(template, role);
  const F = {
    pagerdutyIncident: field('pagerduty-incident'),
    etaSent: field('eta-sent'),
    lastStatusUpdate: field('status-page-state'),
    statusPagePosted: field('status-page-posted'),
  };

  function sev1(): Scenario {
    const severity = template.policy.severityField;
    return setField(scenario({}, template), severity.stepId, severity.fieldId, 'SEV1', T0 + MIN);
  }

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
      F.pagerdutyIncident.stepId,
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
    const next = record(sev1(), 'insert-eta-update', undefined, F.etaSent.stepId);
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

  describe('the copied incident channel', () => {
    const channel = field('incident-channel');

    it('fills the channel field with the name Casebook gave it', () => {
      const next = record(sev1(), 'copy-incident-channel', { channel: '#incident-4242' });
      expect(value(next, channel)).toBe('#incident-4242');
    });

    it('never overwrites a channel the agent typed, and takes nothing that is not a channel name', () => {
      const typed = setField(sev1(), channel.stepId, channel.fieldId, '#incident-northwind');
      expect(
        value(record(typed, 'copy-incident-channel', { channel: '#incident-4242' }), channel),
      ).toBe('#incident-northwind');
      const s = sev1();
      expect(record(s, 'copy-incident-channel', { channel: 'drop table' }).run.values).toEqual(
        s.run.values,
      );
    });
  });
});
