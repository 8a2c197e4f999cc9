import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_TEMPLATE } from './default-template';
import { applyMutation, migrateRun } from './engine';
import { WorkflowError } from './errors';
import { templateSchema, type WorkflowTemplate, type WorkflowTemplateInput } from './schema';
import { AGENT, T0, done, scenario, setField } from './testing';
import { nextTemplateVersion } from './versioning';

const T = DEFAULT_TEMPLATE;
const clone = <V>(v: V): V => JSON.parse(JSON.stringify(v)) as V;

/** The default template with one step's title changed. */
function edited(title = 'Acknowledge within the SLA'): WorkflowTemplateInput {
  const t = clone(T) as WorkflowTemplateInput;
  const first = t.sections[0]?.steps[0];
  if (first) first.title = title;
  return t;
}

describe('nextTemplateVersion', () => {
  it('keeps the version when the content is unchanged (key order and defaults ignored)', () => {
    const reordered = Object.fromEntries(
      Object.entries(clone(T)).reverse(),
    ) as WorkflowTemplateInput;
    const r = nextTemplateVersion(T, reordered);
    expect(r.changed).toBe(false);
    expect(r.template.version).toBe(1);
    expect(r.template).toBe(T);
    // Omitting defaulted values is the same content.
    const sparse = clone(T) as WorkflowTemplateInput;
    for (const section of sparse.sections) for (const step of section.steps) delete step.actions;
    const noActions = templateSchema.parse(sparse);
    expect(nextTemplateVersion(noActions, sparse).changed).toBe(false);
  });

  it('makes version latest + 1 when anything changed, whatever version the editor sent', () => {
    const r = nextTemplateVersion(T, { ...edited(), version: 1 });
    expect(r.changed).toBe(true);
    expect(r.template.version).toBe(2);
    const r3 = nextTemplateVersion(r.template, { ...edited('Acknowledge fast'), version: 1 });
    expect(r3.template.version).toBe(3);
  });

  it('saves a first template with its own version', () => {
    const r = nextTemplateVersion(undefined, clone(T));
    expect(r).toMatchObject({ changed: true, template: { version: 1 } });
  });

  it('throws a ZodError for an invalid template, and refuses another workflow id', () => {
    const bad = clone(T) as WorkflowTemplateInput;
    bad.name = '';
    expect(() => nextTemplateVersion(T, bad)).toThrow(z.ZodError);
    expect(() => nextTemplateVersion(T, { ...clone(T), id: 'other-flow' })).toThrow(WorkflowError);
  });
});

