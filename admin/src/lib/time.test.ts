import { describe, expect, it } from 'vitest';
import { formatRelative, shortId } from './time';

describe('time', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('formats relative times', () => {
    expect(formatRelative('2026-11-30T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2026-11-30T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelative('2026-11-30T09:00:00Z', now)).toBe('3 h ago');
    expect(formatRelative('2026-11-28T12:00:00Z', now)).toBe('2 d ago');
    expect(formatRelative('2026-11-30T12:10:00Z', now)).toBe('in 10 min');
    expect(formatRelative(null, now)).toBe('—');
  });
  it('shortens ids', () => {
    expect(shortId('0f6c3a52-1111-2222-3333-444455556666')).toBe('0f6c3a52');
    expect(shortId('abc')).toBe('abc');
  });
});
