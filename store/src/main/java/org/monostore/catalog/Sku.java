package org.monostore.catalog;

import java.util.regex.Pattern;

/** The shape of a stock keeping unit: upper-case letters, digits and dashes, at most 32 characters. */
public final class Sku {

  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

  private Sku() {}

  public static boolean isValid(String sku) {
    return sku != null && SHAPE.matcher(sku).matches();
  }
}
