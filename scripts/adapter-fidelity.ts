// Prints, per fixture page with declared facts, how many of the facts the
// page shows the adapters record right (and guesses for facts it does not
// show), per helpdesk and in total:
//   npx tsx scripts/adapter-fidelity.ts [--json]
import { formatTable, measureAll, totals } from '../lib/adapters/testing/fidelity';

const rows = await measureAll();
if (process.argv.includes('--json'))
  console.log(JSON.stringify({ rows, totals: totals(rows) }, null, 2));
else console.log(formatTable(rows));
