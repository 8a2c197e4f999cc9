import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import {
  describePath,
  move,
  newField,
  newSection,
  newStep,
  textToOptions,
  optionsToText,
  uniqueId,
  validateDraft,
  withType,
} from './template-edit';

describe('template editing helpers', () => {
  it('moves, and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('makes unique ids for new steps and sections', () => {
    expect(uniqueId('new-step', ['new-step', 'new-step-2'])).toBe('new-step-3');
    const step = newStep(DEFAULT_TEMPLATE);
    expect(step.id).toBe('new-step');
    const section = newSection(DEFAULT_TEMPLATE);
    const draft = { ...DEFAULT_TEMPLATE, sections: [...DEFAULT_TEMPLATE.sections, section] };
    expect(validateDraft(draft).ok).toBe(true);
  });

  it('changes a field type keeping id, label and condition', () => {
    const f = newField({ id: 's', title: 'S', guidance: '', fields: [] });
    const choice = withType({ ...f, when: { kind: 'severity', in: ['SEV1'] } }, 'single-choice');
    expect(choice).toMatchObject({
      id: 'new-field',
      type: 'single-choice',
      when: { kind: 'severity' },
    });
    expect('options' in choice && choice.options.length).toBe(1);
    const back = withType(choice, 'number');
    expect(back).not.toHaveProperty('options');
  });

  it('reads options as value = label lines', () => {
    const opts = textToOptions('auth = Authentication\nbilling\n\n', [
      { value: 'auth', label: 'x', description: 'd' },
    ]);
    expect(opts).toEqual([
      { value: 'auth', label: 'Authentication', description: 'd' },
      { value: 'billing', label: 'billing' },
    ]);
    expect(optionsToText(opts)).toBe('auth = Authentication\nbilling');
  });

  it('words validation problems by section, step and field title', () => {
    const draft = structuredClone(DEFAULT_TEMPLATE);
    draft.sections[0]!.steps[2]!.fields![0]!.label = '';
    draft.sections[0]!.steps[1]!.id = draft.sections[0]!.steps[0]!.id;
    const r = validateDraft(draft);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const wheres = r.problems.map((p) => p.where);
    expect(wheres).toContain(
      'Section 1 “Initial Triage” › Step “Assign severity and priority” › Field 1 › label',
    );
    expect(
      r.problems.find((p) => p.path === '$.sections[0].steps[2].fields[0].label')?.message,
    ).toBe('must not be empty');
    expect(r.problems.some((p) => /duplicate step id "acknowledge"/.test(p.message))).toBe(true);
    expect(describePath(draft, ['policy', 'plans'])).toBe('policy.plans');
  });

  it('refuses a condition value that is not one of the field’s options, and says where', () => {
    const draft = structuredClone(DEFAULT_TEMPLATE);
    draft.sections[0]!.steps[3]!.when = {
      kind: 'field',
      field: { stepId: 'assign-severity', fieldId: 'severity' },
      op: 'in',
      value: ['SEV1', 'SEV0'],
    };
    const r = validateDraft(draft);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        path: '$.sections[0].steps[3].when.value',
        where:
          'Section 1 “Initial Triage” › Step “Page the on-call engineer for SEV1” › when.value',
        message: '“SEV0” is not among the options of Severity (SEV1, SEV2, SEV3, SEV4).',
      },
    ]);
  });

  it('leaves a missing field to the schema’s own message, once', () => {
    const draft = structuredClone(DEFAULT_TEMPLATE);
    draft.sections[0]!.steps[3]!.when = {
      kind: 'field',
      field: { stepId: 'assign-severity', fieldId: 'sev' },
      op: 'set',
    };
    const r = validateDraft(draft);
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'unknown field assign-severity/sev',
    ]);
  });
});
