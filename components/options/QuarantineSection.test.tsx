// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuarantineSection } from './QuarantineSection';

describe('QuarantineSection', () => {
  it('lists each record set aside with its reason', () => {
    render(
      <QuarantineSection
        items={[
          { table: 'runs', key: 'zendesk:9001', reason: 'ticket: expected object', at: 0 },
          { table: 'events', key: '99', reason: 'at: expected number', at: 0 },
        ]}
      />,
    );
    const list = screen.getByTestId('quarantine-list');
    expect(list.textContent).toContain('zendesk:9001');
    expect(list.textContent).toContain('ticket: expected object');
    expect(list.querySelectorAll('li')).toHaveLength(2);
  });

  it('shows nothing when every record was read', () => {
    const { container } = render(<QuarantineSection items={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
