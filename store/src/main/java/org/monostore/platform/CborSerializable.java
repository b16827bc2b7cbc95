package org.monostore.platform;

/**
 * Marks what Pekko may send between nodes or write to the journal: commands, replies, events and
 * snapshots. Bound to Jackson CBOR in pekko/serialization.conf.
 */
public interface CborSerializable {}
