/**
 * What meets a clock, in one instruction: the reminder line tells the agent
 * what to do next instead of repeating the chip ("Reply to the customer",
 * an imperative without its ending: the view adds "to meet it." or "now.").
 * Read from the clock's own definition (its stop condition or
 * the field that restarts it), so a renamed or rebuilt template reads right.
 */
import type { ClockDef, Condition, Step, WorkflowTemplate } from './schema';

function stepsInOrder(template: WorkflowTemplate): Step[] {
  return template.sections.flatMap((s) => s.steps);
}

/** "step 17", numbered as the panel numbers its steps. */
function stepNumber(template: WorkflowTemplate, stepId: string): string | undefined {
  const index = stepsInOrder(template).findIndex((s) => s.id === stepId);
  return index < 0 ? undefined : `step ${index + 1}`;
}

function stepTitle(template: WorkflowTemplate, stepId: string): string | undefined {
  return stepsInOrder(template).find((s) => s.id === stepId)?.title;
}

function fieldOf(template: WorkflowTemplate, stepId: string, fieldId: string) {
  return stepsInOrder(template)
    .find((s) => s.id === stepId)
    ?.fields.find((f) => f.id === fieldId);
}

function whatStops(template: WorkflowTemplate, condition: Condition): string | undefined {
  if (condition.kind === 'step' && condition.is.includes('done')) {
    const number = stepNumber(template, condition.stepId);
    return number && `Finish ${number} (“${stepTitle(template, condition.stepId)}”)`;
  }
  if (condition.kind === 'field') {
    const { stepId, fieldId } = condition.field;
    const field = fieldOf(template, stepId, fieldId);
    const number = stepNumber(template, stepId);
    if (!field || !number) return undefined;
    const verb = field.type === 'checkbox' ? 'Tick' : 'Fill in';
    return `${verb} “${field.label}” in ${number}`;
  }
  return undefined;
}

export function clockNextAction(template: WorkflowTemplate, clockId: string): string | undefined {
  const clock: ClockDef | undefined = template.clocks.find((c) => c.id === clockId);
  if (!clock) return undefined;
  if (clock.kind === 'cadence') {
    const field = fieldOf(template, clock.resetBy.stepId, clock.resetBy.fieldId);
    const number = stepNumber(template, clock.resetBy.stepId);
    return field && number ? `Post the next update and record it in ${number}` : undefined;
  }
  if (clock.stopOn === 'agent-reply') return 'Reply to the customer';
  if (clock.stopWhen) return whatStops(template, clock.stopWhen);
  return 'Close the run';
}
