package io.nodeplane.api.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) on a free loopback port for the whole test run; the shared
 * application context sends its e-mails there (see {@link ApplicationIT#properties}).
 */
public final class TestMail {

    /** A delivered e-mail, decoded. */
    public record Mail(String to, String from, String subject, String text) {
    }

    private static final GreenMail SMTP = start();

    private TestMail() {
    }

    private static GreenMail start() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        return smtp;
    }

    public static int port() {
        return SMTP.getSmtp().getPort();
    }

    /** Every e-mail delivered to {@code to} so far, oldest first. */
    public static List<Mail> to(String to) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(to::equalsIgnoreCase)) {
                    mails.add(new Mail(to, m.getFrom()[0].toString(), m.getSubject(), String.valueOf(m.getContent())));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mails;
    }

    /** Waits (generously) until {@code to} has received {@code count} e-mails, and answers them. */
    public static List<Mail> awaitMails(String to, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> to(to), mails -> mails.size() >= count);
    }

    /** The one-time token of the link {@code <WEB_APP_URL><path>/<token>} in the e-mail. */
    public static String token(Mail mail, String path) {
        Matcher m = Pattern.compile(Pattern.quote(ApplicationIT.WEB_APP_URL + path + "/") + "([A-Za-z0-9_-]+)")
                .matcher(mail.text());
        if (!m.find()) {
            throw new AssertionError("no " + path + " link in: " + mail.text());
        }
        return m.group(1);
    }
}
