/**
 * What the mount lifecycle knows about the open ticket, handed to the React
 * container through `useSyncExternalStore`. The lifecycle writes; React reads.
 */
import type { TicketRef } from '../../lib/adapters/types';
import type { PanelNotice } from '../../components/panel/types';
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
  /** Notices for the agent (a HAR sanitized or blocked); newest first, a few at most. */
  notices(): PanelNotice[];
  /** Adds a notice, or replaces the one with the same id. */
  notify(notice: PanelNotice): void;
  dismiss(id: string): void;
}

const MAX_NOTICES = 4;

export function createPanelStore(): PanelStore {
  let state: PanelState | null = null;
  // Replaced, never mutated: useSyncExternalStore compares by reference.
  let notices: PanelNotice[] = [];
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of [...listeners]) listener();
  };
  const commandListeners = new Set<(command: PanelCommand) => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      emit();
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
    notices: () => notices,
    notify(notice) {
      notices = [notice, ...notices.filter((n) => n.id !== notice.id)].slice(0, MAX_NOTICES);
      emit();
    },
    dismiss(id) {
      notices = notices.filter((n) => n.id !== id);
      emit();
    },
  };
}
