package org.monostore.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What customer text the store keeps, and what it refuses before it reaches an entity's events. */
class StorableTextTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Anna Svensson", "Åsa Öberg", "Zoë", "Ñandú", "Дмитрий", "محمد", "שרה", "李小龍", "Nguyễn Thị Minh Khai",
      "👩‍👩‍👧 family", "Oʻahu", "e\u0301", "क्‍ष", "Ms. O'Brien-Smith"})
  void namesInEveryScriptWithTheirJoinersAndMarksAreKept(String name) {
    assertThat(StorableText.Check.isStorable(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\ud800", "Anna \udc00", "Anna\ud800x", // a lone surrogate, which cannot be written as UTF-8
      "Anna\u0000", "Anna\nSvensson", "Anna\tSvensson", "\u007f", "\u009b", // control characters
      "Anna \u202eevil", "\u202aAnna", "\u2066Anna\u2069", "\u200fAnna", "\u061cAnna", // bidirectional controls
      "Anna\ufffe", "\ufdd0" // noncharacters
  })
  void textThatCannotBeStoredOrShownFaithfullyIsRefused(String text) {
    assertThat(StorableText.Check.isStorable(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200b", "\u200b\u200c\u200d", "\ufeff", "\u2060", "\u3164", "\u0301", "\u00a0\u200b"})
  void textWithNothingVisibleIsRefused(String text) {
    assertThat(StorableText.Check.isStorable(text)).isFalse();
  }
}
