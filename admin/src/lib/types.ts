export interface Money {
  amount: number;
  currency: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export const CART_STATUSES = ['OPEN', 'LOCKED', 'CHECKED_OUT'] as const;
export type CartStatus = (typeof CART_STATUSES)[number];

export const ORDER_STATUSES = [
  'CREATED',
  'CONTACT_GIVEN',
  'PAYMENT_ADDED',
  'PAYMENT_AUTHORIZED',
  'FULFILLMENT_CREATED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FULFILLMENT_STATUSES = [
  'CREATED',
  'PICKED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export const MARKETS = ['SE', 'NO', 'DK', 'FI'] as const;
export type Market = (typeof MARKETS)[number];

export interface CartSummary {
  id: string;
  market: string;
  currency: string;
  status: CartStatus;
  lineCount: number;
  itemCount: number;
  total: Money;
  email: string | null;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderSummary {
  id: string;
  cartId: string;
  market: string;
  currency: string;
  status: OrderStatus;
  email: string | null;
  name: string | null;
  total: Money | null;
  createdAt: string;
  updatedAt: string;
}

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

export interface PricingLine {
  sku: string;
  name: string;
  category: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  vatRate: number;
  vat: Money;
}

export interface Discount {
  code: string;
  description: string;
  amount: Money;
  vatRate: number;
  vat: Money;
}

export interface TaxRate {
  rate: number;
  gross: Money;
  net: Money;
  vat: Money;
}

export interface Pricing {
  currency: string;
  lines: PricingLine[];
  subtotal: Money;
  discounts: Discount[];
  discountTotal: Money;
  tax: { amount: Money; rates: TaxRate[] };
  total: Money;
}

export interface CartTimelineEntry {
  at: string;
  event: string;
  by: string | null;
  detail: string | null;
}

export interface Cart {
  id: string;
  market: string;
  status: CartStatus;
  currency: string;
  lines: CartLine[];
  subtotal: Money;
  pricing: Pricing | null;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
  timeline?: CartTimelineEntry[];
}

export interface Address {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
}

export interface Contact {
  email: string;
  name: string;
  phone: string;
  shippingAddress: Address;
  billingAddress: Address | null;
}

export interface Payment {
  id: string;
  method: string;
  amount: Money;
  status: string;
  outcome: { code: string; message: string; authorizationCode: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface Fulfillment {
  id: string;
  orderId: string;
  status: FulfillmentStatus;
  items: { sku: string; name: string; quantity: number }[] | null;
  shippingAddress: Address | null;
  trackingNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderTimelineEntry {
  at: string;
  source: string;
  sourceId: string;
  event: string;
  by?: string | null;
}

export interface Order {
  id: string;
  cartId: string;
  market: string;
  currency: string;
  status: OrderStatus;
  pricingFixed: boolean;
  pricing: Pricing | null;
  contact: Contact | null;
  payments: Payment[];
  fulfillment: Fulfillment | null;
  allowedActions: string[];
  timeline: OrderTimelineEntry[];
  cancelledBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardDay {
  day: string;
  orders: number;
  revenue: Money[];
}

export interface Dashboard {
  cartsByStatus: Record<string, number>;
  ordersByStatus: Record<string, number>;
  activeCartsLastHour: number;
  revenueToday: Money[];
  days: DashboardDay[];
}

export interface Product {
  sku: string;
  name: string;
  description: string;
  category: string;
  price: Money;
  inStock: boolean;
  market: string;
}

export interface Session {
  username: string;
}

/** Pekko's member status, as GET /api/admin/cluster names it. */
export type MemberStatus =
  | 'Joining'
  | 'WeaklyUp'
  | 'Up'
  | 'Leaving'
  | 'Exiting'
  | 'Down'
  | 'Removed'
  | 'PreparingForShutdown'
  | 'ReadyForShutdown';

export interface ClusterMember {
  address: string;
  status: MemberStatus;
  reachable: boolean;
  roles: string[];
  self: boolean;
  shards: number;
  /** Live entities per kind; a kind whose statistics did not come in time is absent. */
  entities: Record<string, number>;
  statsComplete: boolean;
}

export interface ClusterOverview {
  answeredBy: { address: string; httpPort: number };
  leader: string | null;
  oldest: string | null;
  entityKinds: string[];
  statsComplete: boolean;
  /** Oldest first. */
  members: ClusterMember[];
}
