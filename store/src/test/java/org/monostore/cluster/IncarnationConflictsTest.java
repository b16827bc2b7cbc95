package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.platform.EmbeddedDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@link NodeLossIT} looks for in the nodes' logs is what two incarnations of one cart leave
 * there: two stores on one database that are not one cluster (each joins itself, a split brain with
 * no resolver) both run the cart, and the second write of a sequence number is refused.
 */
class IncarnationConflictsTest {

  @TempDir Path databaseFolder;

  @Test
  void twoIncarnationsOfACartWritingLeaveTheLinesTheClusterTestCounts() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    try (EmbeddedPostgres database = EmbeddedDatabase.start(databaseFolder, 0);
        ConfigurableApplicationContext first = TestStores.onDatabase(url(database), Map.of());
        ConfigurableApplicationContext second = TestStores.onDatabase(url(database), Map.of())) {
      // Only now: a store's start sets logging up anew, which would drop an appender added before.
      logged.start();
      root.addAppender(logged);
      int one = TestStores.httpPort(first);
      int two = TestStores.httpPort(second);
      String cart = given().port(one).contentType(ContentType.JSON).body("{}").post("/api/carts")
          .then().statusCode(201).extract().path("id");
      addItem(one, cart);
      addItem(two, cart);
      addItem(one, cart);

      // Pekko logs through an actor: the lines arrive a moment later.
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        List<ILoggingEvent> events;
        synchronized (logged) {
          events = List.copyOf(logged.list);
        }
        List<String> lines = events.stream().map(IncarnationConflictsTest::asLogged).toList();
        assertThat(lines).anyMatch(line -> line.contains(IncarnationConflicts.FAILED_WRITE));
        assertThat(lines).anyMatch(line -> line.contains(IncarnationConflicts.JOURNAL_REJECTION));
      });
    } finally {
      root.detachAppender(logged);
    }
  }

  private static void addItem(int port, String cart) {
    given().port(port).contentType(ContentType.JSON).body("{\"sku\": \"BOOK-000001\", \"quantity\": 1}")
        .post("/api/carts/" + cart + "/items");
  }

  /** The message and its causes' messages, as a log file holds them. */
  private static String asLogged(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
      line.append('\n').append(cause.getClassName()).append(": ").append(cause.getMessage());
    }
    return line.toString();
  }

  private static String url(EmbeddedPostgres database) {
    return "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
  }
}
