package org.promisedesk.icp;

/**
 * One thing wrong with the materials: the field, what is wrong with it (a code the e-mail
 * templates word in the customer's language) and, where it helps the customer find it, the value
 * (a domain, a service id). Identity numbers are never echoed.
 */
record Problem(String field, String code, String value) {

    static final String REQUIRED = "required";
    static final String TOO_LONG = "too-long";
    static final String LENGTH = "length";
    static final String CHARACTERS = "characters";
    static final String FORMAT = "format";
    static final String CHECK_DIGIT = "check-digit";
    static final String BIRTH_DATE = "birth-date";
    static final String TOO_YOUNG = "too-young";
    static final String UNKNOWN_VALUE = "unknown-value";
    static final String TYPE_MISMATCH = "type-mismatch";
    static final String NOT_THE_SUBJECT = "not-the-subject";
    static final String NOT_A_MOBILE = "not-a-mobile";
    static final String NOT_AN_EMAIL = "not-an-email";
    static final String LOOKS_LIKE_DOMAIN = "looks-like-domain";
    static final String NOT_A_DOMAIN = "not-a-domain";
    static final String NOT_HOSTED = "not-hosted";
    static final String ALREADY_FILED = "already-filed";
    static final String IN_OPEN_FILING = "in-open-filing";
    static final String TOO_MANY = "too-many";
    static final String UNKNOWN_SERVICE = "unknown-service";
    static final String NOT_HOSTING = "not-hosting";
    static final String SERVICE_ENDED = "service-ended";
    static final String CHOOSE_SERVICE = "choose-service";

    static Problem of(String field, String code) {
        return new Problem(field, code, null);
    }

    /** {@code field|code|value} for the template; line breaks in the value become blanks. */
    String line() {
        return field + "|" + code + (value == null ? "" : "|" + value.replaceAll("[\\r\\n]+", " "));
    }

    /** For agents and logs, in English. */
    String describe() {
        String what = switch (code) {
            case REQUIRED -> "is required";
            case TOO_LONG -> "is too long";
            case LENGTH -> "must be 18 characters long";
            case CHARACTERS -> "contains characters that are not allowed";
            case FORMAT -> "is not in the expected format";
            case CHECK_DIGIT -> "has a wrong check character (a typo?)";
            case BIRTH_DATE -> "holds no valid date of birth";
            case TOO_YOUNG -> "belongs to a person under " + ResidentIds.MINIMUM_AGE;
            case UNKNOWN_VALUE -> "is not one of the allowed values";
            case TYPE_MISMATCH -> "does not fit the subject type (enterprise: uscc, individual: resident-id)";
            case NOT_THE_SUBJECT -> "must be the subject themself for an individual filing";
            case NOT_A_MOBILE -> "is not a mainland China mobile number";
            case NOT_AN_EMAIL -> "is not an e-mail address";
            case LOOKS_LIKE_DOMAIN -> "must be a name, not a domain or only digits";
            case NOT_A_DOMAIN -> "is not a valid domain name";
            case NOT_HOSTED -> "is not on one of the customer's active services";
            case ALREADY_FILED -> "already has an ICP number";
            case IN_OPEN_FILING -> "is already in another open filing";
            case TOO_MANY -> "lists more than " + value + " domains";
            case UNKNOWN_SERVICE -> "is not a service of this customer";
            case NOT_HOSTING -> "is not a hosting service with an IP address";
            case SERVICE_ENDED -> "is expired or cancelled";
            case CHOOSE_SERVICE -> "is required: the customer has several hosting services";
            default -> code;
        };
        boolean valueShown = value != null && !TOO_MANY.equals(code);
        return field + (valueShown ? " '" + value + "'" : "") + " " + what;
    }
}
