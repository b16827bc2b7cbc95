package org.monostore.shared;

import org.monostore.platform.CborSerializable;

/**
 * A postal address, as the order holds it for shipping and billing and the fulfilment ships to; {@code
 * line2} is optional. A value of the shop's own, in answers and in persisted events alike: the API
 * document describes it in platform/ValueTypeSchemas.
 */
public record Address(String line1, String line2, String city, String postalCode, String country)
    implements CborSerializable {}
