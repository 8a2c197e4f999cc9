/**
 * Effort benchmark: a SEV1 ticket and a SEV4 how-to ticket worked to closure
 * in the built extension on the Zendesk fixture, the way an agent would —
 * open a step when it is not open, use the step's action where it has one,
 * type a field only when it is still empty (whatever the panel already
 * recorded or prefilled is not typed again), mark the step done, skip with a
 * reason what does not apply. Prints the clicks and typed fields each ticket
 * took. The same script runs against any build (CASEBOOK_EXTENSION_DIR, e.g.
 * a build of an older main) so the two counts compare like for like.
 *
 *   npm run build && npm run bench -- effort
 *   CASEBOOK_EXTENSION_DIR=/path/to/chrome-mv3 npm run bench -- effort
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from '../scripts/find-browser.mjs';

const EXTENSION_DIR = resolve(
  process.env.CASEBOOK_EXTENSION_DIR ?? resolve(import.meta.dirname, '../.output/chrome-mv3'),
);
const FIXTURE = readFileSync(
  resolve(import.meta.dirname, '../tests/fixtures/zendesk/ticket.html'),
  'utf8',
);
const TIMEOUT = 15_000;

interface Tally {
  clicks: number;
  typed: number;
}

/** The agent's hands: every click and every field typed into is counted. */
class Agent {
  tally: Tally = { clicks: 0, typed: 0 };
  constructor(
    readonly page: Page,
    readonly host: Locator,
    readonly extension: Page,
    readonly runId: string,
  ) {}

