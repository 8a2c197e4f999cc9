/** Open the Sentry / Datadog searches around the customer's timestamp. */
import { Outcome, Refusal, useRunner } from './common';
import type { StepActionsProps } from './props';

export function LogSearchAction(props: StepActionsProps) {
  const { busy, error, done, run } = useRunner();
  const targets = props.drafts.logSearch;
  if (targets.length === 0) {
    return (
      <div className="cb-action" data-action="open-log-search">
        <Refusal reason="Add Sentry or Datadog search URL templates in Casebook options to search from here." />
      </div>
    );
  }
  return (
    <div className="cb-action" data-action="open-log-search">
      {targets.map((t) => (
        <div key={t.name} className="cb-row">
          <button
            type="button"
            className="cb-button"
            disabled={busy || !t.ok}
            onClick={() =>
              run(async () => {
                if (!t.ok) return;
                props.onOpenUrl(t.url);
                await props.onRecordAction(
                  'open-log-search',
                  `Opened the ${t.name} search (±15 min)`,
                );
              })
            }
          >
            Search {t.name} (±15 min)
          </button>
          {!t.ok ? <Refusal reason={t.reason} /> : null}
        </div>
      ))}
      <Outcome error={error} done={done} />
    </div>
  );
}
