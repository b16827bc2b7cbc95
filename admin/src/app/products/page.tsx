'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState, type FormEvent } from 'react';
import {
  Empty,
  ErrorBox,
  Facts,
  Loading,
  PageSteps,
  PageTitle,
  Section,
  btn,
  btnPrimary,
  input,
  td,
  th,
} from '@/components/ui';
import { StockPanel } from '@/components/StockPanel';
import { api } from '@/lib/api';
import { formatMoney } from '@/lib/money';
import { MARKETS } from '@/lib/types';

const SIZE = 20;

function ProductDetail({
  sku,
  market,
  onClose,
}: {
  sku: string;
  market: string;
  onClose: () => void;
}) {
  const q = useQuery({
    queryKey: ['product', sku, market],
    queryFn: () => api.product(sku, market),
  });
  const p = q.data;
  return (
    <Section
      title={`Product ${sku}`}
      actions={
        <button type="button" className={btn} onClick={onClose}>
          Close
        </button>
      }
    >
      {q.isPending && <Loading />}
      <div className="px-4 pt-2">
        <ErrorBox error={q.error} context={{ subject: 'product' }} onRetry={() => q.refetch()} />
      </div>
      {p && (
        <Facts
          items={[
            [
              'SKU',
              <span key="sku" className="font-mono">
                {p.sku}
              </span>,
            ],
            ['Name', p.name],
            ['Category', p.category],
            ['Market', p.market],
            ['Price', formatMoney(p.price)],
            ['In stock', p.inStock ? 'Yes' : 'No'],
            ['Available', p.available ?? 'not counted'],
            ['Description', p.description],
          ]}
        />
      )}
    </Section>
  );
}

function Products() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const marketParam = params.get('market') ?? 'SE';
  const market = (MARKETS as readonly string[]).includes(marketParam) ? marketParam : 'SE';
  const sku = params.get('sku') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const [text, setText] = useState(q);
  const [cat, setCat] = useState(category);

  function go(next: Record<string, string | number>) {
    const sp = new URLSearchParams();
    const merged = { q, category, market, sku, page, ...next };
    for (const [k, v] of Object.entries(merged)) {
      if (v !== '' && !(k === 'page' && v === 0) && !(k === 'market' && v === 'SE')) {
        sp.set(k, String(v));
      }
    }
    const s = sp.toString();
    router.replace(`${pathname}${s ? `?${s}` : ''}`, { scroll: false });
  }

  const list = useQuery({
    queryKey: ['products', q, category, market, page],
    queryFn: () => api.products({ q, category, market, page, size: SIZE }),
    placeholderData: keepPreviousData,
  });

  function search(e: FormEvent) {
    e.preventDefault();
    go({ q: text.trim(), category: cat.trim(), page: 0, sku: '' });
  }

  const categories = [...new Set((list.data?.items ?? []).map((p) => p.category))].sort();
  const lastPage = list.data ? Math.max(0, Math.ceil(list.data.total / SIZE) - 1) : 0;

  return (
    <div>
      <PageTitle>Products</PageTitle>
      <form
        onSubmit={search}
        role="search"
        className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2"
      >
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Text</span>
          <input
            className={`${input} w-64`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Name or SKU"
          />
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Category</span>
          <input
            className={`${input} w-44`}
            list="product-categories"
            value={cat}
            onChange={(e) => setCat(e.target.value)}
            placeholder="any"
          />
          <datalist id="product-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Market</span>
          <select
            className={input}
            value={market}
            onChange={(e) => go({ market: e.target.value, page: 0 })}
          >
            {MARKETS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={btnPrimary}>
          Search
        </button>
      </form>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <div className="px-3 pt-2">
            <ErrorBox error={list.error} onRetry={() => list.refetch()} />
          </div>
          {list.isPending && <Loading />}
          {list.data && list.data.items.length === 0 && <Empty>No products match.</Empty>}
          {list.data && list.data.items.length > 0 && (
            <table className="min-w-full text-sm" aria-label="Products">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>SKU</th>
                  <th className={th}>Name</th>
                  <th className={th}>Category</th>
                  <th className={`${th} text-right`}>Price</th>
                  <th className={th}>In stock</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.data.items.map((p) => (
                  <tr key={p.sku} className={p.sku === sku ? 'bg-indigo-50' : 'hover:bg-slate-50'}>
                    <td className={td}>
                      <button
                        type="button"
                        className="font-mono text-indigo-700 hover:underline"
                        onClick={() => go({ sku: p.sku })}
                      >
                        {p.sku}
                      </button>
                    </td>
                    <td className="px-3 py-1.5">{p.name}</td>
                    <td className={td}>{p.category}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatMoney(p.price)}</td>
                    <td className={td}>
                      {p.inStock ? (
                        <span className="text-emerald-700">
                          Yes{p.available != null && `, ${p.available}`}
                        </span>
                      ) : (
                        <span className="text-red-700">No</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list.data && (
            <nav
              aria-label="Pagination"
              className="flex items-center justify-between border-t border-slate-200 px-3 py-2 text-sm"
            >
              <span className="text-slate-600">{list.data.total} products</span>
              <div className="flex items-center gap-2">
                <PageSteps page={page} lastPage={lastPage} onPage={(p) => go({ page: p })} />
              </div>
            </nav>
          )}
        </div>
        <div>
          {sku ? (
            <div className="space-y-4">
              <ProductDetail sku={sku} market={market} onClose={() => go({ sku: '' })} />
              <StockPanel sku={sku} />
            </div>
          ) : (
            <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
              Click a SKU to see the product.
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

export default function ProductsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Products />
    </Suspense>
  );
}
