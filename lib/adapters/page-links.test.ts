// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { queryAllDeep } from './dom';
import { detectTicket } from './registry';
import { loadPage, type LoadedPage } from './testing/load-page';
import { readPageLinks } from './page-links';
import type { FixtureKey } from './testing/fixture-pages';

const JIRA = 'https://acme.atlassian.net/browse/ENG-123';
const GITHUB = 'https://github.com/acme/api/issues/7';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function open(key: FixtureKey) {
  page = await loadPage(key);
  const { adapter, ref } = detectTicket(page.window.location.href)!;
  const root = adapter.ticketRoot(page.document, ref)!;
  const composer = () => adapter.findComposer(root, page!.document).editor;
  return { adapter, root, composer, read: () => readPageLinks(adapter.id, root, composer()) };
}

describe('links agents wrote on the ticket page', () => {
  it('Zendesk: a link in an internal note and one typed in the composer; none from customer messages', async () => {
    const { root, composer, read } = await open('zendesk/ticket');
    expect(read()).toEqual([]);
    const note = Array.from(
      root.querySelectorAll('article[data-test-id="omni-log-comment-item"]'),
    ).find((a) => a.querySelector('[data-test-id="omni-log-internal-note-tag"]'))!;
    note.querySelector('.zd-comment')!.append(` Filed ${JIRA}.`);
    const customer = root.querySelector(
      '[data-test-id="omni-log-item-message"][type="end-user"] .zd-comment',
    )!;
    customer.append(` Upstream: ${GITHUB}`);
    composer()!.innerHTML = `<p>Tracking it in</p><p>${JIRA.replace('123', '124')}</p><p>Thanks</p>`;
    expect(read()).toEqual([
      { where: 'note', url: JIRA },
      { where: 'composer', url: 'https://acme.atlassian.net/browse/ENG-124' },
    ]);
  });

  it('Intercom: a note part in the shadow-rooted stream, its link by href', async () => {
    const { root, read } = await open('intercom/inbox-2026');
    expect(read()).toEqual([]);
    const [target] = queryAllDeep(root, '[data-part-group-category="4"] .prose');
    target!.insertAdjacentHTML(
      'beforeend',
      ` <a href="https://linear.app/acme/issue/ENG-9/webhooks">ENG-9</a>`,
    );
    expect(read()).toEqual([
      { where: 'note', url: 'https://linear.app/acme/issue/ENG-9/webhooks' },
    ]);
  });

  it('Help Scout: a note whose body is a srcdoc frame', async () => {
    const { root, read } = await open('helpscout/inbox-2026');
    const frame = root.querySelector('[data-thread-type="note"] iframe')!;
    frame.setAttribute('srcdoc', `<p>Bug: <a href='${JIRA}'>ENG-123</a></p>`);
    expect(read()).toEqual([{ where: 'note', url: JIRA }]);
  });
});
