/**
 * Files the agent chose in a file input of the Casebook panel, handed from
 * the file guard's bridge (har-bridge content script) to the panel (the
 * helpdesk content script) after review: a HAR sanitized, anything else as
 * chosen, nothing when blocked. Both scripts run in the extension's isolated
 * world of the same frame, which page scripts cannot reach, so they meet on
 * that world's global under a registered symbol.
 */

const HOOK = Symbol.for('casebook.panel-files');

/** A reviewed file; `sanitized` is the sanitizer's count when it was a HAR. */
export interface PanelFile {
  file: File;
  sanitized?: { redactions: number; byKind: Record<string, number> };
}

export type PanelFilesHandler = (inputId: string, files: PanelFile[]) => void;

type WithHook = typeof globalThis & { [HOOK]?: PanelFilesHandler };

/** The panel takes the files for its inputs; returns the undo. */
export function receivePanelFiles(handler: PanelFilesHandler): () => void {
  const world = globalThis as WithHook;
  world[HOOK] = handler;
  return () => {
    if (world[HOOK] === handler) delete world[HOOK];
  };
}

/** The bridge hands reviewed files to the panel; false when no panel listens in this frame. */
export function deliverPanelFiles(inputId: string, files: PanelFile[]): boolean {
  const handler = (globalThis as WithHook)[HOOK];
  if (!handler) return false;
  handler(inputId, files);
  return true;
}
