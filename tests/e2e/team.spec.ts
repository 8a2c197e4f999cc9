/**
 * Team mode end to end: one team server (`npm run server`, embedded
 * PostgreSQL) and two browser profiles, agents Ana and Ben. Ana pages on a
 * SEV1 ticket and fills repro data; Ben opens the same ticket and sees it
 * all with Ana's name in the history; Ben closes it and Ana's panel shows it
 * closed. Then Ana edits while the server is down; after it restarts her
 * edits arrive, once each.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { createTeamClient } from '../../lib/team/client';
import {
  expect,
  launchWithExtension,
  ROOT,
  serviceWorkerOf,
  extensionIdOf,
  test,
} from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';

const site = SITES.zendesk;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `agent add` for several agents at once; their tokens, in order. */
function addAgents(dataDir: string, agents: Array<[name: string, email: string]>): string[] {
  const out = spawnSync(
    TSX,
    [
      'server/main.ts',
      'agent',
      'add',
      ...agents.flatMap(([name, email]) => ['--name', name, '--email', email]),
      '--data',
      dataDir,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  if (out.status !== 0) throw new Error(`agent add failed: ${out.stderr}`);
  return out.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('cbk_'));
}

async function startTeamServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(TSX, ['server/main.ts', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: 'inherit',
  });
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 120_000 },
    )
    .toBe(true);
  return child;
}

async function stopTeamServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The PagerDuty Events API as the extension sees it. */
async function startPagerDutyStub(): Promise<{
  server: Server;
  endpoint: string;
  events: unknown[];
}> {
  const events: unknown[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const event = JSON.parse(raw) as { dedup_key: string };
      events.push(event);
      res.writeHead(202, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'success',
          message: 'Event processed',
          dedup_key: event.dedup_key,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/enqueue`,
    events,
  };
}

async function request(page: Page, message: unknown): Promise<void> {
  const reply = (await page.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(m),
    message,
  )) as { ok: boolean; error?: unknown };
  expect(reply.error).toBeUndefined();
}

/** A profile with the extension, connected to the team server from its options page. */
async function agentBrowser(
  name: string,
  url: string,
  token: string,
  pagerDuty?: string,
): Promise<BrowserContext> {
  const context = await launchWithExtension();
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await context.route(/^http:\/\/127\.0\.0\.1:/, (route) => route.continue());
  await serveHelpdesk(context, site);
  const id = extensionIdOf(await serviceWorkerOf(context));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html#team`);
  await request(options, {
    type: 'settings.update',
    patch: {
      agent: { name },
      ...(pagerDuty ? { integrations: { pagerDuty: { endpoint: pagerDuty } } } : {}),
    },
  });
  if (pagerDuty)
    await request(options, {
      type: 'secrets.setPagerDutyKey',
      key: 'R0123456789abcdefABCDEF012345678',
    });
  await options.getByLabel('Team server URL').fill(url);
  await options.getByLabel('Access token').fill(token);
  await options.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByTestId('team-state')).toContainText(`Connected as ${name}`);
  await options.close();
  return context;
}

/** Where a slow run spent its time (the machine is shared; PGlite starts in seconds to tens of seconds). */
function progress(what: string): void {
  console.log(`[team e2e] ${new Date().toISOString()} ${what}`);
}

async function fillText(panel: PanelObject, stepId: string, fieldId: string, value: string) {
  await panel.expandStep(stepId);
  const input = panel.host.locator(`#cb-${stepId}--${fieldId}--input`);
  await input.fill(value);
  await input.blur();
  await expect(input).toHaveValue(value);
}

