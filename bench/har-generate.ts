/**
 * The HAR benchmarks' input: a realistic HAR of any size (pages with HTML
 * documents, script and style bundles, base64 images, JSON API calls with
 * bearer tokens, cookies, signed URLs), written to disk once and reused
 * while GENERATOR_VERSION stays the same.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync, writeFileSync } from 'node:fs';

const MB = 1024 * 1024;
const GENERATOR_VERSION = 3;

let seed = 20261126;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function token(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[Math.floor(rand() * ALNUM.length)];
  return s;
}
const WORDS =
  'ticket status open pending solved agent customer request priority update comment workspace billing invoice export report channel message thread user account plan settings'.split(
    ' ',
  );
function words(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  return out.join(' ');
}
function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

const SESSION = token(40);
const JWT = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url(JSON.stringify({ sub: 'user-8812', exp: 1795000000, scope: 'tickets:read tickets:write' }))}.${token(86)}`;
const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function jsBundle(kb: number): string {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < kb * 1024) {
    const line =
      i % 97 === 0
        ? `var cfg${i}={apiBase:"https://api.example.com/v2",sentry:"https://k@sentry.example.com/4",release:"2026.11.${i}"};\n`
        : `function ${token(6)}(e,t){if(!e)return null;var n=e.${token(5)}||[];return n.map(function(r){return r.${token(4)}+"${words(3)}"}).filter(Boolean).join(",")}\n`;
    parts.push(line);
    size += line.length;
    i++;
  }
  return parts.join('');
}
// Body pools, built on first use: the measured children import this file too.
let pools: { bundles: string[]; css: string[]; images: string[] } | null = null;
function bodies() {
  pools ??= {
    bundles: Array.from({ length: 12 }, (_, i) => jsBundle(120 + i * 20)),
    css: Array.from({ length: 4 }, () =>
      Array.from(
        { length: 900 },
        () =>
          `.${token(8)}{display:flex;margin:${Math.floor(rand() * 20)}px;color:#${token(6)
            .toLowerCase()
            .replace(/[^0-9a-f]/g, 'a')}}\n`,
      ).join(''),
    ),
    images: Array.from({ length: 10 }, () => {
      const bytes = Buffer.alloc(8 * 1024 + Math.floor(rand() * 24 * 1024));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
      bytes.set([0x89, 0x50, 0x4e, 0x47], 0);
      return bytes.toString('base64');
    }),
  };
  return pools;
}

function headers(pairs: Array<[string, string]>) {
  return pairs.map(([name, value]) => ({ name, value }));
}

function entry(i: number, kind: number): object {
  const id = token(12);
  const common: Array<[string, string]> = [
    [':authority', 'app.example.com'],
    ['accept-language', 'en-US,en;q=0.9'],
    ['user-agent', UA],
    ['sec-ch-ua-platform', '"Linux"'],
    ['x-request-id', `req-${id}`],
    ['traceparent', `00-${token(32).toLowerCase()}-${token(16).toLowerCase()}-01`],
    ['cookie', `_session=${SESSION}; theme=dark; _ga=GA1.2.${Math.floor(rand() * 1e9)}`],
  ];
  let url: string;
  let mime: string;
  let text: string;
  let encoding: string | undefined;
  let post: object | undefined;
  let resourceType: string;
  const extraReq: Array<[string, string]> = [];
  if (kind === 0) {
    url = `https://app.example.com/agent/tickets/${4000 + i}`;
    mime = 'text/html';
    resourceType = 'document';
    text = `<!doctype html><html><head><title>Ticket ${4000 + i}</title><meta name="csrf-token" content="${token(43)}"></head><body><form action="/tickets/${i}" method="post"><input type="hidden" name="authenticity_token" value="${token(43)}"><textarea name="comment">${words(400)}</textarea></form><script>window.__DATA__=${JSON.stringify({ ticket: { id: 4000 + i, subject: words(8), comments: Array.from({ length: 20 }, () => ({ body: words(60), author: 'agent' })) } })}</script></body></html>`;
  } else if (kind <= 2) {
    url = `https://static.example.com/assets/chunk-${i % 12}.${token(8)}.js`;
    mime = 'application/javascript';
    resourceType = 'script';
    text = bodies().bundles[i % 12]!;
  } else if (kind === 3) {
    url = `https://static.example.com/assets/app.${token(8)}.css`;
    mime = 'text/css';
    resourceType = 'stylesheet';
    text = bodies().css[i % 4]!;
  } else if (kind <= 5) {
    url = `https://cdn.example.com/avatars/${id}.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${token(16).toUpperCase()}%2F20261120%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261120T141000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${token(64).toLowerCase()}`;
    mime = 'image/png';
    resourceType = 'image';
    text = bodies().images[i % 10]!;
    encoding = 'base64';
  } else {
    url = `https://api.example.com/v2/tickets/${4000 + i}/comments?include=users&page=${i % 5}`;
    mime = 'application/json';
    resourceType = 'fetch';
    extraReq.push(
      ['authorization', `Bearer ${JWT}`],
      ['x-api-key', `ak_live_${token(24)}`],
      ['content-type', 'application/json'],
    );
    const payload = { comment: { body: words(40), public: true, author_id: 8812 } };
    post = { mimeType: 'application/json', text: JSON.stringify(payload) };
    text = JSON.stringify({
      comments: Array.from({ length: 12 }, (_, k) => ({
        id: i * 100 + k,
        body: words(50),
        author: { id: 8812, name: 'Ana Lima', email: 'ana@customer.example' },
        created_at: '2026-11-20T14:10:00Z',
        via: { channel: 'web' },
      })),
      next_page: null,
      count: 12,
      meta: { request_id: `req_${id}` },
    });
  }
  const queryString = url.includes('?')
    ? url
        .split('?')[1]!
        .split('&')
        .map((p) => {
          const [name, value = ''] = p.split('=');
          return { name: name!, value: decodeURIComponent(value) };
        })
    : [];
  return {
    _initiator: {
      type: 'script',
      stack: {
        callFrames: [
          {
            functionName: 'load',
            scriptId: '41',
            url: 'https://static.example.com/assets/main.js',
            lineNumber: 1201,
            columnNumber: 17,
          },
        ],
      },
    },
    _priority: 'High',
    _resourceType: resourceType,
    cache: {},
    connection: '443',
    pageref: `page_${Math.floor(i / 40)}`,
    request: {
      method: post ? 'POST' : 'GET',
      url,
      httpVersion: 'http/2.0',
      headers: headers([...common, ...extraReq]),
      queryString,
      cookies: [
        {
          name: '_session',
          value: SESSION,
          path: '/',
          domain: '.example.com',
          expires: '2027-01-01T00:00:00.000Z',
          httpOnly: true,
          secure: true,
        },
        {
          name: 'theme',
          value: 'dark',
          path: '/',
          domain: '.example.com',
          expires: '2027-01-01T00:00:00.000Z',
          httpOnly: false,
          secure: true,
        },
      ],
      headersSize: -1,
      bodySize: post ? 120 : 0,
      ...(post ? { postData: post } : {}),
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: headers([
        ['content-type', mime],
        ['date', 'Fri, 20 Nov 2026 14:10:00 GMT'],
        ['cache-control', 'private, max-age=0'],
        ['x-request-id', `req-${id}`],
        ['strict-transport-security', 'max-age=31536000'],
        ['set-cookie', `_session=${SESSION}; path=/; secure; HttpOnly; SameSite=Lax`],
      ]),
      cookies: [
        {
          name: '_session',
          value: SESSION,
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'Lax',
        },
      ],
      content: { size: text.length, mimeType: mime, text, ...(encoding ? { encoding } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
      _transferSize: text.length + 420,
      _error: null,
    },
    serverIPAddress: '203.0.113.10',
    startedDateTime: new Date(Date.UTC(2026, 10, 20, 14, 10, 0, i * 37)).toISOString(),
    time: 10 + (i % 300) * 1.37,
    timings: {
      blocked: 1.2,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.13,
      wait: 100 + (i % 50),
      receive: 3.4,
      _blocked_queueing: 0.8,
    },
  };
}

const KINDS = [0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6];

export async function generate(path: string, targetBytes: number): Promise<void> {
  const stamp = `${path}.v${GENERATOR_VERSION}`;
  if (existsSync(path) && existsSync(stamp) && statSync(path).size >= targetBytes) return;
  const started = performance.now();
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let written = 0;
  const pages = Math.ceil(targetBytes / (40 * 90_000));
  await write(
    `{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[`,
  );
  for (let p = 0; p < pages; p++) {
    await write(
      `${p ? ',' : ''}${JSON.stringify({ startedDateTime: '2026-11-20T14:10:00.000Z', id: `page_${p}`, title: `https://app.example.com/agent/tickets/${4000 + p}`, pageTimings: { onContentLoad: 412.5, onLoad: 901.2 } })}`,
    );
  }
  await write(`],"entries":[`);
  for (let i = 0; written < targetBytes; i++) {
    const text =
      (i ? ',\n' : '') +
      JSON.stringify(entry(i, KINDS[i % KINDS.length]!), null, i % 2 ? 1 : undefined);
    written += Buffer.byteLength(text);
    await write(text);
  }
  await write(']}}\n');
  out.end();
  await once(out, 'close');
  writeFileSync(stamp, '');
  console.log(
    `generated ${path} (${(statSync(path).size / MB).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
