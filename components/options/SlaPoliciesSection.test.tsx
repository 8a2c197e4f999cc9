// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { SlaPoliciesSection } from './SlaPoliciesSection';

afterEach(cleanup);

const ics = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/ics/holidays-us.ics'),
  'utf8',
);

describe('SlaPoliciesSection', () => {
  it('sets the team time zone, imports holidays from .ics and saves the next template version', async () => {
    const onSaveTemplate = vi.fn((_t: WorkflowTemplate) =>
      Promise.resolve({ version: 2, changed: true }),
    );
    render(<SlaPoliciesSection template={DEFAULT_TEMPLATE} onSaveTemplate={onSaveTemplate} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Time zone (IANA name)' }), {
      target: { value: 'America/New_York' },
    });
    const file = new File([ics], 'holidays.ics', { type: 'text/calendar' });
    fireEvent.change(screen.getByLabelText('Import holidays from an iCalendar (.ics) file'), {
      target: { files: [file] },
    });
    await screen.findByText(/4 holidays read; skipped: Columbus Day/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaveTemplate).toHaveBeenCalledTimes(1));
    const saved = onSaveTemplate.mock.calls[0]![0].policy.sla!;
    expect(saved.schedules[0]).toMatchObject({
      timeZone: 'America/New_York',
      week: { mon: [{ from: '09:00', to: '17:00' }] },
    });
    expect(saved.schedules[0]!.holidays.map((h) => h.date)).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-12-25',
      '2027-01-01',
    ]);
    await screen.findByText('Saved as template version 2.');
  });

  it('refuses an unknown time zone and saves nothing', async () => {
    const onSaveTemplate = vi.fn();
    render(<SlaPoliciesSection template={DEFAULT_TEMPLATE} onSaveTemplate={onSaveTemplate} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Time zone (IANA name)' }), {
      target: { value: 'Mars/Olympus' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/IANA time zone/);
    expect(onSaveTemplate).not.toHaveBeenCalled();
  });
});
