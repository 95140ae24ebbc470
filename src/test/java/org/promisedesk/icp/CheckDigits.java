package org.promisedesk.icp;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Valid identity numbers for tests, made the way the issuers make them — computed here
 * independently of the code under test, from the standards' weights.
 */
final class CheckDigits {

    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A unified social credit code: "91" (enterprise), the division, an organization code base of 8, both checks. */
    static String uscc(String division, String organizationBase) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(organizationBase.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int orgCheck = 11 - sum % 11;
        String first17 = "91" + division + organizationBase
                + (orgCheck == 10 ? "X" : orgCheck == 11 ? "0" : String.valueOf(orgCheck));
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += USCC_CHARSET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return first17 + USCC_CHARSET.charAt((31 - total % 31) % 31);
    }

    /** A resident ID number: region, birth date, sequence, ISO 7064 MOD 11-2 check. */
    static String residentId(String region, LocalDate birth, String sequence) {
        return withIdCheck(region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence);
    }

    static String withIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The same code with its last character replaced by another valid-looking one. */
    static String wrongLast(String code, String alphabet) {
        char last = code.charAt(code.length() - 1);
        char other = alphabet.charAt((alphabet.indexOf(last) + 1) % alphabet.length());
        return code.substring(0, code.length() - 1) + other;
    }

    private CheckDigits() {
    }
}
