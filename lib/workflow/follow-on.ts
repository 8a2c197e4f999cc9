/**
 * The step an agent works on next: the first pending step after the one they
 * finished last. The run's current step is the first pending step in
 * template order, which stays on an optional step the agent passed over (a
 * workaround that did not apply, say), so without this every step after it
 * had to be opened by hand.
 */
import type { Run } from './schema';
import type { RunView } from './view';

export function followOnStepId(view: RunView, run: Run | undefined): string | undefined {
  if (!run) return undefined;
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
  if (latest < 0) return undefined;
  return steps.slice(latest + 1).find((s) => s.status === 'pending')?.step.id;
}
