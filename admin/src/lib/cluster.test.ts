import { describe, expect, it } from 'vitest';
import { formatCount, hostAndPort, projectionsOn, splitKinds, totalOf } from './cluster';
import { aMember } from './cluster.fixture';

describe('cluster', () => {
  const kinds = splitKinds([
    'sharded-daemon-process-order-summary',
    'PurchaseOrder',
    'Cart',
    'sharded-daemon-process-cart-summary',
    'Product',
  ]);

  it('keeps the business entities apart from the projections, each in name order', () => {
    expect(kinds.entities).toEqual(['Cart', 'Product', 'PurchaseOrder']);
    expect(kinds.projections).toEqual([
      { name: 'cart-summary', kind: 'sharded-daemon-process-cart-summary' },
      { name: 'order-summary', kind: 'sharded-daemon-process-order-summary' },
    ]);
  });

  it('names the projections that run on a member', () => {
    const here = aMember('a', {
      entities: {
        'sharded-daemon-process-cart-summary': 1,
        'sharded-daemon-process-order-summary': 0,
      },
    });
    expect(projectionsOn(here, kinds.projections)).toEqual(['cart-summary']);
    expect(projectionsOn(aMember('b', { entities: {} }), kinds.projections)).toEqual([]);
  });

  it('formats counts, and a dash for one that did not come', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(undefined)).toBe('—');
  });

  it('shortens an address to the host and port', () => {
    expect(hostAndPort('pekko://monostore@10.0.0.7:7355')).toBe('10.0.0.7:7355');
    expect(hostAndPort('somewhere')).toBe('somewhere');
    expect(hostAndPort(null)).toBe('—');
  });

  it('adds a kind up over the members and says when a member is missing from it', () => {
    const members = [
      aMember('a', { entities: { Cart: 3, Product: 2 } }),
      aMember('b', { entities: { Cart: 4 } }),
    ];
    expect(totalOf(members, 'Cart')).toEqual({ count: 7, complete: true });
    expect(totalOf(members, 'Product')).toEqual({ count: 2, complete: false });
    expect(totalOf([], 'Cart')).toEqual({ count: 0, complete: true });
  });
});
