/**
 * The extension's HAR path in Chromium, driven like tests/e2e: a helpdesk
 * ticket page (served at Zendesk's real URL so the content script runs)
 * with a file input; the bench chooses a HAR from disk and times, in the
 * page's own clock, from the input event to the page's `change` handler
 * receiving `<name>.sanitized.har` (content script → sanitizer frame →
 * worker streaming File.stream() → Blob back). Before choosing, it focuses
 * the input and waits a second, as the agent's file dialog would: the
 * sanitizer frame and its spare worker start then, not after the choice. The page never reads the
 * file. Peak memory is Chromium's process RSS sampled from /proc (every
 * process the launched browser spawned), the largest single process and the
 * sum of all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/4242';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Ticket #4242</title>
<script>
  window.__bench = { started: null, delivered: null, name: null, size: null };
  // Registered before any content script: the first listener to see the agent's choice.
  window.addEventListener('input', () => { if (window.__bench.started === null) window.__bench.started = performance.now(); }, true);
</script></head><body><main><h1>Ticket #4242</h1>
<input id="attach" type="file">
<script>
  document.getElementById('attach').addEventListener('change', (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file || !/sanitized/.test(file.name)) return;
    window.__bench.delivered = performance.now();
    window.__bench.name = file.name;
    window.__bench.size = file.size;
  });
</script></main></body></html>`;

export function buildExtension(): void {
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`npm run build failed: ${result.stderr || result.stdout}`);
  }
}

/** RSS of every process descended from this one (Playwright's Chromium), in bytes, by pid. */
function chromiumRss(): Map<number, number> {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      if (kb) rss.set(Number(name), Number(kb) * 1024);
    } catch {
      // the process ended while we looked
    }
  }
  const ours = new Map<number, number>();
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        ours.set(pid, bytes);
        break;
      }
    }
  }
  return ours;
}

export interface BrowserRun {
  ms: number;
  deliveredBytes: number;
  peakProcessRss: number;
  peakTotalRss: number;
  crashed: boolean;
}

export class ExtensionBench {
  private constructor(private readonly context: BrowserContext) {}

  static async launch(): Promise<ExtensionBench> {
    const context = await chromium.launchPersistentContext('', {
      executablePath: findChromium(),
      headless: true,
      args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
    });
    await context.route(/^https?:\/\//, (route) => {
      if (
        route.request().resourceType() === 'document' &&
        route.request().url().startsWith(TICKET_URL)
      )
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
      return route.abort('internetdisconnected');
    });
    return new ExtensionBench(context);
  }

  /** Choose `file` on the ticket page and wait until the page's handler has the sanitized file. */
  async run(file: string, timeoutMs: number): Promise<BrowserRun> {
    const page: Page = await this.context.newPage();
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await page.goto(TICKET_URL);
    // The content script has its listeners in once it has mounted the panel host.
    await page.waitForFunction(() => document.querySelector('casebook-panel') !== null, null, {
      timeout: 30_000,
    });
    let peakProcess = 0;
    let peakTotal = 0;
    const sample = () => {
      let total = 0;
      for (const bytes of chromiumRss().values()) {
        total += bytes;
        peakProcess = Math.max(peakProcess, bytes);
      }
      peakTotal = Math.max(peakTotal, total);
    };
    const sampler = setInterval(sample, 200);
    try {
      // The agent clicks the input and the file dialog opens: the sanitizer frame starts meanwhile.
      await page.focus('#attach');
      await page.waitForSelector('iframe[data-casebook="har-sanitizer"]', { state: 'attached' });
      await page.waitForTimeout(1000); // picking a file in the dialog takes a person at least this long
      await page.setInputFiles('#attach', file);
      const started = Date.now();
      for (;;) {
        if (crashed) break;
        const done = await page
          .evaluate(
            () =>
              (window as unknown as { __bench: { delivered: number | null } }).__bench.delivered,
          )
          .catch(() => null);
        if (done !== null) break;
        if (Date.now() - started > timeoutMs)
          throw new Error(`no sanitized file after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
      sample();
      if (crashed)
        return {
          ms: NaN,
          deliveredBytes: 0,
          peakProcessRss: peakProcess,
          peakTotalRss: peakTotal,
          crashed,
        };
      const bench = await page.evaluate(
        () =>
          (window as unknown as { __bench: { started: number; delivered: number; size: number } })
            .__bench,
      );
      return {
        ms: bench.delivered - bench.started,
        deliveredBytes: bench.size,
        peakProcessRss: peakProcess,
        peakTotalRss: peakTotal,
        crashed,
      };
    } finally {
      clearInterval(sampler);
      await page.close().catch(() => undefined);
    }
  }

  /**
   * The same file through a bare JSON round trip in a page of the same
   * browser (file.text → parse → stringify → Blob). `file` must not end in
   * .har, or the extension would take it.
   */
  async pageRoundTrip(file: string): Promise<number> {
    const page = await this.context.newPage();
    try {
      await page.goto(TICKET_URL);
      await page.setInputFiles('#attach', file);
      return await page.evaluate(async () => {
        const chosen = (document.getElementById('attach') as HTMLInputElement).files![0]!;
        const t0 = performance.now();
        const blob = new Blob([JSON.stringify(JSON.parse(await chosen.text()))]);
        if (blob.size === 0) throw new Error('empty');
        return performance.now() - t0;
      });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
