import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { sanitizedHarName, sniffBytes } from './sniff';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what is a HAR, by its first bytes', () => {
  it('knows a HAR whatever its name, with whitespace and a BOM', () => {
    expect(sniffBytes(bytes('{"log":{"version":"1.2","entries":[]}}'), true)).toBe('har');
    expect(sniffBytes(bytes('\uFEFF  {\n "log" : {\n "creator": {}, "entries": ['))).toBe('har');
  });
  it('a head cut before "entries" is still a HAR; a whole file without one is not', () => {
    expect(sniffBytes(bytes('{"log":{"creator":{"name":"x"'), false)).toBe('har');
    expect(sniffBytes(bytes('{"log":{"creator":{"name":"x"}}}'), true)).toBe('other');
  });
  it('other JSON, text and binaries are not', () => {
    expect(sniffBytes(bytes('{"data":{"log":{"entries":[]}}}'), true)).toBe('other');
    expect(sniffBytes(bytes('plain notes'), true)).toBe('other');
    expect(sniffBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), true)).toBe('other');
  });
  it('gzip and zip by their magic bytes', () => {
    expect(sniffBytes(new Uint8Array(gzipSync(bytes('{"log":{}}'))))).toBe('gzip');
    expect(sniffBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('zip');
  });
  it('names the sanitized file', () => {
    expect(sanitizedHarName('capture.har.gz')).toBe('capture.sanitized.har');
    expect(sanitizedHarName('capture.json')).toBe('capture.sanitized.har');
    expect(sanitizedHarName('export')).toBe('export.sanitized.har');
  });
});
