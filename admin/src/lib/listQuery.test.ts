import { describe, expect, it } from 'vitest';
import {
  emptyMessage,
  CART_LIST,
  ORDER_LIST,
  buildListSearch,
  defaultState,
  parseListState,
  sinceInstant,
  toApiParams,
} from './listQuery';

describe('list query string', () => {
  it('defaults to active carts sorted by last activity', () => {
    const s = parseListState(new URLSearchParams(''), CART_LIST);
    expect(s).toEqual({
      status: 'active',
      market: 'all',
      since: 'all',
      q: '',
      sort: 'updatedAt',
      direction: 'desc',
      page: 0,
      size: 20,
    });
    expect(buildListSearch(s, CART_LIST)).toBe('');
  });

  it('round-trips a full state through the page query string', () => {
    const state = {
      status: 'LOCKED',
      market: 'all' as const,
      since: 'today' as const,
      q: 'ann@example.com',
      sort: 'total' as const,
      direction: 'asc' as const,
      page: 3,
      size: 50,
    };
    const search = buildListSearch(state, CART_LIST);
    expect(search).toBe(
      '?status=LOCKED&since=today&q=ann%40example.com&sort=total&direction=asc&page=3&size=50',
    );
    expect(parseListState(new URLSearchParams(search), CART_LIST)).toEqual(state);
  });

  it('ignores invalid values', () => {
    const s = parseListState(
      new URLSearchParams('status=BOGUS&since=yesterday&sort=name&direction=up&page=-1&size=500'),
      CART_LIST,
    );
    expect(s).toEqual(defaultState(CART_LIST));
  });

  it('builds API parameters with repeated statuses', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const p = toApiParams(defaultState(CART_LIST), CART_LIST, now);
    expect(p.getAll('status')).toEqual(['OPEN', 'LOCKED']);
    expect(p.get('changedSince')).toBeNull();
    expect(p.toString()).toBe(
      'status=OPEN&status=LOCKED&sort=updatedAt&direction=desc&page=0&size=20',
    );
  });

  it('sends no status for "all" and an ISO instant for "changed since"', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const p = toApiParams(
      { ...defaultState(ORDER_LIST), since: 'hour', q: ' abc ' },
      ORDER_LIST,
      now,
    );
    expect(p.getAll('status')).toEqual([]);
    expect(p.get('changedSince')).toBe('2026-11-30T11:00:00.000Z');
    expect(p.get('q')).toBe('abc');
  });

  it('computes "changed since" instants', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(sinceInstant('all', now)).toBeNull();
    expect(sinceInstant('7d', now)?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    const today = sinceInstant('today', now)!;
    expect(today.getHours()).toBe(0);
    expect(today.getMinutes()).toBe(0);
    expect(today.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('filters orders by where they stand, and the orders needing attention together', () => {
    const s = parseListState(new URLSearchParams('status=PAYMENT_DECLINED'), ORDER_LIST);
    expect(toApiParams(s, ORDER_LIST).getAll('stage')).toEqual(['PAYMENT_DECLINED']);
    expect(toApiParams(s, ORDER_LIST).getAll('status')).toEqual([]);
    const attention = parseListState(new URLSearchParams('status=attention'), ORDER_LIST);
    expect(toApiParams(attention, ORDER_LIST).getAll('stage')).toEqual([
      'PAYMENT_DECLINED',
      'PAYMENT_FAILED',
      'PAYMENT_PENDING',
      'PAID',
    ]);
    expect(parseListState(new URLSearchParams('status=active'), ORDER_LIST).status).toBe('all');
    expect(parseListState(new URLSearchParams('status=PAYMENT_ADDED'), ORDER_LIST).status).toBe(
      'all',
    );
  });
});

describe('an empty list', () => {
  it('says the shop has nothing yet when nothing is filtered', () => {
    expect(emptyMessage(defaultState(ORDER_LIST), ORDER_LIST)).toBe('No orders yet.');
    expect(emptyMessage(defaultState(CART_LIST), CART_LIST)).toBe('No active carts right now.');
    expect(emptyMessage({ ...defaultState(CART_LIST), status: 'all' }, CART_LIST)).toBe(
      'No carts yet.',
    );
  });

  it('says the filters found nothing when something is filtered', () => {
    const filtered = 'No orders match these filters.';
    expect(emptyMessage({ ...defaultState(ORDER_LIST), q: 'anna' }, ORDER_LIST)).toBe(filtered);
    expect(emptyMessage({ ...defaultState(ORDER_LIST), since: 'hour' }, ORDER_LIST)).toBe(filtered);
    expect(emptyMessage({ ...defaultState(ORDER_LIST), status: 'CANCELLED' }, ORDER_LIST)).toBe(
      filtered,
    );
  });
});

describe('the market filter', () => {
  it('reads, writes and asks for one market, and falls back to all for an unknown one', () => {
    const state = parseListState(new URLSearchParams('market=NO'), ORDER_LIST);
    expect(state.market).toBe('NO');
    expect(buildListSearch(state, ORDER_LIST)).toBe('?market=NO');
    expect(toApiParams(state, ORDER_LIST).get('market')).toBe('NO');
    expect(parseListState(new URLSearchParams('market=XX'), ORDER_LIST).market).toBe('all');
    expect(toApiParams(defaultState(ORDER_LIST), ORDER_LIST).has('market')).toBe(false);
    expect(emptyMessage({ ...defaultState(ORDER_LIST), market: 'FI' }, ORDER_LIST)).toBe(
      'No orders match these filters.',
    );
  });
});
