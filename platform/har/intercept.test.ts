// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sanitizeHarBlob, type HarReport } from '../../lib/har/index';
import { installHarInterception, type HarInterceptInfo } from './intercept';
import { sanitizedName } from './sanitizer-client';

const FIXTURE = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/har/oidc-login.har'),
  'utf8',
);
const SECRETS = (
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/har/planted.json'), 'utf8'),
  )['oidc-login.har'] as { secrets: string[] }
).secrets;

const har = () => new File([FIXTURE], 'capture.har', { type: 'application/json' });
const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'shot.png', { type: 'image/png' });

function filesOf(...files: File[]): FileList {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt.files;
}

/** What the page's own handlers saw. */
interface Seen {
  type: string;
  names: string[];
  files: File[];
}

let controller: AbortController;
let reports: Array<[HarReport, HarInterceptInfo]>;
let errors: Array<[unknown, HarInterceptInfo]>;
let sanitize: (file: File) => Promise<{ file: File; report: HarReport }>;

function install(over: Partial<Parameters<typeof installHarInterception>[0]> = {}) {
  installHarInterception({
    roots: () => [document],
    signal: controller.signal,
    sanitize: (f) => sanitize(f),
    onReport: (r, i) => reports.push([r, i]),
    onError: (e, i) => errors.push([e, i]),
    ...over,
  });
}

function record(target: EventTarget, types: string[]): Seen[] {
  const seen: Seen[] = [];
  for (const type of types) {
    target.addEventListener(type, (event) => {
      const e = event as Event & { dataTransfer?: DataTransfer; clipboardData?: DataTransfer };
      const list =
        e.dataTransfer?.files ??
        e.clipboardData?.files ??
        (event.target as HTMLInputElement).files ??
        null;
      const files = Array.from(list ?? []);
      seen.push({ type, names: files.map((f) => f.name), files });
    });
  }
  return seen;
}

function choose(input: HTMLInputElement, ...files: File[]) {
  input.files = filesOf(...files);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function settle() {
  await vi.waitFor(() => expect(reports.length + errors.length).toBeGreaterThan(0), {
    timeout: 5000,
  });
  await new Promise((r) => setTimeout(r, 10));
}

async function expectSanitized(file: File) {
  expect(file.name).toBe('capture.sanitized.har');
  const text = await file.text();
  expect(JSON.parse(text).log.entries).toHaveLength(4);
  for (const secret of SECRETS) expect(text.includes(secret)).toBe(false);
}

beforeEach(() => {
  document.body.innerHTML = '';
  controller = new AbortController();
  reports = [];
  errors = [];
  // The frame's worker does this in the extension; here the sanitizer runs in the test.
  sanitize = async (file) => {
    const { blob, report } = await sanitizeHarBlob(file);
    return { file: new File([blob], sanitizedName(file.name)), report };
  };
});
afterEach(() => controller.abort());

describe('file inputs', () => {
  it('holds a HAR, then gives the page input+change with the sanitized file only', async () => {
    install();
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen = record(input, ['input', 'change']);
    choose(input, har());
    expect(seen).toEqual([]);
    expect(input.files?.length ?? 0).toBe(0);
    await settle();
    expect(seen.map((s) => s.type)).toEqual(['input', 'change']);
    expect(seen[1]!.names).toEqual(['capture.sanitized.har']);
    await expectSanitized(input.files![0]!);
    expect(reports[0]![1]).toMatchObject({
      via: 'input',
      original: 'capture.har',
      sanitized: 'capture.sanitized.har',
    });
    expect(reports[0]![0].total).toBeGreaterThan(0);
  });

  it('lets non-HAR files through untouched and at once', () => {
    install();
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen = record(input, ['change']);
    const shot = png();
    choose(input, shot);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.files[0]).toBe(shot);
    expect(reports).toEqual([]);
  });

  it('keeps other files next to the sanitized HAR, in order', async () => {
    install();
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    document.body.append(input);
    const seen = record(input, ['change']);
    const shot = png();
    choose(input, shot, har());
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.names).toEqual(['shot.png', 'capture.sanitized.har']);
    expect(seen[0]!.files[0]).toBe(shot);
  });

  it('catches inputs in shadow roots created after install', async () => {
    install();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    input.type = 'file';
    shadow.append(input);
    document.body.append(host);
    await new Promise((r) => setTimeout(r, 0));
    const seen = record(input, ['change']);
    choose(input, har());
    expect(seen).toEqual([]);
    await settle();
    expect(seen[0]!.names).toEqual(['capture.sanitized.har']);
  });

  it('catches a shadow root attached to an element already on the page, on first interaction', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    install();
    const shadow = host.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    input.type = 'file';
    shadow.append(input);
    const seen = record(input, ['change']);
    input.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    choose(input, har());
    expect(seen).toEqual([]);
    await settle();
    expect(seen[0]!.names).toEqual(['capture.sanitized.har']);
  });

  it('blocks the upload when sanitizing fails: nothing reaches the page, the input is empty', async () => {
    install();
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen = record(input, ['input', 'change']);
    choose(input, new File(['{"log": {"entries": ['], 'broken.har'));
    await settle();
    expect(seen).toEqual([]);
    expect(input.files?.length ?? 0).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]![1]).toMatchObject({ via: 'input', original: 'broken.har' });
    expect((errors[0]![0] as { code: string }).code).toBe('truncated');
  });

  it('the agent can cancel: the sanitizer is told, progress is passed on, and nothing reaches the page', async () => {
    const progress: number[] = [];
    let started: HarInterceptInfo | undefined;
    install({
      onStart: (info) => (started = info),
      onProgress: (p) => progress.push(p.bytesRead),
      sanitize: (file, controls) =>
        new Promise((_, reject) => {
          controls?.onProgress?.({ bytesRead: 1024, totalBytes: file.size, entries: 3 });
          controls?.signal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('cancelled'), { code: 'cancelled' })),
          );
        }),
    });
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen = record(input, ['input', 'change']);
    choose(input, har());
    await expect.poll(() => progress).toEqual([1024]);
    expect(started?.size).toBe(FIXTURE.length);
    started!.cancel!();
    await expect.poll(() => errors.length).toBe(1);
    expect((errors[0]![0] as { code: string }).code).toBe('cancelled');
    await settle();
    expect(seen).toEqual([]);
    expect(input.files?.length ?? 0).toBe(0);
  });

  it('warms the sanitizer when the agent reaches for a file input or drags files in', () => {
    let warmed = 0;
    install({ warm: () => warmed++ });
    const input = document.createElement('input');
    input.type = 'file';
    const text = document.createElement('input');
    document.body.append(input, text);
    text.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(warmed).toBe(0);
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(warmed).toBe(1);
  });

  it('a new selection made while a HAR is being sanitized wins', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = sanitize;
    sanitize = async (f) => {
      await gate;
      return real(f);
    };
    install();
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen = record(input, ['change']);
    choose(input, har());
    await new Promise((r) => setTimeout(r, 5));
    const shot = png();
    choose(input, shot);
    expect(seen.map((s) => s.names)).toEqual([['shot.png']]);
    release();
    await settle();
    expect(seen.map((s) => s.names)).toEqual([['shot.png']]);
    expect(input.files![0]).toBe(shot);
  });

  it('stops intercepting when the signal aborts', () => {
    install();
    controller.abort();
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen = record(input, ['change']);
    const file = har();
    choose(input, file);
    expect(seen[0]!.files[0]).toBe(file);
  });
});

