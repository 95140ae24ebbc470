package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class PhotoRulesTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    private static final DataSize MAX = DataSize.ofKilobytes(1);

    @Test
    void shouldAcceptJpegAndPngByTheirBytes() {
        assertThat(PhotoRules.check(JPEG, "image/jpeg", MAX)).isEqualTo("image/jpeg");
        assertThat(PhotoRules.check(PNG, "image/png", MAX)).isEqualTo("image/png");
        assertThat(PhotoRules.check(JPEG, null, MAX)).isEqualTo("image/jpeg");
        assertThat(PhotoRules.check(PNG, "IMAGE/PNG; name=face.png", MAX)).isEqualTo("image/png");
    }

    @Test
    void shouldRefuseEmptyTooLargeAndOtherTypes() {
        assertRefused(new byte[0], "image/jpeg", HttpStatus.BAD_REQUEST, "empty");
        assertRefused(new byte[1025], "image/jpeg", HttpStatus.PAYLOAD_TOO_LARGE, "at most 1024");
        assertRefused(JPEG, "image/gif", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "only image/jpeg and image/png");
        assertRefused(PNG, "image/jpeg", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not an image/jpeg image");
        assertRefused("%PDF-1.7".getBytes(), "image/png", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not an image/png image");
        assertRefused("%PDF-1.7".getBytes(), null, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not a JPEG or PNG image");
    }

    private static void assertRefused(byte[] content, String type, HttpStatus status, String detail) {
        assertThatThrownBy(() -> PhotoRules.check(content, type, MAX)).isInstanceOf(PhotoRejected.class)
                .hasMessageContaining(detail)
                .satisfies(e -> assertThat(((PhotoRejected) e).status()).isEqualTo(status));
    }
}
