/**
 * A background for view tests that is held to the protocol: every request a
 * view sends is parsed with the router's own `parseRequest`, and every reply
 * the test writes is typed by, and checked against, the reply schema of its
 * request type. A view that sends a malformed request, or a fake that answers
 * with data the real background never could, is a test failure, not a silent
 * pass. Not imported by app code.
 */
import type { z } from 'zod';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProtocolError } from '../../lib/messaging/envelope';
import {
  parseRequest,
  replyDataSchemas,
  type Request,
  type RequestOf,
  type RequestType,
} from '../../lib/messaging/protocol';

/** What a test answers to each request type it expects, in the reply schema's wire shape. */
export type FakeReplies = {
  [T in RequestType]?: (
    request: RequestOf<T>,
  ) => z.input<(typeof replyDataSchemas)[T]> | Promise<z.input<(typeof replyDataSchemas)[T]>>;
};

export interface FakeBackground {
  /** Every valid request, in the order received. */
  readonly requests: Request[];
  /** Malformed requests, requests nobody answers, and replies that break their schema. */
  readonly problems: string[];
}

export function answerAsBackground(replies: FakeReplies): FakeBackground {
  const requests: Request[] = [];
  const problems: string[] = [];
  const fail = (error: ProtocolError) => {
    problems.push(error.message);
    return { ok: false as const, error };
  };
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const parsed = parseRequest(message);
    if (!parsed.ok) return fail(parsed.error);
    const request = parsed.request;
    requests.push(request);
    const answer = replies[request.type] as
      ((request: Request) => unknown | Promise<unknown>) | undefined;
    if (!answer) {
      return fail({ code: 'unknown-type', message: `The test does not answer "${request.type}".` });
    }
    const data = await answer(request);
    const checked = replyDataSchemas[request.type].safeParse(data);
    if (!checked.success) {
      return fail({
        code: 'internal',
        message: `The fake reply to "${request.type}" breaks its schema: ${checked.error.message}`,
      });
    }
    return { ok: true as const, data };
  });
  return { requests, problems };
}
