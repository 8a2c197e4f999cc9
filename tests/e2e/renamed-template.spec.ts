/**
 * A lead rebuilds the workflow: every step and field id of the default
 * template renamed (`st-4`, `fd-4-1`…), the sections reordered. Saved through
 * the background's template path like the options page does, it still runs a
 * SEV1 ticket end to end: paging, the status-page record, the request-ID gate,
 * the Jira prefill and every reply find their data by role, not by id.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { renameEveryId } from '../../lib/workflow/testing';
import { expect, test } from './support/extension';
import { openTicket, PanelObject, serveHelpdesk, SITES } from './support/helpdesk';
import { COMPOSERS, configure, fillText, ROUTING_KEY, startStub } from './support/sev1';

const renamed = renameEveryId(DEFAULT_TEMPLATE);
const S = renamed.step;
const F = renamed.field;

/**
 * Open a step's message action, check its preview, insert it into the reply.
 * `unfilled`: the step/field placeholders expected to stay, for fields this
 * story leaves empty; any other one would be a field the message lost.
 */
const SHOWN_WITH_STEP = [
  'Insert first-touch reply',
  'Insert ETA update',
  'Insert fix-shipped note',
];

async function reply(
  page: Page,
  panel: PanelObject,
  stepId: string,
  button: string,
  expected: RegExp[],
  unfilled: Array<[string, string]> = [],
  asked: Record<string, string> = {},
): Promise<void> {
  await panel.expandStep(stepId);
  const step = panel.step(stepId);
  const preview = step.locator('.cb-action-preview textarea');
  // A step's own message (first touch, ETA, fix shipped) shows its draft with the step;
  // the others are asked for.
  if (SHOWN_WITH_STEP.includes(button))
    await expect(step.getByRole('button', { name: button })).toHaveCount(0);
  else await step.getByRole('button', { name: button }).click();
  for (const text of expected) await expect(preview).toHaveValue(text);
  const left = [...(await preview.inputValue()).matchAll(/\{\{\s*((?:st|fd)-[a-z0-9.-]+)\s*\}\}/g)];
  expect(new Set(left.map((m) => m[1]))).toEqual(
    new Set(unfilled.map(([s, f]) => `${S(s)}.${F(s, f)}`)),
  );
  // Nothing goes out with a placeholder in it: each gap is asked for in the preview.
  const insert = step.getByRole('button', { name: 'Insert into reply' });
  const gaps = {
    ...Object.fromEntries(unfilled.map(([s, f]) => [`${S(s)}.${F(s, f)}`, 'n/a'])),
    ...asked,
  };
  await expect(step.locator('input.cb-gap-input')).toHaveCount(Object.keys(gaps).length);
  if (Object.keys(gaps).length > 0) await expect(insert).toBeDisabled();
  for (const [name, value] of Object.entries(gaps)) {
    await step.locator(`input.cb-gap-input[data-placeholder="${name}"]`).fill(value);
  }
  await insert.click();
  await expect(step.getByText('Inserted into the reply.')).toBeVisible();
  // The editor's text has no line breaks: the lines of the first pattern, joined.
  const editor = page.locator(COMPOSERS.zendesk.editor).first();
  await expect(editor).toContainText(new RegExp(expected[0]!.source.replaceAll('\\n', '')));
}

