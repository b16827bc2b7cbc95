import { describe, expect, it } from 'vitest';
import { currentAppPath, safeNext, signInPath } from './paths';

describe('paths', () => {
  it('strips the base path from the current location', () => {
    expect(currentAppPath({ pathname: '/admin/carts/view/', search: '?id=1' })).toBe(
      '/carts/view/?id=1',
    );
    expect(currentAppPath({ pathname: '/admin', search: '' })).toBe('/');
  });
  it('only goes back to local paths', () => {
    expect(safeNext('/orders/?status=CREATED')).toBe('/orders/?status=CREATED');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/signin/')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
  it('builds the sign-in path with the way back', () => {
    expect(signInPath('/carts/')).toBe('/signin/?next=%2Fcarts%2F');
    expect(signInPath('/')).toBe('/signin/');
  });
});
