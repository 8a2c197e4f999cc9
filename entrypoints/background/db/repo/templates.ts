/**
 * Stored workflow templates: each save is a new version, runs stay pinned to
 * the version they started on, and the active one is named in settings. The
 * helpers without a transaction of their own run inside a caller's, so the
 * run stores can read a run's template in the same transaction as the run.
 */
import Dexie from 'dexie';
import { ProtocolFailure } from '../../../../lib/messaging/envelope';
import type { TemplateSummary } from '../../../../lib/messaging/templates';
import { DEFAULT_TEMPLATE } from '../../../../lib/workflow/default-template';
import type { WorkflowTemplate, WorkflowTemplateInput } from '../../../../lib/workflow/schema';
import { nextTemplateVersion } from '../../../../lib/workflow/versioning';
import type { CasebookDB } from '../db';
import type { TemplateRecord } from '../types';

export const ACTIVE_TEMPLATE_KEY = 'activeTemplateId';

async function latestTemplate(db: CasebookDB, id: string): Promise<TemplateRecord | undefined> {
  return db.templates.where('[id+version]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last();
}

export async function templateVersion(
  db: CasebookDB,
  id: string,
  version: number,
): Promise<WorkflowTemplate> {
  const record = await db.templates.get([id, version]);
  if (!record)
    throw new ProtocolFailure('not-found', `Template "${id}" version ${version} is not stored.`);
  return record.template;
}

/** The active template; the built-in default is stored on first use. Needs templates + settings rw. */
export async function activeTemplate(db: CasebookDB, now: number): Promise<TemplateRecord> {
  const setting = await db.settings.get(ACTIVE_TEMPLATE_KEY);
  const activeId = typeof setting?.value === 'string' ? setting.value : DEFAULT_TEMPLATE.id;
  const active =
    (await latestTemplate(db, activeId)) ?? (await latestTemplate(db, DEFAULT_TEMPLATE.id));
  if (active) return active;
  const seeded: TemplateRecord = {
    id: DEFAULT_TEMPLATE.id,
    version: DEFAULT_TEMPLATE.version,
    savedAt: now,
    template: DEFAULT_TEMPLATE,
  };
  await db.templates.add(seeded);
  return seeded;
}

/**
 * A reader of template versions for a caller's transaction that walks many
 * runs: they share a few versions, so each is read once.
 */
export function templateVersionCache(
  db: CasebookDB,
): (record: { templateId: string; templateVersion: number }) => Promise<WorkflowTemplate> {
  const templates = new Map<string, WorkflowTemplate>();
  return async (record) => {
    const key = `${record.templateId}@${record.templateVersion}`;
    let template = templates.get(key);
    if (!template) {
      template = await templateVersion(db, record.templateId, record.templateVersion);
      templates.set(key, template);
    }
    return template;
  };
}

export function getActiveTemplate(db: CasebookDB, now: number): Promise<WorkflowTemplate> {
  return db.transaction(
    'rw',
    [db.templates, db.settings],
    async () => (await activeTemplate(db, now)).template,
  );
}

export function getTemplate(
  db: CasebookDB,
  id: string,
  version: number,
): Promise<WorkflowTemplate> {
  return db.transaction('r', db.templates, () => templateVersion(db, id, version));
}

export function listTemplates(db: CasebookDB, now: number): Promise<TemplateSummary[]> {
  return db.transaction('rw', [db.templates, db.settings], async () => {
    const active = await activeTemplate(db, now);
    const all = await db.templates.toArray();
    return all
      .sort((a, b) => (a.id === b.id ? b.version - a.version : a.id.localeCompare(b.id)))
      .map((r) => ({
        id: r.id,
        version: r.version,
        name: r.template.name,
        savedAt: r.savedAt,
        active: r.id === active.id && r.version === active.version,
      }));
  });
}

/** Store `input` as the next version of its template when it changed, and make it active. */
export function saveTemplate(
  db: CasebookDB,
  input: WorkflowTemplateInput,
  now: number,
): Promise<{ template: WorkflowTemplate; changed: boolean }> {
  return db.transaction('rw', [db.templates, db.settings], async () => {
    // Seeds the default first, so editing it starts from version 1.
    await activeTemplate(db, now);
    const latest = await latestTemplate(db, input.id);
    const result = nextTemplateVersion(latest?.template, input);
    if (result.changed) {
      await db.templates.add({
        id: result.template.id,
        version: result.template.version,
        savedAt: now,
        template: result.template,
      });
    }
    await db.settings.put({ key: ACTIVE_TEMPLATE_KEY, value: result.template.id });
    return result;
  });
}

/** The latest version of every stored template (settings export). */
export function latestTemplates(db: CasebookDB): Promise<WorkflowTemplate[]> {
  return db.transaction('r', db.templates, async () => {
    const latest = new Map<string, TemplateRecord>();
    for (const r of await db.templates.toArray()) {
      const known = latest.get(r.id);
      if (!known || known.version < r.version) latest.set(r.id, r);
    }
    return [...latest.values()].map((r) => r.template);
  });
}

export function resetTemplate(
  db: CasebookDB,
  now: number,
): Promise<{ template: WorkflowTemplate; changed: boolean }> {
  return saveTemplate(db, DEFAULT_TEMPLATE, now);
}
