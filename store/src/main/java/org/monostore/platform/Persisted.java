package org.monostore.platform;

/**
 * Marks what the journal and the snapshot store keep: an entity's events and snapshots. Each kind is
 * a record of its own, named by {@link PersistedAs}, and holds no type of the API's answers, so that
 * neither a change to an answer nor a renamed class changes what is stored. Written by
 * {@link PersistedSerializer} (bound in pekko/serialization.conf).
 */
public interface Persisted {}
