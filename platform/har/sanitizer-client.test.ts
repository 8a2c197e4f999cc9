// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHarInterception } from './intercept';
import { createHarSanitizer, HarSanitizerUnavailable } from './sanitizer-client';

const HAR = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 't', version: '1' },
    entries: [{ request: { headers: [{ name: 'Authorization', value: 'Bearer sk_live_x' }] } }],
  },
});
const har = () => new File([HAR], 'capture.har', { type: 'application/json' });

let controller: AbortController;
beforeEach(() => {
  document.body.innerHTML = '';
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('the HAR sanitizer client', () => {
  it('sanitizes only in the extension frame: when the frame never answers, it refuses', async () => {
    const sanitizer = createHarSanitizer({ frameTimeoutMs: 50 });
    const attempt = sanitizer.sanitize(har());
    await expect(attempt).rejects.toBeInstanceOf(HarSanitizerUnavailable);
    await expect(attempt).rejects.toThrow(
      "Casebook's HAR sanitizer could not start on this page (the sanitizer frame",
    );
    // The frame that did not answer is gone; nothing sanitized the file on the page.
    expect(document.querySelector('iframe[data-casebook="har-sanitizer"]')).toBeNull();
    sanitizer.dispose();
  });

  it('blocks the upload: the page never receives the HAR, and the agent is told why', async () => {
    const sanitizer = createHarSanitizer({ frameTimeoutMs: 50 });
    const errors: unknown[] = [];
    installHarInterception({
      roots: () => [document],
      signal: controller.signal,
      sanitize: (file) => sanitizer.sanitize(file),
      onError: (error) => errors.push(error),
    });
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const seen: string[][] = [];
    for (const type of ['input', 'change'])
      input.addEventListener(type, () => seen.push(Array.from(input.files ?? [], (f) => f.name)));
    const dt = new DataTransfer();
    dt.items.add(har());
    input.files = dt.files;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.poll(() => errors.length, { timeout: 2000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(errors[0]).toBeInstanceOf(HarSanitizerUnavailable);
    expect(seen).toEqual([]);
    expect(input.files?.length ?? 0).toBe(0);
    sanitizer.dispose();
  });
});
