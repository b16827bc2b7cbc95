package org.monostore.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void inWordsShowsMajorUnitsWithTheCurrencysOwnDecimals() {
    assertThat(new Money(19_900, "SEK").inWords()).isEqualTo("199.00 SEK");
    assertThat(new Money(5, "EUR").inWords()).isEqualTo("0.05 EUR");
    assertThat(new Money(1_500, "JPY").inWords()).isEqualTo("1500 JPY");
  }
}
