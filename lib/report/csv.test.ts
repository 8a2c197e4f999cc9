import { describe, expect, it } from 'vitest';
// The known answers are calendar-time answers: runs of the default workflow as saved
// before SLA policies (business hours) were stored with it.
import { CALENDAR_TEMPLATE } from '../workflow/testing';
import { factsToCsv, REPORT_CSV_COLUMNS } from './csv';
import { runFacts } from './facts';
import { NOVEMBER_STORIES, REPORT_NOW } from './fixtures';
import { playStory } from './testing';

describe('report CSV', () => {
  const facts = NOVEMBER_STORIES.map((s) => {
    const { run, events } = playStory(s);
    return runFacts(CALENDAR_TEMPLATE, run, events, REPORT_NOW);
  });
  const lines = factsToCsv(facts, REPORT_NOW).split('\r\n');

  it('writes the documented header and one row per run, CRLF-terminated', () => {
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(facts.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('keeps a customer-written formula as quoted text', () => {
    const row = lines.find((l) => l.startsWith('zendesk:1001,'))!;
    expect(row).toContain(`"'=HYPERLINK(""https://evil.example"",""Invoice"")"`);
  });

  it('writes breaches across pauses and cadence misses in minutes', () => {
    const c = lines.find((l) => l.startsWith('zendesk:1003,'))!.split(',');
    const col = (name: (typeof REPORT_CSV_COLUMNS)[number]) => c[REPORT_CSV_COLUMNS.indexOf(name)];
    expect(col('first response')).toBe('breached');
    expect(col('first response minutes late')).toBe('10');
    expect(col('minutes paging to ack')).toBe('40');
    expect(col('status-page intervals missed')).toBe('1');
    expect(col('incident summary')).toBe('written');
  });
});
