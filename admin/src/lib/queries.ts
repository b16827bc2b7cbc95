'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { ApiError } from './problem';
import type { Cart, Order } from './types';

export const keys = {
  session: ['session'] as const,
  dashboard: ['dashboard'] as const,
  cluster: ['cluster'] as const,
  carts: (params?: string) => (params === undefined ? ['carts'] : ['carts', params]),
  cart: (id: string) => ['cart', id] as const,
  orders: (params?: string) => (params === undefined ? ['orders'] : ['orders', params]),
  order: (id: string) => ['order', id] as const,
  productSearch: (market: string, text: string) => ['products', market, text] as const,
  promotions: ['promotions'] as const,
  promotion: (id: string) => ['promotion', id] as const,
  promotionCodes: (id: string) => ['promotion', id, 'codes'] as const,
  promotionRedemptions: (id: string, page: number) =>
    ['promotion', id, 'redemptions', page] as const,
};

/** When this admin last changed a cart or an order (ms), so that lists follow the change closely. */
let lastChange = 0;

/** How long after a change lists keep asking until their read model holds it. */
const FOLLOW_FOR_MS = 10_000;

/**
 * How often a list asks the store again: every half second while a change this admin made is not in
 * it yet (its read model says it is behind), else every 15 s.
 */
export function listRefetchInterval(
  page: { behind?: number } | undefined,
  now = Date.now(),
): number {
  const following = now - lastChange < FOLLOW_FOR_MS;
  return following && (page?.behind === undefined || page.behind > 0) ? 500 : 15_000;
}

export function changeMade(at = Date.now()): void {
  lastChange = at;
}

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: api.session,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 1,
    staleTime: 60_000,
  });
}

export function useCart(id: string) {
  return useQuery({ queryKey: keys.cart(id), queryFn: () => api.cart(id), enabled: !!id });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: keys.order(id), queryFn: () => api.order(id), enabled: !!id });
}

/** A change to a cart: shows the answer at once, then refreshes the cart, lists and dashboard. */
export function useCartMutation<V>(cartId: string, fn: (vars: V) => Promise<Cart>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (cart) => {
      changeMade();
      if (cart && typeof cart === 'object' && 'id' in cart) {
        qc.setQueryData<Cart>(keys.cart(cartId), (old) => ({ ...old, ...cart }));
      }
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.cart(cartId) }),
        qc.invalidateQueries({ queryKey: keys.carts() }),
        qc.invalidateQueries({ queryKey: keys.dashboard }),
      ]);
    },
  });
}

/** A change to an order: shows the answer at once, then refreshes the order, lists, cart and dashboard. */
export function useOrderMutation<V>(orderId: string, fn: (vars: V) => Promise<Order>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (order) => {
      changeMade();
      if (order && typeof order === 'object' && 'id' in order) {
        qc.setQueryData<Order>(keys.order(orderId), (old) => ({ ...old, ...order }));
      }
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.order(orderId) }),
        qc.invalidateQueries({ queryKey: keys.orders() }),
        qc.invalidateQueries({ queryKey: ['cart'] }),
        qc.invalidateQueries({ queryKey: keys.carts() }),
        qc.invalidateQueries({ queryKey: keys.dashboard }),
      ]);
    },
  });
}
