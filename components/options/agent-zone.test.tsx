// @vitest-environment happy-dom
/** The agent's own time zone on the options page, next to their name. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, settingsSchema, type SettingsPatch } from '../../lib/settings/schema';
import { mergeSettings } from '../../lib/settings/patch';
import type { SaveResult } from './common';
import { AgentSection } from './SettingsSections';

afterEach(cleanup);

/** Saves the way the background does: merge, validate, answer with problems by path. */
function saver() {
  const patches: SettingsPatch[] = [];
  const onSave = vi.fn(async (patch: SettingsPatch): Promise<SaveResult> => {
    patches.push(patch);
    const r = settingsSchema.safeParse(mergeSettings(defaultSettings(), patch));
    return r.success
      ? { ok: true }
      : {
          ok: false,
          problems: r.error.issues.map((i) => ({
            path: `$.${i.path.join('.')}`,
            message: i.message,
          })),
        };
  });
  return { onSave, patches };
}

const zoneBox = () => screen.getByRole('combobox', { name: 'Your time zone' }) as HTMLInputElement;

describe("the agent's time zone", () => {
  it("is empty by default: the browser's zone, said in the hint", () => {
    render(<AgentSection settings={defaultSettings()} suggestion={undefined} onSave={vi.fn()} />);
    expect(zoneBox().value).toBe('');
    expect(screen.getByText(/Empty: this browser’s zone/)).toBeTruthy();
  });

  it('saves a zone picked from the list with the name', async () => {
    const { onSave, patches } = saver();
    render(<AgentSection settings={defaultSettings()} suggestion={undefined} onSave={onSave} />);
    fireEvent.change(zoneBox(), { target: { value: 'Asia/Tokyo' } });
    expect(screen.getByText(/shown in Asia\/Tokyo, with UTC on hover/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(patches[0]).toMatchObject({ agent: { timeZone: 'Asia/Tokyo' } });
  });

  it('says in words, next to the field, when the zone is not one this browser knows', async () => {
    const { onSave } = saver();
    render(<AgentSection settings={defaultSettings()} suggestion={undefined} onSave={onSave} />);
    fireEvent.change(zoneBox(), { target: { value: 'Europe/Lisbn' } });
    // Checked as it is typed…
    expect(screen.getByText(/“Europe\/Lisbn” is not a time zone this browser knows/)).toBeTruthy();
    expect(zoneBox().getAttribute('aria-invalid')).toBe('true');
    // …and by the save, whose problem is worded next to the field, not as a JSON path.
    fireEvent.click(screen.getByRole('button', { name: /^Save/ }));
    const error = await waitFor(() => {
      const p = document.querySelector('.cb-field--invalid .cb-field__error');
      if (!p) throw new Error(`no error next to the field yet: ${document.body.textContent ?? ''}`);
      return p;
    });
    expect(error.textContent).toMatch(/^Your time zone: pick a zone from the list/);
    expect(error.textContent).not.toContain('$.');
  });
});
