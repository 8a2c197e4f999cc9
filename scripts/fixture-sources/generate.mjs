// Writes the independently written fixture pages into tests/fixtures/:
//   node scripts/fixture-sources/generate.mjs
// One source per page family, so the English, German and Japanese pages of
// a family differ only in the helpdesk's own words.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpscout2026 } from './helpscout-2026.mjs';
import { helpscoutNarrow } from './helpscout-narrow.mjs';
import { intercom2026 } from './intercom-2026.mjs';
import { intercomNarrow } from './intercom-narrow.mjs';
import { LOCALES } from './locales.mjs';
import { zendesk2026 } from './zendesk-2026.mjs';
import { zendeskNarrow } from './zendesk-narrow.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../../tests/fixtures');
const pages = {
  'zendesk/narrow-long.html': zendeskNarrow(),
  'intercom/narrow-lazy.html': intercomNarrow(),
  'helpscout/narrow-long.html': helpscoutNarrow(),
};
for (const [code, L] of Object.entries(LOCALES)) {
  const suffix = code === 'en' ? '' : `-${code}`;
  pages[`zendesk/agent-2026${suffix}.html`] = zendesk2026(L);
  pages[`intercom/inbox-2026${suffix}.html`] = intercom2026(L);
  pages[`helpscout/inbox-2026${suffix}.html`] = helpscout2026(L);
}
for (const [file, html] of Object.entries(pages)) writeFileSync(resolve(root, file), html);
console.log(`wrote ${Object.keys(pages).length} pages`);