  step(id: string): Locator {
    return this.host.locator(`li.cb-step[data-step-id="${id}"]`);
  }
  field(step: string, field: string, suffix = 'input'): Locator {
    return this.host.locator(`#cb-${step}--${field}--${suffix}`);
  }
  async click(target: Locator): Promise<void> {
    await target.click({ timeout: TIMEOUT });
    this.tally.clicks += 1;
    // DEBUG_EFFORT=1: what each click was, to see where the effort goes.
    if (process.env.DEBUG_EFFORT) console.log(`click ${this.tally.clicks}: ${String(target)}`);
  }
  async open(step: string): Promise<void> {
    const toggle = this.step(step).locator('.cb-step-toggle');
    await toggle.waitFor({ timeout: TIMEOUT });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await this.click(toggle);
  }
  /** Type into a field only if it is empty (a prefilled or recorded value is kept). */
  async type(step: string, field: string, text: string): Promise<void> {
    const input = this.field(step, field);
    await input.waitFor({ timeout: TIMEOUT });
    // As in tick(): a value the panel just recorded gets a moment to arrive before typing by hand.
    await this.page.waitForTimeout(300);
    if ((await input.inputValue()) !== '') return;
    if ((await input.getAttribute('type')) === 'datetime-local') {
      // Headless Chromium's date picker takes neither fill() (script input,
      // which the panel ignores as untrusted) nor typed segments: the value
      // goes in as the field's own save does (run.mutate set-field), counted
      // as one typed field.
      await this.extension.evaluate(
        async ({ runId, stepId, fieldId, local }) => {
          const { runtime } = (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            }
          ).chrome;
          await runtime.sendMessage({
            type: 'run.mutate',
            runId,
            actor: { name: 'Ana Agent' },
            mutation: { type: 'set-field', stepId, fieldId, value: { local, timeZone: 'UTC' } },
          });
        },
        { runId: this.runId, stepId: step, fieldId: field, local: text },
      );
      this.tally.typed += 1;
      return;
    }
    await input.fill(text);
    await input.blur();
    this.tally.typed += 1;
    if (process.env.DEBUG_EFFORT) console.log(`typed ${this.tally.typed}: ${step} ${field}`);
  }
  async tick(step: string, field: string): Promise<void> {
    const box = this.field(step, field);
    await box.waitFor({ timeout: TIMEOUT });
    // Give a recorded value a moment to arrive from the background before ticking by hand.
    await this.page.waitForTimeout(300);
    if (!(await box.isChecked())) await this.click(box);
  }
  async choose(step: string, field: string, value: string): Promise<void> {
    const radio = this.field(step, field, `opt-${value}`);
    await radio.waitFor({ timeout: TIMEOUT });
    if (!(await radio.isChecked())) await this.click(radio);
  }
  /**
   * A value the page shows ("from the page") is left as shown: Mark done
   * records it (the step says so above its Mark done). Without an offer, the
   * agent chooses or types it by hand. `done()` checks it was recorded.
   */
  async keep(step: string, field: string, byHand: () => Promise<void>): Promise<void> {
    await this.step(step).locator('.cb-step-body').waitFor({ timeout: TIMEOUT });
    const offered = this.step(step).locator(`[data-suggest-field="${field}"]`);
    if ((await offered.count()) > 0) this.kept.push([step, field]);
    else await byHand();
  }
  kept: Array<[string, string]> = [];
  /** Exact names: "Mark done" is also part of "Insert and mark done". */
  async button(step: string, name: string | RegExp): Promise<void> {
    await this.click(this.step(step).getByRole('button', { name, exact: true }).first());
  }
  /** The button that does an action and marks its step done, when the panel offers it. */
  async finishing(step: string, name: string): Promise<boolean> {
    const b = this.step(step).getByRole('button', { name, exact: true });
    if ((await b.count()) === 0) return false;
    await this.click(b.first());
    await this.isDone(step);
    return true;
  }
  async isDone(step: string): Promise<void> {
    await this.step(step)
      .locator('xpath=.')
      .and(this.host.locator('[data-status="done"]'))
      .waitFor({
        timeout: TIMEOUT,
      });
  }
  async done(step: string): Promise<void> {
    const s = this.step(step);
    if ((await s.getAttribute('data-status')) === 'done') return;
    await this.open(step);
    const mark = s.getByRole('button', { name: 'Mark done' }).first();
    // Fields save through the background: give the last one its round trip.
    for (let i = 0; i < 50 && (await mark.isDisabled()); i++) await this.page.waitForTimeout(100);
    if (await mark.isDisabled()) {
      const why = await s
        .locator(`#cb-${step}--blocked`)
        .textContent()
        .catch(() => '');
      if (process.env.DEBUG_EFFORT) console.log(await s.innerText());
      throw new Error(`${step} cannot be marked done: ${why}`);
    }
    await this.button(step, 'Mark done');
    await this.isDone(step);
    // What was kept from the page is now the step's recorded value.
    for (const [, field] of this.kept.filter(([st]) => st === step)) {
      const value = await this.extension.evaluate(
        async ({ runId, stepId, fieldId }) => {
          const { runtime } = (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            }
          ).chrome;
          const reply = (await runtime.sendMessage({ type: 'run.get', runId })) as {
            ok?: boolean;
            data?: { run: { values: Record<string, Record<string, { value: unknown }>> } };
          };
          return JSON.stringify(reply.data?.run.values[stepId]?.[fieldId]?.value ?? null);
        },
        { runId: this.runId, stepId: step, fieldId: field },
      );
      if (value === 'null') throw new Error(`${step}/${field}: the page's value was not recorded`);
      if (process.env.DEBUG_EFFORT) console.log(`kept ${step} ${field}: ${value}`);
    }
    this.kept = this.kept.filter(([st]) => st !== step);
  }
  async skip(step: string, reason: string): Promise<void> {
    await this.open(step);
    await this.button(step, 'Skip…');
    await this.step(step)
      .getByRole('textbox', { name: /reason/i })
      .fill(reason);
    this.tally.typed += 1;
    await this.button(step, 'Skip step');
    await this.step(step)
      .locator('xpath=.')
      .and(this.host.locator('[data-status="skipped"]'))
      .waitFor({
        timeout: TIMEOUT,
      });
  }
  /**
   * Open a message preview, fill what it asks for, insert it, and mark the
   * step done: in one click when sending it is all the step still needs.
   */
  async insertMessage(step: string, button: string): Promise<void> {
    await this.open(step);
    // The step's own message shows its draft with the step; otherwise it is asked for.
    const preview = this.step(step).locator('.cb-action-preview');
    const ask = this.step(step).getByRole('button', { name: button, exact: true });
    await preview.or(ask).first().waitFor({ timeout: TIMEOUT });
    if ((await preview.count()) === 0) await this.button(step, button);
    const gaps = this.step(step).locator('[data-placeholder]');
    for (const gap of await gaps.all()) {
      await gap.fill('soon');
      this.tally.typed += 1;
    }
    // Fields save through the background: the offer follows the run's next drafts.
    await this.page.waitForTimeout(300);
    if (await this.finishing(step, 'Insert and mark done')) return;
    await this.button(step, 'Insert into reply');
    await this.step(step)
      .getByText(/Inserted into the reply|on the clipboard/)
      .waitFor({
        timeout: TIMEOUT,
      });
    await this.done(step);
  }
  /** Everything still open that the close step lists: skipped with a reason. */
  async skipTheRest(): Promise<void> {
    const all = this.step('close').getByRole('button', { name: /^Skip these \d+/ });
    if ((await all.count()) > 0) {
      await this.click(all);
      await this.step('close')
        .getByRole('textbox', { name: /reason/i })
        .fill('Not needed for this ticket');
      this.tally.typed += 1;
      await this.click(this.step('close').getByRole('button', { name: /^Skip \d+ steps$/ }));
      await this.step('close')
        .locator('.cb-open-steps')
        .waitFor({ state: 'detached', timeout: TIMEOUT });
      return;
    }
    const links = this.step('close').locator('.cb-open-steps button[data-go-to]');
    while ((await links.count()) > 0) {
      const id = (await links.first().getAttribute('data-go-to')) ?? '';
      await this.click(links.first());
      await this.skip(id, 'Not needed for this ticket');
      await this.open('close');
    }
  }
}

