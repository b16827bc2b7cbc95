import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMember as member } from '@/lib/cluster.fixture';
import type { ClusterMember, ClusterOverview } from '@/lib/types';
import { ClusterTable } from './ClusterTable';

const ONE = 'pekko://monostore@10.0.0.1:7355';
const TWO = 'pekko://monostore@10.0.0.2:7355';

function overview(members: ClusterMember[]): ClusterOverview {
  return {
    answeredBy: { address: ONE, httpPort: 8080 },
    leader: ONE,
    oldest: ONE,
    entityKinds: ['Product', 'Cart', 'sharded-daemon-process-cart-summary'],
    statsComplete: members.every((m) => m.statsComplete),
    members,
  };
}

function cells(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('ClusterTable', () => {
  it('shows each node with its status, entities per kind and projections, and the totals', () => {
    render(
      <ClusterTable
        cluster={overview([
          member(ONE, {
            self: true,
            shards: 3,
            entities: { Cart: 2, Product: 1200, 'sharded-daemon-process-cart-summary': 1 },
          }),
          member(TWO, {
            status: 'Leaving',
            reachable: false,
            shards: 2,
            entities: { Cart: 5, Product: 3, 'sharded-daemon-process-cart-summary': 0 },
          }),
        ])}
      />,
    );
    const table = screen.getByRole('table', { name: 'Nodes' });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(header).toEqual([
      'Node',
      'Status',
      'Reachable',
      'Roles',
      'Shards',
      'Cart',
      'Product',
      'Projections',
    ]);
    const [, first, second, totals] = within(table).getAllByRole('row');
    expect(cells(first)).toEqual([
      '10.0.0.1:7355this nodeleaderoldest',
      'Up',
      'Yes',
      'dc-default',
      '3',
      '2',
      '1,200',
      'cart-summary',
    ]);
    expect(cells(second)).toEqual([
      '10.0.0.2:7355',
      'Leaving',
      'Unreachable',
      'dc-default',
      '2',
      '5',
      '3',
      '—',
    ]);
    expect(cells(totals)).toEqual(['All nodes', '5', '7', '1,203', '']);
  });

  it('marks the counts that did not come in time rather than showing zero', () => {
    render(
      <ClusterTable
        cluster={overview([
          member(ONE, { self: true, shards: 1, entities: { Cart: 2 }, statsComplete: false }),
          member(TWO, { shards: 1, entities: { Cart: 1, Product: 4 } }),
        ])}
      />,
    );
    const self = screen.getByTestId('node-self');
    expect(within(self).getByTestId('entities-Product')).toHaveTextContent('—');
    expect(within(self).getByTestId('entities-Product')).toHaveAttribute(
      'title',
      'Its statistics did not come in time',
    );
    expect(within(self).getByTestId('entities-Cart')).toHaveTextContent('2');
    expect(screen.getByTestId('total-Product')).toHaveTextContent('4*');
    expect(screen.getByTestId('total-Cart')).toHaveTextContent(/^3$/);
  });
});
