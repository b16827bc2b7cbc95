'use client';

import { useState, type FormEvent } from 'react';
import type { Address, AddressInput, Contact, ContactInput } from '@/lib/types';
import { btnPrimary, input } from './ui';

const EMPTY_ADDRESS: AddressInput = { line1: '', line2: '', city: '', postalCode: '', country: '' };

function asInput(a: Address | null): AddressInput {
  return a ? { ...a, line2: a.line2 ?? '' } : EMPTY_ADDRESS;
}

function AddressFields({
  legend,
  value,
  onChange,
  disabled,
  prefix,
}: {
  legend: string;
  value: AddressInput;
  onChange: (a: AddressInput) => void;
  disabled: boolean;
  prefix: string;
}) {
  const field = (key: keyof AddressInput, label: string, cls = '', extra: object = {}) => (
    <label className={`text-xs text-slate-600 ${cls}`}>
      <span className="mb-0.5 block">{label}</span>
      <input
        className={`${input} w-full`}
        name={`${prefix}.${key}`}
        value={value[key] ?? ''}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        disabled={disabled}
        {...extra}
      />
    </label>
  );
  return (
    <fieldset className="grid grid-cols-6 gap-2">
      <legend className="col-span-6 mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {legend}
      </legend>
      {field('line1', `${legend}: line 1`, 'col-span-6', { required: true })}
      {field('line2', `${legend}: line 2 (optional)`, 'col-span-6')}
      {field('postalCode', `${legend}: postal code`, 'col-span-2', { required: true })}
      {field('city', `${legend}: city`, 'col-span-3', { required: true })}
      {field('country', `${legend}: country`, 'col-span-1', {
        required: true,
        maxLength: 2,
        pattern: '[A-Za-z]{2}',
        title: 'Two-letter country code, e.g. SE',
      })}
    </fieldset>
  );
}

function clean(a: AddressInput): AddressInput {
  const out: AddressInput = {
    line1: a.line1.trim(),
    city: a.city.trim(),
    postalCode: a.postalCode.trim(),
    country: a.country.trim().toUpperCase(),
  };
  if (a.line2 && a.line2.trim()) out.line2 = a.line2.trim();
  return out;
}

/** The order's contact: editable when `editable`, submitted as the whole contact object. */
export function ContactForm({
  contact,
  editable,
  busy,
  onSave,
}: {
  contact: Contact | null;
  editable: boolean;
  busy: boolean;
  onSave: (c: ContactInput) => void;
}) {
  const [email, setEmail] = useState(contact?.email ?? '');
  const [name, setName] = useState(contact?.name ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [shipping, setShipping] = useState<AddressInput>(asInput(contact?.shippingAddress ?? null));
  const [separateBilling, setSeparateBilling] = useState(!!contact?.billingAddress);
  const [billing, setBilling] = useState<AddressInput>(asInput(contact?.billingAddress ?? null));
  const disabled = !editable || busy;

  if (!contact && !editable) {
    return (
      <p className="px-4 py-3 text-sm text-slate-500">
        No contact given, and it can&apos;t be given in this state.
      </p>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    onSave({
      email: email.trim(),
      name: name.trim(),
      phone: phone.trim(),
      shippingAddress: clean(shipping),
      ...(separateBilling ? { billingAddress: clean(billing) } : {}),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 px-4 py-3" aria-label="Contact">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Email</span>
          <input
            className={`${input} w-full`}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            disabled={disabled}
          />
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Name</span>
          <input
            className={`${input} w-full`}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            disabled={disabled}
          />
        </label>
        <label className="text-xs text-slate-600">
          <span className="mb-0.5 block">Phone</span>
          <input
            className={`${input} w-full`}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            disabled={disabled}
          />
        </label>
      </div>
      <AddressFields
        legend="Shipping address"
        prefix="shipping"
        value={shipping}
        onChange={setShipping}
        disabled={disabled}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={separateBilling}
          onChange={(e) => setSeparateBilling(e.target.checked)}
          disabled={disabled}
        />
        Separate billing address
      </label>
      {separateBilling && (
        <AddressFields
          legend="Billing address"
          prefix="billing"
          value={billing}
          onChange={setBilling}
          disabled={disabled}
        />
      )}
      {editable ? (
        <button type="submit" className={btnPrimary} disabled={busy}>
          {busy ? 'Saving…' : 'Save contact'}
        </button>
      ) : (
        <p className="text-xs text-slate-500">The contact can&apos;t be changed in this state.</p>
      )}
    </form>
  );
}
