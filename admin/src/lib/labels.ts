/**
 * What an admin reads for each of the API's codes: statuses as the shop names them. The codes stay
 * in the API (clients depend on them); the UI shows these words, with the code in a tooltip.
 */
import type {
  CartStatus,
  FulfillmentStatus,
  Order,
  OrderStatus,
  Payment,
  PromotionStatus,
  RedemptionStatus,
} from './types';

export const PROMOTION_STATUS_LABELS: Record<PromotionStatus, string> = {
  ACTIVE: 'Active',
  PAUSED: 'Paused',
  ENDED: 'Ended',
};

export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  RESERVED: 'Reserved, payment open',
  KEPT: 'Used, paid',
  GIVEN_BACK: 'Given back',
};

export const CART_STATUS_LABELS: Record<CartStatus, string> = {
  OPEN: 'Open',
  LOCKED: 'Locked for payment',
  CHECKED_OUT: 'Checked out',
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  CREATED: 'Awaiting contact',
  CONTACT_GIVEN: 'Awaiting payment',
  PAYMENT_ADDED: 'Payment started',
  PAYMENT_AUTHORIZED: 'Paid',
  FULFILLMENT_CREATED: 'In fulfilment',
  CANCELLED: 'Cancelled',
};

export const PAYMENT_STATUS_LABELS: Record<Payment['status'], string> = {
  INITIATED: 'Awaiting authorization',
  AUTHORIZING: 'Authorizing',
  AUTHORIZED: 'Authorized',
  DECLINED: 'Declined',
  FAILED: 'Failed',
  PENDING: 'Awaiting the gateway',
  RELEASED: 'Released',
};

export const FULFILLMENT_STATUS_LABELS: Record<FulfillmentStatus, string> = {
  CREATED: 'To be picked',
  PICKED: 'Picked',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

/**
 * Where an order stands, as a person would say it: the order's status with what its latest payment
 * and its fulfilment add (a declined payment, a parcel on its way). The code is the badge's colour.
 */
export function orderStage(order: Pick<Order, 'status' | 'payments' | 'fulfillment'>): {
  code: string;
  label: string;
} {
  const latest = order.payments[order.payments.length - 1];
  if (order.status === 'PAYMENT_ADDED' && latest) {
    switch (latest.status) {
      case 'DECLINED':
        return { code: 'DECLINED', label: 'Payment declined' };
      case 'FAILED':
        return { code: 'FAILED', label: 'Payment failed' };
      case 'PENDING':
        return { code: 'PENDING', label: 'Payment awaiting the gateway' };
      default:
        return { code: 'PAYMENT_ADDED', label: 'Awaiting authorization' };
    }
  }
  if (order.status === 'FULFILLMENT_CREATED' && order.fulfillment) {
    const f = order.fulfillment.status;
    return {
      code: f,
      label: f === 'CREATED' ? 'Paid, to be picked' : FULFILLMENT_STATUS_LABELS[f],
    };
  }
  return { code: order.status, label: ORDER_STATUS_LABELS[order.status] };
}
