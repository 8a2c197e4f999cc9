/**
 * A typed client for the team server, used by the extension's background,
 * the server's tests and the load script. `fetch` is passed in. Every reply
 * is checked against the protocol's schemas; a failure says what the server
 * answered.
 */
import { z } from 'zod';
import type { WorkflowTemplate } from '../workflow/schema';
import {
  healthSchema,
  meSchema,
  openRunReplySchema,
  policyReplySchema,
  presenceSchema,
  publishedTemplateSchema,
  pullReplySchema,
  pushReplySchema,
  streamMessageSchema,
  teamRunSummarySchema,
  templatesReplySchema,
  type PrivacyPolicy,
  type PushRequest,
  type StreamMessage,
} from './protocol';
import { templateSchema } from '../workflow/schema';

export class TeamServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TeamServerError';
  }
}

type Fetch = typeof fetch;

export interface TeamClientOptions {
  url: string;
  token: string;
  fetch?: Fetch;
  /** Per request, except the stream. */
  timeoutMs?: number;
}

export function normalizeServerUrl(url: string): string {
  const parsed = new URL(url.trim());
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(
      'The team server URL must start with https:// (or http:// for a local server).',
    );
  }
  if (
    parsed.protocol === 'http:' &&
    !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
  ) {
    throw new Error('Use https:// for a team server that is not on this machine.');
  }
  return parsed.origin;
}

export function createTeamClient(options: TeamClientOptions) {
  const base = normalizeServerUrl(options.url);
  const doFetch: Fetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<S extends z.ZodType>(
    schema: S,
    path: string,
    body?: unknown,
  ): Promise<z.output<S>> {
    const response = await doFetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${options.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new TeamServerError(
        response.status,
        `The team server answered ${response.status} with something other than JSON.`,
      );
    }
    if (!response.ok) {
      const message = (json as { error?: unknown } | undefined)?.error;
      throw new TeamServerError(
        response.status,
        typeof message === 'string' ? message : `The team server answered ${response.status}.`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new TeamServerError(
        response.status,
        `Unexpected reply from the team server: ${z.prettifyError(parsed.error)}`,
      );
    return parsed.data;
  }

  return {
    url: base,
    health: () => call(healthSchema, '/healthz'),
    me: () => call(meSchema, '/v1/me'),
    push: (request: PushRequest) => call(pushReplySchema, '/v1/events', request),
    pull: (after: number, limit = 500) =>
      call(pullReplySchema, `/v1/events?after=${after}&limit=${limit}`),
    openRun: (runId: string) => call(openRunReplySchema, '/v1/runs/open', { runId }),
    presence: (runId: string, open: boolean) =>
      call(presenceSchema, '/v1/runs/presence', { runId, open }),
    runs: (scope: 'team' | 'mine') =>
      call(z.object({ runs: z.array(teamRunSummarySchema) }), `/v1/runs?scope=${scope}`),
    publishedTemplates: () => call(templatesReplySchema, '/v1/templates'),
    template: (id: string, version: number) =>
      call(
        z.object({ template: templateSchema }),
        `/v1/templates/${encodeURIComponent(id)}/${version}`,
      ),
    policy: () => call(policyReplySchema, '/v1/policy'),
    setPolicy: (privacy: PrivacyPolicy) => call(policyReplySchema, '/v1/policy', { privacy }),
    publish: (template: WorkflowTemplate) =>
      call(publishedTemplateSchema, '/v1/templates', { template }),

    /**
     * Open the live stream after `cursor`; `onMessage` gets each checked
     * message. Resolves when the stream ends (closed by either side).
     */
    async stream(
      cursor: number,
      onMessage: (message: StreamMessage) => void,
      signal: AbortSignal,
    ): Promise<void> {
      const response = await doFetch(`${base}/v1/stream?after=${cursor}`, {
        headers: { Authorization: `Bearer ${options.token}`, Accept: 'text/event-stream' },
        signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) {
        throw new TeamServerError(
          response.status,
          `The team server refused the live stream (${response.status}).`,
        );
      }
      await readEventStream(response.body, (data) => {
        const parsed = streamMessageSchema.safeParse(JSON.parse(data));
        if (parsed.success) onMessage(parsed.data);
      });
    },
  };
}

export type TeamClient = ReturnType<typeof createTeamClient>;

/** Read a text/event-stream body, calling `onData` with each event's joined `data:` lines. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) onData(data);
    }
  }
}
