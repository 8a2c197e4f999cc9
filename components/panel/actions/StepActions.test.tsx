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
    // Sending it is the step's work: the draft is there without a click.
    expect(screen.queryByRole('button', { name: 'Insert first-touch reply' })).toBeNull();
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

describe('an action that finishes its step', () => {
  it('inserts the first touch and marks the step done in one click, recorded as one change', async () => {
    const p = setup('acknowledge', runWith({}));
    fireEvent.click(screen.getByRole('button', { name: 'Insert and mark done' }));
    await waitFor(() =>
      expect(p.onRecordAction).toHaveBeenCalledWith(
        'insert-first-touch',
        'First-touch reply: inserted into the reply',
        undefined,
        true,
      ),
    );
    expect((await screen.findByRole('status')).textContent).toContain('step done');
  });

  it('does not mark the step done when the text only reached the clipboard', async () => {
    const p = setup('acknowledge', runWith({}), {
      onInsertText: vi.fn(async () => ({ path: 'clipboard' })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Insert and mark done' }));
    expect(
      await screen.findByText(/paste it into the reply, then mark the step done/),
    ).toBeTruthy();
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'insert-first-touch',
      'First-touch reply: copied to the clipboard',
    );
  });

  it('is offered only when the step needs nothing else (fix shipped waits for its fields)', () => {
    setup('fix-shipped', runWith(SEV1));
    expect(screen.queryByRole('button', { name: 'Insert and mark done' })).toBeNull();
    cleanup();
    setup(
      'fix-shipped',
      runWith({
        ...SEV1,
        'fix-shipped/release-tag': 'v9',
        'fix-shipped/visible-at': { local: '2026-03-08T12:00', timeZone: 'UTC' },
      }),
    );
    expect(screen.getByRole('button', { name: 'Insert and mark done' })).toBeTruthy();
  });

  it("offers 'I posted it, mark done' for the Resolved update only", async () => {
    const p = setup(
      'status-page-updates',
      runWith({ ...SEV1, 'status-page-updates/last-update': 'monitoring' }),
    );
    const select = screen.getByRole('combobox', { name: 'Update state' }) as HTMLSelectElement;
    expect(select.value).toBe('resolved');
    fireEvent.click(screen.getByRole('button', { name: 'I posted it, mark done' }));
    await waitFor(() =>
      expect(p.onRecordAction).toHaveBeenCalledWith(
        'status-page-update',
        expect.stringMatching(/^Posted "Resolved": /),
        { state: 'resolved' },
        true,
      ),
    );
    cleanup();
    setup(
      'status-page-updates',
      runWith({ ...SEV1, 'status-page-updates/last-update': 'investigating' }),
    );
    expect(screen.queryByRole('button', { name: 'I posted it, mark done' })).toBeNull();
    expect(screen.getByRole('button', { name: 'I posted it' })).toBeTruthy();
  });
});
