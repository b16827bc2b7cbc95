package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Address;

/** Who the order is for and where it goes; without a billing address the shipping address bills. */
@Schema(name = "Contact", description = "The customer's contact information")
public record Contact(
    @Schema(example = "anna.svensson@example.com") String email,
    @Schema(example = "Anna Svensson") String name,
    @Schema(example = "+46 70 123 45 67", nullable = true) String phone,
    Address shippingAddress,
    @Schema(description = "Null when it is the shipping address", nullable = true) Address billingAddress)
    implements CborSerializable {

  Address billingOrShipping() {
    return billingAddress != null ? billingAddress : shippingAddress;
  }
}
