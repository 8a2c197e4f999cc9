/**
 * The panel's one copy of the settings: read once per page and again when
 * the background says they changed, shared by everything in the panel (the
 * helpdesk switch, the agent, the tracker's words, the actions). Before, each
 * of them asked on its own and the actions' copy never heard of a change.
 */
import { useSyncExternalStore } from 'react';
import type { ReplyData } from '../../lib/messaging/protocol';
import { send, subscribe } from '../messaging/content-client';

export type PanelSettings = ReplyData<'settings.get'>;

export interface PanelSettingsSource {
  /** The settings as last read; undefined until the first answer (or if none came). */
  current(): PanelSettings | undefined;
  /** Settles with the first answer, or undefined when the background did not answer. */
  first: Promise<PanelSettings | undefined>;
  onChange(listener: () => void): () => void;
  stop(): void;
}

export function createPanelSettings(
  onError: (error: unknown) => void = (error) =>
    console.warn('[casebook] could not read settings', error),
): PanelSettingsSource {
  let current: PanelSettings | undefined;
  let stopped = false;
  const listeners = new Set<() => void>();
  const load = () =>
    send({ type: 'settings.get' }).then(
      (reply) => {
        if (stopped) return reply;
        current = reply;
        for (const listener of [...listeners]) listener();
        return reply;
      },
      (error: unknown) => {
        onError(error);
        return undefined;
      },
    );
  const first = load();
  const unsubscribe = subscribe({ kind: 'settings' }, () => void load());
  return {
    current: () => current,
    first,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      unsubscribe();
      listeners.clear();
    },
  };
}

export function usePanelSettings(source: PanelSettingsSource): PanelSettings | undefined {
  return useSyncExternalStore(source.onChange, source.current);
}
