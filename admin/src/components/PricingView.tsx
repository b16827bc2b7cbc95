import { formatMoney, formatRate } from '@/lib/money';
import type { Pricing } from '@/lib/types';
import { Empty, td, tdText, th, scrollsSideways } from './ui';

/** The price breakdown: lines with VAT rate, subtotal, shipping, discounts, VAT per rate, total. */
export function PricingView({ pricing }: { pricing: Pricing | null | undefined }) {
  if (!pricing) return <Empty>No pricing yet.</Empty>;
  return (
    <div {...scrollsSideways('Pricing')}>
      <table className="min-w-full text-sm" aria-label="Pricing">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Item</th>
            <th className={`${th} text-right`}>Qty</th>
            <th className={`${th} text-right`}>Unit price</th>
            <th className={`${th} text-right`}>VAT rate</th>
            <th className={`${th} text-right`}>VAT</th>
            <th className={`${th} text-right`}>Line total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pricing.lines.map((l) => (
            <tr key={l.sku}>
              <td className={tdText}>
                <span className="font-mono text-xs text-slate-500">{l.sku}</span> {l.name}
                {l.category && <span className="ml-1 text-xs text-slate-500">({l.category})</span>}
              </td>
              <td className={`${td} text-right tabular-nums`}>{l.quantity}</td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(l.unitPrice)}</td>
              <td className={`${td} text-right tabular-nums`}>
                {formatRate(l.vatRate, pricing.currency)}
              </td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(l.vat)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(l.lineTotal)}</td>
            </tr>
          ))}
          {pricing.lines.length === 0 && (
            <tr>
              <td className={`${td} text-slate-500`} colSpan={6}>
                No lines.
              </td>
            </tr>
          )}
        </tbody>
        <tbody className="border-t border-slate-300">
          <tr>
            <td className={`${td} font-medium`} colSpan={5}>
              Subtotal
            </td>
            <td className={`${td} text-right tabular-nums`} data-testid="pricing-subtotal">
              {formatMoney(pricing.subtotal)}
            </td>
          </tr>
          {pricing.shipping.fee.amount > 0 && (
            <tr>
              <td className={td} colSpan={3}>
                Shipping
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {formatRate(pricing.shipping.vatRate, pricing.currency)}
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {formatMoney(pricing.shipping.vat)}
              </td>
              <td className={`${td} text-right tabular-nums`} data-testid="pricing-shipping">
                {formatMoney(pricing.shipping.fee)}
              </td>
            </tr>
          )}
          {pricing.discounts.map((d) => (
            <tr key={`${d.promotionId ?? d.code} ${d.vatRate}`}>
              <td className={td} colSpan={3}>
                Discount <span className="font-mono text-xs">{d.code}</span> — {d.description}
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {formatRate(d.vatRate, pricing.currency)}
              </td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(d.vat)}</td>
              <td className={`${td} text-right tabular-nums text-emerald-700`}>
                {formatMoney(d.amount)}
              </td>
            </tr>
          ))}
          {pricing.discounts.length > 0 && (
            <tr>
              <td className={td} colSpan={5}>
                Discounts total
              </td>
              <td className={`${td} text-right tabular-nums text-emerald-700`}>
                {formatMoney(pricing.discountTotal)}
              </td>
            </tr>
          )}
          {pricing.tax.rates.map((r) => (
            <tr key={r.rate} className="text-slate-600">
              <td className={td} colSpan={5}>
                VAT {formatRate(r.rate, pricing.currency)} (of {formatMoney(r.gross)}, net{' '}
                {formatMoney(r.net)})
              </td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(r.vat)}</td>
            </tr>
          ))}
          <tr className="text-slate-600">
            <td className={td} colSpan={5}>
              VAT total (included)
            </td>
            <td className={`${td} text-right tabular-nums`}>{formatMoney(pricing.tax.amount)}</td>
          </tr>
          <tr className="bg-slate-50 font-semibold">
            <td className={td} colSpan={5}>
              Total
            </td>
            <td className={`${td} text-right tabular-nums`} data-testid="pricing-total">
              {formatMoney(pricing.total)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
