/**
 * Sanitized once: the sanitizer frame vouches for each file it produced by
 * its SHA-256, through the background, before handing the file on. When that
 * exact file comes back to be stored (the panel's own file field), the
 * background stores it as it is, with the frame's report, instead of
 * sanitizing it a second time. Anything not vouched for is sanitized again:
 * a digest only ever skips work, never a check.
 */

/** The hex SHA-256 of `bytes` (Web Crypto: in workers, pages and Node alike). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Larger files cannot be attached (lib/messaging/attachments.ts), so they are not vouched for. */
export const MAX_VOUCHED_BYTES = 36 * 1024 * 1024;

/** A vouch is good this long: the agent attaches a file seconds after it is sanitized. */
export const VOUCH_TTL_MS = 10 * 60_000;
/** Vouches kept at most; the oldest go first (a HAR dropped on the page is never stored here). */
export const MAX_VOUCHES = 64;

/** The digests of files the sanitizer frame produced, each usable once. */
export class VouchLedger {
  private readonly expires = new Map<string, number>();

  vouch(sha256: string, now: number): void {
    this.expires.delete(sha256);
    this.expires.set(sha256, now + VOUCH_TTL_MS);
    for (const oldest of this.expires.keys()) {
      if (this.expires.size <= MAX_VOUCHES) break;
      this.expires.delete(oldest);
    }
  }

  /** True (once) when the frame vouched for `sha256` and the vouch has not expired. */
  take(sha256: string, now: number): boolean {
    const until = this.expires.get(sha256);
    if (until === undefined) return false;
    this.expires.delete(sha256);
    return until > now;
  }
}
