package io.nodeplane.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Nodeplane: the one Spring Boot application. Scans every module under {@code io.nodeplane}. */
@SpringBootApplication(scanBasePackages = "io.nodeplane")
@ConfigurationPropertiesScan("io.nodeplane.api.config")
public class NodeplaneApplication {

    static {
        // a self-hosted control plane does not phone home; also keeps air-gapped logs clean
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(NodeplaneApplication.class, args);
    }
}
