// @vitest-environment happy-dom
// The expected times below are written in UTC; one test reads them in New York.
process.env.TZ = 'UTC';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runWith, setup, SEV1 } from './testing/step-actions';

afterEach(cleanup);

describe('status page', () => {
  it('starts as Investigating with a drafted update and records the post', async () => {
    const p = setup('page-sev1', runWith(SEV1));
    const box = within(document.querySelector('[data-action="draft-status-page"]') as HTMLElement);
    const select = box.getByRole('combobox', { name: 'Update state' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['investigating']);
    expect(
      (box.getByRole('textbox', { name: 'Drafted update' }) as HTMLTextAreaElement).value,
    ).toContain('All exports return HTTP 500');
    fireEvent.click(box.getByRole('button', { name: 'I posted it' }));
    // The record carries the state: the run sets the fields (engine recorded-facts).
    await waitFor(() =>
      expect(p.onRecordAction).toHaveBeenCalledWith(
        'status-page-update',
        expect.stringMatching(/^Posted "Investigating": /),
        { state: 'investigating' },
      ),
    );
    expect(p.onSetField).not.toHaveBeenCalled();
    fireEvent.click(box.getByRole('button', { name: 'Open status page' }));
    expect(p.onOpenUrl).toHaveBeenCalledWith('https://manage.statuspage.io/pages/abc');
  });

  it('moves forward only, suggesting the next state', () => {
    setup(
      'status-page-updates',
      runWith({ ...SEV1, 'status-page-updates/last-update': 'identified' }),
    );
    const select = screen.getByRole('combobox', { name: 'Update state' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([
      'identified',
      'monitoring',
      'resolved',
    ]);
    expect(select.value).toBe('monitoring');
    expect(
      (screen.getByRole('textbox', { name: 'Drafted update' }) as HTMLTextAreaElement).value,
    ).toMatch(/^Monitoring/);
    fireEvent.change(select, { target: { value: 'resolved' } });
    expect(
      (screen.getByRole('textbox', { name: 'Drafted update' }) as HTMLTextAreaElement).value,
    ).toMatch(/^Resolved/);
  });
});
