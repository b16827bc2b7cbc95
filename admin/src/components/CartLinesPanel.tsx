'use client';

import { useState } from 'react';
import type { Cart } from '@/lib/types';
import { CartLines } from './CartLines';
import { OverrideToggle } from './OverrideToggle';
import { Section } from './ui';

/**
 * The cart's lines: editable when OPEN; read-only when LOCKED until the admin switches the
 * override on (then every change is sent with override=true); always read-only when CHECKED_OUT.
 * Keyed by cart id by its user, so the override never carries over to another cart.
 */
export function CartLinesPanel({ cart }: { cart: Cart }) {
  const [override, setOverride] = useState(false);
  const locked = cart.status === 'LOCKED';
  const editable = cart.status === 'OPEN' || (locked && override);
  return (
    <Section
      title="Lines"
      actions={
        cart.status === 'CHECKED_OUT' ? (
          <span className="text-xs text-slate-500">Checked out: read-only</span>
        ) : locked && !override ? (
          <span className="text-xs text-amber-700">Locked: read-only</span>
        ) : null
      }
    >
      {cart.stockWarnings.length > 0 && (
        <ul
          aria-label="Stock warnings"
          className="border-b border-amber-200 bg-amber-50/60 px-4 py-2 text-sm text-amber-900"
        >
          {cart.stockWarnings.map((w) => (
            <li key={w.sku}>{w.message}: a payment would be refused.</li>
          ))}
        </ul>
      )}
      {locked && (
        <div className="border-b border-amber-200 bg-amber-50/60 px-4 py-3">
          <p className="mb-2 text-sm text-amber-900">
            This cart is <strong>locked</strong> by its order&apos;s payment. Its lines are
            read-only unless you switch the admin override on.
          </p>
          <OverrideToggle enabled={override} onChange={setOverride} />
        </div>
      )}
      <CartLines cart={cart} editable={editable} override={locked && override} />
    </Section>
  );
}
