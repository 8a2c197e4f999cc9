/**
 * An imported settings file that weakens protection (here: HAR sanitizing
 * off on Zendesk, an allow-list entry, a new PagerDuty endpoint, a new
 * mapped domain) is shown to the lead and applies only once confirmed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call, expect, FIXTURES_DIR, test } from './support/extension';
import { syncFromAnotherBrowser } from './support/synced-settings';

test('a weakening import lists what it weakens and applies only after confirmation', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html#import-export');
  const before = await call(options, { type: 'settings.get' });
  const bundle = JSON.parse(
    readFileSync(resolve(FIXTURES_DIR, 'settings/bundle-valid.json'), 'utf8'),
  );
  bundle.settings.helpdesks = { zendesk: { interceptHar: false } };
  bundle.settings.redaction = { allow: ['x-trace-id'] };
  bundle.settings.integrations.pagerDuty = { endpoint: 'https://collector.example.net/enqueue' };

  await options.getByTestId('settings-import-input').setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bundle)),
  });
  const preview = options.getByTestId('import-weakens');
  await expect(preview).toContainText('HAR sanitizing is turned off on zendesk');
  await expect(preview).toContainText('allow-list adds x-trace-id');
  await expect(preview).toContainText('https://collector.example.net/enqueue');
  await expect(preview).toContainText('support.acme-widgets.com');
  expect(await call(options, { type: 'settings.get' })).toEqual(before);

  await preview.getByRole('button', { name: 'Import with these changes' }).click();
  await expect(options.locator('#import-export').getByRole('status')).toContainText(
    'team.json: settings imported',
  );
  const after = await call<{
    settings: { helpdesks: { zendesk: { interceptHar: boolean } }; agent: { name: string } };
  }>(options, { type: 'settings.get' });
  expect(after.settings.helpdesks.zendesk.interceptHar).toBe(false);
  expect(after.settings.agent.name).toBe('Priya Raman');
});

test('a weakening change synced from another browser is held until the lead applies it', async ({
  extensionPage,
}) => {
  type Got = {
    settings: {
      version: number;
      retentionDays: number;
      helpdesks: { zendesk: { interceptHar: boolean } };
      redaction: { allow: string[] };
    };
  };
  const options = await extensionPage('options.html#helpdesks');
  const { settings } = await call<Got>(options, { type: 'settings.get' });

  // Harmless: applies at once, no question.
  await syncFromAnotherBrowser(options, { ...settings, retentionDays: 90 });
  await expect
    .poll(async () => (await call<Got>(options, { type: 'settings.get' })).settings.retentionDays)
    .toBe(90);
  await expect(options.getByTestId('held-sync')).toHaveCount(0);

  // Weakening: held, shown on whichever section is open, applied only on Apply.
  const weakened = structuredClone({ ...settings, retentionDays: 90 });
  weakened.helpdesks.zendesk.interceptHar = false;
  weakened.redaction.allow = ['x-trace-id'];
  await syncFromAnotherBrowser(options, weakened);
  const held = options.getByTestId('held-sync');
  await expect(held).toContainText('synced from another browser');
  await expect(held).toContainText('HAR sanitizing is turned off on zendesk');
  await expect(held).toContainText('allow-list adds x-trace-id');
  const before = await call<Got>(options, { type: 'settings.get' });
  expect(before.settings.helpdesks.zendesk.interceptHar).toBe(true);
  expect(before.settings.redaction.allow).toEqual([]);

  await held.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(held).toHaveCount(0);
  const after = await call<Got>(options, { type: 'settings.get' });
  expect(after.settings.helpdesks.zendesk.interceptHar).toBe(false);
  expect(after.settings.redaction.allow).toEqual(['x-trace-id']);
});
