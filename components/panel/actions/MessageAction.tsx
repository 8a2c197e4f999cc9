import { useId, useState } from 'react';
import type { ComposerAction } from '../../../lib/actions/composer-text';
import { finishingKey } from '../../../lib/actions/finishing-key';
import { Outcome, Refusal, useRunner } from './common';
import { GapFields, useGaps } from './GapFields';
import { MESSAGE_BUTTON, SHOWN_WITH_STEP } from './message-words';
import type { StepActionsProps } from './props';

/**
 * A filled message shown for review (and editing) before it goes into the
 * reply. Until the agent edits it, the preview follows the run, so a field
 * saved a moment after the preview opened (release tag typed, then the click)
 * is in the text that is inserted. Whatever the run, the page and the
 * settings could not fill is asked for right here, one field per gap, and
 * nothing is inserted or copied while a placeholder is left.
 */
export function MessageAction(props: StepActionsProps & { action: ComposerAction }) {
  const { action } = props;
  const [asked, setOpened] = useState<boolean>();
  const opened =
    asked ??
    (SHOWN_WITH_STEP.has(action) &&
      props.step.status === 'pending' &&
      props.drafts.messages[action].ok);
  const [edited, setEdited] = useState<string>();
  const { busy, error, done, run } = useRunner();
  const textId = useId();

  const composed = opened ? props.drafts.messages[action] : undefined;
  const refusal = composed && !composed.ok ? composed.reason : undefined;
  const base = composed && composed.ok ? (edited ?? composed.text) : '';
  const gaps = useGaps(base, { 'agent.name': props.agentName });
  const draft = composed && composed.ok ? { text: gaps.text, label: composed.label } : undefined;
  const blocked = gaps.missing.length > 0;

  const close = () => {
    setOpened(false);
    setEdited(undefined);
  };
  /** The name typed into the signature gap becomes the agent's name, asked once. */
  const rememberName = async () => {
    const typed = gaps.values['agent.name']?.trim();
    if (typed && !props.agentName?.trim()) await props.onRememberAgentName?.(typed);
  };

  // Sending this message is all the step still needs: offer both in one gesture.
  const finishes =
    props.drafts.finishing[props.step.step.id]?.includes(finishingKey(action)) ?? false;

  const insert = (markDone: boolean) =>
    run(async () => {
      if (!draft || blocked) return;
      const outcome = await props.onInsertText(draft.text);
      const copied = outcome && outcome.path === 'clipboard';
      await rememberName();
      const note = copied
        ? `${draft.label}: copied to the clipboard`
        : `${draft.label}: inserted into the reply`;
      // Only text that reached the reply finishes the step; a clipboard copy still has to be pasted.
      if (markDone && !copied) await props.onRecordAction(action, note, undefined, true);
      else await (props.onMessageSent ?? props.onRecordAction)(action, note);
      close();
      if (copied)
        return markDone
          ? 'The reply editor could not be reached: the text is on the clipboard, paste it into the reply, then mark the step done.'
          : 'The reply editor could not be reached: the text is on the clipboard, paste it into the reply.';
      return markDone ? 'Inserted into the reply; step done.' : 'Inserted into the reply.';
    });

  const copy = () =>
    run(async () => {
      if (!draft || blocked) return;
      await props.onCopy(draft.text);
      await rememberName();
      await (props.onMessageSent ?? props.onRecordAction)(action, `${draft.label}: copied`);
      return 'Copied.';
    });

  return (
    <div className="cb-action" data-action={action}>
      {!draft ? (
        <button type="button" className="cb-button" onClick={() => setOpened(true)}>
          {MESSAGE_BUTTON[action]}
        </button>
      ) : (
        <div className="cb-action-preview">
          <label htmlFor={textId} className="cb-action-label">
            {draft.label} — review before sending
          </label>
          <GapFields gaps={gaps} />
          <textarea
            id={textId}
            className="cb-action-text"
            rows={8}
            value={draft.text}
            onChange={(e) => setEdited(e.target.value)}
          />
          {blocked ? (
            <p className="cb-action-refusal" role="status">
              Fill in the fields above to insert or copy.
            </p>
          ) : null}
          <div className="cb-row">
            {finishes ? (
              <button
                type="button"
                className="cb-button cb-button-primary"
                disabled={busy || blocked}
                onClick={() => insert(true)}
              >
                Insert and mark done
              </button>
            ) : null}
            <button
              type="button"
              className={finishes ? 'cb-button' : 'cb-button cb-button-primary'}
              disabled={busy || blocked}
              onClick={() => insert(false)}
            >
              Insert into reply
            </button>
            <button type="button" className="cb-button" disabled={busy || blocked} onClick={copy}>
              Copy
            </button>
            <button
              type="button"
              className="cb-button cb-button-quiet"
              disabled={busy}
              onClick={close}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {refusal ? <Refusal reason={refusal} /> : null}
      <Outcome error={error} done={done} />
    </div>
  );
}
