// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeList } from '../../components/panel/NoticeList';
import { harErrorNotice, harStartNotice, withCancel } from './har-notices';
import { HarRejected } from '../har/sanitizer-client';

afterEach(cleanup);

describe('the panel while a HAR is sanitized', () => {
  it('shows Cancel, which cancels that job; the cancelled notice offers none', () => {
    const cancelled: string[] = [];
    const info = { via: 'input' as const, original: 'capture.har', job: 'job-1' };
    const { rerender } = render(
      <NoticeList notices={[withCancel(harStartNotice(info), (job) => cancelled.push(job))]} />,
    );
    expect(screen.getByRole('status').textContent).toContain('Sanitizing capture.har…');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelled).toEqual(['job-1']);

    const told = harErrorNotice(new HarRejected('cancelled', 'x'), {
      via: 'input',
      original: 'capture.har',
    });
    rerender(<NoticeList notices={[withCancel(told, (job) => cancelled.push(job))]} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'capture.har was not attached: sanitizing was cancelled. Nothing was uploaded.',
    );
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});