describe('drop and paste', () => {
  function dropEvent(files: File[]): Event {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    const event = new Event('drop', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, 'dataTransfer', { value: dt });
    return event;
  }

  it('re-dispatches a drop on the original target with the sanitized file', async () => {
    install();
    const zone = document.createElement('div');
    document.body.append(zone);
    const seen = record(zone, ['drop']);
    const original = dropEvent([har(), png()]);
    zone.dispatchEvent(original);
    expect(original.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.names).toEqual(['capture.sanitized.har', 'shot.png']);
    await expectSanitized(seen[0]!.files[0]!);
    expect(reports[0]![1].via).toBe('drop');
  });

  it('leaves drops without HAR files alone', () => {
    install();
    const zone = document.createElement('div');
    document.body.append(zone);
    const seen = record(zone, ['drop']);
    const original = dropEvent([png()]);
    zone.dispatchEvent(original);
    expect(original.defaultPrevented).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('re-dispatches a paste, keeping its text', async () => {
    install();
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    document.body.append(editor);
    const seen: Array<{ names: string[]; text: string }> = [];
    editor.addEventListener('paste', (e) => {
      const data = (e as ClipboardEvent).clipboardData!;
      seen.push({
        names: Array.from(data.files).map((f) => f.name),
        text: data.getData('text/plain'),
      });
    });
    const dt = new DataTransfer();
    dt.items.add(har());
    dt.setData('text/plain', 'see attached');
    const event = new Event('paste', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, 'clipboardData', { value: dt });
    editor.dispatchEvent(event);
    expect(seen).toEqual([]);
    await settle();
    expect(seen).toEqual([{ names: ['capture.sanitized.har'], text: 'see attached' }]);
  });

  it('blocks a drop when sanitizing fails', async () => {
    sanitize = () => Promise.reject(new Error('worker crashed'));
    install();
    const zone = document.createElement('div');
    document.body.append(zone);
    const seen = record(zone, ['drop']);
    zone.dispatchEvent(dropEvent([har()]));
    await settle();
    expect(seen).toEqual([]);
    expect(String(errors[0]![0])).toContain('worker crashed');
  });
});
