package org.monostore.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API document's words for the shop's value types, {@code Money} and {@code Address}. Those records
 * are in answers, requests and persisted events alike, so they carry no API annotation of their own:
 * their shape is the contract, and what the document says of it is said here.
 */
@Component
class ValueTypeSchemas implements OpenApiCustomizer {

  @Override
  @SuppressWarnings("rawtypes") // swagger-models' own raw types
  public void customise(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Schema<?> money = schemas.get("Money");
    if (money != null) {
      money.setDescription("An amount in minor units of a currency: 19900 SEK is 199.00 kr");
      describe(money, "amount", "Whole minor units (öre, cents)", 19_900L);
      describe(money, "currency", "ISO 4217 currency code", "SEK");
    }
    Schema<?> address = schemas.get("Address");
    if (address != null) {
      address.setDescription("A postal address");
      describe(address, "line1", null, "Storgatan 1");
      describe(address, "line2", "Optional second line", "lgh 1102");
      Schema<?> line2 = address.getProperties().get("line2");
      line2.setTypes(new LinkedHashSet<>(List.of("string", "null")));
      describe(address, "city", null, "Stockholm");
      describe(address, "postalCode", null, "111 51");
      describe(address, "country", "ISO 3166-1 alpha-2 country code", "SE");
    }
  }

  private static void describe(Schema<?> schema, String property, String description, Object example) {
    Schema<?> field = schema.getProperties().get(property);
    field.setDescription(description);
    field.setExample(example);
  }
}
