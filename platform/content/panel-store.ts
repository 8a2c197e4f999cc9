/**
 * What the mount lifecycle knows about the open ticket, handed to the React
 * container through `useSyncExternalStore`. The lifecycle writes; React reads.
 */
import type { TicketRef } from '../../lib/adapters/types';
import type { TicketSnapshot } from './ticket-watcher';

export interface PanelState {
  ref: TicketRef;
  snapshot: TicketSnapshot;
  /** The ticket's element, where the composer is looked up; null until rendered. */
  root: Element | null;
}

export type PanelCommand = 'toggle' | 'show';

export interface PanelStore {
  get(): PanelState | null;
  set(state: PanelState | null): void;
  subscribe(listener: () => void): () => void;
  /** Commands from the keyboard shortcut and the popup. */
  command(command: PanelCommand): void;
  onCommand(listener: (command: PanelCommand) => void): () => void;
}

export function createPanelStore(): PanelStore {
  let state: PanelState | null = null;
  const listeners = new Set<() => void>();
  const commandListeners = new Set<(command: PanelCommand) => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    command(command) {
      for (const listener of [...commandListeners]) listener(command);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
  };
}
