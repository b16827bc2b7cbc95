package org.monostore.checkout;

import org.monostore.shared.Address;

/** Who the order is for and where it goes, as the order's events keep it; the API's is {@link Contact}. */
public record ContactDetails(
    String email, String name, String phone, Address shippingAddress, Address billingAddress) {

  static ContactDetails of(Contact contact) {
    return new ContactDetails(contact.email(), contact.name(), contact.phone(), contact.shippingAddress(),
        contact.billingAddress());
  }

  Contact asContact() {
    return new Contact(email, name, phone, shippingAddress, billingAddress);
  }
}
