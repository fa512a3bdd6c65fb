package com.realestate.property.property;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated text has no control characters and no half of a surrogate pair; null passes. PostgreSQL's text
 * cannot hold a NUL and UTF-8 has no bytes for half a character, so such input would fail or change on its way to
 * the database; it is refused up front instead, as a 400 naming the field.
 */
@Documented
@Constraint(validatedBy = StorableText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableText {

    /** The message of a violation. */
    String message() default "must not contain control characters or unpaired surrogates";

    /** The validation groups. */
    Class<?>[] groups() default {};

    /** The payload. */
    Class<? extends Payload>[] payload() default {};

    /** Walks the code points: an unpaired surrogate is a code point of its own, in the surrogate range. */
    final class Validator implements ConstraintValidator<StorableText, String> {

        /** {@code true} when {@code text} is null or holds only characters the database stores as given. */
        public static boolean storable(String text) {
            return text == null || text.codePoints().noneMatch(codePoint -> Character.isISOControl(codePoint)
                    || Character.getType(codePoint) == Character.SURROGATE);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return storable(value);
        }
    }
}
