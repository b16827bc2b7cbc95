import { describe, expect, it } from 'vitest';
import { changeMade, listRefetchInterval } from './queries';

describe('how often a list asks again', () => {
  it('follows a change closely until its read model holds it, then goes back to its timer', () => {
    const now = 1_000_000;
    changeMade(now);
    expect(listRefetchInterval({ behind: 3 }, now + 200)).toBe(500);
    expect(listRefetchInterval(undefined, now + 200)).toBe(500);
    expect(listRefetchInterval({ behind: 0 }, now + 200)).toBe(15_000);
    // Not for ever: a read model that stays behind under load is asked at the usual pace again.
    expect(listRefetchInterval({ behind: 3 }, now + 11_000)).toBe(15_000);
  });

  it('keeps its timer when nothing was changed here', () => {
    changeMade(0);
    expect(listRefetchInterval({ behind: 5 }, 1_000_000)).toBe(15_000);
  });
});
