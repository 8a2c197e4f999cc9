import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestError, send, subscribe } from './client';
import { installFakePorts, type FakePortHub } from './testing/fake-ports';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { createRun } from '../../lib/workflow/engine';

let ports: FakePortHub;
beforeEach(() => {
  ports = installFakePorts();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('send', () => {
  it('returns the data of an ok reply and throws the error of a failed one', async () => {
    let reply: unknown = { ok: true, data: { template: undefined } };
    fakeBrowser.runtime.onMessage.addListener(async () => reply);
    reply = { ok: false, error: { code: 'not-found', message: 'No run "zendesk:9".' } };
    const failed = send({ type: 'run.get', runId: 'zendesk:9' });
    await expect(failed).rejects.toBeInstanceOf(RequestError);
    await expect(failed).rejects.toMatchObject({
      code: 'not-found',
      message: 'No run "zendesk:9".',
    });
    reply = { ok: true, data: { text: 'a', filename: 'a.md' } };
    await expect(
      send({ type: 'run.export', runId: 'zendesk:9', format: 'bug-md' }),
    ).resolves.toEqual({
      text: 'a',
      filename: 'a.md',
    });
  });

  it('treats a reply that does not match the protocol as an internal error', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, data: { text: 1 } }));
    await expect(
      send({ type: 'run.export', runId: 'zendesk:9', format: 'bug-md' }),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('says so when the background does not answer', async () => {
    // What Chrome does with no listener, stated here rather than left to whatever else this
    // worker's earlier test files registered on the shared fake browser.
    const sendMessage = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(
        new Error('Could not establish connection. Receiving end does not exist.'),
      );
    await expect(send({ type: 'template.list' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('did not answer'),
    });
    sendMessage.mockRestore();
  });
});

describe('subscribe', () => {
  it('subscribes over a casebook-sync port and delivers only valid pushes', async () => {
    const seen: unknown[] = [];
    const received: unknown[] = [];
    fakeBrowser.runtime.onConnect.addListener((port) => {
      port.onMessage.addListener((m: unknown) => received.push(m));
    });
    const stop = subscribe({ kind: 'open-runs' }, (m) => seen.push(m));
    await tick();
    expect(received).toEqual([{ type: 'subscribe', topic: { kind: 'open-runs' } }]);
    ports.serverPorts[0]!.postMessage({ type: 'open-runs-changed' });
    ports.serverPorts[0]!.postMessage({ type: 'open-runs-changed', extra: 'ignored' });
    ports.serverPorts[0]!.postMessage({ type: 'drop-tables' });
    await tick();
    expect(seen).toEqual([{ type: 'open-runs-changed' }, { type: 'open-runs-changed' }]);
    stop();
    await tick();
    expect(received.at(-1)).toEqual({ type: 'unsubscribe', topic: { kind: 'open-runs' } });
    expect(ports.serverPorts).toHaveLength(0);
  });

  it('gives up, once, when the extension context is gone', async () => {
    (fakeBrowser.runtime as unknown as { connect: () => never }).connect = () => {
      throw new Error('Extension context invalidated.');
    };
    const errors: unknown[] = [];
    const stop = subscribe({ kind: 'settings' }, () => undefined, {
      onGiveUp: (e) => errors.push(e),
    });
    await tick();
    expect(errors).toHaveLength(1);
    stop();
  });
});

describe('a change this view asked for', () => {
  it('reaches its own subscribers of that run from the reply, since the background pushes it only to other views', async () => {
    const T0 = Date.UTC(2026, 11, 4, 9);
    const { run } = createRun(
      DEFAULT_TEMPLATE,
      { helpdesk: 'zendesk', ticketId: '77', url: 'https://acme.zendesk.com/agent/tickets/77' },
      { name: 'Ana' },
      T0,
    );
    const view = deriveRunView(DEFAULT_TEMPLATE, run, T0);
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, data: { run, view } }));
    const mine: unknown[] = [];
    const other: unknown[] = [];
    const stop = subscribe({ kind: 'run', runId: run.id }, (m) => mine.push(m));
    subscribe({ kind: 'run', runId: 'zendesk:78' }, (m) => other.push(m));
    await send({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      actor: { name: 'Ana' },
    });
    expect(mine).toEqual([{ type: 'run-changed', run, view }]);
    expect(other).toEqual([]);
    stop();
    await send({
      type: 'run.mutate',
      runId: run.id,
      mutation: { type: 'set-step-status', stepId: 'acknowledge', status: 'done' },
      actor: { name: 'Ana' },
    });
    expect(mine).toHaveLength(1);
  });
});
