import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Pricing } from '@/lib/types';
import { PricingView } from './PricingView';

const sek = (amount: number) => ({ amount, currency: 'SEK' });

/** A mug at 25% and a book at 6%, 49 kr shipping, one promotion's 30 kr split over both rates. */
function pricing(shippingFee: number): Pricing {
  return {
    currency: 'SEK',
    lines: [
      {
        sku: 'MUG-000001',
        name: 'Mug',
        category: 'Kitchen',
        quantity: 1,
        unitPrice: sek(12500),
        lineTotal: sek(12500),
        vatRate: 25,
        vat: sek(2500),
      },
      {
        sku: 'BOOK-000001',
        name: 'A book',
        category: 'Books',
        quantity: 1,
        unitPrice: sek(10600),
        lineTotal: sek(10600),
        vatRate: 6,
        vat: sek(600),
      },
    ],
    subtotal: sek(23100),
    shipping: { fee: sek(shippingFee), vatRate: 25, vat: sek(shippingFee / 5) },
    discounts: [
      {
        code: 'WELCOME',
        description: '30 kr off',
        amount: sek(1623),
        vatRate: 25,
        vat: sek(325),
        promotionId: 'welcome',
      },
      {
        code: 'WELCOME',
        description: '30 kr off',
        amount: sek(1377),
        vatRate: 6,
        vat: sek(78),
        promotionId: 'welcome',
      },
    ],
    discountTotal: sek(3000),
    tax: {
      amount: sek(2697 + shippingFee / 5),
      rates: [
        {
          rate: 25,
          gross: sek(10877 + shippingFee),
          net: sek(8702 + shippingFee - shippingFee / 5),
          vat: sek(2175 + shippingFee / 5),
        },
        { rate: 6, gross: sek(9223), net: sek(8701), vat: sek(522) },
      ],
    },
    total: sek(20100 + shippingFee),
  };
}

describe('PricingView', () => {
  it('shows a discount line for each VAT rate a promotion took from', () => {
    render(<PricingView pricing={pricing(0)} />);

    const rows = screen.getAllByRole('row').filter((row) => within(row).queryByText('WELCOME'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('25');
    expect(rows[1]).toHaveTextContent('6');
  });

  it('shows the shipping fee as a line of its own when there is one', () => {
    const { unmount } = render(<PricingView pricing={pricing(4900)} />);
    expect(screen.getByTestId('pricing-shipping')).toHaveTextContent('49');
    unmount();

    render(<PricingView pricing={pricing(0)} />);
    expect(screen.queryByTestId('pricing-shipping')).toBeNull();
  });
});
