'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '@/lib/api';
import { formatMoney } from '@/lib/money';
import { keys } from '@/lib/queries';
import type { Product } from '@/lib/types';
import { btn, btnPrimary, input } from './ui';

/** How long typing pauses before the catalog is asked, so each keystroke does not cost a request. */
const PAUSE_MS = 250;
const SHOWN = 8;

/** What an admin reads of a product's stock: a count when it is counted, else the catalog's flag. */
export function availability(product: Pick<Product, 'available' | 'inStock'>): string {
  if (product.available !== null && product.available !== undefined) {
    return product.available > 0 ? `${product.available} available` : 'Sold out';
  }
  return product.inStock ? 'In stock' : 'Out of stock';
}

/**
 * Adds a product to a cart by part of its name or SKU, in any case: the catalog's matches in the
 * cart's market are listed as the admin types, each with its price and stock, and one click adds it.
 * Enter adds the product whose SKU was typed in full, or the only match.
 */
export function ProductPicker({
  market,
  busy,
  onAdd,
}: {
  market: string;
  busy: boolean;
  onAdd: (sku: string, quantity: number) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [qty, setQty] = useState('1');
  const [hint, setHint] = useState<string | null>(null);
  const hintId = useId();
  const quantity = /^\d+$/.test(qty.trim()) ? Number(qty.trim()) : NaN;

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const found = useQuery({
    queryKey: keys.productSearch(market, query),
    queryFn: () => api.products({ q: query, market, size: SHOWN }),
    enabled: query.length >= 2,
    staleTime: 30_000,
  });
  const matches = query.length >= 2 && query === text.trim() ? (found.data?.items ?? []) : [];

  async function add(product: Pick<Product, 'sku'>) {
    setHint(null);
    try {
      await onAdd(product.sku, quantity);
      setText('');
      setQty('1');
    } catch {
      // The cart's error box says why.
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!(quantity >= 1)) return;
    const typed = text.trim().toUpperCase();
    const exact = matches.find((p) => p.sku === typed);
    if (exact) void add(exact);
    else if (matches.length === 1) void add(matches[0]);
    else if (/^[A-Z]{4}-\d{6}$/.test(typed)) void add({ sku: typed });
    else setHint('Choose one of the matching products below, or type a whole SKU.');
  }

  return (
    <div className="min-w-0 flex-1">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Add a product">
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Product</span>
          <input
            className={`${input} w-64 max-w-full`}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setHint(null);
            }}
            placeholder="Name or SKU, e.g. knife or book-000001"
            autoComplete="off"
            aria-describedby={hint ? hintId : undefined}
            disabled={busy}
          />
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Quantity</span>
          <input
            className={`${input} w-20 text-right`}
            inputMode="numeric"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
            disabled={busy}
          />
        </label>
        <button
          type="submit"
          className={btnPrimary}
          disabled={busy || !text.trim() || !(quantity >= 1)}
        >
          Add product
        </button>
      </form>
      {hint && (
        <p id={hintId} role="status" className="mt-1 text-xs text-amber-800">
          {hint}
        </p>
      )}
      {query.length >= 2 && found.isSuccess && query === text.trim() && (
        <div className="mt-2" role="region" aria-label="Matching products" aria-live="polite">
          {matches.length === 0 ? (
            <p className="text-sm text-slate-500">
              No product in {market} matches “{query}”.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {matches.map((p) => (
                <li key={p.sku} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-2 py-1.5">
                  <span className="min-w-0 flex-1 text-sm [overflow-wrap:anywhere]">{p.name}</span>
                  <span className="font-mono text-xs text-slate-500">{p.sku}</span>
                  <span className="text-sm tabular-nums">{formatMoney(p.price)}</span>
                  <span className="text-xs text-slate-600">{availability(p)}</span>
                  <button
                    type="button"
                    className={btn}
                    disabled={busy || !(quantity >= 1)}
                    aria-label={`Add ${p.name} (${p.sku})`}
                    onClick={() => void add(p)}
                  >
                    Add
                  </button>
                </li>
              ))}
            </ul>
          )}
          {found.data && found.data.total > matches.length && (
            <p className="mt-1 text-xs text-slate-500">
              {found.data.total - matches.length} more match: type more of the name or SKU.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
