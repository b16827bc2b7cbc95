package org.monostore;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Like {@link StoreTest}, but every entity passivates after one idle second, for the tests that
 * prove entities sleep and wake intact. Test classes with this annotation share one running store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestUsers.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "monostore.embedded-database.directory=target/test-databases/${random.uuid}",
      "pekko.remote.artery.canonical.port=0",
      "pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout=1s",
      "monostore.stock.demo-stock=false"
    })
public @interface IdleStoreTest {}
