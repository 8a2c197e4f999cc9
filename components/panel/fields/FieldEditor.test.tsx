// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldSchema, type FieldState, type FieldValue } from '../../../lib/workflow/schema';
import type { FieldView } from '../../../lib/workflow/view';
import { FieldEditor } from './FieldEditor';
import { TEXT_SAVE_DELAY_MS } from './TextEditors';

function fieldView(input: unknown, value?: FieldValue, error?: string): FieldView {
  const state: FieldState | undefined =
    value === undefined ? undefined : { value, at: 1, by: { name: 'Ana' }, since: 1 };
  return { field: fieldSchema.parse(input), visible: true, state, error };
}

function setup(view: FieldView, readOnly = false) {
  const onSetField = vi.fn(async (_s: string, _f: string, _v: FieldValue) => undefined);
  const onUploadFiles = vi.fn(async (_s: string, _f: string, _files: File[]) => undefined);
  const utils = render(
    <FieldEditor
      stepId="collect-repro"
      view={view}
      readOnly={readOnly}
      onSetField={onSetField}
      onUploadFiles={onUploadFiles}
    />,
  );
  return { onSetField, onUploadFiles, ...utils };
}

afterEach(cleanup);

describe('single and multi choice', () => {
  it('single-choice emits the option value and shows descriptions', () => {
    const { onSetField } = setup(
      fieldView({
        id: 'severity',
        label: 'Severity',
        type: 'single-choice',
        required: true,
        options: [
          { value: 'SEV1', label: 'SEV1', description: 'Production down or data loss.' },
          { value: 'SEV2', label: 'SEV2', description: 'Major feature broken, no workaround.' },
        ],
      }),
    );
    expect(screen.getByText('Production down or data loss.')).toBeTruthy();
    const sev2 = screen.getByRole('radio', { name: /SEV2/ });
    expect(sev2.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(sev2);
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'severity', 'SEV2');
  });

  it('an optional single-choice can be cleared to null', () => {
    const { onSetField } = setup(
      fieldView(
        {
          id: 'result',
          label: 'Result',
          type: 'single-choice',
          options: [{ value: 'a', label: 'A' }],
        },
        'a',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear Result' }));
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'result', null);
  });

  it('multi-choice emits an array in option order', () => {
    const { onSetField } = setup(
      fieldView(
        {
          id: 'areas',
          label: 'Areas',
          type: 'multi-choice',
          options: [
            { value: 'auth', label: 'Auth' },
            { value: 'billing', label: 'Billing' },
            { value: 'ui', label: 'UI' },
          ],
        },
        ['ui'],
      ),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Auth' }));
    expect(onSetField).toHaveBeenLastCalledWith('collect-repro', 'areas', ['auth', 'ui']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'UI' }));
    expect(onSetField).toHaveBeenLastCalledWith('collect-repro', 'areas', []);
  });
});

