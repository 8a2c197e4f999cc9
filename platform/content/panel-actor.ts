/** Who the panel records changes as. */
import { useEffect, useMemo, useState } from 'react';
import type { HelpdeskAdapter } from '../../lib/adapters/types';
import type { Actor } from '../../lib/workflow/schema';
import { send } from '../messaging/content-client';
import type { PanelSettings } from './panel-settings';

export const FALLBACK_ACTOR: Actor = { name: 'Agent' };

/** Who this browser's changes are recorded as: the options page's agent, else what the page showed. */
export function useActor(adapter: HelpdeskAdapter, reply: PanelSettings | undefined): Actor {
  const [seen, setSeen] = useState<Actor>();
  const configured = reply?.settings.agent;
  const suggested = reply?.agentSuggestion;
  const unconfigured = reply !== undefined && !configured?.name;
  useEffect(() => {
    if (!unconfigured) return;
    // Offer the signed-in agent the page shows to the options page.
    const agent = adapter.readAgent?.(document);
    if (!agent?.name) return;
    setSeen({ name: agent.name, ...(agent.email ? { email: agent.email } : {}) });
    send({
      type: 'settings.suggestAgent',
      name: agent.name,
      ...(agent.email ? { email: agent.email } : {}),
      helpdesk: adapter.id,
    }).catch((error: unknown) =>
      console.warn(`[casebook:${adapter.id}] could not offer the agent to settings`, error),
    );
  }, [adapter, unconfigured]);
  const name = configured?.name || suggested?.name || seen?.name;
  const email = configured?.name
    ? configured.email
    : suggested?.name
      ? suggested.email
      : seen?.email;
  return useMemo(
    () => (name ? { name, ...(email ? { email } : {}) } : FALLBACK_ACTOR),
    [name, email],
  );
}
