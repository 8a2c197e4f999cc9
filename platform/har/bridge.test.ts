// @vitest-environment happy-dom
import { File as NodeFile } from 'node:buffer';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import type { PanelNotice } from '../../components/panel/types';
import { startBridge } from './bridge';
import { reviewPanelFiles } from './panel-files';
import {
  GUARD_ACK,
  GUARD_OFFER,
  type GuardDecision,
  type GuardReview,
  type GuardWarm,
} from './guard-channel';
import { HarRejected, type HarSanitizer } from './sanitizer-client';
import { defaultSettings } from '../../lib/settings/schema';

const HAR = JSON.stringify({
  log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [] },
});

/** Node's File and MessageChannel: happy-dom's MessagePort does not carry File objects. */
const file = (text: string, name: string) => new NodeFile([text], name) as unknown as File;

/** Plays the page-world guard: offers a port, sends one review, returns the decision. */
async function review(
  files: File[],
  options: Parameters<typeof startBridge>[1],
  /** Started already (to cancel through it); otherwise started here. */
  started = false,
): Promise<GuardDecision> {
  if (!started) startBridge(document, options);
  const channel = new MessageChannel();
  const acked = new Promise((resolve) => document.addEventListener(GUARD_ACK, resolve));
  document.dispatchEvent(
    new MessageEvent(GUARD_OFFER, { ports: [channel.port2 as unknown as MessagePort] }),
  );
  await acked;
  const answer = new Promise<GuardDecision>((resolve) => {
    channel.port1.once('message', (data: GuardDecision) => resolve(data));
  });
  channel.port1.postMessage({ id: 1, via: 'input', files } satisfies GuardReview);
  channel.port1.unref();
  return answer;
}

