import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLogSearchUrl, LOG_SEARCH_PLACEHOLDERS } from '../actions/log-search';
import { parseSettings } from './index';
import { SEARCH_PLACEHOLDERS, SETTINGS_VERSION, settingsSchema } from './schema';

const DATADOG =
  'https://app.datadoghq.com/logs?query=%40workspace_id%3A{workspaceId}%20%40request_id%3A{requestId}&from_ts={startMs}&to_ts={endMs}';

function parse(integrations: Record<string, string>) {
  return settingsSchema.safeParse({ version: SETTINGS_VERSION, integrations });
}

describe('search URL placeholders in milliseconds', () => {
  it('accepts {startMs} and {endMs} in the Datadog and Sentry templates', () => {
    expect(parse({ datadogSearchUrl: DATADOG }).success).toBe(true);
    expect(
      parse({ sentrySearchUrl: 'https://acme.sentry.io/issues/?start={startMs}&end={endMs}' })
        .success,
    ).toBe(true);
  });

  it('still refuses a placeholder nothing fills, naming the ones that exist', () => {
    const r = parse({ datadogSearchUrl: 'https://app.datadoghq.com/logs?from_ts={startSec}' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      'unknown placeholder {startSec}; use {workspaceId}, {start}, {end}, {startMs}, {endMs}, {requestId}',
    );
  });

  it('allows exactly the placeholders the log-search link fills', () => {
    expect([...SEARCH_PLACEHOLDERS].sort()).toEqual([...LOG_SEARCH_PLACEHOLDERS].sort());
  });

  it('the example Datadog template passes validation and opens with epoch-ms from_ts/to_ts', () => {
    for (const name of ['v1.json', 'bundle-valid.json']) {
      const raw = JSON.parse(
        readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/settings', name), 'utf8'),
      ) as { settings?: unknown };
      const parsed = parseSettings(raw.settings ?? raw);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const settings = parsed.settings;
      const at = Date.parse('2026-03-08T07:30:00Z');
      const r = buildLogSearchUrl(settings.integrations.datadogSearchUrl, {
        requestId: 'req-1',
        occurredAtMs: at,
      });
      if (!r.ok) throw new Error(`${name}: ${r.reason}`);
      const url = new URL(r.url);
      expect(url.searchParams.get('from_ts')).toBe(String(at - 15 * 60_000));
      expect(url.searchParams.get('to_ts')).toBe(String(at + 15 * 60_000));
    }
  });
});
