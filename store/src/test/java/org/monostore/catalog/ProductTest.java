package org.monostore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.shared.Money;

/** The Product entity, outside sharding: the shard is a probe and the row comes from the test. */
class ProductTest {

  private static final ProductDetails MUG = new ProductDetails(
      "MUG-000001", "Mug", "A big mug", "kitchen", true, Map.of("SE", new Money(12_900, "SEK")));

  private static ActorTestKit testKit;

  private TestProbe<ClusterSharding.ShardCommand> shard;
  private final Map<String, ProductDetails> awake = new ConcurrentHashMap<>();
  private TestProbe<Product.Reply> client;

  @BeforeAll
  static void startActorSystem() {
    testKit = ActorTestKit.create(
        ConfigFactory.parseString("pekko.actor.provider = local")
            .withFallback(ConfigFactory.parseResources("pekko/serialization.conf")));
  }

  @AfterAll
  static void stopActorSystem() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void createProbes() {
    shard = testKit.createTestProbe();
    client = testKit.createTestProbe();
  }

  @Test
  void aFoundProductIsAnsweredFromMemoryAndItsRowIsReadOnce() {
    CountingRows rows = new CountingRows(sku -> CompletableFuture.completedFuture(Optional.of(MUG)));
    ActorRef<Product.Command> product = testKit.spawn(Product.create(MUG.sku(), shard.ref(), rows, awake));

    for (int i = 0; i < 5; i++) {
      product.tell(new Product.GetProduct(client.ref()));
    }

    assertThat(client.receiveSeveralMessages(5)).containsOnly(new Product.Found(MUG));
    assertThat(rows.calls()).isEqualTo(1);
  }

  @Test
  void lookupsThatArriveWhileTheRowLoadsAreAnsweredOnceItArrives() {
    CompletableFuture<Optional<ProductDetails>> row = new CompletableFuture<>();
    CountingRows rows = new CountingRows(sku -> row);
    ActorRef<Product.Command> product = testKit.spawn(Product.create(MUG.sku(), shard.ref(), rows, awake));
    TestProbe<Product.Reply> otherClient = testKit.createTestProbe();

    // Sent before the row exists: the only answer they can get is the one the row gives.
    product.tell(new Product.GetProduct(client.ref()));
    product.tell(new Product.GetProduct(otherClient.ref()));
    product.tell(new Product.GetProduct(client.ref()));
    row.complete(Optional.of(MUG));

    assertThat(client.receiveSeveralMessages(2)).containsOnly(new Product.Found(MUG));
    otherClient.expectMessage(new Product.Found(MUG));
    product.tell(new Product.GetProduct(client.ref()));
    client.expectMessage(new Product.Found(MUG));
    assertThat(rows.calls()).isEqualTo(1);
  }

  @Test
  void lookupsBeyondTheWaitingLimitAreAnsweredUnavailableAtOnce() {
    CompletableFuture<Optional<ProductDetails>> row = new CompletableFuture<>();
    ActorRef<Product.Command> product = testKit.spawn(Product.create(MUG.sku(), shard.ref(), sku -> row, awake));
    TestProbe<Product.Reply> latecomer = testKit.createTestProbe();

    for (int i = 0; i < 1_000; i++) {
      product.tell(new Product.GetProduct(client.ref()));
    }
    product.tell(new Product.GetProduct(latecomer.ref()));

    assertThat(latecomer.expectMessageClass(Product.Unavailable.class).reason()).contains(MUG.sku());
    row.complete(Optional.of(MUG));
    assertThat(client.receiveSeveralMessages(1_000)).containsOnly(new Product.Found(MUG));
  }

  @Test
  void aMissingSkuAnswersNotFoundAndPassivates() {
    CountingRows rows = new CountingRows(sku -> CompletableFuture.completedFuture(Optional.empty()));
    ActorRef<Product.Command> product = testKit.spawn(Product.create("NOPE-000000", shard.ref(), rows, awake));

    product.tell(new Product.GetProduct(client.ref()));

    client.expectMessage(new Product.NotFound("NOPE-000000"));
    assertThat(shard.expectMessageClass(ClusterSharding.Passivate.class).entity()).isEqualTo(product);
    // Until the shard stops it, it still answers, without reading again.
    product.tell(new Product.GetProduct(client.ref()));
    client.expectMessage(new Product.NotFound("NOPE-000000"));
    assertThat(rows.calls()).isEqualTo(1);
  }

  @Test
  void aFailedLoadAnswersEveryWaitingLookupUnavailableAndPassivates() {
    CompletableFuture<Optional<ProductDetails>> row = new CompletableFuture<>();
    ActorRef<Product.Command> product = testKit.spawn(Product.create(MUG.sku(), shard.ref(), sku -> row, awake));

    product.tell(new Product.GetProduct(client.ref()));
    product.tell(new Product.GetProduct(client.ref()));
    row.completeExceptionally(new IllegalStateException("the database is down"));

    assertThat(client.receiveSeveralMessages(2))
        .containsOnly(new Product.Unavailable("the database is down"));
    assertThat(shard.expectMessageClass(ClusterSharding.Passivate.class).entity()).isEqualTo(product);
  }

  /** Reads rows with the given function, and counts the reads. */
  private static final class CountingRows implements Product.Rows {

    private final Product.Rows rows;
    private final AtomicInteger calls = new AtomicInteger();

    CountingRows(Product.Rows rows) {
      this.rows = rows;
    }

    @Override
    public CompletionStage<Optional<ProductDetails>> apply(String sku) {
      calls.incrementAndGet();
      return rows.apply(sku);
    }

    int calls() {
      return calls.get();
    }
  }

  @Test
  void anAwakeProductIsInItsNodesReadViewUntilItStops() {
    CountingRows rows = new CountingRows(sku -> CompletableFuture.completedFuture(Optional.of(MUG)));
    ActorRef<Product.Command> product = testKit.spawn(Product.create(MUG.sku(), shard.ref(), rows, awake));
    TestProbe<Product.Reply> probe = testKit.createTestProbe();

    product.tell(new Product.GetProduct(probe.ref()));
    probe.expectMessage(new Product.Found(MUG));
    assertThat(awake).containsEntry(MUG.sku(), MUG);

    testKit.stop(product);
    assertThat(awake).doesNotContainKey(MUG.sku());
  }

  @Test
  void aMissingProductIsNeverInTheReadView() {
    ActorRef<Product.Command> product = testKit.spawn(
        Product.create("NOPE-000001", shard.ref(), sku -> CompletableFuture.completedFuture(Optional.empty()), awake));
    TestProbe<Product.Reply> probe = testKit.createTestProbe();

    product.tell(new Product.GetProduct(probe.ref()));
    probe.expectMessageClass(Product.NotFound.class);
    assertThat(awake).isEmpty();
  }
}
