/**
 * The file-path attacks of tests/e2e/har-attacks.spec.ts in firefox-esr
 * (the attack page tests/fixtures/har/page-attacks.html at a Zendesk ticket
 * URL): each ends with the page's own handlers holding no planted secret and
 * the panel telling the agent what happened. The folder drop needs
 * Chromium's DevTools drag input and runs there only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import {
  ATTACK_FRAME,
  ATTACK_FRAME_PATH,
  ATTACK_HAR,
  ATTACK_PAGE,
  EVIL_FRAME,
  gzipped,
  hijackScript,
  leakedSecrets,
  zipOf,
  type ReceivedFile,
} from '../e2e/support/har-attack';

const TIMEOUT_MS = 20_000;
/** Not the core flow's ticket (4242): this run serves both. */
const ATTACK_PATH = '/agent/tickets/9100';
/** The attack page with a script that points the sanitizer frame at EVIL_PATH. */
const HIJACK_PATH = '/agent/tickets/9101';
const EVIL_PATH = '/agent/tickets/9101/evil-frame';
const dir = mkdtempSync(join(tmpdir(), 'casebook-ff-attacks-'));
const fileAt = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** The documents the attack steps need, by path; undefined for any other. */
export function attackDocument(path: string): string | undefined {
  if (path === ATTACK_PATH) return ATTACK_PAGE;
  if (path === HIJACK_PATH)
    return ATTACK_PAGE.replace('</body>', `${hijackScript(EVIL_PATH)}</body>`);
  if (path === EVIL_PATH) return EVIL_FRAME;
  if (path === ATTACK_FRAME_PATH) return ATTACK_FRAME;
  return undefined;
}

async function open(page: Page, origin: string, path = ATTACK_PATH): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.waitForSelector('casebook-panel', { timeout: TIMEOUT_MS });
  await page.waitForFunction(
    () =>
      !!(
        document.getElementById('same') as HTMLIFrameElement | null
      )?.contentDocument?.getElementById('frame-input') &&
      !!(
        document.getElementById('srcdoc') as HTMLIFrameElement | null
      )?.contentDocument?.getElementById('frame-input'),
    { timeout: TIMEOUT_MS },
  );
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { __received: ReceivedFile[] }).__received);

const noticeTexts = (page: Page) =>
  page.evaluate(() =>
    Array.from(
      document.querySelector('casebook-panel')?.shadowRoot?.querySelectorAll('.cb-notice-text') ??
        [],
      (n) => n.textContent ?? '',
    ),
  );

/** On a timeout, say what the panel and the page did show. */
async function explained<T>(page: Page, wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    const seen = await received(page).catch(() => []);
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; notices: ${JSON.stringify(await noticeTexts(page).catch(() => []))}; the page received: ${JSON.stringify(seen.map((r) => r.name))}`,
    );
  }
}

async function noticeFor(page: Page, name: string, pattern: RegExp): Promise<string> {
  const handle = await explained(
    page,
    page.waitForFunction(
      (file, source, flags) => {
        const texts = Array.from(
          document
            .querySelector('casebook-panel')
            ?.shadowRoot?.querySelectorAll('.cb-notice-text') ?? [],
          (n) => n.textContent ?? '',
        );
        return texts.find((t) => t.startsWith(file) && new RegExp(source, flags).test(t)) ?? false;
      },
      { timeout: TIMEOUT_MS },
      name,
      pattern.source,
      pattern.flags,
    ),
  );
  return (await handle.jsonValue()) as string;
}

async function expectSanitized(page: Page, via: string, original: string): Promise<void> {
  await page.waitForFunction(
    (v) =>
      (window as unknown as { __received: ReceivedFile[] }).__received.some(
        (r) => r.via === v && r.text !== null,
      ),
    { timeout: TIMEOUT_MS },
    via,
  );
  const all = await received(page);
  const leaked = leakedSecrets(all);
  if (leaked.length) throw new Error(`${leaked.length} planted secrets reached the page`);
  const mine = all.filter((r) => r.via === via);
  if (mine.length !== 1 || !mine[0]!.name.endsWith('.sanitized.har'))
    throw new Error(`the page's ${via} handler got ${mine.map((r) => r.name).join(', ')}`);
  await noticeFor(page, original, /removed \d+ secret values/);
}

async function expectBlocked(page: Page, original: string, why: RegExp): Promise<void> {
  await noticeFor(page, original, why);
  const all = await received(page);
  if (leakedSecrets(all).length) throw new Error('planted secrets reached the page');
  if (all.some((r) => r.name === original)) throw new Error(`the page got ${original}`);
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.$(`#${id}`);
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`no frame #${id}`);
  return frame;
}

async function upload(handle: ElementHandle | null, path: string): Promise<void> {
  if (!handle) throw new Error('no input to choose a file in');
  await (handle as ElementHandle<HTMLInputElement>).uploadFile(path);
}

export interface AttackStep {
  name: string;
  run(page: Page, origin: string): Promise<void>;
}

const HAR_PATH = fileAt('capture.har', ATTACK_HAR);

