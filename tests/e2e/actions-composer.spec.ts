/**
 * Template insertion into each helpdesk's reply editor, in real Chromium, on
 * the fixture apps served at their real URLs. `platform/composer/insert.ts`
 * is bundled with its imports into the page, so this runs without the built
 * extension: it checks which route each fixture editor accepts,
 * that the text lands at the agent's cursor after focus moved away, that the
 * editor's own `input` listeners fire, and the clipboard fallback.
 */
import {
  chromium,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-browser.mjs';
import { ROOT } from './support/extension';
import { serveHelpdesk, SITES, type HelpdeskId } from './support/helpdesk';

const BUNDLE = buildSync({
  entryPoints: [resolve(ROOT, 'platform/composer/insert.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'CasebookComposer',
}).outputFiles[0]!.text;

const TEXT = 'Hi "Grace" & team — café 🚀\n\nThe fix ships in v2.3.';

interface Case {
  helpdesk: HelpdeskId;
  fixture?: string;
  path: string;
  /** Opens the reply editor where the page needs a click first. */
  open?: (page: Page) => Promise<void>;
  /** CSS for the editor (Playwright pierces open shadow roots; the page-side finder does too). */
  editor: string;
  kind: 'ckeditor5' | 'prosemirror' | 'slate' | 'redactor';
}

const CASES: Case[] = [
  {
    helpdesk: 'zendesk',
    path: SITES.zendesk.first.path,
    editor: '.ticket-panes-grid-layout.active [data-test-id="omnicomposer-rich-text-ckeditor"]',
    kind: 'ckeditor5',
  },
  {
    helpdesk: 'intercom',
    path: SITES.intercom.first.path,
    editor: '[data-conversation-reply-composer] .ProseMirror',
    kind: 'prosemirror',
  },
  {
    helpdesk: 'helpscout',
    path: SITES.helpscout.first.path,
    open: (page) => page.getByRole('button', { name: 'Reply' }).click(),
    editor: '[data-slate-editor]',
    kind: 'slate',
  },
  {
    helpdesk: 'helpscout',
    fixture: 'helpscout/legacy.html',
    path: SITES.helpscout.first.path,
    open: (page) => page.locator('#navReply a').click(),
    editor: '.redactor_editor',
    kind: 'redactor',
  },
];

let browser: Browser;
let context: BrowserContext;

test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
});
test.afterAll(async () => {
  await browser.close();
});
test.beforeEach(async () => {
  context = await browser.newContext();
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
});
test.afterEach(async () => {
  await context.close();
});

/** Bundle the module into the page (after any navigation the case needs) with an editor finder. */
async function inject(page: Page, c: Case): Promise<void> {
  await page.addScriptTag({ content: BUNDLE });
  // The page-side editor finder: the same CSS, searched through open shadow roots.
  await page.evaluate((css) => {
    const find = (root: Document | ShadowRoot): HTMLElement | null => {
      const hit = root.querySelector<HTMLElement>(css);
      if (hit) return hit;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) {
          const inner = find(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    const w = window as unknown as Record<string, unknown>;
    w.findEditor = () => find(document);
  }, c.editor);
}

async function openCase(c: Case): Promise<Page> {
  const site = SITES[c.helpdesk];
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await serveHelpdesk(context, site, c.fixture ?? site.fixtures.ticket);
  const page = await context.newPage();
  await page.goto(`${site.origin}${c.path}`);
  return page;
}

for (const c of CASES) {
  test(`${c.helpdesk}${c.fixture ? ' (legacy)' : ''}: inserts at the cursor through the browser's editing, input events fire`, async () => {
    const page = await openCase(c);
    await c.open?.(page);
    const editor = page.locator(c.editor).first();
    await expect(editor).toBeVisible();
    await inject(page, c);
    await page.evaluate(() => {
      const w = window as unknown as {
        CasebookComposer: typeof import('../../platform/composer/insert');
        findEditor: () => HTMLElement | null;
        tracker: { range(): Range | null };
        inputs: number;
      };
      w.tracker = w.CasebookComposer.trackComposerSelection(document, w.findEditor);
      w.inputs = 0;
      w.findEditor()?.addEventListener('input', () => (w.inputs += 1));
    });
    // The agent types, leaves the cursor after "Hello ", types more, moves it back, then clicks elsewhere.
    await editor.click();
    await page.keyboard.type('Hello world');
    for (let i = 0; i < 'world'.length; i++) await page.keyboard.press('ArrowLeft');
    // Stand-in for the Casebook panel: a button in an open shadow root takes the focus.
    await page.evaluate(() => {
      const host = document.createElement('casebook-panel');
      host.style.cssText = 'position:fixed;right:0;bottom:0;z-index:2147483000';
      const button = document.createElement('button');
      button.textContent = 'Insert into reply';
      host.attachShadow({ mode: 'open' }).append(button);
      document.body.append(host);
    });
    await page.locator('casebook-panel button').click();
    const result = await page.evaluate(
      async ({ text, kind }) => {
        const w = window as unknown as {
          CasebookComposer: typeof import('../../platform/composer/insert');
          findEditor: () => HTMLElement | null;
          tracker: { range(): Range | null };
          inputs: number;
        };
        const before = w.inputs;
        const r = await w.CasebookComposer.insertIntoComposer(w.findEditor(), text, {
          kind,
          range: w.tracker.range(),
        });
        return { ...r, inputs: w.inputs - before };
      },
      { text: TEXT, kind: c.kind },
    );
    // Fixture editors are plain contenteditables: no model editor takes the paste, the browser's editing does.
    expect(result.path).toBe('execCommand');
    expect(result.inputs).toBeGreaterThan(0);
    // Each editor lays paragraphs out its own way; the words must land in order, at the cursor.
    const text = (await editor.innerText())
      .replace(/[\u200b\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(text).toBe('Hello Hi "Grace" & team — café 🚀 The fix ships in v2.3. world');
    // Kept apart from what the agent wrote, before and after, by a blank line.
    const lines = (await editor.innerText()).replace(/[\u200b\ufeff]/g, '').split('\n');
    const first = lines.findIndex((l) => l.includes('Hi "Grace"'));
    const last = lines.findIndex((l) => l.includes('v2.3.'));
    expect(lines.slice(0, first).join('\n')).toMatch(/Hello\s*\n\s*$/);
    expect(lines.slice(last + 1).join('\n')).toMatch(/^\s*\n\s*world/);
    expect(await editor.evaluate((el) => el.querySelectorAll('p, div, br').length)).toBeGreaterThan(
      1,
    );
  });
}

test('a model editor that handles paste itself gets a text/plain paste (Intercom, inside its shadow root)', async () => {
  const c = CASES[1] as Case;
  const page = await openCase(c);
  await inject(page, c);
  const got = await page.evaluate(async (text) => {
    const w = window as unknown as {
      CasebookComposer: typeof import('../../platform/composer/insert');
      findEditor: () => HTMLElement | null;
    };
    const editor = w.findEditor() as HTMLElement;
    const seen: Array<{ types: string[]; text: string }> = [];
    // What ProseMirror's own paste handler does: read the DataTransfer, prevent the default.
    editor.addEventListener('paste', (e) => {
      e.preventDefault();
      seen.push({
        types: [...(e.clipboardData?.types ?? [])],
        text: e.clipboardData?.getData('text/plain') ?? '',
      });
    });
    const r = await w.CasebookComposer.insertIntoComposer(editor, text, { kind: 'prosemirror' });
    return { path: r.path, seen, html: editor.innerHTML };
  }, TEXT);
  expect(got.path).toBe('paste');
  expect(got.seen).toEqual([{ types: ['text/plain'], text: TEXT }]);
  expect(got.html).toBe('<p><br class="ProseMirror-trailingBreak"></p>');
});

test('Help Scout before Reply is clicked: no editor, the text goes to the clipboard', async () => {
  const c = CASES[2] as Case;
  const page = await openCase(c);
  await inject(page, c);
  const path = await page.evaluate(async (text) => {
    const w = window as unknown as {
      CasebookComposer: typeof import('../../platform/composer/insert');
      findEditor: () => HTMLElement | null;
    };
    return (await w.CasebookComposer.insertIntoComposer(w.findEditor(), text, { kind: 'slate' }))
      .path;
  }, TEXT);
  expect(path).toBe('clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(TEXT);
});
