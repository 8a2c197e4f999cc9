/**
 * Files the agent chose in a file input of the Casebook panel, handed from
 * the file guard's bridge (har-bridge content script) to the panel (the
 * helpdesk content script) after review: a HAR sanitized, anything else as
 * chosen, nothing when blocked. Both scripts run in the extension's isolated
 * world of the same frame, which page scripts cannot reach, so they meet on
 * that world's global under registered symbols.
 *
 * Two ways in, one review. In Chromium the page-world guard holds the agent's
 * choice (the `input` event leaves the panel's shadow root) and the bridge
 * delivers the reviewed files. In Firefox the page world never hears events
 * inside a content script's shadow root, so the panel gets the chosen files
 * itself and asks the bridge to review them the same way.
 */

const HOOK = Symbol.for('casebook.panel-files');
const REVIEW = Symbol.for('casebook.panel-review');

/** A reviewed file; `sanitized` is the sanitizer's count when it was a HAR. */
export interface PanelFile {
  file: File;
  sanitized?: { redactions: number; byKind: Record<string, number> };
}

export type PanelFilesHandler = (inputId: string, files: PanelFile[]) => void;

/** Reviews files chosen in the panel: the files to attach, or undefined when blocked (told already). */
export type PanelReview = (files: File[]) => Promise<PanelFile[] | undefined>;

type WithHook = typeof globalThis & { [HOOK]?: PanelFilesHandler; [REVIEW]?: PanelReview };

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

/** The bridge reviews what the panel got itself; returns the undo. */
export function servePanelReview(review: PanelReview): () => void {
  const world = globalThis as WithHook;
  world[REVIEW] = review;
  return () => {
    if (world[REVIEW] === review) delete world[REVIEW];
  };
}

/**
 * The bridge's review of files the panel got itself; undefined when no bridge
 * runs in this frame (the background still sanitizes a HAR before storing it).
 */
export function reviewPanelFiles(files: File[]): Promise<PanelFile[] | undefined> | undefined {
  return (globalThis as WithHook)[REVIEW]?.(files);
}
