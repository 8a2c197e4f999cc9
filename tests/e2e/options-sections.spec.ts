/**
 * The options page as a lead uses it: one section on screen at a time, each
 * saving on its own, problems in words next to their field, and a warning
 * before leaving with unsaved edits.
 */
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { call, expect, FIXTURES_DIR, test } from './support/extension';

interface SettingsReply {
  settings: {
    integrations: {
      tracker: Record<string, unknown>;
      pagerDuty: { endpoint: string };
    };
  };
}

const open = (options: Page, section: string) =>
  options.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', {
    name: section,
  });

test('one section on screen at a time, chosen from the navigation', async ({ extensionPage }) => {
  const options = await extensionPage('options.html');
  await expect(options.locator('#helpdesks')).toBeVisible();
  await expect(options.locator('#tracker')).toBeHidden();
  await open(options, 'Bug tracker').click();
  await expect(options.locator('#tracker')).toBeVisible();
  await expect(options.locator('#helpdesks')).toBeHidden();
  await expect(open(options, 'Bug tracker')).toHaveAttribute('aria-current', 'page');
  // Every page holds one Save at most, not nine.
  for (const [label, id] of [
    ['Helpdesks', 'helpdesks'],
    ['Bug tracker', 'tracker'],
    ['Incidents and PagerDuty', 'incidents'],
    ['Targets', 'sla'],
  ] as const) {
    await open(options, label).click();
    await expect(options.locator(`#${id}`)).toBeVisible();
    await expect(options.getByRole('button', { name: 'Save', exact: true })).toHaveCount(1);
  }
  // A section's address opens it directly.
  await options.goto(options.url().replace(/#.*$/, '#incidents'));
  await expect(options.locator('#incidents')).toBeVisible();
});

test('an invalid Jira field does not hold back the PagerDuty endpoint; the problem is worded at its field', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#tracker');
  const tracker = options.locator('#tracker');
  await tracker.getByLabel('Tracker').selectOption('jira');
  const site = tracker.getByLabel('Jira site');
  await site.fill('https://acme.atlassian.net/jira');
  await tracker.getByLabel('Project key').fill('ENG');
  await tracker.getByLabel('Project number').fill('10042');
  await tracker.getByLabel('Issue type number').fill('10004');
  await tracker.getByRole('button', { name: 'Save', exact: true }).click();

  // In words, next to the field, never as a JSON path.
  const wording = 'Jira site: enter a host like acme.atlassian.net (no https://, path or wildcard)';
  await expect(site).toHaveAttribute('aria-invalid', 'true');
  await expect(site).toHaveAccessibleDescription(wording);
  await expect(tracker.getByRole('alert')).toContainText(wording);
  expect(await tracker.textContent()).not.toContain('$.');
  await expect(open(options, 'Bug tracker (not saved)')).toBeVisible();

  // The PagerDuty endpoint, in its own section, saves regardless. (A loopback
  // endpoint needs no host permission prompt, which headless cannot answer.)
  await open(options, 'Incidents and PagerDuty').click();
  const incidents = options.locator('#incidents');
  await incidents.getByLabel('PagerDuty Events API endpoint').fill('http://127.0.0.1:9/v2/enqueue');
  await expect(open(options, 'Incidents and PagerDuty (unsaved)')).toBeVisible();
  await incidents.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(incidents.getByRole('status').first()).toHaveText('Saved.');
  await expect(open(options, 'Incidents and PagerDuty')).toHaveAccessibleName(
    'Incidents and PagerDuty',
  );

  const stored = await call<SettingsReply>(options, { type: 'settings.get' });
  expect(stored.settings.integrations.pagerDuty.endpoint).toBe('http://127.0.0.1:9/v2/enqueue');
  expect(stored.settings.integrations.tracker).toEqual({ kind: 'none' });

  // The refused Jira draft is still there to fix, and then saves.
  await open(options, 'Bug tracker (not saved)').click();
  await expect(site).toHaveValue('https://acme.atlassian.net/jira');
  await site.fill('acme.atlassian.net');
  await tracker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tracker.getByRole('status').first()).toHaveText('Saved.');
  await expect(site).not.toHaveAttribute('aria-invalid', 'true');
  const after = await call<SettingsReply>(options, { type: 'settings.get' });
  expect(after.settings.integrations.tracker).toEqual({
    kind: 'jira',
    site: 'acme.atlassian.net',
    projectKey: 'ENG',
    issueTypeName: 'Bug',
    projectId: '10042',
    issueTypeId: '10004',
  });
  expect(after.settings.integrations.pagerDuty.endpoint).toBe('http://127.0.0.1:9/v2/enqueue');
});

