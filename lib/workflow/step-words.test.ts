import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { deriveRunView } from './derive';
import { fillMessage } from './messages';
import type { WorkflowTemplate } from './schema';
import {
  fillStepWords,
  STEP_WORDS,
  stepWordValues,
  wordRunView,
  wordStep,
  wordTemplate,
} from './step-words';
import { scenario } from './testing';

const INTERCOM_LINEAR = stepWordValues('intercom', 'linear');
const ZENDESK_JIRA = stepWordValues('zendesk', 'jira');

/**
 * Every text of a step the panel shows, in one string; except the bug URL's
 * format message, which names both issue links the field accepts.
 */
function stepText(sections: unknown): string {
  return JSON.stringify(sections, (key, value: unknown) =>
    key === 'allowMessage' ? undefined : value,
  );
}

describe('stepWordValues', () => {
  it('names each helpdesk and its word for a ticket', () => {
    expect(stepWordValues('zendesk', 'none')).toMatchObject({
      helpdesk: 'Zendesk',
      ticket: 'ticket',
    });
    expect(stepWordValues('intercom', 'none')).toMatchObject({
      helpdesk: 'Intercom',
      ticket: 'conversation',
    });
    expect(stepWordValues('helpscout', 'none')).toMatchObject({
      helpdesk: 'Help Scout',
      ticket: 'conversation',
    });
  });

  it('names the tracker the settings select, and both bug-URL trackers when none is', () => {
    expect(stepWordValues('zendesk', 'jira').tracker).toBe('Jira');
    expect(stepWordValues('zendesk', 'linear').tracker).toBe('Linear');
    expect(stepWordValues('zendesk', 'none').tracker).toBe('Jira or Linear');
  });

  it('the editor hint lists exactly the variables the filler knows', () => {
    const hinted = STEP_WORDS.map((w) => `{{${w.name}}}`).join(' ');
    expect(fillStepWords(hinted, INTERCOM_LINEAR)).toBe('Intercom conversation Linear');
  });
});

describe('fillStepWords', () => {
  it('fills the variables it knows', () => {
    expect(fillStepWords('File a {{tracker}} bug', INTERCOM_LINEAR)).toBe('File a Linear bug');
    expect(fillStepWords('Link the {{helpdesk}} {{ticket}}.', INTERCOM_LINEAR)).toBe(
      'Link the Intercom conversation.',
    );
  });

  it('allows spaces inside the braces and capitalizes for a capitalized name', () => {
    expect(fillStepWords('{{ helpdesk }} / {{Ticket}} notes', INTERCOM_LINEAR)).toBe(
      'Intercom / Conversation notes',
    );
  });

  it('leaves unknown variables visible exactly as typed, never blank', () => {
    const text = 'Page via {{pager}}, then {{ Helpdsk }} and {{agent.name}} and {{sentry.id?}}';
    expect(fillStepWords(text, INTERCOM_LINEAR)).toBe(text);
    expect(fillStepWords('{{tracker}} {{trackr}}', INTERCOM_LINEAR)).toBe('Linear {{trackr}}');
  });

  it('returns a text with no variables unchanged', () => {
    const text = 'Check Sentry for `{ "id": 1 }` and {single} braces; Zendesk stays Zendesk.';
    expect(fillStepWords(text, INTERCOM_LINEAR)).toBe(text);
    expect(fillStepWords('', INTERCOM_LINEAR)).toBe('');
  });
});

