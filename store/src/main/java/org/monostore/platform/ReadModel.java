package org.monostore.platform;

/**
 * What is kept from the entities' events ({@link Projections}): {@link StoreStartup} starts it once
 * every {@link EntityType} has started, and before HTTP serves.
 */
public interface ReadModel {

  /** Starts the projections that keep it. */
  void start();
}
