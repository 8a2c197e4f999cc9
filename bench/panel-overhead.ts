/**
 * The panel benchmark's page-overhead section (bench/panel.bench.ts, 3.): the
 * same busy ticket page with the panel and at a host no content script
 * matches, alternating in one browser, measured with CDP metrics and the
 * content script's own sampled self time.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** Same fixture, at a host no content script matches. */
const UNMATCHED_ORIGIN = 'https://acme.helpdesk-bench.example';
export const OVERHEAD_RUNS = 11;
/** Batches of 40 list updates, one every ≥ 4 ms (4–7 s of page activity). */
export const WORKLOAD_BATCHES = 1_000;

/**
 * The page's own workload: keep rewriting a list, as a busy helpdesk does
 * with live updates. A fixed number of batches, not a fixed time: with the
 * extension slowing the page, a time-bound loop would simply run fewer
 * batches and hide the cost; with the same work on both sides, the extra
 * script time is the extension's.
 */
async function runWorkload(page: Page): Promise<number> {
  return page.evaluate(
    (batches) =>
      new Promise<number>((done) => {
        const start = performance.now();
        const list = document.createElement('ul');
        list.setAttribute('data-test-id', 'live-feed');
        document.querySelector('aside.views')!.appendChild(list);
        let n = 0;
        let left = batches;
        const tick = () => {
          for (let i = 0; i < 40; i++) {
            const li = document.createElement('li');
            li.textContent = `Ticket #${10_000 + (n++ % 5000)} updated ${n}`;
            list.prepend(li);
          }
          while (list.childElementCount > 200) list.lastElementChild!.remove();
          (list.firstElementChild as HTMLElement).style.color = n % 2 ? 'red' : 'blue';
          if (--left > 0) setTimeout(tick, 4);
          else {
            list.remove();
            done(performance.now() - start);
          }
        };
        tick();
      }),
    WORKLOAD_BATCHES,
  );
}

export interface Metrics {
  script: number;
  task: number;
  layout: number;
  style: number;
  /** Sampled self time of the content script's own functions (profiler), ms. */
  extensionSelf: number;
  /** Wall time the workload took, ms. */
  wall: number;
}

/**
 * One workload run on a ticket page. `matched`: at the helpdesk's real URL,
 * where the content script runs and shows the panel; otherwise the same
 * fixture at a host no content script matches — the same page without the
 * extension, in the same browser, so the two differ only by the extension.
 */
async function measureOverhead(
  context: BrowserContext,
  origin: string,
  matched: boolean,
  profiled = false,
): Promise<Metrics> {
  const page = await context.newPage();
  try {
    await page.goto(`${matched ? origin : UNMATCHED_ORIGIN}/agent/tickets/4242`);
    if (matched) {
      await page.locator('casebook-panel[data-ticket-id="4242"] .cb-sections').waitFor();
    } else {
      await page.locator('[data-test-id="omni-header-subject"]').waitFor();
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profiled) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return {
        script: get('ScriptDuration') * 1000,
        task: get('TaskDuration') * 1000,
        layout: get('LayoutDuration') * 1000,
        style: get('RecalcStyleDuration') * 1000,
      };
    };
    const before = await read();
    if (profiled) await cdp.send('Profiler.start');
    const wall = await runWorkload(page);
    const profile = profiled ? (await cdp.send('Profiler.stop')).profile : undefined;
    const after = await read();
    await cdp.detach();
    return {
      script: after.script - before.script,
      task: after.task - before.task,
      layout: after.layout - before.layout,
      style: after.style - before.style,
      extensionSelf: profile ? selfTimeIn(profile, 'chrome-extension://') : 0,
      wall,
    };
  } finally {
    await page.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampled self time (ms) of functions whose script URL starts with `prefix`. */
function selfTimeIn(profile: CpuProfile, prefix: string): number {
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  for (let i = 0; i < samples.length; i++) {
    if (urlOf.get(samples[i]!)?.startsWith(prefix)) us += deltas[i] ?? 0;
  }
  return us / 1000;
}

/** Paired runs with and without the panel, then profiled runs with it, in a browser from `launch`. */
export async function benchOverhead(
  launch: () => Promise<BrowserContext>,
  origin: string,
): Promise<{
  with: Metrics[];
  without: Metrics[];
  profiled: Metrics[];
}> {
  const context = await launch();
  const result = { with: [] as Metrics[], without: [] as Metrics[], profiled: [] as Metrics[] };
  try {
    // Warm both (the first load compiles the fixture's script, opens the DB).
    await measureOverhead(context, origin, true);
    await measureOverhead(context, origin, false);
    // Pairs in alternating order, so neither side always runs second; no
    // profiler in these runs (its sampling costs script time of its own).
    for (let i = 0; i < OVERHEAD_RUNS; i++) {
      if (i % 2 === 0) {
        result.without.push(await measureOverhead(context, origin, false));
        result.with.push(await measureOverhead(context, origin, true));
      } else {
        result.with.push(await measureOverhead(context, origin, true));
        result.without.push(await measureOverhead(context, origin, false));
      }
    }
    // The content script's own share, sampled separately.
    for (let i = 0; i < 3; i++)
      result.profiled.push(await measureOverhead(context, origin, true, true));
  } finally {
    await context.close();
  }
  return result;
}
