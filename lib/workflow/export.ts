/**
 * Exports of a run: a Markdown handoff note (for the next agent), a Markdown
 * bug body (for Jira/Linear), and the audit JSON (the run and its full
 * event log, for compliance).
 *
 * Agent- and customer-written text is escaped so it cannot change the
 * structure of the Markdown around it (no injected headings, links or tables).
 */
import { allSteps, fieldValue, readPlan, readSeverity, severityPolicy } from './conditions';
import { deriveRunView } from './derive';
import { formatFieldValue, formatMinutes } from './messages';
import type { ClockView } from './view';
import type { Field, Run, RunEvent, WorkflowTemplate } from './schema';
import { formatUtc } from '../time/zoned';

/** Escape Markdown syntax in one line of user text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
    .replace(/\r?\n/g, ' ');
}

/** An autolink that user text cannot break out of. */
function link(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** Multi-line user text as a block quote, each line escaped. */
function quoteBlock(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`))
    .join('\n');
}

function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function clockLine(c: ClockView): string {
  const due = c.dueAt !== undefined ? formatUtc(c.dueAt) : 'no target';
  switch (c.state) {
    case 'met':
      return `met at ${formatUtc(c.stoppedAt ?? 0)} (due ${due})`;
    case 'stopped':
      return c.stoppedAt !== undefined && c.dueAt !== undefined && c.stoppedAt > c.dueAt
        ? `stopped at ${formatUtc(c.stoppedAt)}, ${duration(c.stoppedAt - c.dueAt)} after it was due (${due})`
        : `stopped at ${formatUtc(c.stoppedAt ?? 0)}`;
    case 'breached':
      return `**BREACHED** ${duration(c.remainingMs ?? 0)} ago (due ${due})`;
    case 'paused':
      return `paused, ${duration(c.remainingMs ?? 0)} ${(c.remainingMs ?? 0) < 0 ? 'overdue' : 'left'}`;
    case 'due-soon':
      return `due soon: in ${duration(c.remainingMs ?? 0)} (${due})`;
    case 'running':
      return `due in ${duration(c.remainingMs ?? 0)} (${due})`;
  }
}

function fieldText(field: Field, run: Run, stepId: string): string | undefined {
  const text = formatFieldValue(field, fieldValue(run, { stepId, fieldId: field.id }));
  return text.trim() === '' ? undefined : text;
}

function eventLine(e: RunEvent): string {
  const who = escapeMarkdown(e.by.name);
  const when = formatUtc(e.at);
  const where = [e.stepId, e.fieldId].filter(Boolean).join('/');
  const show = (v: unknown) =>
    v === undefined || v === null
      ? '—'
      : escapeMarkdown(typeof v === 'string' ? v : JSON.stringify(v));
  let what: string;
  switch (e.type) {
    case 'field-set':
      what = `set ${where}: ${show(e.old)} → ${show(e.new)}`;
      break;
    case 'step-status':
      what = `step ${where}: ${show(e.old)} → ${show(e.new)}${e.note ? ` (${escapeMarkdown(e.note)})` : ''}`;
      break;
    case 'action':
      what = `action ${show(e.action)}${where ? ` on ${where}` : ''}${e.note ? `: ${escapeMarkdown(e.note)}` : ''}`;
      break;
    case 'template-migrated':
      what = `migrated the run${e.note ? `: ${escapeMarkdown(e.note)}` : ''}`;
      break;
    default:
      what = `${e.type}${where ? ` ${where}` : ''}${e.note ? `: ${escapeMarkdown(e.note)}` : ''}`;
  }
  return `- ${when} — ${who}: ${what}`;
}

/**
 * A handoff note: who the customer is, where the run stands, its clocks,
 * every answer collected so far, the state of each step and the latest
 * activity.
 */
export function runToHandoffMarkdown(
  template: WorkflowTemplate,
  run: Run,
  events: RunEvent[],
  now: number,
): string {
  const view = deriveRunView(template, run, now);
  const t = run.ticket;
  const lines: string[] = [];
  const title = t.subject ? ` — ${escapeMarkdown(t.subject)}` : '';
  lines.push(
    `# Handoff: ${t.helpdesk} ticket ${escapeMarkdown(t.displayId || t.ticketId)}${title}`,
  );
  lines.push('');
  lines.push(`- Ticket: ${link(t.url)}`);
  if (t.requesterName || t.requesterEmail) {
    lines.push(
      `- Requester: ${escapeMarkdown([t.requesterName, t.requesterEmail && `(${t.requesterEmail})`].filter(Boolean).join(' '))}`,
    );
  }
  if (t.organization) lines.push(`- Organization: ${escapeMarkdown(t.organization)}`);
  const plan = template.policy.plans.find((p) => p.id === view.plan);
  lines.push(
    `- Plan: ${plan ? `${plan.label} (first response within ${formatMinutes(plan.firstResponseMinutes)})` : 'not verified yet'}`,
  );
  const sev = severityPolicy(template, run);
  lines.push(`- Severity: ${sev ? `${sev.label} — ${sev.definition}` : 'not assigned yet'}`);
  lines.push(`- Workflow: ${escapeMarkdown(template.name)} (version ${template.version})`);
  const current = view.sections
    .flatMap((s) => s.steps)
    .find((s) => s.step.id === view.currentStepId);
  lines.push(
    `- Progress: ${view.progress.done}/${view.progress.applicable} steps (${view.progress.percent}%)` +
      (view.closed
        ? ` — closed ${formatUtc(run.closedAt ?? now)}`
        : current
          ? ` — next: ${current.number}. ${escapeMarkdown(current.step.title)}`
          : ''),
  );
  lines.push(`- As of: ${formatUtc(now)}`);

  if (view.clocks.length > 0) {
    lines.push('', '## Clocks', '');
    for (const c of view.clocks) lines.push(`- ${escapeMarkdown(c.label)}: ${clockLine(c)}`);
  }

  if (current && current.blockedBy.length > 0) {
    lines.push('', '## Blocking the next step', '');
    for (const r of current.blockedBy) lines.push(`- ${escapeMarkdown(r)}`);
  }

  const collected: string[] = [];
  for (const { step } of allSteps(template)) {
    const answers: string[] = [];
    for (const field of step.fields) {
      const text = fieldText(field, run, step.id);
      if (text === undefined) continue;
      if (field.type === 'paragraph' || text.includes('\n')) {
        answers.push(`- **${escapeMarkdown(field.label)}**:`, '', quoteBlock(text), '');
      } else {
        answers.push(`- **${escapeMarkdown(field.label)}**: ${escapeMarkdown(text)}`);
      }
    }
    if (answers.length > 0) collected.push(`### ${escapeMarkdown(step.title)}`, '', ...answers, '');
  }
  if (collected.length > 0) {
    lines.push('', '## Collected', '', ...collected);
    while (lines[lines.length - 1] === '') lines.pop();
  }

  lines.push('', '## Steps', '');
  for (const section of view.sections) {
    lines.push(`**${escapeMarkdown(section.title)}** (${section.done}/${section.applicable})`, '');
    for (const s of section.steps) {
      const state = run.steps[s.step.id];
      const box = s.status === 'done' ? '[x]' : s.status === 'skipped' ? '[-]' : '[ ]';
      let detail = '';
      if (s.status === 'not-applicable') detail = ' — not applicable';
      else if (s.status === 'done' && state) {
        detail = ` — done by ${escapeMarkdown(state.by.name)}, ${formatUtc(state.at)}`;
      } else if (s.status === 'skipped' && state) {
        detail = ` — skipped by ${escapeMarkdown(state.by.name)}: ${escapeMarkdown(state.skipReason ?? '')}`;
      }
      const name =
        s.status === 'not-applicable'
          ? `~~${escapeMarkdown(s.step.title)}~~`
          : escapeMarkdown(s.step.title);
      lines.push(`- ${box} ${s.number}. ${name}${detail}`);
    }
    lines.push('');
  }
  while (lines[lines.length - 1] === '') lines.pop();

  const recent = [...events].sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0)).slice(-10);
  if (recent.length > 0) {
    lines.push('', '## Latest activity', '');
    for (const e of recent) lines.push(eventLine(e));
  }
  return `${lines.join('\n')}\n`;
}

