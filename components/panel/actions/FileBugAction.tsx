/** File the bug in Jira or Linear with the report prefilled, or copy the report as Markdown. */
import { Outcome, Refusal, useRunner } from './common';
import type { StepActionsProps } from './props';

export function FileBugAction(props: StepActionsProps) {
  const { busy, error, done, run } = useRunner();
  const report = props.drafts.bug;
  if (!report.ok) {
    return (
      <div className="cb-action" data-action="file-bug">
        <button type="button" className="cb-button" disabled>
          File the bug
        </button>
        <Refusal reason={report.reason} />
      </div>
    );
  }
  const tracker = props.settings.tracker;
  const file = () =>
    run(async () => {
      if (tracker.kind === 'none' || !report.link) return;
      if (!report.link.ok) throw new Error(report.link.reason);
      const { link } = report.link;
      const name = tracker.kind === 'jira' ? 'Jira' : 'Linear';
      if (!link.complete && link.clipboardText !== undefined)
        await props.onCopy(link.clipboardText);
      props.onOpenUrl(link.url);
      await props.onRecordAction(
        'file-bug',
        link.complete
          ? `Opened a prefilled ${name} issue`
          : `Opened a short ${name} prefill; full report copied (URL over 8 KB)`,
      );
      return link.complete
        ? `${name} opened with the report filled in. Paste the issue link into the Bug URL field.`
        : `The report is too long for a link: it is on the clipboard — paste it into the ${name} description.`;
    });
  const copy = () =>
    run(async () => {
      await props.onCopy(report.markdown);
      await props.onRecordAction('file-bug', 'Copied the bug report (Markdown)');
      return 'Bug report copied (Markdown).';
    });
  return (
    <div className="cb-action" data-action="file-bug">
      <div className="cb-row">
        {tracker.kind !== 'none' ? (
          <button
            type="button"
            className="cb-button cb-button-primary"
            disabled={busy}
            onClick={file}
          >
            File in {tracker.kind === 'jira' ? 'Jira' : 'Linear'}
          </button>
        ) : null}
        <button type="button" className="cb-button" disabled={busy} onClick={copy}>
          Copy bug report
        </button>
      </div>
      {tracker.kind === 'none' ? (
        <p className="cb-muted">
          Choose Jira or Linear in Casebook options to open a prefilled issue.
        </p>
      ) : null}
      <Outcome error={error} done={done} />
    </div>
  );
}
