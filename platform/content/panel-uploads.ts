/**
 * Files the agent attaches in the panel: each is reviewed by the file guard
 * (a HAR sanitized on the way, with its count) and stored by the background.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import { fieldDomId } from '../../components/panel/fields/common';
import { errorMessage } from '../../lib/errors';
import { bytesToBase64, ownBytes } from '../../lib/messaging/base64';
import type { Actor, WorkflowTemplate } from '../../lib/workflow/schema';
import { receivePanelFiles, reviewPanelFiles, type PanelFile } from '../har/panel-files';
import { send } from '../messaging/content-client';
import type { PanelStore } from './panel-store';

/** Stores files into a file field of the run; also takes the panel's own file field's choices. */
export function usePanelUploads(
  runId: string | undefined,
  template: WorkflowTemplate | undefined,
  actorRef: RefObject<Actor>,
  store: PanelStore,
) {
  const onUploadFiles = useCallback(
    async (stepId: string, fieldId: string, files: Array<File | PanelFile>) => {
      if (!runId) throw new Error('No ticket is open.');
      // One request per file: the background appends each to the field and
      // records who attached it; the run comes back over the sync port.
      // Files the panel got itself (not through the page-world guard) get the same review.
      const chosen = files.filter((item): item is File => !isPanelFile(item));
      let reviewed: PanelFile[] = files.filter(isPanelFile);
      if (chosen.length) {
        const review = reviewPanelFiles(chosen);
        const out = review ? await review : chosen.map((file) => ({ file }));
        if (!out) throw new Error('Not attached: the file guard blocked it (the notice says why).');
        reviewed = [...reviewed, ...out];
      }
      for (const { file, sanitized } of reviewed) {
        const dataBase64 = bytesToBase64(await ownBytes(file));
        await send({
          type: 'attachment.put',
          runId,
          stepId,
          fieldId,
          name: file.name,
          mimeType: file.type,
          dataBase64,
          ...(sanitized ? { sanitized } : {}),
          actor: actorRef.current,
        });
      }
    },
    [runId, actorRef],
  );

  // The agent's choice in the panel's own file field reaches it through the file
  // guard (a HAR sanitized on the way, with its count), never as a page event.
  useEffect(
    () =>
      receivePanelFiles((inputId, files) => {
        const target = template
          ? allFileFields(template).find((f) => fieldDomId(f.stepId, f.fieldId) === inputId)
          : undefined;
        if (!target) return;
        onUploadFiles(target.stepId, target.fieldId, files).catch((error: unknown) =>
          store.notify({
            id: `upload:${inputId}`,
            tone: 'error',
            text: `The file was not attached: ${errorMessage(error)}`,
          }),
        );
      }),
    [template, onUploadFiles, store],
  );
  return onUploadFiles;
}

/** Every file field of the template, by step. */
function allFileFields(template: WorkflowTemplate): Array<{ stepId: string; fieldId: string }> {
  return template.sections.flatMap((section) =>
    section.steps.flatMap((step) =>
      step.fields.filter((f) => f.type === 'file').map((f) => ({ stepId: step.id, fieldId: f.id })),
    ),
  );
}

function isPanelFile(item: File | PanelFile): item is PanelFile {
  return typeof (item as Partial<PanelFile>).file === 'object' && (item as PanelFile).file !== null;
}
