package io.nodeplane.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.api.support.ApplicationIT;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** Bad input gets a precise 4xx in the contract's error shape and appends nothing to the event store. */
class RequestValidationIT extends ApplicationIT {

    private long eventsBefore;
    private String token;

    @BeforeEach
    void countEvents() {
        token = adminToken(); // signing in appends an event of its own: do it before counting
        eventsBefore = storedEvents();
    }

    @AfterEach
    void nothingWasAppended() {
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIs400() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.statusCode").isEqualTo(400)
                .jsonPath("$.error").isEqualTo("Bad Request")
                .jsonPath("$.code").isEqualTo("MALFORMED_JSON")
                .jsonPath("$.path").isEqualTo("/api/v1/auth/login")
                .jsonPath("$.timestamp").isNotEmpty();
    }

    @Test
    void unknownPropertyIs400AndNamesTheProperty() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD, "isAdmin", true))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").isEqualTo("property isAdmin should not exist")
                .jsonPath("$.errors[0]").isEqualTo("property isAdmin should not exist")
                .jsonPath("$.code").isEqualTo("UNKNOWN_PROPERTY");
    }

    @Test
    void invalidFieldsAre400WithEveryProblemListed() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-email", "password", "short"))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("email").contains("password").contains("; "));
    }

    @Test
    void wrongTypesAndMissingBodyAre400() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":[1],\"password\":\"x\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_FIELD");
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.statusCode").isEqualTo(400);
    }

    @Test
    void oversizeBodyIs413WhetherDeclaredOrStreamed() {
        String huge = "{\"email\":\"a@b.c\",\"password\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE").jsonPath("$.statusCode").isEqualTo(413);

        // no Content-Length: the body arrives in chunks and the decoder's limit must catch it
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(java.util.Arrays.copyOfRange(bytes, i * bytes.length / 4, (i + 1) * bytes.length / 4)));
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void unknownRouteIs404InTheSameShapeWithoutInternals() {
        byte[] body = http.get().uri("/api/v1/no-such-thing").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.statusCode").isEqualTo(404).jsonPath("$.error").isEqualTo("Not Found")
                .returnResult().getResponseBodyContent();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("at io.");
    }
}
