'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { EMPTY_FORM, REWARD_LABELS, type PromotionForm as Form } from '@/lib/promotions';
import { MARKETS, MARKET_NAMES, type RewardType } from '@/lib/types';
import { btnPrimary, input } from './ui';

const REWARD_TYPES = Object.keys(REWARD_LABELS) as RewardType[];

function Field({
  label,
  children,
  wide = false,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <label
      className={`text-xs text-slate-600 ${wide ? 'col-span-2 sm:col-span-4' : 'col-span-2 sm:col-span-1'}`}
    >
      <span className="mb-0.5 block">{label}</span>
      {children}
    </label>
  );
}

/**
 * A promotion's main terms as an admin types them: what it gives, in which market, and its limits.
 * The store checks each field; a refusal comes back naming it.
 */
export function PromotionForm({
  initial = EMPTY_FORM,
  busy,
  submitLabel,
  onSubmit,
}: {
  initial?: Form;
  busy: boolean;
  submitLabel: string;
  onSubmit: (form: Form) => void;
}) {
  const [f, setF] = useState<Form>(initial);
  const set = (key: keyof Form) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const text = (key: keyof Form, extra: object = {}) => (
    <input
      className={`${input} w-full`}
      name={key}
      value={f[key]}
      onChange={set(key)}
      disabled={busy}
      {...extra}
    />
  );

  const choice = (key: keyof Form, options: ReactNode) => (
    <select
      className={`${input} w-full`}
      name={key}
      value={f[key]}
      onChange={set(key)}
      disabled={busy}
    >
      {options}
    </select>
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(f);
  }

  const percent = f.type === 'PERCENT_OFF' || f.type === 'BUY_GET';
  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-2 gap-3 p-4 sm:grid-cols-4"
      aria-label="Promotion"
    >
      <Field label="Name (shown to shoppers)" wide>
        {text('name', { required: true, maxLength: 100 })}
      </Field>
      <Field label="Applies">
        {choice(
          'trigger',
          <>
            <option value="AUTOMATIC">By itself</option>
            <option value="CODE">With a code</option>
          </>,
        )}
      </Field>
      <Field label="Combines">
        {choice(
          'stacking',
          <>
            <option value="STACKABLE">With other promotions</option>
            <option value="EXCLUSIVE">Alone (exclusive)</option>
          </>,
        )}
      </Field>
      <Field label="Priority">{text('priority', { inputMode: 'numeric' })}</Field>
      <Field label="Market">
        {choice(
          'market',
          <>
            <option value="">Every market</option>
            {MARKETS.map((m) => (
              <option key={m} value={m}>
                {MARKET_NAMES[m]} ({m})
              </option>
            ))}
          </>,
        )}
      </Field>
      <Field label="Reward">
        {choice(
          'type',
          <>
            {REWARD_TYPES.map((t) => (
              <option key={t} value={t}>
                {REWARD_LABELS[t]}
              </option>
            ))}
          </>,
        )}
      </Field>
      {percent && <Field label="Percent off">{text('percent', { inputMode: 'decimal' })}</Field>}
      {f.type === 'AMOUNT_OFF' && (
        <Field label="Amount off">{text('amount', { inputMode: 'decimal' })}</Field>
      )}
      {f.type === 'BUY_GET' && (
        <>
          <Field label="Buy">{text('buy', { inputMode: 'numeric' })}</Field>
          <Field label="Get">{text('get', { inputMode: 'numeric' })}</Field>
        </>
      )}
      <Field label="Currency (for amounts)">
        {text('currency', { maxLength: 3, placeholder: 'SEK' })}
      </Field>
      {f.type !== 'FREE_SHIPPING' && (
        <>
          <Field label="Off categories (comma-separated; none: every item)" wide>
            {text('targetCategories', { placeholder: 'Books, Kitchen' })}
          </Field>
          <Field label="Off SKUs (comma-separated)" wide>
            {text('targetSkus', { placeholder: 'BOOK-000001' })}
          </Field>
        </>
      )}
      <Field label="Minimum subtotal">{text('minimumSubtotal', { inputMode: 'decimal' })}</Field>
      <Field label="Uses in all">{text('uses', { inputMode: 'numeric' })}</Field>
      <Field label="Uses per customer">{text('usesPerCustomer', { inputMode: 'numeric' })}</Field>
      <div className="col-span-2 flex items-end sm:col-span-4">
        <button type="submit" className={btnPrimary} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
