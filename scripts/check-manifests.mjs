// Checks the built extensions: each manifest declares the background, the
// popup, the options page and a content script for every helpdesk, every
// content script is within its size budget and free of zod
// (scripts/content-size.mjs), and `web-ext lint` finds no error in the
// Firefox build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentScriptProblems, printContentScriptSizes } from './content-size.mjs';

const root = resolve(import.meta.dirname, '..');
const HELPDESK_HOSTS = {
  zendesk: '*.zendesk.com',
  intercom: 'app.intercom.com',
  helpscout: 'secure.helpscout.net',
};
const problems = [];

function check(name, dir) {
  const file = resolve(root, '.output', dir, 'manifest.json');
  if (!existsSync(file)) {
    problems.push(`${name}: no build at .output/${dir} (run the build first)`);
    return;
  }
  const m = JSON.parse(readFileSync(file, 'utf8'));
  const popup = m.action?.default_popup ?? m.browser_action?.default_popup;
  if (!m.background?.service_worker && !m.background?.scripts?.length)
    problems.push(`${name}: no background`);
  if (!popup) problems.push(`${name}: no popup`);
  if (!m.options_ui?.page && !m.options_page) problems.push(`${name}: no options page`);
  for (const [helpdesk, host] of Object.entries(HELPDESK_HOSTS)) {
    const found = (m.content_scripts ?? []).some((cs) => cs.matches.some((p) => p.includes(host)));
    if (!found) problems.push(`${name}: no content script for ${helpdesk} (${host})`);
  }
  console.log(
    `${name}: manifest v${m.manifest_version}, ${m.content_scripts?.length ?? 0} content scripts, popup ${popup}, options ${m.options_ui?.page ?? m.options_page}`,
  );
}

check('chrome', 'chrome-mv3');
check('firefox', 'firefox-mv3');

printContentScriptSizes(root);
problems.push(...contentScriptProblems(root));

const lint = spawnSync(
  process.execPath,
  [
    resolve(root, 'node_modules/web-ext/bin/web-ext.js'),
    'lint',
    '--source-dir',
    resolve(root, '.output/firefox-mv3'),
    '--output',
    'json',
    '--no-config-discovery',
  ],
  { encoding: 'utf8' },
);
try {
  const report = JSON.parse(lint.stdout);
  console.log(
    `web-ext lint (firefox): ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
  );
  for (const e of report.errors)
    problems.push(`web-ext lint: ${e.code} ${e.message} ${e.file ?? ''}`);
  for (const w of report.warnings) console.log(`  warning: ${w.code} ${w.message} ${w.file ?? ''}`);
} catch {
  problems.push(`web-ext lint did not produce a report: ${lint.stderr || lint.stdout}`);
}

if (problems.length) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'));
  process.exit(1);
}
console.log('manifests: ok');
