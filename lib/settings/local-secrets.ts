/**
 * Local-only secrets (the PagerDuty routing key): kept in the background's
 * IndexedDB, never synced, never exported; views see them masked.
 */
import { z } from 'zod';

/** PagerDuty integration (routing) keys are 32 characters. */
export const pagerDutyRoutingKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{32}$/, 'a PagerDuty routing key is 32 letters and digits');

export const localSecretsSchema = z.strictObject({
  pagerDutyRoutingKey: pagerDutyRoutingKeySchema.optional(),
});
export type LocalSecrets = z.infer<typeof localSecretsSchema>;

/** What views may see of a secret: whether it is set and its last 4 characters. */
export interface SecretStatus {
  set: boolean;
  /** `••••••••abcd`; absent when not set. */
  masked?: string;
}

export function maskSecret(secret: string | undefined): SecretStatus {
  if (!secret) return { set: false };
  return { set: true, masked: `${'•'.repeat(8)}${secret.slice(-4)}` };
}

export const secretStatusSchema = z.strictObject({
  set: z.boolean(),
  masked: z.string().optional(),
});
