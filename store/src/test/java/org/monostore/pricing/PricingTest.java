package org.monostore.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.pricing.Pricing.Discount;
import org.monostore.pricing.Pricing.DiscountLine;
import org.monostore.pricing.Pricing.Item;
import org.monostore.pricing.Pricing.PricedLine;
import org.monostore.pricing.Pricing.TaxRate;
import org.monostore.shared.Money;

/**
 * VAT-inclusive pricing: the VAT contained in a gross amount is {@code gross * rate / (100% + rate)},
 * rounded per line half to even, and summed per rate. The expected amounts are worked out by hand.
 */
class PricingTest {

  /**
   * Sweden at 25%, reduced 12% for restaurant meals and 6% for books; the United Kingdom at 20%;
   * Finland at 25.5%; Norway's books at 0%.
   */
  private static final VatRates VAT = new VatRates(
      "SE:25,UK:20,FI:25.5,NO:25", "SE/Restaurant:12,SE/Books:6,NO/Books:0");

  // The VAT contained in one amount

  @Test
  void aQuarterOfTwentyFivePercentIncludedIsExact() {
    // 125.00 kr including 25% VAT is 100.00 kr net and 25.00 kr VAT.
    assertThat(Pricing.vatContained(12_500, 2_500)).isEqualTo(2_500);
  }

  static Stream<Arguments> ties() {
    return Stream.of(
        // 3 * 20 / 120 = 0.5, and 0 is even
        Arguments.of(3, 2_000, 0),
        // 9 * 20 / 120 = 1.5, and 2 is even
        Arguments.of(9, 2_000, 2),
        // 14 * 12 / 112 = 1.5
        Arguments.of(14, 1_200, 2),
        // 42 * 12 / 112 = 4.5
        Arguments.of(42, 1_200, 4));
  }

  @ParameterizedTest(name = "gross {0} at {1} basis points contains VAT {2}")
  @MethodSource("ties")
  void vatExactlyHalfwayRoundsToTheEvenMinorUnit(long gross, int basisPoints, long vat) {
    assertThat(Pricing.vatContained(gross, basisPoints)).isEqualTo(vat);
  }

  @Test
  void vatOffHalfwayRoundsToTheNearestMinorUnit() {
    // 10 * 20 / 120 = 1.67 and 8 * 20 / 120 = 1.33: not ties, so nearest regardless of evenness.
    assertThat(Pricing.vatContained(10, 2_000)).isEqualTo(2);
    assertThat(Pricing.vatContained(8, 2_000)).isEqualTo(1);
  }

  static Stream<Arguments> divisions() {
    return Stream.of(
        Arguments.of(5, 2, 2),
        Arguments.of(7, 2, 4),
        Arguments.of(-5, 2, -2),
        Arguments.of(-7, 2, -4),
        Arguments.of(-1, 3, 0),
        Arguments.of(-2, 3, -1),
        Arguments.of(-6, 3, -2),
        Arguments.of(0, 7, 0));
  }

  @ParameterizedTest(name = "{0} / {1} is {2}")
  @MethodSource("divisions")
  void divisionRoundsHalfToEvenOnBothSidesOfZero(long numerator, long denominator, long quotient) {
    assertThat(Pricing.divideHalfEven(numerator, denominator)).isEqualTo(quotient);
  }

  @Test
  void aDiscountsVatIsTheNegativeOfTheSameGrossAmountsVat() {
    // A discount subtracts its VAT; rounding must be symmetric so that it takes back what a sale adds.
    assertThat(Pricing.vatContained(-3, 2_000)).isEqualTo(-Pricing.vatContained(3, 2_000)).isZero();
    assertThat(Pricing.vatContained(-9, 2_000)).isEqualTo(-Pricing.vatContained(9, 2_000)).isEqualTo(-2);
  }

  // Lines

