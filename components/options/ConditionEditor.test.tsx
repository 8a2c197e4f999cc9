// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { conditionScope } from '../../lib/workflow/condition-form/sites';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import type { Condition, WorkflowTemplate } from '../../lib/workflow/schema';
import { ConditionEditor } from './ConditionEditor';
import { TemplateEditor } from './TemplateEditor';

afterEach(cleanup);

const catalog = conditionCatalog(DEFAULT_TEMPLATE);
const stepAt = (id: string) => catalog.steps.findIndex((s) => s.id === id);

/** The editor as the options page uses it: value held by the parent, changes reported. */
function Harness({
  initial,
  stepId,
  onChange,
}: {
  initial?: Condition;
  stepId: string;
  onChange: (c: Condition | undefined) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <ConditionEditor
      legend="When the step applies"
      lead="Applies when"
      always="Always applies"
      value={value}
      catalog={catalog}
      scope={conditionScope(catalog, { kind: 'step', step: stepAt(stepId) })}
      onChange={(c) => {
        setValue(c);
        onChange(c);
      }}
    />
  );
}

const summary = () => screen.getByTestId('condition-summary').textContent;
const select = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });

describe('ConditionEditor', () => {
  it('builds a condition from nothing: field, operator, options, a second clause, any-of', () => {
    const onChange = vi.fn();
    render(<Harness stepId="check-runbook" onChange={onChange} />);
    expect(screen.queryByTestId('condition-summary')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Only when…' }));
    const subject = screen.getByRole('combobox', { name: 'Condition 1: What to check' });
    // Only fields answered before step 9, grouped by their step; later steps are not offered.
    const groups = within(subject)
      .getAllByRole('group')
      .map((g) => g.getAttribute('label'));
    expect(groups).toContain('Step 3. Assign severity and priority');
    expect(groups).not.toContain('Step 18. Confirm the fix with the customer');

    select('Condition 1: What to check', 'field:assign-severity/severity');
    select('Condition 1: Operator', 'in');
    const values = screen.getByRole('group', { name: 'Condition 1: Values' });
    fireEvent.click(within(values).getByRole('checkbox', { name: 'SEV2' }));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'field',
      field: { stepId: 'assign-severity', fieldId: 'severity' },
      op: 'in',
      value: ['SEV1', 'SEV2'],
    });
    expect(summary()).toBe('Applies when Severity is one of SEV1, SEV2');

    fireEvent.click(screen.getByRole('button', { name: 'Add a condition' }));
    select('Condition 2: What to check', 'plan');
    const plans = screen.getByRole('group', { name: 'Condition 2: Plan is one of' });
    fireEvent.click(within(plans).getByRole('checkbox', { name: 'Paid' }));
    expect(summary()).toBe(
      'Applies when Severity is one of SEV1, SEV2 and Plan is one of Enterprise, Paid',
    );
    select('Match when', 'any');
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ kind: 'any', of: [{}, { kind: 'plan' }] });
    expect(summary()).toMatch(/SEV2 or Plan/);

    fireEvent.click(screen.getByRole('radio', { name: 'Always applies' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('edits an existing condition: number value, nested group, removing a clause', () => {
    const followUp = DEFAULT_TEMPLATE.sections
      .flatMap((s) => s.steps)
      .find((s) => s.id === 'follow-up')!.when!;
    const onChange = vi.fn();
    render(<Harness stepId="follow-up" initial={followUp} onChange={onChange} />);
    expect(summary()).toBe(
      'Applies when Customer confirmation is Not fixed or Customer satisfaction (1–5) is at most 3',
    );
    expect(screen.getByRole('combobox', { name: 'Condition 1: Value' })).toHaveProperty(
      'value',
      'not-fixed',
    );
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Condition 2: Value' }), {
      target: { value: '2' },
    });
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ of: [{}, { op: 'lte', value: 2 }] });

    fireEvent.click(screen.getByRole('button', { name: 'Add a group' }));
    select('Group 3: Match when', 'none');
    select('Condition 3.1: What to check', 'severity');
    expect(summary()).toMatch(/ or not \(Severity is SEV1\)$/);

    fireEvent.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(onChange.mock.lastCall?.[0]).toEqual({
      kind: 'any',
      of: [
        {
          kind: 'field',
          field: { stepId: 'confirm-fix', fieldId: 'satisfaction' },
          op: 'lte',
          value: 2,
        },
        { kind: 'not', of: { kind: 'severity', in: ['SEV1'] } },
      ],
    });
  });

  it('says when a clause refers to a removed field or a value that is not an option', () => {
    render(
      <Harness
        stepId="page-sev1"
        initial={{
          kind: 'all',
          of: [
            { kind: 'field', field: { stepId: 'assign-severity', fieldId: 'sev' }, op: 'set' },
            {
              kind: 'field',
              field: { stepId: 'assign-severity', fieldId: 'severity' },
              op: 'eq',
              value: 'SEV9',
            },
          ],
        }}
        onChange={vi.fn()}
      />,
    );
    const subject = screen.getByRole('combobox', { name: 'Condition 1: What to check' });
    expect(subject).toHaveProperty('value', 'field:assign-severity/sev');
    const describedBy = document.getElementById(subject.getAttribute('aria-describedby')!);
    expect(describedBy?.textContent).toMatch(/no longer has \(removed or renamed\)/);
    expect(screen.getByText(/“SEV9” is not among the options of Severity/)).toBeTruthy();
    expect(screen.getByRole('option', { name: '“SEV9” (not an option)' })).toBeTruthy();
  });

  it('keeps "Edit as JSON" and stays in JSON while the JSON is not a condition', () => {
    const onChange = vi.fn();
    render(
      <Harness
        stepId="page-sev1"
        initial={{ kind: 'severity', in: ['SEV1'] }}
        onChange={onChange}
      />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Edit as JSON' }));
    const box = screen.getByRole('textbox', { name: /condition JSON/ });
    fireEvent.change(box, { target: { value: '{"kind":"plan","in":["free"]}' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'plan', in: ['free'] });
    fireEvent.change(box, { target: { value: '{"kind":"plan"}' } });
    expect(summary()).toBe('Not a valid condition yet; fix the JSON.');
    expect(screen.getByRole('checkbox', { name: 'Edit as JSON' })).toHaveProperty('disabled', true);
  });
});

