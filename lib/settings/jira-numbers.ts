/**
 * Jira's create-issue link (`/secure/CreateIssueDetails!init.jspa`) takes the
 * project and the issue type only as numbers (`pid`, `issuetype`; Atlassian's
 * "creating issues via direct HTML links", market.md "Exact formats"): it has
 * no parameter for a project key or an issue type name. Leads know the key
 * (ENG) and the name (Bug), so the options page opens Jira's own description
 * of the project, `/rest/api/3/project/<KEY>`, in the lead's signed-in tab;
 * the lead pastes that page here and this picks the two numbers. Casebook
 * itself never calls Jira (no credentials, no extra host permission).
 *
 * Pure TypeScript: no browser API.
 */

export function jiraProjectPageUrl(site: string, projectKey: string): string | undefined {
  const host = site
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  const key = projectKey.trim().toUpperCase();
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) || !/^[A-Z][A-Z0-9_]{0,9}$/.test(key)) return;
  return `https://${host}/rest/api/3/project/${encodeURIComponent(key)}`;
}

export type JiraNumbers =
  | { ok: true; projectId: string; issueTypeId: string; projectName?: string }
  | { ok: false; message: string };

interface ProjectPage {
  id?: unknown;
  key?: unknown;
  name?: unknown;
  issueTypes?: Array<{ id?: unknown; name?: unknown; subtask?: unknown }>;
}

/** The project and issue-type numbers from the pasted project page, checked against key and name. */
export function jiraNumbersFromProjectPage(
  text: string,
  projectKey: string,
  issueTypeName: string,
): JiraNumbers {
  let page: ProjectPage;
  try {
    page = JSON.parse(text) as ProjectPage;
  } catch {
    return {
      ok: false,
      message:
        'That is not the project page: paste everything the opened tab shows (it starts with {"expand":…).',
    };
  }
  if (typeof page !== 'object' || page === null || typeof page.id !== 'string') {
    return {
      ok: false,
      message: 'That page has no project "id": open the link above and paste it all.',
    };
  }
  const key = projectKey.trim().toUpperCase();
  if (typeof page.key === 'string' && key && page.key.toUpperCase() !== key) {
    return {
      ok: false,
      message: `That page is project ${page.key}, not ${key}: open the link for ${key}.`,
    };
  }
  if (!/^\d{1,12}$/.test(page.id)) {
    return { ok: false, message: `The project "id" on that page (${page.id}) is not a number.` };
  }
  const types = (page.issueTypes ?? []).filter(
    (t): t is { id: string; name: string } =>
      typeof t.id === 'string' && typeof t.name === 'string',
  );
  const wanted = issueTypeName.trim().toLowerCase();
  const type = types.find((t) => t.name.trim().toLowerCase() === wanted);
  if (!type || !/^\d{1,12}$/.test(type.id)) {
    const names = types.map((t) => t.name).join(', ');
    return {
      ok: false,
      message: names
        ? `Project ${page.key ?? key} has no issue type “${issueTypeName.trim()}”. Its types: ${names}.`
        : 'That page lists no issue types: open the link above while signed in to Jira.',
    };
  }
  return {
    ok: true,
    projectId: page.id,
    issueTypeId: type.id,
    ...(typeof page.name === 'string' ? { projectName: page.name } : {}),
  };
}
