package org.monostore.promotion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.monostore.platform.EntityIds;
import org.monostore.platform.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin's promotions: define them, change them, pause, resume and end them; each change names its admin. */
@Tag(name = "Admin: promotions", description = "Promotions: automatic ones apply by themselves where their "
    + "conditions hold, code ones with one of their codes. A change reaches every cart within a second. "
    + "A step the current status does not allow is a 409 that lists the allowed ones.")
@RestController
@RequestMapping("/api/admin/promotions")
class PromotionAdminController {

  private final Promotions promotions;
  private final LivePromotions live;

  PromotionAdminController(Promotions promotions, LivePromotions live) {
    this.promotions = promotions;
    this.live = live;
  }

  @Schema(description = "Codes to give the promotion: these, and this many made up at random")
  record CodesRequest(
      @Schema(description = "Codes of 3-32 letters, digits and dashes, in any case (kept in upper case)",
          example = "[\"WELCOME10\"]", nullable = true) List<String> codes,
      @Schema(description = "How many codes to make up, 0-" + MAX_CODES + "; 0 when absent", example = "100",
          nullable = true) Integer generate,
      @Schema(description = "What each made-up code starts with: up to 16 letters, digits and dashes",
          example = "XMAS-", nullable = true) String prefix,
      @Schema(description = "Each code's own limits, counted apart from the promotion's: {\"uses\": 1} makes "
          + "every code single-use; none: only the promotion's limits. A code keeps the limits it was first "
          + "given with", nullable = true) PromotionDefinition.Limits limits) {}

  @Schema(description = "A promotion's codes")
  record PromotionCodes(String promotionId, @Schema(description = "In the order they were issued") List<String> codes) {}

  private static final int MAX_CODES = 1000;

  @Operation(summary = "List promotions", description = "Newest first, as this node holds them: a change made a "
      + "moment ago may show a second later.")
  @GetMapping
  List<PromotionView> list(
      @Parameter(description = "ACTIVE, PAUSED or ENDED; repeat for several; all when absent")
          @RequestParam(required = false) List<Promotion.Status> status) {
    return live.all().stream().filter(promotion -> status == null || status.contains(promotion.status())).toList();
  }

  @Operation(summary = "Create a promotion", description = "It is ACTIVE at once; its conditions say when it applies.")
  @PostMapping
  ResponseEntity<PromotionView> create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          PromotionDefinition definition,
      Principal admin) {
    Terms terms = promotions.terms(definition);
    String promotionId = EntityIds.newId();
    PromotionView created = promotions.ask(promotionId,
        replyTo -> new Promotion.Create(terms, admin.getName(), replyTo));
    return ResponseEntity.created(URI.create("/api/admin/promotions/" + promotionId)).body(created);
  }

  @Operation(summary = "Get a promotion")
  @GetMapping("/{promotionId}")
  PromotionView get(@PathVariable String promotionId) {
    return promotions.ask(promotionId, Promotion.Get::new);
  }

  @Operation(summary = "Change a promotion's definition", description = "The whole definition, as the promotion "
      + "answers it; allowed until it has ended. Carts are priced by the new one from then on.")
  @PutMapping("/{promotionId}")
  PromotionView change(
      @PathVariable String promotionId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          PromotionDefinition definition,
      Principal admin) {
    EntityIds.require(promotionId, "promotionId");
    Terms terms = promotions.terms(definition);
    return promotions.ask(promotionId, replyTo -> new Promotion.ChangeTerms(terms, admin.getName(), replyTo));
  }

  @Operation(summary = "Give a promotion codes", description = "For a CODE promotion that has not ended. A code "
      + "is unique over all promotions: one that belongs to another is a 409 naming it, and none is given. Answers "
      + "the codes given by this request (a code the promotion had already counts as given).")
  @PostMapping("/{promotionId}/codes")
  PromotionCodes issueCodes(
      @PathVariable String promotionId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          CodesRequest request,
      Principal admin) {
    EntityIds.require(promotionId, "promotionId");
    List<String> codes = new ArrayList<>();
    for (String code : request == null || request.codes() == null ? List.<String>of() : request.codes()) {
      String normalized = Coupon.normalized(code);
      if (normalized == null) {
        throw Rejection.invalid("codes", "'codes' must hold codes of 3-32 letters, digits or dashes").asException();
      }
      if (!codes.contains(normalized)) {
        codes.add(normalized);
      }
    }
    int generate = request == null || request.generate() == null ? 0 : request.generate();
    String prefix = request == null || request.prefix() == null ? "" : request.prefix().strip().toUpperCase(Locale.ROOT);
    if (generate < 0 || generate + codes.size() > MAX_CODES) {
      throw Rejection.invalid("generate", "'generate' and 'codes' together must be at most " + MAX_CODES).asException();
    }
    if (!prefix.matches("[A-Z0-9-]{0,16}")) {
      throw Rejection.invalid("prefix", "'prefix' must be up to 16 letters, digits or dashes").asException();
    }
    if (codes.isEmpty() && generate == 0) {
      throw Rejection.invalid("codes", "Name 'codes' or how many to 'generate'").asException();
    }
    UseLimits limits = PromotionDefinition.checked(request.limits(), "limits");
    return new PromotionCodes(promotionId,
        promotions.issueCodes(promotionId, codes, generate, prefix, limits, admin.getName()));
  }

  @Operation(summary = "List a promotion's codes")
  @GetMapping("/{promotionId}/codes")
  PromotionCodes codes(@PathVariable String promotionId) {
    return new PromotionCodes(promotionId, promotions.codes(promotionId));
  }

  @Operation(summary = "Pause a promotion", description = "Allowed when ACTIVE: it applies to no cart until resumed.")
  @PostMapping("/{promotionId}/pause")
  PromotionView pause(@PathVariable String promotionId, Principal admin) {
    return promotions.ask(promotionId, replyTo -> new Promotion.Pause(admin.getName(), replyTo));
  }

  @Operation(summary = "Resume a paused promotion", description = "Allowed when PAUSED.")
  @PostMapping("/{promotionId}/resume")
  PromotionView resume(@PathVariable String promotionId, Principal admin) {
    return promotions.ask(promotionId, replyTo -> new Promotion.Resume(admin.getName(), replyTo));
  }

  @Operation(summary = "End a promotion for good", description = "Allowed when ACTIVE or PAUSED; it cannot be "
      + "resumed or changed after.")
  @PostMapping("/{promotionId}/end")
  PromotionView end(@PathVariable String promotionId, Principal admin) {
    return promotions.ask(promotionId, replyTo -> new Promotion.End(admin.getName(), replyTo));
  }
}
