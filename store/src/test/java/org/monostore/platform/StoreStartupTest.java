package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/** The store starts in stages: the entities of every kind, then the read models, then HTTP. */
@StoreTest
class StoreStartupTest {

  @Autowired StoreStartup startup;
  @Autowired ApplicationContext context;

  @Test
  void everyEntityTypeStartsBeforeAnyReadModel() {
    List<String> started = new ArrayList<>();
    EntityType carts = () -> started.add("carts");
    EntityType orders = () -> started.add("orders");
    ReadModel cartList = () -> started.add("cart list, after " + List.copyOf(started));
    ReadModel orderList = () -> started.add("order list, after " + List.copyOf(started));

    new StoreStartup(List.of(carts, orders), List.of(cartList, orderList)).start();

    assertThat(started).containsExactly("carts", "orders", "cart list, after [carts, orders]",
        "order list, after [carts, orders, cart list, after [carts, orders]]");
  }

  @Test
  void theRunningStoreStartedItsEntitiesThenItsReadModels() {
    assertThat(startup.stages()).extracting(StoreStartup.Stage::name).containsExactly("entities", "read models");
    assertThat(startup.stages().get(0).started())
        .containsExactlyInAnyOrder("Carts", "Catalog", "Fulfillments", "Orders", "Payments", "Promotions", "Stocks")
        .containsExactlyInAnyOrderElementsOf(simpleNames(EntityType.class));
    assertThat(startup.stages().get(1).started())
        .containsExactlyInAnyOrder("CartSummaryProjection", "LivePromotions", "OrderSummaryProjection",
            "OrderFulfillmentProjection", "PaymentSettlements")
        .containsExactlyInAnyOrderElementsOf(simpleNames(ReadModel.class));
  }

  @Test
  void httpStartsOnlyAfterTheEntitiesAndReadModels() {
    // Spring starts lifecycles in the order of their phases, the lowest first, and stops them the other way.
    SmartLifecycle webServer = context.getBeansOfType(SmartLifecycle.class).values().stream()
        .filter(lifecycle -> lifecycle.getClass().getSimpleName().equals("WebServerStartStopLifecycle"))
        .findFirst()
        .orElseThrow();

    assertThat(startup.getPhase()).isLessThan(webServer.getPhase());
    assertThat(startup.isRunning()).isTrue();
  }

  private List<String> simpleNames(Class<?> type) {
    return context.getBeansOfType(type).values().stream().map(bean -> bean.getClass().getSimpleName()).toList();
  }
}
