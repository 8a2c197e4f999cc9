// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveResult } from './common';
import { HeldSyncNotice } from './HeldSyncNotice';

afterEach(cleanup);

const held = {
  weakens: ['HAR sanitizing is turned off on zendesk', 'The redaction allow-list adds x-trace-id'],
  receivedAt: Date.UTC(2026, 11, 4, 9, 30),
};

describe('HeldSyncNotice', () => {
  it('says where the change came from and lists what it weakens', () => {
    render(<HeldSyncNotice held={held} onResolve={async () => ({ ok: true })} />);
    const notice = screen.getByTestId('held-sync');
    expect(notice.textContent).toContain('synced from another browser');
    expect(notice.textContent).toContain(new Date(held.receivedAt).toLocaleString());
    expect([...notice.querySelectorAll('li')].map((li) => li.textContent)).toEqual(held.weakens);
  });

  it.each([
    ['Apply these changes', true],
    ['Keep current settings', false],
  ] as const)('%s answers for the change shown', async (label, apply) => {
    const onResolve = vi.fn(async (): Promise<SaveResult> => ({ ok: true }));
    render(<HeldSyncNotice held={held} onResolve={onResolve} />);
    fireEvent.click(screen.getByRole('button', { name: label }));
    await waitFor(() => expect(onResolve).toHaveBeenCalledWith(apply, held.receivedAt));
  });

  it('shows why nothing changed when the answer was refused', async () => {
    render(
      <HeldSyncNotice
        held={held}
        onResolve={async () => ({
          ok: false,
          problems: [{ path: '$', message: 'The synced change you reviewed was replaced' }],
        })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply these changes' }));
    expect(await screen.findByText(/Nothing changed/)).toBeTruthy();
    expect(screen.getByTestId('held-sync').textContent).toContain('was replaced');
  });
});
