/**
 * Handlers for the settings domain (lib/messaging/settings.ts). Thin: the
 * rules are in lib/settings; storage in ./store, host scripts in ./hosts.
 * What they need from the rest of the background (templates in the DB, the
 * sync ports, the clock) comes in as `SettingsDeps`.
 */
import { browser } from '#imports';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import {
  originPatternFor,
  settingsReplySchemas,
  type SettingsRequest,
  type SettingsRequestType,
} from '../../../lib/messaging/settings';
import type { ServerPortMessage } from '../../../lib/messaging/sync';
import { buildBundle, bundleToJson, parseBundle } from '../../../lib/settings/import-export';
import { problemsFromZod } from '../../../lib/settings/problems';
import {
  defaultSettings,
  maskSecret,
  mergeSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../lib/settings/schema';
import { applySlaToPolicy } from '../../../lib/settings/sla';
import { settingsWeakening, templateWeakening } from '../../../lib/settings/weakening';
import type { WorkflowTemplate } from '../../../lib/workflow/schema';
import { grantedHosts, injectIntoHostTabs, syncMappedHostScripts } from './hosts';
import type { SecretStore } from './secrets';
import {
  heldSync,
  resolveHeldSync,
  reviewOnInstall,
  reviewSyncedSettings,
  type SyncReview,
} from './sync-hold';
import {
  clearSettings,
  readAgentSuggestion,
  readSettings,
  writeAgentSuggestion,
  writeSettings,
} from './store';

import { describeUnsafe, unsafePatterns } from '../../../lib/settings/regex-safety';

/** A team regex that can backtrack catastrophically is refused, with why and how to fix it. */
async function refuseUnsafePatterns(next: Settings, current: Settings): Promise<void> {
  const unsafe = await unsafePatterns(next.redaction.patterns, current.redaction.patterns);
  if (unsafe.length)
    throw new ProtocolFailure('invalid-value', unsafe.map(describeUnsafe).join('\n'));
}
import type { z } from 'zod';

export interface SettingsDeps {
  now(): number;
  /** Push to every view subscribed over the sync ports. */
  publish(message: ServerPortMessage): void;
  /** Store a template as its next version when it changed (`template.save`). */
  saveTemplate(
    template: WorkflowTemplate,
  ): Promise<{ template: WorkflowTemplate; changed: boolean }>;
  /** The latest version of every stored template, for export. */
  latestTemplates(): Promise<WorkflowTemplate[]>;
  /** The template new runs are created on. */
  activeTemplate(): Promise<WorkflowTemplate>;
  /** Every run as CSV (lib/settings/csv.ts over the store). */
  exportRunsCsv(): Promise<string>;
  /** Where secrets live (the background's IndexedDB). */
  secrets: SecretStore;
}

type Reply<K extends SettingsRequestType> = z.output<(typeof settingsReplySchemas)[K]>;
export type SettingsHandlers = {
  [K in SettingsRequestType]: (
    request: Extract<SettingsRequest, { type: K }>,
    ctx?: unknown,
  ) => Promise<Reply<K>>;
};

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function createSettingsHandlers(deps: SettingsDeps): SettingsHandlers {
  const changed = () => deps.publish({ type: 'settings-changed' });
  const secretsStatus = async () => ({
    pagerDuty: maskSecret((await deps.secrets.read()).pagerDutyRoutingKey),
  });

  /**
   * The engine reads SLA minutes from the template's policy. Saving the SLA
   * section stores the active template with those minutes as its next
   * version: new tickets get them, runs in progress keep the SLA they
   * started under (as with any template change).
   */
  const applySla = async (sla: Settings['sla']) => {
    const active = await deps.activeTemplate();
    const saved = await deps.saveTemplate({
      ...active,
      policy: applySlaToPolicy(active.policy, sla),
    });
    return saved.changed ? { id: saved.template.id, version: saved.template.version } : undefined;
  };

  return {
    'settings.get': async () => {
      const settings = await readSettings();
      const agentSuggestion = await readAgentSuggestion();
      return {
        settings,
        secrets: await secretsStatus(),
        ...(agentSuggestion ? { agentSuggestion } : {}),
        activeHosts: await grantedHosts(settings.zendeskHostMappings),
      };
    },

    'settings.update': async ({ patch }) => {
      const current = await readSettings();
      const merged = settingsSchema.safeParse(mergeSettings(current, patch as SettingsPatch));
      if (!merged.success) {
        const problems = problemsFromZod(merged.error);
        throw new ProtocolFailure(
          'invalid-value',
          problems.map((p) => `${p.path}: ${p.message}`).join('\n'),
          { problems },
        );
      }
      await refuseUnsafePatterns(merged.data, current);
      const settings = await writeSettings(merged.data);
      const templateSaved = 'sla' in patch ? await applySla(settings.sla) : undefined;
      changed();
      return { settings, ...(templateSaved ? { templateSaved } : {}) };
    },

    'settings.import': async ({ text, confirmWeakening }) => {
      const parsed = parseBundle(text);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      let settings = await readSettings();
      const weakens = [
        ...(parsed.settings ? settingsWeakening(settings, parsed.settings) : []),
        ...templateWeakening(await deps.latestTemplates(), parsed.templates),
      ];
      if (weakens.length && confirmWeakening !== true) {
        return {
          ok: false,
          problems: [
            {
              path: '$',
              message: 'This file weakens protection; nothing was imported. Review and confirm.',
            },
          ],
          weakens,
        };
      }
      if (parsed.settings) {
        await refuseUnsafePatterns(parsed.settings, settings);
        settings = await writeSettings(parsed.settings);
        await syncMappedHostScripts(settings.zendeskHostMappings);
      }
      const templatesSaved: Array<{ id: string; version: number }> = [];
      for (const template of parsed.templates) {
        const saved = await deps.saveTemplate(template);
        if (saved.changed)
          templatesSaved.push({ id: saved.template.id, version: saved.template.version });
      }
      // The imported SLA minutes go into the workflow new tickets use.
      if (parsed.settings) {
        const withSla = await applySla(settings.sla);
        if (withSla) templatesSaved.push(withSla);
      }
      changed();
      const granted = await grantedHosts(settings.zendeskHostMappings);
      return {
        ok: true,
        settings,
        importedSettings: parsed.settings !== undefined,
        templatesSaved,
        hostsNeedingPermission: settings.zendeskHostMappings.filter((h) => !granted.includes(h)),
      };
    },

    'settings.export': async () => {
      const now = deps.now();
      const bundle = buildBundle({
        settings: await readSettings(),
        templates: await deps.latestTemplates(),
        now,
      });
      return { text: bundleToJson(bundle), filename: `casebook-settings-${isoDate(now)}.json` };
    },

    'settings.suggestAgent': async ({ name, email, helpdesk }) => {
      await writeAgentSuggestion({ name, ...(email ? { email } : {}), helpdesk, at: deps.now() });
      return { stored: true };
    },

    'secrets.setPagerDutyKey': async ({ key }) => {
      const secrets = await deps.secrets.read();
      if (key === null) delete secrets.pagerDutyRoutingKey;
      else secrets.pagerDutyRoutingKey = key;
      await deps.secrets.write(secrets);
      changed();
      return secretsStatus();
    },

    'secrets.status': () => secretsStatus(),

    'hosts.add': async ({ hostname }) => {
      if (!(await browser.permissions.contains({ origins: [originPatternFor(hostname)] }))) {
        throw new ProtocolFailure(
          'permission-denied',
          `Casebook has no permission for ${originPatternFor(hostname)}. Grant it when the browser asks, then add the domain again.`,
        );
      }
      const current = await readSettings();
      const hosts = current.zendeskHostMappings.includes(hostname)
        ? current.zendeskHostMappings
        : [...current.zendeskHostMappings, hostname];
      const settings = await writeSettings({ ...current, zendeskHostMappings: hosts });
      const active = await syncMappedHostScripts(settings.zendeskHostMappings);
      await injectIntoHostTabs(hostname);
      changed();
      return { hosts: settings.zendeskHostMappings, active };
    },

    'hosts.remove': async ({ hostname }) => {
      const current = await readSettings();
      const settings = await writeSettings({
        ...current,
        zendeskHostMappings: current.zendeskHostMappings.filter((h) => h !== hostname),
      });
      const active = await syncMappedHostScripts(settings.zendeskHostMappings);
      // Give the permission back: Casebook only holds what it uses.
      await browser.permissions
        .remove({ origins: [originPatternFor(hostname)] })
        .catch(() => false);
      changed();
      return { hosts: settings.zendeskHostMappings, active };
    },

    'settings.reset': async () => {
      const { zendeskHostMappings } = await readSettings();
      await clearSettings();
      await deps.secrets.clear();
      await applySla(defaultSettings().sla);
      await syncMappedHostScripts([]);
      for (const host of zendeskHostMappings) {
        await browser.permissions.remove({ origins: [originPatternFor(host)] }).catch(() => false);
      }
      changed();
      return { settings: defaultSettings() };
    },

    'settings.heldSync': async () => {
      const held = await heldSync();
      return held ? { held } : {};
    },

    'settings.resolveHeldSync': async ({ apply, receivedAt }) => {
      const result = await resolveHeldSync(apply, receivedAt);
      if (result.applied) await syncMappedHostScripts(result.settings.zendeskHostMappings);
      changed();
      return result;
    },

    'data.exportRunsCsv': async () => ({
      // A byte-order mark so spreadsheet apps read non-ASCII as UTF-8.
      text: `\uFEFF${await deps.exportRunsCsv()}`,
      filename: `casebook-runs-${isoDate(deps.now())}.csv`,
      mimeType: 'text/csv;charset=utf-8',
    }),
  };
}

/**
 * Keep registrations right across restarts and outside changes: on browser
 * start and install/update, when the user revokes a permission in the
 * browser's own UI, and when settings sync in from another browser.
 */
export function registerSettingsLifecycle(
  publish: (message: ServerPortMessage) => void,
  now: () => number = () => Date.now(),
): void {
  const resync = () =>
    void readSettings()
      .then((s) => syncMappedHostScripts(s.zendeskHostMappings))
      .catch((error: unknown) =>
        console.error('[casebook] registering mapped hosts failed', error),
      );
  browser.runtime.onStartup.addListener(resync);
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  // One review at a time: sync often reports one write as several changes.
  let reviews = Promise.resolve();
  const review = (run: () => Promise<SyncReview>) => {
    reviews = reviews
      .then(run)
      .then((result) => {
        if (result === 'waiting') return;
        // Applied, held or a held one dropped: the options page has something new to show.
        publish({ type: 'settings-changed' });
        if (result === 'applied') resync();
      })
      .catch((error: unknown) =>
        console.error('[casebook] reviewing synced settings failed', error),
      );
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') review(() => reviewOnInstall(now()));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    if (!Object.keys(changes).some((k) => k === 'settings' || k.startsWith('settings.'))) return;
    review(() => reviewSyncedSettings(now()));
  });
}
