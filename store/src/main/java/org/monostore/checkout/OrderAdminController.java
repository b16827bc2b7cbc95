package org.monostore.checkout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.Fulfillments;
import org.monostore.platform.EntityIds;
import org.monostore.platform.PageRequest;
import org.monostore.platform.Rejection;
import org.monostore.shared.Markets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's orders: the list from the read model, each order from its entity with its timeline,
 * and the changes an admin may make, each recorded with the admin's name.
 */
@Tag(name = "Admin: orders", description = "Orders, their history, contact changes, cancellation and shipping")
@RestController
@RequestMapping("/api/admin/orders")
class OrderAdminController {

  private final Orders orders;
  private final OrderSummaries summaries;
  private final Fulfillments fulfillments;
  private final Markets markets;

  OrderAdminController(Orders orders, OrderSummaries summaries, Fulfillments fulfillments, Markets markets) {
    this.orders = orders;
    this.summaries = summaries;
    this.fulfillments = fulfillments;
    this.markets = markets;
  }

  record ShipRequest(String trackingNumber) {}

  @Operation(summary = "List orders", description = "From the read model, a moment behind the orders.")
  @GetMapping
  PageRequest.Page<OrderSummaries.OrderSummary> list(
      @Parameter(description = "An order status; repeat for several; all when absent")
          @RequestParam(required = false) List<String> status,
      @Parameter(description = "Where the order stands (an OrderStage); repeat for several; all when absent. "
          + "PAYMENT_DECLINED, PAYMENT_FAILED, PAYMENT_PENDING and PAID are the orders that need attention")
          @RequestParam(required = false) List<String> stage,
      @Parameter(description = "A market's code, e.g. SE; every market when absent")
          @RequestParam(required = false) String market,
      @Parameter(description = "Only orders changed at or after this instant (ISO 8601)")
          @RequestParam(required = false) String changedSince,
      @Parameter(description = "Text in the order's id or in its email") @RequestParam(required = false) String q,
      @Parameter(description = "updatedAt, createdAt or total (within each currency, the currencies A to Z)")
          @RequestParam(defaultValue = "updatedAt") String sort,
      @Parameter(description = "asc or desc") @RequestParam(defaultValue = "desc") String direction,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return summaries.find(PageRequest.statuses(OrderState.Status.class, status),
        PageRequest.values("stage", OrderStage.class, stage), markets.filter(market),
        PageRequest.instant("changedSince", changedSince), q,
        PageRequest.of(page, size, sort, direction, OrderSummaries.SORTS));
  }

  @Operation(summary = "Get an order", description = "With its pricing, payments, fulfilment and timeline.")
  @GetMapping("/{orderId}")
  OrderView get(@PathVariable String orderId) {
    return view(orderId, PurchaseOrder.Get::new);
  }

  @Operation(summary = "Change the contact information on the customer's behalf")
  @PutMapping("/{orderId}/contact")
  OrderView giveContact(
      @PathVariable String orderId, @Valid @RequestBody OrderController.ContactRequest request, Principal admin) {
    Contact contact = request.toContact();
    return view(orderId, replyTo -> new PurchaseOrder.GiveContactByAdmin(admin.getName(), contact, replyTo));
  }

  @Operation(summary = "Cancel the order",
      description = "Also after the payment is authorized, cancelling the fulfilment unless it is shipped.")
  @PostMapping("/{orderId}/cancel")
  OrderView cancel(@PathVariable String orderId, Principal admin) {
    return view(orderId, replyTo -> new PurchaseOrder.CancelByAdmin(admin.getName(), replyTo));
  }

  @Operation(summary = "Create the fulfilment order", description = "Once the payment is authorized.")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The order with its fulfilment")
  @PostMapping("/{orderId}/fulfillment")
  ResponseEntity<OrderView> createFulfillment(@PathVariable String orderId) {
    OrderView order = view(orderId, PurchaseOrder.CreateFulfillment::new);
    return ResponseEntity.created(URI.create("/api/admin/orders/" + orderId)).body(order);
  }

  @Operation(summary = "Record the items picked")
  @PostMapping("/{orderId}/fulfillment/pick")
  OrderView pick(@PathVariable String orderId, Principal admin) {
    return fulfil(orderId, admin, Fulfillment.Pick::new);
  }

  @Operation(summary = "Ship the parcel with the carrier's tracking number")
  @PostMapping("/{orderId}/fulfillment/ship")
  OrderView ship(@PathVariable String orderId, @RequestBody(required = false) ShipRequest request, Principal admin) {
    String trackingNumber = request == null ? null : request.trackingNumber();
    return fulfil(orderId, admin, replyTo -> new Fulfillment.Ship(trackingNumber, replyTo));
  }

  @Operation(summary = "Record the delivery")
  @PostMapping("/{orderId}/fulfillment/deliver")
  OrderView deliver(@PathVariable String orderId, Principal admin) {
    return fulfil(orderId, admin, Fulfillment.Deliver::new);
  }

  @Operation(summary = "Cancel the fulfilment", description = "Unless it is shipped. The order is then "
      + "PAYMENT_AUTHORIZED again: it can be fulfilled anew, or cancelled, which releases the payment.")
  @PostMapping("/{orderId}/fulfillment/cancel")
  OrderView cancelFulfillment(@PathVariable String orderId, Principal admin) {
    return view(orderId, replyTo -> new PurchaseOrder.CancelFulfillment(admin.getName(), replyTo));
  }

  private OrderView fulfil(
      String orderId, Principal admin, Function<ActorRef<Fulfillment.Reply>, Fulfillment.Transition> step) {
    OrderState order = orders.ask(id(orderId), PurchaseOrder.Get::new);
    if (order.fulfillmentId() == null) {
      throw order.conflict("The order has no fulfilment yet").asException();
    }
    fulfillments.takeByAdmin(order.fulfillmentId(), admin.getName(), step);
    return orders.adminView(orderId, order);
  }

  private OrderView view(String orderId, Function<ActorRef<PurchaseOrder.Reply>, PurchaseOrder.Command> command) {
    return orders.adminView(orderId, orders.ask(id(orderId), command));
  }

  private static String id(String orderId) {
    return EntityIds.require(orderId, "orderId");
  }
}
