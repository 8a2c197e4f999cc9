import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkEnvelope, checkPush, RequestError, send, subscribe } from './content-client';
import { installFakePorts, type FakePortHub } from './testing/fake-ports';

let ports: FakePortHub;
beforeEach(() => {
  ports = installFakePorts();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('checkEnvelope', () => {
  it('passes an ok reply with its data as it came, and a failure with its error', () => {
    expect(checkEnvelope({ ok: true, data: { text: 1 } })).toEqual({
      ok: true,
      value: { ok: true, data: { text: 1 } },
    });
    expect(
      checkEnvelope({ ok: false, error: { code: 'not-found', message: 'No run.', details: 3 } }),
    ).toEqual({
      ok: true,
      value: { ok: false, error: { code: 'not-found', message: 'No run.', details: 3 } },
    });
  });

  it('refuses anything that is not the envelope', () => {
    for (const raw of [
      undefined,
      null,
      'ok',
      [],
      {},
      { ok: 'true', data: {} },
      { ok: true },
      { ok: false },
      { ok: false, error: { code: 'teapot', message: 'x' } },
      { ok: false, error: { code: 'internal' } },
    ]) {
      expect(checkEnvelope(raw).ok, JSON.stringify(raw)).toBe(false);
    }
  });
});

describe('checkPush', () => {
  it('passes the pushes the background sends and drops the rest', () => {
    const run = { id: 'zendesk:1', revision: 2 };
    expect(checkPush({ type: 'run-changed', run }).ok).toBe(true);
    expect(checkPush({ type: 'run-removed', runId: 'zendesk:1' }).ok).toBe(true);
    expect(checkPush({ type: 'open-runs-changed' }).ok).toBe(true);
    expect(checkPush({ type: 'settings-changed' }).ok).toBe(true);
    for (const raw of [
      null,
      { type: 'drop-tables' },
      { type: 'run-changed' },
      { type: 'run-changed', run: { id: 'zendesk:1' } },
      { type: 'run-removed' },
    ]) {
      expect(checkPush(raw).ok, JSON.stringify(raw)).toBe(false);
    }
  });
});

describe('send and subscribe', () => {
  it('returns the data, throws the background’s error, and says when nobody answered', async () => {
    let reply: unknown = { ok: true, data: { text: 'a', filename: 'a.md' } };
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      seen.push(message);
      return reply;
    });
    await expect(
      send({ type: 'run.export', runId: 'zendesk:9', format: 'bug-md' }),
    ).resolves.toEqual({ text: 'a', filename: 'a.md' });
    // Sent as written: the router validates it.
    expect(seen).toEqual([{ type: 'run.export', runId: 'zendesk:9', format: 'bug-md' }]);
    reply = { ok: false, error: { code: 'not-found', message: 'No run "zendesk:9".' } };
    const failed = send({ type: 'run.get', runId: 'zendesk:9' });
    await expect(failed).rejects.toBeInstanceOf(RequestError);
    await expect(failed).rejects.toMatchObject({ code: 'not-found' });
    reply = 'garbage';
    await expect(send({ type: 'run.get', runId: 'zendesk:9' })).rejects.toMatchObject({
      code: 'internal',
      message: 'Malformed reply to "run.get".',
    });
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

  it('delivers the known pushes of its topic and ignores malformed ones', async () => {
    const seen: unknown[] = [];
    const stop = subscribe({ kind: 'open-runs' }, (m) => seen.push(m));
    await tick();
    ports.serverPorts[0]!.postMessage({ type: 'open-runs-changed' });
    ports.serverPorts[0]!.postMessage({ type: 'drop-tables' });
    ports.serverPorts[0]!.postMessage({ type: 'run-changed' });
    await tick();
    expect(seen).toEqual([{ type: 'open-runs-changed' }]);
    stop();
  });
});
