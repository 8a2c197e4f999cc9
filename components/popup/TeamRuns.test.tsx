// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamRunSummary } from '../../lib/team/protocol';
import { TeamRuns } from './TeamRuns';

afterEach(cleanup);

const run = (id: string, subject: string, members: string[]): TeamRunSummary => ({
  runId: `zendesk:${id}`,
  subject,
  openedBy: members[0]!,
  updatedAt: 0,
  closed: false,
  members,
});

describe('team runs in the popup', () => {
  it('lets a lead switch between their own runs and the whole team’s', () => {
    const onScope = vi.fn();
    const { rerender } = render(
      <TeamRuns
        isLead
        scope="mine"
        runs={[run('1', 'Exports fail', ['Dana'])]}
        onScope={onScope}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe('My open team runs');
    expect(screen.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Whole team' }));
    expect(onScope).toHaveBeenCalledWith('team');

    rerender(
      <TeamRuns
        isLead
        scope="team"
        runs={[run('1', 'Exports fail', ['Dana']), run('2', 'SSO loop', ['Bo', 'Ana'])]}
        onScope={onScope}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe("Team's open runs");
    expect(screen.getByRole('button', { name: 'Whole team' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Exports fail opened by Dana',
      'SSO loop opened by Bo · with Bo, Ana',
    ]);
  });

  it('shows an agent only their own runs, with no toggle', () => {
    render(<TeamRuns isLead={false} scope="team" runs={[]} onScope={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('My open team runs');
    expect(screen.getByText('No open runs.')).toBeTruthy();
  });

  it('says why the list is missing', () => {
    render(
      <TeamRuns
        isLead
        scope="team"
        runs={undefined}
        error="Team server offline."
        onScope={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Team server offline.');
  });
});
