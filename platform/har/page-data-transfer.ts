/**
 * Firefox's way of handing a sanitized drop or paste back to the page.
 * Firefox tags each DataTransfer item with the principal that added it and
 * hides a content script's items from the page: a drop replayed with a
 * DataTransfer the content script filled reaches the page's handler with no
 * files. Here the DataTransfer is made and filled through the page's own
 * objects (`wrappedJSObject`: calls through it run in the page's
 * compartment), so its items belong to the page; no script is injected, so
 * the page's CSP has nothing to refuse.
 */

/** The fields of a Firefox content script's view of a page object, with the waiver. */
interface Waived {
  wrappedJSObject?: Record<string, unknown>;
}

export interface PageTransfer {
  files: File[];
  /** The original event's string items (text, html, uris), as [type, value]. */
  strings: Array<[string, string]>;
}

/** A DataTransfer whose items the page may read, or undefined outside Firefox. */
export function pageDataTransfer(win: Window, transfer: PageTransfer): DataTransfer | undefined {
  const page = (win as unknown as Waived).wrappedJSObject;
  if (!page) return undefined;
  const PageDataTransfer = page.DataTransfer as new () => DataTransfer & Waived;
  const data = new PageDataTransfer();
  const items = data.items;
  for (const file of transfer.files) items.add(file);
  for (const [type, value] of transfer.strings) {
    try {
      data.setData(type, value);
    } catch {
      // A type a synthetic DataTransfer refuses: the files are what matter.
    }
  }
  return data;
}
