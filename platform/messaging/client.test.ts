import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestError, send, subscribe } from './client';
import { installFakePorts, type FakePortHub } from './testing/fake-ports';

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
    await expect(send({ type: 'template.list' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('did not answer'),
    });
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
