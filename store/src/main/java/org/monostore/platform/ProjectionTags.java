package org.monostore.platform;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The tags an entity kind's events carry for its projections. A busy kind's events are split into a
 * few slices, each read by its own projection instance, so the read model keeps up in parallel. The
 * slice is the id's last hex digit modulo the slice count (V3__read_models.sql tags old events so too).
 */
public record ProjectionTags(String prefix, int slices) {

  public String of(String entityId) {
    int digit = Character.digit(entityId.charAt(entityId.length() - 1), 16);
    return prefix + "-" + Math.floorMod(digit, slices);
  }

  public List<String> all() {
    return IntStream.range(0, slices).mapToObj(slice -> prefix + "-" + slice).toList();
  }
}
