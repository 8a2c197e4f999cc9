/** The options page: every section, with a table of contents. */
import type { ReactNode } from 'react';
import type { HarReport } from '../../lib/har/redactor';
import type { Quarantined } from '../../lib/messaging/data';
import type { AgentSuggestion, SecretsStatus } from '../../lib/messaging/settings';
import type { TemplateSummary } from '../../lib/messaging/templates';
import type { RedactionSettings, Settings } from '../../lib/settings/schema';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import type { SaveResult } from './common';
import { DataSection, ImportExportSection, type ImportOutcome } from './DataSections';
import { HostsSection } from './HostsSection';
import { SelectorHealthSection } from './SelectorHealthSection';
import type { HealthRow } from '../../lib/messaging/health';
import { QuarantineSection } from './QuarantineSection';
import { RedactionSection } from './RedactionSection';
import { SlaPoliciesSection } from './SlaPoliciesSection';
import {
  AgentSection,
  HelpdesksSection,
  IntegrationsSection,
  SlaSection,
  type SavePatch,
} from './SettingsSections';
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
}

const TOC = [
  ['helpdesks', 'Helpdesks'],
  ['hosts', 'Zendesk domains'],
  ['agent', 'You'],
  ['sla', 'SLA policy'],
  ['integrations', 'Integrations'],
  ['redaction', 'HAR redaction'],
  ['template', 'Workflow template'],
  ['import-export', 'Import / export'],
  ['data', 'Your data'],
  ['team', 'Team'],
  ['selector-health', 'Selector health'],
] as const;

export function OptionsView(props: OptionsViewProps) {
  const { settings } = props;
  return (
    <div className="cb-options">
      <nav className="cb-toc" aria-label="Settings sections">
        <h1>Casebook settings</h1>
        <ul>
          {TOC.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
        <p className="cb-toc__report">
          <a href="report.html">Support trends report and run history</a>
        </p>
      </nav>
      <div className="cb-options__body">
        {props.banner && (
          <p className="cb-notice cb-notice--error" role="alert">
            {props.banner}
          </p>
        )}
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
        {props.template && (
          <SlaPoliciesSection template={props.template} onSaveTemplate={props.onSaveTemplate} />
        )}
        <IntegrationsSection
          settings={settings}
          secrets={props.secrets}
          onSave={props.onSave}
          onSetPagerDutyKey={props.onSetPagerDutyKey}
        />
        <RedactionSection settings={settings} onSave={props.onSave} analyzeHar={props.analyzeHar} />
        {props.template ? (
          <TemplateEditor
            template={props.template}
            versions={props.templateVersions}
            onSave={props.onSaveTemplate}
            onReset={props.onResetTemplate}
          />
        ) : (
          <p className="cb-loading">Loading the workflow template…</p>
        )}
        <ImportExportSection onExport={props.onExportSettings} onImport={props.onImportSettings} />
        <DataSection
          settings={settings}
          onSave={props.onSave}
          onExportRuns={props.onExportRuns}
          onWipe={props.onWipe}
        />
        {props.team}
        {props.selectorHealth ? <SelectorHealthSection {...props.selectorHealth} /> : null}
        <QuarantineSection items={props.quarantined ?? []} />
      </div>
    </div>
  );
}
