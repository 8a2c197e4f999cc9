/**
 * Jira Cloud settings: site, project key and issue type, the numbers the
 * create-issue link needs (read from a pasted project page, or typed), and
 * optional priority numbers per severity.
 */
import { useState } from 'react';
import { jiraNumbersFromProjectPage, jiraProjectPageUrl } from '../../lib/settings/jira-numbers';
import type { Settings } from '../../lib/settings/schema';
import { SEVERITIES } from '../../lib/workflow/schema';
import { Field } from './common';
import { TextInput } from './TextInput';

type JiraTracker = Extract<Settings['integrations']['tracker'], { kind: 'jira' }>;

export function JiraFields({
  tracker,
  onChange,
}: {
  tracker: JiraTracker;
  onChange: (t: JiraTracker) => void;
}) {
  const [pasted, setPasted] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const pageUrl = jiraProjectPageUrl(tracker.site, tracker.projectKey ?? '');
  return (
    <>
      <TextInput
        label="Jira site"
        name="integrations.tracker.site"
        placeholder="acme.atlassian.net"
        value={tracker.site}
        onChange={(site) => onChange({ ...tracker, site })}
      />
      <div className="cb-grid">
        <TextInput
          label="Project key"
          name="integrations.tracker.projectKey"
          placeholder="ENG"
          hint="As in ENG-123."
          value={tracker.projectKey ?? ''}
          onChange={(projectKey) => onChange({ ...tracker, projectKey })}
        />
        <TextInput
          label="Issue type"
          name="integrations.tracker.issueTypeName"
          placeholder="Bug"
          value={tracker.issueTypeName ?? ''}
          onChange={(issueTypeName) => onChange({ ...tracker, issueTypeName })}
        />
      </div>
      <fieldset className="cb-group" aria-describedby="jira-numbers-why">
        <legend>Numbers the create link needs</legend>
        <p className="cb-field__hint" id="jira-numbers-why">
          Jira’s create-issue link accepts the project and the issue type only as numbers, not as
          key or name.
        </p>
        <div className="cb-grid">
          <TextInput
            label="Project number"
            name="integrations.tracker.projectId"
            placeholder="10042"
            value={tracker.projectId}
            onChange={(projectId) => onChange({ ...tracker, projectId })}
          />
          <TextInput
            label="Issue type number"
            name="integrations.tracker.issueTypeId"
            placeholder="10004"
            value={tracker.issueTypeId}
            onChange={(issueTypeId) => onChange({ ...tracker, issueTypeId })}
          />
        </div>
        <details className="cb-howto" open={!tracker.projectId || !tracker.issueTypeId}>
          <summary>Where to find the numbers</summary>
          <ol>
            <li>
              Fill in the site and project key above, then open{' '}
              {pageUrl ? (
                <a href={pageUrl} target="_blank" rel="noreferrer">
                  {pageUrl}
                </a>
              ) : (
                <code>https://SITE/rest/api/3/project/KEY</code>
              )}{' '}
              while signed in to Jira. The tab shows the project as text.
            </li>
            <li>
              Select all of it (Ctrl+A or ⌘A), copy, and paste it below. Casebook reads the
              project’s <code>"id"</code> and the <code>"id"</code> of the issue type named above.
            </li>
            <li>
              Or read them yourself: the first <code>"id"</code> on that page is the project number;
              under <code>"issueTypes"</code>, the <code>"id"</code> next to{' '}
              <code>"name": "{tracker.issueTypeName || 'Bug'}"</code> is the issue type number. Jira
              admins also see the issue type number at the end of the address (
              <code>?id=10004</code>) when editing it under Settings → Issues → Issue types.
            </li>
          </ol>
          <Field label="Paste the project page">
            {(id) => (
              <textarea
                id={id}
                rows={3}
                className="cb-code"
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
              />
            )}
          </Field>
          <div className="cb-inline">
            <button
              type="button"
              className="cb-button"
              disabled={!pasted.trim()}
              onClick={() => {
                const r = jiraNumbersFromProjectPage(
                  pasted,
                  tracker.projectKey ?? '',
                  tracker.issueTypeName || 'Bug',
                );
                if (!r.ok) return setNote({ ok: false, text: r.message });
                onChange({ ...tracker, projectId: r.projectId, issueTypeId: r.issueTypeId });
                setPasted('');
                setNote({
                  ok: true,
                  text: `Filled in: project ${r.projectName ?? tracker.projectKey ?? ''} is ${r.projectId}, ${tracker.issueTypeName || 'Bug'} is ${r.issueTypeId}. Save to keep them.`,
                });
              }}
            >
              Fill in the numbers
            </button>
            {note && (
              <span
                role={note.ok ? 'status' : 'alert'}
                className={note.ok ? '' : 'cb-field__error'}
              >
                {note.text}
              </span>
            )}
          </div>
        </details>
      </fieldset>
      <details className="cb-howto">
        <summary>Priority per severity (optional)</summary>
        <p className="cb-field__hint">
          Empty uses Jira’s stock numbers: 1 Highest, 2 High, 3 Medium, 4 Low.
        </p>
        <div className="cb-grid">
          {SEVERITIES.map((sev) => (
            <TextInput
              key={sev}
              label={`Priority number for ${sev}`}
              name={`integrations.tracker.priorityIds.${sev}`}
              value={tracker.priorityIds?.[sev] ?? ''}
              onChange={(v) => {
                const priorityIds = { ...tracker.priorityIds };
                if (v) priorityIds[sev] = v;
                else delete priorityIds[sev];
                onChange({ ...tracker, priorityIds });
              }}
            />
          ))}
        </div>
      </details>
    </>
  );
}
