import { readHealth, recordHealth } from '../db/health';
import type { DomainHandlers } from './context';

export const healthHandlers = {
  'health.record': async ({ helpdesk, reads }, ctx) => ({
    recorded: await recordHealth(ctx.db, helpdesk, reads, ctx.now()),
  }),
  'health.get': async ({ days }, ctx) => ({ rows: await readHealth(ctx.db, days, ctx.now()) }),
} satisfies DomainHandlers<'health.record' | 'health.get'>;