describe('the file guard bridge', () => {
  it('blocks a HAR whose review fails for a reason of its own, and tells the agent', async () => {
    const notices: PanelNotice[] = [];
    const decision = await review([file(HAR, 'capture.json')], {
      notify: (n) => notices.push(n),
      settings: () => Promise.reject(new Error('the settings could not be read')),
    });
    expect(decision).toEqual({ id: 1, action: 'block' });
    expect(notices.map((n) => n.text)).toEqual([
      // (Node's port carries the bytes, not the name.)
      expect.stringMatching(
        /was not attached: .*the settings could not be read.*Nothing was uploaded/,
      ),
    ]);
  });

  it('lets a file that is not a HAR pass without asking for settings', async () => {
    let asked = 0;
    const decision = await review([file('hello', 'notes.txt')], {
      notify: () => undefined,
      settings: async () => {
        asked++;
        return undefined;
      },
    });
    expect(decision).toEqual({ id: 1, action: 'pass' });
    expect(asked).toBe(0);
  });

  it("the agent's Cancel stops the job, blocks the file and says nothing was attached", async () => {
    const notices: PanelNotice[] = [];
    let handedOn = false;
    // A sanitizer that never finishes on its own (a huge file, a slow rule).
    const sanitizer: HarSanitizer = {
      sanitize: (_file, opts) =>
        new Promise((_resolve, reject) => {
          opts?.signal?.addEventListener('abort', () =>
            reject(new HarRejected('cancelled', 'Sanitizing was cancelled.')),
          );
        }).then(() => {
          handedOn = true;
          return undefined as never;
        }),
      warm: () => undefined,
      dispose: () => undefined,
    };
    const options = {
      notify: (n: PanelNotice) => notices.push(n),
      settings: async () => undefined,
      sanitizer: () => sanitizer,
    };
    const bridge = startBridge(document, options);
    const decision = review([file(HAR, 'capture.har')], options, true);
    await vi.waitFor(() => expect(notices[0]?.job).toBeTruthy());
    const job = notices[0]!.job!;
    expect(bridge.cancel('someone-else')).toBe(false);
    expect(bridge.cancel(job)).toBe(true);
    expect(await decision).toEqual({ id: 1, action: 'block' });
    expect(handedOn).toBe(false);
    const last = notices.at(-1)!;
    expect(last.tone).toBe('error');
    expect(last.text).toMatch(
      /was not attached: sanitizing was cancelled\. Nothing was uploaded\./,
    );
    // Nothing left to cancel: the finished notice offers no Cancel.
    expect(last.job).toBeUndefined();
    expect(bridge.cancel(job)).toBe(false);
  });

  it("reviews what the panel's own field got itself (Firefox): a HAR sanitized with its count", async () => {
    const sanitized = new NodeFile(['{"log":{}}'], 'x') as unknown as File;
    const sanitizer: HarSanitizer = {
      sanitize: async () => ({
        file: sanitized,
        report: { total: 3, counts: { header: 3 } } as never,
      }),
      warm: () => undefined,
      dispose: () => undefined,
    };
    startBridge(document, {
      notify: () => undefined,
      settings: async () => undefined,
      sanitizer: () => sanitizer,
    });
    const out = await reviewPanelFiles([file(HAR, 'capture.har'), file('hi', 'notes.txt')]);
    expect(out).toHaveLength(2);
    expect(out![0]!.file.name).toBe('capture.sanitized.har');
    expect(out![0]!.sanitized).toEqual({ redactions: 3, byKind: { header: 3 } });
    expect(out![1]!.file.name).toBe('notes.txt');
    expect(out![1]!.sanitized).toBeUndefined();
  });

  it("blocks the panel's own choice when sanitizing fails (told by a notice), never passes it", async () => {
    const notices: PanelNotice[] = [];
    startBridge(document, {
      notify: (n) => notices.push(n),
      settings: async () => undefined,
      sanitizer: () => ({
        sanitize: () => Promise.reject(new HarRejected('invalid', 'not a HAR after all')),
        warm: () => undefined,
        dispose: () => undefined,
      }),
    });
    expect(await reviewPanelFiles([file(HAR, 'capture.har')])).toBeUndefined();
    expect(notices.at(-1)!.tone).toBe('error');
  });

  it("asks the frame to vouch only for the panel's own field: a file for the page is not delayed by it", async () => {
    const asked: Array<boolean | undefined> = [];
    const sanitizer: HarSanitizer = {
      sanitize: async (_file, opts) => {
        asked.push(opts?.vouch);
        return {
          file: new NodeFile(['{"log":{}}'], 'x') as unknown as File,
          report: { total: 0, counts: {} } as never,
        };
      },
      warm: () => undefined,
      dispose: () => undefined,
    };
    const options = {
      notify: () => undefined,
      settings: async () => undefined,
      sanitizer: () => sanitizer,
    };
    // (The decision's files cannot cross Node's port: only what the sanitizer was asked matters here.)
    await review([file(HAR, 'capture.har')], options);
    expect(await reviewPanelFiles([file(HAR, 'capture.har')])).toHaveLength(1);
    expect(asked).toEqual([false, true]);
  });

  describe('warming on a file dialog or a drag', () => {
    /** Plays the guard: offers a port and sends `{ warm: true }`; the port stays open for a review. */
    async function hint(options: Parameters<typeof startBridge>[1]) {
      startBridge(document, options);
      const channel = new MessageChannel();
      const acked = new Promise((resolve) => document.addEventListener(GUARD_ACK, resolve));
      document.dispatchEvent(
        new MessageEvent(GUARD_OFFER, { ports: [channel.port2 as unknown as MessagePort] }),
      );
      await acked;
      channel.port1.postMessage({ warm: true } satisfies GuardWarm);
      channel.port1.unref();
      return channel.port1;
    }
    const counting = () => {
      const calls = { warm: 0 };
      const sanitizer: HarSanitizer = {
        sanitize: () => Promise.reject(new Error('no file in these tests')),
        warm: () => void calls.warm++,
        dispose: () => undefined,
      };
      return { calls, sanitizer };
    };

    it('starts the sanitizer before any file is chosen', async () => {
      const { calls, sanitizer } = counting();
      await hint({
        notify: () => undefined,
        settings: async () => defaultSettings(),
        sanitizer: () => sanitizer,
      });
      await vi.waitFor(() => expect(calls.warm).toBe(1));
    });

    it('starts nothing where the lead switched HAR sanitizing off', async () => {
      const { calls, sanitizer } = counting();
      const off = defaultSettings();
      for (const h of Object.values(off.helpdesks)) h.interceptHar = false;
      let read = 0;
      await hint({
        notify: () => undefined,
        settings: async () => (read++, off),
        sanitizer: () => sanitizer,
      });
      await vi.waitFor(() => expect(read).toBe(1));
      await new Promise((r) => setTimeout(r, 20));
      expect(calls.warm).toBe(0);
    });

    it('a failed settings read while warming is not kept: the choice reads them again', async () => {
      let reads = 0;
      const options = {
        notify: () => undefined,
        settings: async () => {
          reads++;
          if (reads === 1) throw new Error('the background was restarting');
          return defaultSettings();
        },
        sanitizer: () => counting().sanitizer,
      };
      const port = await hint(options);
      await vi.waitFor(() => expect(reads).toBe(1));
      await new Promise((r) => setTimeout(r, 20));
      // The agent then chooses a HAR in the same frame: settings are read again.
      const answer = new Promise<GuardDecision>((resolve) =>
        port.once('message', (data: GuardDecision) => resolve(data)),
      );
      port.postMessage({
        id: 1,
        via: 'input',
        files: [file(HAR, 'capture.har')],
      } satisfies GuardReview);
      const decision = await answer;
      expect(reads).toBe(2);
      expect(decision).toEqual({ id: 1, action: 'block' });
    });
  });
});
