import { formatMoney, fractionDigits } from './money';

/**
 * A timeline as an admin reads it: each event a phrase in the shop's words, an admin's marker folded
 * into the change it names, and an event that two sources tell once.
 */
export interface TimelineRow {
  at: string;
  event: string;
  by?: string | null;
  detail?: string | null;
  source?: string | null;
}

const EVENT_PHRASES: Record<string, string> = {
  CartCreated: 'Cart created',
  ItemAdded: 'Product added',
  ItemQuantityChanged: 'Quantity changed',
  ItemRemoved: 'Product removed',
  CartCleared: 'Cart cleared',
  CartLocked: 'Cart locked for payment',
  CartUnlocked: 'Cart opened again',
  CartCheckedOut: 'Cart checked out',
  CartHeldForAuthorization: 'Cart held while the payment is authorized',
  AuthorizationHoldEnded: 'Hold for the authorization ended',
  OrderCreated: 'Order placed',
  ContactGiven: 'Contact given',
  PaymentAdded: 'Payment added',
  PaymentRepriced: 'Payment amount changed to the new total',
  PaymentAuthorized: 'Payment authorized',
  PaymentDeclined: 'Payment declined',
  PaymentFailed: 'Payment failed',
  PaymentPending: 'Payment awaiting the gateway',
  PaymentReleased: 'Payment released',
  PaymentSettlementDue: 'Payment to be settled with the gateway',
  PaymentInitiated: 'Payment started',
  AmountChanged: 'Amount changed',
  AuthorizationRequested: 'Authorization sent to the gateway',
  AuthorizationFailed: 'Authorization failed',
  AuthorizationUnanswered: 'Gateway did not answer in time',
  AuthorizationReleased: 'Authorization released',
  FulfillmentCreated: 'Fulfilment created',
  ItemsPicked: 'Items picked',
  ParcelShipped: 'Parcel shipped',
  ParcelDelivered: 'Parcel delivered',
  FulfillmentCancelled: 'Fulfilment cancelled',
  OrderCancelled: 'Order cancelled',
};

/** An event's phrase; one this UI does not know yet is split into words: "ItemsRestocked" -> "Items restocked". */
export function phrase(event: string): string {
  const known = EVENT_PHRASES[event];
  if (known) return known;
  const words = event.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isAdminMarker = (row: TimelineRow) => row.event.endsWith('EditedByAdmin');

/** Events the order records as its own step and its fulfilment records too: shown once, the fulfilment's. */
const TOLD_BY_FULFILMENT = new Set(['FulfillmentCreated', 'FulfillmentCancelled']);

/**
 * The rows an admin reads, newest first: an admin's marker ("edited by admin") names its admin on the
 * change of the same source at the same instant and is not a row of its own, and an event told by
 * both the order and its fulfilment appears once.
 */
export function readableTimeline(rows: TimelineRow[]): TimelineRow[] {
  const markers = rows.filter(isAdminMarker);
  const fulfilmentEvents = new Set(
    rows.filter((r) => r.source === 'fulfillment').map((r) => r.event),
  );
  return (
    rows
      .filter((r) => !isAdminMarker(r))
      .filter(
        (r) =>
          !(
            r.source === 'order' &&
            TOLD_BY_FULFILMENT.has(r.event) &&
            fulfilmentEvents.has(r.event)
          ),
      )
      .map((r) => {
        if (r.by) return r;
        const marker = markers.find(
          (m) => m.at === r.at && (m.source ?? null) === (r.source ?? null),
        );
        return marker ? { ...r, by: marker.by, detail: r.detail ?? marker.detail } : r;
      })
      .map((r, i) => ({ r, i, t: Date.parse(r.at) }))
      // newest first; events at the same instant keep the reverse of the order they came in
      .sort((a, b) => b.t - a.t || b.i - a.i)
      .map((x) => x.r)
  );
}

/** An amount as the store writes it in a detail, "1296.00 NOK" (major units, a plain point). */
const STORE_AMOUNT = /\b(\d+(?:\.\d+)?) ([A-Z]{3})\b/g;

/**
 * A detail as an admin reads it: the amounts the store writes plainly ("Payment added: 1296.00 NOK by
 * card") read as their market writes money ("1 296,00 kr"), the rest as the store said it.
 */
export function readableDetail(detail: string | null | undefined): string {
  return (detail ?? '').replace(STORE_AMOUNT, (written, major: string, currency: string) => {
    const digits = fractionDigits(currency);
    const [whole, fraction = ''] = major.split('.');
    if (fraction.length !== digits) return written;
    return formatMoney({ amount: Number(whole + fraction), currency });
  });
}

/**
 * The admin's changes to an order's cart since the order was placed, as rows of the order's timeline
 * (source "cart"): a change to a cart that an order's payment locked is part of that order's story.
 */
export function cartEditsSince(
  cartTimeline: readonly TimelineRow[] | undefined,
  orderCreatedAt: string,
): TimelineRow[] {
  const since = Date.parse(orderCreatedAt);
  return (cartTimeline ?? [])
    .filter((r) => r.by && Date.parse(r.at) >= since)
    .map((r) => ({ ...r, source: 'cart' }));
}
