/**
 * Import first in every extension page and worker that uses zod. Zod's fast
 * path compiles validators with `new Function`, which extension CSPs forbid:
 * its probe fails (the browser reports a CSP violation each time) and store
 * reviewers' linters flag it. Jitless validation is the same, without eval.
 */
import { z } from 'zod';

z.config({ jitless: true });
