/**
 * A made-up HAR that walks the sanitizer's usual paths (headers with
 * credentials, cookies, query strings, JSON and form bodies, JSON, HTML and
 * base64 responses, WebSocket frames), sanitized once in a fresh worker while
 * the agent is still in the file dialog. A worker starts with cold code: on a
 * 10 MB HAR the first run took about twice as long as the next one in the
 * same worker, and every agent's file is the first in its worker.
 */
import { sanitizeHarBlob, sanitizeHarStream, type HarSink } from './stream';

function entry(i: number): unknown {
  const token = `warmup${String(i).padStart(6, '0')}abcdefghijklmnopqrstuvwxyz`;
  const json = JSON.stringify({
    id: i,
    user: { email: `user${i}@example.com`, name: 'Sample User' },
    items: [1, 2, 3].map((n) => ({ n, label: `item ${n}`, ok: n % 2 === 0 })),
    access_token: token,
    message: 'Password is too short (minimum is 12 characters)',
  });
  const kind = i % 4;
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    time: 12.5,
    request: {
      method: kind === 1 ? 'POST' : 'GET',
      url: `https://app.example.com/api/v1/items/${i}?page=${i % 7}&sig=${token}&q=search+term`,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Authorization', value: `Bearer ${token}` },
        { name: 'Accept', value: 'application/json' },
        { name: 'Cookie', value: `session=${token}; theme=dark` },
        { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36' },
      ],
      queryString: [
        { name: 'page', value: String(i % 7) },
        { name: 'sig', value: token },
        { name: 'q', value: 'search term' },
      ],
      cookies: [
        { name: 'session', value: token },
        { name: 'theme', value: 'dark' },
      ],
      headersSize: -1,
      bodySize: kind === 1 ? json.length : 0,
      ...(kind === 1
        ? { postData: { mimeType: 'application/json', text: json } }
        : kind === 3
          ? {
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                text: `username=user${i}&password=${token}&remember=1`,
                params: [
                  { name: 'username', value: `user${i}` },
                  { name: 'password', value: token },
                ],
              },
            }
          : {}),
    },
    response: {
      status: kind === 2 ? 401 : 200,
      statusText: kind === 2 ? 'Unauthorized' : 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: kind === 2 ? 'text/html' : 'application/json' },
        { name: 'Set-Cookie', value: `session=${token}; Path=/; HttpOnly` },
        { name: 'Cache-Control', value: 'no-store' },
      ],
      cookies: [{ name: 'session', value: token, path: '/', httpOnly: true }],
      content:
        kind === 2
          ? {
              size: 120,
              mimeType: 'text/html',
              text: `<html><body><form><input name="csrf" value="${token}"></form><p>Sign in again</p></body></html>`,
            }
          : kind === 3
            ? {
                size: json.length,
                mimeType: 'application/json',
                text: btoa(json),
                encoding: 'base64',
              }
            : { size: json.length, mimeType: 'application/json', text: json },
      redirectURL: '',
      headersSize: -1,
      bodySize: json.length,
    },
    cache: {},
    timings: { blocked: 1, dns: -1, connect: -1, send: 0.5, wait: 10, receive: 1, ssl: -1 },
    ...(i % 25 === 0
      ? {
          _resourceType: 'websocket',
          _webSocketMessages: [
            {
              type: 'send',
              time: 1,
              opcode: 1,
              data: JSON.stringify({ auth: token, op: 'hello' }),
            },
            { type: 'receive', time: 2, opcode: 1, data: json },
          ],
        }
      : {}),
  };
}

/** The sample as text: about 1 KB per entry. */
export function warmUpHar(entries = 600): string {
  const list: unknown[] = [];
  for (let i = 0; i < entries; i++) list.push(entry(i));
  return JSON.stringify({
    log: { version: '1.2', creator: { name: 'casebook-warm-up', version: '1' }, entries: list },
  });
}

/**
 * Sanitizes the sample once, down the same streaming path a file takes
 * (into `sink` when the file's output goes to one, a Blob otherwise);
 * returns how many values it redacted.
 */
export async function warmUpSanitizer(entries?: number, sink?: HarSink): Promise<number> {
  const sample = new Blob([warmUpHar(entries)]);
  if (sink) return (await sanitizeHarStream(sample.stream(), sink, { flushSize: 0 })).total;
  const { report } = await sanitizeHarBlob(sample);
  return report.total;
}
