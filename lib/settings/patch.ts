/** Partial settings updates, merged onto the current settings before they are validated. */
import type { Settings, SettingsInput } from './schema';

/** A partial update: any subset of the sections, nested objects merged, arrays replaced. */
export type SettingsPatch = DeepPartial<Omit<Settings, 'version'>>;
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Arrays and tagged unions are replaced whole; plain objects are merged key by key. */
export function mergeSettings(base: Settings, patch: SettingsPatch): SettingsInput {
  return mergeDeep(base, patch) as SettingsInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  // A tracker of another kind replaces the old one instead of mixing fields.
  if ('kind' in patch && base.kind !== patch.kind) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = mergeDeep(base[key], value);
  }
  return out;
}
