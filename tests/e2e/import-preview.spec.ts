/**
 * An imported settings file that weakens protection (here: HAR sanitizing
 * off on Zendesk, an allow-list entry, a new PagerDuty endpoint, a new
 * mapped domain) is shown to the lead and applies only once confirmed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call, expect, FIXTURES_DIR, test } from './support/extension';

test('a weakening import lists what it weakens and applies only after confirmation', async ({
  extensionPage,
}) => {
  const options = await extensionPage('options.html');
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
