/**
 * The settings + templates bundle the options page exports and imports.
 * Import is all-or-nothing: the text is parsed and every part validated
 * before anything is written, and any problem comes back as a list with JSON
 * paths so the user can fix the file. Secrets are never part of a bundle.
 */
import { z } from 'zod';
import { withKnownRoles } from '../workflow/role-migration';
import { templateSchema, type WorkflowTemplate } from '../workflow/schema';
import { parseSettings } from './index';
import { SETTINGS_MIGRATIONS, type SettingsMigration } from './migrations';
import { jsonPath, problemsFromZod, type Problem } from './problems';
import type { Settings } from './schema';
import { errorMessage } from '../errors';

/** Identifies a Casebook bundle, so a random JSON file is named as such. */
export const BUNDLE_KIND = 'casebook-bundle';
/** Bundle layout version (independent of the settings version inside). */
export const BUNDLE_FORMAT = 1;
/** Imports larger than this are refused before parsing. */
export const MAX_BUNDLE_CHARS = 5_000_000;

export interface Bundle {
  kind: typeof BUNDLE_KIND;
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  settings?: Settings;
  templates?: WorkflowTemplate[];
}

export function buildBundle(parts: {
  settings?: Settings;
  templates?: readonly WorkflowTemplate[];
  now: number;
}): Bundle {
  const bundle: Bundle = {
    kind: BUNDLE_KIND,
    format: BUNDLE_FORMAT,
    exportedAt: new Date(parts.now).toISOString(),
  };
  if (parts.settings) bundle.settings = parts.settings;
  if (parts.templates) bundle.templates = [...parts.templates];
  return bundle;
}

export function bundleToJson(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; settings: Settings | undefined; templates: WorkflowTemplate[] }
  | { ok: false; problems: Problem[] };

const envelopeSchema = z.object({
  kind: z.literal(BUNDLE_KIND, {
    error: `expected "kind": "${BUNDLE_KIND}" (is this a Casebook export?)`,
  }),
  format: z.number().int().positive(),
  exportedAt: z.string().optional(),
  settings: z.unknown().optional(),
  templates: z.array(z.unknown()).optional(),
});

/** Validate a bundle's text. Pure: the caller writes only when `ok`. */
export function parseBundle(
  text: string,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): ImportResult {
  if (text.length > MAX_BUNDLE_CHARS) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: `the file is too large (over ${MAX_BUNDLE_CHARS / 1_000_000} MB) for a settings export`,
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = errorMessage(error);
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${detail}` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [{ path: '$', message: 'expected a JSON object (a Casebook export)' }],
    };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, problems: problemsFromZod(envelope.error) };
  const { format, settings, templates } = envelope.data;
  if (format > BUNDLE_FORMAT) {
    return {
      ok: false,
      problems: [
        {
          path: '$.format',
          message: `export format ${format} is newer than this Casebook understands (${BUNDLE_FORMAT}); update Casebook first`,
        },
      ],
    };
  }
  if (settings === undefined && templates === undefined) {
    return {
      ok: false,
      problems: [{ path: '$', message: 'the file holds neither "settings" nor "templates"' }],
    };
  }

  const problems: Problem[] = [];
  let parsedSettings: Settings | undefined;
  if (settings !== undefined) {
    const r = parseSettings(settings, migrations, '$.settings');
    if (r.ok) parsedSettings = r.settings;
    else problems.push(...r.problems);
  }
  const parsedTemplates: WorkflowTemplate[] = [];
  const seen = new Map<string, number>();
  (templates ?? []).forEach((candidate, i) => {
    const r = templateSchema.safeParse(candidate);
    if (!r.success) {
      problems.push(...problemsFromZod(r.error, jsonPath(['templates', i])));
      return;
    }
    const earlier = seen.get(r.data.id);
    if (earlier !== undefined) {
      problems.push({
        path: jsonPath(['templates', i, 'id']),
        message: `template "${r.data.id}" is already at $.templates[${earlier}]; a bundle holds one version per template`,
      });
      return;
    }
    seen.set(r.data.id, i);
    // An export from before roles gets the default's roles on the default's ids.
    parsedTemplates.push(withKnownRoles(r.data));
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: parsedSettings, templates: parsedTemplates };
}
