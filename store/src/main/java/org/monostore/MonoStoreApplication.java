package org.monostore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * MonoStore: an e-commerce backend whose business objects (products, carts, ...) are sharded Pekko
 * actors persisted as events in PostgreSQL, behind a Spring MVC HTTP API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MonoStoreApplication {

  public static void main(String[] args) {
    SpringApplication.run(MonoStoreApplication.class, args);
  }
}
