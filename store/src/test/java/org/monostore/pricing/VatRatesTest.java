package org.monostore.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;

/** The VAT rates setting: standard rates per market, reduced rates per market and category. */
class VatRatesTest {

  private final VatRates rates = new VatRates("SE:25,FI:25.5", "SE/Grocery:6");

  @Test
  void theStandardRateOfAMarketIsKeptInBasisPoints() {
    assertThat(rates.basisPoints("SE", "Kitchen")).isEqualTo(2_500);
    assertThat(rates.basisPoints("FI", "Kitchen")).isEqualTo(2_550);
  }

  @Test
  void aReducedCategoryPaysItsReducedRate() {
    assertThat(rates.basisPoints("SE", "Grocery")).isEqualTo(600);
  }

  @Test
  void aReducedRateAppliesOnlyInItsOwnMarket() {
    assertThat(rates.basisPoints("FI", "Grocery")).as("Grocery is reduced in SE only").isEqualTo(2_550);
  }

  @Test
  void aCategoryIsMatchedExactly() {
    assertThat(rates.basisPoints("SE", "grocery")).isEqualTo(2_500);
    assertThat(rates.basisPoints("SE", "Groceries")).isEqualTo(2_500);
  }

  @Test
  void aProductWithoutCategoryPaysTheStandardRate() {
    assertThat(rates.basisPoints("SE", null)).isEqualTo(2_500);
  }

  @Test
  void aMarketWithoutAStandardRateIsAConfigurationError() {
    assertThatThrownBy(() -> rates.basisPoints("NO", "Kitchen"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("monostore.vat.standard")
        .hasMessageContaining("NO");
  }

  @Test
  void aReducedRateDoesNotStandInForAMissingStandardRate() {
    VatRates onlyReduced = new VatRates("SE:25", "NO/Books:0");

    assertThat(onlyReduced.basisPoints("NO", "Books")).isZero();
    assertThatThrownBy(() -> onlyReduced.basisPoints("NO", "Kitchen")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pairsMayBeSpacedAndEmptyEntriesAreSkipped() {
    VatRates spaced = new VatRates(" SE : 25 , , FI:25.5,", " SE/Grocery : 6 ,");

    assertThat(spaced.basisPoints("SE", "Kitchen")).isEqualTo(2_500);
    assertThat(spaced.basisPoints("FI", "Kitchen")).isEqualTo(2_550);
    assertThat(spaced.basisPoints("SE", "Grocery")).isEqualTo(600);
  }

  @Test
  void anEmptyReducedSettingLeavesEveryCategoryAtTheStandardRate() {
    VatRates standardOnly = new VatRates("SE:25", "");

    assertThat(standardOnly.basisPoints("SE", "Grocery")).isEqualTo(2_500);
  }

  @Test
  void theRatesMayBeZeroOrAHundredPercentWithTwoDecimals() {
    VatRates edges = new VatRates("AA:0,BB:100,CC:12.34,DD:7.50", "");

    assertThat(edges.basisPoints("AA", null)).isZero();
    assertThat(edges.basisPoints("BB", null)).isEqualTo(10_000);
    assertThat(edges.basisPoints("CC", null)).isEqualTo(1_234);
    assertThat(edges.basisPoints("DD", null)).isEqualTo(750);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SE", "SE:abc", "SE:101", "SE:-1", "SE:12.345", ":25", "SE:", "SE:25%"})
  void aMalformedStandardSettingIsRefusedNamingIt(String setting) {
    assertThatThrownBy(() -> new VatRates(setting, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("monostore.vat.standard: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SE/Grocery", "SE/Grocery:abc", "SE/Grocery:101", "SE/Grocery:-1", "SE/Grocery:12.345"})
  void aMalformedReducedSettingIsRefusedNamingIt(String setting) {
    assertThatThrownBy(() -> new VatRates("SE:25", setting))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("monostore.vat.reduced: ");
  }

  @Test
  void aMalformedPairIsQuotedInTheMessage() {
    assertThatThrownBy(() -> new VatRates("SE:25,FI", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'FI'");
    assertThatThrownBy(() -> new VatRates("SE:2x5", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2x5'");
  }

  @Test
  void theDefaultsChargeGroceriesSixPercentInSwedenAndTwentyFiveAndAHalfInFinland() throws Exception {
    VatRates defaults = new VatRates(new Binder().bindOrCreate("monostore.vat", VatSettings.class));

    assertThat(defaults.basisPoints("SE", "Grocery")).isEqualTo(600);
    assertThat(defaults.basisPoints("SE", "Kitchen")).isEqualTo(2_500);
    assertThat(defaults.basisPoints("FI", "Kitchen")).isEqualTo(2_550);
    assertThat(defaults.basisPoints("FI", "Grocery")).isEqualTo(1_350);
    assertThat(defaults.basisPoints("NO", "Books")).isZero();
    assertThat(defaults.basisPoints("DK", "Books")).as("Denmark has no reduced rates").isEqualTo(2_500);
  }
}
