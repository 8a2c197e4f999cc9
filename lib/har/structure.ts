/**
 * The HAR-aware walk: knows where HAR 1.2 (and Chrome/Firefox's `_` fields)
 * keep URLs, headers, cookies, bodies and websocket frames, and sends
 * everything else through the generic JSON walk. Values are replaced in
 * place; keys, order, numbers and sizes are kept.
 */
import type { Redactor } from './redactor';
import {
  scrubAuthValue,
  scrubBase64,
  scrubCookieHeader,
  scrubCookieValue,
  scrubJson,
  scrubNamedValue,
  scrubSetCookie,
  scrubSubprotocols,
  scrubText,
  scrubUrl,
} from './text';
import { HarError } from './errors';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Throws HarError('not-har') unless `entry` has the fields every HAR entry has. */
export function assertEntry(entry: unknown, index: number): asserts entry is Obj {
  if (!isObj(entry))
    throw new HarError('not-har', `Not a HAR file: log.entries[${index}] is not an object.`);
  const request = entry.request;
  if (!isObj(request) || typeof request.url !== 'string' || typeof request.method !== 'string') {
    throw new HarError(
      'not-har',
      `Not a HAR file: log.entries[${index}] has no request with a method and url.`,
    );
  }
  if (!isObj(entry.response)) {
    throw new HarError('not-har', `Not a HAR file: log.entries[${index}] has no response.`);
  }
}

export function sanitizeEntry(entry: unknown, index: number, r: Redactor): Obj {
  assertEntry(entry, index);
  r.entry = index;
  r.path.length = 0;
  for (const key of Object.keys(entry)) {
    const value = entry[key];
    r.path.push(key);
    if (key === 'request' && isObj(value)) sanitizeRequest(value, r);
    else if (key === 'response' && isObj(value)) sanitizeResponse(value, r);
    else if (key === '_webSocketMessages' && Array.isArray(value)) sanitizeWebSocket(value, r);
    else if (key === 'timings' || key === 'time' || key === 'startedDateTime') {
      // numbers and a timestamp: nothing to redact
    } else entry[key] = scrubJson(value, r, key, 0);
    r.path.pop();
  }
  r.entry = null;
  return entry;
}

export function sanitizePage(page: unknown, index: number, r: Redactor): unknown {
  r.entry = null;
  r.path.length = 0;
  r.path.push(`pages[${index}]`);
  const out = scrubJson(page, r, null, 0);
  r.path.length = 0;
  return out;
}

/** Any other member of `log` (creator, browser, comment, …) or of the top-level object. */
export function sanitizeOther(key: string, value: unknown, r: Redactor, prefix: string): unknown {
  r.entry = null;
  r.path.length = 0;
  r.path.push(prefix + key);
  const out = scrubJson(value, r, key, 0);
  r.path.length = 0;
  return out;
}

function sanitizeRequest(request: Obj, r: Redactor): void {
  for (const key of Object.keys(request)) {
    const value = request[key];
    r.path.push(`.${key}`);
    switch (key) {
      case 'url':
        if (typeof value === 'string') request.url = scrubUrl(value, r);
        break;
      case 'headers':
        if (Array.isArray(value)) sanitizeHeaders(value, r);
        break;
      case 'cookies':
        if (Array.isArray(value)) sanitizeCookies(value, r);
        break;
      case 'queryString':
        if (Array.isArray(value)) sanitizeParams(value, r, 'query');
        break;
      case 'postData':
        if (isObj(value)) sanitizePostData(value, r);
        else request[key] = scrubJson(value, r, key, 0);
        break;
      case 'method':
      case 'httpVersion':
      case 'headersSize':
      case 'bodySize':
        break;
      default:
        request[key] = scrubJson(value, r, key, 0);
    }
    r.path.pop();
  }
}

function sanitizeResponse(response: Obj, r: Redactor): void {
  for (const key of Object.keys(response)) {
    const value = response[key];
    r.path.push(`.${key}`);
    switch (key) {
      case 'redirectURL':
        if (typeof value === 'string') response.redirectURL = scrubUrl(value, r);
        break;
      case 'headers':
        if (Array.isArray(value)) sanitizeHeaders(value, r);
        break;
      case 'cookies':
        if (Array.isArray(value)) sanitizeCookies(value, r);
        break;
      case 'content':
        if (isObj(value)) sanitizeContent(value, r);
        break;
      case 'status':
      case 'statusText':
      case 'httpVersion':
      case 'headersSize':
      case 'bodySize':
      case '_transferSize':
        break;
      default:
        response[key] = scrubJson(value, r, key, 0);
    }
    r.path.pop();
  }
}

