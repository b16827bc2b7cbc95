package org.monostore.platform;

/**
 * A kind of sharded entity (carts, orders, ...): {@link StoreStartup} starts its entities on this node
 * first of all, before any read model reads their events and before HTTP asks them.
 */
public interface EntityType {

  /** Registers the entities with cluster sharding on this node. */
  void start();
}