describe('text-like fields', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('text saves debounced while typing and at once on blur', () => {
    const { onSetField } = setup(fieldView({ id: 'browser', label: 'Browser', type: 'text' }));
    const input = screen.getByLabelText('Browser');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Chr' } });
    fireEvent.change(input, { target: { value: 'Chrome 131' } });
    expect(onSetField).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(TEXT_SAVE_DELAY_MS));
    expect(onSetField).toHaveBeenCalledTimes(1);
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'browser', 'Chrome 131');
    fireEvent.change(input, { target: { value: 'Chrome 131 on macOS' } });
    fireEvent.blur(input);
    expect(onSetField).toHaveBeenLastCalledWith('collect-repro', 'browser', 'Chrome 131 on macOS');
    // Emptying the field clears it.
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(onSetField).toHaveBeenLastCalledWith('collect-repro', 'browser', null);
  });

  it('text with a pattern explains and does not send a mismatch', () => {
    const { onSetField } = setup(
      fieldView({
        id: 'request-id',
        label: 'Request ID',
        type: 'text',
        pattern: '^req_[a-z0-9]+$',
        patternMessage: 'Request IDs look like req_abc123.',
      }),
    );
    const input = screen.getByLabelText('Request ID');
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.blur(input);
    expect(onSetField).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Request IDs look like req_abc123.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'req_9f2' } });
    fireEvent.blur(input);
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'request-id', 'req_9f2');
  });

  it('paragraph is a textarea that saves its text', () => {
    const { onSetField } = setup(
      fieldView({ id: 'repro-steps', label: 'Repro steps', type: 'paragraph' }),
    );
    const area = screen.getByLabelText('Repro steps');
    expect(area.tagName).toBe('TEXTAREA');
    fireEvent.change(area, { target: { value: '1. Open settings\n2. Click SSO' } });
    fireEvent.blur(area);
    expect(onSetField).toHaveBeenCalledWith(
      'collect-repro',
      'repro-steps',
      '1. Open settings\n2. Click SSO',
    );
  });

  it('url accepts only allowed addresses', () => {
    const { onSetField } = setup(
      fieldView({
        id: 'bug-url',
        label: 'Bug URL',
        type: 'url',
        allow: ['^https://[a-z0-9-]+\\.atlassian\\.net/browse/[A-Z]+-\\d+$'],
        allowMessage: 'Paste a Jira or Linear issue URL.',
      }),
    );
    const input = screen.getByLabelText('Bug URL');
    fireEvent.change(input, { target: { value: 'not a url' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toMatch(/full address/);
    fireEvent.change(input, { target: { value: 'https://example.com/x' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Paste a Jira or Linear issue URL.');
    expect(onSetField).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: ' https://acme.atlassian.net/browse/SUP-42 ' } });
    fireEvent.blur(input);
    expect(onSetField).toHaveBeenCalledWith(
      'collect-repro',
      'bug-url',
      'https://acme.atlassian.net/browse/SUP-42',
    );
  });

  it('number respects min, max and integer, and emits a number', () => {
    const { onSetField } = setup(
      fieldView({
        id: 'satisfaction',
        label: 'Satisfaction',
        type: 'number',
        min: 1,
        max: 5,
        integer: true,
      }),
    );
    const input = screen.getByLabelText('Satisfaction') as HTMLInputElement;
    expect(input.min).toBe('1');
    expect(input.max).toBe('5');
    fireEvent.change(input, { target: { value: '7' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Enter a number from 1 to 5.');
    fireEvent.change(input, { target: { value: '2.5' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number.');
    expect(onSetField).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '4' } });
    fireEvent.blur(input);
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'satisfaction', 4);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('datetime, checkbox, file', () => {
  it('datetime emits {local, timeZone} and shows the UTC instant', () => {
    const { onSetField } = setup(
      fieldView({ id: 'occurred-at', label: 'When it happened', type: 'datetime' }),
    );
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.options.length).toBeGreaterThan(10);
    fireEvent.change(zone, { target: { value: 'America/New_York' } });
    expect(onSetField).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('When it happened'), {
      target: { value: '2026-03-08T02:30' },
    });
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'occurred-at', {
      local: '2026-03-08T02:30',
      timeZone: 'America/New_York',
    });
    // Inside the spring-forward gap: read as 03:30 EDT = 07:30 UTC, and said so.
    expect(document.body.textContent).toMatch(
      /Your time: \w{3}( \d+ \w{3})? \d\d:\d\d · 2026-03-08 07:30 UTC/,
    );
    expect(document.body.textContent).not.toContain('UTC: ');
    expect(document.body.textContent).toContain('did not exist');
  });

  it('datetime shows a stored value and re-emits on zone change', () => {
    const { onSetField } = setup(
      fieldView(
        { id: 'occurred-at', label: 'When it happened', type: 'datetime' },
        { local: '2026-07-01T12:00', timeZone: 'Europe/Berlin' },
      ),
    );
    expect(document.body.textContent).toContain(' · 2026-07-01 10:00 UTC');
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Asia/Kolkata' } });
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'occurred-at', {
      local: '2026-07-01T12:00',
      timeZone: 'Asia/Kolkata',
    });
  });

  it('checkbox emits a boolean', () => {
    const { onSetField } = setup(
      fieldView({ id: 'authorized-contact', label: 'Authorized contact', type: 'checkbox' }, false),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /Authorized contact/ }));
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'authorized-contact', true);
  });

  it('file uploads picked files and lists, removes stored ones', async () => {
    const stored = [
      {
        attachmentId: 'a1',
        name: 'session.har',
        size: 2048,
        type: 'application/json',
        sanitized: { redactions: 3, byKind: { cookie: 3 } },
      },
      { attachmentId: 'a2', name: 'screen.png', size: 10, type: 'image/png' },
    ];
    const { onSetField, onUploadFiles } = setup(
      fieldView({ id: 'files', label: 'Files', type: 'file', maxFiles: 3 }, stored),
    );
    expect(document.querySelector('.cb-file-name')!.textContent).toBe('session.har');
    expect(document.body.textContent).toContain('2.0 KB, sanitized (3 redactions)');
    const input = screen.getByLabelText('Files') as HTMLInputElement;
    const file = new File(['{}'], 'more.har', { type: 'application/json' });
    await act(async () => fireEvent.change(input, { target: { files: [file] } }));
    expect(onUploadFiles).toHaveBeenCalledWith('collect-repro', 'files', [file]);

    const two = [new File(['a'], 'a.txt'), new File(['b'], 'b.txt')];
    await act(async () => fireEvent.change(input, { target: { files: two } }));
    expect(onUploadFiles).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toBe('At most 3 files (2 already attached).');

    fireEvent.click(screen.getByRole('button', { name: /Remove\s*screen.png/ }));
    expect(onSetField).toHaveBeenCalledWith('collect-repro', 'files', [stored[0]]);
  });
});