  @Test
  void aLineIsPricedWithItsMarketsRateForItsCategory() {
    Pricing pricing = Pricing.calculate("SE", "SEK",
        List.of(new Item("MUG-000001", "Mug", "Kitchen", 2, 12_500), new Item("BOOK-000001", "A book", "Books", 1, 10_600)),
        List.of(), VAT);

    assertThat(pricing.lines()).containsExactly(
        new PricedLine("MUG-000001", "Mug", "Kitchen", 2, sek(12_500), sek(25_000), 25.0, sek(5_000)),
        new PricedLine("BOOK-000001", "A book", "Books", 1, sek(10_600), sek(10_600), 6.0, sek(600)));
  }

  @Test
  void finlandsTwentyFiveAndAHalfPercentIsCalculatedWithoutLosingTheHalf() {
    // 11.90 EUR: 1190 * 25.5 / 125.5 = 241.79, where 25% would contain 238.
    Pricing pricing = Pricing.calculate("FI", "EUR", List.of(new Item("MUG-000001", "Mug", "Kitchen", 1, 1_190)),
        List.of(), VAT);

    assertThat(pricing.lines()).singleElement()
        .extracting(PricedLine::vatRate, PricedLine::vat)
        .containsExactly(25.5, eur(242));
    assertThat(pricing.tax().rates()).containsExactly(new TaxRate(25.5, eur(1_190), eur(948), eur(242)));
  }

  @Test
  void goodsAtAZeroRateContainNoVat() {
    Pricing pricing = Pricing.calculate("NO", "NOK", List.of(new Item("BOOK-000001", "A book", "Books", 3, 19_900)),
        List.of(), VAT);

    assertThat(pricing.lines()).singleElement().extracting(PricedLine::vatRate, PricedLine::vat)
        .containsExactly(0.0, new Money(0, "NOK"));
    assertThat(pricing.tax().rates())
        .containsExactly(new TaxRate(0.0, new Money(59_700, "NOK"), new Money(59_700, "NOK"), new Money(0, "NOK")));
    assertThat(pricing.total()).isEqualTo(new Money(59_700, "NOK"));
  }

  // Totals and the breakdown per rate

