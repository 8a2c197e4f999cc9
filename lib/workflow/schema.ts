/**
 * The workflow data model: templates (what a team's process is) and runs (one
 * ticket going through it). Everything here is data validated with zod, so a
 * template can be stored, exported, imported and versioned as JSON.
 *
 * This is the public entry; each part lives in `schema/`. Pure TypeScript: no
 * browser API, no WXT, no Dexie.
 */
export {
  HELPDESKS,
  PLAN_TIERS,
  SEVERITIES,
  STATUS_PAGE_STATES,
  STEP_STATUSES,
  runIdFor,
} from './vocabulary';
export * from './schema/base';
export * from './schema/conditions';
export * from './schema/fields';
export * from './schema/steps';
export * from './schema/policy';
export * from './schema/clocks';
export * from './schema/messages';
export * from './schema/template';
export * from './schema/run';