describe('wordStep / wordTemplate', () => {
  const template: WorkflowTemplate = {
    ...DEFAULT_TEMPLATE,
    messages: DEFAULT_TEMPLATE.messages.map((m, i) =>
      i === 0 ? { ...m, body: `From {{helpdesk}} via {{tracker}}: ${m.body}` } : m,
    ),
  };

  it('words titles, guidance, field labels and help, options and gate messages', () => {
    const step = {
      id: 'x',
      title: 'Update the {{helpdesk}} {{ticket}}',
      guidance: 'Watch the {{tracker}} issue.',
      required: true,
      fields: [
        {
          id: 'f',
          type: 'single-choice' as const,
          label: '{{tracker}} status',
          help: 'As {{tracker}} shows it',
          required: false,
          options: [{ value: 'a', label: 'In {{tracker}}', description: 'Filed in {{tracker}}' }],
        },
        {
          id: 'u',
          type: 'url' as const,
          label: 'Link',
          required: false,
          allowMessage: 'Paste the {{tracker}} issue link',
        },
      ],
      gates: [
        {
          id: 'g',
          require: { kind: 'severity' as const, in: ['SEV1' as const] },
          message: 'Needs a {{tracker}} link',
        },
      ],
      actions: [],
    };
    const worded = wordStep(step, INTERCOM_LINEAR);
    expect(JSON.stringify(worded)).not.toContain('{{');
    expect(worded.title).toBe('Update the Intercom conversation');
    expect(worded.fields[0]).toMatchObject({ label: 'Linear status', help: 'As Linear shows it' });
    expect(worded.fields[1]).toMatchObject({ allowMessage: 'Paste the Linear issue link' });
    expect(worded.gates[0]?.message).toBe('Needs a Linear link');
    // Ids, conditions and actions stay as they are.
    expect(worded.id).toBe('x');
    expect(worded.gates[0]?.require).toBe(step.gates[0]?.require);
  });

  it('never touches message bodies, and leaves the input as it was', () => {
    const before = JSON.stringify(template);
    const worded = wordTemplate(template, INTERCOM_LINEAR);
    expect(worded.messages).toBe(template.messages);
    expect(worded.messages[0]?.body).toContain('From {{helpdesk}} via {{tracker}}:');
    expect(JSON.stringify(template)).toBe(before);
    // The message filler keeps its own meaning of the same name (the run's helpdesk id).
    const filled = fillMessage(worded, worded.messages[0]!.id, scenario().run);
    expect(filled.text).toContain('From zendesk via {{tracker}}:');
  });

  it('the default template names no helpdesk or tracker the ticket does not use', () => {
    const text = stepText(wordTemplate(DEFAULT_TEMPLATE, INTERCOM_LINEAR).sections);
    expect(text).toContain('Intercom conversation');
    expect(text).toContain('File a Linear bug');
    expect(text).not.toMatch(/Zendesk|Jira|Help Scout/);
    expect(text).not.toMatch(/\{\{\s*(helpdesk|ticket|tracker)/i);
  });

  it('the default template on Zendesk with Jira reads as the workflow spec', () => {
    const text = stepText(wordTemplate(DEFAULT_TEMPLATE, ZENDESK_JIRA).sections);
    expect(text).toContain('File a Jira bug with full repro context');
    expect(text).toContain('Zendesk ticket');
    expect(text).not.toMatch(/Intercom|Linear|Help Scout/);
  });
});

describe('wordRunView', () => {
  it('words every step text of a derived view, gate and validation messages included', () => {
    const s = scenario();
    const view = deriveRunView(DEFAULT_TEMPLATE, s.run, s.now);
    const worded = wordRunView(view, INTERCOM_LINEAR);
    const json = stepText(worded.sections);
    expect(json).toContain('File a Linear bug');
    expect(json).not.toMatch(/Zendesk|Jira/);
    // The field views carry the same worded field as their step.
    for (const section of worded.sections)
      for (const sv of section.steps)
        for (const fv of sv.fields)
          expect(fv.field).toBe(sv.step.fields.find((f) => f.id === fv.field.id));
    // Clocks and the rest are the background's, untouched.
    expect(worded.clocks).toBe(view.clocks);
    expect(worded.progress).toBe(view.progress);
  });

  it('words the closing step’s list of open steps', () => {
    const s = scenario();
    const view = deriveRunView(DEFAULT_TEMPLATE, s.run, s.now);
    const withOpen = {
      ...view,
      openBeforeClose: [{ stepId: 'file-bug', number: 12, title: 'File a {{tracker}} bug' }],
    };
    expect(wordRunView(withOpen, INTERCOM_LINEAR).openBeforeClose?.[0]?.title).toBe(
      'File a Linear bug',
    );
  });
});