/** One table cell: escaped, single line. */
function cell(text: string | undefined): string {
  return text === undefined ? '_not provided_' : escapeMarkdown(text);
}

/**
 * The bug body: the context engineering needs (workspace, request ID, Sentry
 * link, timestamp, repro steps, expected vs actual, plan, severity, the
 * ticket link), read through the default template's well-known field ids.
 */
export function runToBugMarkdown(template: WorkflowTemplate, run: Run): string {
  const field = (stepId: string, fieldId: string): string | undefined => {
    const f = allSteps(template)
      .find((s) => s.step.id === stepId)
      ?.step.fields.find((x) => x.id === fieldId);
    return f ? fieldText(f, run, stepId) : undefined;
  };
  const t = run.ticket;
  const severity = readSeverity(template, run);
  const plan = template.policy.plans.find((p) => p.id === readPlan(template, run));
  const impact = field('assign-severity', 'impact');
  const sentry = field('search-logs', 'sentry-url');
  const lines: string[] = [];
  lines.push('## Summary', '');
  lines.push(
    escapeMarkdown(
      impact ??
        t.subject ??
        `Customer issue from ${t.helpdesk} ticket ${t.displayId || t.ticketId}`,
    ),
  );
  lines.push('', '## Context', '', '| | |', '|---|---|');
  const rows: Array<[string, string]> = [
    ['Severity', cell(severity)],
    ['Plan tier', cell(plan?.label)],
    ['Workspace ID', cell(field('collect-repro', 'workspace-id'))],
    ['Request ID', cell(field('collect-repro', 'request-id'))],
    ['Sentry', sentry ? link(sentry) : cell(undefined)],
    ['Occurred at', cell(field('collect-repro', 'occurred-at'))],
    ['URL / endpoint', cell(field('collect-repro', 'url'))],
    ['Browser', cell(field('collect-repro', 'browser'))],
    ['OS', cell(field('collect-repro', 'os'))],
    ['Reproduction', cell(field('reproduce', 'result'))],
    ['Support ticket', link(t.url)],
  ];
  for (const [k, v] of rows) lines.push(`| ${k} | ${v} |`);
  const block = (title: string, text: string | undefined) => {
    lines.push('', `## ${title}`, '');
    lines.push(text === undefined ? '_not provided_' : quoteBlock(text));
  };
  block('Steps to reproduce', field('collect-repro', 'repro-steps'));
  block('Expected', field('collect-repro', 'expected'));
  block('Actual', field('collect-repro', 'actual'));
  const files = field('request-artifacts', 'files');
  if (files) lines.push('', '## Attachments', '', escapeMarkdown(files));
  return `${lines.join('\n')}\n`;
}

/** The audit export: the run as stored and its complete event log, oldest first. */
export function runToAuditJson(template: WorkflowTemplate, run: Run, events: RunEvent[]): string {
  const ordered = [...events].sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
  return JSON.stringify(
    {
      format: 'casebook-run-audit',
      formatVersion: 1,
      template: { id: template.id, version: template.version, name: template.name },
      run,
      events: ordered,
    },
    null,
    2,
  );
}
