package org.hanse.core.dictionary;

import java.util.Optional;

/**
 * The GS1 mod-10 check digit shared by GTIN-8/12/13/14 and GLN: digits weighted 3,1,3,… from the
 * right (the check digit excluded), check = (10 − sum mod 10) mod 10.
 */
public final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    /** Check digit for the given digits (without the check digit). */
    public static int compute(String digitsWithoutCheck) {
        requireDigits(digitsWithoutCheck);
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            sum += (digitsWithoutCheck.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Empty when the last digit is the right check digit, else the digit it should be.
     * The input must be all digits.
     */
    public static Optional<Integer> expectedIfWrong(String digitsWithCheck) {
        requireDigits(digitsWithCheck);
        int expected = compute(digitsWithCheck.substring(0, digitsWithCheck.length() - 1));
        int actual = digitsWithCheck.charAt(digitsWithCheck.length() - 1) - '0';
        return expected == actual ? Optional.empty() : Optional.of(expected);
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void requireDigits(String s) {
        if (!isDigits(s)) {
            throw new IllegalArgumentException("not a digit string: " + s);
        }
    }
}
