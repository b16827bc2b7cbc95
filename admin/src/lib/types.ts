/**
 * The API's types, as the admin UI names them: aliases of the ones generated from the store's
 * OpenAPI document (openapi.json, by `npm run types`), so they cannot drift from the Java answers.
 */
import {
  cartSummaryStatusValues,
  promotionStatusValues,
  fulfillmentStatusValues,
  orderSummaryStatusValues,
  orderSummaryStageValues,
  type components,
} from './api-types';

type Schemas = components['schemas'];

export type Money = Schemas['Money'];

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
  /** For lists kept by a read model: changes made but not yet in the list (0: it holds them all). */
  behind?: number;
}

export const CART_STATUSES = cartSummaryStatusValues;
export type CartStatus = Schemas['CartSummary']['status'];
/** The active carts, as the store's Cart.Status.ACTIVE names them (its dashboard counts these). */
export const ACTIVE_CART_STATUSES: readonly CartStatus[] = ['OPEN', 'LOCKED'];

export const ORDER_STATUSES = orderSummaryStatusValues;
export type OrderStatus = Schemas['OrderSummary']['status'];

export const ORDER_STAGES = orderSummaryStageValues;
export type OrderStage = Schemas['OrderSummary']['stage'];
/** The stages someone at the shop has to act on, as the dashboard's "Needs attention" counts them. */
export const NEEDING_ATTENTION: readonly OrderStage[] = [
  'PAYMENT_DECLINED',
  'PAYMENT_FAILED',
  'PAYMENT_PENDING',
  'PAID',
];

export const FULFILLMENT_STATUSES = fulfillmentStatusValues;
export type FulfillmentStatus = Schemas['Fulfillment']['status'];

/** The markets are the store's settings, not an enum of the API. */
export const MARKETS = ['SE', 'NO', 'DK', 'FI'] as const;
export type Market = (typeof MARKETS)[number];
/** A market by its country's name, for choosing one. */
export const MARKET_NAMES: Record<Market, string> = {
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  FI: 'Finland',
};

export type CartSummary = Schemas['CartSummary'];
export type OrderSummary = Schemas['OrderSummary'];
export type CartLine = Schemas['CartLine'];
export type PricingLine = Schemas['PricedLine'];
export type Discount = Schemas['DiscountLine'];
export type TaxRate = Schemas['TaxRate'];
export type Pricing = Schemas['Pricing'];
export type CartTimelineEntry = Schemas['CartTimelineEntry'];
/** A cart as the admin sees it: with its timeline. */
export type Cart = Schemas['AdminCart'];
export type Address = Schemas['Address'];
export type Contact = Schemas['Contact'];
/** What the admin sends to change a contact. */
export type AddressInput = Schemas['AddressInput'];
export type ContactInput = Schemas['ContactInput'];
export type Payment = Schemas['Payment'];
export type Fulfillment = Schemas['Fulfillment'];
export type OrderTimelineEntry = Schemas['TimelineEntry'];
export type Order = Schemas['Order'];
/** What a customer or an admin may ask of an order, by the API's names. */
export type OrderAction = Order['allowedActions'][number];
export type DashboardDay = Schemas['DashboardDay'];
export type DashboardHour = Schemas['DashboardHour'];
export type Dashboard = Schemas['Dashboard'];
export type Product = Schemas['Product'];
export type Stock = Schemas['Stock'];
export type StockReservation = Schemas['StockReservation'];
export type Session = Schemas['SignedIn'];
export type MemberStatus = Schemas['ClusterMember']['status'];
export type ClusterMember = Schemas['ClusterMember'];
export type ClusterOverview = Schemas['ClusterOverview'];

export const PROMOTION_STATUSES = promotionStatusValues;
export type Promotion = Schemas['Promotion'];
export type PromotionStatus = Promotion['status'];
export type PromotionDefinition = Schemas['PromotionDefinition'];
export type PromotionReward = Schemas['PromotionReward'];
export type RewardType = PromotionReward['type'];
export type PromotionCodes = Schemas['PromotionCodes'];
export type CodesRequest = Schemas['CodesRequest'];
export type PromotionRedemptions = Schemas['PromotionRedemptions'];
export type RedemptionStatus = Schemas['Redemption']['status'];
