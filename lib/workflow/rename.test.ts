import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { deriveRunView } from './derive';
import { fillMessage } from './messages';
import { renameId, renamePlaceholders } from './rename';
import { templateSchema, type WorkflowTemplate } from './schema';
import { renameEveryId, scenario, setField, done, T0, MIN, type Scenario } from './testing';

/** Every step id a template names anywhere outside its steps' own `id`. */
function referencedStepIds(template: WorkflowTemplate): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x) => walk(x, key));
      if (key === 'askCustomerSteps') v.forEach((x) => out.add(String(x)));
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'stepId' && typeof x === 'string') out.add(x);
      walk(x, k);
    }
  };
  walk({ policy: template.policy, clocks: template.clocks });
  for (const step of template.sections.flatMap((s) => s.steps)) {
    walk({ when: step.when, gates: step.gates, fields: step.fields.map((f) => f.when) });
  }
  return out;
}

describe('renameId', () => {
  it('renames a field in conditions, gates, clocks, the policy and placeholders', () => {
    const out = renameId(DEFAULT_TEMPLATE, {
      kind: 'field',
      stepId: 'collect-repro',
      from: 'request-id',
      to: 'trace-id',
    });
    const parsed = templateSchema.parse(out);
    const fileBug = parsed.sections.flatMap((s) => s.steps).find((s) => s.id === 'file-bug');
    expect(fileBug?.gates[0]?.require).toEqual({
      kind: 'field',
      field: { stepId: 'collect-repro', fieldId: 'trace-id' },
      op: 'set',
    });
    // Another step's field with the same id is not touched.
    expect(JSON.stringify(fileBug?.fields)).not.toContain('trace-id');
    const severity = renameId(DEFAULT_TEMPLATE, {
      kind: 'field',
      stepId: 'assign-severity',
      from: 'severity',
      to: 'sev',
    });
    expect(severity.policy.severityField).toEqual({ stepId: 'assign-severity', fieldId: 'sev' });
    const statusClock = severity.clocks.find((c) => c.id === 'status-page');
    expect(statusClock?.start).toEqual({
      kind: 'field-set',
      field: { stepId: 'assign-severity', fieldId: 'sev' },
    });
    const tag = renameId(DEFAULT_TEMPLATE, {
      kind: 'field',
      stepId: 'fix-shipped',
      from: 'release-tag',
      to: 'version',
    });
    const fixShipped = tag.messages.find((m) => m.purpose === 'fix-shipped');
    expect(fixShipped?.body).toContain('{{fix-shipped.version}}');
    expect(fixShipped?.body).not.toContain('release-tag');
  });

  it('renames a step in step conditions, clock anchors, SLA steps, field refs and placeholders', () => {
    const out = templateSchema.parse(
      renameId(DEFAULT_TEMPLATE, { kind: 'step', from: 'fix-shipped', to: 'shipped' }),
    );
    expect(out.clocks.find((c) => c.id === 'resolution')?.stopWhen).toEqual({
      kind: 'step',
      stepId: 'shipped',
      is: ['done'],
    });
    expect(out.messages.find((m) => m.purpose === 'closing-note')?.body).toContain(
      '{{shipped.release-tag?}}',
    );
    const confirm = templateSchema.parse(
      renameId(DEFAULT_TEMPLATE, { kind: 'step', from: 'confirm-fix', to: 'check-with-customer' }),
    );
    expect(confirm.policy.sla?.askCustomerSteps).toContain('check-with-customer');
    expect(confirm.policy.sla?.askCustomerSteps).not.toContain('confirm-fix');
    expect(referencedStepIds(confirm)).not.toContain('confirm-fix');
  });

  it('refuses a rename onto a taken id or of an id that does not exist', () => {
    expect(renameId(DEFAULT_TEMPLATE, { kind: 'step', from: 'close', to: 'acknowledge' })).toBe(
      DEFAULT_TEMPLATE,
    );
    expect(
      renameId(DEFAULT_TEMPLATE, { kind: 'field', stepId: 'close', from: 'nope', to: 'x' }),
    ).toBe(DEFAULT_TEMPLATE);
    expect(
      renameId(DEFAULT_TEMPLATE, {
        kind: 'field',
        stepId: 'collect-repro',
        from: 'os',
        to: 'browser',
      }),
    ).toBe(DEFAULT_TEMPLATE);
  });

  it('rewrites only placeholders that name a field of the renamed step', () => {
    const r = { kind: 'step', from: 'bug', to: 'defect' } as const;
    expect(renamePlaceholders('{{bug.url}} {{ bug.id }} {{bug}}', r, new Set(['url']))).toBe(
      '{{defect.url}} {{ bug.id }} {{bug}}',
    );
  });
});

