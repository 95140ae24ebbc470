package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.DOMAINS;
import static org.promisedesk.icp.IcpFilingProcess.HOSTING_SERVICE_ID;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_EMAIL;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_ID_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_MOBILE;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.WEBSITE_NAME;

import java.util.function.Function;

/**
 * The filing materials as the start form, a correction form or a calling process gave them:
 * text without surrounding blanks, null when missing or blank. {@code hostingServiceId} is the
 * raw value (a form's number field arrives as Long or Double, a REST client may send text).
 */
record Materials(
        String subjectType,
        String subjectName,
        String certificateType,
        String certificateNumber,
        String responsibleName,
        String responsibleIdNumber,
        String responsibleMobile,
        String responsibleEmail,
        String websiteName,
        String domains,
        Object hostingServiceId) {

    static Materials from(Function<String, Object> variables) {
        return new Materials(text(variables.apply(SUBJECT_TYPE)), text(variables.apply(SUBJECT_NAME)),
                text(variables.apply(CERTIFICATE_TYPE)), text(variables.apply(CERTIFICATE_NUMBER)),
                text(variables.apply(RESPONSIBLE_NAME)), text(variables.apply(RESPONSIBLE_ID_NUMBER)),
                text(variables.apply(RESPONSIBLE_MOBILE)), text(variables.apply(RESPONSIBLE_EMAIL)),
                text(variables.apply(WEBSITE_NAME)), text(variables.apply(DOMAINS)),
                variables.apply(HOSTING_SERVICE_ID));
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A whole number as Long; null when missing or blank; {@code -1} when it is something else. */
    static Long id(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
            return Long.valueOf(text.strip());
        }
        return -1L;
    }
}
