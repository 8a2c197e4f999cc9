/**
 * Helpers for tests that need runs of the default workflow (used by the
 * engine's own tests and by other modules' tests). Not imported by app code.
 */
import { DEFAULT_TEMPLATE } from './default-template';
import { openRequiredSteps } from './close-rules';
import { closingStepId } from './derive';
import { applyMutation, createRun, type Mutation } from './engine';
import { renameId } from './rename';
import { fieldRefByRole, type Role } from './roles';
import { templateSchema, type FieldRef } from './schema';
import type { Actor, FieldValue, Run, RunEvent, TicketInfo, WorkflowTemplate } from './schema';

/**
 * The default workflow as templates saved before SLA policies were stored
 * with it: calendar time, the first response stopped by its step. Tests of
 * store mechanics (ordering by due time, alarms) use it for round numbers.
 */
export const CALENDAR_TEMPLATE: WorkflowTemplate = {
  ...DEFAULT_TEMPLATE,
  policy: { ...DEFAULT_TEMPLATE.policy, sla: undefined },
  clocks: DEFAULT_TEMPLATE.clocks
    .filter((c) => ['first-response', 'engineering-ack', 'status-page'].includes(c.id))
    .map((c) =>
      c.id === 'first-response' && c.kind === 'deadline'
        ? {
            ...c,
            stopOn: undefined,
            stopWhen: { kind: 'step', stepId: 'acknowledge', is: ['done'] },
          }
        : c,
    ),
};

export const AGENT: Actor = { name: 'Ada Agent', email: 'ada@example.com' };
/** 2026-11-26 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 26, 9, 0);
export const MIN = 60_000;

export function ticket(overrides: Partial<TicketInfo> = {}): TicketInfo {
  return {
    helpdesk: 'zendesk',
    ticketId: '4821',
    url: 'https://acme.zendesk.com/agent/tickets/4821',
    subject: 'Checkout fails with 500',
    requesterName: 'Cleo Customer',
    requesterEmail: 'cleo@customer.example',
    organization: 'Customer Co',
    createdAt: T0,
    ...overrides,
  };
}

/** A run plus its full event log, advanced by mutations one minute apart. */
export interface Scenario {
  template: WorkflowTemplate;
  run: Run;
  events: RunEvent[];
  now: number;
}

export function scenario(
  overrides: Partial<TicketInfo> = {},
  template: WorkflowTemplate = DEFAULT_TEMPLATE,
): Scenario {
  const { run, events } = createRun(template, ticket(overrides), AGENT, T0);
  return { template, run, events, now: T0 };
}

/** Apply `m` at `at` (default: the scenario's time), returning the next scenario. */
export function step(s: Scenario, m: Mutation, at = s.now, actor: Actor = AGENT): Scenario {
  const r = applyMutation(s.template, s.run, m, actor, at);
  return { ...s, run: r.run, events: [...s.events, ...r.events], now: at };
}

export function setField(
  s: Scenario,
  stepId: string,
  fieldId: string,
  value: FieldValue,
  at = s.now,
): Scenario {
  return step(s, { type: 'set-field', stepId, fieldId, value }, at);
}

export function done(s: Scenario, stepId: string, at = s.now): Scenario {
  return step(s, { type: 'set-step-status', stepId, status: 'done' }, at);
}

/**
 * Skip, with a reason, every applicable required step still open other than
 * the closing one: what it takes before a run can close.
 */
export function skipOpenSteps(
  s: Scenario,
  reason = 'Not needed for this ticket',
  at = s.now,
): Scenario {
  let next = s;
  for (const open of openRequiredSteps(s.template, s.run, closingStepId(s.template))) {
    next = step(
      next,
      { type: 'set-step-status', stepId: open.stepId, status: 'skipped', skipReason: reason },
      at,
    );
  }
  return next;
}

/** The page showed a message in the conversation (as the background records it). */
export function message(
  s: Scenario,
  id: string,
  role: 'customer' | 'agent' | 'note',
  at: number,
): Scenario {
  return step(s, { type: 'observe-conversation', messages: [{ id, role, at }] }, at);
}

export interface RenamedTemplate {
  template: WorkflowTemplate;
  /** New id of each step, by its old id. */
  step(oldId: string): string;
  /** New id of a field, by its old step and field ids. */
  field(oldStepId: string, oldFieldId: string): string;
}

/**
 * `template` with every section, step and field id renamed (`st-1`, `fd-1`…:
 * nothing left of the old names) and its sections reordered (all but the
 * closing one reversed), through the editor's rename: what a lead who
 * rebuilds the workflow produces.
 */
export function renameEveryId(template: WorkflowTemplate): RenamedTemplate {
  const steps = new Map<string, string>();
  const fields = new Map<string, string>();
  let out = template;
  template.sections
    .flatMap((s) => s.steps)
    .forEach((step, si) => {
      step.fields.forEach((field, fi) => {
        const to = `fd-${si + 1}-${fi + 1}`;
        out = renameId(out, { kind: 'field', stepId: step.id, from: field.id, to });
        fields.set(`${step.id}/${field.id}`, to);
      });
      const to = `st-${si + 1}`;
      out = renameId(out, { kind: 'step', from: step.id, to });
      steps.set(step.id, to);
    });
  // The closing step is the last one by definition (derive.ts closingStepId): the rest reverses.
  const sections = out.sections.map((s, i) => ({ ...s, id: `part-${i + 1}` }));
  const closing = sections.pop();
  out = { ...out, sections: closing ? [...sections.reverse(), closing] : sections };
  const known = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`no such id in the original template: ${key}`);
    return id;
  };
  return {
    template: templateSchema.parse(out),
    step: (oldId) => known(steps, oldId),
    field: (oldStepId, oldFieldId) => known(fields, `${oldStepId}/${oldFieldId}`),
  };
}

/** The field of `role` in `template`, as the app finds it; a template without one fails the test plainly. */
export function fieldOfRole(template: WorkflowTemplate, role: Role): FieldRef {
  const ref = fieldRefByRole(template, role);
  if (!ref) throw new Error(`the template has no field of role ${role}`);
  return ref;
}
