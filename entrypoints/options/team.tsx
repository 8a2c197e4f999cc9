/**
 * The Team section's container: asks for the server's origin inside the
 * Connect click, then has the background check the token and start syncing;
 * polls the connection state while the page is open.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from '#imports';
import { TeamSection } from '../../components/options/TeamSection';
import type { TeamStatusData } from '../../lib/messaging/team';
import type { PrivacyPolicy } from '../../lib/team/protocol';
import { isLoopbackEndpoint, originPattern } from '../../lib/settings/pagerduty-access';
import { send } from '../../platform/messaging/client';
import { errorMessage } from '../../lib/errors';

const POLL_MS = 2_000;

export function TeamSettings() {
  const [status, setStatus] = useState<TeamStatusData | undefined>();
  const [privacy, setPrivacy] = useState<PrivacyPolicy | undefined>();

  const refresh = useCallback(async () => {
    try {
      const { privacy: p, ...s } = await send({ type: 'team.status' });
      setStatus(s);
      setPrivacy(p);
    } catch (error) {
      console.warn('[casebook] team status failed', error);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <TeamSection
      status={status}
      privacy={privacy}
      onConnect={async (url, token) => {
        let pattern: string | undefined;
        try {
          pattern = isLoopbackEndpoint(url) ? undefined : originPattern(url);
        } catch {
          return `"${url}" is not a URL.`;
        }
        // A loopback server needs no host permission (its CORS admits the extension).
        const granted = pattern
          ? browser.permissions.request({ origins: [pattern] }).catch(() => false)
          : Promise.resolve(true);
        if (!(await granted)) return `Casebook needs access to ${url} to reach the team server.`;
        try {
          setStatus(await send({ type: 'team.connect', url, token }));
          void refresh();
          return undefined;
        } catch (error) {
          return `Could not connect: ${errorMessage(error)}`;
        }
      }}
      onDisconnect={async () => setStatus(await send({ type: 'team.disconnect' }))}
      onPublish={async () => {
        try {
          const { template } = await send({ type: 'team.publishTemplate' });
          return `Published "${template.name}" version ${template.version} to the team.`;
        } catch (error) {
          return `Could not publish: ${errorMessage(error)}`;
        }
      }}
      onSavePrivacy={async (next) => {
        try {
          setPrivacy((await send({ type: 'team.setPrivacy', privacy: next })).privacy);
          return 'Saved: these stay in each agent’s browser.';
        } catch (error) {
          return `Could not save: ${errorMessage(error)}`;
        }
      }}
    />
  );
}
