export const BASE_PATH = '/admin';

/** The app path (without basePath) of the current location, including the query string. */
export function currentAppPath(
  loc: { pathname: string; search: string } = window.location,
): string {
  const path = loc.pathname.startsWith(BASE_PATH)
    ? loc.pathname.slice(BASE_PATH.length) || '/'
    : loc.pathname;
  return path + loc.search;
}

/** A safe place to go back to after sign-in: a local app path, never the sign-in page itself. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/signin')) return '/';
  return next;
}

export function signInPath(next: string): string {
  const n = safeNext(next);
  return n === '/' ? '/signin/' : `/signin/?next=${encodeURIComponent(n)}`;
}

export const cartPath = (id: string) => `/carts/view/?id=${encodeURIComponent(id)}`;
export const orderPath = (id: string) => `/orders/view/?id=${encodeURIComponent(id)}`;
export const promotionPath = (id: string) => `/promotions/view/?id=${encodeURIComponent(id)}`;
