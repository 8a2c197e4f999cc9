/**
 * Names on the wire between views and the background, as plain constants
 * without zod: the helpdesk content scripts use them and stay free of zod.
 * `envelope.ts` and `sync.ts` build their schemas on these.
 */

export const ERROR_CODES = [
  'bad-request',
  'unknown-type',
  'not-found',
  'conflict',
  'blocked',
  'invalid-value',
  'permission-denied',
  'network',
  'internal',
] as const;

export const SYNC_PORT_NAME = 'casebook-sync';

/** Every `type` the background pushes over a sync port (sync.ts: serverPortMessageSchema). */
export const SERVER_PUSH_TYPES = [
  'run-changed',
  'run-removed',
  'open-runs-changed',
  'settings-changed',
] as const;

/** One key per topic: `run:<id>`, `open-runs`, `settings` (the hub's registry, the views' echo). */
export function topicKey(topic: { kind: 'run'; runId: string } | { kind: string }): string {
  return topic.kind === 'run' && 'runId' in topic ? `run:${topic.runId}` : topic.kind;
}
