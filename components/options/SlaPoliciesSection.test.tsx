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
    fireEvent.change(screen.getByRole('textbox', { name: 'Schedule 1 time zone' }), {
      target: { value: 'America/New_York' },
    });
    const file = new File([ics], 'holidays.ics', { type: 'text/calendar' });
    fireEvent.change(
      screen.getByLabelText('Import holidays into schedule 1 from an iCalendar (.ics) file'),
      {
        target: { files: [file] },
      },
    );
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
    fireEvent.change(screen.getByRole('textbox', { name: 'Schedule 1 time zone' }), {
      target: { value: 'Mars/Olympus' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/IANA time zone/);
    expect(onSaveTemplate).not.toHaveBeenCalled();
  });

  it('edits every schedule: adds one with its own zone, hours and holidays, and removes it again', async () => {
    const onSaveTemplate = vi.fn((_t: WorkflowTemplate) =>
      Promise.resolve({ version: 2, changed: true }),
    );
    render(<SlaPoliciesSection template={DEFAULT_TEMPLATE} onSaveTemplate={onSaveTemplate} />);
    // The only schedule cannot be removed, and says why.
    expect(
      (screen.getByRole('button', { name: 'Remove schedule 1' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Add a schedule' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Schedule 2 name' }), {
      target: { value: 'EMEA' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Schedule 2 time zone' }), {
      target: { value: 'Europe/Berlin' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Schedule 2 Saturday open' }));
    fireEvent.change(screen.getByLabelText('Schedule 2 Saturday closes'), {
      target: { value: '13:00' },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Schedule 2 Monday: add hours (e.g. after a break)' }),
    );
    fireEvent.change(screen.getByLabelText('Schedule 2 Monday opens (2)'), {
      target: { value: '18:00' },
    });
    fireEvent.change(screen.getByLabelText('Schedule 2 Monday closes (2)'), {
      target: { value: '20:00' },
    });
    fireEvent.change(screen.getByLabelText('Schedule 2 holiday date'), {
      target: { value: '2026-10-03' },
    });
    fireEvent.change(screen.getByLabelText('Schedule 2 holiday name'), {
      target: { value: 'German Unity Day' },
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add holiday' })[1]!);
    const file = new File([ics], 'holidays.ics', { type: 'text/calendar' });
    fireEvent.change(
      screen.getByLabelText('Import holidays into schedule 2 from an iCalendar (.ics) file'),
      {
        target: { files: [file] },
      },
    );
    await screen.findByText(/4 holidays read/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaveTemplate).toHaveBeenCalledTimes(1));
    const saved = onSaveTemplate.mock.calls[0]![0].policy.sla!;
    expect(saved.schedules).toHaveLength(2);
    // The first schedule is untouched by edits to the second.
    expect(saved.schedules[0]).toEqual(DEFAULT_TEMPLATE.policy.sla!.schedules[0]);
    expect(saved.schedules[1]).toMatchObject({
      id: 'schedule-2',
      name: 'EMEA',
      timeZone: 'Europe/Berlin',
      week: {
        mon: [
          { from: '09:00', to: '17:00' },
          { from: '18:00', to: '20:00' },
        ],
        sat: [{ from: '09:00', to: '13:00' }],
      },
    });
    expect(saved.schedules[1]!.holidays.map((h) => h.date)).toEqual([
      '2026-10-03',
      '2026-11-26',
      '2026-11-27',
      '2026-12-25',
      '2027-01-01',
    ]);
    expect(saved.schedules[0]!.holidays).toEqual([]);

    // A schedule no target names can be removed.
    fireEvent.click(screen.getByRole('button', { name: 'Remove schedule 2' }));
    expect(screen.queryByRole('textbox', { name: 'Schedule 2 name' })).toBeNull();
  });

  it('words a problem of the second schedule next to its field', async () => {
    const onSaveTemplate = vi.fn();
    render(<SlaPoliciesSection template={DEFAULT_TEMPLATE} onSaveTemplate={onSaveTemplate} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a schedule' }));
    const zone = screen.getByRole('textbox', { name: 'Schedule 2 time zone' });
    fireEvent.change(zone, { target: { value: 'Europe/Atlantis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    const describedBy = zone.getAttribute('aria-describedby')!.split(' ');
    expect(document.getElementById(describedBy[0]!)!.textContent).toBe(
      'Schedule 2 time zone: enter an IANA time zone such as Europe/Berlin or America/New_York',
    );
    expect(onSaveTemplate).not.toHaveBeenCalled();
  });
});
