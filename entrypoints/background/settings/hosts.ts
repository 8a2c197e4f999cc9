/**
 * Host-mapped Zendesk brand domains (e.g. support.acme.com). The manifest's
 * Zendesk content script only matches *.zendesk.com; for each mapped host the
 * user grants `https://<host>/*` from the options page, and the background
 * registers the same script (same js/css as the built manifest entry) for
 * those hosts at run time under one id.
 */
import { browser, type ScriptPublicPath } from '#imports';
import { originPatternFor } from '../../../lib/messaging/settings';

export const MAPPED_SCRIPT_ID = 'zendesk-mapped';
/** The HAR file guard (page world) and its bridge on mapped hosts, every frame, at document_start. */
export const MAPPED_GUARD_IDS = ['zendesk-mapped-har-guard', 'zendesk-mapped-har-bridge'] as const;

/**
 * Firefox's `runtime.getManifest()` gives content script files as full
 * `moz-extension://<uuid>/…` URLs; `scripting.registerContentScripts` takes
 * only paths relative to the extension root (Chrome gives those already).
 */
export function extensionPath(file: string): string {
  return file.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '');
}

/** The built file guard scripts, read from the manifest like the Zendesk script. */
export function fileGuardScripts(
  manifest: {
    content_scripts?: Array<{ js?: string[]; world?: string }>;
  } = browser.runtime.getManifest() as never,
): { guard?: string; bridge?: string } {
  const js = (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []).map(extensionPath);
  return {
    guard: js.find((f) => f.includes('har-guard')),
    bridge: js.find((f) => f.includes('har-bridge')),
  };
}

interface ScriptFiles {
  js: string[];
  css: string[];
}

/** The built Zendesk content script's files, read from the manifest so hashed names stay right. */
export function zendeskScriptFiles(
  manifest: {
    content_scripts?: Array<{ matches?: string[]; js?: string[]; css?: string[] }>;
  } = browser.runtime.getManifest(),
): ScriptFiles | undefined {
  // The panel's own entry: the file guard also matches *.zendesk.com (every
  // helpdesk, every frame), so matching on hosts alone would pick the guard.
  const entry = (manifest.content_scripts ?? []).find(
    (cs) =>
      (cs.matches ?? []).some((m) => m.includes('.zendesk.com')) &&
      (cs.js ?? []).some((file) => /(^|\/)zendesk[.-]/.test(file)),
  );
  if (!entry?.js?.length) return undefined;
  return { js: entry.js.map(extensionPath), css: (entry.css ?? []).map(extensionPath) };
}

export async function hasHostPermission(hostname: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPatternFor(hostname)] }).catch(() => false);
}

/** Of these hosts, those whose permission is granted. */
export async function grantedHosts(hosts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const host of hosts) if (await hasHostPermission(host)) out.push(host);
  return out;
}

/**
 * Make the registration match `hosts` (those with a granted permission).
 * Idempotent; called on every change, on startup and when a permission is
 * removed outside Casebook (chrome://extensions). Returns the active hosts.
 */
export function syncMappedHostScripts(hosts: readonly string[]): Promise<string[]> {
  // One at a time: two overlapping calls (a hosts.add and the permission
  // listener it triggers) would both find nothing registered and both
  // register, and the second fails with "Duplicate script ID".
  const run = syncQueue.then(() => syncNow(hosts));
  syncQueue = run.catch(() => undefined);
  return run;
}

let syncQueue: Promise<unknown> = Promise.resolve();

async function syncNow(hosts: readonly string[]): Promise<string[]> {
  const active = await grantedHosts(hosts);
  const existing = await browser.scripting
    .getRegisteredContentScripts({ ids: [MAPPED_SCRIPT_ID] })
    .catch(() => []);
  if (existing.length)
    await browser.scripting.unregisterContentScripts({ ids: [MAPPED_SCRIPT_ID] });
  const guards = await browser.scripting
    .getRegisteredContentScripts({ ids: [...MAPPED_GUARD_IDS] })
    .catch(() => []);
  if (guards.length)
    await browser.scripting.unregisterContentScripts({ ids: guards.map((g) => g.id) });
  if (active.length === 0) return active;
  const files = zendeskScriptFiles();
  if (!files) {
    console.error(
      '[casebook] the built manifest has no Zendesk content script to register for mapped hosts',
    );
    return [];
  }
  await browser.scripting.registerContentScripts([
    {
      id: MAPPED_SCRIPT_ID,
      matches: active.map(originPatternFor),
      js: files.js,
      ...(files.css.length ? { css: files.css } : {}),
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  // The file guard, as the manifest runs it on the helpdesks' own hosts.
  const { guard, bridge } = fileGuardScripts();
  if (guard && bridge) {
    const common = {
      matches: active.map(originPatternFor),
      runAt: 'document_start' as const,
      allFrames: true,
      matchOriginAsFallback: true,
      persistAcrossSessions: true,
    };
    await browser.scripting.registerContentScripts([
      { ...common, id: MAPPED_GUARD_IDS[0], js: [guard], world: 'MAIN' },
      { ...common, id: MAPPED_GUARD_IDS[1], js: [bridge] },
    ] as Parameters<typeof browser.scripting.registerContentScripts>[0]);
  } else console.error('[casebook] the built manifest has no HAR file guard to register');
  return active;
}

/** Tabs already open on a newly mapped host get the script now, not after a reload. */
export async function injectIntoHostTabs(hostname: string): Promise<void> {
  const files = zendeskScriptFiles();
  if (!files) return;
  const tabs = await browser.tabs.query({ url: originPatternFor(hostname) }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    const alive = await browser.tabs
      .sendMessage(tab.id, { type: 'panel.ping' })
      .then((r) => r !== undefined)
      .catch(() => false);
    if (alive) continue;
    try {
      if (files.css.length)
        await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: files.css });
      // The paths come from the built manifest, so they exist in the build.
      await browser.scripting.executeScript({
        target: { tabId: tab.id },
        files: files.js as ScriptPublicPath[],
      });
    } catch (error) {
      console.warn(`[casebook] could not inject into tab ${tab.id} on ${hostname}`, error);
    }
  }
}
