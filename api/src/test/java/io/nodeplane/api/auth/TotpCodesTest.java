package io.nodeplane.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tests' generator and the server's {@link Totp} against the SHA1 vectors of RFC 6238, Appendix B. */
class TotpCodesTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238Sha1Vectors(long unixSeconds, String eightDigits) {
        long step = TotpCodes.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(TotpCodes.code(RFC_SECRET, step, 8)).isEqualTo(eightDigits);
        // six digits are the same value modulo 10^6
        assertThat(TotpCodes.code(RFC_SECRET, step, 6)).isEqualTo(eightDigits.substring(2));
        assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void base32RoundTripsTheRfcSecret() {
        String encoded = Totp.base32(RFC_SECRET);
        assertThat(encoded).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(TotpCodes.base32(encoded)).isEqualTo(RFC_SECRET);
    }

    @Test
    void acceptsOneStepEachWayAndNothingElse() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        for (long drift = -1; drift <= 1; drift++) {
            assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + drift), now)).hasValue(step + drift);
        }
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
    }
}
