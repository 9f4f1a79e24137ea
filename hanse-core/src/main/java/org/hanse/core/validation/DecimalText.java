package org.hanse.core.validation;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a decimal written by people in a declared style (decimal mark, grouping allowed or not) and refuses
 * everything it could misread: "1,5" under a dot style is neither 1.5 nor 15 but a problem, and "1.234" under a comma
 * style without grouping is neither 1.234 nor 1234.
 */
public final class DecimalText {

    private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?[0-9]{1,3}$");

    private DecimalText() {
    }

    /**
     * A style: the decimal mark and the grouping mark, or none when grouping is not allowed. Grouping, where allowed,
     * must be regular: 1–3 digits, then groups of exactly three, only before the decimal mark.
     */
    public record Style(char decimal, Character grouping) {

        /** Dot decimal, no grouping: what a machine writes, and the default when a file declares nothing. */
        public static final Style PLAIN = new Style('.', null);

        public Style {
            if (grouping != null && grouping == decimal) {
                throw new IllegalArgumentException("the grouping mark must differ from the decimal mark");
            }
        }

        /** The marks of {@code locale}; its grouping mark only when {@code grouping} is allowed. */
        public static Style of(Locale locale, boolean grouping) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            return new Style(symbols.getDecimalSeparator(), grouping ? symbols.getGroupingSeparator() : null);
        }

        /** "decimal mark ',' and grouping '.'" or "decimal mark '.' and no grouping". */
        public String describe() {
            return "decimal mark '" + decimal + "' and " + (grouping == null ? "no grouping" : "grouping '" + printable(grouping) + "'");
        }

        private boolean groups(char c) {
            // Locales that group with a (narrow) no-break space are typed with a plain space just as often.
            return grouping != null && (c == grouping || Character.isSpaceChar(grouping) && Character.isSpaceChar(c));
        }
    }

    /** The value, or null with the reason in {@code problem[0]} when the text is not one number in the style. */
    public static BigDecimal parse(String raw, Style style, String[] problem) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            problem[0] = "is empty";
            return null;
        }
        if (text.length() > 40) {
            problem[0] = "is too long for a number (at most 40 characters)";
            return null;
        }
        String exponent = "";
        var m = EXPONENT.matcher(text);
        if (m.find()) {
            exponent = m.group();
            text = text.substring(0, m.start());
        }
        String sign = text.startsWith("-") || text.startsWith("+") ? text.substring(0, 1) : "";
        String body = text.substring(sign.length());
        int mark = body.indexOf(style.decimal());
        String whole = mark < 0 ? body : body.substring(0, mark);
        String fraction = mark < 0 ? "" : body.substring(mark + 1);
        String reason = wholePart(whole, style);
        if (reason == null && mark >= 0 && !fraction.matches("[0-9]+")) {
            reason = "more than one decimal mark, or a non-digit after it";
        }
        if (reason != null) {
            problem[0] = "'" + raw.strip() + "' is not a number as declared (" + style.describe() + "): " + reason;
            return null;
        }
        StringBuilder digits = new StringBuilder(sign);
        for (char c : whole.toCharArray()) {
            if (!style.groups(c)) {
                digits.append(c);
            }
        }
        return new BigDecimal(digits + (fraction.isEmpty() ? "" : "." + fraction) + exponent);
    }

    /** Why the digits before the decimal mark are not a number in the style, or null. */
    private static String wholePart(String whole, Style style) {
        if (whole.isEmpty()) {
            return "no digit before the decimal mark";
        }
        StringBuilder groups = new StringBuilder();
        for (char c : whole.toCharArray()) {
            if (c >= '0' && c <= '9') {
                groups.append(c);
            } else if (style.groups(c)) {
                groups.append(' ');
            } else {
                return "'" + printable(c) + "' is neither a digit nor one of its marks";
            }
        }
        String g = groups.toString();
        if (g.indexOf(' ') >= 0 && !g.matches("[0-9]{1,3}( [0-9]{3})+")) {
            return "the digits are not grouped in threes";
        }
        return null;
    }

    private static String printable(char c) {
        return Character.isSpaceChar(c) ? "space" : String.valueOf(c);
    }
}