describe('renaming every id of the default template', () => {
  const renamed = renameEveryId(DEFAULT_TEMPLATE);
  const oldSteps = DEFAULT_TEMPLATE.sections.flatMap((s) => s.steps.map((st) => st.id));

  it('leaves no reference to an old id, and the schema accepts it', () => {
    const refs = referencedStepIds(renamed.template);
    expect(refs.size).toBeGreaterThan(5);
    for (const id of refs) expect(id).toMatch(/^st-\d+$/);
    for (const message of renamed.template.messages) {
      for (const body of [message.body, ...Object.values(message.byPlan ?? {})]) {
        for (const [, name] of body.matchAll(/\{\{\s*([a-z0-9-]+)\.[a-z0-9-]+\s*\}\}/g)) {
          expect(oldSteps, `${message.id}: {{${name}…}}`).not.toContain(name);
        }
      }
    }
  });

  /** The same SEV1 story on both templates, addressed through each one's ids. */
  function play(
    template: WorkflowTemplate,
    step: (id: string) => string,
    field: typeof renamed.field,
  ) {
    let s: Scenario = scenario({}, template);
    const set = (st: string, f: string, v: Parameters<typeof setField>[3], at: number) =>
      (s = setField(s, step(st), field(st, f), v, at));
    set('verify-account', 'plan', 'enterprise', T0 + MIN);
    set('assign-severity', 'severity', 'SEV1', T0 + 2 * MIN);
    set('assign-severity', 'impact', 'Exports fail for every user', T0 + 3 * MIN);
    s = done(s, step('escalation-page'), T0 + 4 * MIN);
    set('fix-shipped', 'release-tag', 'v2026.03.1', T0 + 5 * MIN);
    set('file-bug', 'bug-url', 'https://acme.atlassian.net/browse/ENG-42', T0 + 6 * MIN);
    return s;
  }

  it('derives the same gates, clocks and messages as the original', () => {
    const same = (id: string) => id;
    const a = play(DEFAULT_TEMPLATE, same, (_s, f) => f);
    const b = play(renamed.template, renamed.step, renamed.field);
    const now = T0 + 20 * MIN;
    const va = deriveRunView(a.template, a.run, now);
    const vb = deriveRunView(b.template, b.run, now);
    expect(vb.clocks.map(({ id, state, dueAt }) => ({ id, state, dueAt }))).toEqual(
      va.clocks.map(({ id, state, dueAt }) => ({ id, state, dueAt })),
    );
    const gates = (v: typeof va) =>
      v.sections
        .flatMap((sec) => sec.steps)
        .map((st) => [st.step.title, st.gates.map((g) => g.open), st.applicable])
        .sort();
    expect(gates(vb)).toEqual(gates(va));
    // Same text; a placeholder still empty is named by its new id.
    const blank = (t: string) => t.replace(/\{\{[^}]*\}\}/g, '{{…}}');
    for (const message of DEFAULT_TEMPLATE.messages) {
      const fa = fillMessage(a.template, message.id, a.run);
      const fb = fillMessage(b.template, message.id, b.run);
      expect(blank(fb.text), message.id).toBe(blank(fa.text));
      expect(fb.missing.length, message.id).toBe(fa.missing.length);
    }
  });
});

describe('renaming keeps an optional placeholder optional', () => {
  it('rewrites {{step.field?}}', () => {
    expect(
      renamePlaceholders(
        'Fix: {{fix-shipped.release-tag?}}',
        { kind: 'step', from: 'fix-shipped', to: 'ship' },
        new Set(['release-tag']),
      ),
    ).toBe('Fix: {{ship.release-tag?}}');
  });
});