describe('messages and read-only', () => {
  it('shows the engine error once a value exists, and a failed save inline', async () => {
    const onSetField = vi.fn(async () => {
      throw new Error('Value rejected by the workflow');
    });
    render(
      <FieldEditor
        stepId="s"
        view={fieldView({ id: 'ok', label: 'OK?', type: 'checkbox' }, false, 'Must be checked')}
        readOnly={false}
        onSetField={onSetField}
        onUploadFiles={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Must be checked');
    await act(async () => fireEvent.click(screen.getByRole('checkbox')));
    expect(screen.getByRole('alert').textContent).toBe('Value rejected by the workflow');
  });

  it('hides the engine "required" message on an untouched field', () => {
    setup(
      fieldView(
        { id: 'impact', label: 'Impact', type: 'text', required: true },
        undefined,
        'Required',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText(/Impact/)).toBeTruthy();
  });

  it('read-only editors do not change', () => {
    setup(
      fieldView({
        id: 'c',
        label: 'C',
        type: 'single-choice',
        options: [{ value: 'a', label: 'A' }],
      }),
      true,
    );
    expect((screen.getByRole('radio', { name: 'A' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('renders nothing for a hidden field', () => {
    const view = { ...fieldView({ id: 'x', label: 'Hidden one', type: 'text' }), visible: false };
    setup(view);
    expect(screen.queryByText('Hidden one')).toBeNull();
  });
});

describe('failed saves', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('text shows the failure and sends the same text again on the next blur', async () => {
    const onSetField = vi
      .fn<(s: string, f: string, v: FieldValue) => Promise<void>>()
      .mockRejectedValueOnce(new Error('Not connected'))
      .mockResolvedValue(undefined);
    render(
      <FieldEditor
        stepId="s"
        view={fieldView({ id: 'os', label: 'OS', type: 'text' })}
        readOnly={false}
        onSetField={onSetField}
        onUploadFiles={vi.fn()}
      />,
    );
    const input = screen.getByLabelText('OS');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'macOS 15' } });
    await act(async () => fireEvent.blur(input));
    expect(screen.getByRole('alert').textContent).toBe('Not connected');
    fireEvent.focus(input);
    await act(async () => fireEvent.blur(input));
    expect(onSetField).toHaveBeenCalledTimes(2);
    expect(onSetField).toHaveBeenLastCalledWith('s', 'os', 'macOS 15');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