test('a template with every id renamed and its sections reordered runs a SEV1 end to end', async ({
  context,
  extensionPage,
}) => {
  // The whole workflow in one test: longer than the default minute on a shared machine.
  test.setTimeout(150_000);
  const site = SITES.zendesk;
  const ticketId = site.first.id;
  const stub = await startStub();
  try {
    await context.route(/^http:\/\/127\.0\.0\.1:/, (route) => route.continue());
    await context.route('https://acme.atlassian.net/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Jira</title>' }),
    );
    const options = await extensionPage('options.html');
    await configure(options, stub.endpoint, [
      {
        type: 'settings.update',
        patch: {
          integrations: {
            tracker: {
              kind: 'jira',
              site: 'acme.atlassian.net',
              projectId: '10000',
              issueTypeId: '10001',
            },
          },
        },
      },
      { type: 'template.save', template: renamed.template },
    ]);
    // The saved version is the renamed one, and it is the one new runs use.
    const active = await options.evaluate(async () => {
      const { runtime } = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome;
      return (await runtime.sendMessage({ type: 'template.getActive' })) as {
        data: { template: { sections: Array<{ id: string; steps: Array<{ id: string }> }> } };
      };
    });
    const activeSteps = active.data.template.sections.flatMap((s) => s.steps.map((st) => st.id));
    expect(activeSteps).toContain(S('assign-severity'));
    expect(activeSteps).not.toContain('assign-severity');

    await serveHelpdesk(context, site);
    const page = await openTicket(context, site);
    const panel = PanelObject.for(page, site, site.first);
    await panel.ready(site.first.subject, site.first.label);
    // Reordered: the reproduction section now comes before triage.
    const order = await panel.host
      .locator('li.cb-step')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-step-id')));
    expect(order.indexOf(S('collect-repro'))).toBeLessThan(order.indexOf(S('assign-severity')));

    // Triage by the new ids.
    await panel.choose(S('verify-account'), F('verify-account', 'plan'), 'enterprise');
    await panel.choose(S('assign-severity'), F('assign-severity', 'severity'), 'SEV1');
    const impact = 'Exports fail for every Acme user';
    await fillText(panel, S('assign-severity'), F('assign-severity', 'impact'), impact);

    // First touch: the enterprise wording with its SLA.
    await reply(page, panel, S('acknowledge'), 'Insert first-touch reply', [
      /As an Enterprise customer you'll hear from us within 1 hour/,
      /Ana Agent/,
    ]);

    // Paging: the summary is the impact, read by role.
    await panel.expandStep(S('page-sev1'));
    const pageSev1 = panel.step(S('page-sev1'));
    await pageSev1.getByRole('button', { name: 'Page on-call (PagerDuty)' }).click();
    await expect(pageSev1.locator('[data-page-status="accepted"]')).toContainText(
      `dedup key casebook-${site.id}-${ticketId}`,
    );
    expect(stub.events).toHaveLength(1);
    expect(stub.events[0]).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      payload: {
        summary: expect.stringMatching(/^SEV1: Exports fail for every Acme user \(ticket/),
        severity: 'critical',
        custom_details: { plan: 'enterprise' },
      },
    });
    // The posted status-page update lands in the field with the status-page role.
    await pageSev1.getByRole('button', { name: 'I posted it', exact: true }).click();
    await expect(pageSev1.getByText('Recorded the Investigating update.')).toBeVisible();
    await panel.expandStep(S('status-page-updates'));
    await expect(
      panel.option(
        S('status-page-updates'),
        F('status-page-updates', 'last-update'),
        'investigating',
      ),
    ).toBeChecked();

    // The request-ID gate: filing the bug is blocked until the request ID is in.
    await panel.expandStep(S('file-bug'));
    const fileBug = panel.step(S('file-bug'));
    await expect(fileBug.locator('.cb-blocked')).toContainText('request ID');
    await expect(fileBug.getByRole('button', { name: 'File the bug' })).toBeDisabled();
    await fillText(panel, S('collect-repro'), F('collect-repro', 'workspace-id'), 'acme-prod');
    await fillText(panel, S('collect-repro'), F('collect-repro', 'request-id'), 'req_8f3a2b');
    await expect(fileBug.locator('.cb-blocked')).not.toContainText('request ID');

    // The Jira prefill carries the run's repro context.
    const opened = context.waitForEvent('page');
    await fileBug.getByRole('button', { name: 'File in Jira' }).click();
    const jira = new URL((await opened).url());
    expect(jira.host).toBe('acme.atlassian.net');
    expect(jira.searchParams.get('pid')).toBe('10000');
    expect(jira.searchParams.get('summary')).toBe(`[SEV1] ${impact}`);
    // Jira wiki markup, escaped: {{req\_8f3a2b}}.
    expect(jira.searchParams.get('description')).toContain('*Request ID:* {{req\\_8f3a2b}}');
    expect(jira.searchParams.get('description')).toContain('*Workspace ID:* {{acme\\-prod}}');
    const bugUrl = 'https://acme.atlassian.net/browse/ENG-42';
    await fillText(panel, S('file-bug'), F('file-bug', 'bug-url'), bugUrl);
    await expect(
      panel.host.locator(`#cb-${S('file-bug')}--${F('file-bug', 'bug-url')}--input`),
    ).toHaveValue(bugUrl);

    // Every reply, each filled from the renamed fields.
    // The update and the ETA are the agent's words, asked for in the preview.
    await reply(
      page,
      panel,
      S('eta-update'),
      'Insert ETA update',
      [/tracking this as ENG-42/],
      [],
      {
        update: 'we found the cause in the SAML response parser',
        eta: 'We expect a fix on Friday.',
      },
    );
    await expect(page.locator(COMPOSERS.zendesk.editor).first()).toContainText(
      'we found the cause in the SAML response parser',
    );
    await fillText(panel, S('fix-shipped'), F('fix-shipped', 'release-tag'), 'v2026.03.1');
    await reply(
      page,
      panel,
      S('fix-shipped'),
      'Insert fix-shipped note',
      [/production in release v2026\.03\.1\./],
      [['fix-shipped', 'visible-at']],
    );
    await reply(page, panel, S('confirm-fix'), 'Insert confirmation request', [
      /confirm the problem is gone/,
    ]);
    // Not fixed: the enterprise follow-up with its incident summary applies.
    await panel.choose(S('confirm-fix'), F('confirm-fix', 'confirmation'), 'not-fixed');
    await reply(
      page,
      panel,
      S('follow-up'),
      'Draft incident summary',
      [
        new RegExp(`## Impact\\n${impact}\\nSeverity: SEV1`),
        /Fixed in release v2026\.03\.1 \(ENG-42\)/,
      ],
      [
        ['collect-repro', 'occurred-at'],
        ['fix-shipped', 'visible-at'],
        ['close', 'root-cause'],
      ],
      {
        rootCauseDetail: 'A SAML response parser change rejected signed assertions.',
        remediation: 'Parser tests now cover signed assertions.',
      },
    );

    // Closure: blocked until the root cause is tagged; the closing note names it.
    await panel.expandStep(S('close'));
    const close = panel.step(S('close'));
    await expect(close.locator(`#cb-${S('close')}--blocked`)).toContainText('Tag the root cause');
    await panel.choose(S('close'), F('close', 'root-cause'), 'integration');
    // The steps this story did not do (renamed ids too) are listed; skip them with one reason.
    await expect(close.locator('.cb-open-steps button[data-go-to]').first()).toHaveAttribute(
      'data-go-to',
      /^st-/,
    );
    await panel.skipOpenSteps(S('close'), 'Not part of this story');
    await expect(close.locator('.cb-blocked')).toHaveCount(0);
    await reply(page, panel, S('close'), 'Insert closing note', [
      /Root cause: Integration\nBug: ENG-42 https:\/\/acme\.atlassian\.net\/browse\/ENG-42/,
      /Fix: release v2026\.03\.1/,
      /Customer confirmation: Not fixed/,
    ]);
    await close.getByRole('button', { name: 'Mark done', exact: true }).click();
    await expect(close).toHaveAttribute('data-status', 'done');
    expect(stub.events).toHaveLength(1);
  } finally {
    await new Promise<void>((resolve) => stub.server.close(() => resolve()));
  }
});
