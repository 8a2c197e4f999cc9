/**
 * Which tracker the settings select, for the step words (`{{tracker}}`):
 * read once and again whenever the settings change.
 */
import { useEffect, useState } from 'react';
import type { TrackerKind } from '../../lib/workflow/step-words';
import { send, subscribe } from '../messaging/content-client';

export function useTrackerKind(): TrackerKind | undefined {
  const [kind, setKind] = useState<TrackerKind>();
  useEffect(() => {
    let live = true;
    const load = () =>
      send({ type: 'settings.get' })
        .then((reply) => {
          if (live) setKind(reply.settings.integrations.tracker.kind);
        })
        // Until the settings answer, step text reads as if no tracker were chosen.
        .catch((error: unknown) => console.warn('[casebook] could not read the tracker', error));
    void load();
    const unsubscribe = subscribe({ kind: 'settings' }, () => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return kind;
}
