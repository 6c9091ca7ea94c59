package io.nodeplane.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.nodeplane.api.realtime.RealtimeProperties;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionalMailTest {

    private static RealtimeProperties web(String url) {
        return new RealtimeProperties(1000, 1024, Duration.ofSeconds(15), Duration.ofSeconds(60), url, List.of(),
                "c", Duration.ofMillis(40), Duration.ofSeconds(60));
    }

    private static MailProperties smtp(String host, int port) {
        return new MailProperties(host, port, "", "", "ops@example.com", "Ops Team", 2, Duration.ofMillis(10),
                Duration.ofSeconds(5));
    }

    @Test
    void sendsTheLinkFromTheConfiguredSenderToTheRecipient() throws Exception {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        try {
            TransactionalMail mail = new TransactionalMail(smtp("127.0.0.1", server.getSmtp().getPort()),
                    web("https://dash.example.com/"));
            mail.sendPasswordReset("ada@example.com", "tok_en-123", Instant.parse("2026-11-24T10:00:00Z"));

            assertThat(server.waitForIncomingEmail(15_000, 1)).isTrue();
            MimeMessage received = server.getReceivedMessages()[0];
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
            assertThat(received.getFrom()[0].toString()).isEqualTo("Ops Team <ops@example.com>");
            assertThat(String.valueOf(received.getContent()))
                    .contains("https://dash.example.com/reset-password/tok_en-123")
                    .contains("2026-11-24T10:00:00Z");
        } finally {
            server.stop();
        }
    }

    @Test
    void aBlankHostTurnsMailOffWithoutFailingTheCaller() {
        TransactionalMail mail = new TransactionalMail(smtp("  ", 25), web(""));
        assertThatCode(() -> mail.sendInvitation("ada@example.com", "Ada", "token", Instant.now()))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnreachableServerNeverFailsTheCaller() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TransactionalMail mail = new TransactionalMail(smtp("127.0.0.1", closedPort), web("http://localhost:3001"));
        assertThatCode(() -> mail.sendInvitation("ada@example.com", "Ada", "token", Instant.now()))
                .doesNotThrowAnyException();
    }
}
