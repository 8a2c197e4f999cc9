import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, bundleToJson, MAX_BUNDLE_CHARS, parseBundle } from './import-export';
import { defaultSettings, SETTINGS_VERSION } from './schema';
import { fieldRefByRole, messageByPurpose } from '../workflow/roles';

const validText = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/settings/bundle-valid.json'),
  'utf8',
);
const valid = () => JSON.parse(validText) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(text: string) {
  const r = parseBundle(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

describe('bundle import', () => {
  it('accepts the valid fixture and applies defaults', () => {
    const r = parseBundle(validText);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings?.agent.name).toBe('Priya Raman');
    expect(r.templates).toHaveLength(1);
    expect(r.templates[0]?.sections[0]?.steps[0]?.required).toBe(true);
  });

  it('gives a template exported before roles the default roles on the default ids', () => {
    const stored = (
      JSON.parse(
        readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/db/v1.json'), 'utf8'),
      ) as { tables: { templates: Array<{ template: unknown }> } }
    ).tables.templates[0]!.template;
    const r = parseBundle(JSON.stringify({ ...valid(), templates: [stored] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(fieldRefByRole(r.templates[0]!, 'request-id')).toEqual({
      stepId: 'collect-repro',
      fieldId: 'request-id',
    });
    expect(messageByPurpose(r.templates[0]!, 'first-touch')?.id).toBe('first-touch');
  });

  it('round-trips an export', () => {
    const settings = defaultSettings();
    const templates = parseBundle(validText);
    if (!templates.ok) throw new Error('fixture invalid');
    const text = bundleToJson(
      buildBundle({ settings, templates: templates.templates, now: Date.UTC(2026, 0, 1) }),
    );
    const back = parseBundle(text);
    expect(back).toEqual({ ok: true, settings, templates: templates.templates });
  });

  it('accepts a file with a UTF-8 byte order mark', () => {
    expect(parseBundle(`\uFEFF${validText}`).ok).toBe(true);
  });

  it('settings only and templates only are both fine', () => {
    const { templates: _t, ...settingsOnly } = valid();
    const { settings: _s, ...templatesOnly } = valid();
    expect(parseBundle(JSON.stringify(settingsOnly))).toMatchObject({ ok: true, templates: [] });
    expect(parseBundle(JSON.stringify(templatesOnly))).toMatchObject({
      ok: true,
      settings: undefined,
    });
  });

  it('rejects text that is not JSON', () => {
    const [p] = problemsOf('{"kind": "casebook-bundle", ');
    expect(p?.path).toBe('$');
    expect(p?.message).toMatch(/^not valid JSON/);
    expect(problemsOf('')[0]?.message).toMatch(/not valid JSON/);
  });

  it('rejects JSON that is not an object or not a Casebook export', () => {
    expect(problemsOf('[1,2]')[0]?.message).toMatch(/expected a JSON object/);
    expect(problemsOf('"settings"')[0]?.message).toMatch(/expected a JSON object/);
    const p = problemsOf(JSON.stringify({ log: { entries: [] } }));
    expect(p.some((x) => x.path === '$.kind' && /Casebook export/.test(x.message))).toBe(true);
  });

  it('rejects a bundle with neither part', () => {
    expect(problemsOf(JSON.stringify({ kind: 'casebook-bundle', format: 1 }))[0]?.message).toMatch(
      /neither "settings" nor "templates"/,
    );
  });

  it('rejects a too-new bundle format and a too-new settings version', () => {
    expect(problemsOf(JSON.stringify({ ...valid(), format: 99 }))[0]).toEqual({
      path: '$.format',
      message: expect.stringMatching(/newer than this Casebook/),
    });
    const b = valid();
    b.settings.version = SETTINGS_VERSION + 1;
    expect(problemsOf(JSON.stringify(b))[0]).toEqual({
      path: '$.settings.version',
      message: expect.stringMatching(/newer than this Casebook/),
    });
  });

  it('rejects a settings version that is missing or wrong', () => {
    const b = valid();
    delete b.settings.version;
    expect(problemsOf(JSON.stringify(b))[0]?.path).toBe('$.settings.version');
    b.settings.version = 'one';
    expect(problemsOf(JSON.stringify(b))[0]?.path).toBe('$.settings.version');
  });

  it('reports every wrong setting with its JSON path', () => {
    const b = valid();
    b.settings.agent.email = 'not-an-email';
    b.settings.sla.firstResponseMinutes.trial = -5;
    b.settings.zendeskHostMappings = ['https://support.acme.com/'];
    b.settings.integrations.sentrySearchUrl = 'https://x.sentry.io/?q={workspace}';
    b.settings.unknownKey = true;
    const paths = problemsOf(JSON.stringify(b)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.settings.agent.email',
        '$.settings.sla.firstResponseMinutes.trial',
        '$.settings.zendeskHostMappings[0]',
        '$.settings.integrations.sentrySearchUrl',
        '$.settings',
      ]),
    );
  });

  it('reports an invalid template with its JSON path', () => {
    const b = valid();
    b.templates[0].sections[0].steps[1].id = 'Not Kebab';
    b.templates[0].policy.severityField = { stepId: 'classify', fieldId: 'nope' };
    const problems = problemsOf(JSON.stringify(b));
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.templates[0].sections[0].steps[1].id']),
    );
    expect(
      problems.find((p) => p.path === '$.templates[0].sections[0].steps[1].id')?.message,
    ).toMatch(/kebab-case/);
  });

  it('reports a template whose references do not resolve', () => {
    const b = valid();
    b.templates[0].policy.severityField = { stepId: 'classify', fieldId: 'nope' };
    expect(problemsOf(JSON.stringify(b))).toContainEqual({
      path: '$.templates[0].policy.severityField',
      message: 'unknown field classify/nope',
    });
  });

  it('rejects two versions of one template in a bundle', () => {
    const b = valid();
    b.templates.push({ ...b.templates[0], version: 2 });
    expect(problemsOf(JSON.stringify(b))[0]?.path).toBe('$.templates[1].id');
  });

  it('rejects templates that is not an array', () => {
    expect(problemsOf(JSON.stringify({ ...valid(), templates: {} }))[0]?.path).toBe('$.templates');
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(problemsOf(' '.repeat(MAX_BUNDLE_CHARS + 1))[0]?.message).toMatch(/too large/);
  });

  it('a bundle with one bad part yields no settings and no templates at all', () => {
    const b = valid();
    b.templates[0].sections = [];
    const r = parseBundle(JSON.stringify(b));
    expect(r).not.toHaveProperty('settings');
    expect(r).not.toHaveProperty('templates');
  });
});
