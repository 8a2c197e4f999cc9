/**
 * Team mode (optional): connect this browser to the team's server with an
 * access token a lead created. Connecting asks for access to the server's
 * origin inside the click. Leads also publish the workflow template and
 * choose which ticket facts and fields never leave an agent's browser.
 */
import { useState } from 'react';
import type { TeamStatusData } from '../../lib/messaging/team';
import type { PrivacyPolicy } from '../../lib/team/protocol';
import { Section, linesToList } from './common';

export interface TeamSectionProps {
  status: TeamStatusData | undefined;
  privacy: PrivacyPolicy | undefined;
  /** Called from the click: asks for the host permission, then connects. */
  onConnect: (url: string, token: string) => Promise<string | undefined>;
  onDisconnect: () => Promise<void>;
  onPublish: () => Promise<string>;
  onSavePrivacy: (privacy: PrivacyPolicy) => Promise<string>;
}

const STATE_TEXT: Record<TeamStatusData['state'], string> = {
  off: 'Not connected: Casebook works on its own in this browser.',
  connecting: 'Connecting…',
  live: 'Connected',
  offline: 'Offline: changes wait here and are sent when the server is back.',
};

export function TeamSection({
  status,
  privacy,
  onConnect,
  onDisconnect,
  onPublish,
  onSavePrivacy,
}: TeamSectionProps) {
  const [url, setUrl] = useState(status?.url ?? 'http://127.0.0.1:8787');
  const [token, setToken] = useState('');
  const [result, setResult] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [privateText, setPrivateText] = useState<string | undefined>();
  const lead = status?.agent?.role === 'lead';
  const connected = status !== undefined && status.state !== 'off';
  const privateLines =
    privateText ??
    [...(privacy?.ticketFacts ?? []).map((f) => `ticket.${f}`), ...(privacy?.fields ?? [])].join(
      '\n',
    );

  const connect = () => {
    setBusy(true);
    // No await before onConnect: the permission prompt needs the click.
    void onConnect(url, token.trim()).then((error) => {
      setBusy(false);
      setResult(error);
      if (!error) setToken('');
    });
  };

  return (
    <Section
      id="team"
      title="Team"
      description="Optional. Share runs with your team through a Casebook team server: run events and ticket facts are sent; HAR files and attachments never are, nor fields your lead marks private."
    >
      <p className="cb-team__state" data-testid="team-state" role="status">
        {STATE_TEXT[status?.state ?? 'off']}
        {status?.agent
          ? ` as ${status.agent.name} (${status.agent.role}, team ${status.agent.team})`
          : ''}
        {status?.url && status.state !== 'off' ? ` — ${status.url}` : ''}
        {status && status.pending > 0
          ? ` · ${status.pending} change${status.pending === 1 ? '' : 's'} waiting to be sent`
          : ''}
      </p>
      {status?.message && status.state === 'offline' && (
        <p className="cb-problems">{status.message}</p>
      )}
      <label className="cb-field">
        <span>Team server URL</span>
        <input
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://casebook.example.com"
        />
      </label>
      <label className="cb-field">
        <span>Access token</span>
        <input
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder={connected ? 'Stored; paste a new one to replace it' : 'cbk_…'}
        />
      </label>
      <div className="cb-actions">
        <button
          type="button"
          onClick={connect}
          disabled={busy || !url.trim() || token.trim().length < 8}
        >
          Connect
        </button>
        {connected && (
          <button type="button" onClick={() => void onDisconnect()}>
            Disconnect
          </button>
        )}
        {lead && (
          <button type="button" onClick={() => void onPublish().then(setResult)}>
            Publish the workflow template to the team
          </button>
        )}
      </div>
      {result && <p role="alert">{result}</p>}
      {lead && (
        <div className="cb-team__privacy">
          <label className="cb-field">
            <span>
              Kept in each agent&apos;s browser (one per line: ticket.requesterEmail, or
              stepId/fieldId)
            </span>
            <textarea
              rows={3}
              value={privateLines}
              onChange={(e) => setPrivateText(e.target.value)}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              const lines = linesToList(privateLines);
              void onSavePrivacy({
                ticketFacts: lines.filter((l) => l.startsWith('ticket.')).map((l) => l.slice(7)),
                fields: lines.filter((l) => !l.startsWith('ticket.')),
              }).then(setResult);
            }}
          >
            Save private fields
          </button>
        </div>
      )}
    </Section>
  );
}
