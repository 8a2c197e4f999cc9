/**
 * `npm run demo`: build the extension, start Chromium with it, and open one
 * demo ticket per helpdesk, served at its real URL by local routing so the
 * real match patterns fire. Nothing reaches the network.
 *
 *   npm run demo                                  headed; runs until the browser is closed
 *   npm run demo -- --headless --screenshot demo.png
 *                                                 waits for the panel on each page and writes
 *                                                 demo.png (Zendesk), demo-intercom.png and
 *                                                 demo-helpscout.png, then exits
 *   --no-build                                    use the existing .output/chrome-mv3
 *
 * Without a display (Linux with neither DISPLAY nor WAYLAND_DISPLAY) it runs
 * headless and writes demo.png, demo-intercom.png and demo-helpscout.png in
 * the current directory, saying so in one line. Chromium's own log is never
 * printed (a launch failure is one line), and the temporary profile is
 * removed on every exit: success, failure, Ctrl-C or kill.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CHROMIUM_FLAGS, extensionFlags, findChromium } from './find-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
const PANEL_TIMEOUT_MS = 20_000;

interface DemoPage {
  helpdesk: 'zendesk' | 'intercom' | 'helpscout';
  url: string;
  ticketId: string;
  /** Every URL of the helpdesk is answered with this fixture app, which renders the route. */
  pattern: RegExp;
  fixture: string;
}

const PAGES: DemoPage[] = [
  {
    helpdesk: 'zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/4242',
    ticketId: '4242',
    pattern: /^https:\/\/acme\.zendesk\.com\//,
    fixture: 'tests/fixtures/zendesk/ticket.html',
  },
  {
    helpdesk: 'intercom',
    url: 'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/shared/all/conversation/215468735201234',
    ticketId: '215468735201234',
    pattern: /^https:\/\/app\.intercom\.com\//,
    fixture: 'tests/fixtures/intercom/conversation.html',
  },
  {
    helpdesk: 'helpscout',
    url: 'https://secure.helpscout.net/conversation/2871236524/11161?viewId=7329011',
    ticketId: '2871236524',
    pattern: /^https:\/\/secure\.helpscout\.net\//,
    fixture: 'tests/fixtures/helpscout/conversation.html',
  },
];

interface Options {
  build: boolean;
  headless: boolean;
  screenshot: string | undefined;
}

function usage(problem: string): never {
  console.error(
    `demo: ${problem}\nUsage: npm run demo [-- --no-build] [--headless --screenshot FILE.png]`,
  );
  process.exit(2);
}

/** Whether a headed browser can open a window here. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export const DEFAULT_SCREENSHOT = 'demo.png';

export function parseArgs(argv: string[], display = hasDisplay()): Options & { note?: string } {
  const options: Options & { note?: string } = {
    build: true,
    headless: false,
    screenshot: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--headless') options.headless = true;
    else if (arg === '--screenshot') {
      const file = argv[++i];
      if (!file || file.startsWith('--')) usage('--screenshot needs a file name');
      options.screenshot = resolve(process.cwd(), file);
    } else if (arg?.startsWith('--screenshot=')) {
      options.screenshot = resolve(process.cwd(), arg.slice('--screenshot='.length));
    } else usage(`unknown argument ${arg}`);
  }
  if (!display && !options.headless) {
    options.headless = true;
    options.screenshot ??= resolve(process.cwd(), DEFAULT_SCREENSHOT);
    options.note = `no display (DISPLAY and WAYLAND_DISPLAY are unset): running headless, screenshots go to ${options.screenshot} and its -intercom/-helpscout siblings.`;
  }
  if (options.headless && !options.screenshot) {
    usage('--headless has no window to look at: add --screenshot FILE.png');
  }
  return options;
}

/** The first line of an error: Playwright appends the browser's whole log to launch errors. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? 'unknown error'
  );
}

/** FILE for the first helpdesk, `<name>-<helpdesk><ext>` beside it for the others. */
export function screenshotPath(file: string, index: number, helpdesk: string): string {
  if (index === 0) return file;
  const ext = extname(file) || '.png';
  return join(dirname(file), `${basename(file, extname(file))}-${helpdesk}${ext}`);
}

