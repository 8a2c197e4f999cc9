// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarSanitizer, HarSanitizerUnavailable } from './sanitizer-client';

const HAR = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 't', version: '1' },
    entries: [{ request: { headers: [{ name: 'Authorization', value: 'Bearer sk_live_x' }] } }],
  },
});
const har = () => new File([HAR], 'capture.har', { type: 'application/json' });

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the HAR sanitizer client', () => {
  it('sanitizes only in the extension frame: when the frame never answers, it refuses', async () => {
    const sanitizer = createHarSanitizer({
      frameTimeoutMs: 50,
      sessionToken: async () => crypto.randomUUID(),
    });
    const attempt = sanitizer.sanitize(har());
    await expect(attempt).rejects.toBeInstanceOf(HarSanitizerUnavailable);
    await expect(attempt).rejects.toThrow(
      "Casebook's HAR sanitizer could not start on this page (the sanitizer frame",
    );
    // The frame that did not answer is gone; nothing sanitized the file on the page.
    expect(document.querySelector('iframe[data-casebook="har-sanitizer"]')).toBeNull();
    sanitizer.dispose();
  });
});
