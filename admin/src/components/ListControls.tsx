'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import {
  PAGE_SIZES,
  SINCE_OPTIONS,
  SORT_OPTIONS,
  buildListSearch,
  parseListState,
  type ListKind,
  type ListState,
} from '@/lib/listQuery';
import { MARKETS, MARKET_NAMES } from '@/lib/types';
import { btn, input } from './ui';

/** The list state, read from and written to the page's query string. */
export function useListState(kind: ListKind) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = params.toString();
  const state = useMemo(() => parseListState(new URLSearchParams(key), kind), [key, kind]);
  const update = useCallback(
    (patch: Partial<ListState>) => {
      // any filter change goes back to the first page
      const next = { ...state, page: 0, ...patch };
      router.replace(`${pathname}${buildListSearch(next, kind)}`, { scroll: false });
    },
    [state, router, pathname, kind],
  );
  return [state, update] as const;
}

export function ListControls({
  state,
  update,
  statusOptions,
  searchLabel,
  onRefresh,
  refreshing,
}: {
  state: ListState;
  update: (patch: Partial<ListState>) => void;
  statusOptions: { value: string; label: string }[];
  searchLabel: string;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  // the caller keys this component by state.q, so a URL change (back button) resets the text
  const [text, setText] = useState(state.q);

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = text.trim();
    // Searching again for the same text asks the store again: the list may have caught up since.
    if (q === state.q) onRefresh();
    else update({ q });
  }

  return (
    <div className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2">
      <label className="text-xs text-slate-600">
        <span className="mb-0.5 block">Status</span>
        <select
          className={input}
          value={state.status}
          onChange={(e) => update({ status: e.target.value })}
        >
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        <span className="mb-0.5 block">Market</span>
        <select
          className={input}
          value={state.market}
          onChange={(e) => update({ market: e.target.value as ListState['market'] })}
        >
          <option value="all">All markets</option>
          {MARKETS.map((m) => (
            <option key={m} value={m}>
              {MARKET_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        <span className="mb-0.5 block">Changed since</span>
        <select
          className={input}
          value={state.since}
          onChange={(e) => update({ since: e.target.value as ListState['since'] })}
        >
          {SINCE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <form onSubmit={submit} className="flex w-full items-end gap-1 sm:w-auto" role="search">
        <label className="min-w-0 flex-1 text-xs text-slate-600">
          <span className="mb-0.5 block">Search</span>
          <input
            className={`${input} w-full sm:w-72`}
            type="search"
            placeholder={searchLabel}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" className={btn}>
          Search
        </button>
      </form>
      <label className="text-xs text-slate-600">
        <span className="mb-0.5 block">Sort by</span>
        <select
          className={input}
          value={state.sort}
          onChange={(e) => update({ sort: e.target.value as ListState['sort'] })}
        >
          {SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        <span className="mb-0.5 block">Order</span>
        <select
          className={input}
          value={state.direction}
          onChange={(e) => update({ direction: e.target.value as ListState['direction'] })}
        >
          <option value="desc">Newest / largest first</option>
          <option value="asc">Oldest / smallest first</option>
        </select>
      </label>
      <button type="button" className={`${btn} ml-auto`} onClick={onRefresh} disabled={refreshing}>
        Refresh
      </button>
    </div>
  );
}

export function Pagination({
  state,
  update,
  total,
  shown,
}: {
  state: ListState;
  update: (patch: Partial<ListState>) => void;
  total: number;
  shown: number;
}) {
  const from = total === 0 ? 0 : state.page * state.size + 1;
  const to = state.page * state.size + shown;
  const lastPage = Math.max(0, Math.ceil(total / state.size) - 1);
  return (
    <nav
      aria-label="Pagination"
      className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-sm"
    >
      <span className="text-slate-600">
        {from}–{to} of {total}
      </span>
      <div className="flex items-center gap-2">
        <label className="text-xs text-slate-600">
          Rows{' '}
          <select
            className={input}
            value={state.size}
            onChange={(e) => update({ size: Number(e.target.value) })}
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={btn}
          disabled={state.page <= 0}
          onClick={() => update({ page: state.page - 1 })}
        >
          Previous
        </button>
        <span className="text-slate-600">
          Page {state.page + 1} of {lastPage + 1}
        </span>
        <button
          type="button"
          className={btn}
          disabled={state.page >= lastPage}
          onClick={() => update({ page: state.page + 1 })}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
