package org.monostore.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The OpenAPI document at /v3/api-docs. Every operation gets the problem responses it can give
 * (400, 401, 403, 404, 409, 413, 503) and who may call it, described once here instead of on each
 * controller method.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

  static {
    // The CSRF token a handler asks Spring Security for is no query parameter of the API.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
  }

  private static final String PROBLEM = "Problem";

  /** The security schemes: an admin by HTTP Basic, or by the admin UI's session with its CSRF token. */
  static final String BASIC = "adminBasic";
  private static final String SESSION = "adminSession";
  private static final String CSRF_COOKIE = "csrfCookie";
  private static final String CSRF_HEADER = "csrfHeader";
  private static final String SIGN_IN = "/api/admin/session";

  /** The paths in the order a shopper meets them, so the reference reads as the way through the shop. */
  private static final List<String> SHOPPING_ORDER = List.of(
      "/api/products", "/api/products/{sku}", "/api/carts", "/api/carts/{cartId}", "/api/carts/{cartId}/items",
      "/api/carts/{cartId}/items/{sku}", "/api/carts/{cartId}/items/{sku}/increase",
      "/api/carts/{cartId}/items/{sku}/decrease", "/api/orders", "/api/orders/{orderId}",
      "/api/orders/{orderId}/contact", "/api/orders/{orderId}/payments", "/api/orders/{orderId}/payments/{paymentId}",
      "/api/orders/{orderId}/payments/{paymentId}/authorize", "/api/orders/{orderId}/fulfillment",
      "/api/orders/{orderId}/cancel", "/api/fulfillments/{fulfillmentId}", "/api/fulfillments/{fulfillmentId}/pick",
      "/api/fulfillments/{fulfillmentId}/ship", "/api/fulfillments/{fulfillmentId}/deliver",
      "/api/fulfillments/{fulfillmentId}/cancel");

  /**
   * The reference's groups (its sidebar) in the same order: the shop's as a shopper goes, then the
   * admin's. A group not named here comes after these, in the order it was found.
   */
  private static final List<String> GROUP_ORDER = List.of("Products", "Carts", "Orders", "Fulfilment",
      "Admin: session", "Admin: dashboard", "Admin: carts", "Admin: orders", "Admin: promotions", "Admin: stock",
      "Admin: cluster");

  /** Where a client finds each id a path asks for. */
  private static final Map<String, String> ID_SOURCES = Map.of(
      "cartId", "The cart's `id`, as Create a cart answered it",
      "orderId", "The order's `id`, as Create a purchase order answered it",
      "paymentId", "The payment's `id`, as Add a payment answered it",
      "fulfillmentId", "The fulfilment's `id`, as Create the fulfilment order answered it (also the order's "
          + "`fulfillment.id`)",
      "promotionId", "The promotion's `id`, as Create a promotion answered it",
      "sku", "A product's SKU, e.g. BOOK-000001");

  @Bean
  OpenAPI monoStoreApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("MonoStore API")
                .version("1")
                .description(
                    """
                    Product lookup, carts and checkout (purchase orders, payments, fulfilment) of the
                    MonoStore e-commerce backend.

                    Money is always `{"amount": <integer in minor units>, "currency": "<ISO 4217>"}`:
                    199.00 SEK is `{"amount": 19900, "currency": "SEK"}`. Each market (SE, NO, DK, FI)
                    sells in its own currency, and a cart holds the currency of its market.

                    Errors are RFC 9457 problem responses (`application/problem+json`). A `field`
                    property names the request field at fault; a 409 carries the entity's
                    `currentStatus` and the actions that status `allowed`; a 503 carries `Retry-After`.

                    Prices include VAT, as consumer shops in the markets must show them; a `pricing`
                    states the VAT contained per rate, rounded per line half to even. It holds the
                    market's shipping fee as a line of its own (free from the market's threshold of
                    the goods' subtotal), and each promotion's discount as lines of their own, split
                    over the lines it applies to so that each line's VAT is that of what is left.

                    The shop's operations need no credentials: carts and orders are addressed by
                    random ids. The admin API (and the warehouse's fulfilment operations) needs an
                    admin: HTTP Basic for scripts, or the admin UI's session cookie, with which every
                    change also sends the `XSRF-TOKEN` cookie's value in the `X-XSRF-TOKEN` header.
                    """)
                .contact(new Contact().name("The MonoStore team"))
                .license(new License().name("Proprietary: all rights reserved").identifier("LicenseRef-Proprietary")))
        // Relative: the store that serves the document serves the API.
        .servers(List.of(new Server().url("/").description("This store")))
        .components(
            new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("An admin's user name and password, for scripts; needs no CSRF token"))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                    .description("The admin UI's session, from `POST /api/admin/session`"))
                .addSecuritySchemes(CSRF_COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE).name("XSRF-TOKEN")
                    .description("The CSRF token cookie that `GET /api/admin/session` and signing in set"))
                .addSecuritySchemes(CSRF_HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
                    .description("The `XSRF-TOKEN` cookie's value again, with every change made in a session")));
  }

  @Bean
  OpenApiCustomizer problemResponsesInDocs() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach((method, operation) -> {
                          addProblems(path, method, operation);
                          secure(path, method, operation);
                          describeIds(operation);
                        }));
      api.getComponents().getSchemas().values().forEach(ApiDocs::patternsAsJsonSchemaReadsThem);
      api.setPaths(inShoppingOrder(api.getPaths()));
      api.setTags(groupsInOrder(api));
    };
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    boolean hasPathId = path.contains("{");
    boolean changesState = method != PathItem.HttpMethod.GET && !path.equals("/api/carts") && !path.equals(SIGN_IN);
    responses.addApiResponse("400", problem("Invalid input: the problem names the field and what is wrong"));
    if (hasPathId) {
      responses.addApiResponse("404", problem("Nothing exists under this id"));
    }
    if (path.equals(SIGN_IN)) {
      if (method != PathItem.HttpMethod.DELETE) {
        responses.addApiResponse("401", problem(method == PathItem.HttpMethod.GET
            ? "Nobody is signed in" : "The user name or the password is wrong"));
      }
      if (method != PathItem.HttpMethod.GET) {
        responses.addApiResponse("403", problem("No valid CSRF token, or the user is no admin"));
      }
    } else if (forAdmins(path)) {
      responses.addApiResponse("401", problem("Not signed in as an admin: sign in, or use HTTP Basic"));
      responses.addApiResponse("403", problem("Not an admin, or a change in a session without its CSRF token"));
    }
    if (path.equals(SIGN_IN) || forAdmins(path)) {
      responses.addApiResponse("429", problem("Too many failed sign-ins for this user or from this address; try "
          + "again after the given seconds").addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())));
    }
    if (takesIdempotencyKey(operation) && !path.endsWith("/authorize")) {
      responses.addApiResponse("422", problem("The Idempotency-Key was used for another request to this cart"));
    }
    if (changesState) {
      responses.addApiResponse("409", problem("The status of the cart, order or fulfilment does not allow it "
          + "(e.g. the cart is locked by a payment); the problem says which actions it allows"));
    }
    if (operation.getRequestBody() != null) {
      responses.addApiResponse("413", problem("The request body is larger than the limit"));
    }
    responses.addApiResponse(
        "503",
        problem("The store could not answer in time; retry after the given seconds")
            .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())));
  }

  private static boolean takesIdempotencyKey(Operation operation) {
    return operation.getParameters() != null && operation.getParameters().stream()
        .anyMatch(parameter -> "header".equals(parameter.getIn()) && "Idempotency-Key".equals(parameter.getName()));
  }

  /** The admin API and the warehouse's fulfilment operations are for signed-in admins only. */
  private static boolean forAdmins(String path) {
    return path.startsWith("/api/admin/") || path.startsWith("/api/fulfillments/");
  }

  /**
   * Who may call the operation. A generated client sends HTTP Basic, or the session cookie, with the
   * CSRF cookie and header on changes; the shop's operations need nothing. Signing in needs the CSRF
   * token (from the session's GET) but no credentials; the GET itself answers whoever asks.
   */
  private static void secure(String path, PathItem.HttpMethod method, Operation operation) {
    SecurityRequirement basic = new SecurityRequirement().addList(BASIC);
    SecurityRequirement session = new SecurityRequirement().addList(SESSION);
    SecurityRequirement sessionChange = new SecurityRequirement().addList(SESSION).addList(CSRF_COOKIE)
        .addList(CSRF_HEADER);
    if (path.equals(SIGN_IN)) {
      operation.setSecurity(switch (method) {
        case GET -> List.of(new SecurityRequirement(), session, basic);
        case POST -> List.of(new SecurityRequirement().addList(CSRF_COOKIE).addList(CSRF_HEADER));
        default -> List.of(sessionChange);
      });
    } else if (forAdmins(path)) {
      operation.setSecurity(method == PathItem.HttpMethod.GET ? List.of(basic, session) : List.of(basic, sessionChange));
    } else {
      operation.setSecurity(List.of());
    }
  }

  /**
   * The request patterns in the regular expressions of JSON Schema (ECMA-262), which has no POSIX
   * classes: Java's {@code \p{Cntrl}} is the ASCII control characters.
   */
  private static void patternsAsJsonSchemaReadsThem(Schema<?> schema) {
    if (schema.getProperties() != null) {
      schema.getProperties().values().stream().filter(property -> property.getPattern() != null)
          .forEach(property -> property.setPattern(property.getPattern().replace("\\p{Cntrl}", "\\x00-\\x1F\\x7F")));
    }
  }

  private static void describeIds(Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(parameter -> "path".equals(parameter.getIn()) && parameter.getDescription() == null)
          .forEach(parameter -> parameter.setDescription(ID_SOURCES.get(parameter.getName())));
    }
  }

  /** Every group an operation names, described or not (a group the list lacks goes last in the sidebar). */
  private static List<Tag> groupsInOrder(OpenAPI api) {
    Map<String, Tag> groups = new LinkedHashMap<>();
    if (api.getTags() != null) {
      api.getTags().forEach(tag -> groups.put(tag.getName(), tag));
    }
    api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
      if (operation.getTags() != null) {
        operation.getTags().forEach(name -> groups.putIfAbsent(name, new Tag().name(name)));
      }
    }));
    return groups.values().stream()
        .sorted(Comparator.comparingInt(tag -> GROUP_ORDER.contains(tag.getName())
            ? GROUP_ORDER.indexOf(tag.getName()) : GROUP_ORDER.size()))
        .toList();
  }

  private static Paths inShoppingOrder(Paths paths) {
    Paths ordered = new Paths();
    SHOPPING_ORDER.stream().filter(paths::containsKey).forEach(path -> ordered.addPathItem(path, paths.get(path)));
    paths.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem response; other properties may follow, as RFC 9457 allows")
        .required(List.of("title", "status", "detail"))
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("'quantity' must be greater than 0"))
        .addProperty("instance", new StringSchema().example("/api/carts/3f1c.../items"))
        .addProperty("field", new StringSchema().description("The request field at fault").example("quantity"))
        .addProperty("currentStatus", new StringSchema().description("The entity's status, on a 409").example("LOCKED"))
        .addProperty("sku", new StringSchema().description("On a 409 about stock: the product there is too little of")
            .example("BOOK-000001"))
        .addProperty("available", new IntegerSchema().format("int64")
            .description("On a 409 about stock: how many of that product are available now").example(2))
        .addProperty("mayHaveBeenApplied", new BooleanSchema().description("On a 503: whether the change may have "
            + "been made even so; retry it with the same Idempotency-Key to learn without making it twice"))
        .addProperty("allowed", new ArraySchema()
            .description("On a 409: the actions the current status allows; absent when it allows none")
            .items(new StringSchema().example("cancel")))
        .addProperty(
            "errors",
            new ArraySchema()
                .description("Every invalid field, when there are several")
                .items(new MapSchema().additionalProperties(new StringSchema())));
  }
}
