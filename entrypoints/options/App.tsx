/**
 * The options page's container: loads settings, secrets status and the
 * active template, keeps them live over the sync port, and turns the view's
 * callbacks into requests. Host permissions are requested here, inside the
 * user's click, before anything is awaited.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from '#imports';
import type { OptionsViewProps } from '../../components/options/OptionsView';
import { OptionsView } from '../../components/options/OptionsView';
import { useSelectorHealth } from './useSelectorHealth';
import type { SaveResult } from '../../components/options/common';
import { sanitizeHarText } from '../../lib/har/sanitize';
import {
  originPatternFor,
  type AgentSuggestion,
  type HostsReply,
  type SecretsStatus,
} from '../../lib/messaging/settings';
import type { Quarantined } from '../../lib/messaging/data';
import type { TemplateSummary } from '../../lib/messaging/templates';
import { MAX_BUNDLE_CHARS } from '../../lib/settings/import-export';
import { problemsFromZod, type Problem } from '../../lib/settings/problems';
import { harRulesFromSettings } from '../../lib/settings/redaction';
import { redactionRuleSchema, type Settings } from '../../lib/settings/schema';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { RequestError, send, subscribe } from '../../platform/messaging/client';
import { saveWithPagerDutyAccess } from './pagerduty-access';
import { TeamSettings } from './team';
import { errorMessage } from '../../lib/errors';

function problemsOf(error: unknown): Problem[] {
  if (error instanceof RequestError) {
    const details = error.details as { problems?: Problem[]; issues?: unknown[] } | undefined;
    if (details?.problems?.length) return details.problems;
    if (Array.isArray(details?.issues) && details.issues.length) {
      return (details.issues as Array<{ path?: PropertyKey[]; message?: string }>).map((i) => ({
        path: `$${(i.path ?? []).map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`,
        message: i.message ?? 'invalid',
      }));
    }
  }
  return [{ path: '$', message: errorMessage(error) }];
}

function download(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Loaded {
  settings: Settings;
  secrets: SecretsStatus;
  agentSuggestion: AgentSuggestion | undefined;
  activeHosts: string[];
}

export function OptionsApp() {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [template, setTemplate] = useState<WorkflowTemplate | undefined>();
  const [versions, setVersions] = useState<TemplateSummary[]>([]);
  const [banner, setBanner] = useState<string | undefined>();
  const selectorHealth = useSelectorHealth();
  const [quarantined, setQuarantined] = useState<Quarantined[]>([]);

  const loadSettings = useCallback(async () => {
    try {
      const r = await send({ type: 'settings.get' });
      setLoaded({
        settings: r.settings,
        secrets: r.secrets,
        agentSuggestion: r.agentSuggestion,
        activeHosts: r.activeHosts,
      });
      setBanner(undefined);
    } catch (error) {
      setBanner(`Could not load settings: ${errorMessage(error)}`);
    }
  }, []);

  const loadTemplates = useCallback(async () => {
    try {
      const [active, list] = await Promise.all([
        send({ type: 'template.getActive' }),
        send({ type: 'template.list' }),
      ]);
      setTemplate(active.template);
      setVersions(list.items);
    } catch (error) {
      setBanner(`Could not load the workflow template: ${errorMessage(error)}`);
    }
  }, []);

  useEffect(() => {
    void loadSettings();
    void loadTemplates();
    void send({ type: 'data.quarantine' }).then(
      (r) => setQuarantined(r.items),
      (error: unknown) => console.error('[casebook] could not list records set aside', error),
    );
    return subscribe({ kind: 'settings' }, () => void loadSettings(), {
      onReconnect: () => {
        void loadSettings();
        void loadTemplates();
      },
    });
  }, [loadSettings, loadTemplates]);

  if (!loaded) {
    return <p className="cb-loading">{banner ?? 'Loading settings…'}</p>;
  }

  const ok = (message?: string): SaveResult => ({ ok: true, ...(message ? { message } : {}) });

  // hosts.add and hosts.remove both reply with the whole list and the active ones.
  const showHosts = (r: HostsReply) =>
    setLoaded(
      (l) =>
        l && {
          ...l,
          settings: { ...l.settings, zendeskHostMappings: r.hosts },
          activeHosts: r.active,
        },
    );

  const props: OptionsViewProps = {
    ...loaded,
    template,
    templateVersions: versions,
    quarantined,
    ...(banner ? { banner } : {}),
    selectorHealth,

    onSave: (patch) => {
      // A new PagerDuty endpoint needs its host permission, asked in this click.
      const endpoint = patch.integrations?.pagerDuty?.endpoint?.trim();
      const changed =
        endpoint !== undefined && endpoint !== loaded.settings.integrations.pagerDuty.endpoint;
      return saveWithPagerDutyAccess(changed ? endpoint : undefined, async () => {
        try {
          const r = await send({
            type: 'settings.update',
            patch: patch as Record<string, unknown>,
          });
          setLoaded((l) => l && { ...l, settings: r.settings });
          if (!r.templateSaved) return ok();
          void loadTemplates();
          return ok(
            `Saved. New tickets use workflow version ${r.templateSaved.version}; runs in progress keep their SLA.`,
          );
        } catch (error) {
          return { ok: false, problems: problemsOf(error) };
        }
      });
    },

    onSetPagerDutyKey: (key) =>
      // Saving a key asks for the configured endpoint's host permission, in this click.
      saveWithPagerDutyAccess(
        key === null ? undefined : loaded.settings.integrations.pagerDuty.endpoint,
        async () => {
          try {
            const secrets = await send({ type: 'secrets.setPagerDutyKey', key });
            setLoaded((l) => l && { ...l, secrets });
            return ok();
          } catch (error) {
            return { ok: false, problems: problemsOf(error) };
          }
        },
      ),

    onAddHost: async (hostname) => {
      // Must be the first call in the click handler: browsers only show the
      // permission prompt during a user gesture.
      const granted = await browser.permissions
        .request({ origins: [originPatternFor(hostname)] })
        .catch((error: unknown) => {
          console.warn('[casebook] permission request failed', error);
          return false;
        });
      if (!granted) {
        return {
          ok: false,
          problems: [
            {
              path: hostname,
              message: `Access to ${originPatternFor(hostname)} was not granted, so the panel cannot run there.`,
            },
          ],
        };
      }
      try {
        const r = await send({ type: 'hosts.add', hostname });
        showHosts(r);
        return ok(`${hostname} added: the panel will appear on its Zendesk tickets.`);
      } catch (error) {
        return { ok: false, problems: problemsOf(error) };
      }
    },

    onRemoveHost: async (hostname) => {
      try {
        const r = await send({ type: 'hosts.remove', hostname });
        showHosts(r);
        return ok(`${hostname} removed.`);
      } catch (error) {
        return { ok: false, problems: problemsOf(error) };
      }
    },

    analyzeHar: (text, rules) => {
      const parsed = redactionRuleSchema.safeParse(rules);
      if (!parsed.success) {
        throw new Error(
          `Fix the rules first: ${problemsFromZod(parsed.error, 'redaction')
            .map((p) => `${p.path}: ${p.message}`)
            .join('; ')}`,
        );
      }
      return sanitizeHarText(text, { rules: harRulesFromSettings(parsed.data) }).report;
    },

    onSaveTemplate: async (edited) => {
      const r = await send({ type: 'template.save', template: edited });
      setTemplate(r.template);
      void loadTemplates();
      return { version: r.template.version, changed: r.changed };
    },

    onResetTemplate: async () => {
      const r = await send({ type: 'template.reset' });
      setTemplate(r.template);
      void loadTemplates();
      return { version: r.template.version, changed: r.changed };
    },

    onExportSettings: async () => {
      const r = await send({ type: 'settings.export' });
      download(r.text, r.filename, 'application/json');
    },

    onImportSettings: async (text, confirmWeakening) => {
      if (text.length > MAX_BUNDLE_CHARS) {
        return {
          ok: false,
          problems: [{ path: '$', message: 'the file is too large for a settings export' }],
        };
      }
      try {
        const r = await send({
          type: 'settings.import',
          text,
          ...(confirmWeakening ? { confirmWeakening } : {}),
        });
        if (!r.ok) {
          return { ok: false, problems: r.problems, ...(r.weakens ? { weakens: r.weakens } : {}) };
        }
        await Promise.all([loadSettings(), loadTemplates()]);
        const parts = [
          r.importedSettings ? 'settings imported' : undefined,
          r.templatesSaved.length
            ? `templates saved: ${r.templatesSaved.map((t) => `${t.id} v${t.version}`).join(', ')}`
            : 'no template changes',
          r.hostsNeedingPermission.length
            ? `grant access to ${r.hostsNeedingPermission.join(', ')} under “Zendesk on your own domain”`
            : undefined,
        ].filter(Boolean);
        return { ok: true, summary: `${parts.join('; ')}.` };
      } catch (error) {
        return { ok: false, problems: problemsOf(error) };
      }
    },

    onExportRuns: async (format) => {
      const r =
        format === 'csv'
          ? await send({ type: 'data.exportRunsCsv' })
          : await send({ type: 'data.exportRuns', format: 'json' });
      download(r.text, r.filename, r.mimeType);
    },

    onWipe: async (resetSettings) => {
      const r = await send({ type: 'data.wipe', confirm: 'WIPE' });
      let text = `Deleted ${r.runs} runs, ${r.events} events and ${r.attachments} attachments.`;
      if (resetSettings) {
        await send({ type: 'settings.reset', confirm: 'RESET' });
        await loadSettings();
        text += ' Settings are back to defaults and the PagerDuty key is removed.';
      }
      return text;
    },
  };

  return <OptionsView {...props} team={<TeamSettings />} />;
}
