// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { TemplateEditor } from './TemplateEditor';

afterEach(cleanup);

describe('template editor: step words hint', () => {
  it('tells next to a step’s title, guidance and field labels which variables exist', () => {
    render(
      <TemplateEditor
        template={DEFAULT_TEMPLATE}
        versions={[]}
        onSave={vi.fn((_t: WorkflowTemplate) => Promise.resolve({ version: 2, changed: true }))}
        onReset={vi.fn()}
      />,
    );
    const step = document.querySelector('details[data-step-id="file-bug"]') as HTMLElement;
    const title = Array.from(step.querySelectorAll('input')).find((i) =>
      i.value.startsWith('File a {{tracker}} bug'),
    )!;
    const guidance = step.querySelector('textarea')!;
    const label = Array.from(step.querySelectorAll('input')).find(
      (i) => i.value === 'Bug URL ({{tracker}} issue)',
    )!;
    const hintId = title.getAttribute('aria-describedby')!;
    expect(guidance.getAttribute('aria-describedby')).toBe(hintId);
    expect(label.getAttribute('aria-describedby')).toBe(hintId);
    const hint = document.getElementById(hintId)!;
    expect(step.contains(hint)).toBe(true);
    for (const name of ['{{helpdesk}}', '{{ticket}}', '{{tracker}}'])
      expect(hint.textContent).toContain(name);
    expect(hint.textContent).toContain('shows as typed');
  });
});
