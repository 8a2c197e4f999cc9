/**
 * The trust boundary against the whole background (fake browser): every
 * request type of the protocol, from an extension page and from a content
 * script, and the sync ports' subscriptions.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REQUEST_PRIVILEGE } from '../../lib/messaging/privilege';
import { REQUEST_TYPES, type RequestInput, type RequestType } from '../../lib/messaging/protocol';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import type { Actor, TicketInfo } from '../../lib/workflow/schema';
import {
  contentScriptSender,
  extensionPageSender,
  installFakePorts,
  sendAs,
  type FakePortHub,
  type FakeSender,
} from '../../platform/messaging/testing/fake-ports';
import { CasebookDB } from './db/db';
import { startBackground, type Background } from './main';
import { REFUSED_BY, senderRole } from './trust';

const ana: Actor = { name: 'Ana Agent' };
const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/1001';
const OWN = 'zendesk:1001';
const OTHER = 'zendesk:2002';

function ticket(id: string): TicketInfo {
  return {
    helpdesk: 'zendesk',
    ticketId: id,
    url: `https://acme.zendesk.com/agent/tickets/${id}`,
    subject: `Ticket ${id}`,
  };
}

/**
 * One valid request of every type, aimed at `runId`. `satisfies` keeps it
 * complete: a new request type fails to compile until it has a sample here.
 */
function samples(runId: string, attachmentId: string) {
  const ticketId = runId.split(':')[1]!;
  return {
    'run.open': { type: 'run.open', ticket: ticket(ticketId), actor: ana },
    'run.get': { type: 'run.get', runId },
    'run.events': { type: 'run.events', runId },
    'run.mutate': {
      type: 'run.mutate',
      runId,
      mutation: {
        type: 'set-field',
        stepId: 'assign-severity',
        fieldId: 'severity',
        value: 'SEV2',
      },
      actor: ana,
    },
    'run.migrate': { type: 'run.migrate', runId, toVersion: 1, actor: ana },
    'run.export': { type: 'run.export', runId, format: 'handoff-md' },
    'runs.listOpen': { type: 'runs.listOpen' },
    'runs.countOpen': { type: 'runs.countOpen' },
    'tabs.focusRun': { type: 'tabs.focusRun', runId },
    'attachment.put': {
      type: 'attachment.put',
      runId,
      stepId: 'request-artifacts',
      fieldId: 'files',
      name: 'console.txt',
      mimeType: 'text/plain',
      dataBase64: btoa('TypeError'),
      actor: ana,
    },
    'attachment.get': { type: 'attachment.get', attachmentId },
    'action.pageOnCall': { type: 'action.pageOnCall', runId, actor: ana },
    'action.pageStatus': { type: 'action.pageStatus', runId },
    'action.drafts': { type: 'action.drafts', runId },
    'data.exportRuns': { type: 'data.exportRuns', format: 'json' },
    'data.exportRunsCsv': { type: 'data.exportRunsCsv' },
    'data.wipe': { type: 'data.wipe', confirm: 'WIPE' },
    'data.quarantine': { type: 'data.quarantine' },
    'template.getActive': { type: 'template.getActive' },
    'template.list': { type: 'template.list' },
    'template.get': { type: 'template.get', id: DEFAULT_TEMPLATE.id, version: 1 },
    'template.save': { type: 'template.save', template: { ...DEFAULT_TEMPLATE, name: 'Changed' } },
    'template.reset': { type: 'template.reset' },
    'settings.get': { type: 'settings.get' },
    'settings.update': { type: 'settings.update', patch: { retentionDays: 7 } },
    'settings.import': { type: 'settings.import', text: '{}' },
    'settings.export': { type: 'settings.export' },
    'settings.suggestAgent': { type: 'settings.suggestAgent', name: 'Ana', helpdesk: 'zendesk' },
    'settings.reset': { type: 'settings.reset', confirm: 'RESET' },
    'secrets.setPagerDutyKey': { type: 'secrets.setPagerDutyKey', key: 'a'.repeat(32) },
    'secrets.status': { type: 'secrets.status' },
    'hosts.add': { type: 'hosts.add', hostname: 'support.acme.com' },
    'hosts.remove': { type: 'hosts.remove', hostname: 'support.acme.com' },
    'settings.heldSync': { type: 'settings.heldSync' },
    'settings.resolveHeldSync': { type: 'settings.resolveHeldSync', apply: true, receivedAt: 1 },
    'run.observeConversation': {
      type: 'run.observeConversation',
      runId,
      messages: [{ id: 'm1', role: 'customer', at: 1_700_000_000_000 }],
      actor: ana,
    },
    'health.record': { type: 'health.record', helpdesk: 'zendesk', reads: { subject: 'dom' } },
    'health.get': { type: 'health.get', days: 7 },
    'team.status': { type: 'team.status' },
    'team.connect': {
      type: 'team.connect',
      url: 'https://team.example.com',
      token: 'a'.repeat(32),
    },
    'team.disconnect': { type: 'team.disconnect' },
    'team.runStatus': { type: 'team.runStatus', runId },
    'team.runs': { type: 'team.runs', scope: 'team' },
    'team.publishTemplate': { type: 'team.publishTemplate' },
    'team.setPrivacy': { type: 'team.setPrivacy', privacy: { ticketFacts: [], fields: [] } },
    'report.compute': {
      type: 'report.compute',
      from: '2026-11-01',
      to: '2026-11-30',
      unit: 'week',
      timeZone: 'UTC',
    },
    'report.runs': {
      type: 'report.runs',
      filter: { basis: 'closed', from: 1_700_000_000_000, to: 1_700_100_000_000 },
    },
    'report.csv': { type: 'report.csv' },
    'runs.history': { type: 'runs.history', query: {} },
    'har.session': { type: 'har.session' },
    'har.claim': { type: 'har.claim', token: '00000000-0000-4000-8000-000000000000' },
    'har.vouch': { type: 'har.vouch', sha256: 'a'.repeat(64) },
    'har.notice': { type: 'har.notice', notice: { id: 'har:x', tone: 'info', text: 'x' } },
    'har.cancel': { type: 'har.cancel', job: '00000000-0000-4000-8000-000000000000' },
  } satisfies { [K in RequestType]: RequestInput<K> & { type: K } };
}

