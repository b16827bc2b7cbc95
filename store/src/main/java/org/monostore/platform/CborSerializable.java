package org.monostore.platform;

/**
 * Marks what Pekko may send between nodes: commands and replies. Bound to Jackson CBOR in
 * pekko/serialization.conf. Events and snapshots are {@link Persisted} instead.
 */
public interface CborSerializable {}
