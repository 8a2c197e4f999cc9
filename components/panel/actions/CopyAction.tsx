/** Copy a short drafted text (incident channel, Slack mention), asking first for any gap in it. */
import type { StepAction } from '../../../lib/workflow/schema';
import { Outcome, Refusal, useRunner } from './common';
import { GapFields, useGaps } from './GapFields';

export function CopyAction(props: {
  action: StepAction;
  label: string;
  text: string | undefined;
  refusal?: string;
  note: string;
  /** What the run records with the copy (the incident channel fills its field from it). */
  data?: Record<string, unknown>;
  onCopy(text: string): Promise<void>;
  onRecordAction(action: string, note?: string, data?: Record<string, unknown>): Promise<void>;
}) {
  const { busy, error, done, run } = useRunner();
  // What is not known yet is asked for here: nothing is copied with a placeholder in it.
  const gaps = useGaps(props.text ?? '');
  const blocked = gaps.missing.length > 0;
  const click = () =>
    run(async () => {
      if (!props.text || blocked) return;
      await props.onCopy(gaps.text);
      await props.onRecordAction(props.action, props.note, props.data);
      return 'Copied.';
    });
  return (
    <div className="cb-action" data-action={props.action}>
      <GapFields gaps={gaps} />
      <button
        type="button"
        className="cb-button"
        disabled={busy || !props.text || blocked}
        onClick={click}
      >
        {props.label}
      </button>
      {props.refusal ? <Refusal reason={props.refusal} /> : null}
      <Outcome error={error} done={done} />
    </div>
  );
}
