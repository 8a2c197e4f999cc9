/**
 * The background worker: the single writer of the database. Its parts are
 * wired in `main.ts`; no authoritative state lives in worker memory.
 */
import { defineBackground } from '#imports';
import { startBackground } from './main';

export default defineBackground(() => {
  startBackground();
});
