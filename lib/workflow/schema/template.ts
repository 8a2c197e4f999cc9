/** A whole workflow template, and the rules that tie its parts together. */
import { z } from 'zod';
import { roleProblems } from '../roles';
import { idSchema } from './base';
import type { Condition, FieldRef } from './conditions';
import { clockSchema } from './clocks';
import { messageTemplateSchema } from './messages';
import { policySchema } from './policy';
import { sectionSchema } from './steps';

export const templateSchema = z
  .object({
    /** Stable id of the workflow across versions. */
    id: idSchema,
    /** 1, 2, 3…: saving a changed template makes the next version. */
    version: z.number().int().positive(),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).default(''),
    sections: z.array(sectionSchema).min(1),
    policy: policySchema,
    clocks: z.array(clockSchema).default([]),
    messages: z.array(messageTemplateSchema).default([]),
  })
  .superRefine((template, ctx) => {
    const stepIds = new Set<string>();
    const fieldKeys = new Set<string>();
    template.sections.forEach((section, si) =>
      section.steps.forEach((step, sti) => {
        if (stepIds.has(step.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate step id "${step.id}"`,
            path: ['sections', si, 'steps', sti, 'id'],
          });
        }
        stepIds.add(step.id);
        const seen = new Set<string>();
        step.fields.forEach((field, fi) => {
          if (seen.has(field.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate field id "${field.id}" in step "${step.id}"`,
              path: ['sections', si, 'steps', sti, 'fields', fi, 'id'],
            });
          }
          seen.add(field.id);
          fieldKeys.add(`${step.id}/${field.id}`);
        });
      }),
    );
    const checkRef = (ref: FieldRef, path: (string | number)[]) => {
      if (!fieldKeys.has(`${ref.stepId}/${ref.fieldId}`)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown field ${ref.stepId}/${ref.fieldId}`,
          path,
        });
      }
    };
    const checkCondition = (cond: Condition, path: (string | number)[]): void => {
      switch (cond.kind) {
        case 'field':
          checkRef(cond.field, [...path, 'field']);
          break;
        case 'step':
          if (!stepIds.has(cond.stepId)) {
            ctx.addIssue({ code: 'custom', message: `unknown step "${cond.stepId}"`, path });
          }
          break;
        case 'all':
        case 'any':
          cond.of.forEach((c, i) => checkCondition(c, [...path, 'of', i]));
          break;
        case 'not':
          checkCondition(cond.of, [...path, 'of']);
          break;
        default:
          break;
      }
    };
    checkRef(template.policy.severityField, ['policy', 'severityField']);
    checkRef(template.policy.planField, ['policy', 'planField']);
    template.sections.forEach((section, si) =>
      section.steps.forEach((step, sti) => {
        const base = ['sections', si, 'steps', sti];
        if (step.when) checkCondition(step.when, [...base, 'when']);
        step.gates.forEach((g, gi) => checkCondition(g.require, [...base, 'gates', gi, 'require']));
        step.fields.forEach((f, fi) => {
          if (f.when) checkCondition(f.when, [...base, 'fields', fi, 'when']);
        });
      }),
    );
    template.clocks.forEach((clock, ci) => {
      if (clock.appliesWhen) checkCondition(clock.appliesWhen, ['clocks', ci, 'appliesWhen']);
      if (clock.stopWhen) checkCondition(clock.stopWhen, ['clocks', ci, 'stopWhen']);
      if (clock.start.kind === 'condition')
        checkCondition(clock.start.condition, ['clocks', ci, 'start', 'condition']);
      if (clock.start.kind === 'step-done' && !stepIds.has(clock.start.stepId)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown step "${clock.start.stepId}"`,
          path: ['clocks', ci, 'start'],
        });
      }
      if (clock.start.kind === 'field-set')
        checkRef(clock.start.field, ['clocks', ci, 'start', 'field']);
      if (clock.kind === 'cadence') checkRef(clock.resetBy, ['clocks', ci, 'resetBy']);
    });
    const unique = (ids: string[], what: string, path: (string | number)[]) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', message: `duplicate ${what} id "${id}"`, path });
        seen.add(id);
      }
    };
    unique(
      template.sections.map((s) => s.id),
      'section',
      ['sections'],
    );
    unique(
      template.clocks.map((c) => c.id),
      'clock',
      ['clocks'],
    );
    unique(
      template.messages.map((m) => m.id),
      'message',
      ['messages'],
    );
    // A pattern that does not compile would make its field impossible to fill.
    const checkPattern = (source: string, path: (string | number)[]) => {
      try {
        new RegExp(source, 'u');
      } catch {
        ctx.addIssue({ code: 'custom', message: `invalid regular expression "${source}"`, path });
      }
    };
    template.sections.forEach((section, si) =>
      section.steps.forEach((step, sti) => {
        const base = ['sections', si, 'steps', sti];
        unique(
          step.gates.map((g) => g.id),
          `gate (step "${step.id}")`,
          [...base, 'gates'],
        );
        step.fields.forEach((f, fi) => {
          if (f.type === 'text' && f.pattern)
            checkPattern(f.pattern, [...base, 'fields', fi, 'pattern']);
          if (f.type === 'url') {
            f.allow?.forEach((p, pi) => checkPattern(p, [...base, 'fields', fi, 'allow', pi]));
          }
        });
      }),
    );
    for (const problem of roleProblems(template)) ctx.addIssue({ code: 'custom', ...problem });
    // Each severity and each plan tier (four of each) has exactly one policy.
    const eachOnce = (ids: string[], message: string, path: string[]) => {
      if (new Set(ids).size !== 4) ctx.addIssue({ code: 'custom', message, path });
    };
    eachOnce(
      template.policy.severities.map((s) => s.id),
      'policy.severities must define SEV1–SEV4 once each',
      ['policy', 'severities'],
    );
    eachOnce(
      template.policy.plans.map((p) => p.id),
      'policy.plans must define each plan tier once',
      ['policy', 'plans'],
    );
  });
export type WorkflowTemplate = z.infer<typeof templateSchema>;
/** What an editor or an import hands in, before defaults are applied. */
export type WorkflowTemplateInput = z.input<typeof templateSchema>;
