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

/**
 * A script-made click that is not cancelable (`dispatchEvent(new
 * MouseEvent('click'))` without `cancelable: true`) still runs the control's
 * activation behaviour: a radio or checkbox flips, and the browser then fires
 * *trusted* `input` and `change` events (a submit button, a trusted
 * `submit`). Handlers that listen to `change` (Preact does, unlike React)
 * would act on them. So while such a click is being dispatched, those
 * follow-up events are stopped too, and the toggles are put back to what the
 * view rendered: `data-checked` (the browser flips `checked` before any
 * listener runs, so the state before the click is not in the DOM).
 */
const ACTIVATION_FOLLOW_UPS = new Set(['input', 'change', 'submit']);
const TOGGLES = 'input[type="radio"], input[type="checkbox"]';

/** Install the guard on `root` (the panel's shadow root); returns its removal. */
export function acceptTrustedEventsOnly(root: EventTarget & ParentNode): () => void {
  let activationRestore: (() => void) | undefined;

  const guard = (event: Event) => {
    if (event.isTrusted) {
      if (activationRestore && ACTIVATION_FOLLOW_UPS.has(event.type)) {
        event.stopImmediatePropagation();
      }
      return;
    }
    event.stopImmediatePropagation();
    event.preventDefault();
    if (event.type === 'click' && !event.cancelable && !activationRestore) {
      activationRestore = () => {
        for (const toggle of root.querySelectorAll<HTMLInputElement>(TOGGLES)) {
          const rendered = toggle.dataset['checked'];
          if (rendered !== undefined) toggle.checked = rendered === 'true';
        }
        activationRestore = undefined;
      };
      // The activation behaviour and its events run synchronously after this
      // dispatch; the microtask runs once the page script's call returns.
      queueMicrotask(() => activationRestore?.());
    }
  };

  for (const type of GUARDED_EVENTS) root.addEventListener(type, guard, { capture: true });
  return () => {
    for (const type of GUARDED_EVENTS) root.removeEventListener(type, guard, { capture: true });
  };
}
