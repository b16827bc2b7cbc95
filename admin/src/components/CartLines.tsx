'use client';

import { useState, type FormEvent } from 'react';
import { ProductPicker } from './ProductPicker';
import { api } from '@/lib/api';
import { formatMoney } from '@/lib/money';
import { useCartMutation } from '@/lib/queries';
import type { Cart, CartLine } from '@/lib/types';
import {
  ConfirmButton,
  Empty,
  ErrorBox,
  btn,
  btnDanger,
  btnPrimary,
  input,
  td,
  tdText,
  th,
  scrollsSideways,
} from './ui';

type Change =
  | { kind: 'increase'; sku: string }
  | { kind: 'decrease'; sku: string }
  | { kind: 'set'; sku: string; quantity: number }
  | { kind: 'remove'; sku: string }
  | { kind: 'add'; sku: string; quantity: number }
  | { kind: 'clear' };

function LineRow({
  line,
  editable,
  busy,
  onChange,
}: {
  line: CartLine;
  editable: boolean;
  busy: boolean;
  onChange: (c: Change) => void;
}) {
  const [draft, setDraft] = useState(String(line.quantity));
  const parsed = /^\d+$/.test(draft.trim()) ? Number(draft.trim()) : NaN;
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= 9999;
  const dirty = valid && parsed !== line.quantity;

  function save(e: FormEvent) {
    e.preventDefault();
    if (dirty) onChange({ kind: 'set', sku: line.sku, quantity: parsed });
  }

  return (
    <tr>
      <td className={`${td} font-mono text-xs`}>{line.sku}</td>
      <td className={tdText}>{line.name}</td>
      <td className={`${td} text-right tabular-nums`}>{formatMoney(line.unitPrice)}</td>
      <td className={td}>
        {editable ? (
          <form onSubmit={save} className="flex items-center justify-end gap-1">
            <button
              type="button"
              className={btn}
              aria-label={`Decrease quantity of ${line.sku}`}
              disabled={busy}
              onClick={() => onChange({ kind: 'decrease', sku: line.sku })}
            >
              −
            </button>
            <input
              className={`${input} w-16 text-right tabular-nums`}
              inputMode="numeric"
              aria-label={`Quantity of ${line.sku}`}
              aria-invalid={!valid}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              disabled={busy}
            />
            <button
              type="button"
              className={btn}
              aria-label={`Increase quantity of ${line.sku}`}
              disabled={busy}
              onClick={() => onChange({ kind: 'increase', sku: line.sku })}
            >
              +
            </button>
            <button
              type="submit"
              className={btnPrimary}
              disabled={busy || !dirty}
              aria-label={`Save quantity of ${line.sku}`}
            >
              Save
            </button>
          </form>
        ) : (
          <div className="text-right tabular-nums" aria-label={`Quantity of ${line.sku}`}>
            {line.quantity}
          </div>
        )}
      </td>
      <td className={`${td} text-right tabular-nums`} data-testid={`line-total-${line.sku}`}>
        {formatMoney(line.lineTotal)}
      </td>
      {editable && (
        <td className={`${td} text-right`}>
          <button
            type="button"
            className={btnDanger}
            aria-label={`Remove ${line.sku}`}
            disabled={busy}
            onClick={() => onChange({ kind: 'remove', sku: line.sku })}
          >
            Remove
          </button>
        </td>
      )}
    </tr>
  );
}

/**
 * The lines of a cart, editable when `editable` (an OPEN cart, or a LOCKED one with override on).
 * Every change is sent with `override=true` when `override` is set.
 */
export function CartLines({
  cart,
  editable,
  override,
}: {
  cart: Cart;
  editable: boolean;
  override: boolean;
}) {
  const mutation = useCartMutation<Change>(cart.id, (c) => {
    switch (c.kind) {
      case 'increase':
        return api.increase(cart.id, c.sku, 1, override);
      case 'decrease':
        return api.decrease(cart.id, c.sku, 1, override);
      case 'set':
        return api.setQuantity(cart.id, c.sku, c.quantity, override);
      case 'remove':
        return api.removeItem(cart.id, c.sku, override);
      case 'add':
        return api.addItem(cart.id, c.sku, c.quantity, override);
      case 'clear':
        return api.clearCart(cart.id, override);
    }
  });
  const busy = mutation.isPending;

  const total = cart.pricing?.total ?? cart.subtotal;

  return (
    <div>
      {mutation.error && (
        <div className="px-4 pt-3">
          <ErrorBox error={mutation.error} context={{ subject: 'cart', action: 'be changed' }} />
        </div>
      )}
      {cart.lines.length === 0 ? (
        <Empty>This cart is empty.</Empty>
      ) : (
        <div {...scrollsSideways('Cart lines')}>
          <table className="min-w-full text-sm" aria-label="Cart lines">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>SKU</th>
                <th className={th}>Name</th>
                <th className={`${th} text-right`}>Unit price</th>
                <th className={`${th} text-right`}>Quantity</th>
                <th className={`${th} text-right`}>Line total</th>
                {editable && (
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cart.lines.map((l) => (
                <LineRow
                  key={`${l.sku}-${l.quantity}`}
                  line={l}
                  editable={editable}
                  busy={busy}
                  onChange={(c) => mutation.mutate(c)}
                />
              ))}
            </tbody>
            <tfoot className="border-t border-slate-300">
              <tr>
                <td className={`${td} font-medium`} colSpan={4}>
                  Subtotal
                </td>
                <td className={`${td} text-right tabular-nums`} data-testid="cart-subtotal">
                  {formatMoney(cart.subtotal)}
                </td>
                {editable && <td />}
              </tr>
              <tr className="bg-slate-50 font-semibold">
                <td className={td} colSpan={4}>
                  Total (after discounts, VAT included)
                </td>
                <td className={`${td} text-right tabular-nums`} data-testid="cart-total">
                  {formatMoney(total)}
                </td>
                {editable && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {editable && (
        <div className="flex flex-wrap items-end justify-between gap-3 border-t border-slate-200 px-4 py-3">
          <ProductPicker
            market={cart.market}
            busy={busy}
            onAdd={(sku, quantity) => mutation.mutateAsync({ kind: 'add', sku, quantity })}
          />
          {cart.lines.length > 0 && (
            <ConfirmButton
              label="Clear cart"
              disabled={busy}
              title="Remove every line from this cart?"
              confirmLabel="Clear cart"
              danger
              busy={busy}
              onConfirm={() => mutation.mutateAsync({ kind: 'clear' }).catch(() => undefined)}
            />
          )}
        </div>
      )}
    </div>
  );
}
