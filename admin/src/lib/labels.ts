/**
 * What an admin reads for each of the API's codes: statuses as the shop names them. The codes stay
 * in the API (clients depend on them); the UI shows these words, with the code in a tooltip.
 */
import type {
  CartStatus,
  FulfillmentStatus,
  OrderStage,
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
 * Where an order stands, as a person would say it: the store's stage, which is the order's status
 * with what its latest payment and its fulfilment add (a declined payment, a parcel on its way).
 */
export const ORDER_STAGE_LABELS: Record<OrderStage, string> = {
  AWAITING_CONTACT: 'Awaiting contact',
  AWAITING_PAYMENT: 'Awaiting payment',
  AWAITING_AUTHORIZATION: 'Awaiting authorization',
  PAYMENT_DECLINED: 'Payment declined',
  PAYMENT_FAILED: 'Payment failed',
  PAYMENT_PENDING: 'Payment awaiting the gateway',
  PAID: 'Paid, awaiting fulfilment',
  TO_BE_PICKED: 'Paid, to be picked',
  PICKED: 'Picked',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};