describe('template schema', () => {
  const issues = (t: WorkflowTemplateInput) => {
    const r = templateSchema.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('rejects duplicate step ids and duplicate field ids', () => {
    const t = clone(T) as WorkflowTemplateInput;
    const steps = t.sections[0]!.steps;
    steps[1]!.id = 'acknowledge';
    expect(issues(t)).toContain('duplicate step id "acknowledge"');
    const t2 = clone(T) as WorkflowTemplateInput;
    const fields = t2.sections[0]!.steps[1]!.fields!;
    fields[1]!.id = 'plan';
    expect(issues(t2)).toContain('duplicate field id "plan" in step "verify-account"');
  });

  it('rejects references to unknown steps and fields', () => {
    const t = clone(T) as WorkflowTemplateInput;
    t.sections[0]!.steps[3]!.when = { kind: 'step', stepId: 'no-such-step', is: ['done'] };
    t.policy.severityField = { stepId: 'assign-severity', fieldId: 'sev' };
    t.clocks![0]!.stopWhen = { kind: 'field', field: { stepId: 'close', fieldId: 'x' }, op: 'set' };
    const messages = issues(t);
    expect(messages).toContain('unknown step "no-such-step"');
    expect(messages).toContain('unknown field assign-severity/sev');
    expect(messages).toContain('unknown field close/x');
  });

  it('rejects duplicate section, clock, message and gate ids, and patterns that do not compile', () => {
    const t = clone(T) as WorkflowTemplateInput;
    t.sections[1]!.id = 'triage';
    t.clocks![1]!.id = 'first-response';
    t.messages![1]!.id = 'first-touch';
    t.sections[5]!.steps[3]!.gates!.push({
      id: 'root-cause',
      require: { kind: 'plan', in: ['paid'] },
      message: 'x',
    });
    const url = t.sections[3]!.steps[0]!.fields![0]!;
    if (url.type === 'url') url.allow = ['^https://(unclosed'];
    const messages = issues(t);
    expect(messages).toContain('duplicate section id "triage"');
    expect(messages).toContain('duplicate clock id "first-response"');
    expect(messages).toContain('duplicate message id "first-touch"');
    expect(messages).toContain('duplicate gate (step "close") id "root-cause"');
    expect(messages).toContain('invalid regular expression "^https://(unclosed"');
  });

  it('rejects ids that are not kebab-case', () => {
    const t = clone(T) as WorkflowTemplateInput;
    t.sections[0]!.steps[0]!.id = 'Acknowledge Ticket';
    expect(issues(t).join(' ')).toContain('kebab-case');
  });
});

describe('runs and versions', () => {
  function v2(mutate: (t: WorkflowTemplateInput) => void): WorkflowTemplate {
    const t = clone(T) as WorkflowTemplateInput;
    mutate(t);
    return nextTemplateVersion(T, t).template;
  }

  it('a run stays on its version: a newer template does not apply to it until migrated', () => {
    const s = scenario();
    const next = v2((t) => {
      t.sections[0]!.steps[0]!.title = 'Acknowledge quickly';
    });
    expect(next.version).toBe(2);
    expect(s.run.templateVersion).toBe(1);
    expect(() =>
      applyMutation(next, s.run, { type: 'record-action', action: 'x' }, AGENT, T0),
    ).toThrow(/migrate it first/);
    const migrated = migrateRun(s.run, T, next, AGENT, T0 + 1);
    expect(migrated.run.templateVersion).toBe(2);
    expect(migrated.run.revision).toBe(s.run.revision + 1);
    expect(() =>
      applyMutation(next, migrated.run, { type: 'record-action', action: 'x' }, AGENT, T0 + 2),
    ).not.toThrow();
  });

  it('migrateRun keeps what still exists and records what was dropped', () => {
    let s = setField(scenario(), 'collect-repro', 'browser', 'Chrome 131');
    s = setField(s, 'collect-repro', 'os', 'macOS');
    s = setField(s, 'assign-severity', 'severity', 'SEV4');
    s = done(s, 'check-runbook');
    s = done(s, 'workaround');
    const next = v2((t) => {
      // Drop the "workaround" step and the OS field; narrow severity to SEV1–SEV3.
      const tier1 = t.sections[2]!;
      tier1.steps = tier1.steps.filter((x) => x.id !== 'workaround');
      const repro = t.sections[1]!.steps[0]!;
      repro.fields = repro.fields!.filter((x) => x.id !== 'os');
      const sev = t.sections[0]!.steps[2]!.fields![0]!;
      if (sev.type === 'single-choice') sev.options = sev.options.filter((o) => o.value !== 'SEV4');
    });
    const r = migrateRun(s.run, T, next, AGENT, T0 + 5);
    expect(r.run.values['collect-repro']?.browser?.value).toBe('Chrome 131');
    expect(r.run.values['collect-repro']?.os).toBeUndefined();
    expect(r.run.values['assign-severity']?.severity).toBeUndefined();
    expect(r.run.steps['check-runbook']?.status).toBe('done');
    expect(r.run.steps.workaround).toBeUndefined();
    expect(r.report.droppedSteps).toEqual(['workaround']);
    expect(r.report.droppedFields.map((f) => f.field)).toEqual([
      'collect-repro/os',
      'assign-severity/severity',
    ]);
    expect(r.events).toEqual([
      expect.objectContaining({
        type: 'template-migrated',
        by: AGENT,
        old: expect.objectContaining({ templateVersion: 1 }),
        new: expect.objectContaining({ templateVersion: 2 }),
        note: expect.stringContaining('step workaround'),
      }),
    ]);
    // The dropped data stays in the record.
    const old = r.events[0]?.old as { dropped: { values: Record<string, { value: unknown }> } };
    expect(old.dropped.values['collect-repro/os']?.value).toBe('macOS');
  });

  it('refuses to migrate from a version the run is not on', () => {
    const s = scenario();
    const next = v2((t) => {
      t.name = 'Renamed';
    });
    expect(() => migrateRun(s.run, next, T, AGENT, T0)).toThrow(WorkflowError);
  });
});
