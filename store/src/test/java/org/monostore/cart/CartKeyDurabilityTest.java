package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.MonoStoreApplication;
import org.monostore.TestStores;
import org.monostore.platform.EmbeddedDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cart's Idempotency-Keys are as durable as its lines: they survive a restart of the store (snapshots
 * included) and a kill -9 of the store after a keyed change was persisted but before it was acknowledged.
 */
class CartKeyDurabilityTest {

  private static final String SKU = "OFFC-000001";
  /** An upper bound for anything that involves starting a JVM on a busy machine. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path folder;

  private EmbeddedPostgres database;
  private final List<Process> stores = new ArrayList<>();

  @AfterEach
  void leavesNoProcessBehind() throws Exception {
    for (Process store : stores) {
      store.destroyForcibly();
      assertThat(store.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("store %s ended", store.pid()).isTrue();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void keysSurviveARestartOfTheStoreAndTheCartsSnapshots() {
    Map<String, Object> snapshotOften = Map.of("monostore.cart.snapshot-every", "2");
    String cart;
    List<String> keys = List.of("first", "second", "third", "fourth", "fifth");
    try (ConfigurableApplicationContext store = TestStores.withEmbeddedDatabase(folder, snapshotOften)) {
      int port = TestStores.httpPort(store);
      cart = cartWithALine(port);
      for (String key : keys) {
        increase(port, cart, key, 1).then().statusCode(200).header("Idempotent-Replayed", nullValue());
      }
    }

    try (ConfigurableApplicationContext restarted = TestStores.withEmbeddedDatabase(folder, snapshotOften)) {
      int port = TestStores.httpPort(restarted);
      for (String key : keys) {
        increase(port, cart, key, 1).then().statusCode(200).header("Idempotent-Replayed", "true");
      }
      increase(port, cart, "first", 2).then().statusCode(422);
      given().port(port).get("/api/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(6));
    }
  }

  /**
   * The journal is held locked, so the keyed change is persisted only after its ask timed out with a 503;
   * the store is killed once the change is in the journal, then started again on the same database.
   */
  @Test
  void aKeyedChangePersistedAfterIts503IsMadeOnceWhenRetriedAfterAKill9() throws Exception {
    database = EmbeddedDatabase.start(folder.resolve("postgres"), 0);
    int port = startStore("first");
    String cart = cartWithALine(port);
    String key = UUID.randomUUID().toString();

    Response timedOut;
    try (Connection lock = database.getPostgresDatabase().getConnection()) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        statement.execute("LOCK TABLE event_journal IN SHARE MODE");
      }
      timedOut = increase(port, cart, key, 2);
      assertThat(keyedRowsOf(cart)).as("journal rows with the key while the journal is locked").isZero();
      lock.commit();
    }
    timedOut.then().statusCode(503).header("Retry-After", "2").body("mayHaveBeenApplied", equalTo(true));
    await().atMost(Duration.ofSeconds(20)).until(() -> keyedRowsOf(cart) == 1);
    killStores();

    int restarted = startStore("restarted");
    given().port(restarted).get("/api/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(3));
    increase(restarted, cart, key, 2).then().statusCode(200).header("Idempotent-Replayed", "true")
        .body("lines[0].quantity", equalTo(3));
    assertThat(keyedRowsOf(cart)).isOne();
  }

  /** Runs the whole store in a JVM of its own on {@link #database}, and waits until it is ready. */
  private int startStore(String name) throws Exception {
    int port = TestStores.freePort();
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path log = folder.resolve(name + ".log");
    Process store = new ProcessBuilder(
            java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            MonoStoreApplication.class.getName(),
            "--server.port=" + port,
            "--pekko.remote.artery.canonical.port=0",
            "--spring.datasource.url=jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--monostore.catalog.demo-products=50",
            "--monostore.ask-timeout=2s")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    stores.add(store);
    try {
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
        assertThat(store.isAlive()).as("the store is running").isTrue();
        return isReady(port);
      });
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError("The store did not get ready:\n" + Files.readString(log), e);
    }
    return port;
  }

  private static boolean isReady(int port) {
    try {
      return given().port(port).get("/actuator/health/readiness").statusCode() == 200;
    } catch (Exception notListening) {
      // Rest Assured throws the ConnectException unchecked while the store does not listen yet.
      return false;
    }
  }

  /** kill -9 of every store started so far; the database is the test's own and keeps running. */
  private void killStores() throws InterruptedException {
    for (Process store : stores) {
      store.destroyForcibly();
      assertThat(store.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the store was killed").isTrue();
    }
    stores.clear();
  }

  private long keyedRowsOf(String cart) throws SQLException {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM event_journal WHERE persistence_id = ? AND event_ser_manifest LIKE ?")) {
      query.setString(1, "Cart|" + cart);
      query.setString(2, "%RequestKeyRecorded");
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static String cartWithALine(int port) {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", SKU, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    return cart;
  }

  private static Response increase(int port, String cart, String key, int by) {
    return given().port(port).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("by", by))
        .post("/api/carts/" + cart + "/items/" + SKU + "/increase");
  }
}