function sanitizeHeaders(headers: unknown[], r: Redactor): void {
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    if (!isObj(header) || typeof header.name !== 'string' || typeof header.value !== 'string') {
      r.path.push(`[${i}]`);
      headers[i] = scrubJson(header, r, null, 0);
      r.path.pop();
      continue;
    }
    r.path.push(`[${header.name}]`);
    header.value = scrubHeaderValue(header.name, header.value, r);
    for (const key of Object.keys(header)) {
      if (key !== 'name' && key !== 'value') header[key] = scrubJson(header[key], r, key, 0);
    }
    r.path.pop();
  }
}

export function scrubHeaderValue(name: string, value: string, r: Redactor): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return scrubCookieHeader(value, r);
  if (lower === 'set-cookie') return scrubSetCookie(value, r);
  if (lower === 'sec-websocket-protocol') return scrubSubprotocols(value, r);
  const hit = r.compiled.classify(name, 'header');
  if (hit && (!hit.weak || r.compiled.isHighEntropy(value))) {
    if (hit.kind === 'authorization') return scrubAuthValue(value, r);
    return r.redact(value, hit.kind);
  }
  return scrubText(value, r);
}

function sanitizeCookies(cookies: unknown[], r: Redactor): void {
  for (let i = 0; i < cookies.length; i++) {
    const cookie = cookies[i];
    if (!isObj(cookie) || typeof cookie.name !== 'string' || typeof cookie.value !== 'string') {
      r.path.push(`[${i}]`);
      cookies[i] = scrubJson(cookie, r, 'cookie', 0);
      r.path.pop();
      continue;
    }
    r.path.push(`[${cookie.name}]`);
    cookie.value = scrubCookieValue(cookie.name, cookie.value, r);
    r.path.pop();
  }
}

function sanitizeParams(params: unknown[], r: Redactor, scope: 'query' | 'form'): void {
  for (let i = 0; i < params.length; i++) {
    const param = params[i];
    if (!isObj(param) || typeof param.name !== 'string') {
      r.path.push(`[${i}]`);
      params[i] = scrubJson(param, r, null, 0);
      r.path.pop();
      continue;
    }
    r.path.push(`[${param.name}]`);
    if (typeof param.value === 'string')
      param.value = scrubNamedValue(param.name, param.value, r, scope, 0);
    else if (param.value !== undefined) param.value = scrubJson(param.value, r, param.name, 0);
    for (const key of Object.keys(param)) {
      if (key !== 'name' && key !== 'value') param[key] = scrubJson(param[key], r, key, 0);
    }
    r.path.pop();
  }
}

function sanitizePostData(postData: Obj, r: Redactor): void {
  const mime = typeof postData.mimeType === 'string' ? postData.mimeType : '';
  for (const key of Object.keys(postData)) {
    const value = postData[key];
    r.path.push(`.${key}`);
    if (key === 'text' && typeof value === 'string') postData.text = scrubText(value, r, mime);
    else if (key === 'params' && Array.isArray(value)) sanitizeParams(value, r, 'form');
    else if (key !== 'mimeType') postData[key] = scrubJson(value, r, key, 0);
    r.path.pop();
  }
}

function sanitizeContent(content: Obj, r: Redactor): void {
  const mime = typeof content.mimeType === 'string' ? content.mimeType : '';
  const base64 = content.encoding === 'base64';
  for (const key of Object.keys(content)) {
    const value = content[key];
    r.path.push(`.${key}`);
    if (key === 'text' && typeof value === 'string') {
      content.text = base64 ? scrubBase64(value, r, mime) : scrubText(value, r, mime);
    } else if (
      key !== 'mimeType' &&
      key !== 'size' &&
      key !== 'encoding' &&
      key !== 'compression'
    ) {
      content[key] = scrubJson(value, r, key, 0);
    }
    r.path.pop();
  }
}

/** Chrome's `_webSocketMessages`: opcode 1 is text, opcode 2 binary (base64). */
function sanitizeWebSocket(messages: unknown[], r: Redactor): void {
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    r.path.push(`[${i}]`);
    if (isObj(message) && typeof message.data === 'string') {
      r.path.push('.data');
      message.data =
        message.opcode === 2
          ? scrubBase64(message.data, r, 'application/octet-stream')
          : scrubText(message.data, r);
      r.path.pop();
      for (const key of Object.keys(message)) {
        if (key !== 'data' && key !== 'opcode' && key !== 'type' && key !== 'time') {
          message[key] = scrubJson(message[key], r, key, 0);
        }
      }
    } else {
      messages[i] = scrubJson(message, r, null, 0);
    }
    r.path.pop();
  }
}
