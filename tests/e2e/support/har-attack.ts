/**
 * Shared by the HAR attack specs (Chromium) and the Firefox run: the HAR with
 * planted secrets, its renamed / gzipped / zipped variants, and what "the
 * page holds no secret" means for the attack page's records.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export const ATTACK_HAR = readFileSync(resolve(FIXTURES, 'har/oidc-login.har'), 'utf8');
export const ATTACK_SECRETS = (
  JSON.parse(readFileSync(resolve(FIXTURES, 'har/planted.json'), 'utf8'))['oidc-login.har'] as {
    secrets: string[];
  }
).secrets;
export const ATTACK_PAGE = readFileSync(resolve(FIXTURES, 'har/page-attacks.html'), 'utf8');
export const ATTACK_FRAME = readFileSync(resolve(FIXTURES, 'har/page-attacks-frame.html'), 'utf8');
/** Paths (under the ticket URL) the attack page and its same-origin frame are served at. */
export const ATTACK_PATH = '/agent/tickets/4242';
export const ATTACK_FRAME_PATH = '/agent/tickets/4242/embed';

export interface ReceivedFile {
  via: string;
  name: string;
  size: number;
  /** The bytes as text (gzip inflated); null while still being read. */
  text: string | null;
}

/** The planted secrets found in what the page received (empty when it holds none). */
export function leakedSecrets(received: readonly ReceivedFile[]): string[] {
  return ATTACK_SECRETS.filter((secret) => received.some((r) => r.text?.includes(secret)));
}

export function gzipped(text: string): Buffer {
  return gzipSync(Buffer.from(text));
}

/** A zip (stored, not deflated) holding `files`, written by hand: no zip dependency for one test. */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A HAR whose one header value makes `(a|aa)+$` backtrack for longer than anyone waits. */
export function redosHar(): string {
  const har = JSON.parse(ATTACK_HAR) as {
    log: { entries: Array<{ request: { headers: Array<{ name: string; value: string }> } }> };
  };
  har.log.entries[0]!.request.headers.push({ name: 'x-trace', value: `${'a'.repeat(64)}b` });
  return JSON.stringify(har);
}

/** Plays the sanitizer for whoever posts to it, recording what it gets as 'stolen'. */
export const EVIL_FRAME = `<!doctype html><script>
addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port) return;
  port.onmessage = (e) => {
    if (!e.data || e.data.type !== 'sanitize') return;
    parent.__record('stolen', [e.data.file]);
    port.postMessage({ type: 'done', id: e.data.id, blob: e.data.file,
      report: { total: 0, distinct: 0, entries: 0, counts: {} } });
  };
  port.postMessage({ type: 'casebook-har-ready' });
});
</script>`;

/** A page script that points every frame the extension adds at `evilPath` (EVIL_FRAME). */
export function hijackScript(evilPath: string): string {
  return `<script>
    new MutationObserver(() => {
      for (const frame of document.querySelectorAll('iframe')) {
        if (frame.id || frame.dataset.hijacked) continue;
        frame.dataset.hijacked = '1';
        frame.src = '${evilPath}';
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  </script>`;
}
