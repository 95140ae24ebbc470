package org.promisedesk.icp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Resident identity card numbers (居民身份证号码, GB 11643): 6-digit region code (the first two a
 * province), birth date {@code yyyyMMdd}, a 3-digit sequence and an ISO 7064 MOD 11-2 check
 * character (0–9 or X). A responsible person must be at least {@value #MINIMUM_AGE}: full civil
 * capacity under the Civil Code, which the authority expects of whoever answers for a website.
 */
final class ResidentIds {

    static final int MINIMUM_AGE = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");

    /** Null when {@code id} (upper-case, no blanks) is valid on {@code today}, else the problem code. */
    static String problem(String id, LocalDate today) {
        if (id.length() != 18) {
            return Problem.LENGTH;
        }
        if (!id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')
                || !(Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X')) {
            return Problem.CHARACTERS;
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return Problem.FORMAT;
        }
        if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
            return Problem.CHECK_DIGIT;
        }
        LocalDate birth = birthDate(id);
        if (birth == null || birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(today)) {
            return Problem.BIRTH_DATE;
        }
        if (birth.plusYears(MINIMUM_AGE).isAfter(today)) {
            return Problem.TOO_YOUNG;
        }
        return null;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private ResidentIds() {
    }
}
