/** The options page: every section, with a table of contents. */
import type { HarReport } from '../../lib/har/redactor';
import type { AgentSuggestion, SecretsStatus } from '../../lib/messaging/settings';
import type { TemplateSummary } from '../../lib/messaging/templates';
import type { RedactionSettings, Settings } from '../../lib/settings/schema';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import type { SaveResult } from './common';
import { DataSection, ImportExportSection, type ImportOutcome } from './DataSections';
import { HostsSection } from './HostsSection';
import { RedactionSection } from './RedactionSection';
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
  onImportSettings: (text: string) => Promise<ImportOutcome>;
  onExportRuns: (format: 'json' | 'csv') => Promise<void>;
  onWipe: (resetSettings: boolean) => Promise<string>;
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
      </div>
    </div>
  );
}
