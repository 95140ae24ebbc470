package org.promisedesk.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256: as lower-case hex, what we store to recognise content again (photos, repeated API
 * calls, exported audit trails); as Base64, what HTTP digest headers carry (RFC 9530).
 */
public final class Digests {

    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    public static String sha256Base64(byte[] content) {
        return Base64.getEncoder().encodeToString(sha256(content));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Digests() {
    }
}
