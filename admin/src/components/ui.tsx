'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError, problemMessage, type ProblemContext } from '@/lib/problem';
import { formatDateTime, formatRelative, shortId } from '@/lib/time';

export const btn =
  'inline-flex items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500';
export const btnPrimary =
  'inline-flex items-center justify-center gap-1 rounded-md border border-indigo-600 bg-indigo-600 px-2.5 py-1 text-sm font-medium text-white shadow-xs hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500';
export const btnDanger =
  'inline-flex items-center justify-center gap-1 rounded-md border border-red-600 bg-white px-2.5 py-1 text-sm font-medium text-red-700 shadow-xs hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-500';
export const input =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-xs focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 disabled:bg-slate-100 disabled:text-slate-500';
export const th =
  'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 whitespace-nowrap';
export const td = 'px-3 py-1.5 whitespace-nowrap';
/**
 * The box around a table that may be wider than its column: it scrolls sideways on its own, and
 * takes the focus so that the keyboard scrolls it too (a region named like its table).
 */
export function scrollsSideways(label: string) {
  return {
    className: 'overflow-x-auto',
    tabIndex: 0,
    role: 'region',
    'aria-label': label,
  } as const;
}

/** A cell of free text (a product's name): it wraps, so a long name cannot widen the page. */
export const tdText = 'px-3 py-1.5 min-w-40 [overflow-wrap:anywhere]';

const STATUS_COLORS: Record<string, string> = {
  OPEN: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  LOCKED: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  CHECKED_OUT: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  CREATED: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  CONTACT_GIVEN: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  PAYMENT_ADDED: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  PAYMENT_AUTHORIZED: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  AUTHORIZED: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  FULFILLMENT_CREATED: 'bg-violet-50 text-violet-700 ring-violet-600/20',
  PICKED: 'bg-violet-50 text-violet-700 ring-violet-600/20',
  SHIPPED: 'bg-blue-50 text-blue-700 ring-blue-600/20',
  DELIVERED: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  CANCELLED: 'bg-red-50 text-red-700 ring-red-600/20',
  DECLINED: 'bg-red-50 text-red-700 ring-red-600/20',
  FAILED: 'bg-red-50 text-red-700 ring-red-600/20',
  RELEASED: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  PENDING: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  AWAITING_CONTACT: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  AWAITING_PAYMENT: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  AWAITING_AUTHORIZATION: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  PAYMENT_DECLINED: 'bg-red-50 text-red-700 ring-red-600/20',
  PAYMENT_FAILED: 'bg-red-50 text-red-700 ring-red-600/20',
  PAYMENT_PENDING: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  PAID: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  TO_BE_PICKED: 'bg-violet-50 text-violet-700 ring-violet-600/20',
  // promotions
  ACTIVE: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  PAUSED: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  ENDED: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  // a promotion's redemptions
  RESERVED: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  KEPT: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  GIVEN_BACK: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  // cluster members (Pekko's member status)
  Joining: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  WeaklyUp: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  Up: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  Leaving: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  Exiting: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  Down: 'bg-red-50 text-red-700 ring-red-600/20',
  Removed: 'bg-slate-100 text-slate-700 ring-slate-500/20',
};

