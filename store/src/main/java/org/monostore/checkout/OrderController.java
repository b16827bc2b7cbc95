package org.monostore.checkout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.monostore.cart.Carts;
import org.monostore.fulfillment.FulfillmentView;
import org.monostore.fulfillment.Fulfillments;
import org.monostore.platform.EntityIds;
import org.monostore.platform.IdempotencyKey;
import org.monostore.platform.Rejection;
import org.monostore.shared.Address;
import org.monostore.shared.StorableText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Orders", description = "Checkout: a purchase order from a cart, contact information, payment, fulfilment")
@RestController
@RequestMapping("/api/orders")
class OrderController {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Orders orders;
  private final Fulfillments fulfillments;
  private final Carts carts;

  OrderController(Orders orders, Fulfillments fulfillments, Carts carts) {
    this.orders = orders;
    this.fulfillments = fulfillments;
    this.carts = carts;
  }

  @Schema(name = "NewOrder")
  record CreateOrderRequest(
      @NotNull @Pattern(regexp = EntityIds.SHAPE, message = "must be a cart id: a lower-case UUID")
          @Schema(description = "The cart's `id`, as Create a cart answered it",
              example = "3f2504e0-4f89-41d3-9a0c-0305e82c3301") String cartId) {}

  @Schema(name = "AddressInput")
  record AddressRequest(
      @NotBlank @Size(min = 1, max = 200) @StorableText @Schema(example = "Storgatan 1")
          String line1,
      @Size(max = 200) @StorableText @Schema(description = "Optional") String line2,
      @NotBlank @Size(min = 1, max = 100) @StorableText @Schema(example = "Stockholm")
          String city,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]{1,11}", message = "must be a postal code: 2-12 letters, "
          + "digits, spaces or dashes") @Schema(example = "111 51") String postalCode,
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
          @Schema(description = "ISO 3166-1 alpha-2 country code", example = "SE") String country) {

    Address toAddress(String field) {
      if (!COUNTRIES.contains(country)) {
        throw Rejection.invalid(field + ".country", "'" + field + ".country' " + country
            + " is not an ISO 3166-1 country").asException();
      }
      return new Address(line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(), city.strip(),
          postalCode.strip(), country);
    }
  }

  @Schema(name = "ContactInput", example = """
      {"email": "anna.svensson@example.com", "name": "Anna Svensson", "phone": "+46 70 123 45 67",
       "shippingAddress": {"line1": "Storgatan 1", "city": "Stockholm", "postalCode": "111 51", "country": "SE"}}""")
  record ContactRequest(
      @NotBlank @Size(max = 254) @StorableText @Pattern(regexp = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+",
          message = "must be an email address") @Schema(example = "anna.svensson@example.com") String email,
      @NotBlank @Size(min = 1, max = 200) @StorableText @Schema(example = "Anna Svensson")
          String name,
      @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,24}", message = "must be a phone number: digits, spaces, dashes, "
          + "brackets and a leading +") @Schema(example = "+46 70 123 45 67") String phone,
      @NotNull @Valid AddressRequest shippingAddress,
      @Valid @Schema(description = "Absent when it is the shipping address") AddressRequest billingAddress) {

    Contact toContact() {
      return new Contact(email.strip(), name.strip(), phone == null ? null : phone.strip(),
          shippingAddress.toAddress("shippingAddress"),
          billingAddress == null ? null : billingAddress.toAddress("billingAddress"));
    }
  }

  @Schema(name = "NewPayment")
  record AddPaymentRequest(
      @NotNull @Pattern(regexp = "card", message = "must be card, the one method the store takes")
          @Schema(description = "card, the one method the store takes", allowableValues = "card", example = "card")
          String method,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,128}", message = "must be a card token from the payment gateway")
          @Schema(description = "The card token from the payment gateway. The simulated gateway's test tokens: "
              + "tok_approve, tok_decline_insufficient_funds, tok_decline_expired_card, tok_gateway_error, "
              + "tok_timeout (answers after the timeout: PENDING, then authorize again)", example = "tok_approve")
          String token) {}

  @Operation(summary = "Create a purchase order from a cart",
      description = "The cart stays editable until a payment is added: until then the order costs what the cart holds. "
          + "With an `Idempotency-Key`, the cart remembers the order the key created: the same key again for the "
          + "same cart answers that order (200, header `Idempotent-Replayed: true`), never a second one.")
  @ApiResponse(responseCode = "201", description = "The new order; its Location header names it")
  @ApiResponse(responseCode = "200", description = "The order the same Idempotency-Key created from the cart before")
  @PostMapping
  ResponseEntity<OrderView> create(
      @Valid @RequestBody CreateOrderRequest request,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    String key = IdempotencyKey.checked(idempotencyKey);
    Carts.OrderToCreate toCreate = key == null
        ? new Carts.OrderToCreate(EntityIds.newId(), false)
        : carts.orderFor(request.cartId(), key, EntityIds.newId());
    String id = toCreate.orderId();
    OrderState order = orders.ask(id, replyTo -> new PurchaseOrder.Create(request.cartId(), replyTo));
    URI location = URI.create("/api/orders/" + id);
    return toCreate.replayed()
        ? ResponseEntity.ok().location(location).header(IdempotencyKey.REPLAYED, "true").body(orders.view(id, order))
        : ResponseEntity.created(location).body(orders.view(id, order));
  }

  @Operation(summary = "Get an order", description = "With its pricing, payments, fulfilment and timeline.")
  @GetMapping("/{orderId}")
  OrderView get(@PathVariable String orderId) {
    return orders.view(orderId, orders.ask(id(orderId), PurchaseOrder.Get::new));
  }

  @Operation(summary = "Give or change the contact information",
      description = "Needed before a payment; can change until the fulfilment is created.")
  @PutMapping("/{orderId}/contact")
  OrderView giveContact(@PathVariable String orderId, @Valid @RequestBody ContactRequest request) {
    Contact contact = request.toContact();
    return orders.view(orderId, orders.ask(id(orderId), replyTo -> new PurchaseOrder.GiveContact(contact, replyTo)));
  }

  @Operation(summary = "Add a payment",
      description = "Locks the cart and fixes the order's amount from it; the cart refuses changes from then on.")
  @ApiResponse(responseCode = "201", description = "The payment, not yet authorized")
  @PostMapping("/{orderId}/payments")
  ResponseEntity<OrderState.PaymentEntry> addPayment(
      @PathVariable String orderId, @Valid @RequestBody AddPaymentRequest request) {
    String paymentId = EntityIds.newId();
    OrderState order = orders.ask(id(orderId),
        replyTo -> new PurchaseOrder.AddPayment(paymentId, request.method(), request.token(), replyTo));
    return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/payments/" + paymentId))
        .body(order.payment(paymentId));
  }

  @Operation(summary = "Get a payment of the order")
  @GetMapping("/{orderId}/payments/{paymentId}")
  OrderState.PaymentEntry getPayment(@PathVariable String orderId, @PathVariable String paymentId) {
    return payment(orders.ask(id(orderId), PurchaseOrder.Get::new), EntityIds.require(paymentId, "paymentId"));
  }

  @Operation(summary = "Authorize a payment",
      description = "Idempotent: authorizing a payment again, or with the same Idempotency-Key, answers the first "
          + "outcome and never charges twice. A PENDING payment (the gateway did not answer in time) asks the "
          + "gateway again for its first outcome. If the shop changed the locked cart after the payment was "
          + "added, the first try answers 409 with the new total and makes the payment one for it; authorizing "
          + "again pays that total.")
  @PostMapping("/{orderId}/payments/{paymentId}/authorize")
  OrderState.PaymentEntry authorize(
      @PathVariable String orderId, @PathVariable String paymentId,
      @Parameter(description = "The client's key for this authorization: 1-255 visible ASCII characters",
          example = "checkout-2026-11-25-0001")
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    String key = IdempotencyKey.checked(idempotencyKey);
    String payment = EntityIds.require(paymentId, "paymentId");
    return payment(orders.authorize(id(orderId), payment, key), payment);
  }

  @Operation(summary = "Cancel the order",
      description = "Before a payment is authorized; unlocks the cart if a payment had locked it.")
  @PostMapping("/{orderId}/cancel")
  OrderView cancel(@PathVariable String orderId) {
    return orders.view(orderId, orders.ask(id(orderId), PurchaseOrder.Cancel::new));
  }

  @Operation(summary = "Create the fulfilment order", description = "Once the payment is authorized.")
  @ApiResponse(responseCode = "201", description = "The fulfilment; its Location header names it")
  @PostMapping("/{orderId}/fulfillment")
  ResponseEntity<FulfillmentView> createFulfillment(@PathVariable String orderId) {
    OrderState order = orders.ask(id(orderId), PurchaseOrder.CreateFulfillment::new);
    return ResponseEntity.created(URI.create("/api/fulfillments/" + order.fulfillmentId()))
        .body(fulfillments.get(order.fulfillmentId()));
  }

  private static String id(String orderId) {
    return EntityIds.require(orderId, "orderId");
  }

  private static OrderState.PaymentEntry payment(OrderState order, String paymentId) {
    OrderState.PaymentEntry payment = order.payment(paymentId);
    if (payment == null) {
      throw Rejection.notFound("The order has no payment " + paymentId).asException();
    }
    return payment;
  }
}
