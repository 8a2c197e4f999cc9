/**
 * Whether a sync port belongs to the view that sent a request: the view that
 * made a change has its result in the reply, so its own push is skipped
 * (one push per *other* view). When in doubt the answer is no, and the view
 * gets a push it did not need, never misses one.
 */

/** The parts of `runtime.MessageSender` / `Port.sender` compared. */
export interface ViewSender {
  url?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number };
}

export function isSameView(port: ViewSender | undefined, request: ViewSender | undefined): boolean {
  if (!port || !request) return false;
  // Chrome names every document; one document is one view.
  if (port.documentId !== undefined && request.documentId !== undefined)
    return port.documentId === request.documentId;
  // A frame of a tab (the panel, a tab showing an extension page).
  if (port.tab?.id !== undefined || request.tab?.id !== undefined)
    return (
      port.tab?.id === request.tab?.id &&
      port.frameId === request.frameId &&
      port.url !== undefined &&
      port.url === request.url
    );
  // No tab and no document id (Firefox's popup): the same extension page.
  return port.url !== undefined && port.url === request.url;
}
