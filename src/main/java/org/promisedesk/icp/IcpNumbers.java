package org.promisedesk.icp;

import java.util.regex.Pattern;

/**
 * ICP filing numbers as the authority issues them: the province's abbreviation, {@code ICP备}, the
 * subject's number, {@code 号}, and for a website {@code -n}: {@code 京ICP备12345678号},
 * {@code 沪ICP备2020031415号-1}.
 */
final class IcpNumbers {

    private static final Pattern ICP_NUMBER = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP备\\d{6,10}号(-\\d{1,3})?");

    /** Without blanks, with a full-width hyphen or "icp" made regular; null when it is not an ICP number. */
    static String normalise(String number) {
        String compact = number.replaceAll("\\s", "").replace('－', '-').replace("icp", "ICP");
        return ICP_NUMBER.matcher(compact).matches() ? compact : null;
    }

    private IcpNumbers() {
    }
}