function fillFakeBrowserGaps(): void {
  const noopEvent = () => ({ addListener() {}, removeListener() {}, hasListener: () => false });
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.onAdded = noopEvent();
  permissions.onRemoved = noopEvent();
  permissions.contains = async () => false;
  permissions.remove = async () => true;
  const scripting = ((fakeBrowser as unknown as Record<string, unknown>).scripting ??=
    {}) as Record<string, unknown>;
  scripting.getRegisteredContentScripts = async () => [];
  scripting.unregisterContentScripts = async () => undefined;
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.getManifest = () => ({ manifest_version: 3, name: 'Casebook', version: '0.1.0' });
}

let bg: Background;
let ports: FakePortHub;
let setSender: (sender: FakeSender) => void;
let attachmentId: string;

async function raw(message: unknown): Promise<{ ok: boolean; error?: { details?: unknown } }> {
  return (await fakeBrowser.runtime.sendMessage(message as never)) as never;
}

const refusedByBoundary = (reply: { ok: boolean; error?: { details?: unknown } }) =>
  !reply.ok &&
  (reply.error?.details as { refusedBy?: string } | undefined)?.refusedBy === REFUSED_BY;

/** Everything a refused request could have changed. */
async function state() {
  return {
    runs: await bg.db.runs.toArray(),
    events: await bg.db.events.count(),
    attachments: await bg.db.attachments.count(),
    templates: await bg.db.templates.count(),
    settings: await bg.db.settings.toArray(),
    sync: await fakeBrowser.storage.sync.get(null),
    local: await fakeBrowser.storage.local.get(null),
  };
}

beforeEach(async () => {
  fillFakeBrowserGaps();
  ports = installFakePorts();
  setSender = sendAs(extensionPageSender());
  bg = startBackground({ db: new CasebookDB(`trust-${Math.random()}`), now: () => Date.now() });
  await bg.ready;
  // Two runs and an attachment on the own one, made from the options page.
  for (const run of [OWN, OTHER]) {
    expect((await raw(samples(run, '')['run.open'])).ok).toBe(true);
  }
  const put = (await raw(samples(OWN, '')['attachment.put'])) as {
    ok: boolean;
    data: { attachmentId: string };
  };
  attachmentId = put.data.attachmentId;
});

describe('every request type is classified', () => {
  it('has a privilege for each type the protocol knows', () => {
    expect(Object.keys(REQUEST_PRIVILEGE).sort()).toEqual([...REQUEST_TYPES].sort());
  });
});

describe('from an extension page', () => {
  it.each(REQUEST_TYPES)('%s is accepted', async (type) => {
    const reply = await raw(samples(OWN, attachmentId)[type]);
    // It may fail for its own reasons (no host permission in the fake), never at the boundary.
    expect(refusedByBoundary(reply)).toBe(false);
  });
});

