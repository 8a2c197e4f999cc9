import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { missingRoles } from '../../lib/workflow/role-effects';
import { replaceStep } from './rename-edit';
import { validateDraft, type Draft } from './template-edit';

const draft: Draft = DEFAULT_TEMPLATE;
const where = (id: string) => {
  for (const [si, s] of draft.sections.entries()) {
    const sti = s.steps.findIndex((st) => st.id === id);
    if (sti >= 0) return { si, sti, step: s.steps[sti]! };
  }
  throw new Error(id);
};

describe('replaceStep (the editor renaming ids)', () => {
  it('renaming a field id in the editor rewrites the gate that names it; the draft stays valid', () => {
    const { si, sti, step } = where('collect-repro');
    const next = {
      ...step,
      fields: (step.fields ?? []).map((f) =>
        f.id === 'request-id' ? { ...f, id: 'trace-id' } : f,
      ),
    };
    const out = replaceStep(draft, si, sti, next);
    expect(validateDraft(out).ok).toBe(true);
    expect(JSON.stringify(out)).toContain('"fieldId":"trace-id"');
    // Without the rename the gate would point at a field that no longer exists.
    const plain = {
      ...draft,
      sections: draft.sections.map((s, i) =>
        i === si ? { ...s, steps: s.steps.map((x, j) => (j === sti ? next : x)) } : s,
      ),
    };
    expect(validateDraft(plain).ok).toBe(false);
  });

  it('renaming a step id keeps its conditions, and other edits are taken as they are', () => {
    const { si, sti, step } = where('fix-shipped');
    const out = replaceStep(draft, si, sti, { ...step, id: 'shipped' });
    expect(validateDraft(out).ok).toBe(true);
    const titled = replaceStep(draft, si, sti, { ...step, title: 'Fix is live' });
    expect(titled.sections[si]?.steps[sti]?.title).toBe('Fix is live');
  });
});

describe('missingRoles', () => {
  it('names nothing for the default template, and says what breaks without a role', () => {
    expect(missingRoles(DEFAULT_TEMPLATE)).toEqual([]);
    const noRequestId = {
      ...DEFAULT_TEMPLATE,
      sections: DEFAULT_TEMPLATE.sections.map((s) => ({
        ...s,
        steps: s.steps.map((st) => ({
          ...st,
          fields: st.fields.map((f) => (f.role === 'request-id' ? { ...f, role: undefined } : f)),
        })),
      })),
      messages: DEFAULT_TEMPLATE.messages.filter((m) => m.purpose !== 'fix-shipped'),
    };
    expect(missingRoles(noRequestId).map((m) => m.sentence)).toEqual([
      'No field has the role Request ID: the bug report and the Jira or Linear prefill are refused.',
      'No message is for Fix shipped: the "Insert fix-shipped note" action is refused.',
    ]);
  });
});
