import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { escapeMarkdown, runToAuditJson, runToBugMarkdown, runToHandoffMarkdown } from './export';
import { runEventSchema, runSchema } from './schema';
import { MIN, T0, done, message, scenario, setField, step, type Scenario } from './testing';

const T = DEFAULT_TEMPLATE;

function filled(): Scenario {
  let s = done(scenario(), 'acknowledge', T0 + 10 * MIN);
  s = message(s, 'reply-1', 'agent', T0 + 10 * MIN);
  s = setField(s, 'verify-account', 'plan', 'enterprise', T0 + 11 * MIN);
  s = setField(s, 'assign-severity', 'severity', 'SEV2', T0 + 12 * MIN);
  s = setField(s, 'assign-severity', 'impact', 'Checkout returns 500 for EU workspaces');
  s = setField(s, 'collect-repro', 'repro-steps', '1. Open checkout\n2. Click *Pay*\n# boom');
  s = setField(s, 'collect-repro', 'workspace-id', 'ws_829');
  s = setField(s, 'collect-repro', 'request-id', 'req_8f2a');
  s = setField(s, 'collect-repro', 'occurred-at', {
    local: '2026-11-26T08:40',
    timeZone: 'Europe/Berlin',
  });
  s = setField(s, 'search-logs', 'sentry-url', 'https://acme.sentry.io/issues/4521/');
  s = setField(s, 'reproduce', 'result', 'intermittent');
  s = step(s, {
    type: 'set-step-status',
    stepId: 'workaround',
    status: 'skipped',
    skipReason: 'None documented',
  });
  return s;
}

describe('runToHandoffMarkdown', () => {
  it('summarises the ticket, clocks, collected data, steps and latest activity', () => {
    const s = filled();
    const md = runToHandoffMarkdown(T, s.run, s.events, T0 + 20 * MIN);
    expect(md).toContain('# Handoff: zendesk ticket 4821 — Checkout fails with 500');
    expect(md).toContain('- Ticket: <https://acme.zendesk.com/agent/tickets/4821>');
    expect(md).toContain('- Plan: Enterprise (first response within 1 hour)');
    expect(md).toContain('- Severity: SEV2 — Major feature broken, no workaround.');
    expect(md).toContain('## Clocks');
    expect(md).toContain(
      '- First response: met at 2026-11-26 09:10 UTC (due 2026-11-26 10:00 UTC)',
    );
    expect(md).toContain('- **Request ID (from the response headers)**: req\\_8f2a');
    expect(md).toContain(
      "- **When it happened (customer's time zone)**: 2026-11-26 08:40 Europe/Berlin (07:40 UTC)",
    );
    // Multi-line text is quoted and cannot inject a heading.
    expect(md).toContain('> 1\\. Open checkout\n> 2\\. Click \\*Pay\\*\n> \\# boom');
    expect(md).toContain(
      '- [x] 1. Acknowledge the ticket within SLA — done by Ada Agent, 2026-11-26 09:10 UTC',
    );
    expect(md).toContain(
      '- [-] 10. Walk the customer through a workaround — skipped by Ada Agent: None documented',
    );
    expect(md).toContain('- [ ] 4. ~~Page the on-call engineer for SEV1~~ — not applicable');
    expect(md).toContain('## Latest activity');
    expect(md).toContain('set assign-severity/severity: — → SEV2');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('shows a breached clock and what blocks the next step', () => {
    const s = scenario();
    const md = runToHandoffMarkdown(T, s.run, s.events, T0 + 2 * 60 * MIN);
    expect(md).toContain('- First response: **BREACHED** 1 h ago (due 2026-11-26 10:00 UTC)');
    expect(md).toContain(
      '- Progress: 0/17 steps (0%) — next: 1. Acknowledge the ticket within SLA',
    );
  });
});

describe('runToBugMarkdown', () => {
  it('carries the context engineering needs', () => {
    const md = runToBugMarkdown(T, filled().run);
    expect(md).toContain('## Summary\n\nCheckout returns 500 for EU workspaces');
    expect(md).toContain('| Severity | SEV2 |');
    expect(md).toContain('| Plan tier | Enterprise |');
    expect(md).toContain('| Workspace ID | ws\\_829 |');
    expect(md).toContain('| Request ID | req\\_8f2a |');
    expect(md).toContain('| Sentry | <https://acme.sentry.io/issues/4521/> |');
    expect(md).toContain('| Occurred at | 2026-11-26 08:40 Europe/Berlin (07:40 UTC) |');
    expect(md).toContain('| Reproduction | Intermittent |');
    expect(md).toContain('| Browser | _not provided_ |');
    expect(md).toContain('| Support ticket | <https://acme.zendesk.com/agent/tickets/4821> |');
    expect(md).toContain('## Steps to reproduce\n\n> 1\\. Open checkout');
    expect(md).toContain('## Expected\n\n_not provided_');
  });

  it('escapes text that would break the table', () => {
    const s = setField(scenario(), 'collect-repro', 'browser', 'Chrome | <script>');
    expect(runToBugMarkdown(T, s.run)).toContain('| Browser | Chrome \\| \\<script\\> |');
    expect(escapeMarkdown('[x](javascript:1)')).toBe('\\[x\\](javascript:1)');
  });
});

describe('runToAuditJson', () => {
  it('is the run and every event, oldest first, and parses back', () => {
    const s = filled();
    const json = runToAuditJson(T, s.run, [...s.events].reverse());
    const parsed = JSON.parse(json) as {
      format: string;
      template: { id: string; version: number };
      run: unknown;
      events: unknown[];
    };
    expect(parsed.format).toBe('casebook-run-audit');
    expect(parsed.template).toMatchObject({ id: 'support-ticket', version: 1 });
    expect(runSchema.parse(parsed.run)).toEqual(s.run);
    const events = parsed.events.map((e) => runEventSchema.parse(e));
    expect(events).toHaveLength(s.events.length);
    expect(events[0]?.type).toBe('run-created');
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => a - b));
  });
});
