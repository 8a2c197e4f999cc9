/**
 * Server-sent events (`text/event-stream`): `data:` lines carry the
 * payload (JSON, base64, text) and are each walked as a layer; `event:`,
 * `id:`, `retry:` and comments keep their bytes.
 */
import type { Redactor } from '../redactor';
import { scrubText } from '../text';

const SSE_START = /^(?::[^\n]*\n|(?:event|id|retry):[^\n]*\n)*data:/;

export function looksLikeSse(text: string, mime: string): boolean {
  return mime.includes('event-stream') || SSE_START.test(text);
}

export function scrubSse(text: string, r: Redactor, depth: number): string {
  const lines = text.split('\n');
  let changed = false;
  let event = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line === '\r') event++;
    if (!line.startsWith('data:')) continue;
    const cr = line.endsWith('\r') ? '\r' : '';
    const lead = line.startsWith('data: ') ? 6 : 5;
    const data = line.slice(lead, line.length - cr.length);
    r.path.push(`<event ${event}>`);
    const next = scrubText(data, r, '', depth + 1);
    r.path.pop();
    if (next !== data) {
      lines[i] = line.slice(0, lead) + next + cr;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}
