/**
 * HAR documents for tests: one request entry with the headers, URL and body
 * a test plants its secrets in, and a document around entries. Everything
 * else is the smallest valid HAR 1.2.
 */

export interface EntryOptions {
  url?: string;
  method?: string;
  headers?: Array<{ name: string; value: string }>;
  /** A JSON request body (`postData`), when given. */
  body?: string;
  status?: number;
}

export function harEntry({
  url = 'https://api.example.com/x',
  method = 'GET',
  headers = [],
  body,
  status = 200,
}: EntryOptions = {}) {
  return {
    startedDateTime: '2026-11-26T10:00:00.000Z',
    time: 1,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers,
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: body ? body.length : 0,
      ...(body ? { postData: { mimeType: 'application/json', text: body } } : {}),
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'Error',
      httpVersion: 'HTTP/1.1',
      headers: [] as Array<{ name: string; value: string }>,
      cookies: [],
      content: { size: 0, mimeType: 'text/plain' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

export type HarEntry = ReturnType<typeof harEntry>;

export function harDocument(entries: HarEntry[]) {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
}