test('Jira by key and type name: the pasted project page fills in the numbers', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#tracker');
  const tracker = options.locator('#tracker');
  await tracker.getByLabel('Tracker').selectOption('jira');
  await tracker.getByLabel('Jira site').fill('acme.atlassian.net');
  await tracker.getByLabel('Project key').fill('ENG');
  await expect(
    tracker.getByRole('link', { name: 'https://acme.atlassian.net/rest/api/3/project/ENG' }),
  ).toBeVisible();
  await tracker.getByLabel('Paste the project page').fill(
    JSON.stringify({
      expand: 'description,lead,issueTypes,url,projectKeys',
      id: '10042',
      key: 'ENG',
      name: 'Engineering',
      issueTypes: [
        { id: '10001', name: 'Task', subtask: false },
        { id: '10004', name: 'Bug', subtask: false },
      ],
    }),
  );
  await tracker.getByRole('button', { name: 'Fill in the numbers' }).click();
  await expect(tracker.getByLabel('Project number')).toHaveValue('10042');
  await expect(tracker.getByLabel('Issue type number')).toHaveValue('10004');
  await tracker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tracker.getByRole('status').first()).toHaveText('Saved.');
});

test('leaving with unsaved edits asks first; after saving it does not', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#agent');
  const dialogs: string[] = [];
  options.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    // Dismissed: "stay on the page".
    void dialog.dismiss();
  });
  const agent = options.locator('#agent');
  const name = agent.getByLabel('Name', { exact: true });
  await name.click();
  await name.pressSequentially('Dana');
  await expect(open(options, 'You (unsaved)')).toBeVisible();
  await options.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  // Still open, the edit still there.
  expect(options.isClosed()).toBe(false);
  await expect(name).toHaveValue('Dana');

  await agent.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(agent.getByRole('status')).toHaveText('Saved.');
  // Nothing anywhere is marked unsaved any more.
  await expect(options.locator('.cb-toc__mark')).toHaveCount(0);
  await options.close({ runBeforeUnload: true });
  await expect.poll(() => options.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});

test('the schedule editor edits every schedule and saves them as the next template version', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#sla-policies');
  const section = options.locator('#sla-policies');
  await expect(section.getByRole('button', { name: 'Remove schedule 1' })).toBeDisabled();
  await section.getByRole('button', { name: 'Add a schedule' }).click();
  await section.getByRole('textbox', { name: 'Schedule 2 name' }).fill('APAC');
  const zone = section.getByRole('textbox', { name: 'Schedule 2 time zone' });
  await zone.fill('Asia/Atlantis');
  await section.getByRole('checkbox', { name: 'Schedule 2 Friday open' }).uncheck();
  await section
    .getByLabel('Import holidays into schedule 2 from an iCalendar (.ics) file')
    .setInputFiles(resolve(FIXTURES_DIR, 'ics/holidays-us.ics'));
  await expect(section.getByRole('status').first()).toContainText('4 holidays read');
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(zone).toHaveAccessibleDescription(
    /^Schedule 2 time zone: enter an IANA time zone such as Europe\/Berlin/,
  );
  await expect(open(options, 'Schedules and policies (not saved)')).toBeVisible();

  await zone.fill('Asia/Singapore');
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section.getByText('Saved as template version 2.')).toBeVisible();
  const active = await call<{
    template: {
      policy: {
        sla: {
          schedules: Array<{
            name: string;
            timeZone: string;
            week: Record<string, unknown>;
            holidays: unknown[];
          }>;
        };
      };
    };
  }>(options, { type: 'template.getActive' });
  const [first, second] = active.template.policy.sla.schedules;
  expect(first).toMatchObject({ name: 'Support hours', timeZone: 'UTC', holidays: [] });
  expect(second).toMatchObject({ name: 'APAC', timeZone: 'Asia/Singapore' });
  expect(second!.week.fri ?? []).toEqual([]);
  expect(second!.holidays).toHaveLength(4);
});
