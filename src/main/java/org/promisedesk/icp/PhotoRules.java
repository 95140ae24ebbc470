package org.promisedesk.icp;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * What is accepted as a verification photo: a JPEG or PNG, not empty, at most the configured
 * size, and its bytes must be what its type says (the type a client declares is not trusted).
 */
final class PhotoRules {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * The content type of an acceptable photo.
     *
     * @param declared the type the sender gave, or null when none (it must then be recognisable)
     * @throws PhotoRejected 400 when empty, 413 when too large, 415 when no JPEG or PNG
     */
    static String check(byte[] content, String declared, DataSize maxSize) {
        if (content.length == 0) {
            throw new PhotoRejected(HttpStatus.BAD_REQUEST, "The photo is empty");
        }
        if (content.length > maxSize.toBytes()) {
            throw new PhotoRejected(HttpStatus.PAYLOAD_TOO_LARGE, "The photo has " + content.length
                    + " bytes; at most " + maxSize.toBytes() + " (" + maxSize.toMegabytes() + " MB) are accepted");
        }
        String actual = detect(content);
        String type = declared == null ? null : declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type != null && !type.equals(JPEG) && !type.equals(PNG)) {
            throw new PhotoRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The photo is " + type + "; only image/jpeg and image/png are accepted");
        }
        if (actual == null || type != null && !type.equals(actual)) {
            throw new PhotoRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The content is not "
                    + (type == null ? "a JPEG or PNG image" : "an " + type + " image") + " (checked by its first bytes)");
        }
        return actual;
    }

    /** The type its first bytes say, or null when neither JPEG nor PNG. */
    static String detect(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        return startsWith(content, PNG_MAGIC) ? PNG : null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private PhotoRules() {
    }
}
