#!/usr/bin/env node
/**
 * `node scripts/parallel.mjs a b c` runs `npm run a`, `npm run b`, … at the
 * same time and prints each one's output whole once it ends (not
 * interleaved), in the order given. Exits non-zero if any failed, naming it.
 * For checks that do not depend on each other and write nothing (types, lint):
 * on the 2-core CI machine they overlap instead of queueing.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/parallel.mjs <npm script> [<npm script> …]');
  process.exit(2);
}

const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('error', (error) => resolve({ script, code: 1, output, error, started }));
      child.on('close', (code) => resolve({ script, code: code ?? 1, output, started }));
    }),
);

const failed = [];
for (const run of runs) {
  const { script, code, output, error, started } = await run;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`── npm run ${script} (${code === 0 ? 'ok' : `exit ${code}`}, ${seconds} s)`);
  process.stdout.write(Buffer.concat(output));
  if (error) console.error(error.message);
  if (code !== 0) failed.push(script);
}
if (failed.length) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
