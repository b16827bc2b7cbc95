import {
  CART_STATUS_LABELS,
  FULFILLMENT_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  PAYMENT_STATUS_LABELS,
} from './labels';

/** RFC 9457 problem details as answered by the store API. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  currentStatus?: string;
  allowed?: string[];
  errors?: unknown;
}

/** An error answered by the API (any non-2xx status). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** The request never got an answer (offline, DNS, connection refused, CORS...). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super("Can't reach the store.");
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/**
 * What was being attempted, used to phrase conflicts, e.g.
 * `{ subject: 'order', action: 'be cancelled' }` -> "This order can't be cancelled now: it is X."
 */
export interface ProblemContext {
  subject?: string;
  action?: string;
}

function humanField(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();
}

/** Fields as an admin names them, where the API's name is not a word of its own. */
const FIELD_WORDS: Record<string, string> = {
  sku: 'SKU',
  by: 'quantity to take away',
  q: 'search text',
  generate: 'number of codes to generate',
  'reward.percent': 'percent off',
  'reward.amount': 'amount off',
};

function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? humanField(field);
}

/**
 * The store's wording as a sentence an admin reads: "'quantity' must be between 1 and 999" becomes
 * "The quantity must be between 1 and 999." A field named mid-sentence keeps its quotes.
 */
export function inWords(detail: string): string {
  const text = detail.replace(
    /(^|and )'([A-Za-z][A-Za-z0-9.]*)'/g,
    (_, before: string, field: string) => `${before}the ${fieldWords(field)}`,
  );
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}

function fieldErrors(errors: unknown): string[] {
  if (!Array.isArray(errors)) {
    if (errors && typeof errors === 'object') {
      return Object.entries(errors as Record<string, unknown>).map(
        ([field, msg]) => `${humanField(field)}: ${String(msg)}`,
      );
    }
    return [];
  }
  return errors
    .map((e) => {
      if (typeof e === 'string') return e;
      if (e && typeof e === 'object') {
        const o = e as Record<string, unknown>;
        const msg = o.detail ?? o.message ?? o.defaultMessage ?? o.title;
        const field = o.field ?? o.pointer ?? o.name;
        if (msg && field) return `${humanField(String(field))}: ${String(msg)}`;
        if (msg) return String(msg);
      }
      return '';
    })
    .filter(Boolean);
}

/** A status code in the words of the subject it belongs to, as it reads mid-sentence: "paid". */
function statusWords(code: string, subject: string): string {
  const bySubject: Record<string, Record<string, string>> = {
    order: ORDER_STATUS_LABELS,
    cart: CART_STATUS_LABELS,
    fulfilment: FULFILLMENT_STATUS_LABELS,
    payment: PAYMENT_STATUS_LABELS,
  };
  const label =
    bySubject[subject]?.[code] ??
    [ORDER_STATUS_LABELS, CART_STATUS_LABELS, FULFILLMENT_STATUS_LABELS, PAYMENT_STATUS_LABELS]
      .map((labels) => (labels as Record<string, string>)[code])
      .find(Boolean);
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : code;
}

/** What a refusal says may be done instead, as phrases: the API names them by its actions. */
const ACTION_PHRASES: Record<string, string> = {
  contact: 'change the contact',
  addPayment: 'add a payment',
  authorize: 'authorize the payment',
  createFulfillment: 'create the fulfilment',
  cancel: 'cancel it',
  cancelFulfillment: 'cancel the fulfilment',
  pick: 'mark it picked',
  ship: 'ship it',
  deliver: 'mark it delivered',
};

function actionWords(action: string): string {
  return ACTION_PHRASES[action] ?? humanField(action);
}

/** A sentence a person understands, for any error thrown by the API client. */
export function problemMessage(error: unknown, context: ProblemContext = {}): string {
  if (error instanceof NetworkError) return "Can't reach the store.";
  if (!(error instanceof ApiError)) {
    if (error instanceof TypeError) return "Can't reach the store.";
    return error instanceof Error ? error.message : 'Something went wrong.';
  }
  const p = error.problem;
  const subject = context.subject ?? 'item';
  switch (error.status) {
    case 400: {
      const list = fieldErrors(p.errors);
      if (list.length > 1) return `Please check: ${list.join('; ')}.`;
      // An id the store never gives out (mistyped, cut short): say what it should have been.
      if (p.field && /must be an id/.test(p.detail ?? '')) {
        return `That is not a valid ${humanField(p.field)}: the store's ids look like 3f6c1a2e-5b7d-4c8e-9f01-2a3b4c5d6e7f. Check the address or the link you followed.`;
      }
      const base = p.detail ? inWords(p.detail) : (p.title ?? 'The input is not valid.');
      // name the field unless the detail already does
      return p.field && !base.toLowerCase().includes(fieldWords(p.field).toLowerCase())
        ? `${base} (field: ${fieldWords(p.field)})`
        : base;
    }
    case 401:
      return 'You are not signed in (or your session expired). Please sign in again.';
    case 403:
      return 'Your account is not allowed to do this: admin rights are needed.';
    case 404:
      return p.detail ?? `This ${subject} doesn't exist.`;
    case 409: {
      const action = context.action ?? 'be changed';
      let text = p.currentStatus
        ? `This ${subject} can't ${action} now: it is ${statusWords(p.currentStatus, subject)}.`
        : `This ${subject} can't ${action} now${p.detail ? `: ${p.detail}` : '.'}`;
      if (p.allowed?.includes('override')) {
        text += ' Switch the admin override on to change it anyway.';
      } else if (p.allowed && p.allowed.length) {
        text += ` What it allows now: ${p.allowed.map(actionWords).join(', ')}.`;
      } else if (p.currentStatus) {
        text += ' Nothing can be done with it in this state.';
      }
      return text;
    }
    case 502:
    case 503:
    case 504:
      return 'The store is busy or the database is unreachable; try again in a moment.';
    default:
      if (error.status >= 500) {
        return `The store failed with an internal error (${error.status}); try again, and check the server log if it persists.`;
      }
      return p.detail ?? p.title ?? `Unexpected answer from the store (HTTP ${error.status}).`;
  }
}
