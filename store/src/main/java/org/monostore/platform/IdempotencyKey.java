package org.monostore.platform;

import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key} header, which makes a write safe to send again: 1-255 visible
 * ASCII characters, or absent. An answer that repeats a key's first outcome carries {@link #REPLAYED}.
 */
public final class IdempotencyKey {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  public static final String DESCRIPTION = "The client's key for this request, 1-255 visible ASCII characters: "
      + "sent again with the same request, the request is made once";

  private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private IdempotencyKey() {}

  /** The key, or null when none was sent; a 400 naming the header when it is malformed. */
  public static String checked(String key) {
    if (key != null && !SHAPE.matcher(key).matches()) {
      throw Rejection.invalid(HEADER, "'" + HEADER + "' must be 1-255 visible ASCII characters").asException();
    }
    return key;
  }
}
