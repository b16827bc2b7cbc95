package org.monostore.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a customer types that the store keeps and shows to others (names, addresses, email): it must be
 * well-formed Unicode (a lone UTF-16 surrogate is valid JSON but cannot be stored), hold no control
 * characters (line breaks and tabs included), no bidirectional overrides, embeddings or isolates (they
 * make an admin's screen show text in another order than it was typed) and no noncharacters, and it must
 * show at least one visible character, so a name of zero-width spaces alone is refused. Joiners inside
 * text stay allowed: several scripts and emoji need them. Null is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableText.Check.class)
public @interface StorableText {

  String message() default "must be text without control, bidirectional-override or invalid characters,"
      + " with at least one visible character";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<StorableText, String> {

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      // Blank text is @NotBlank's to refuse, or an optional field left empty.
      return text == null || text.isBlank() || isStorable(text);
    }

    /** Whether the text passes the rules above. */
    public static boolean isStorable(String text) {
      boolean visible = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int codePoint = c;
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          codePoint = Character.toCodePoint(c, text.charAt(++i));
        } else if (Character.isSurrogate(c)) {
          return false;
        }
        if (Character.getType(codePoint) == Character.CONTROL || isBidiControl(codePoint) || isNoncharacter(codePoint)) {
          return false;
        }
        visible |= isVisible(codePoint);
      }
      return visible;
    }

    private static boolean isBidiControl(int codePoint) {
      return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
          || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isNoncharacter(int codePoint) {
      return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Not white space, not a format character (zero-width space, joiners, BOM), not a lone combining mark. */
    private static boolean isVisible(int codePoint) {
      int type = Character.getType(codePoint);
      return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint) && type != Character.FORMAT
          && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && codePoint != 0x3164
          && codePoint != 0x115F && codePoint != 0x1160 && codePoint != 0xFFA0;
    }
  }
}
