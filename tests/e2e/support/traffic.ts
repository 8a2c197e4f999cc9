/**
 * What the background receives and sends, counted in the background itself:
 * every request (an extra `runtime.onMessage` listener, with its sender's URL
 * and what it asked) and every push (the ports' `postMessage`).
 */
import type { Worker } from '@playwright/test';

export interface Traffic {
  requests: Array<{ type: string; from: string; message: Record<string, unknown> }>;
  pushes: Array<{ type: string; to: string }>;
}

type Port = { sender?: { url?: string }; postMessage(m: { type?: string }): void };
type Chrome = {
  runtime: {
    id: string;
    onMessage: {
      addListener(
        l: (m: Record<string, unknown>, s: { url?: string; tab?: unknown }) => void,
      ): void;
    };
    onConnect: { addListener(l: (port: Port) => void): void };
  };
};

/** Start counting in the background (from now on, every view's traffic). */
export async function countTraffic(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { chrome: Chrome; __traffic?: Traffic };
    const traffic: Traffic = { requests: [], pushes: [] };
    g.__traffic = traffic;
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      traffic.requests.push({ type: String(message?.type), from: sender.url ?? '', message });
    });
    // Listeners of one event get the same Port object: wrapping it here counts the hub's sends.
    g.chrome.runtime.onConnect.addListener((port) => {
      const send = port.postMessage.bind(port);
      port.postMessage = (message) => {
        traffic.pushes.push({ type: String(message?.type), to: port.sender?.url ?? '' });
        send(message);
      };
    });
  });
}

export async function traffic(serviceWorker: Worker): Promise<Traffic> {
  return serviceWorker.evaluate(() => (globalThis as unknown as { __traffic: Traffic }).__traffic);
}

export async function resetTraffic(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const t = (globalThis as unknown as { __traffic: Traffic }).__traffic;
    t.requests.length = 0;
    t.pushes.length = 0;
  });
}
