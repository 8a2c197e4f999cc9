/**
 * The options page: a navigation of sections, one on screen at a time, each
 * saving on its own; edits in other sections stay (and are marked) while you
 * look elsewhere, and leaving with unsaved edits asks first.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { HarReport } from '../../lib/har/redactor';
import type { Quarantined } from '../../lib/messaging/data';
import type { AgentSuggestion, HeldSync, SecretsStatus } from '../../lib/messaging/settings';
import type { TemplateSummary } from '../../lib/messaging/templates';
import type { RedactionSettings, Settings } from '../../lib/settings/schema';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import type { SaveResult } from './common';
import { DataSection, ImportExportSection, type ImportOutcome } from './DataSections';
import { HeldSyncNotice } from './HeldSyncNotice';
import { HostsSection } from './HostsSection';
import { SelectorHealthSection } from './SelectorHealthSection';
import type { HealthRow } from '../../lib/messaging/health';
import { QuarantineSection } from './QuarantineSection';
import { RedactionSection } from './RedactionSection';
import { SlaPoliciesSection } from './SlaPoliciesSection';
import { TriageSection } from './TriageSection';
import { IncidentsSection, LogSearchSection, TrackerSection } from './IntegrationSections';
import { SectionStatusContext, useSectionStates, useWarnBeforeLeaving } from './section-status';
import { AgentSection, HelpdesksSection, SlaSection, type SavePatch } from './SettingsSections';
import { TemplateEditor } from './TemplateEditor';

export interface OptionsViewProps {
  settings: Settings;
  secrets: SecretsStatus;
  agentSuggestion: AgentSuggestion | undefined;
  activeHosts: readonly string[];
  template: WorkflowTemplate | undefined;
  templateVersions: readonly TemplateSummary[];
  /** A problem loading or live-syncing, shown at the top. */
  banner?: string;
  onSave: SavePatch;
  onSetPagerDutyKey: (key: string | null) => Promise<SaveResult>;
  onAddHost: (hostname: string) => Promise<SaveResult>;
  onRemoveHost: (hostname: string) => Promise<SaveResult>;
  analyzeHar: (text: string, rules: RedactionSettings) => HarReport;
  onSaveTemplate: (template: WorkflowTemplate) => Promise<{ version: number; changed: boolean }>;
  onResetTemplate: () => Promise<{ version: number; changed: boolean }>;
  onExportSettings: () => Promise<void>;
  onImportSettings: (text: string, confirmWeakening?: boolean) => Promise<ImportOutcome>;
  onExportRuns: (format: 'json' | 'csv') => Promise<void>;
  onWipe: (resetSettings: boolean) => Promise<string>;
  /** The optional Team section (its container does its own requests). */
  team?: ReactNode;
  /** Selector-health counters of the last days (undefined while loading). */
  selectorHealth?: { rows: readonly HealthRow[] | undefined; days: readonly string[] };
  /** Records an upgrade could not read and set aside. */
  quarantined?: readonly Quarantined[];
  /** A synced change held because it weakens protection, and the lead's answer to it. */
  heldSync?: HeldSync;
  onResolveHeldSync?: (apply: boolean, receivedAt: number) => Promise<SaveResult>;
}

/** The navigation: one section on screen at a time, grouped as a lead thinks of them. */
export const OPTIONS_NAV: ReadonlyArray<{
  group: string;
  items: ReadonlyArray<readonly [id: string, label: string]>;
}> = [
  {
    group: 'Your team',
    items: [
      ['helpdesks', 'Helpdesks'],
      ['hosts', 'Zendesk domains'],
      ['agent', 'You'],
    ],
  },
  {
    group: 'SLA',
    items: [
      ['sla', 'Targets'],
      ['sla-policies', 'Schedules and policies'],
    ],
  },
  {
    group: 'Integrations',
    items: [
      ['tracker', 'Bug tracker'],
      ['incidents', 'Incidents and PagerDuty'],
      ['log-search', 'Log search links'],
    ],
  },
  {
    group: 'Workflow',
    items: [
      ['template', 'Workflow template'],
      ['triage', 'Severity from priority'],
      ['redaction', 'HAR redaction'],
    ],
  },
  {
    group: 'Data',
    items: [
      ['import-export', 'Import / export'],
      ['data', 'Your data'],
      ['team', 'Team server'],
      ['selector-health', 'Selector health'],
      ['quarantine', 'Records set aside'],
    ],
  },
];

