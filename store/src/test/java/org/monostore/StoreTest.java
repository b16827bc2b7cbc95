package org.monostore;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole store on a random HTTP port, with an embedded PostgreSQL of its own in a fresh folder
 * and a one-node cluster on a free port. Test classes with this annotation share one running store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestUsers.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "monostore.embedded-database.directory=target/test-databases/${random.uuid}",
      "pekko.remote.artery.canonical.port=0",
      // The tests define the promotions they price with; DemoPromotionsTest defines the demo ones.
      "monostore.promotion.demo-promotions=false",
      // Every product's stock uncounted unless a test counts it; DemoStockTest counts the demo stock.
      "monostore.stock.demo-stock=false",
      // The simulated gateway's slow token answers after the timeout, quickly enough for a test to wait.
      "monostore.payment.gateway-timeout=1s",
      "monostore.payment.simulated-gateway.slow-response=2s",
      // Read models look for new events ten times a second (a shop's default is once): a test that waits
      // for a list to show a change waits a tenth as long.
      "monostore.projections.poll-interval=100ms"
    })
public @interface StoreTest {}
