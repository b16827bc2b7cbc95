package org.monostore.platform;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How many rows of a read model have each status: every status present (0 where none), in the enum's order. */
public final class StatusCounts {

  private StatusCounts() {}

  /** @param sql a query answering {@code status, count} rows, a status at most once */
  public static <S extends Enum<S>> Map<S, Long> of(Class<S> type, JdbcClient jdbc, String sql) {
    Map<S, Long> counts = new EnumMap<>(type);
    for (S status : type.getEnumConstants()) {
      counts.put(status, 0L);
    }
    jdbc.sql(sql).query((row, n) -> counts.put(Enum.valueOf(type, row.getString("status")), row.getLong("count")))
        .list();
    return counts;
  }
}
