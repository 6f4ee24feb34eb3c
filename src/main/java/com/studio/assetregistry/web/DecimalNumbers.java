package com.studio.assetregistry.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The API's numbers in query parameters and paths take decimal digits only ({@code ?limit=20}): Spring's own number
 * editor also reads {@code 0x10} and {@code #10} as 16, and {@code 010} as 8. Anything else is the 400 of a value
 * that is not an integer, as {@code ?limit=ten} is.
 */
@ControllerAdvice(basePackageClasses = DecimalNumbers.class)
class DecimalNumbers {

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf, true));
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf, false));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf, true));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf, false));
    }

    /** Reads a number in decimal digits, with an optional sign; nothing as none, if {@code orNone}. */
    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> parse;
        private final boolean orNone;

        Decimal(Function<String, Number> parse, boolean orNone) {
            this.parse = parse;
            this.orNone = orNone;
        }

        @Override
        public void setAsText(String text) {
            if (orNone && text.isEmpty()) {
                setValue(null);
                return;
            }
            if (!text.matches("[-+]?[0-9]+")) { // valueOf takes other digits too: Arabic-Indic, fullwidth
                throw new IllegalArgumentException("not a decimal integer: " + text);
            }
            setValue(parse.apply(text));
        }
    }
}
