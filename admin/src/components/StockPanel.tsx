'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '@/lib/api';
import { orderPath } from '@/lib/paths';
import type { Stock } from '@/lib/types';
import { ErrorBox, Facts, IdLink, Loading, Section, Time, btn, input, td, th } from './ui';

/** A product's stock: its counts, the orders holding units, and the admin's receipts and adjustments. */
export function StockPanel({ sku }: { sku: string }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['stock', sku],
    queryFn: () => api.stock(sku),
    refetchInterval: 5_000,
  });
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [change, setChange] = useState('');
  const [reason, setReason] = useState('');

  async function changed(stock: Stock) {
    qc.setQueryData(['stock', sku], stock);
    // The product's own answer (in stock, available) follows the stock.
    await qc.invalidateQueries({ queryKey: ['product', sku] });
  }
  const receive = useMutation({
    mutationFn: () => api.receiveStock(sku, Number(quantity), note.trim()),
    onSuccess: async (stock) => {
      setQuantity('');
      setNote('');
      await changed(stock);
    },
  });
  const adjust = useMutation({
    mutationFn: () => api.adjustStock(sku, Number(change), reason.trim()),
    onSuccess: async (stock) => {
      setChange('');
      setReason('');
      await changed(stock);
    },
  });

  function onReceive(e: FormEvent) {
    e.preventDefault();
    receive.mutate();
  }
  function onAdjust(e: FormEvent) {
    e.preventDefault();
    adjust.mutate();
  }

  const s = q.data;
  return (
    <Section title="Stock">
      {q.isPending && <Loading />}
      <div className="px-4 pt-2">
        <ErrorBox error={q.error} context={{ subject: 'product' }} onRetry={() => q.refetch()} />
      </div>
      {s && (
        <>
          {s.tracked ? (
            <Facts
              items={[
                ['On hand', s.onHand],
                ['Reserved', s.reserved],
                ['Available', <strong key="available">{s.available}</strong>],
                ['Shipped', s.committed],
              ]}
            />
          ) : (
            <p className="px-4 py-3 text-sm text-slate-600">
              Not counted: it sells as its in-stock flag says. The first receipt or adjustment
              starts counting it.
            </p>
          )}
          {s.reservations.length > 0 && (
            <table className="min-w-full text-sm" aria-label="Reservations">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>Order</th>
                  <th className={`${th} text-right`}>Units</th>
                  <th className={th}>Held</th>
                  <th className={th}>Reserved</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {s.reservations.map((r) => (
                  <tr key={r.orderId}>
                    <td className={td}>
                      <IdLink id={r.orderId} href={orderPath(r.orderId)} />
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{r.quantity}</td>
                    <td className={td}>
                      {r.until ? (
                        <>
                          until the payment, <Time iso={r.until} />
                        </>
                      ) : (
                        'paid: until it ships'
                      )}
                    </td>
                    <td className={td}>
                      <Time iso={r.reservedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <form
        onSubmit={onReceive}
        className="flex flex-wrap items-end gap-2 border-t border-slate-100 px-4 py-3"
      >
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Units received</span>
          <input
            className={`${input} w-24`}
            type="number"
            min={1}
            required
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Note (optional)</span>
          <input
            className={`${input} w-40`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button type="submit" className={btn} disabled={receive.isPending}>
          Receive
        </button>
      </form>
      <div className="px-4">
        <ErrorBox error={receive.error} context={{ subject: 'stock' }} />
      </div>
      <form onSubmit={onAdjust} className="flex flex-wrap items-end gap-2 px-4 py-3">
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Change (+ or −)</span>
          <input
            className={`${input} w-24`}
            type="number"
            required
            value={change}
            onChange={(e) => setChange(e.target.value)}
          />
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Reason</span>
          <input
            className={`${input} w-40`}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button type="submit" className={btn} disabled={adjust.isPending}>
          Adjust
        </button>
      </form>
      <div className="px-4 pb-3">
        <ErrorBox error={adjust.error} context={{ subject: 'stock' }} />
      </div>
    </Section>
  );
}
