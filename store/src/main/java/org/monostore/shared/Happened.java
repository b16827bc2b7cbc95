package org.monostore.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.monostore.platform.CborSerializable;

/**
 * One entry of an entity's history, kept in its state as its events are applied, so that a timeline is
 * read from memory and not from the journal.
 *
 * @param event what happened, in the past tense: the name the API's timelines show
 * @param by who did it, where the event records it (the customer, an admin's name), or null
 * @param detail what it was about, in short ("Insufficient funds", a tracking number), or null
 */
public record Happened(Instant at, String event, String by, String detail) implements CborSerializable {

  public Happened(Instant at, String event, String by) {
    this(at, event, by, null);
  }

  /** The history with this entry added last. */
  public static List<Happened> append(List<Happened> history, Happened next) {
    List<Happened> longer = new ArrayList<>(history.size() + 1);
    longer.addAll(history);
    longer.add(next);
    return List.copyOf(longer);
  }
}
