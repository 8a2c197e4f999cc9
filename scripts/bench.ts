/**
 * `npm run bench [-- name…]`: runs every bench/<name>.bench.ts in turn (or
 * the named ones). Each benchmark prints its own figures and the ratio to a
 * baseline it measures in the same run; none of them is a pass/fail test.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Names pick benchmarks; `--flags` are handed to each (e.g. `npm run bench -- har --no-1gb`).
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const all = readdirSync(resolve(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (chosen.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', resolve(root, 'bench', file), ...flags],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