async function sev1(a: Agent): Promise<void> {
  await a.insertMessage('acknowledge', 'Insert first-touch reply');
  await a.open('verify-account');
  await a.keep('verify-account', 'plan', () => a.choose('verify-account', 'plan', 'enterprise'));
  await a.tick('verify-account', 'authorized-contact');
  await a.done('verify-account');
  await a.open('assign-severity');
  await a.keep('assign-severity', 'severity', () =>
    a.choose('assign-severity', 'severity', 'SEV1'),
  );
  await a.type('assign-severity', 'impact', 'SSO sign-in fails for every Northwind user');
  await a.done('assign-severity');

  await a.open('page-sev1');
  await a.button('page-sev1', 'Page on-call (PagerDuty)');
  await a.step('page-sev1').locator('[data-page-status="accepted"]').waitFor({ timeout: TIMEOUT });
  await a.page.waitForTimeout(300);
  await a.type('page-sev1', 'pagerduty-incident', 'PD-77123');
  await a.button('page-sev1', /^Copy #incident-/);
  await a.type('page-sev1', 'incident-channel', '#incident-4242');
  // Posting the Investigating update is the last thing the step needs.
  await a.page.waitForTimeout(300);
  if (!(await a.finishing('page-sev1', 'I posted it, mark done'))) {
    await a.button('page-sev1', 'I posted it');
    await a.tick('page-sev1', 'status-page-posted');
    await a.done('page-sev1');
  }

  await a.open('collect-repro');
  await a.type('collect-repro', 'repro-steps', 'Sign in with SSO; the IdP returns to /login.');
  // No browser: the ticket names none, the failure is tenant-wide, and the
  // field is optional (nothing downstream needs it); typing "Chrome 131" was made up.
  await a.type('collect-repro', 'workspace-id', 'northwind');
  // "Since this morning": the ticket's creation time, which the page shows, is what the agent has.
  await a.keep('collect-repro', 'occurred-at', () =>
    a.type('collect-repro', 'occurred-at', '2026-11-24T14:00'),
  );
  await a.type('collect-repro', 'request-id', 'req_8f3a2b');
  await a.done('collect-repro');
  // The HAR file was already asked for in the ticket (the agent's reply on 24 Nov,
  // "could you send a HAR file of one failing sign-in?"): the step's work is done.
  await a.done('request-artifacts');
  await a.open('search-logs');
  await a.type('search-logs', 'sentry-url', 'https://sentry.io/organizations/acme/issues/42/');
  await a.done('search-logs');
  await a.open('reproduce');
  await a.choose('reproduce', 'result', 'reproducible');
  await a.done('reproduce');
  await a.done('check-runbook');
  await a.done('verify-config');
  await a.open('file-bug');
  await a.type('file-bug', 'bug-url', 'https://acme.atlassian.net/browse/ENG-42');
  await a.done('file-bug');
  await a.done('escalation-page');
  await a.open('hold-for-engineering');
  await a.tick('hold-for-engineering', 'acknowledged');
  await a.done('hold-for-engineering');
  await a.insertMessage('eta-update', 'Insert ETA update');
  await a.done('eta-update');
  await a.open('status-page-updates');
  for (const state of ['identified', 'monitoring', 'resolved']) {
    const select = a.step('status-page-updates').getByRole('combobox', { name: 'Update state' });
    // The panel takes trusted input only: the state is picked with the keyboard.
    for (let i = 0; i < 4 && (await select.inputValue()) !== state; i++) {
      await select.focus();
      await a.page.keyboard.press('ArrowDown');
      a.tally.clicks += 1;
    }
    await a.page.waitForTimeout(300);
    // Resolved is the last update: posting it finishes the step.
    if (await a.finishing('status-page-updates', 'I posted it, mark done')) break;
    await a.button('status-page-updates', 'I posted it');
    await a
      .step('status-page-updates')
      .getByText(new RegExp(`Recorded the ${state} update`, 'i'))
      .waitFor({ timeout: TIMEOUT });
  }
  await a.done('status-page-updates');
  await a.open('fix-shipped');
  await a.type('fix-shipped', 'release-tag', 'v2026.12.1');
  await a.type('fix-shipped', 'visible-at', '2026-12-04T16:00');
  await a.insertMessage('fix-shipped', 'Insert fix-shipped note');
  await a.done('fix-shipped');
  await a.open('confirm-fix');
  await a.choose('confirm-fix', 'confirmation', 'confirmed');
  await a.type('confirm-fix', 'satisfaction', '5');
  await a.done('confirm-fix');
  await close(a, 'auth');
}

async function sev4(a: Agent): Promise<void> {
  await a.insertMessage('acknowledge', 'Insert first-touch reply');
  await a.open('verify-account');
  await a.keep('verify-account', 'plan', () => a.choose('verify-account', 'plan', 'enterprise'));
  await a.tick('verify-account', 'authorized-contact');
  await a.done('verify-account');
  await a.open('assign-severity');
  await a.choose('assign-severity', 'severity', 'SEV4');
  await a.done('assign-severity');
  // A how-to: answered from the runbook, confirmed by the customer.
  await a.done('check-runbook');
  await a.open('confirm-fix');
  await a.choose('confirm-fix', 'confirmation', 'confirmed');
  await a.done('confirm-fix');
  await close(a, 'ui');
}

async function close(a: Agent, cause: string): Promise<void> {
  await a.open('close');
  await a.choose('close', 'root-cause', cause);
  await a.skipTheRest();
  await a.done('close');
}

async function main(): Promise<void> {
  const pd = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const key = (JSON.parse(raw) as { dedup_key?: string }).dedup_key;
      res.writeHead(202, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: key }));
    });
  });
  await new Promise<void>((r) => pd.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(pd.address() as AddressInfo).port}/v2/enqueue`;
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-effort-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.evaluate(async (endpoint) => {
      const { runtime } = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome;
      await runtime.sendMessage({
        type: 'settings.update',
        patch: { integrations: { pagerDuty: { endpoint } }, agent: { name: 'Ana Agent' } },
      });
      await runtime.sendMessage({
        type: 'secrets.setPagerDutyKey',
        key: 'R0123456789abcdefABCDEF012345678',
      });
    }, endpoint);
    await context.route(/^http:\/\/127\.0\.0\.1:/, (route) => route.continue());
    await context.route(/^https:\/\/acme\.zendesk\.com\//, (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html', body: FIXTURE })
        : route.fulfill({ status: 204, body: '' }),
    );

    const results: Array<[string, Tally]> = [];
    for (const [name, ticket, flow] of [
      ['SEV1 (SSO outage, enterprise)', '4242', sev1],
      ['SEV4 (how-to)', '6001', sev4],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`https://acme.zendesk.com/agent/tickets/${ticket}`);
      const host = page.locator(`casebook-panel[data-ticket-id="${ticket}"]`);
      await host.locator('li.cb-step').first().waitFor({ timeout: TIMEOUT });
      page.on('console', (m) => {
        if (process.env.DEBUG_EFFORT) console.log('console:', m.text());
      });
      const agent = new Agent(page, host, options, `zendesk:${ticket}`);
      await flow(agent);
      results.push([name, agent.tally]);
      await page.close();
    }
    console.log(`extension: ${EXTENSION_DIR}`);
    for (const [name, t] of results)
      console.log(
        `${name.padEnd(32)} clicks ${String(t.clicks).padStart(3)}   typed fields ${String(t.typed).padStart(3)}`,
      );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    pd.close();
  }
}

await main();
