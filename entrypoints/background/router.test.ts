import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProtocolFailure } from '../../lib/messaging/envelope';
import type { HandlerMap } from '../../lib/messaging/protocol';
import { WorkflowError } from '../../lib/workflow/errors';
import { createRouter } from './router';

/** Every request type answered by `answer`. */
function routerAnswering(answer: () => Promise<unknown>) {
  const handlers = new Proxy({}, { get: () => answer }) as HandlerMap<null>;
  return createRouter(
    handlers,
    () => null,
    async () => {},
  );
}

describe('router', () => {
  it('passes a valid reply through', async () => {
    const route = routerAnswering(async () => ({ items: [] }));
    expect(await route({ type: 'template.list' }, {})).toEqual({ ok: true, data: { items: [] } });
  });

  it('never sends a reply that breaks the protocol', async () => {
    const route = routerAnswering(async () => ({ items: [{ id: 'Not An Id' }] }));
    const reply = await route({ type: 'template.list' }, {});
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: 'The background produced an invalid "template.list" reply.',
      },
    });
  });

  it.each([
    [new ProtocolFailure('not-found', 'No run "zendesk:1".'), 'not-found', 'No run "zendesk:1".'],
    [
      new WorkflowError('blocked', 'Closing needs a root cause.', ['Pick a root-cause tag.']),
      'blocked',
      'Closing needs a root cause.',
    ],
    [
      new z.ZodError([{ code: 'custom', message: 'bad', path: ['name'], input: 1 }]),
      'invalid-value',
      expect.stringContaining('bad'),
    ],
    [new TypeError('x is undefined'), 'internal', 'TypeError: x is undefined'],
  ])('turns %o into a %s error', async (error, code, message) => {
    const route = routerAnswering(async () => {
      throw error;
    });
    expect(await route({ type: 'template.list' }, {})).toMatchObject({
      ok: false,
      error: { code, message },
    });
  });

  it("keeps the engine's reasons as details", async () => {
    const route = routerAnswering(async () => {
      throw new WorkflowError('blocked', 'Blocked.', ['Pick a root-cause tag.']);
    });
    expect(await route({ type: 'template.list' }, {})).toMatchObject({
      error: { details: { reasons: ['Pick a root-cause tag.'] } },
    });
  });

  it('runs no handler for a malformed request', async () => {
    let called = false;
    const route = routerAnswering(async () => {
      called = true;
      return {};
    });
    expect(await route({ type: 'template.get', id: 'support-ticket' }, {})).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(called).toBe(false);
  });
});
