import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Timeline } from './Timeline';

describe('Timeline', () => {
  it('lists newest first, comparing instants rather than text', () => {
    render(
      <Timeline
        rows={[
          { at: '2026-11-30T12:00:00.61Z', event: 'CartCreated', by: null },
          { at: '2026-11-30T12:00:00.615Z', event: 'ItemAdded', by: 'admin' },
          { at: '2026-11-30T12:00:01Z', event: 'ItemsRestocked', by: null, detail: 'x' },
        ]}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Timeline' })).getAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual([
      'Items restocked',
      'Product added',
      'Cart created',
    ]);
  });

  it('says when there is nothing yet', () => {
    render(<Timeline rows={[]} />);
    expect(screen.getByText('No events yet.')).toBeInTheDocument();
  });
});