function build(): void {
  console.log('demo: building the extension (wxt build)…');
  const result = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('demo: the build failed; see the output above.');
    process.exit(1);
  }
}

async function route(context: BrowserContext): Promise<void> {
  // The network is closed: whatever the demo pages ask for beyond their own
  // document is answered locally or refused.
  await context.route(/^https?:\/\//, (r) => r.abort('internetdisconnected'));
  for (const page of PAGES) {
    const html = readFileSync(resolve(ROOT, page.fixture), 'utf8');
    await context.route(page.pattern, async (r) => {
      if (r.request().resourceType() !== 'document') {
        await r.fulfill({ status: 204, body: '' });
        return;
      }
      await r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
  }
}

async function waitForPanel(page: Page, demo: DemoPage): Promise<void> {
  const host = page.locator(
    `casebook-panel[data-helpdesk="${demo.helpdesk}"][data-ticket-id="${demo.ticketId}"]`,
  );
  // The run is loaded once the sections render (the header alone shows before).
  await host.locator('.cb-sections').waitFor({ state: 'visible', timeout: PANEL_TIMEOUT_MS });
}

/** Set once Ctrl-C or kill arrived: what fails after that is the shutdown, not news. */
let stopping = false;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.note) console.log(`demo: ${options.note}`);
  if (options.build) build();
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`demo: no built extension at ${EXTENSION_DIR}; run without --no-build.`);
    process.exit(1);
  }
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    console.error(`demo: ${oneLine(error)}`);
    process.exit(1);
  }

  const profile = mkdtempSync(join(tmpdir(), 'casebook-demo-'));
  let context: BrowserContext | undefined;
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  // Every way out removes the profile: a normal exit, an error, Ctrl-C, kill.
  process.on('exit', removeProfile);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopping = true;
      console.error(`demo: stopped (${signal}).`);
      void (context?.close() ?? Promise.resolve())
        .catch(() => undefined)
        .finally(() => process.exit(130));
    });
  }

  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless,
      viewport: { width: 1440, height: 900 },
      args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
    });
  } catch (error) {
    const hint = options.headless
      ? ''
      : ' Without a display, run: npm run demo -- --headless --screenshot demo.png';
    console.error(`demo: Chromium did not start: ${oneLine(error)}.${hint}`);
    process.exit(1);
  }
  await route(context);

  const pages: Page[] = [];
  const blank = context.pages()[0];
  for (const demo of PAGES) {
    const page = pages.length === 0 && blank ? blank : await context.newPage();
    await page.goto(demo.url);
    pages.push(page);
  }
  console.log(`demo: opened ${PAGES.map((p) => p.url).join('\n      ')}`);

  if (options.screenshot) {
    const failed: string[] = [];
    for (const [i, demo] of PAGES.entries()) {
      const page = pages[i]!;
      try {
        await page.bringToFront();
        await waitForPanel(page, demo);
        const file = screenshotPath(options.screenshot, i, demo.helpdesk);
        mkdirSync(dirname(file), { recursive: true });
        await page.screenshot({ path: file });
        console.log(`demo: ${demo.helpdesk}: panel for ticket ${demo.ticketId} → ${file}`);
      } catch {
        failed.push(`${demo.helpdesk} (${demo.url})`);
      }
    }
    if (options.headless) {
      await context.close();
      if (failed.length) {
        console.error(
          `demo: the Casebook panel did not appear within ${PANEL_TIMEOUT_MS / 1000} s on: ${failed.join(', ')}`,
        );
        process.exit(1);
      }
      return;
    }
    if (failed.length) console.error(`demo: no panel on: ${failed.join(', ')}`);
  }

  await pages[0]!.bringToFront();
  console.log('demo: close the browser window to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

// Run only as the script, not when a test imports its helpers.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (stopping) return;
      console.error(`demo: ${oneLine(error)}`);
      process.exit(1);
    },
  );
}
