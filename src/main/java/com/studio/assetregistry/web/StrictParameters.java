package com.studio.assetregistry.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The API's query parameters and paths read as what they say, or are refused with the 400 of a value of the wrong
 * type ({@code ?limit=ten}):
 * <ul>
 *     <li>numbers take decimal digits only ({@code ?limit=20}): Spring's own number editor also reads {@code 0x10}
 *     and {@code #10} as 16, and {@code 010} as 8;</li>
 *     <li>switches take {@code true} or {@code false}, in any case: Spring's own editor also reads {@code yes},
 *     {@code on} and {@code 1} as true, and an empty value ({@code ?dryRun=}, as a script whose variable is unset
 *     sends) as the default, which made a dry run asked for so a real load.</li>
 * </ul>
 */
@ControllerAdvice(basePackageClasses = StrictParameters.class)
class StrictParameters {

    @InitBinder
    void strictValues(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf, true));
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf, false));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf, true));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf, false));
        binder.registerCustomEditor(boolean.class, new TrueOrFalse());
        binder.registerCustomEditor(Boolean.class, new TrueOrFalse());
    }

    /** Reads {@code true} or {@code false}, in any case, and nothing else: no empty value either. */
    private static final class TrueOrFalse extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("neither true nor false: " + text);
            }
            setValue(Boolean.valueOf(text));
        }
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