  @Test
  void theTaxIsBrokenDownPerRateFromTheHighestRateDown() {
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(
            new Item("BOOK-000001", "A book", "Books", 1, 10_600),
            new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500),
            new Item("LUNCH-00001", "Lunch", "Restaurant", 2, 11_200),
            new Item("PEN-000001", "Pen", "Office", 4, 2_500)),
        List.of(), VAT);

    assertThat(pricing.tax().rates()).containsExactly(
        new TaxRate(25.0, sek(22_500), sek(18_000), sek(4_500)),
        new TaxRate(12.0, sek(22_400), sek(20_000), sek(2_400)),
        new TaxRate(6.0, sek(10_600), sek(10_000), sek(600)));
    assertThat(pricing.tax().amount()).isEqualTo(sek(7_500));
    assertThat(pricing.subtotal()).isEqualTo(sek(55_500));
    assertThat(pricing.total()).isEqualTo(sek(55_500));
    assertThat(pricing.discounts()).isEmpty();
    assertThat(pricing.discountTotal()).isEqualTo(sek(0));
    assertThat(pricing.currency()).isEqualTo("SEK");
  }

  @Test
  void theRatesGrossNetAndVatAddUpToTheTotals() {
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(
            new Item("MUG-000001", "Mug", "Kitchen", 3, 12_999),
            new Item("LUNCH-00001", "Lunch", "Restaurant", 1, 9_999),
            new Item("BOOK-000001", "A book", "Books", 7, 24_949),
            new Item("PEN-000001", "Pen", "Office", 1, 1_001)),
        List.of(discount("SPRING", "Spring offer", 0, 0, 3_333, 0), discount("MORE", "More", 1_001, 999, 1, 1_001)), VAT);

    List<TaxRate> rates = pricing.tax().rates();
    assertThat(rates).hasSize(3);
    assertThat(rates).allSatisfy(rate -> assertThat(rate.net().amount() + rate.vat().amount())
        .isEqualTo(rate.gross().amount()));
    assertThat(rates.stream().mapToLong(rate -> rate.gross().amount()).sum()).isEqualTo(pricing.total().amount());
    assertThat(rates.stream().mapToLong(rate -> rate.vat().amount()).sum()).isEqualTo(pricing.tax().amount().amount());
    long lineVat = pricing.lines().stream().mapToLong(line -> line.vat().amount()).sum();
    long discountVat = pricing.discounts().stream().mapToLong(discount -> discount.vat().amount()).sum();
    assertThat(pricing.tax().amount().amount()).isEqualTo(lineVat - discountVat);
    assertThat(pricing.total().amount()).isEqualTo(pricing.subtotal().amount() - pricing.discountTotal().amount());
  }

  @Test
  void anEmptyCartCostsNothingInItsCurrency() {
    Pricing pricing = Pricing.calculate("FI", "EUR", List.of(), List.of(), VAT);

    assertThat(pricing).isEqualTo(new Pricing("EUR", List.of(), eur(0),
        new Pricing.Shipping(eur(0), 25.5, eur(0)), List.of(), eur(0), new Pricing.Tax(eur(0), List.of()), eur(0)));
  }

  // Rounding per line

  @Test
  void theVatOfARateIsTheSumOfTheRoundedLineVatsNotTheRoundedSum() {
    // Each line of 0.12 kr at 25% contains 2.4 öre of VAT, rounded to 2; the three together contain
    // 7.2 öre, which would round to 7, but the receipt's lines say 2 + 2 + 2.
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(
            new Item("CLIP-000001", "Paper clip", "Office", 1, 12),
            new Item("CLIP-000002", "Red paper clip", "Office", 1, 12),
            new Item("CLIP-000003", "Blue paper clip", "Office", 1, 12)),
        List.of(), VAT);

    assertThat(pricing.lines()).extracting(PricedLine::vat).containsOnly(sek(2));
    assertThat(Pricing.vatContained(36, 2_500)).as("rounding the sum instead").isEqualTo(7);
    assertThat(pricing.tax().rates()).containsExactly(new TaxRate(25.0, sek(36), sek(30), sek(6)));
    assertThat(pricing.tax().amount()).isEqualTo(sek(6));
  }

  @Test
  void aLineOfManyIsRoundedOnceOnItsTotalNotPerUnit() {
    // Three at 0.12 kr on one line: 36 öre containing 7.2, rounded to 7 (per unit it would be 3 * 2).
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(new Item("CLIP-000001", "Paper clip", "Office", 3, 12)),
        List.of(), VAT);

    assertThat(pricing.lines()).singleElement().extracting(PricedLine::lineTotal, PricedLine::vat)
        .containsExactly(sek(36), sek(7));
  }

  @Test
  void halfwayLinesRoundToEvenInsideACart() {
    // At 20%: 3 contains 0.5 (to 0) and 9 contains 1.5 (to 2); at 12%: 14 contains 1.5 (to 2) and 42
    // contains 4.5 (to 4).
    Pricing british = Pricing.calculate("UK", "GBP", List.of(
            new Item("TEA-000001", "Tea", "Pantry", 1, 3),
            new Item("TEA-000002", "More tea", "Pantry", 1, 9)),
        List.of(), VAT);
    Pricing swedish = Pricing.calculate("SE", "SEK", List.of(
            new Item("LUNCH-00001", "Soup", "Restaurant", 1, 14),
            new Item("LUNCH-00002", "Salad", "Restaurant", 1, 42)),
        List.of(), VAT);

    assertThat(british.lines()).extracting(line -> line.vat().amount()).containsExactly(0L, 2L);
    assertThat(british.tax().amount()).isEqualTo(new Money(2, "GBP"));
    assertThat(swedish.lines()).extracting(line -> line.vat().amount()).containsExactly(2L, 4L);
    assertThat(swedish.tax().rates()).containsExactly(new TaxRate(12.0, sek(56), sek(50), sek(6)));
  }

  // Discounts

  @Test
  void aDiscountReducesItsRatesGrossAndVatAndTheTotal() {
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(
            new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500),
            new Item("BOOK-000001", "A book", "Books", 1, 10_600)),
        List.of(discount("MUGS10", "10% off mugs", 1_250, 0)), VAT);

    assertThat(pricing.discounts())
        .containsExactly(new DiscountLine("MUGS10", "10% off mugs", sek(1_250), 25.0, sek(250), "MUGS10-PROMOTION"));
    assertThat(pricing.discountTotal()).isEqualTo(sek(1_250));
    assertThat(pricing.subtotal()).isEqualTo(sek(23_100));
    assertThat(pricing.total()).isEqualTo(sek(21_850));
    assertThat(pricing.tax().rates()).containsExactly(
        new TaxRate(25.0, sek(11_250), sek(9_000), sek(2_250)),
        new TaxRate(6.0, sek(10_600), sek(10_000), sek(600)));
    assertThat(pricing.tax().amount()).isEqualTo(sek(2_850));
    assertThat(pricing.lines()).extracting(PricedLine::vat).as("the lines keep their own VAT")
        .containsExactly(sek(2_500), sek(600));
  }

  @Test
  void aDiscountOverLinesOfTwoRatesIsALinePerRateEachWithTheVatOfItsShare() {
    // 30 kr off, split 125 : 106 over a mug at 25% and a book at 6%: 16.23 kr and 13.77 kr. The mug's
    // 125.00 kr contained 25.00 kr of VAT and its 108.77 kr left contain 21.75 kr; the book's 106.00
    // kr contained 6.00 kr and its 92.23 kr left contain 5.22 kr.
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(
            new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500),
            new Item("BOOK-000001", "A book", "Books", 1, 10_600)),
        List.of(discount("WELCOME", "30 kr off", 1_623, 1_377)), VAT);

    assertThat(pricing.discounts()).containsExactly(
        new DiscountLine("WELCOME", "30 kr off", sek(1_623), 25.0, sek(325), "WELCOME-PROMOTION"),
        new DiscountLine("WELCOME", "30 kr off", sek(1_377), 6.0, sek(78), "WELCOME-PROMOTION"));
    assertThat(pricing.tax().rates()).containsExactly(
        new TaxRate(25.0, sek(10_877), sek(8_702), sek(2_175)),
        new TaxRate(6.0, sek(9_223), sek(8_701), sek(522)));
    assertThat(pricing.total()).isEqualTo(sek(20_100));
  }

  @Test
  void twoDiscountsOnOneLineEachTakeTheVatOfWhatTheyTookSoTheLinesVatIsComputedOnWhatIsLeft() {
    // A 0.10 kr clip at 25% contains 2 öre of VAT; 3 öre off leaves 7 containing 1.4 (1), 3 more leave 4
    // containing 0.8 (1). Each 3 öre on its own contains 0.6 (1): rounded apart the two discounts would
    // take 2 öre of VAT and leave 4 öre of goods with none.
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(new Item("CLIP-000001", "Paper clip", "Office", 1, 10)),
        List.of(discount("A", "First", 3), discount("B", "Second", 3)), VAT);

    assertThat(pricing.discounts()).extracting(DiscountLine::vat).containsExactly(sek(1), sek(0));
    assertThat(pricing.tax().rates()).containsExactly(new TaxRate(25.0, sek(4), sek(3), sek(1)));
    assertThat(pricing.total()).isEqualTo(sek(4));
  }

  @Test
  void aDiscountOfTheWholeSubtotalMakesItFree() {
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500)),
        List.of(discount("FREE", "On the house", 12_500)), VAT);

    assertThat(pricing.total()).isEqualTo(sek(0));
    assertThat(pricing.tax().amount()).isEqualTo(sek(0));
    assertThat(pricing.tax().rates()).containsExactly(new TaxRate(25.0, sek(0), sek(0), sek(0)));
  }

  @Test
  void theShippingFeeIsALineOfItsOwnAtTheStandardRateAndADiscountMayTakeItOff() {
    Pricing charged = Pricing.calculate("SE", "SEK", List.of(new Item("BOOK-000001", "A book", "Books", 1, 10_600)),
        4_900, List.of(), VAT);
    Pricing free = Pricing.calculate("SE", "SEK", List.of(new Item("BOOK-000001", "A book", "Books", 1, 10_600)),
        4_900, List.of(new Discount("FREESHIP", null, "Free shipping", List.of(0L), 4_900)), VAT);

    assertThat(charged.shipping()).isEqualTo(new Pricing.Shipping(sek(4_900), 25.0, sek(980)));
    assertThat(charged.total()).isEqualTo(sek(15_500));
    assertThat(charged.tax().rates()).containsExactly(
        new TaxRate(25.0, sek(4_900), sek(3_920), sek(980)),
        new TaxRate(6.0, sek(10_600), sek(10_000), sek(600)));
    assertThat(free.discounts())
        .containsExactly(new DiscountLine("FREESHIP", "Free shipping", sek(4_900), 25.0, sek(980), "FREESHIP"));
    assertThat(free.total()).isEqualTo(sek(10_600));
    assertThat(free.tax().rates()).containsExactly(
        new TaxRate(25.0, sek(0), sek(0), sek(0)), new TaxRate(6.0, sek(10_600), sek(10_000), sek(600)));
  }

  @Test
  void discountsLargerThanWhatIsLeftOfALineAreRefused() {
    List<Item> mug = List.of(new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500));

    assertThatThrownBy(() -> Pricing.calculate("SE", "SEK", mug,
            List.of(discount("A", "First", 10_000), discount("B", "Second", 2_501)), VAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 2501 off MUG-000001, which has 2500 left");
  }

  @Test
  void aNegativeShareIsRefused() {
    assertThatThrownBy(() -> Pricing.calculate("SE", "SEK", List.of(new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500)),
            List.of(discount("UP", "A surcharge", -100)), VAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void aDiscountWithoutAShareForEachLineIsRefused() {
    assertThatThrownBy(() -> Pricing.calculate("SE", "SEK", List.of(new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500)),
            List.of(discount("TWO", "Two shares", 100, 100)), VAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a share for each of the 1 lines");
  }

  // Large amounts

  @Test
  void largeQuantitiesOfExpensiveGoodsDoNotOverflow() {
    // 99 at 100,000.00 kr: 990,000,000 öre, whose VAT needs a product of about 2.5e12 on the way.
    Pricing pricing = Pricing.calculate("SE", "SEK", List.of(
            new Item("CAR-000001", "Car", "Vehicles", 99, 10_000_000),
            new Item("CAR-000002", "Another car", "Vehicles", 99, 10_000_000),
            new Item("LIB-000001", "A library", "Books", 99, 10_000_000)),
        List.of(), VAT);

    assertThat(pricing.lines()).extracting(PricedLine::lineTotal).containsOnly(sek(990_000_000));
    assertThat(pricing.subtotal()).isEqualTo(sek(2_970_000_000L));
    assertThat(pricing.tax().rates()).containsExactly(
        new TaxRate(25.0, sek(1_980_000_000L), sek(1_584_000_000L), sek(396_000_000L)),
        // 990,000,000 * 6 / 106 = 56,037,735.8
        new TaxRate(6.0, sek(990_000_000L), sek(933_962_264L), sek(56_037_736L)));
    assertThat(pricing.total()).isEqualTo(sek(2_970_000_000L));
  }

  @Test
  void aLineTotalBeyondWhatALongHoldsIsRefusedRatherThanWrapped() {
    assertThatThrownBy(() -> Pricing.calculate("SE", "SEK",
            List.of(new Item("GOLD-000001", "Gold", "Metals", 99, Long.MAX_VALUE / 10)), List.of(), VAT))
        .isInstanceOf(ArithmeticException.class);
  }

  // Helpers

  /** The discount of the promotion CODE-PROMOTION, entered as CODE, with these shares of the lines. */
  private static Discount discount(String code, String description, long... shares) {
    return new Discount(code + "-PROMOTION", code, description, Arrays.stream(shares).boxed().toList(), 0);
  }

  private static Money sek(long amount) {
    return new Money(amount, "SEK");
  }

  private static Money eur(long amount) {
    return new Money(amount, "EUR");
  }
}
