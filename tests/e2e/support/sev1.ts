/**
 * What the SEV1 browser tests share: a local PagerDuty Events API stub, the
 * settings that point paging at it, each helpdesk's reply editor, and
 * filling a text field of the panel.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect } from './extension';
import type { HelpdeskId, PanelObject } from './helpdesk';

/** Each helpdesk's reply editor in its fixture, and what opens it. */
export const COMPOSERS: Record<
  HelpdeskId,
  { editor: string; open?: (page: Page) => Promise<void> }
> = {
  zendesk: {
    editor: '.ticket-panes-grid-layout.active [data-test-id="omnicomposer-rich-text-ckeditor"]',
  },
  intercom: { editor: '[data-conversation-reply-composer] .ProseMirror' },
  helpscout: {
    editor: '[data-slate-editor]',
    open: (page) => page.getByTestId('reply-button').click(),
  },
};
export const ROUTING_KEY = 'R0123456789abcdefABCDEF012345678';

export interface Stub {
  server: Server;
  endpoint: string;
  events: Array<Record<string, unknown>>;
  /** Statuses to answer before the default 202, in order. */
  script: number[];
}

/** The Events API as the extension sees it: CORS for the extension origin, 202 for a trigger. */
export async function startStub(): Promise<Stub> {
  const events: Array<Record<string, unknown>> = [];
  const script: number[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const event = JSON.parse(raw) as Record<string, unknown>;
      events.push(event);
      const status = script.shift() ?? 202;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 202
            ? { status: 'success', message: 'Event processed', dedup_key: event.dedup_key }
            : { status: 'error', message: 'Service unavailable' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}/v2/enqueue`, events, script };
}

export async function fillText(panel: PanelObject, stepId: string, fieldId: string, value: string) {
  await panel.expandStep(stepId);
  const input = panel.host.locator(`#cb-${stepId}--${fieldId}--input`);
  await input.fill(value);
  await input.blur();
}

/** Point paging at the stub and name the agent; `more` requests are sent after, in order. */
export async function configure(
  options: Page,
  endpoint: string,
  more: Array<Record<string, unknown>> = [],
): Promise<void> {
  const failures = await options.evaluate(
    async ({ endpoint, key, more }) => {
      const out: string[] = [];
      for (const message of [
        {
          type: 'settings.update',
          patch: { integrations: { pagerDuty: { endpoint } }, agent: { name: 'Ana Agent' } },
        },
        { type: 'secrets.setPagerDutyKey', key },
        ...more,
      ]) {
        const { runtime } = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).chrome;
        const reply = (await runtime.sendMessage(message)) as {
          ok: boolean;
          error?: unknown;
        };
        if (!reply.ok) out.push(JSON.stringify(reply.error));
      }
      return out;
    },
    { endpoint, key: ROUTING_KEY, more },
  );
  expect(failures).toEqual([]);
}
