// @vitest-environment happy-dom
// The expected times below are written in UTC; one test reads them in New York.
process.env.TZ = 'UTC';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { deriveRunView } from '../../../lib/workflow/derive';
import type { Run } from '../../../lib/workflow/schema';
import { StepActions } from './StepActions';
import {
  draftsFor,
  fillGaps,
  insertButton,
  runWith,
  setup,
  SEV1,
  T0,
} from './testing/step-actions';

afterEach(cleanup);

describe('composer messages', () => {
  it('previews the first-touch reply, lets the agent edit it, inserts and records it', async () => {
    const p = setup('acknowledge', runWith({ 'verify-account/plan': 'paid' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert first-touch reply' }));
    const box = screen.getByRole('textbox', { name: /First-touch reply/ }) as HTMLTextAreaElement;
    expect(box.value).toMatch(/^Hi Grace,/);
    expect(box.value).toContain('within 1 hour');
    fireEvent.change(box, { target: { value: `${box.value}\nPS` } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    await waitFor(() => expect(p.onRecordAction).toHaveBeenCalled());
    expect(p.onInsertText).toHaveBeenCalledWith(expect.stringMatching(/Ana\nPS$/));
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'insert-first-touch',
      'First-touch reply: inserted into the reply',
    );
    expect((await screen.findByRole('status')).textContent).toContain('Inserted into the reply.');
  });

  it('the preview follows the run until the agent edits it', () => {
    const p = setup('fix-shipped', runWith({}));
    cleanup();
    const at = (run: Run) => (
      <StepActions {...p} view={deriveRunView(DEFAULT_TEMPLATE, run, T0)} drafts={draftsFor(run)} />
    );
    const { rerender } = render(at(runWith({})));
    fireEvent.click(screen.getByRole('button', { name: 'Insert fix-shipped note' }));
    const box = () => screen.getByRole('textbox', { name: /Fix shipped/ }) as HTMLTextAreaElement;
    expect(box().value).toContain('{{fix-shipped.release-tag}}');
    // The release tag is saved while the preview is open.
    rerender(at(runWith({ 'fix-shipped/release-tag': 'v9' })));
    expect(box().value).toContain('release v9.');
    // What the run still lacks is asked for in the preview; Insert waits for it.
    expect(screen.getByLabelText('Visible at (fix shipped)')).toBeTruthy();
    expect(insertButton().disabled).toBe(true);
    fireEvent.change(box(), { target: { value: 'My own words, v9.' } });
    rerender(at(runWith({ 'fix-shipped/release-tag': 'v10' })));
    expect(box().value).toBe('My own words, v9.');
    expect(screen.queryByLabelText('Visible at (fix shipped)')).toBeNull();
    expect(insertButton().disabled).toBe(false);
  });

  it('says so when the text went to the clipboard instead', async () => {
    const p = setup('acknowledge', runWith({}), {
      onInsertText: vi.fn(async () => ({ path: 'clipboard' })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Insert first-touch reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    expect(await screen.findByText(/text is on the clipboard/)).toBeTruthy();
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'insert-first-touch',
      'First-touch reply: copied to the clipboard',
    );
  });

  it('lists placeholders still to fill (ETA update) and shows an insertion error', async () => {
    setup('eta-update', runWith(SEV1), {
      onInsertText: vi.fn(async () => Promise.reject(new Error('No reply editor on the page'))),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Insert ETA update' }));
    const asked = screen
      .getAllByRole('textbox')
      .map((el) => el.getAttribute('data-placeholder'))
      .filter(Boolean);
    expect(asked).toEqual(expect.arrayContaining(['update', 'bug.id', 'eta']));
    expect(insertButton().disabled).toBe(true);
    fillGaps();
    expect(insertButton().disabled).toBe(false);
    fireEvent.click(insertButton());
    expect((await screen.findByRole('alert')).textContent).toContain('No reply editor on the page');
  });
});

it('renders nothing for a step without actions', () => {
  setup('verify-account', runWith({}));
  expect(document.querySelector('.cb-step-actions')).toBeNull();
});
