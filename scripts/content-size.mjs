// The JS a helpdesk ticket page gets injected, measured on the built
// extensions: each content script is one self-contained file (WXT builds them
// as IIFEs, no chunks), so its gzip size is what the page pays. Held to a
// budget of 100 KB gzip per script (back from 104 since the panel runs on
// Preact's compat layer on the page, ~47 KB; see wxt.config.ts), and checked to carry no zod (the
// background router validates every message; see eslint.config.js).
//
// Also reports what loads later, on demand and off the page: the hidden HAR
// sanitizer frame (an extension page with its own worker), opened only when
// the agent attaches a .har.
//
//   node scripts/content-size.mjs    # prints the figures, exits 1 over budget
// scripts/check-manifests.mjs runs the same check after both builds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_KB = 100;
export const BUILDS = [
  { name: 'chrome', dir: 'chrome-mv3' },
  { name: 'firefox', dir: 'firefox-mv3' },
];
/** Every zod v4 schema object carries this property; minifiers keep property names. */
const ZOD_MARKER = '_zod';

const gzipBytes = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Each built content script: raw and gzip bytes, and whether zod is in it. */
export function measureContentScripts(root, dir) {
  const scripts = resolve(root, '.output', dir, 'content-scripts');
  if (!existsSync(scripts)) return undefined;
  return readdirSync(scripts)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(resolve(scripts, file));
      return {
        file,
        raw: bytes.length,
        gzip: gzipBytes(bytes),
        hasZod: bytes.includes(ZOD_MARKER),
      };
    });
}

/**
 * The HAR sanitizer frame's JS, loaded only when a .har is attached: the
 * page's module scripts and preloads, and the worker they start.
 */
export function measureSanitizerFrame(root, dir) {
  const base = resolve(root, '.output', dir);
  const html = resolve(base, 'har-sanitizer.html');
  if (!existsSync(html)) return undefined;
  const files = new Set(
    [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]),
  );
  for (const file of [...files]) {
    const text = readFileSync(resolve(base, file), 'utf8');
    for (const m of text.matchAll(/\/(assets\/worker-[\w-]+\.js)/g)) files.add(m[1]);
  }
  let page = 0;
  let worker = 0;
  for (const file of files) {
    const size = gzipBytes(readFileSync(resolve(base, file)));
    if (file.startsWith('assets/worker-')) worker += size;
    else page += size;
  }
  return { page, worker };
}

/** Problems with the content scripts of the builds present; empty when all are within budget. */
export function contentScriptProblems(root) {
  const problems = [];
  for (const build of BUILDS) {
    const sizes = measureContentScripts(root, build.dir);
    if (!sizes) {
      problems.push(`${build.name}: no content scripts at .output/${build.dir} (build first)`);
      continue;
    }
    for (const s of sizes) {
      if (s.gzip > CONTENT_SCRIPT_BUDGET_KB * 1024) {
        problems.push(
          `${build.name}: content-scripts/${s.file} is ${(s.gzip / 1024).toFixed(1)} KB gzip, over the ${CONTENT_SCRIPT_BUDGET_KB} KB budget`,
        );
      }
      if (s.hasZod) {
        problems.push(
          `${build.name}: content-scripts/${s.file} contains zod (see eslint.config.js: type-only imports of the schemas)`,
        );
      }
    }
  }
  return problems;
}

export function printContentScriptSizes(root) {
  for (const build of BUILDS) {
    const sizes = measureContentScripts(root, build.dir);
    if (!sizes) continue;
    for (const s of sizes) {
      console.log(
        `${build.name}: content-scripts/${s.file.padEnd(14)} ${(s.raw / 1024).toFixed(1).padStart(6)} KB raw ${(s.gzip / 1024).toFixed(1).padStart(6)} KB gzip (budget ${CONTENT_SCRIPT_BUDGET_KB} KB)`,
      );
    }
    const frame = measureSanitizerFrame(root, build.dir);
    if (frame) {
      console.log(
        `${build.name}: on demand, only when a .har is attached, in the extension's own frame: sanitizer page ${(frame.page / 1024).toFixed(1)} KB + worker ${(frame.worker / 1024).toFixed(1)} KB gzip`,
      );
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(import.meta.dirname, '..');
  printContentScriptSizes(root);
  const problems = contentScriptProblems(root);
  if (problems.length) {
    console.error(problems.map((p) => `✗ ${p}`).join('\n'));
    process.exit(1);
  }
  console.log('content scripts: within budget');
}
