package org.monostore.promotion;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Codes made up for a batch: random, so that one cannot be guessed from another. */
final class CouponCodes {

  /** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
  private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private CouponCodes() {}

  static List<String> generate(int count, String prefix) {
    List<String> codes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder code = new StringBuilder(prefix);
      for (int c = 0; c < LENGTH; c++) {
        code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
      }
      codes.add(code.toString());
    }
    return codes;
  }
}
