package org.monostore.platform;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The tags an entity kind's events carry for its projections. A kind's events can be split into
 * slices, each read by its own projection instance; the slice is the id's last hex digit modulo the
 * slice count. More slices are not free: each instance's query reads the journal's whole new range
 * (docs/benchmarks.md measured one slice per kind as the better choice on two cores). A migration
 * that changes the count must re-tag untagged events as V3__read_models.sql does.
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
