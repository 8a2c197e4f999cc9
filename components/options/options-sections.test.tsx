// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../lib/settings/schema';
import { DataSection } from './DataSections';
import { hostFromInput, HostsSection } from './HostsSection';
import { IncidentsSection, TrackerSection } from './IntegrationSections';

afterEach(cleanup);

describe('HostsSection', () => {
  it('takes a pasted ticket URL as its host', () => {
    expect(hostFromInput(' https://Support.Acme.com/agent/tickets/12 ')).toBe('support.acme.com');
    expect(hostFromInput('support.acme.com')).toBe('support.acme.com');
  });

  it('asks for the permission synchronously in the click, with the normalised host', () => {
    const onAdd = vi.fn(() => Promise.resolve({ ok: true as const }));
    render(<HostsSection hosts={[]} active={[]} onAdd={onAdd} onRemove={vi.fn()} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Domain' }), {
      target: { value: 'https://Support.Acme.com/agent/tickets/1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add domain' }));
    // Called within the click handler itself, not after an await.
    expect(onAdd).toHaveBeenCalledWith('support.acme.com');
  });

  it('refuses wildcards without asking the browser', async () => {
    const onAdd = vi.fn();
    render(<HostsSection hosts={[]} active={[]} onAdd={onAdd} onRemove={vi.fn()} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Domain' }), {
      target: { value: '*.acme.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add domain' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/no https:\/\/, path or wildcard/);
  });

  it('offers to grant access for hosts imported without their permission', () => {
    render(
      <HostsSection
        hosts={['a.acme.com', 'b.acme.com']}
        active={['a.acme.com']}
        onAdd={vi.fn()}
        onRemove={vi.fn()}
      />,
    );
    expect(screen.getAllByRole('button', { name: 'Grant access' })).toHaveLength(1);
  });
});

describe('DataSection wipe', () => {
  it('wipes only after WIPE is typed', async () => {
    const onWipe = vi.fn(async () => 'Deleted 3 runs.');
    render(
      <DataSection
        settings={defaultSettings()}
        onSave={vi.fn()}
        onExportRuns={vi.fn()}
        onWipe={onWipe}
      />,
    );
    const button = screen.getByRole('button', { name: 'Wipe all data' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type WIPE to confirm'), { target: { value: 'wipe' } });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type WIPE to confirm'), { target: { value: 'WIPE' } });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByText('Deleted 3 runs.')).toBeTruthy());
    expect(onWipe).toHaveBeenCalledWith(false);
  });
});

describe('Integration sections', () => {
  it('never shows the stored key, only its mask', () => {
    render(
      <IncidentsSection
        settings={defaultSettings()}
        secrets={{ pagerDuty: { set: true, masked: '••••••••WXYZ' } }}
        onSave={vi.fn()}
        onSetPagerDutyKey={vi.fn()}
      />,
    );
    expect(screen.getByTestId('pagerduty-key-status').textContent).toBe('Saved: ••••••••WXYZ');
    expect((screen.getByLabelText('Replace the routing key') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Replace the routing key') as HTMLInputElement).type).toBe(
      'password',
    );
  });

  it('switching the tracker kind replaces its fields', () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    render(<TrackerSection settings={defaultSettings()} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Tracker'), { target: { value: 'linear' } });
    fireEvent.change(screen.getByLabelText('Team key'), { target: { value: 'ENG' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Only the tracker is sent: nothing of the other integrations rides along.
    expect(onSave).toHaveBeenCalledWith({
      integrations: { tracker: { kind: 'linear', teamKey: 'ENG' } },
    });
  });
});
