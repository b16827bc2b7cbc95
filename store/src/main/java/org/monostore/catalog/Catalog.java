package org.monostore.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityType;
import org.springframework.stereotype.Component;

/**
 * The catalog as other capabilities see it: product lookups answered by the sharded Product
 * entities. Starts those entities on this node, at start-up.
 */
@Component
public class Catalog implements EntityType, AutoCloseable {

  private final ClusterSharding sharding;
  private final ActorSystem<?> system;
  private final Asks asks;
  private final ProductRepository products;
  /** The products whose entities are awake on this node, as they hold them; written only by them. */
  private final Map<String, ProductDetails> awake = new ConcurrentHashMap<>();
  /** Product rows are read here, off the actors: one virtual thread per read. */
  private final ExecutorService rowReaders = Executors.newVirtualThreadPerTaskExecutor();

  Catalog(ClusterSharding sharding, ActorSystem<Void> system, Asks asks, ProductRepository products) {
    this.sharding = sharding;
    this.system = system;
    this.asks = asks;
    this.products = products;
  }

  @Override
  public void start() {
    Product.init(sharding, sku -> CompletableFuture.supplyAsync(() -> products.find(sku), rowReaders), awake);
  }

  /**
   * Looks a product up without blocking: for actors. A product whose entity is awake on this node is
   * answered from the entity's read view, without a round trip through its mailbox.
   */
  public CompletionStage<Product.Reply> lookup(String sku) {
    ProductDetails known = awake.get(sku);
    if (known != null) {
      return CompletableFuture.completedFuture(new Product.Found(known));
    }
    return AskPattern.ask(
        sharding.entityRefFor(Product.ENTITY_KEY, sku),
        Product.GetProduct::new,
        asks.timeout(),
        system.scheduler());
  }

  /** Looks a product up and waits for the answer: for request threads. */
  Product.Reply get(String sku) {
    ProductDetails known = awake.get(sku);
    if (known != null) {
      return new Product.Found(known);
    }
    return asks.ask(sharding.entityRefFor(Product.ENTITY_KEY, sku), Product.GetProduct::new);
  }

  /**
   * Of these SKUs, those no product has, and of these categories, those no product is of (in any case),
   * in the order given; a query, for the rare writes that name products (promotions), never for carts.
   */
  public List<String> unknown(List<String> skus, List<String> categories) {
    List<String> unknown = new ArrayList<>();
    if (!skus.isEmpty()) {
      unknown.addAll(products.unknownSkus(skus));
    }
    if (!categories.isEmpty()) {
      unknown.addAll(products.unknownCategories(categories));
    }
    return unknown;
  }

  @Override
  public void close() {
    rowReaders.close();
  }
}
