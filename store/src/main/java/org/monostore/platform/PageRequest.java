package org.monostore.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How a client asked for one page of a list: page from 0, 1-100 items, a sort key out of the ones the
 * list allows and a direction. Bad values are 400s naming the parameter.
 */
public record PageRequest(int page, int size, String sort, boolean descending) {

  public static final int MAX_SIZE = 100;

  public static PageRequest of(int page, int size, String sort, String direction, Set<String> sorts) {
    if (page < 0 || page > 100_000) {
      throw Rejection.invalid("page", "'page' must be between 0 and 100000").asException();
    }
    if (size < 1 || size > MAX_SIZE) {
      throw Rejection.invalid("size", "'size' must be between 1 and " + MAX_SIZE).asException();
    }
    if (!sorts.contains(sort)) {
      throw Rejection.invalid("sort", "'sort' must be one of " + String.join(", ", sorts.stream().sorted().toList()))
          .asException();
    }
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw Rejection.invalid("direction", "'direction' must be asc or desc").asException();
    }
    return new PageRequest(page, size, sort, direction.equals("desc"));
  }

  public int offset() {
    return page * size;
  }

  /**
   * A page of a list kept by a read model, with how many items match on all pages, and how many
   * changes are still on their way into the read model.
   */
  public record Page<T>(
      List<T> items,
      int page,
      int size,
      long total,
      @Schema(description = "Changes made but not yet in this list (the read model's lag, in events): 0 when "
          + "the list holds every change made before it was read. A client that made a change asks again "
          + "until it is 0") long behind) {}

  /** Statuses to filter by, repeated or comma-separated; none when absent; a wrong one is a 400. */
  public static <S extends Enum<S>> List<S> statuses(Class<S> type, List<String> names) {
    return values("status", type, names);
  }

  /** The values of an enum parameter, repeated or comma-separated; none when absent; a wrong one is a 400. */
  public static <S extends Enum<S>> List<S> values(String parameter, Class<S> type, List<String> names) {
    if (names == null) {
      return List.of();
    }
    try {
      return names.stream().flatMap(name -> Arrays.stream(name.split(","))).map(name -> Enum.valueOf(type, name))
          .toList();
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid(parameter, "'" + parameter + "' must be one of " + Arrays.toString(type.getEnumConstants()))
          .asException();
    }
  }

  /** An instant parameter, or null when absent; anything else is a 400 naming the parameter. */
  public static Instant instant(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Rejection.invalid(parameter, "'" + parameter + "' must be an instant in ISO 8601, e.g. "
          + "2026-11-30T12:00:00Z").asException();
    }
  }

  /** Text to find with LIKE, its wildcards taken literally (the query says ESCAPE '\'). */
  public static String likePattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
