import { describe, expect, it } from 'vitest';
import type { HarReport } from '../../lib/har/index';
import { HarRejected, HarSanitizerUnavailable } from '../har/sanitizer-client';
import {
  describeRedactions,
  harErrorNotice,
  harProgressNotice,
  harReportNotice,
  harStartNotice,
  withCancel,
} from './har-notices';

const report = (counts: Record<string, number>): HarReport => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { entries: 12, pages: 1, counts, total, distinct: 3, findings: [], findingsOmitted: 0 };
};

describe('HAR notices', () => {
  it('shows progress in percent and MB, naming the job the panel can cancel', () => {
    const job = '6f1c2b1e-2a54-4d0e-9a43-3d2f0e6f8b11';
    const notice = harProgressNotice(
      { bytesRead: 16.8 * 1024 * 1024, totalBytes: 40 * 1024 * 1024, entries: 900 },
      { via: 'drop', original: 'big.har', job },
    );
    expect(notice.text).toBe('Sanitizing big.har… 42 % (16.8 of 40.0 MB)');
    expect(notice.progress).toBeCloseTo(0.42);
    expect(notice.job).toBe(job);
    expect(harStartNotice({ via: 'input', original: 'big.har', job }).job).toBe(job);
  });

  it('gives a notice with a job a Cancel that cancels that job, and others none', () => {
    const cancelled: string[] = [];
    const running = withCancel(
      { id: 'har:big.har', tone: 'info', text: 'Sanitizing big.har…', job: 'j1' },
      (job) => cancelled.push(job),
    );
    expect(running.action?.label).toBe('Cancel');
    running.action!.run();
    expect(cancelled).toEqual(['j1']);
    const done = withCancel({ id: 'har:big.har', tone: 'success', text: 'done' }, () => {
      throw new Error('no Cancel on a finished job');
    });
    expect(done.action).toBeUndefined();
  });

  it('says a cancelled HAR was not uploaded', () => {
    const notice = harErrorNotice(new HarRejected('cancelled', 'x'), {
      via: 'input',
      original: 'a.har',
    });
    expect(notice.text).toBe(
      'a.har was not attached: sanitizing was cancelled. Nothing was uploaded.',
    );
  });

  it('lists the kinds removed, most frequent first', () => {
    expect(describeRedactions(report({ jwt: 1, cookie: 5, 'api-key': 2 }))).toEqual([
      'cookie: 5',
      'api-key: 2',
      'jwt: 1',
    ]);
  });

  it('caps the list and says how many kinds were left out', () => {
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, 8 - i]));
    const lines = describeRedactions(report(many), 3);
    expect(lines).toEqual(['k0: 8', 'k1: 7', 'k2: 6', '…and 5 more kinds']);
  });

  it('says what was removed and the name the page received', () => {
    const notice = harReportNotice(report({ cookie: 4 }), {
      via: 'input',
      original: 'app.har',
      sanitized: 'app.sanitized.har',
    });
    expect(notice.tone).toBe('success');
    expect(notice.text).toContain('removed 4 secret values');
    expect(notice.text).toContain('app.sanitized.har');
    expect(notice.details).toEqual(['cookie: 4']);
  });

  it('says a clean file had nothing to remove', () => {
    const notice = harReportNotice(report({}), {
      via: 'drop',
      original: 'a.har',
      sanitized: 'a.sanitized.har',
    });
    expect(notice.text).toBe('a.har: no secrets found; attached as a.sanitized.har.');
  });

  it('says a blocked file was not uploaded, and why', () => {
    const notice = harErrorNotice(new Error('truncated JSON'), { via: 'paste', original: 'x.har' });
    expect(notice.tone).toBe('error');
    expect(notice.text).toContain('truncated JSON');
    expect(notice.text).toContain('Nothing was uploaded');
  });

  it('says a HAR was blocked because the sanitizer could not start on the page', () => {
    const notice = harErrorNotice(
      new HarSanitizerUnavailable('the sanitizer frame did not answer'),
      { via: 'input', original: 'x.har' },
    );
    expect(notice.tone).toBe('error');
    expect(notice.text).toBe(
      "x.har was not attached: Casebook's HAR sanitizer could not start on this page (the sanitizer frame did not answer). Nothing was uploaded: an unsanitized HAR never reaches the helpdesk. Reload the page and attach it again.",
    );
  });
});
