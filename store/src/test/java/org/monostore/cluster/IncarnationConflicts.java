package org.monostore.cluster;

/**
 * What a store logs when two incarnations of one entity wrote: the second write of a sequence number
 * breaks the journal's (persistence id, sequence number) key, and the entity's write fails.
 */
final class IncarnationConflicts {

  /** PostgreSQL's words for the broken key. */
  static final String JOURNAL_REJECTION = "duplicate key value violates unique constraint";

  /** Pekko Persistence's words for a write that failed or was rejected ("Failed to persist event ..."). */
  static final String FAILED_WRITE = "to persist event";

  private IncarnationConflicts() {}
}
