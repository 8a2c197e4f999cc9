import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BASE64 } from '../messaging/attachments';
import { MAX_VOUCHED_BYTES, MAX_VOUCHES, sha256Hex, VOUCH_TTL_MS, VouchLedger } from './vouch';

describe('sha256Hex', () => {
  it('is the standard digest', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

it('vouches for every file size that can be attached', () => {
  expect(Math.ceil(MAX_VOUCHED_BYTES / 3) * 4).toBeGreaterThanOrEqual(MAX_ATTACHMENT_BASE64);
});

describe('VouchLedger', () => {
  it('answers true once for a vouched digest, false for any other', () => {
    const ledger = new VouchLedger();
    ledger.vouch('a'.repeat(64), 0);
    expect(ledger.take('b'.repeat(64), 1)).toBe(false);
    expect(ledger.take('a'.repeat(64), 1)).toBe(true);
    expect(ledger.take('a'.repeat(64), 2)).toBe(false);
  });

  it('forgets a vouch after its time', () => {
    const ledger = new VouchLedger();
    ledger.vouch('a'.repeat(64), 0);
    expect(ledger.take('a'.repeat(64), VOUCH_TTL_MS)).toBe(false);
  });

  it('keeps the newest vouches when full', () => {
    const ledger = new VouchLedger();
    for (let i = 0; i <= MAX_VOUCHES; i++) ledger.vouch(String(i).padStart(64, '0'), i);
    expect(ledger.take('0'.padStart(64, '0'), MAX_VOUCHES)).toBe(false);
    expect(ledger.take('1'.padStart(64, '0'), MAX_VOUCHES)).toBe(true);
    expect(ledger.take(String(MAX_VOUCHES).padStart(64, '0'), MAX_VOUCHES)).toBe(true);
  });
});
