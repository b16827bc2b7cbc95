/**
 * The state of the carts and orders lists, kept in the page's query string so a reload keeps it,
 * and its translation into the admin API's query parameters.
 */
import {
  ACTIVE_CART_STATUSES,
  CART_STATUSES,
  MARKETS,
  NEEDING_ATTENTION,
  ORDER_STAGES,
  type Market,
} from './types';

export const SINCE_OPTIONS = [
  { value: 'all', label: 'Any time' },
  { value: 'hour', label: 'Last hour' },
  { value: 'today', label: 'Today' },
  { value: '7d', label: 'Last 7 days' },
] as const;
export type Since = (typeof SINCE_OPTIONS)[number]['value'];

export const SORT_OPTIONS = [
  { value: 'updatedAt', label: 'Last activity' },
  { value: 'createdAt', label: 'Created' },
  { value: 'total', label: 'Total, per currency' },
] as const;
export type Sort = (typeof SORT_OPTIONS)[number]['value'];
export type Direction = 'asc' | 'desc';

export const PAGE_SIZES = [20, 50, 100] as const;

export interface ListState {
  /** 'all', a single status, or a named group (e.g. 'active' for carts). */
  status: string;
  /** 'all', or one market's code. */
  market: 'all' | Market;
  since: Since;
  q: string;
  sort: Sort;
  direction: Direction;
  page: number;
  size: number;
}

export interface ListKind {
  /** What the list holds, in the plural: "carts". */
  noun: string;
  /** What an empty list says with no filter but the default status. */
  noneByDefault: string;
  defaultStatus: string;
  /** allowed values of `status`: single choices and groups, each mapping to values of `param` */
  statuses: Record<string, readonly string[]>;
  /** The admin API's parameter the choices filter by: the carts' `status`, the orders' `stage`. */
  param: 'status' | 'stage';
}

/** Each status of the API's enum as a choice of its own. */
function eachOf(statuses: readonly string[]): Record<string, readonly string[]> {
  return Object.fromEntries(statuses.map((status) => [status, [status]]));
}

export const CART_LIST: ListKind = {
  noun: 'carts',
  noneByDefault: 'No active carts right now.',
  defaultStatus: 'active',
  statuses: { active: ACTIVE_CART_STATUSES, all: [], ...eachOf(CART_STATUSES) },
  param: 'status',
};

export const ORDER_LIST: ListKind = {
  noun: 'orders',
  noneByDefault: 'No orders yet.',
  defaultStatus: 'all',
  // Where an order stands, as the shop names it: its status alone hides a declined payment.
  statuses: { all: [], attention: NEEDING_ATTENTION, ...eachOf(ORDER_STAGES) },
  param: 'stage',
};

/** What an empty list says: that the filters found nothing, or that there is nothing yet. */
export function emptyMessage(state: ListState, kind: ListKind): string {
  const filtered =
    state.q.trim() !== '' ||
    state.since !== 'all' ||
    state.market !== 'all' ||
    (state.status !== 'all' && state.status !== kind.defaultStatus);
  if (filtered) return `No ${kind.noun} match these filters.`;
  return state.status === 'all' ? `No ${kind.noun} yet.` : kind.noneByDefault;
}

export function defaultState(kind: ListKind): ListState {
  return {
    status: kind.defaultStatus,
    market: 'all',
    since: 'all',
    q: '',
    sort: 'updatedAt',
    direction: 'desc',
    page: 0,
    size: 20,
  };
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function intIn(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

/** Reads the list state from the page's query string; unknown or invalid values fall back to defaults. */
export function parseListState(
  search: URLSearchParams | { get(name: string): string | null },
  kind: ListKind,
): ListState {
  const d = defaultState(kind);
  return {
    status: oneOf(search.get('status'), Object.keys(kind.statuses), d.status),
    market: oneOf(search.get('market'), ['all', ...MARKETS] as const, d.market),
    since: oneOf(
      search.get('since'),
      SINCE_OPTIONS.map((o) => o.value),
      d.since,
    ),
    q: (search.get('q') ?? '').trim(),
    sort: oneOf(
      search.get('sort'),
      SORT_OPTIONS.map((o) => o.value),
      d.sort,
    ),
    direction: oneOf(search.get('direction'), ['asc', 'desc'] as const, d.direction),
    page: intIn(search.get('page'), 0, 1_000_000, d.page),
    size: intIn(search.get('size'), 1, 100, d.size),
  };
}

/** The page's query string for a state: only values that differ from the defaults, stable order. */
export function buildListSearch(state: ListState, kind: ListKind): string {
  const d = defaultState(kind);
  const sp = new URLSearchParams();
  if (state.status !== d.status) sp.set('status', state.status);
  if (state.market !== d.market) sp.set('market', state.market);
  if (state.since !== d.since) sp.set('since', state.since);
  if (state.q.trim()) sp.set('q', state.q.trim());
  if (state.sort !== d.sort) sp.set('sort', state.sort);
  if (state.direction !== d.direction) sp.set('direction', state.direction);
  if (state.page !== d.page) sp.set('page', String(state.page));
  if (state.size !== d.size) sp.set('size', String(state.size));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The instant a "changed since" choice stands for, or null for "any time". */
export function sinceInstant(since: Since, now: Date = new Date()): Date | null {
  switch (since) {
    case 'hour':
      return new Date(now.getTime() - 3600_000);
    case 'today': {
      const d = new Date(now);
      d.setHours(0, 0, 0, 0);
      return d;
    }
    case '7d':
      return new Date(now.getTime() - 7 * 86400_000);
    default:
      return null;
  }
}

/** The admin API's query parameters for a state (status or stage repeated, changedSince as ISO instant). */
export function toApiParams(
  state: ListState,
  kind: ListKind,
  now: Date = new Date(),
): URLSearchParams {
  const sp = new URLSearchParams();
  for (const s of kind.statuses[state.status] ?? []) sp.append(kind.param, s);
  if (state.market !== 'all') sp.set('market', state.market);
  const since = sinceInstant(state.since, now);
  if (since) sp.set('changedSince', since.toISOString());
  if (state.q.trim()) sp.set('q', state.q.trim());
  sp.set('sort', state.sort);
  sp.set('direction', state.direction);
  sp.set('page', String(state.page));
  sp.set('size', String(state.size));
  return sp;
}
