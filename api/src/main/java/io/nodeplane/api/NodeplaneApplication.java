package io.nodeplane.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Nodeplane: the one Spring Boot application. Scans every module under {@code io.nodeplane}. */
@SpringBootApplication(scanBasePackages = "io.nodeplane")
@ConfigurationPropertiesScan("io.nodeplane.api")
@EnableScheduling
public class NodeplaneApplication {

    static {
        // a self-hosted control plane does not phone home, nor advertise a console it does not use
        defaultSystemProperty("axoniq.update-checker.disabled", "true");
        defaultSystemProperty("disable-axoniq-console-message", "true");
    }

    private static void defaultSystemProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(NodeplaneApplication.class, args);
    }
}
