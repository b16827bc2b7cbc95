import { ApiError, NetworkError, type Problem } from './problem';
import type {
  Cart,
  CartSummary,
  ClusterOverview,
  ContactInput,
  Dashboard,
  Order,
  OrderSummary,
  Page,
  Product,
  Stock,
  Promotion,
  PromotionCodes,
  PromotionRedemptions,
  PromotionDefinition,
  PromotionStatus,
  CodesRequest,
  Session,
} from './types';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Called whenever an API call answers 401 (unless the call opted out). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Do not call the unauthorized handler on 401 (sign-in, session check). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

async function rawFetch(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(e);
  }
}

/** Ensures the XSRF-TOKEN cookie exists (GET /api/admin/session sets it even when answering 401). */
async function xsrfToken(): Promise<string | null> {
  let token = readCookie(XSRF_COOKIE);
  if (token) return token;
  await rawFetch('/api/admin/session', {
    method: 'GET',
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
  });
  token = readCookie(XSRF_COOKIE);
  return token;
}

async function parseProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const json = JSON.parse(text) as unknown;
      if (json && typeof json === 'object') return { status: res.status, ...(json as Problem) };
    } catch {
      // not JSON: fall through
    }
  }
  return { status: res.status, title: res.statusText || `HTTP ${res.status}` };
}

