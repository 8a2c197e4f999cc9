/**
 * The extension's HAR path in Chromium, driven like tests/e2e: a helpdesk
 * ticket page (served at Zendesk's real URL so the content script runs)
 * with a file input; the bench chooses a HAR from disk and times, in the
 * page's own clock, from just before the choice to the page's `change` handler
 * receiving `<name>.sanitized.har` (content script → sanitizer frame →
 * worker streaming File.stream() → Blob back). Before choosing, it focuses
 * the input and waits a second, as the agent's file dialog would: the
 * sanitizer frame and its worker start then, not after the choice. The page
 * never reads the file. Peak memory is Chromium's process RSS sampled from
 * /proc (every process the launched browser spawned), the largest single
 * process (with its type) and the sum of all; CPU time is the sum over those
 * processes between the choice and the delivery, steadier than wall time on
 * a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/4242';
/**
 * The baseline's page: a site Casebook does not run on. On the ticket page the
 * extension knows a HAR by its content whatever the file's name, so the
 * baseline would time the extension.
 */
const BASELINE_URL = 'https://baseline.example/';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Ticket #4242</title>
<script>
  window.__bench = { started: null, delivered: null, name: null, size: null };
</script></head><body><main><h1>Ticket #4242</h1>
<input id="attach" type="file">
<script>
  document.getElementById('attach').addEventListener('change', (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file || !/sanitized/.test(file.name)) return;
    window.__bench.delivered = performance.now();
    window.__bench.name = file.name;
    window.__bench.size = file.size;
    if (window.__bench.wake) window.__bench.wake();
  });
</script></main></body></html>`;

export function buildExtension(): void {
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`npm run build failed: ${result.stderr || result.stdout}`);
  }
}

interface ChromiumProcess {
  rss: number;
  /** user + system CPU time so far, in ms */
  cpuMs: number;
  /** Chromium's --type (renderer, gpu-process, utility, …); "browser" for the main process. */
  type: string;
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

/** Every process descended from this one (Playwright's Chromium), by pid: RSS, CPU time and type. */
function chromiumProcesses(): Map<number, ChromiumProcess> {
  const parent = new Map<number, number>();
  const info = new Map<number, ChromiumProcess>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      info.set(Number(name), {
        rss: Number(kb ?? 0) * 1024,
        cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
        type: /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser',
      });
    } catch {
      // the process ended while we looked
    }
  }
  const ours = new Map<number, ChromiumProcess>();
  for (const [pid, process_] of info) {
    for (let p: number | undefined = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        ours.set(pid, process_);
        break;
      }
    }
  }
  return ours;
}

/** CPU time of every Chromium process, in ms (the steadier figure on a shared machine). */
function chromiumCpuMs(): number {
  let total = 0;
  for (const p of chromiumProcesses().values()) total += p.cpuMs;
  return total;
}

export interface BrowserRun {
  ms: number;
  /** CPU time all Chromium processes spent from the choice to the delivery (polling included). */
  cpuMs: number;
  /** The process type with the largest peak RSS. */
  peakProcessType: string;
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
        (route.request().url().startsWith(TICKET_URL) ||
          route.request().url().startsWith(BASELINE_URL))
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
    let peakProcessType = '';
    let peakTotal = 0;
    const sample = () => {
      let total = 0;
      for (const p of chromiumProcesses().values()) {
        total += p.rss;
        if (p.rss > peakProcess) {
          peakProcess = p.rss;
          peakProcessType = p.type;
        }
      }
      peakTotal = Math.max(peakTotal, total);
    };
    const sampler = setInterval(sample, 200);
    try {
      // The agent clicks the input and the file dialog opens: the sanitizer frame starts meanwhile.
      await page.focus('#attach');
      await page.waitForSelector('iframe[data-casebook="har-sanitizer"]', { state: 'attached' });
      await page.waitForTimeout(1000); // picking a file in the dialog takes a person at least this long
      const cpuBefore = chromiumCpuMs();
      // Stamped just before the choice: Casebook's guard holds the input event itself (no page
      // listener sees it before the review), so the page cannot time it from there.
      await page.evaluate(() => {
        (window as unknown as { __bench: { started: number } }).__bench.started = performance.now();
      });
      await page.setInputFiles('#attach', file);
      // One call that resolves on delivery: polling would add its own CPU time to the figure.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        page
          .evaluate(
            () =>
              new Promise<void>((resolve) => {
                const bench = (
                  window as unknown as {
                    __bench: { delivered: number | null; wake?: () => void };
                  }
                ).__bench;
                if (bench.delivered !== null) resolve();
                else bench.wake = resolve;
              }),
          )
          .catch(() => undefined), // a crashed page rejects: `crashed` says so below
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no sanitized file after ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      const cpuMs = chromiumCpuMs() - cpuBefore;
      sample();
      if (crashed)
        return {
          ms: NaN,
          cpuMs,
          peakProcessType,
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
        cpuMs,
        peakProcessType,
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
   * browser (file.text → parse → stringify → Blob), on a site the extension
   * does not run on.
   */
  async pageRoundTrip(file: string): Promise<{ ms: number; cpuMs: number }> {
    const page = await this.context.newPage();
    try {
      await page.goto(BASELINE_URL);
      await page.setInputFiles('#attach', file);
      const cpuBefore = chromiumCpuMs();
      const ms = await page.evaluate(async () => {
        const chosen = (document.getElementById('attach') as HTMLInputElement).files![0]!;
        const t0 = performance.now();
        const blob = new Blob([JSON.stringify(JSON.parse(await chosen.text()))]);
        if (blob.size === 0) throw new Error('empty');
        return performance.now() - t0;
      });
      return { ms, cpuMs: chromiumCpuMs() - cpuBefore };
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
