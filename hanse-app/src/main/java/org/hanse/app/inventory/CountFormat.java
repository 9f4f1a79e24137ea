package org.hanse.app.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hanse.core.validation.DecimalText;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;

/**
 * How a stock count file is written, as its sender declares it: the CSV separator (default comma) and the locale its
 * decimals are typed in (default: dot decimal, no grouping), grouping marks only when declared. Nothing is guessed.
 */
record CountFormat(char separator, DecimalText.Style style) {

    /** The default: comma-separated, dot decimal, no grouping. */
    static final CountFormat PLAIN = new CountFormat(',', DecimalText.Style.PLAIN);

    private static final Map<String, Character> SEPARATORS = Map.of(",", ',', ";", ';', "tab", '\t', "\t", '\t', "|", '|');

    /** Reads the declared parameters; problems at {@code separator}, {@code locale} and {@code grouping}. */
    static CountFormat of(String separator, String locale, String grouping) {
        List<Problem> problems = new ArrayList<>();
        Character sep = SEPARATORS.get(separator == null ? "," : separator);
        if (sep == null) {
            problems.add(new Problem("separator", "must be ',', ';', '|' or 'tab'"));
        }
        boolean groups = "true".equals(grouping);
        if (grouping != null && !groups && !"false".equals(grouping)) {
            problems.add(new Problem("grouping", "must be true or false"));
        }
        DecimalText.Style style = DecimalText.Style.PLAIN;
        if (locale != null) {
            Locale l = Locale.forLanguageTag(locale);
            if (locale.length() > 35 || l.getLanguage().isEmpty() || Arrays.stream(Locale.getAvailableLocales()).noneMatch(l::equals)) {
                problems.add(new Problem("locale", "must be a known BCP 47 language tag such as de-DE, fr-FR or en-GB"));
            } else {
                style = DecimalText.Style.of(l, groups);
            }
        } else if (groups) {
            problems.add(new Problem("grouping", "needs a declared locale, whose grouping mark it allows"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CountFormat(sep, style);
    }
}