/** Calls the store API (same origin). Throws ApiError for non-2xx answers, NetworkError when unreachable. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    'X-Requested-With': 'XMLHttpRequest',
    Accept: 'application/json, application/problem+json',
  };
  if (method !== 'GET') {
    // read right before each request: the token changes after sign-in
    const token = await xsrfToken();
    if (token) headers[XSRF_HEADER] = token;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await rawFetch(path, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!res.ok) {
    const problem = await parseProblem(res);
    if (res.status === 401 && !options.noAuthRedirect) unauthorizedHandler?.();
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function qs(params: URLSearchParams | Record<string, string | number | undefined | null>): string {
  const sp =
    params instanceof URLSearchParams
      ? params
      : new URLSearchParams(
          Object.entries(params)
            .filter(([, v]) => v !== undefined && v !== null && v !== '')
            .map(([k, v]) => [k, String(v)]),
        );
  const s = sp.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

function overrideQs(override: boolean): string {
  return override ? '?override=true' : '';
}

export const api = {
  // session
  session: () => request<Session>('/api/admin/session', { noAuthRedirect: true }),
  signIn: (username: string, password: string) =>
    request<Session>('/api/admin/session', {
      method: 'POST',
      body: { username, password },
      noAuthRedirect: true,
    }),
  signOut: () => request<void>('/api/admin/session', { method: 'DELETE', noAuthRedirect: true }),

  dashboard: () => request<Dashboard>('/api/admin/dashboard'),
  cluster: () => request<ClusterOverview>('/api/admin/cluster'),

  // carts
  carts: (params: URLSearchParams) => request<Page<CartSummary>>(`/api/admin/carts${qs(params)}`),
  cart: (id: string) => request<Cart>(`/api/admin/carts/${enc(id)}`),
  addItem: (id: string, sku: string, quantity: number, override = false) =>
    request<Cart>(`/api/admin/carts/${enc(id)}/items${overrideQs(override)}`, {
      method: 'POST',
      body: { sku, quantity },
    }),
  increase: (id: string, sku: string, by = 1, override = false) =>
    request<Cart>(`/api/admin/carts/${enc(id)}/items/${enc(sku)}/increase${overrideQs(override)}`, {
      method: 'POST',
      body: { by },
    }),
  decrease: (id: string, sku: string, by = 1, override = false) =>
    request<Cart>(`/api/admin/carts/${enc(id)}/items/${enc(sku)}/decrease${overrideQs(override)}`, {
      method: 'POST',
      body: { by },
    }),
  setQuantity: (id: string, sku: string, quantity: number, override = false) =>
    request<Cart>(`/api/admin/carts/${enc(id)}/items/${enc(sku)}${overrideQs(override)}`, {
      method: 'PUT',
      body: { quantity },
    }),
  removeItem: (id: string, sku: string, override = false) =>
    request<Cart>(`/api/admin/carts/${enc(id)}/items/${enc(sku)}${overrideQs(override)}`, {
      method: 'DELETE',
    }),
  clearCart: (id: string, override = false) =>
    request<Cart>(`/api/admin/carts/${enc(id)}/items${overrideQs(override)}`, {
      method: 'DELETE',
    }),

  // orders
  orders: (params: URLSearchParams) =>
    request<Page<OrderSummary>>(`/api/admin/orders${qs(params)}`),
  order: (id: string) => request<Order>(`/api/admin/orders/${enc(id)}`),
  setContact: (id: string, contact: ContactInput) =>
    request<Order>(`/api/admin/orders/${enc(id)}/contact`, { method: 'PUT', body: contact }),
  cancelOrder: (id: string) =>
    request<Order>(`/api/admin/orders/${enc(id)}/cancel`, { method: 'POST' }),
  createFulfillment: (id: string) =>
    request<Order>(`/api/admin/orders/${enc(id)}/fulfillment`, { method: 'POST' }),
  pick: (id: string) =>
    request<Order>(`/api/admin/orders/${enc(id)}/fulfillment/pick`, { method: 'POST' }),
  ship: (id: string, trackingNumber: string) =>
    request<Order>(`/api/admin/orders/${enc(id)}/fulfillment/ship`, {
      method: 'POST',
      body: { trackingNumber },
    }),
  deliver: (id: string) =>
    request<Order>(`/api/admin/orders/${enc(id)}/fulfillment/deliver`, { method: 'POST' }),
  cancelFulfillment: (id: string) =>
    request<Order>(`/api/admin/orders/${enc(id)}/fulfillment/cancel`, { method: 'POST' }),

  // promotions
  promotions: (status?: PromotionStatus) =>
    request<Promotion[]>(`/api/admin/promotions${qs({ status })}`),
  promotion: (id: string) => request<Promotion>(`/api/admin/promotions/${enc(id)}`),
  createPromotion: (definition: PromotionDefinition) =>
    request<Promotion>('/api/admin/promotions', { method: 'POST', body: definition }),
  changePromotion: (id: string, definition: PromotionDefinition) =>
    request<Promotion>(`/api/admin/promotions/${enc(id)}`, { method: 'PUT', body: definition }),
  promotionStep: (id: string, step: 'pause' | 'resume' | 'end') =>
    request<Promotion>(`/api/admin/promotions/${enc(id)}/${step}`, { method: 'POST' }),
  promotionCodes: (id: string) => request<PromotionCodes>(`/api/admin/promotions/${enc(id)}/codes`),
  promotionRedemptions: (id: string, params: { page?: number; size?: number } = {}) =>
    request<PromotionRedemptions>(`/api/admin/promotions/${enc(id)}/redemptions${qs(params)}`),
  issueCodes: (id: string, codes: CodesRequest) =>
    request<PromotionCodes>(`/api/admin/promotions/${enc(id)}/codes`, {
      method: 'POST',
      body: codes,
    }),

  // stock
  stock: (sku: string) => request<Stock>(`/api/admin/products/${enc(sku)}/stock`),
  receiveStock: (sku: string, quantity: number, note: string) =>
    request<Stock>(`/api/admin/products/${enc(sku)}/stock/receipts`, {
      method: 'POST',
      body: note ? { quantity, note } : { quantity },
    }),
  adjustStock: (sku: string, change: number, reason: string) =>
    request<Stock>(`/api/admin/products/${enc(sku)}/stock/adjustments`, {
      method: 'POST',
      body: { change, reason },
    }),

  // public catalogue
  products: (params: {
    q?: string;
    category?: string;
    market?: string;
    page?: number;
    size?: number;
  }) => request<Page<Product>>(`/api/products${qs(params)}`),
  product: (sku: string, market?: string) =>
    request<Product>(`/api/products/${enc(sku)}${qs({ market })}`),
};
