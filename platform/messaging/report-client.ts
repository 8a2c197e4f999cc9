/**
 * The report page's client. Like `content-client.ts` it checks the reply
 * envelope by hand and trusts the data: the background router validated the
 * request before anything ran and the reply before it left, with the
 * protocol's zod schemas, and only this extension's pages can reach it.
 * Parsing again here cost the report's first screen zod and every protocol
 * schema (~120 KB of script built before the first request could leave) and
 * a second walk over a year's report (eslint.config.js keeps zod out of the
 * report page).
 */
import { checkEnvelope, checkPush } from './content-client';
import { createMessenger } from './core';

export { RequestError } from './core';

export const { send, settle } = createMessenger({
  request: (request) => ({ ok: true, value: request }),
  reply: (_type, raw) => checkEnvelope(raw),
  push: checkPush,
});
