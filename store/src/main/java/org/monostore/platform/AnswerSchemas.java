package org.monostore.platform;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The store's answers in the OpenAPI document exactly as Jackson writes them, so that a generated
 * client can trust the types. A record's every component is written, null included, and nothing else:
 * so every property of an answer schema is required and no other is allowed; a component that may be
 * null says so with {@code @Schema(nullable = true)}, which becomes OpenAPI 3.1's type list
 * ({@code type: [string, "null"]}) or, for a reference to another schema, {@code oneOf} it and null
 * (swagger-core drops the nullable of a reference itself). Request schemas keep their own rules.
 */
@Component
class AnswerSchemas implements ModelConverter, OpenApiCustomizer {

  private static final String COMPONENTS = "#/components/schemas/";
  private static final String PROBLEM = "Problem";

  @Override
  public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    if (schema == null || type.getType() == null) {
      return schema;
    }
    // A named model comes back as a reference to itself; its properties are in the context's models.
    Schema<?> model = schema.get$ref() == null ? schema
        : context.getDefinedModels().get(schema.get$ref().substring(COMPONENTS.length()));
    Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
    if (model != null && model.getProperties() != null && raw.isRecord()
        && raw.getPackageName().startsWith("org.monostore")) {
      for (RecordComponent component : raw.getRecordComponents()) {
        var annotation = component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        Schema<?> property = model.getProperties().get(component.getName());
        if (property != null && annotation != null && annotation.nullable()) {
          model.getProperties().put(component.getName(), orNull(property));
        }
      }
    }
    return schema;
  }

  /** The property, or null; as it was if it is so already (a model may be resolved more than once). */
  private static Schema<?> orNull(Schema<?> property) {
    if (property.getOneOf() != null) {
      return property;
    }
    if (property.get$ref() != null) {
      return new Schema<>().specVersion(SpecVersion.V31).description(property.getDescription())
          .oneOf(List.of(new Schema<>().specVersion(SpecVersion.V31).$ref(property.get$ref()), nullSchema()));
    }
    Set<String> types = new LinkedHashSet<>(
        property.getTypes() != null ? property.getTypes() : Stream.ofNullable(property.getType()).toList());
    types.add("null");
    property.setTypes(types);
    property.setNullable(null);
    // An enumeration allows only its values: null has to be one of them.
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      @SuppressWarnings("unchecked")
      List<Object> values = (List<Object>) property.getEnum();
      values.add(null);
    }
    return property;
  }

  private static Schema<?> nullSchema() {
    Schema<?> nothing = new Schema<>().specVersion(SpecVersion.V31);
    nothing.addType("null");
    return nothing;
  }

  /** Every schema an answer uses, but the problem (which RFC 9457 leaves open), is closed and complete. */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' own raw types
  public void customise(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Set<String> answers = new LinkedHashSet<>();
    List<Schema> pending = new ArrayList<>();
    api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operation.getResponses()
        .values().stream()
        .filter(response -> response.getContent() != null)
        .flatMap(response -> response.getContent().values().stream())
        .forEach(media -> pending.add(media.getSchema()))));
    while (!pending.isEmpty()) {
      Schema schema = pending.removeLast();
      if (schema == null) {
        continue;
      }
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(COMPONENTS.length());
        if (!name.equals(PROBLEM) && answers.add(name)) {
          pending.add(schemas.get(name));
        }
        continue;
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      Stream.of(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()).filter(Objects::nonNull)
          .forEach(pending::addAll);
      pending.add(schema.getItems());
      if (schema.getAdditionalProperties() instanceof Schema values) {
        pending.add(values);
      }
    }
    answers.stream().map(schemas::get).filter(schema -> schema.getProperties() != null).forEach(schema -> {
      schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
      schema.setAdditionalProperties(false);
    });
  }
}