const SECTION_IDS: readonly string[] = OPTIONS_NAV.flatMap((g) => g.items.map(([id]) => id));
const FIRST_SECTION = SECTION_IDS[0]!;

function sectionFromHash(): string {
  const id = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  return SECTION_IDS.includes(id) ? id : FIRST_SECTION;
}

const STATE_LABEL = { dirty: 'unsaved', error: 'not saved' } as const;

export function OptionsView(props: OptionsViewProps) {
  const { settings } = props;
  const [current, setCurrent] = useState(sectionFromHash);
  useEffect(() => {
    const follow = () => {
      setCurrent(sectionFromHash());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const { status, states } = useSectionStates(current);
  useWarnBeforeLeaving(Object.keys(states).length > 0);
  const hasQuarantine = (props.quarantined?.length ?? 0) > 0;
  return (
    <div className="cb-options">
      <nav className="cb-toc" aria-label="Settings sections">
        <h1>Casebook settings</h1>
        {OPTIONS_NAV.map(({ group, items }) => (
          <div className="cb-toc__group" key={group}>
            <h2 className="cb-toc__heading">{group}</h2>
            <ul>
              {items
                .filter(([id]) => id !== 'quarantine' || hasQuarantine)
                .filter(([id]) => id !== 'team' || props.team)
                .map(([id, label]) => {
                  const state = states[id];
                  return (
                    <li key={id}>
                      <a
                        href={`#${id}`}
                        aria-current={id === current ? 'page' : undefined}
                        className={state ? `cb-toc__link--${state}` : undefined}
                      >
                        {label}
                        {state && <span className="cb-toc__mark"> ({STATE_LABEL[state]})</span>}
                      </a>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
        <p className="cb-toc__report">
          <a href="report.html">Support trends report and run history</a>
        </p>
      </nav>
      <main className="cb-options__body">
        {props.banner && (
          <p className="cb-notice cb-notice--error" role="alert">
            {props.banner}
          </p>
        )}
        {props.heldSync && props.onResolveHeldSync && (
          <HeldSyncNotice held={props.heldSync} onResolve={props.onResolveHeldSync} />
        )}
        <SectionStatusContext.Provider value={status}>
          <HelpdesksSection settings={settings} onSave={props.onSave} />
          <HostsSection
            hosts={settings.zendeskHostMappings}
            active={props.activeHosts}
            onAdd={props.onAddHost}
            onRemove={props.onRemoveHost}
          />
          <AgentSection
            settings={settings}
            suggestion={props.agentSuggestion}
            onSave={props.onSave}
          />
          <SlaSection settings={settings} onSave={props.onSave} />
          {props.template ? (
            <SlaPoliciesSection template={props.template} onSaveTemplate={props.onSaveTemplate} />
          ) : (
            <Loading id="sla-policies" current={current} />
          )}
          <TrackerSection settings={settings} onSave={props.onSave} />
          <IncidentsSection
            settings={settings}
            secrets={props.secrets}
            onSave={props.onSave}
            onSetPagerDutyKey={props.onSetPagerDutyKey}
          />
          <LogSearchSection settings={settings} onSave={props.onSave} />
          <TriageSection settings={settings} onSave={props.onSave} />
          <RedactionSection
            settings={settings}
            onSave={props.onSave}
            analyzeHar={props.analyzeHar}
          />
          {props.template ? (
            <TemplateEditor
              template={props.template}
              versions={props.templateVersions}
              onSave={props.onSaveTemplate}
              onReset={props.onResetTemplate}
            />
          ) : (
            <Loading id="template" current={current} />
          )}
          <ImportExportSection
            onExport={props.onExportSettings}
            onImport={props.onImportSettings}
          />
          <DataSection
            settings={settings}
            onSave={props.onSave}
            onExportRuns={props.onExportRuns}
            onWipe={props.onWipe}
          />
          {props.team}
          {props.selectorHealth ? (
            <SelectorHealthSection {...props.selectorHealth} />
          ) : (
            <Loading id="selector-health" current={current} />
          )}
          <QuarantineSection items={props.quarantined ?? []} />
        </SectionStatusContext.Provider>
      </main>
    </div>
  );
}

function Loading({ id, current }: { id: string; current: string }) {
  return id === current ? <p className="cb-loading">Loading…</p> : null;
}
