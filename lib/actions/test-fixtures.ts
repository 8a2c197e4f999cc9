/** The template and a run builder for the action builders' tests. Imported by tests only. */
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { runSchema, type FieldValue, type Run, type WorkflowTemplate } from '../workflow/schema';

/** The shipped default workflow: the builders are tested against the real step and field ids. */
export const TEST_TEMPLATE: WorkflowTemplate = DEFAULT_TEMPLATE;

export const T0 = Date.parse('2026-03-08T08:00:00Z');

/** A run of TEST_TEMPLATE with the given values: `{'collect-repro/request-id': 'req_1'}`. */
export function testRun(
  values: Record<string, FieldValue> = {},
  ticket: Partial<Run['ticket']> = {},
): Run {
  const by = { name: 'Ada Agent' };
  const run: Run = {
    id: 'zendesk:12345',
    helpdesk: 'zendesk',
    ticketId: '12345',
    templateId: 'support-ticket',
    templateVersion: 1,
    ticket: {
      helpdesk: 'zendesk',
      ticketId: '12345',
      url: 'https://acme.zendesk.com/agent/tickets/12345',
      subject: 'Exports fail',
      ...ticket,
    },
    createdAt: T0,
    updatedAt: T0,
    steps: {},
    values: {},
    pauses: [],
    revision: 1,
  };
  for (const [key, value] of Object.entries(values)) {
    const [stepId, fieldId] = key.split('/') as [string, string];
    run.values[stepId] = { ...run.values[stepId], [fieldId]: { value, at: T0, by, since: T0 } };
  }
  return runSchema.parse(run);
}
