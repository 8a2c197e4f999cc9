/**
 * What a settings change (an import, a sync from another browser) does that
 * weakens protection: HAR sanitizing turned off, names added to the
 * redaction allow-list or team rules removed, data sent or linked to other
 * endpoints, more domains the extension runs on, file fields that stop
 * sanitizing HARs. An import that does any of it applies only after the
 * lead confirms the list (settings.import `confirmWeakening`).
 *
 * Built-in credential rules are not in the list: no setting can switch them
 * off (lib/har/rules.ts mergeRules).
 */
import { isCredentialName } from '../har/rules';
import type { WorkflowTemplate } from '../workflow/schema';
import type { Settings } from './schema';

const added = (before: readonly string[], after: readonly string[]) =>
  after.filter((x) => !before.includes(x));

const ENDPOINTS: Array<[string, (s: Settings) => string]> = [
  [
    'PagerDuty endpoint (receives pages and the routing key)',
    (s) => s.integrations.pagerDuty.endpoint,
  ],
  ['Sentry search link', (s) => s.integrations.sentrySearchUrl],
  ['Datadog search link', (s) => s.integrations.datadogSearchUrl],
  ['Status page admin link', (s) => s.integrations.statusPageAdminUrl],
  ['Slack workspace link', (s) => s.integrations.slackWorkspaceUrl],
  ['Runbook link', (s) => s.integrations.runbookUrl],
  [
    'Jira site (bug reports are prefilled there)',
    (s) => (s.integrations.tracker.kind === 'jira' ? s.integrations.tracker.site : ''),
  ],
];

export function settingsWeakening(current: Settings, next: Settings): string[] {
  const out: string[] = [];
  for (const helpdesk of Object.keys(next.helpdesks) as Array<keyof Settings['helpdesks']>) {
    if (current.helpdesks[helpdesk].interceptHar && !next.helpdesks[helpdesk].interceptHar) {
      out.push(`HAR sanitizing is turned off on ${helpdesk}`);
    }
  }
  const allow = added(current.redaction.allow, next.redaction.allow);
  if (allow.length) {
    const ignored = allow.filter((n) => isCredentialName(n));
    out.push(
      `The redaction allow-list adds ${allow.join(', ')}` +
        (ignored.length
          ? ` (${ignored.join(', ')} stay redacted: built-in credential rules cannot be allowed)`
          : ''),
    );
  }
  for (const [label, key] of [
    ['header names', 'headerNames'],
    ['key names', 'keyNames'],
    ['parameter names', 'paramNames'],
  ] as const) {
    const removed = added(next.redaction[key], current.redaction[key]);
    if (removed.length) out.push(`Team redaction ${label} removed: ${removed.join(', ')}`);
  }
  const removedPatterns = added(
    next.redaction.patterns.map((p) => p.name),
    current.redaction.patterns.map((p) => p.name),
  );
  if (removedPatterns.length) {
    out.push(`Team redaction patterns removed: ${removedPatterns.join(', ')}`);
  }
  for (const [label, read] of ENDPOINTS) {
    const before = read(current);
    const after = read(next);
    if (after && after !== before) out.push(`${label} changes to ${after}`);
  }
  const hosts = added(current.zendeskHostMappings, next.zendeskHostMappings);
  if (hosts.length) out.push(`Casebook would also run on ${hosts.join(', ')}`);
  return out;
}

function sanitizingFileFields(template: WorkflowTemplate): Set<string> {
  const out = new Set<string>();
  for (const section of template.sections) {
    for (const step of section.steps) {
      for (const field of step.fields) {
        if (field.type === 'file' && field.sanitizeHar) out.add(`${step.id}/${field.id}`);
      }
    }
  }
  return out;
}

/** File fields of a stored template that an imported version stops sanitizing HARs in. */
export function templateWeakening(
  current: readonly WorkflowTemplate[],
  imported: readonly WorkflowTemplate[],
): string[] {
  const out: string[] = [];
  for (const next of imported) {
    const before = current.find((t) => t.id === next.id);
    if (!before) continue;
    const still = sanitizingFileFields(next);
    const stopped = [...sanitizingFileFields(before)].filter((f) => !still.has(f));
    if (stopped.length) {
      out.push(`Template ${next.id} stops sanitizing HAR files in ${stopped.join(', ')}`);
    }
  }
  return out;
}
