/** A run's full record: the hand-off export (Markdown) and its timeline of every event. */
import type { TimelineLine } from './timeline';
import { Markdown } from '../ui/Markdown';
import { formatUtc } from '../../lib/time/zoned';
import { formatDateTime } from './format';

export interface RunRecordProps {
  title: string;
  markdown: string;
  timeline: readonly TimelineLine[];
  onDownload: () => void;
}

export function RunRecord({ title, markdown, timeline, onDownload }: RunRecordProps) {
  return (
    <article className="cb-record" aria-label={`Record of ${title}`}>
      <div className="cb-record__actions">
        <button type="button" onClick={onDownload}>
          Download hand-off (.md)
        </button>
      </div>
      <section className="cb-record__handoff" aria-label="Hand-off">
        <Markdown source={markdown} />
      </section>
      <section className="cb-record__timeline">
        <h3>Timeline ({timeline.length} events)</h3>
        <ol className="cb-timeline">
          {timeline.map((line) => (
            <li key={line.key}>
              <time dateTime={new Date(line.at).toISOString()} title={formatUtc(line.at)}>
                {formatDateTime(line.at)}
              </time>{' '}
              <span className="cb-timeline__who">{line.who}</span>{' '}
              <span className="cb-timeline__what">{line.what}</span>
              {line.old !== undefined && line.new !== undefined && (
                <span className="cb-timeline__change">
                  : {line.old} → {line.new}
                </span>
              )}
              {line.note && <span className="cb-timeline__note"> — {line.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
