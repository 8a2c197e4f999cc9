/**
 * Step words: `{{helpdesk}}`, `{{ticket}}` and `{{tracker}}` in step text
 * (titles, guidance, field labels and help, option text, gate messages) name
 * the helpdesk of the ticket being worked and the tracker the settings
 * select, so an agent on Intercom with Linear reads "File a Linear bug" and
 * "the Intercom conversation", not Zendesk and Jira.
 *
 * Message bodies are never filled here: they have their own placeholders,
 * filled from the run (`messages.ts`). A variable this module does not know
 * stays as typed, so a typo shows instead of silently vanishing.
 *
 * Pure and zod-free: the panel in the content script words its view with it.
 */
import type { Field, Helpdesk, Step, WorkflowTemplate } from './schema';
import type { RunView, SectionView, StepView } from './view';

/** What the settings select (lib/settings/schema.ts `trackerSchema`), by kind only. */
export type TrackerKind = 'jira' | 'linear' | 'none';

export interface StepWordValues {
  helpdesk: string;
  ticket: string;
  tracker: string;
}

type WordName = keyof StepWordValues;

/** The variables, for the template editor's hint. */
export const STEP_WORDS: ReadonlyArray<{ name: WordName; means: string }> = [
  { name: 'helpdesk', means: 'Zendesk, Intercom or Help Scout: where the ticket is' },
  { name: 'ticket', means: '"ticket" on Zendesk, "conversation" on Intercom and Help Scout' },
  { name: 'tracker', means: 'Jira or Linear as set in Integrations ("Jira or Linear" if none)' },
];

const HELPDESK_WORDS: Record<Helpdesk, { helpdesk: string; ticket: string }> = {
  zendesk: { helpdesk: 'Zendesk', ticket: 'ticket' },
  intercom: { helpdesk: 'Intercom', ticket: 'conversation' },
  helpscout: { helpdesk: 'Help Scout', ticket: 'conversation' },
};

const TRACKER_WORDS: Record<TrackerKind, string> = {
  jira: 'Jira',
  linear: 'Linear',
  // The bug URL field takes only these two, so the step can still name them.
  none: 'Jira or Linear',
};

export function stepWordValues(helpdesk: Helpdesk, tracker: TrackerKind): StepWordValues {
  return { ...HELPDESK_WORDS[helpdesk], tracker: TRACKER_WORDS[tracker] };
}

// `{{name}}`, spaces inside the braces allowed. A name that starts upper-case
// (`{{Ticket}}`) capitalizes its value, for the start of a sentence.
const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z-]*)\s*\}\}/g;

function isWordName(name: string): name is WordName {
  return name === 'helpdesk' || name === 'ticket' || name === 'tracker';
}

/** Fills the step-word variables in one text; anything else is returned as typed. */
export function fillStepWords(text: string, values: StepWordValues): string {
  if (!text.includes('{{')) return text;
  return text.replace(VARIABLE, (typed, name: string) => {
    const key = name.toLowerCase();
    if (!isWordName(key)) return typed;
    const value = values[key];
    const first = name.charAt(0);
    return first !== first.toLowerCase() ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}

// Field texts the panel shows besides label and help; ids, patterns and limits are not text.
const FIELD_TEXTS = ['placeholder', 'patternMessage', 'allowMessage'] as const;

function wordField(field: Field, values: StepWordValues): Field {
  const fill = (text: string) => fillStepWords(text, values);
  const worded: Record<string, unknown> = { ...field, label: fill(field.label) };
  if (field.help !== undefined) worded.help = fill(field.help);
  for (const key of FIELD_TEXTS) {
    const text = worded[key];
    if (typeof text === 'string') worded[key] = fill(text);
  }
  if (field.type === 'single-choice' || field.type === 'multi-choice')
    worded.options = field.options.map((o) => ({
      ...o,
      label: fill(o.label),
      ...(o.description !== undefined ? { description: fill(o.description) } : {}),
    }));
  return worded as Field;
}

/** A step with its text worded; ids, conditions and actions unchanged. */
export function wordStep(step: Step, values: StepWordValues): Step {
  const fill = (text: string) => fillStepWords(text, values);
  return {
    ...step,
    title: fill(step.title),
    guidance: fill(step.guidance),
    fields: step.fields.map((f) => wordField(f, values)),
    gates: step.gates.map((g) => ({ ...g, message: fill(g.message) })),
  };
}

function wordStepView(view: StepView, values: StepWordValues): StepView {
  const fill = (text: string) => fillStepWords(text, values);
  const step = wordStep(view.step, values);
  const fields = new Map(step.fields.map((f) => [f.id, f]));
  return {
    ...view,
    step,
    fields: view.fields.map((fv) => ({
      ...fv,
      field: fields.get(fv.field.id) ?? wordField(fv.field, values),
      // Validation messages quote the field's label.
      error: fv.error === undefined ? undefined : fill(fv.error),
    })),
    gates: view.gates.map((g) => ({ ...g, message: fill(g.message) })),
    blockedBy: view.blockedBy.map(fill),
  };
}

function wordSection(section: SectionView, values: StepWordValues): SectionView {
  return {
    ...section,
    title: fillStepWords(section.title, values),
    steps: section.steps.map((s) => wordStepView(s, values)),
  };
}

/**
 * The run view as the panel shows it: every step text worded. The view the
 * background derived is left as it is; clocks and policy are not step text.
 */
export function wordRunView(view: RunView, values: StepWordValues): RunView {
  return {
    ...view,
    sections: view.sections.map((s) => wordSection(s, values)),
    ...(view.openBeforeClose
      ? {
          openBeforeClose: view.openBeforeClose.map((o) => ({
            ...o,
            title: fillStepWords(o.title, values),
          })),
        }
      : {}),
  };
}

/**
 * A template with its sections' and steps' text worded, for texts made from
 * it outside the panel (the handoff note). Messages, policy and clocks are
 * the same objects: message bodies keep their own placeholders.
 */
export function wordTemplate(template: WorkflowTemplate, values: StepWordValues): WorkflowTemplate {
  return {
    ...template,
    sections: template.sections.map((s) => ({
      ...s,
      title: fillStepWords(s.title, values),
      steps: s.steps.map((step) => wordStep(step, values)),
    })),
  };
}