describe('TemplateEditor conditions', () => {
  it('saves a condition built in the form, and blocks saving a value that is not an option', async () => {
    const onSave = vi.fn((_t: WorkflowTemplate) => Promise.resolve({ version: 2, changed: true }));
    render(
      <TemplateEditor
        template={DEFAULT_TEMPLATE}
        versions={[]}
        onSave={onSave}
        onReset={vi.fn()}
      />,
    );
    // Scoped queries: the whole editor (21 steps) is slow to search by role in happy-dom.
    const stepEl = document.querySelector('details[data-step-id="check-runbook"]') as HTMLElement;
    const step = within(stepEl.querySelector('fieldset.cb-condition') as HTMLElement);
    fireEvent.click(step.getByRole('radio', { name: 'Only when…' }));
    fireEvent.change(step.getByRole('combobox', { name: 'Condition 1: What to check' }), {
      target: { value: 'field:verify-account/plan' },
    });
    fireEvent.change(step.getByRole('combobox', { name: 'Condition 1: Value' }), {
      target: { value: 'free' },
    });
    expect(step.getByTestId('condition-summary').textContent).toBe(
      'Applies when Plan tier is Free',
    );

    // Renaming the option's value away leaves the clause pointing at nothing.
    const plan = within(
      document.querySelector(
        'details[data-step-id="verify-account"] .cb-field-editor',
      ) as HTMLElement,
    );
    const options = plan.getByRole('textbox', { name: 'Options (one per line: value = label)' });
    fireEvent.change(options, {
      target: {
        value: (options as HTMLTextAreaElement).value.replace('free = Free', 'gratis = Free'),
      },
    });
    expect(screen.getByTestId('template-problems').textContent).toMatch(
      /Step “Check the known-issues runbook” › when\.value: “free” is not among the options of Plan tier/,
    );
    const save = screen.getByRole('button', { name: 'Save as a new version' });
    expect(save).toHaveProperty('disabled', true);

    fireEvent.change(step.getByRole('combobox', { name: 'Condition 1: Value' }), {
      target: { value: 'gratis' },
    });
    expect(save).toHaveProperty('disabled', false);
    fireEvent.click(save);
    await screen.findByText(/Saved as version 2/);
    const saved = onSave.mock.calls[0]![0];
    const runbook = saved.sections.flatMap((s) => s.steps).find((s) => s.id === 'check-runbook');
    expect(runbook?.when).toEqual({
      kind: 'field',
      field: { stepId: 'verify-account', fieldId: 'plan' },
      op: 'eq',
      value: 'gratis',
    });
  });
});
