// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../lib/settings/schema';
import type { SaveResult } from './common';
import { IncidentsSection } from './IntegrationSections';

afterEach(cleanup);

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

function renderSection(onSetPagerDutyKey: (key: string | null) => Promise<SaveResult>) {
  render(
    <IncidentsSection
      settings={defaultSettings()}
      secrets={{ pagerDuty: { set: false } }}
      onSave={vi.fn()}
      onSetPagerDutyKey={onSetPagerDutyKey}
    />,
  );
  fireEvent.change(screen.getByLabelText('Routing key'), { target: { value: ` ${KEY} ` } });
  fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
}

describe('IncidentsSection: PagerDuty key and host access', () => {
  it('hands the key over within the click, so the container can ask for the permission', () => {
    const onSetPagerDutyKey = vi.fn(() => new Promise<SaveResult>(() => undefined));
    renderSection(onSetPagerDutyKey);
    expect(onSetPagerDutyKey).toHaveBeenCalledWith(KEY);
  });

  it('shows that the key was saved but access was refused', async () => {
    const message =
      'Saved. Access to https://events.pagerduty.com/* was not granted, so paging will stop with “Casebook may not reach events.pagerduty.com yet”.';
    renderSection(async () => ({ ok: true, message }));
    await waitFor(() => expect(screen.getByText(message).getAttribute('role')).toBe('status'));
    // Saved: the field is cleared, nothing reads as a failure.
    expect((screen.getByLabelText('Routing key') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('The key was not saved:')).toBeNull();
  });
});
