/**
 * The channel between the page-world file guard (guard-main.ts) and
 * Casebook's isolated content script (bridge.ts) in the same frame.
 *
 * Both scripts run at document_start, before any script of the page. The
 * guard makes a MessageChannel and hands one port over in a synthetic
 * MessageEvent dispatched on `document`; whichever of the two scripts runs
 * second completes the handshake, synchronously (offer → take → ack), and
 * both then stop listening for it. No page script has run yet, so none can
 * listen for the offer or forge one; afterwards the port is referenced only
 * from the two scripts' closures and its traffic is invisible to the page
 * (a MessagePort is not an event the page can observe). Nothing secret goes
 * over `window.postMessage`.
 */

/** The element the Casebook panel is mounted in (platform/content/start-panel.tsx). */
export const PANEL_TAG = 'casebook-panel';

/** Dispatched by the guard with `ports: [port]`. */
export const GUARD_OFFER = 'casebook-har-guard-offer';
/** Dispatched by the bridge when it starts (asks for an offer) and once it has the port. */
export const GUARD_ASK = 'casebook-har-guard-ask';
export const GUARD_ACK = 'casebook-har-guard-ack';

export type GuardVia = 'input' | 'drop' | 'paste' | 'picker';

/** Guard → bridge: files the page is about to read. */
export interface GuardReview {
  id: number;
  via: GuardVia;
  files: File[];
  /**
   * The agent chose the files (a trusted event) in a file input inside the
   * Casebook panel: its id. The panel gets what the review allows straight
   * from the bridge, in the extension's world (panel-files.ts): a replayed
   * event would be untrusted, and the panel obeys only the agent's events.
   */
  panelInputId?: string;
}

/**
 * Guard → bridge: the agent is about to choose or drop files (a file input
 * focused or clicked, its picker opened, a drag with files entered). Picking
 * a file takes the agent a second or more: the sanitizer starts meanwhile,
 * not after the choice.
 */
export interface GuardWarm {
  warm: true;
}

export type GuardMessage = GuardReview | GuardWarm;

/** Bridge → guard: what the page may have instead. */
export type GuardDecision =
  | { id: number; action: 'pass' }
  | { id: number; action: 'replace'; files: File[] }
  | { id: number; action: 'block' };
