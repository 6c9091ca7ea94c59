package io.nodeplane.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] KEY = bytes(32, 7);
    private static final byte[] SECRET = "twenty bytes of seed".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OWNER = "user-1".getBytes(StandardCharsets.UTF_8);

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void opensWhatItSealedAndNeverSealsTheSameWayTwice() {
        byte[] sealed = box.seal(SECRET, OWNER);
        assertThat(box.open(sealed, OWNER)).isEqualTo(SECRET);
        assertThat(sealed).hasSize(12 + SECRET.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("twenty bytes");
        assertThat(box.seal(SECRET, OWNER)).isNotEqualTo(sealed); // a fresh nonce each time
    }

    @Test
    void detectsEveryAlteredByte() {
        byte[] sealed = box.seal(SECRET, OWNER);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered, OWNER)).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, sealed.length - 1), OWNER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(new byte[5], OWNER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBoxOpensOnlyForItsOwnerAndWithItsKey() {
        byte[] sealed = box.seal(SECRET, OWNER);
        assertThatThrownBy(() -> box.open(sealed, "user-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(bytes(32, 8)).open(sealed, OWNER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(bytes(16, 7))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
