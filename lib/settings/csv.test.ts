import { describe, expect, it } from 'vitest';
import type { Run } from '../workflow/schema';
import type { RunView } from '../workflow/view';
import { csvField, neutraliseFormula, RUN_CSV_COLUMNS, runsToCsv, toCsv } from './csv';

/** Split CSV per RFC 4180, to check the writer with an independent reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csv fields', () => {
  it('quotes commas, quotes and line breaks and leaves plain text alone', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('keeps non-ASCII intact', () => {
    expect(csvField('Ünïcødé — 日本語 🎫')).toBe('Ünïcødé — 日本語 🎫');
  });

  it('neutralises formula injection', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(evil).startsWith("'")).toBe(true);
    }
    expect(csvField('=1+1,2')).toBe(`"'=1+1,2"`);
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('round-trips through an RFC 4180 reader', () => {
    const rows = [
      ['x', 'with, comma', 'with "quote"', 'multi\r\nline', 'Ünï 🎫'],
      ['', ' spaced ', '""', ',', '\n'],
    ];
    const text = toCsv(['a', 'b', 'c', 'd', 'e'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['a', 'b', 'c', 'd', 'e'], ...rows]);
  });
});

describe('runs to csv', () => {
  const actor = { name: 'Priya' };
  const run: Run = {
    id: 'zendesk:4812',
    helpdesk: 'zendesk',
    ticketId: '4812',
    templateId: 'support-ticket',
    templateVersion: 1,
    ticket: {
      helpdesk: 'zendesk',
      ticketId: '4812',
      url: 'https://acme.zendesk.com/agent/tickets/4812',
      subject: '=cmd|"/c calc"!A1, export broken\nsince Monday',
      requesterName: 'Zoë Müller',
      requesterEmail: 'zoe@example.com',
    },
    createdAt: Date.UTC(2026, 10, 20, 9, 0),
    updatedAt: Date.UTC(2026, 10, 20, 10, 0),
    closedAt: Date.UTC(2026, 10, 21, 9, 0),
    steps: {},
    values: {
      close: { 'root-cause': { value: 'billing', at: 0, by: actor, since: 0 } },
      'file-bug': {
        'bug-url': { value: 'https://acme.atlassian.net/browse/ENG-1', at: 0, by: actor, since: 0 },
      },
    },
    pauses: [],
    revision: 7,
  };
  const view: RunView = {
    runId: run.id,
    severity: 'SEV2',
    plan: 'paid',
    sections: [],
    progress: { done: 18, applicable: 18, percent: 100 },
    currentStepId: undefined,
    clocks: [
      {
        id: 'first-response',
        label: 'First response',
        kind: 'deadline',
        state: 'met',
        startedAt: run.createdAt,
        dueAt: run.createdAt + 3_600_000,
        remainingMs: undefined,
        stoppedAt: run.createdAt + 1_800_000,
        targetMinutes: 60,
      },
    ],
    nextDueAt: undefined,
    breached: false,
    closed: true,
  };

  it('writes the header and one row per run with every column', () => {
    const rows = parseCsv(runsToCsv([{ run, view }]));
    expect(rows[0]).toEqual([...RUN_CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'zendesk:4812',
      'zendesk',
      '4812',
      `'=cmd|"/c calc"!A1, export broken\nsince Monday`,
      'Zoë Müller <zoe@example.com>',
      'paid',
      'SEV2',
      'closed',
      '2026-11-20T09:00:00.000Z',
      '2026-11-21T09:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
      'yes',
      'billing',
      'https://acme.atlassian.net/browse/ENG-1',
      '18/18 (100%)',
    ]);
  });

  it('reports a breached open run', () => {
    const breached: RunView = {
      ...view,
      closed: false,
      breached: true,
      clocks: [{ ...view.clocks[0]!, state: 'breached', stoppedAt: undefined, remainingMs: -5 }],
    };
    const row = parseCsv(runsToCsv([{ run: { ...run, closedAt: undefined }, view: breached }]))[1];
    expect(row?.[7]).toBe('open (breached)');
    expect(row?.[9]).toBe('');
    expect(row?.[11]).toBe('no (breached)');
  });
});
