'use client';

import { useRef, useState } from 'react';
import { Confirm } from './ui';

/**
 * The explicit switch an admin must turn on before changing a LOCKED cart.
 * Turning it on asks for confirmation; turning it off is immediate.
 */
export function OverrideToggle({
  enabled,
  onChange,
}: {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const [asking, setAsking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // The question closes either way with the focus back on the switch, not on the page's body.
  function answered(switchOn: boolean) {
    setAsking(false);
    toggle.current?.focus();
    if (switchOn) onChange(true);
  }
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <button
          ref={toggle}
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label="Admin override"
          onClick={() => (enabled ? onChange(false) : setAsking(true))}
          className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 ${
            enabled ? 'bg-red-600' : 'bg-slate-300'
          }`}
        >
          <span
            aria-hidden
            className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${
              enabled ? 'translate-x-4.5' : 'translate-x-0.5'
            }`}
          />
        </button>
        <span className="text-sm font-medium">
          Admin override{' '}
          {enabled ? <span className="text-red-700">(on: edits allowed)</span> : '(off)'}
        </span>
      </div>
      {asking && (
        <Confirm
          title="Edit a locked cart?"
          confirmLabel="Switch override on"
          cancelLabel="Cancel"
          danger
          onConfirm={() => answered(true)}
          onCancel={() => answered(false)}
        >
          This cart is locked because an order&apos;s payment is in progress for it. Changing its
          lines now can make the order&apos;s price differ from what the customer is paying. Only
          continue if you know why the change is needed.
        </Confirm>
      )}
    </div>
  );
}
