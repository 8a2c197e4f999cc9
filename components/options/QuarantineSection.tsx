/**
 * Records the database could not read, set aside by an upgrade so the rest
 * opened (entrypoints/background/db/quarantine.ts). Shown only when there
 * are some: each with its store, key and the reason.
 */
import type { Quarantined } from '../../lib/messaging/data';
import { Section } from './common';

const STORE_LABEL: Record<Quarantined['table'], string> = {
  runs: 'Run',
  templates: 'Template',
  events: 'Run history entry',
};

export function QuarantineSection({ items }: { items: readonly Quarantined[] }) {
  if (items.length === 0) return null;
  return (
    <Section
      id="quarantine"
      title="Records set aside"
      description="These records could not be read when the database was upgraded. They were set aside, unchanged, so everything else opened; the rest of your data is not affected."
    >
      <ul className="cb-notice cb-notice--error" role="alert" data-testid="quarantine-list">
        {items.map((q) => (
          <li key={`${q.table}:${q.key}`}>
            {STORE_LABEL[q.table]} <code>{q.key}</code>, set aside {new Date(q.at).toLocaleString()}
            : {q.reason}
          </li>
        ))}
      </ul>
    </Section>
  );
}
