// @vitest-environment happy-dom
/**
 * Every message template on every helpdesk: whatever the run lacks is asked
 * for in the preview, Insert and Copy wait for it, and nothing inserted or
 * copied contains a `{{placeholder}}`.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMPOSER_MESSAGES, type ComposerAction } from '../../../lib/actions/composer-text';
import { draftActions, type ActionSettings } from '../../../lib/actions/drafts';
import { placeholdersIn } from '../../../lib/actions/placeholders';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { deriveRunView } from '../../../lib/workflow/derive';
import { createRun } from '../../../lib/workflow/engine';
import type { Helpdesk } from '../../../lib/workflow/schema';
import type { StepView } from '../../../lib/workflow/view';
import { MessageAction } from './MessageAction';
import { MESSAGE_BUTTON, SHOWN_WITH_STEP } from './message-words';
import type { StepActionsProps } from './props';

const T0 = Date.UTC(2026, 2, 8, 8, 0, 0);
const SETTINGS: ActionSettings = {
  tracker: { kind: 'none' } as ActionSettings['tracker'],
  sentrySearchUrl: '',
  datadogSearchUrl: '',
  statusPageAdminUrl: '',
  slackWorkspaceUrl: '',
  runbookUrl: '',
  escalationManager: '',
};
const HELPDESKS: Helpdesk[] = ['zendesk', 'intercom', 'helpscout'];

afterEach(cleanup);

function setup(helpdesk: Helpdesk, action: ComposerAction, agentName?: string) {
  // A fresh ticket: nothing but what the URL says, so every gap shows.
  const run = createRun(
    DEFAULT_TEMPLATE,
    { helpdesk, ticketId: '777', url: `https://example.test/${helpdesk}/777` },
    { name: 'Agent' },
    T0,
  ).run;
  const view = deriveRunView(DEFAULT_TEMPLATE, run, T0);
  const drafts = draftActions(DEFAULT_TEMPLATE, run, SETTINGS);
  const onInsertText = vi.fn(async (_text: string) => ({ path: 'paste' }));
  const onCopy = vi.fn(async (_text: string) => undefined);
  const onRememberAgentName = vi.fn(async (_name: string) => undefined);
  const props = {
    step: view.sections[0]!.steps[0] as StepView,
    view,
    template: DEFAULT_TEMPLATE,
    drafts,
    settings: SETTINGS,
    page: undefined,
    onInsertText,
    onCopy,
    onOpenUrl: vi.fn(),
    onPage: vi.fn(async () => undefined),
    onRecordAction: vi.fn(async () => undefined),
    onRememberAgentName,
    ...(agentName ? { agentName } : {}),
  } satisfies StepActionsProps;
  render(<MessageAction {...props} action={action} />);
  return { drafts, onInsertText, onCopy, onRememberAgentName };
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('no placeholder reaches a customer', () => {
  for (const helpdesk of HELPDESKS) {
    for (const action of Object.keys(COMPOSER_MESSAGES) as ComposerAction[]) {
      it(`${helpdesk}: ${action} asks for every gap and inserts and copies none`, async () => {
        const { drafts, onInsertText, onCopy, onRememberAgentName } = setup(helpdesk, action);
        const drafted = drafts.messages[action];
        if (!drafted.ok) throw new Error(drafted.reason);
        // The step's own message is shown with the step; the others on request.
        if (SHOWN_WITH_STEP.has(action))
          expect(screen.queryByRole('button', { name: MESSAGE_BUTTON[action] })).toBeNull();
        else fireEvent.click(button(MESSAGE_BUTTON[action]));
        const gaps = placeholdersIn(drafted.text);
        const asked = [...document.querySelectorAll('[data-placeholder]')].map((el) =>
          el.getAttribute('data-placeholder'),
        );
        expect(asked).toEqual(gaps);
        if (gaps.length > 0) {
          expect(button('Insert into reply').disabled).toBe(true);
          expect(button('Copy').disabled).toBe(true);
        }
        for (const field of document.querySelectorAll('[data-placeholder]'))
          fireEvent.change(field, { target: { value: 'Sam Support' } });
        fireEvent.click(button('Copy'));
        expect(await screen.findByText('Copied.')).toBeTruthy();
        fireEvent.click(button('Insert into reply'));
        await waitFor(() => expect(onInsertText).toHaveBeenCalledTimes(1));
        for (const sent of [onCopy.mock.calls[0]![0], onInsertText.mock.calls[0]![0]]) {
          expect(sent).not.toMatch(/\{\{|\}\}/);
        }
        // The signature's name is asked once: it is kept for the next message.
        if (gaps.includes('agent.name'))
          expect(onRememberAgentName).toHaveBeenCalledWith('Sam Support');
      });
    }
  }

  it("signs with the agent's known name without asking", () => {
    setup('intercom', 'insert-first-touch', 'Ana Agent');
    expect(document.querySelector('[data-placeholder="agent.name"]')).toBeNull();
    expect(
      (screen.getByRole('textbox', { name: /review before sending/ }) as HTMLTextAreaElement).value,
    ).toContain('Ana Agent');
  });
});
