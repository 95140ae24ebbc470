package org.promisedesk.icp;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@value #CHARSET}; characters 3–8 are the administrative division (digits); characters 9–17 are
 * the organization code with its own GB 11714 check character at position 17; character 18 is the
 * check character over the first 17.
 */
final class CreditCodes {

    /** The code's alphabet, in the order of the values 0–30 (no I, O, S, V, Z). */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Null when {@code code} (upper-case, no blanks) is valid, else the problem code. */
    static String problem(String code) {
        if (code.length() != 18) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < code.length(); i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Problem.CHARACTERS;
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Problem.FORMAT;
        }
        if (code.charAt(16) != organizationCheck(code.substring(8, 16))
                || code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return Problem.CHECK_DIGIT;
        }
        return null;
    }

    /** The 18th character for the first 17: 31 − (Σ value × weight mod 31), where 31 counts as 0. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /**
     * GB 11714's check character for the first 8 characters of an organization code (digits are
     * their value, letters A–Z 10–35): 11 − (Σ value × weight mod 11), 10 is X and 11 is 0.
     */
    static char organizationCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private CreditCodes() {
    }
}