test('two agents share one run through the team server; offline edits arrive once', async () => {
  // PGlite starts in seconds on an idle machine, in minutes on a loaded one; it starts three times here.
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-team-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [anaToken, benToken] = addAgents(dataDir, [
    ['Ana Agent', 'ana@example.com'],
    ['Ben Agent', 'ben@example.com'],
  ]) as [string, string];
  progress('agents added');
  let server = await startTeamServer(dataDir, port);
  progress('server up');
  const stub = await startPagerDutyStub();
  const contexts: BrowserContext[] = [];
  try {
    const ana = await agentBrowser('Ana Agent', url, anaToken, stub.endpoint);
    contexts.push(ana);
    const ben = await agentBrowser('Ben Agent', url, benToken);
    contexts.push(ben);

    progress('both connected');
    // Ana: SEV1, paged, repro data.
    const anaPage = await openTicket(ana, site);
    const anaPanel = PanelObject.for(anaPage, site, site.first);
    await anaPanel.ready(site.first.subject, site.first.label);
    await anaPanel.choose('verify-account', 'plan', 'enterprise');
    await anaPanel.choose('assign-severity', 'severity', 'SEV1');
    await fillText(anaPanel, 'assign-severity', 'impact', 'Exports fail for every Acme user');
    await anaPanel.expandStep('page-sev1');
    await anaPanel
      .step('page-sev1')
      .getByRole('button', { name: 'Page on-call (PagerDuty)' })
      .click();
    await expect(anaPanel.step('page-sev1').locator('[data-page-status="accepted"]')).toBeVisible();
    await fillText(anaPanel, 'collect-repro', 'repro-steps', 'Open Reports, click Export');
    await fillText(anaPanel, 'collect-repro', 'request-id', 'req_8f3a2b');

    progress('Ana paged and filled repro');
    // Ben opens the same ticket: one shared run, everything Ana did, with her name.
    const benPage = await openTicket(ben, site);
    const benPanel = PanelObject.for(benPage, site, site.first);
    await benPanel.ready(site.first.subject, site.first.label);
    await benPanel.expandStep('assign-severity');
    await expect(benPanel.option('assign-severity', 'severity', 'SEV1')).toBeChecked();
    await benPanel.expandStep('page-sev1');
    // Paged by Ana: never shown as unpaged here, and no second page.
    await expect(benPanel.step('page-sev1').locator('[data-page-status="accepted"]')).toBeVisible();
    await benPanel.expandStep('collect-repro');
    await expect(benPanel.host.locator('#cb-collect-repro--repro-steps--input')).toHaveValue(
      'Open Reports, click Export',
    );
    await benPanel.step('collect-repro').getByRole('button', { name: 'History' }).click();
    await expect(benPanel.step('collect-repro').locator('.cb-history-list')).toContainText(
      'Ana Agent',
    );
    await expect(benPanel.host.getByTestId('cb-team')).toContainText('Shared with your team');
    await expect(benPanel.host.getByTestId('cb-team')).toContainText('also open: Ana Agent');

    progress('Ben sees it all');
    // Offline (before the run closes: a closed run takes no edits): the server stops, Ana edits, the server comes back, her edits arrive once.
    await stopTeamServer(server);
    await fillText(anaPanel, 'collect-repro', 'expected', 'A CSV download');
    await fillText(anaPanel, 'collect-repro', 'actual', 'HTTP 500 after 30 s');
    progress('offline edits made');
    server = await startTeamServer(dataDir, port);
    progress('server restarted');
    await benPanel.expandStep('collect-repro');
    await expect(benPanel.host.locator('#cb-collect-repro--actual--input')).toHaveValue(
      'HTTP 500 after 30 s',
    );
    await expect(benPanel.host.locator('#cb-collect-repro--expected--input')).toHaveValue(
      'A CSV download',
    );
    const all = await createTeamClient({ url, token: anaToken }).pull(0, 1000);
    const ids = all.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const edits = all.events.filter(
      (e) => e.type === 'field-set' && (e.fieldId === 'actual' || e.fieldId === 'expected'),
    );
    expect(edits.map((e) => e.fieldId).sort()).toEqual(['actual', 'expected']);
    expect(all.events.filter((e) => e.type === 'run-created')).toHaveLength(1);
    // Ben closes it; Ana's panel shows it closed.
    await benPanel.choose('close', 'root-cause', 'integration');
    await benPanel.skipOpenSteps('close', 'Shared-run test: the rest does not apply');
    await benPanel.step('close').getByRole('button', { name: 'Mark done', exact: true }).click();
    await expect(benPanel.step('close')).toHaveAttribute('data-status', 'done');
    await expect(anaPanel.step('close')).toHaveAttribute('data-status', 'done');
    expect(stub.events).toHaveLength(1);

    progress('closed on both');
  } finally {
    for (const c of contexts) await c.close();
    await stopTeamServer(server);
    await new Promise<void>((resolve) => stub.server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
