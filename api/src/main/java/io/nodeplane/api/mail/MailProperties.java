package io.nodeplane.api.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Transactional e-mail over SMTP ({@code SMTP_*}). A blank host turns e-mail off; every flow still works.
 *
 * @param attempts     tries per message before it is given up (and logged)
 * @param retryBackoff first pause between tries; it doubles each time
 * @param timeout      connect, read and write timeout of one SMTP conversation
 */
@ConfigurationProperties("nodeplane.mail")
public record MailProperties(@DefaultValue("") String host, @DefaultValue("587") int port,
                             @DefaultValue("") String username, @DefaultValue("") String password,
                             @DefaultValue("") String fromEmail, @DefaultValue("Nodeplane") String fromName,
                             @DefaultValue("4") int attempts, @DefaultValue("2s") Duration retryBackoff,
                             @DefaultValue("10s") Duration timeout) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
}
