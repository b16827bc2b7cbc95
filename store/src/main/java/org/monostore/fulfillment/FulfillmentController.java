package org.monostore.fulfillment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The warehouse's view of a fulfilment: for signed-in admins only (the admin API's security, see
 * admin/AdminSecurity), who are recorded with each step. The customer reads it through the order.
 */
@Tag(name = "Fulfilment", description = "A paid order's shipping, for signed-in admins (HTTP Basic, or the admin UI's "
    + "session with its CSRF token): picked, shipped with a tracking number, delivered; or cancelled before it ships. "
    + "A step the current status does not allow is a 409 that lists the allowed ones. "
    + "The customer reads the fulfilment in the order.")
@RestController
@RequestMapping("/api/fulfillments")
// Cancelling is a step of the order's checkout as well, so its route is checkout's (FulfillmentCancellationController).
class FulfillmentController {

  private final Fulfillments fulfillments;

  FulfillmentController(Fulfillments fulfillments) {
    this.fulfillments = fulfillments;
  }

  // The fulfilment checks the tracking number itself, so that no sender can ship with a bad one.
  record ShipRequest(
      @Schema(description = "1-64 letters (A-Z, a-z), digits, spaces or dashes; surrounding spaces are trimmed",
          example = "JJD000390007727", requiredMode = Schema.RequiredMode.REQUIRED)
          String trackingNumber) {}

  @Operation(summary = "Get a fulfilment")
  @GetMapping("/{fulfillmentId}")
  FulfillmentView get(@PathVariable String fulfillmentId) {
    return fulfillments.ask(fulfillmentId, Fulfillment.Get::new);
  }

  @Operation(summary = "Pick the items", description = "Allowed when CREATED.")
  @PostMapping("/{fulfillmentId}/pick")
  FulfillmentView pick(@PathVariable String fulfillmentId, Principal admin) {
    return take(fulfillmentId, admin, Fulfillment.Pick::new);
  }

  @Operation(summary = "Ship the parcel", description = "Allowed when PICKED; records the carrier's tracking number.")
  @PostMapping("/{fulfillmentId}/ship")
  FulfillmentView ship(
      @PathVariable String fulfillmentId,
      // Optional for Spring, so that a missing body is answered by the entity's own check, naming the field.
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          ShipRequest request,
      Principal admin) {
    String trackingNumber = request == null ? null : request.trackingNumber();
    return take(fulfillmentId, admin, replyTo -> new Fulfillment.Ship(trackingNumber, replyTo));
  }

  @Operation(summary = "Record the delivery", description = "Allowed when SHIPPED.")
  @PostMapping("/{fulfillmentId}/deliver")
  FulfillmentView deliver(@PathVariable String fulfillmentId, Principal admin) {
    return take(fulfillmentId, admin, Fulfillment.Deliver::new);
  }

  private FulfillmentView take(
      String fulfillmentId, Principal admin, Function<ActorRef<Fulfillment.Reply>, Fulfillment.Transition> step) {
    return fulfillments.takeByAdmin(fulfillmentId, admin.getName(), step);
  }
}
