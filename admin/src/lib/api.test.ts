import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, request, setUnauthorizedHandler } from './api';
import { ApiError, NetworkError } from './problem';

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

function clearCookies() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    clearCookies();
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(null);
  });

  it('sends GETs same-origin with X-Requested-With and no CSRF header', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { username: 'admin' }));
    await expect(api.session()).resolves.toEqual({ username: 'admin' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/admin/session');
    expect(init?.credentials).toBe('same-origin');
    const headers = init?.headers as Record<string, string>;
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest');
    expect(headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('sends the XSRF-TOKEN cookie value, read right before each request', async () => {
    document.cookie = 'XSRF-TOKEN=first';
    fetchMock.mockImplementation(async () => json(200, { id: 'c1' }));
    await api.increase('c1', 'BOOK-1');
    document.cookie = 'XSRF-TOKEN=second';
    await api.setQuantity('c1', 'BOOK-1', 3, true);
    const h1 = fetchMock.mock.calls[0][1]?.headers as Record<string, string>;
    const h2 = fetchMock.mock.calls[1][1]?.headers as Record<string, string>;
    expect(h1['X-XSRF-TOKEN']).toBe('first');
    expect(h2['X-XSRF-TOKEN']).toBe('second');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/carts/c1/items/BOOK-1/increase');
    expect(fetchMock.mock.calls[1][0]).toBe('/api/admin/carts/c1/items/BOOK-1?override=true');
    expect(fetchMock.mock.calls[1][1]?.method).toBe('PUT');
    expect(fetchMock.mock.calls[1][1]?.body).toBe('{"quantity":3}');
  });

  it('fetches the session first when there is no XSRF-TOKEN cookie yet', async () => {
    fetchMock.mockImplementationOnce(async () => {
      document.cookie = 'XSRF-TOKEN=fresh';
      return json(401, { status: 401, title: 'Unauthorized' });
    });
    fetchMock.mockResolvedValueOnce(json(200, { username: 'admin' }));
    await api.signIn('admin', 'secret');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/session');
    expect(fetchMock.mock.calls[0][1]?.method).toBe('GET');
    const [, init] = fetchMock.mock.calls[1];
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('fresh');
    expect(init?.body).toBe('{"username":"admin","password":"secret"}');
  });

  it('calls the unauthorized handler on 401 and throws an ApiError', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValueOnce(
      json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json'),
    );
    const err = await api.dashboard().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not redirect on a failed sign-in', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    document.cookie = 'XSRF-TOKEN=t';
    fetchMock.mockResolvedValueOnce(json(401, { status: 401, detail: 'Bad credentials' }));
    await expect(api.signIn('admin', 'wrong')).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('parses problem details', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    fetchMock.mockResolvedValueOnce(
      json(
        409,
        { status: 409, title: 'Conflict', currentStatus: 'CANCELLED', allowed: [] },
        'application/problem+json',
      ),
    );
    const err = (await api.cancelOrder('o1').catch((e: unknown) => e)) as ApiError;
    expect(err.problem.currentStatus).toBe('CANCELLED');
    expect(err.problem.allowed).toEqual([]);
  });

  it('copes with a non-JSON error body', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    const err = (await request('/api/admin/dashboard').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(502);
  });

  it('turns a failed fetch into a NetworkError', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.dashboard()).rejects.toBeInstanceOf(NetworkError);
  });

  it('answers undefined for 204', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(api.signOut()).resolves.toBeUndefined();
  });

  it('builds list URLs with repeated statuses', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [], page: 0, size: 20, total: 0 }));
    const sp = new URLSearchParams();
    sp.append('status', 'OPEN');
    sp.append('status', 'LOCKED');
    await api.carts(sp);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/carts?status=OPEN&status=LOCKED');
  });

  it('encodes SKUs and ids in paths', async () => {
    document.cookie = 'XSRF-TOKEN=t';
    fetchMock.mockResolvedValueOnce(json(200, {}));
    await api.removeItem('c 1', 'A/B');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/carts/c%201/items/A%2FB');
  });
});
