/**
 * The panel obeys only the agent. Its host sits in the helpdesk page with an
 * open shadow root, so a page script can reach its buttons and fields and
 * dispatch events at them (`button.click()`, `dispatchEvent(new
 * MouseEvent(…))`); those events have `isTrusted === false`, while
 * everything the agent does with mouse, keyboard or touch is trusted.
 *
 * One capture listener per event type on the shadow root stops untrusted
 * events before any of the panel's (React's) handlers see them: React
 * listens on its root container, which is inside the shadow root, so it
 * never hears them, whichever handler a later change adds.
 */

/** Every event a panel control acts on. Focus and scroll are harmless and left alone. */
export const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
  'paste',
  'cut',
  'drop',
  'dragstart',
] as const;

function stopUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** Install the guard on `root` (the panel's shadow root); returns its removal. */
export function acceptTrustedEventsOnly(root: EventTarget): () => void {
  for (const type of GUARDED_EVENTS) root.addEventListener(type, stopUntrusted, { capture: true });
  return () => {
    for (const type of GUARDED_EVENTS) {
      root.removeEventListener(type, stopUntrusted, { capture: true });
    }
  };
}
