// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissingFacts } from './MissingFacts';

afterEach(cleanup);

describe('MissingFacts', () => {
  it('renders nothing when every fact was read', () => {
    const { container } = render(<MissingFacts missing={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('offers a field per missing fact, one click away, and records what is entered', async () => {
    const onEnter = vi.fn(async () => undefined);
    render(<MissingFacts missing={['plan', 'createdAt', 'plan']} onEnter={onEnter} />);
    expect(document.querySelector('.cb-missing')!.textContent).toContain(
      'Could not read: plan, created time',
    );
    fireEvent.click(screen.getByRole('button', { name: 'plan' }));
    const input = screen.getByRole('textbox', { name: 'plan' });
    fireEvent.change(input, { target: { value: ' Enterprise ' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(onEnter).toHaveBeenCalledWith('plan', 'Enterprise'));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'plan' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'created time' }));
    expect(screen.getByLabelText('created time').getAttribute('type')).toBe('datetime-local');
  });

  it('copies the diagnostic and says so only when the clipboard took it', async () => {
    const refused = vi.fn(async () => false);
    render(<MissingFacts missing={['status']} onCopyDiagnostic={refused} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostic' }));
    await waitFor(() => expect(refused).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: 'Copy diagnostic' })).toBeTruthy();
    cleanup();
    render(<MissingFacts missing={['status']} onCopyDiagnostic={async () => true} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostic' }));
    await screen.findByRole('button', { name: 'Copied' });
  });
});
