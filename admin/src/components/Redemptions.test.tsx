import { describe, expect, it } from 'vitest';
import { redemptionSummary } from './Redemptions';

describe('redemptionSummary', () => {
  it('says how many orders used the promotion and what it took off, per currency', () => {
    expect(
      redemptionSummary({
        counts: { KEPT: 2, RESERVED: 1, GIVEN_BACK: 0 },
        discounted: [
          { amount: 12_000, currency: 'SEK' },
          { amount: 500, currency: 'EUR' },
        ],
      }),
    ).toMatch(/^2 orders used it, 1 paying now; 120[.,]00.*kr.* \+ .*5[.,]00.*€.* taken off\.$/);
  });

  it('says so when no order used it', () => {
    expect(
      redemptionSummary({ counts: { KEPT: 0, RESERVED: 0, GIVEN_BACK: 1 }, discounted: [] }),
    ).toBe('0 orders used it, 1 given back.');
  });
});
