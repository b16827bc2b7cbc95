package org.monostore.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids of carts, orders, payments and fulfilments: random UUIDs in lower case, so they cannot be
 * guessed, and anything else names nothing.
 */
public final class EntityIds {

  /** The shape of an id, as a regular expression (for request validation too). */
  public static final String SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static final Pattern PATTERN = Pattern.compile(SHAPE);

  private EntityIds() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  public static boolean isId(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /** The id as given, or a 400 naming the field when it is not an id. */
  public static String require(String id, String field) {
    if (!isId(id)) {
      throw notAnId(field).asException();
    }
    return id;
  }

  public static Rejection notAnId(String field) {
    return Rejection.invalid(field, "'" + field + "' must be an id: a lower-case UUID");
  }
}