describe('from a content script on its ticket', () => {
  const privileged = REQUEST_TYPES.filter((t) => REQUEST_PRIVILEGE[t] === 'extension-page');
  const ticketScoped = REQUEST_TYPES.filter((t) => REQUEST_PRIVILEGE[t] === 'own-ticket');

  it.each(privileged)('%s is refused and changes nothing', async (type) => {
    setSender(contentScriptSender(TICKET_URL));
    const before = await state();
    const reply = await raw(samples(OWN, attachmentId)[type]);
    expect(refusedByBoundary(reply)).toBe(true);
    expect(JSON.stringify(reply)).toContain("only from Casebook's own pages");
    expect(await state()).toEqual(before);
  });

  it.each(ticketScoped)('%s is accepted for its own ticket', async (type) => {
    setSender(contentScriptSender(TICKET_URL));
    expect(refusedByBoundary(await raw(samples(OWN, attachmentId)[type]))).toBe(false);
  });

  it.each(ticketScoped)("%s is refused for another ticket's run", async (type) => {
    setSender(contentScriptSender(TICKET_URL));
    const otherAttachment = 'no-such-attachment';
    const before = await state();
    expect(refusedByBoundary(await raw(samples(OTHER, otherAttachment)[type]))).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('reads settings and offers the agent for its own helpdesk only', async () => {
    setSender(contentScriptSender(TICKET_URL));
    expect(refusedByBoundary(await raw({ type: 'settings.get' }))).toBe(false);
    expect(refusedByBoundary(await raw(samples(OWN, '')['settings.suggestAgent']))).toBe(false);
    const intercom = { type: 'settings.suggestAgent', name: 'Eve', helpdesk: 'intercom' };
    expect(refusedByBoundary(await raw(intercom))).toBe(true);
  });

  it('may do nothing with a run from a page that shows no ticket', async () => {
    setSender(contentScriptSender('https://acme.zendesk.com/agent/filters/1'));
    expect(refusedByBoundary(await raw(samples(OWN, '')['run.get']))).toBe(true);
  });

  it('the ticket comes from the tab, not from the message', async () => {
    setSender(contentScriptSender(TICKET_URL));
    const forged = { type: 'run.open', ticket: ticket('2002'), actor: ana };
    expect(refusedByBoundary(await raw(forged))).toBe(true);
  });

  it('a host-mapped brand domain is a ticket page only once mapped', async () => {
    const mappedUrl = 'https://support.acme.com/agent/tickets/1001';
    setSender(contentScriptSender(mappedUrl));
    expect(refusedByBoundary(await raw(samples(OWN, '')['run.get']))).toBe(true);
    setSender(extensionPageSender());
    await raw({ type: 'settings.get' });
    // Mapping needs a granted permission; write the setting as a sync would.
    const { writeSettings, readSettings } = await import('./settings/store');
    await writeSettings({ ...(await readSettings()), zendeskHostMappings: ['support.acme.com'] });
    setSender(contentScriptSender(mappedUrl));
    expect(refusedByBoundary(await raw(samples(OWN, '')['run.get']))).toBe(false);
  });
});

describe('from a content script in a sub-frame of the ticket tab', () => {
  const frameSender = (frameUrl: string, tabUrl = TICKET_URL): FakeSender => ({
    id: fakeBrowser.runtime.id,
    url: frameUrl,
    frameId: 4,
    tab: { id: 7, url: tabUrl },
  });
  const frameTypes = REQUEST_TYPES.filter((t) => REQUEST_PRIVILEGE[t] === 'helpdesk-frame');
  const others = REQUEST_TYPES.filter((t) => REQUEST_PRIVILEGE[t] !== 'helpdesk-frame');

  it.each(['about:blank', 'about:srcdoc', 'https://acme.zendesk.com/frame.html'])(
    'the file guard in a %s frame may open a sanitizer session, notify and read settings',
    async (frameUrl) => {
      setSender(frameSender(frameUrl));
      for (const type of frameTypes) {
        expect(refusedByBoundary(await raw(samples(OWN, attachmentId)[type]))).toBe(false);
      }
    },
  );

  it.each(others)('%s is refused from a sub-frame, even on its own ticket', async (type) => {
    setSender(frameSender(TICKET_URL));
    const before = await state();
    expect(refusedByBoundary(await raw(samples(OWN, attachmentId)[type]))).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('a foreign frame, or any frame of a page that is not a helpdesk, is refused', async () => {
    setSender(frameSender('https://evil.test/'));
    expect(refusedByBoundary(await raw({ type: 'har.session' }))).toBe(true);
    setSender(frameSender('about:blank', 'https://evil.test/'));
    expect(refusedByBoundary(await raw({ type: 'har.session' }))).toBe(true);
  });
});

describe("Casebook's sanitizer page framed in the helpdesk page", () => {
  const frameSender = (path: string): FakeSender => ({
    id: fakeBrowser.runtime.id,
    url: `${fakeBrowser.runtime.getURL(path)}`,
    frameId: 6,
    tab: { id: 7, url: TICKET_URL },
  });

  it('redeems a secret the content script was given, once; a forged one is not valid', async () => {
    setSender(contentScriptSender(TICKET_URL));
    const issued = (await raw({ type: 'har.session' })) as unknown as { data: { token: string } };
    expect(refusedByBoundary(await raw({ type: 'har.claim', token: issued.data.token }))).toBe(
      true,
    );
    setSender(frameSender('/har-sanitizer.html'));
    const claim = async (token: string) =>
      ((await raw({ type: 'har.claim', token })) as unknown as { data: { valid: boolean } }).data
        .valid;
    expect(await claim(issued.data.token)).toBe(true);
    expect(await claim(issued.data.token)).toBe(false);
    expect(await claim('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('may vouch for a file it sanitized; nobody else may', async () => {
    setSender(frameSender('/har-sanitizer.html'));
    expect(refusedByBoundary(await raw(samples(OWN, '')['har.vouch']))).toBe(false);
    setSender(contentScriptSender(TICKET_URL));
    expect(refusedByBoundary(await raw(samples(OWN, '')['har.vouch']))).toBe(true);
    setSender(frameSender('/options.html'));
    expect(refusedByBoundary(await raw(samples(OWN, '')['har.vouch']))).toBe(true);
  });

  const FRAME_REQUESTS: RequestType[] = ['har.claim', 'har.vouch'];
  it.each(REQUEST_TYPES.filter((t) => !FRAME_REQUESTS.includes(t)))(
    '%s is refused from it',
    async (type) => {
      setSender(frameSender('/har-sanitizer.html'));
      expect(refusedByBoundary(await raw(samples(OWN, attachmentId)[type]))).toBe(true);
    },
  );

  it('another of our pages framed in a web page may not claim', async () => {
    setSender(frameSender('/options.html'));
    expect(refusedByBoundary(await raw(samples(OWN, '')['har.claim']))).toBe(true);
  });
});

describe('senders that are neither', () => {
  const self = { id: 'casebook-id', origin: 'chrome-extension://casebook-id' };
  it.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/x.html' }],
    [
      'a subframe of a tab whose URL is unknown',
      { id: 'casebook-id', url: TICKET_URL, frameId: 3, tab: { id: 1 } },
    ],
    [
      'our options page framed inside a web page',
      {
        id: 'casebook-id',
        url: 'chrome-extension://casebook-id/options.html',
        frameId: 5,
        tab: { id: 1, url: TICKET_URL },
      },
    ],
    ['no tab', { id: 'casebook-id', url: TICKET_URL }],
    ['an http page', { id: 'casebook-id', url: 'http://x.test/', frameId: 0, tab: { id: 1 } }],
    [
      'a frame whose origin differs from its tab',
      { id: 'casebook-id', url: 'https://evil.test/', frameId: 0, tab: { id: 1, url: TICKET_URL } },
    ],
    ['nobody', undefined],
  ])('%s is refused', (_name, sender) => {
    expect(senderRole(sender, self).role).toBe('refused');
  });

  it('the options page embedded in the browser settings is an extension page', () => {
    const embedded = {
      id: 'casebook-id',
      url: 'chrome-extension://casebook-id/options.html',
      frameId: 2,
      tab: { id: 1, url: 'chrome://extensions/?options=casebook-id' },
    };
    expect(senderRole(embedded, self).role).toBe('extension-page');
  });
});

describe('sync ports', () => {
  it("a content script's port follows its own run and settings, nothing else", async () => {
    setSender(contentScriptSender(TICKET_URL));
    const port = fakeBrowser.runtime.connect({ name: 'casebook-sync' });
    for (const topic of [
      { kind: 'run', runId: OWN },
      { kind: 'run', runId: OTHER },
      { kind: 'open-runs' },
      { kind: 'settings' },
    ]) {
      port.postMessage({ type: 'subscribe', topic });
    }
    // The hub handles a port's messages in the order sent: once the last one (settings)
    // is in, the refusals before it have been decided.
    await vi.waitFor(() => expect(bg.hub.subscriberCount('settings')).toBe(1));
    expect(ports.serverPorts).toHaveLength(1);
    expect(bg.hub.subscriberCount(`run:${OWN}`)).toBe(1);
    expect(bg.hub.subscriberCount(`run:${OTHER}`)).toBe(0);
    expect(bg.hub.subscriberCount('open-runs')).toBe(0);
    expect(bg.hub.subscriberCount('settings')).toBe(1);
  });

  it("an extension page's port may follow anything", async () => {
    const port = fakeBrowser.runtime.connect({ name: 'casebook-sync' });
    port.postMessage({ type: 'subscribe', topic: { kind: 'open-runs' } });
    port.postMessage({ type: 'subscribe', topic: { kind: 'run', runId: OTHER } });
    await vi.waitFor(() => expect(bg.hub.subscriberCount(`run:${OTHER}`)).toBe(1));
    expect(bg.hub.subscriberCount('open-runs')).toBe(1);
  });
});
