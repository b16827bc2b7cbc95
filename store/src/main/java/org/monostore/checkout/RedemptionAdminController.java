package org.monostore.checkout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.monostore.platform.PageRequest;
import org.monostore.promotion.Promotions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A promotion's redemptions: the orders know what they took of it, so this module answers. */
@Tag(name = "Admin: promotions")
@RestController
@RequestMapping("/api/admin/promotions")
class RedemptionAdminController {

  private final Promotions promotions;
  private final PromotionRedemptions redemptions;

  RedemptionAdminController(Promotions promotions, PromotionRedemptions redemptions) {
    this.promotions = promotions;
    this.redemptions = redemptions;
  }

  @Operation(summary = "List a promotion's redemptions", description = "The orders it priced, from the moment "
      + "their payment was added: what it took off each, with which code, and whether the use is reserved, kept "
      + "(the payment is authorized) or given back. From the read model, a moment behind the orders; a 404 for a "
      + "promotion that does not exist.")
  @GetMapping("/{promotionId}/redemptions")
  PromotionRedemptions.Redemptions list(
      @PathVariable String promotionId,
      @Parameter(description = "RESERVED, KEPT or GIVEN_BACK; repeat for several; all when absent")
          @RequestParam(required = false) List<String> status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    promotions.get(promotionId);
    return redemptions.of(promotionId, PageRequest.statuses(PromotionRedemptions.UseStatus.class, status),
        PageRequest.of(page, size, "updatedAt", "desc", Set.of("updatedAt")));
  }
}
