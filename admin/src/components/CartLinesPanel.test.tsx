import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cart } from '@/lib/types';
import { CartLinesPanel } from './CartLinesPanel';

const sek = (amount: number) => ({ amount, currency: 'SEK' });

function cart(status: Cart['status'], quantity = 2): Cart {
  const total = sek(10000 * quantity);
  const vat = sek(Math.round((10000 * quantity * 6) / 106));
  return {
    id: 'cart-1',
    market: 'SE',
    status,
    currency: 'SEK',
    lines: [
      {
        sku: 'BOOK-000001',
        name: 'A book',
        quantity,
        unitPrice: sek(10000),
        lineTotal: sek(10000 * quantity),
      },
    ],
    subtotal: total,
    pricing: {
      currency: 'SEK',
      lines: [
        {
          sku: 'BOOK-000001',
          name: 'A book',
          category: 'Books',
          quantity,
          unitPrice: sek(10000),
          lineTotal: total,
          vatRate: 6,
          vat,
        },
      ],
      subtotal: total,
      shipping: { fee: sek(0), vatRate: 25, vat: sek(0) },
      discounts: [],
      discountTotal: sek(0),
      tax: {
        amount: vat,
        rates: [{ rate: 6, gross: total, net: sek(total.amount - vat.amount), vat }],
      },
      total,
    },
    orderId: status === 'OPEN' ? null : 'order-1',
    createdAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T11:00:00Z',
    timeline: [],
    promotions: { applied: [], notApplied: [] },
    codes: [],
    stockWarnings: [],
  };
}

function renderPanel(c: Cart) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <CartLinesPanel cart={c} />
    </QueryClientProvider>,
  );
}

describe('CartLinesPanel', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=tok';
    fetchMock.mockReset();
    fetchMock.mockImplementation(
      async () =>
        new Response(JSON.stringify(cart('OPEN', 3)), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('edits an open cart without override', async () => {
    const user = userEvent.setup();
    renderPanel(cart('OPEN'));
    expect(screen.getByTestId('line-total-BOOK-000001')).toHaveTextContent('200,00 kr');
    await user.click(screen.getByRole('button', { name: 'Increase quantity of BOOK-000001' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/carts/cart-1/items/BOOK-000001/increase');
    expect(fetchMock.mock.calls[0][1]?.method).toBe('POST');
  });

  it('saves a typed quantity with PUT', async () => {
    const user = userEvent.setup();
    renderPanel(cart('OPEN'));
    const qty = screen.getByRole('textbox', { name: 'Quantity of BOOK-000001' });
    const save = screen.getByRole('button', { name: 'Save quantity of BOOK-000001' });
    expect(save).toBeDisabled();
    await user.clear(qty);
    await user.type(qty, '5');
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/carts/cart-1/items/BOOK-000001');
    expect(fetchMock.mock.calls[0][1]?.method).toBe('PUT');
    expect(fetchMock.mock.calls[0][1]?.body).toBe('{"quantity":5}');
  });

  it('keeps a locked cart read-only until the override is confirmed, then sends override=true', async () => {
    const user = userEvent.setup();
    renderPanel(cart('LOCKED'));
    expect(screen.queryByRole('button', { name: /Increase quantity/ })).not.toBeInTheDocument();
    const toggle = screen.getByRole('switch', { name: 'Admin override' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');

    await user.click(toggle);
    const dialog = screen.getByRole('alertdialog', { name: 'Edit a locked cart?' });
    expect(dialog).toHaveTextContent(/locked because an order's payment/);
    // cancelling keeps it read-only
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(screen.queryByRole('button', { name: /Increase quantity/ })).not.toBeInTheDocument();

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Switch override on' }));
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('button', { name: 'Remove BOOK-000001' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe(
      '/api/admin/carts/cart-1/items/BOOK-000001?override=true',
    );
    expect(fetchMock.mock.calls[0][1]?.method).toBe('DELETE');
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe(
      'tok',
    );
  });

  it('warns of a line that asks for more than the stock has available', () => {
    const message = 'Only 1 of product BOOK-000001 is available: the cart asks for 2';
    renderPanel({
      ...cart('OPEN'),
      stockWarnings: [{ sku: 'BOOK-000001', quantity: 2, available: 1, message }],
    });
    expect(screen.getByRole('list', { name: 'Stock warnings' })).toHaveTextContent(
      `${message}: a payment would be refused.`,
    );
  });

  it('never offers edits on a checked-out cart', () => {
    renderPanel(cart('CHECKED_OUT'));
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Checked out: read-only')).toBeInTheDocument();
  });

  it('shows a conflict in words', async () => {
    fetchMock.mockImplementation(
      async () =>
        new Response(
          JSON.stringify({ status: 409, title: 'Conflict', currentStatus: 'LOCKED', allowed: [] }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    const user = userEvent.setup();
    renderPanel(cart('OPEN'));
    await user.click(screen.getByRole('button', { name: 'Decrease quantity of BOOK-000001' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "This cart can't be changed now: it is locked for payment.",
    );
  });
});
