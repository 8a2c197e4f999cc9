/**
 * The steps an agent works on next: the pending steps after the one they
 * finished last, up to and including the first required one. The run's
 * current step is the first pending step in template order, which stays on
 * an optional step the agent passed over (a workaround that did not apply,
 * say), so without this every step after it had to be opened by hand. An
 * optional step on the way is opened too (the agent sees it is there) but
 * does not stop the next required step from opening: finishing "Check the
 * runbook" opens both the optional workaround and "Verify the configuration".
 */
import type { Run } from './schema';
import type { RunView } from './view';

export function followOnStepIds(view: RunView, run: Run | undefined): string[] {
  if (!run) return [];
  const steps = view.sections.flatMap((s) => s.steps);
  let latest = -1;
  let latestAt = -Infinity;
  steps.forEach((s, i) => {
    const state = run.steps[s.step.id];
    if ((s.status === 'done' || s.status === 'skipped') && state && state.at >= latestAt) {
      latestAt = state.at;
      latest = i;
    }
  });
  if (latest < 0) return [];
  const out: string[] = [];
  for (const s of steps.slice(latest + 1)) {
    if (s.status !== 'pending') continue;
    out.push(s.step.id);
    if (s.step.required) break;
  }
  return out;
}
