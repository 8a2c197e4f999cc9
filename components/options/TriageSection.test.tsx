// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, mergeSettings, settingsSchema } from '../../lib/settings/schema';
import { TriageSection } from './TriageSection';

afterEach(cleanup);

describe('TriageSection', () => {
  it('starts with no suggestion for any priority, and saves the mapping the lead picks', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    render(<TriageSection settings={defaultSettings()} onSave={onSave} />);
    const urgent = screen.getByRole('combobox', { name: 'Urgent' }) as HTMLSelectElement;
    expect(urgent.value).toBe('');
    fireEvent.change(urgent, { target: { value: 'SEV1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        triage: { severityByPriority: { urgent: 'SEV1' } },
      }),
    );
  });

  it('"No suggestion" clears a row through the settings merge', async () => {
    const base = settingsSchema.parse(
      mergeSettings(defaultSettings(), {
        triage: { severityByPriority: { urgent: 'SEV1', low: 'SEV4' } },
      }),
    );
    const onSave = vi.fn(async () => ({ ok: true as const }));
    render(<TriageSection settings={base} onSave={onSave} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Low' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const patch = (onSave.mock.calls[0] as unknown[])[0] as Parameters<typeof mergeSettings>[1];
    const saved = settingsSchema.parse(mergeSettings(base, patch));
    expect(saved.triage.severityByPriority).toEqual({ urgent: 'SEV1', low: null });
  });

  it('applies the usual mapping in one click', () => {
    render(<TriageSection settings={defaultSettings()} onSave={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /^Use urgent → SEV1/ }));
    expect((screen.getByRole('combobox', { name: 'Normal' }) as HTMLSelectElement).value).toBe(
      'SEV3',
    );
  });
});
