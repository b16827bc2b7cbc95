package org.monostore;

import java.util.Arrays;
import org.monostore.cluster.LocalCluster;
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

  /** {@code cluster [--nodes=N] [--port=P]} starts a local cluster of N stores instead (cluster/LocalCluster). */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("cluster")) {
      LocalCluster.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    try {
      SpringApplication.run(MonoStoreApplication.class, args);
    } catch (RuntimeException failedToStart) {
      // Told already, in one line (platform/StartupFailureReport). Exits, as threads started before
      // the failure, Pekko's among them, may not all have stopped.
      System.exit(1);
    }
  }
}