export const attackSteps: AttackStep[] = [
  {
    name: 'attack: an input in a closed shadow root',
    async run(page, origin) {
      await open(page, origin);
      const input = await page.evaluateHandle(
        () => (window as unknown as { __closedInput: HTMLInputElement }).__closedInput,
      );
      await upload(input as ElementHandle, HAR_PATH);
      await expectSanitized(page, 'closed-shadow', 'capture.har');
    },
  },
  {
    name: 'attack: an input made by script and never added to the document',
    async run(page, origin) {
      await open(page, origin);
      const input = await page.evaluateHandle(
        () => (window as unknown as { __detached: HTMLInputElement }).__detached,
      );
      await upload(input as ElementHandle, HAR_PATH);
      await expectSanitized(page, 'detached', 'capture.har');
    },
  },
  {
    name: 'attack: an input in an open shadow root',
    async run(page, origin) {
      await open(page, origin);
      await upload(await page.$('x-open >>> #open-input'), HAR_PATH);
      await expectSanitized(page, 'open-shadow', 'capture.har');
    },
  },
  {
    name: 'attack: an input in a same-origin iframe',
    async run(page, origin) {
      await open(page, origin);
      await upload(await (await frameOf(page, 'same')).$('#frame-input'), HAR_PATH);
      await expectSanitized(page, 'frame-input', 'capture.har');
    },
  },
  {
    name: 'attack: an input in a srcdoc iframe',
    async run(page, origin) {
      await open(page, origin);
      await upload(await (await frameOf(page, 'srcdoc')).$('#frame-input'), HAR_PATH);
      await expectSanitized(page, 'srcdoc-input', 'capture.har');
    },
  },
  {
    name: 'attack: a change listener registered before any extension script',
    async run(page, origin) {
      await open(page, origin);
      await upload(await page.$('#early-attach'), HAR_PATH);
      await expectSanitized(page, 'early-change', 'capture.har');
    },
  },
  {
    name: 'attack: a drop listener registered before any extension script',
    async run(page, origin) {
      await open(page, origin);
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'capture.har', { type: 'application/json' }));
        document.getElementById('early-zone')!.dispatchEvent(
          new DragEvent('drop', {
            bubbles: true,
            cancelable: true,
            composed: true,
            dataTransfer: dt,
          }),
        );
      }, ATTACK_HAR);
      await expectSanitized(page, 'early-drop', 'capture.har');
    },
  },
  {
    name: 'attack: a paste listener registered before any extension script',
    async run(page, origin) {
      await open(page, origin);
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'capture.har', { type: 'application/json' }));
        document.getElementById('early-editor')!.dispatchEvent(
          new ClipboardEvent('paste', {
            bubbles: true,
            cancelable: true,
            composed: true,
            clipboardData: dt,
          }),
        );
      }, ATTACK_HAR);
      // Firefox's ClipboardEvent constructor copies clipboardData without its files
      // (measured: a page listener without Casebook gets 0 files), and a real
      // clipboard with files cannot be driven headless. So the page either gets
      // the sanitized file (should Firefox start carrying them) or nothing.
      const settled = await page.waitForFunction(
        () => {
          const all = (window as unknown as { __received: ReceivedFile[] }).__received;
          const pasted = all.filter((r) => r.via === 'early-paste');
          return pasted.every((r) => r.text !== null) ? { files: pasted.length } : false;
        },
        { timeout: TIMEOUT_MS },
      );
      if (((await settled.jsonValue()) as { files: number }).files === 0) {
        if (leakedSecrets(await received(page)).length) throw new Error('secrets reached the page');
        console.log('# paste: Firefox handed the page listener no file (synthetic paste)');
      } else await expectSanitized(page, 'early-paste', 'capture.har');
    },
  },
  {
    name: 'attack: a HAR renamed to .json',
    async run(page, origin) {
      await open(page, origin);
      await upload(await page.$('#attach'), fileAt('capture.json', ATTACK_HAR));
      await expectSanitized(page, 'input', 'capture.json');
    },
  },
  {
    name: 'attack: a gzipped HAR',
    async run(page, origin) {
      await open(page, origin);
      await upload(await page.$('#attach'), fileAt('capture.har.gz', gzipped(ATTACK_HAR)));
      await expectSanitized(page, 'input', 'capture.har.gz');
    },
  },
  {
    name: 'attack: a zip holding a HAR is blocked',
    async run(page, origin) {
      await open(page, origin);
      const zip = zipOf({ 'readme.txt': 'see attached', 'network/capture.har': ATTACK_HAR });
      await upload(await page.$('#attach'), fileAt('logs.zip', zip));
      await expectBlocked(page, 'logs.zip', /contains a HAR.*unzip/i);
    },
  },
  {
    name: 'attack: a zip without a HAR passes untouched',
    async run(page, origin) {
      await open(page, origin);
      const zip = zipOf({ 'readme.txt': 'no network capture here' });
      await upload(await page.$('#attach'), fileAt('screens.zip', zip));
      await page.waitForFunction(
        () =>
          (window as unknown as { __received: ReceivedFile[] }).__received.some(
            (r) => r.name === 'screens.zip' && r.text !== null,
          ),
        { timeout: TIMEOUT_MS },
      );
    },
  },
  {
    name: 'attack: a page script points the sanitizer frame at its own page',
    async run(page, origin) {
      await open(page, origin, HIJACK_PATH);
      await upload(await page.$('#attach'), HAR_PATH);
      await expectBlocked(page, 'capture.har', /not attached/);
      const stolen = (await received(page)).filter((r) => r.via === 'stolen');
      if (stolen.length) throw new Error(`the hijacked frame got ${stolen.length} files`);
    },
  },
];
