import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, problemMessage } from './problem';

describe('problemMessage', () => {
  it('explains a 409 with the current status and the attempted action', () => {
    const e = new ApiError(409, {
      status: 409,
      title: 'Conflict',
      currentStatus: 'PAYMENT_AUTHORIZED',
      allowed: ['createFulfillment'],
    });
    expect(problemMessage(e, { subject: 'order', action: 'be cancelled' })).toBe(
      "This order can't be cancelled now: it is paid. What it allows now: create the fulfilment.",
    );
  });

  it('says when nothing is allowed (allowed empty or left out)', () => {
    const e = new ApiError(409, { currentStatus: 'CANCELLED' });
    expect(problemMessage(e, { subject: 'order', action: 'be cancelled' })).toBe(
      "This order can't be cancelled now: it is cancelled. Nothing can be done with it in this state.",
    );
  });

  it('points at the override for a locked cart', () => {
    const e = new ApiError(409, { currentStatus: 'LOCKED', allowed: ['override'] });
    expect(problemMessage(e, { subject: 'cart' })).toBe(
      "This cart can't be changed now: it is locked for payment. Switch the admin override on to change it anyway.",
    );
  });

  it('falls back to the detail for a 409 without a status', () => {
    const e = new ApiError(409, { detail: 'cart is locked' });
    expect(problemMessage(e, { subject: 'cart' })).toBe(
      "This cart can't be changed now: cart is locked",
    );
  });

  it('says what an id should look like instead of the rule it broke', () => {
    const e = new ApiError(400, {
      detail: "'orderId' must be an id: a lower-case UUID",
      field: 'orderId',
    });
    expect(problemMessage(e)).toBe(
      "That is not a valid order id: the store's ids look like 3f6c1a2e-5b7d-4c8e-9f01-2a3b4c5d6e7f. Check the address or the link you followed.",
    );
  });

  it('explains a 503 as a busy store', () => {
    expect(problemMessage(new ApiError(503, { title: 'Service Unavailable' }))).toBe(
      'The store is busy or the database is unreachable; try again in a moment.',
    );
  });

  it('shows the detail of a 400 and names the field', () => {
    const e = new ApiError(400, { detail: 'There is no product with SKU X-1', field: 'sku' });
    expect(problemMessage(e)).toBe('There is no product with SKU X-1.');
    const unnamed = new ApiError(400, {
      detail: 'A fulfilment needs an address',
      field: 'shippingAddress',
    });
    expect(problemMessage(unnamed)).toBe(
      'A fulfilment needs an address. (field: shipping address)',
    );
    const named = new ApiError(400, {
      detail: "'quantity' must be greater than or equal to 1",
      field: 'quantity',
      errors: [{ field: 'quantity', message: 'must be greater than or equal to 1' }],
    });
    expect(problemMessage(named)).toBe('The quantity must be greater than or equal to 1.');
  });

  it("words the store's rules as sentences, not as quoted parameter names", () => {
    const cases: [string, string, string][] = [
      [
        'sku',
        "'sku' must be 1-32 upper-case letters, digits or dashes",
        'The SKU must be 1-32 upper-case letters, digits or dashes.',
      ],
      [
        'by',
        "'by' is 5 but the line has only 3",
        'The quantity to take away is 5 but the line has only 3.',
      ],
      [
        'generate',
        "'generate' and 'codes' together must be at most 1000",
        'The number of codes to generate and the codes together must be at most 1000.',
      ],
      [
        'codes',
        "Name 'codes' or how many to 'generate'",
        "Name 'codes' or how many to 'generate'.",
      ],
      [
        'trackingNumber',
        "'trackingNumber' must be at most 64 characters",
        'The tracking number must be at most 64 characters.',
      ],
    ];
    for (const [field, detail, words] of cases) {
      expect(problemMessage(new ApiError(400, { detail, field }))).toBe(words);
    }
  });

  it('lists every field error of a 400', () => {
    const e = new ApiError(400, {
      detail: 'long text',
      field: 'email',
      errors: [
        { field: 'email', message: 'must be an email address' },
        { field: 'shippingAddress.postalCode', message: 'must be a postal code' },
      ],
    });
    expect(problemMessage(e)).toBe(
      'Please check: email: must be an email address; shipping address postal code: must be a postal code.',
    );
  });

  it('explains network failures', () => {
    expect(problemMessage(new NetworkError(new TypeError('Failed to fetch')))).toBe(
      "Can't reach the store.",
    );
    expect(problemMessage(new TypeError('Failed to fetch'))).toBe("Can't reach the store.");
  });

  it('explains 401, 403, 404 and 500', () => {
    expect(problemMessage(new ApiError(401, {}))).toMatch(/sign in again/);
    expect(problemMessage(new ApiError(403, {}))).toMatch(/admin rights/);
    expect(problemMessage(new ApiError(404, {}), { subject: 'cart' })).toBe(
      "This cart doesn't exist.",
    );
    expect(problemMessage(new ApiError(404, { detail: 'There is no cart abc' }))).toBe(
      'There is no cart abc',
    );
    expect(problemMessage(new ApiError(500, {}))).toMatch(/internal error \(500\)/);
  });
});
