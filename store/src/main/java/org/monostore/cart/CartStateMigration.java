package org.monostore.cart;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Snapshots written while the cart's state was the nested record {@code Cart.State} name that class;
 * they read as {@link CartState}, whose fields are the same. Registered in pekko/serialization.conf.
 */
public final class CartStateMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return CartState.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }
}
