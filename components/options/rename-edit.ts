/**
 * A step edited in the template editor, put back into the draft: when its id
 * or a field's id changed, everything that names the old id (conditions,
 * gates, clocks, placeholders) is renamed with it (lib/workflow/rename.ts).
 */
import { renameId, type IdRename } from '../../lib/workflow/rename';
import type { Draft, DraftStep } from './template-edit';

function renamesBetween(before: DraftStep, after: DraftStep): IdRename[] {
  const out: IdRename[] = [];
  const fieldsBefore = before.fields ?? [];
  const fieldsAfter = after.fields ?? [];
  // Same length: an edit in place, not an added, removed or moved field.
  if (fieldsBefore.length === fieldsAfter.length) {
    fieldsBefore.forEach((f, i) => {
      const to = fieldsAfter[i]?.id;
      if (to !== undefined && to !== f.id)
        out.push({ kind: 'field', stepId: before.id, from: f.id, to });
    });
  }
  if (after.id !== before.id) out.push({ kind: 'step', from: before.id, to: after.id });
  return out;
}

/** `draft` with step `stepIndex` of section `sectionIndex` replaced by `next`, renames followed. */
export function replaceStep(
  draft: Draft,
  sectionIndex: number,
  stepIndex: number,
  next: DraftStep,
): Draft {
  const before = draft.sections[sectionIndex]?.steps[stepIndex];
  if (!before) return draft;
  const renames = renamesBetween(before, next);
  let renamed = draft;
  for (const r of renames) renamed = renameId(renamed, r);
  // An id edit changes nothing else of the step; any other edit is taken as it is.
  // The step as edited, with its own conditions as the rename rewrote them.
  const rewritten = renamed.sections[sectionIndex]?.steps[stepIndex];
  const step: DraftStep =
    renames.length > 0 && rewritten
      ? {
          ...next,
          when: rewritten.when,
          gates: rewritten.gates,
          fields: next.fields?.map((f, i) => ({
            ...f,
            when: rewritten.fields?.[i]?.when ?? f.when,
          })),
        }
      : next;
  return {
    ...renamed,
    sections: renamed.sections.map((section, si) =>
      si === sectionIndex
        ? { ...section, steps: section.steps.map((s, i) => (i === stepIndex ? step : s)) }
        : section,
    ),
  };
}
