// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import type { Field } from '../../lib/workflow/schema';
import { ticket } from '../../lib/workflow/testing';
import type { FieldView } from '../../lib/workflow/view';
import { PageSuggestion, pageSuggestion } from './PageSuggestion';

const plan = DEFAULT_TEMPLATE.sections[0]!.steps[1]!.fields.find((f) => f.id === 'plan') as Field;
const empty = { field: plan } as FieldView;

describe('plan tier from the page', () => {
  it('offers the option the page names, by label in any case', () => {
    expect(pageSuggestion(plan, empty, ticket({ plan: 'Enterprise' }))).toMatchObject({
      value: 'enterprise',
    });
    expect(pageSuggestion(plan, empty, ticket({ plan: 'paid' }))?.label).toBe('Paid');
  });

  it('offers nothing once chosen, for unknown plans, or without a page fact', () => {
    const chosen = { field: plan, state: { value: 'paid' } } as unknown as FieldView;
    expect(pageSuggestion(plan, chosen, ticket({ plan: 'Enterprise' }))).toBeUndefined();
    expect(pageSuggestion(plan, empty, ticket({ plan: 'Platinum' }))).toBeUndefined();
    expect(pageSuggestion(plan, empty, ticket())).toBeUndefined();
  });

  it('confirms in one click', async () => {
    const onUse = vi.fn(async () => undefined);
    render(
      <PageSuggestion
        fieldId="plan"
        label="Plan tier"
        option={{ value: 'enterprise', label: 'Enterprise' }}
        onUse={onUse}
      />,
    );
    expect(screen.getByText(/from the page/).textContent).toContain('Enterprise');
    fireEvent.click(screen.getByRole('button', { name: 'Use' }));
    await waitFor(() => expect(onUse).toHaveBeenCalledWith('enterprise'));
  });
});
