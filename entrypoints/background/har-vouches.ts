/**
 * The files the sanitizer frame produced, by digest (lib/har/vouch.ts). Kept
 * in memory: a vouch lost to a worker restart only means the background
 * sanitizes that file again when it is stored.
 */
import { VouchLedger } from '../../lib/har/vouch';

export const harVouches = new VouchLedger();
