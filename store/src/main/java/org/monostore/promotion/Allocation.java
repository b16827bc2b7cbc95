package org.monostore.promotion;

import java.util.Arrays;

/**
 * Splits an amount over weights in proportion, exactly: the shares add up to the amount to the minor
 * unit, and none exceeds its weight. Each share is first rounded down; the minor units left over go one
 * each to the shares that lost the largest fractions, ties to the earlier one (largest remainder).
 */
final class Allocation {

  private Allocation() {}

  /**
   * The shares of {@code amount} in proportion to {@code weights}; {@code amount} at most their sum,
   * weights not negative. A zero amount, or weights that are all zero, give zero shares.
   */
  static long[] proportional(long amount, long[] weights) {
    long total = 0;
    for (long weight : weights) {
      if (weight < 0) {
        throw new IllegalArgumentException("a weight is not negative: " + weight);
      }
      total = Math.addExact(total, weight);
    }
    if (amount < 0 || amount > total) {
      throw new IllegalArgumentException("cannot split " + amount + " over weights that add up to " + total);
    }
    long[] shares = new long[weights.length];
    if (amount == 0) {
      return shares;
    }
    long[] lost = new long[weights.length];
    long left = amount;
    for (int i = 0; i < weights.length; i++) {
      long product = Math.multiplyExact(amount, weights[i]);
      shares[i] = product / total;
      lost[i] = product % total;
      left -= shares[i];
    }
    if (left > 0) {
      Integer[] order = new Integer[weights.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> lost[a] != lost[b] ? Long.compare(lost[b], lost[a]) : Integer.compare(a, b));
      for (int i = 0; left > 0; i++, left--) {
        shares[order[i]]++;
      }
    }
    return shares;
  }
}
