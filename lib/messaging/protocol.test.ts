import { describe, expect, it } from 'vitest';
import { bytesToBase64, base64ToBytes } from './base64';
import { parseRequest, REQUEST_TYPES, replyDataSchemas, replyEnvelopeFor } from './protocol';
import { clientPortMessageSchema, serverPortMessageSchema, topicKey, topicKeyOf } from './sync';

const actor = { name: 'Ana Agent' };
const ticket = {
  helpdesk: 'zendesk',
  ticketId: '1001',
  url: 'https://acme.zendesk.com/agent/tickets/1001',
};

describe('parseRequest', () => {
  it('accepts a well-formed request and returns it typed', () => {
    const parsed = parseRequest({ type: 'run.open', ticket, actor });
    expect(parsed).toMatchObject({ ok: true, request: { type: 'run.open', ticket, actor } });
  });

  it.each([
    ['a string', 'run.open'],
    ['null', null],
    ['an array', [{ type: 'run.get' }]],
    ['no type', { runId: 'zendesk:1' }],
    ['a numeric type', { type: 7 }],
  ])('rejects %s as a bad request', (_what, input) => {
    const parsed = parseRequest(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe('bad-request');
  });

  it('names an unknown type and lists the known ones', () => {
    const parsed = parseRequest({ type: 'run.delete', runId: 'zendesk:1' });
    expect(parsed).toMatchObject({
      ok: false,
      error: { code: 'unknown-type', message: 'Unknown request type "run.delete".' },
    });
    if (!parsed.ok)
      expect((parsed.error.details as { known: string[] }).known).toContain('run.get');
  });

  it('reports zod issues for a malformed known request', () => {
    const parsed = parseRequest({
      type: 'run.mutate',
      runId: 'zendesk:1',
      mutation: {
        type: 'set-field',
        stepId: 'Assign Severity',
        fieldId: 'severity',
        value: 'SEV1',
      },
      actor,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('bad-request');
    expect(parsed.error.message).toContain('Malformed "run.mutate" request');
    const issues = (parsed.error.details as { issues: Array<{ path: unknown[] }> }).issues;
    expect(issues[0]?.path).toEqual(['mutation', 'stepId']);
  });

  it.each([
    { type: 'run.mutate', runId: 'zendesk:1', mutation: { type: 'drop-table' }, actor },
    { type: 'runs.listOpen', limit: 10_000 },
    { type: 'run.export', runId: 'zendesk:1', format: 'pdf' },
    { type: 'data.wipe', confirm: 'wipe' },
    { type: 'template.get', id: 'support-ticket', version: 0 },
    {
      type: 'attachment.put',
      runId: 'zendesk:1',
      stepId: 'request-artifacts',
      fieldId: 'files',
      name: 'a.har',
      mimeType: 'application/json',
      dataBase64: 'abc',
      actor,
    },
    { type: 'run.open', ticket: { ...ticket, helpdesk: 'freshdesk' }, actor },
  ])('rejects malformed %o', (input) => {
    expect(parseRequest(input)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('has a reply schema for every request type and no stray ones', () => {
    expect(new Set(Object.keys(replyDataSchemas))).toEqual(new Set(REQUEST_TYPES));
  });
});

describe('reply envelopes', () => {
  it('validate the data of a reply per type', () => {
    const envelope = replyEnvelopeFor('run.export');
    expect(envelope.safeParse({ ok: true, data: { text: '# x', filename: 'x.md' } }).success).toBe(
      true,
    );
    expect(envelope.safeParse({ ok: true, data: { text: '# x' } }).success).toBe(false);
    expect(
      envelope.safeParse({ ok: false, error: { code: 'not-found', message: 'No run.' } }).success,
    ).toBe(true);
    expect(envelope.safeParse({ ok: false, error: { code: 'teapot', message: '' } }).success).toBe(
      false,
    );
  });
});

describe('sync port messages', () => {
  it('accepts subscriptions to the three topics and keys them', () => {
    for (const topic of [
      { kind: 'run', runId: 'zendesk:1' },
      { kind: 'open-runs' },
      { kind: 'settings' },
    ]) {
      expect(clientPortMessageSchema.safeParse({ type: 'subscribe', topic }).success).toBe(true);
    }
    expect(topicKey({ kind: 'run', runId: 'zendesk:1' })).toBe('run:zendesk:1');
    expect(topicKey({ kind: 'open-runs' })).toBe('open-runs');
  });

  it('rejects unknown topics and message types', () => {
    expect(
      clientPortMessageSchema.safeParse({ type: 'subscribe', topic: { kind: 'all' } }).success,
    ).toBe(false);
    expect(
      clientPortMessageSchema.safeParse({ type: 'publish', topic: { kind: 'settings' } }).success,
    ).toBe(false);
    expect(
      serverPortMessageSchema.safeParse({ type: 'run-changed', run: { id: 'x' } }).success,
    ).toBe(false);
  });

  it('routes pushes to the topic they concern', () => {
    expect(topicKeyOf({ type: 'open-runs-changed' })).toBe('open-runs');
    expect(topicKeyOf({ type: 'settings-changed' })).toBe('settings');
    expect(topicKeyOf({ type: 'run-removed', runId: 'zendesk:1' })).toBe('run:zendesk:1');
  });
});

describe('base64', () => {
  it('round-trips bytes, including ones past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('hi'))).toBe('aGk=');
  });
});