/** A status in its colour: the words an admin reads, the API's code in the tooltip. */
export function StatusBadge({
  status,
  label,
}: {
  status: string | null | undefined;
  label?: string;
}) {
  if (!status) return <span className="text-slate-500">—</span>;
  const color = STATUS_COLORS[status] ?? 'bg-slate-50 text-slate-700 ring-slate-500/20';
  return (
    <span
      title={label ? status : undefined}
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${color}`}
    >
      {label ?? status}
    </span>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 p-4 text-slate-500">
      <span
        aria-hidden
        className="inline-block size-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600"
      />
      {label}
    </div>
  );
}

export function ErrorBox({
  error,
  context,
  onRetry,
}: {
  error: unknown;
  context?: ProblemContext;
  onRetry?: () => void;
}) {
  if (!error) return null;
  // Asking again cannot help when the store said the request itself is wrong (a missing order, a refusal).
  const retryable =
    !(error instanceof ApiError) ||
    error.status >= 500 ||
    error.status === 408 ||
    error.status === 429;
  return (
    <div
      role="alert"
      data-testid="error"
      className="flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      <span>{problemMessage(error, context)}</span>
      {onRetry && retryable && (
        <button type="button" className={btn} onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="p-6 text-center text-sm text-slate-500">{children}</div>;
}

export function Section({
  title,
  actions,
  children,
  className = '',
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  // Named by its heading, so that a screen reader lists it among the page's regions.
  const heading = useId();
  return (
    <section
      aria-labelledby={heading}
      className={`rounded-lg border border-slate-200 bg-white shadow-xs ${className}`}
    >
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id={heading} className="text-sm font-semibold text-slate-800">
          {title}
        </h2>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </header>
      <div>{children}</div>
    </section>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
      <h1 className="text-xl font-semibold text-slate-900">{children}</h1>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}

/** When a page's figures were fetched, and a button to fetch them again. */
export function Refreshed({
  query,
  testId,
}: {
  query: { dataUpdatedAt: number; isFetching: boolean; refetch: () => unknown };
  testId?: string;
}) {
  return (
    <>
      {query.dataUpdatedAt > 0 && (
        <span className="text-xs text-slate-500" data-testid={testId}>
          Updated {formatDateTime(new Date(query.dataUpdatedAt).toISOString())}
        </span>
      )}
      <button
        type="button"
        className={btn}
        onClick={() => query.refetch()}
        disabled={query.isFetching}
      >
        Refresh
      </button>
    </>
  );
}

/** How current a list from a read model is: up to date, or how many changes are still on their way. */
export function ListFreshness({
  page,
  fetchedAt,
}: {
  page: { behind?: number } | undefined;
  fetchedAt: number;
}) {
  if (!page || page.behind === undefined || fetchedAt === 0) return null;
  const at = formatDateTime(new Date(fetchedAt).toISOString());
  return (
    <p className="mb-2 text-xs text-slate-500" role="status" data-testid="list-freshness">
      {page.behind === 0
        ? `Up to date as of ${at}.`
        : `As of ${at}; ${page.behind === 1 ? 'one change is' : `${page.behind} changes are`} still coming in.`}
    </p>
  );
}

export function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="text-slate-500">—</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}

/** A dt/dd pair list for facts about an entity. */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 px-4 py-3 text-sm">
      {items.map(([k, v], i) => (
        <div key={i} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere] text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * An inline confirmation panel (an alert dialog) with confirm and cancel buttons. It takes the focus
 * as it opens, on the button that changes nothing, and Escape cancels it.
 */
export function Confirm({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep it',
  onConfirm,
  onCancel,
  danger = false,
  busy = false,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1">{children}</div>}
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          className={danger ? btnDanger : btnPrimary}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
        <button ref={keep} type="button" className={btn} onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/**
 * A button that asks before it acts: it opens a {@link Confirm} in its place, and when that closes
 * without a change, the focus is back on the button. A promise from {@code onConfirm} keeps the panel
 * open (busy) until it settles.
 */
export function ConfirmButton({
  label,
  className = btnDanger,
  disabled = false,
  onConfirm,
  ...confirm
}: {
  label: string;
  className?: string;
  disabled?: boolean;
  onConfirm: () => void | Promise<unknown>;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const area = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
    if (trigger.current) area.current = trigger.current.closest('section');
  }, [open]);
  // Once done, the action may take its button away (a cancelled order offers no cancel): the focus
  // then goes to the section the button was in, not to the page's body.
  useEffect(
    () => () => {
      const section = area.current;
      if (section && (!document.activeElement || document.activeElement === document.body)) {
        section.setAttribute('tabindex', '-1');
        section.focus();
      }
    },
    [],
  );

  if (open) {
    return (
      <Confirm
        {...confirm}
        busy={confirm.busy || waiting}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          const result = onConfirm();
          if (result instanceof Promise) {
            setWaiting(true);
            const done = () => {
              setWaiting(false);
              setOpen(false);
            };
            result.then(done, done);
          } else {
            setOpen(false);
          }
        }}
      />
    );
  }
  return (
    <button
      ref={trigger}
      type="button"
      className={className}
      disabled={disabled}
      onClick={() => setOpen(true)}
    >
      {label}
    </button>
  );
}

/** An order's, cart's or other entity's short id, linking to its page; the whole id in the tooltip. */
export function IdLink({ id, href }: { id: string; href: string }) {
  return (
    <Link href={href} title={id} className="font-mono text-indigo-700 hover:underline">
      {shortId(id)}
    </Link>
  );
}

/** Previous and Next between the pages of a list, and which page of how many it shows. */
export function PageSteps({
  page,
  lastPage,
  onPage,
}: {
  page: number;
  lastPage: number;
  onPage: (page: number) => void;
}) {
  return (
    <>
      <button type="button" className={btn} disabled={page <= 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="text-slate-600">
        Page {page + 1} of {lastPage + 1}
      </span>
      <button
        type="button"
        className={btn}
        disabled={page >= lastPage}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </>
  );
}
