package io.nodeplane.api.mail;

import io.nodeplane.api.realtime.RealtimeProperties;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Invitation and password-reset e-mails ("transactional": always sent, whatever the user's
 * preferences). Called once the change is stored; sending runs in the background on the
 * bounded-elastic scheduler (JavaMail blocks) with retries, so a slow or broken mail server never
 * delays or fails the request, and never undoes the change. The link (it holds the one-time token)
 * appears in the mail only, never in a log line.
 */
@Service
public class TransactionalMail {

    private static final Logger log = LoggerFactory.getLogger(TransactionalMail.class);

    private final MailProperties properties;
    private final JavaMailSenderImpl sender;
    private final String webAppUrl;

    TransactionalMail(MailProperties properties, RealtimeProperties realtime) {
        this.properties = properties;
        this.sender = properties.enabled() ? sender(properties) : null;
        String url = realtime.webAppUrl() == null || realtime.webAppUrl().isBlank() ? "http://localhost:3000"
                : realtime.webAppUrl().trim();
        this.webAppUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (sender == null) {
            log.warn("SMTP_HOST is not set: e-mail is disabled. Invitation and password-reset links are not sent "
                    + "(users are still created and tokens issued); set SMTP_HOST to enable e-mail.");
        }
    }

    public void sendInvitation(String to, String name, String token, Instant expiresAt) {
        String link = webAppUrl + "/invitations/" + token;
        send(to, "invitation", "You are invited to Nodeplane",
                "Hello" + (name == null || name.isBlank() ? "" : " " + name) + ",\n\n"
                + "an administrator created a Nodeplane account for you. Choose your password here:\n\n"
                + link + "\n\nThe link works once and expires at " + expiresAt + ".\n");
    }

    public void sendPasswordReset(String to, String token, Instant expiresAt) {
        String link = webAppUrl + "/reset-password/" + token;
        send(to, "password reset", "Reset your Nodeplane password",
                "Hello,\n\nsomeone asked to reset the password of your Nodeplane account. "
                + "Choose a new password here:\n\n" + link + "\n\nThe link works once and expires at " + expiresAt
                + ". If you did not ask for this, ignore this e-mail: your password stays as it is.\n");
    }

    private void send(String to, String kind, String subject, String text) {
        if (sender == null) {
            log.debug("E-mail is disabled: the {} e-mail to {} is not sent", kind, to);
            return;
        }
        Mono.fromRunnable(() -> sender.send(message(to, subject, text)))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(Math.max(0, properties.attempts() - 1), properties.retryBackoff()))
                .subscribe(done -> { }, error -> log.warn("The {} e-mail to {} could not be sent after {} attempts: {}",
                        kind, to, properties.attempts(), rootMessage(error)),
                        () -> log.info("Sent the {} e-mail to {}", kind, to));
    }

    private MimeMessage message(String to, String subject, String text) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            String from = properties.fromEmail().isBlank() ? "nodeplane@localhost" : properties.fromEmail();
            helper.setFrom(from, properties.fromName());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            return message;
        } catch (jakarta.mail.MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the e-mail: " + e.getMessage(), e);
        }
    }

    private static JavaMailSenderImpl sender(MailProperties p) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(p.host().trim());
        sender.setPort(p.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties javaMail = sender.getJavaMailProperties();
        if (!p.username().isBlank()) {
            sender.setUsername(p.username());
            sender.setPassword(p.password());
            javaMail.put("mail.smtp.auth", "true");
        }
        // STARTTLS whenever the server offers it; port 465 means TLS from the first byte
        javaMail.put("mail.smtp.starttls.enable", "true");
        javaMail.put("mail.smtp.ssl.enable", String.valueOf(p.port() == 465));
        String millis = String.valueOf(p.timeout().toMillis());
        javaMail.put("mail.smtp.connectiontimeout", millis);
        javaMail.put("mail.smtp.timeout", millis);
        javaMail.put("mail.smtp.writetimeout", millis);
        return sender;
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
