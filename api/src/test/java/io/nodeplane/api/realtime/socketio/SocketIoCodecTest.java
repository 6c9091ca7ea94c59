package io.nodeplane.api.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketIoCodecTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final SocketIoCodec codec = new SocketIoCodec(mapper);

    @Test
    void writesTheOpenPacketWithTheConfiguredHeartbeatAndPayloadLimit() throws Exception {
        var properties = new SocketIoProperties(Duration.ofMillis(25_000), Duration.ofMillis(20_000), 1_000_000, 1024);
        String polling = EngineIoCodec.open("abc", true, properties);
        assertThat(polling).startsWith("0");
        assertThat(mapper.readTree(polling.substring(1))).isEqualTo(mapper.readTree(
                "{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"));
        assertThat(mapper.readTree(EngineIoCodec.open("abc", false, properties).substring(1)).get("upgrades"))
                .isEmpty();
    }

    @Test
    void readsEngineIoPacketTypes() {
        assertThat(EngineIoCodec.type("2")).isEqualTo(EngineIoCodec.PING);
        assertThat(EngineIoCodec.type("3")).isEqualTo(EngineIoCodec.PONG);
        assertThat(EngineIoCodec.type("2probe")).isEqualTo(EngineIoCodec.PING);
        assertThat(EngineIoCodec.data("2probe")).isEqualTo("probe");
        assertThat(EngineIoCodec.type("1")).isEqualTo(EngineIoCodec.CLOSE);
        assertThat(EngineIoCodec.type("5")).isEqualTo(EngineIoCodec.UPGRADE);
        assertThat(EngineIoCodec.type("6")).isEqualTo(EngineIoCodec.NOOP);
        assertThat(EngineIoCodec.type("4hello")).isEqualTo(EngineIoCodec.MESSAGE);
        assertThat(EngineIoCodec.data("4hello")).isEqualTo("hello");
        assertThat(EngineIoCodec.message("2[\"a\"]")).isEqualTo("42[\"a\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "x", "bAQID"})
    void rejectsMalformedOrBinaryEngineIoPackets(String packet) {
        assertThatThrownBy(() -> EngineIoCodec.type(packet)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void rejectsBinaryPollingPacketsAsUnsupported() {
        assertThatThrownBy(() -> EngineIoCodec.decodePayload("4hello\u001ebAQID"))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("binary");
    }

    @Test
    void splitsAndJoinsPollingPayloadsOnTheRecordSeparator() {
        assertThat(EngineIoCodec.decodePayload("4hello\u001e2\u001e4€€€")).containsExactly("4hello", "2", "4€€€");
        assertThat(EngineIoCodec.decodePayload("3")).containsExactly("3");
        assertThat(EngineIoCodec.encodePayload(List.of("4hello", "2"))).isEqualTo("4hello\u001e2");
        assertThatThrownBy(() -> EngineIoCodec.decodePayload("")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> EngineIoCodec.decodePayload("4a\u001e\u001e4b")).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void readsConnectWithAndWithoutNamespaceAndAuth() {
        SocketIoPacket root = codec.decode("0");
        assertThat(root.type()).isEqualTo(SocketIoCodec.CONNECT);
        assertThat(root.namespace()).isEqualTo("/");
        assertThat(root.data()).isNull();

        SocketIoPacket admin = codec.decode("0/admin,");
        assertThat(admin.namespace()).isEqualTo("/admin");
        assertThat(admin.data()).isNull();

        SocketIoPacket withAuth = codec.decode("0/admin,{\"token\":\"123\"}");
        assertThat(withAuth.namespace()).isEqualTo("/admin");
        assertThat(withAuth.data().get("token").asText()).isEqualTo("123");

        assertThat(codec.decode("0{\"token\":\"123\"}").namespace()).isEqualTo("/");
        assertThat(codec.decode("0/admin").namespace()).isEqualTo("/admin");
    }

    @Test
    void readsEventsWithAndWithoutAckId() {
        SocketIoPacket event = codec.decode("2[\"hello\",1,{\"a\":true}]");
        assertThat(event.type()).isEqualTo(SocketIoCodec.EVENT);
        assertThat(event.ackId()).isNull();
        assertThat(event.event()).isEqualTo("hello");
        assertThat(event.args()).hasSize(2);
        assertThat(event.args().get(1).get("a").asBoolean()).isTrue();

        SocketIoPacket withAck = codec.decode("2/admin,456[\"project:delete\",123]");
        assertThat(withAck.namespace()).isEqualTo("/admin");
        assertThat(withAck.ackId()).isEqualTo(456L);
        assertThat(withAck.event()).isEqualTo("project:delete");
        assertThat(withAck.args().get(0).asInt()).isEqualTo(123);

        assertThat(codec.decode("212[\"x\"]").ackId()).isEqualTo(12L);
        assertThat(codec.decode("2[\"no-args\"]").args()).isEmpty();
    }

    @Test
    void readsAcksAndDisconnects() {
        SocketIoPacket ack = codec.decode("3/admin,456[]");
        assertThat(ack.type()).isEqualTo(SocketIoCodec.ACK);
        assertThat(ack.ackId()).isEqualTo(456L);
        assertThat(ack.data().isArray()).isTrue();

        SocketIoPacket disconnect = codec.decode("1/admin,");
        assertThat(disconnect.type()).isEqualTo(SocketIoCodec.DISCONNECT);
        assertThat(disconnect.namespace()).isEqualTo("/admin");
        assertThat(codec.decode("1").namespace()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9", "x[]", "2", "2{}", "2[]", "2[1]", "2[\"a\"", "2[\"a\"] trailing", "2/admin,[\"a\"]x",
            "0[1]", "0\"token\"", "01", "1/admin,{}", "3/admin,[]", "3/admin,1{}", "2" + "1234567890123456" + "[\"a\"]",
            "4/admin,[1]"})
    void rejectsMalformedSocketIoPackets(String packet) {
        assertThatThrownBy(() -> codec.decode(packet)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"51-[\"file\",{\"_placeholder\":true,\"num\":0}]", "61-/admin,1[{\"_placeholder\":true,\"num\":0}]"})
    void rejectsBinaryPacketsAsUnsupported(String packet) {
        assertThatThrownBy(() -> codec.decode(packet)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void writesConnectAnswersAndConnectErrors() {
        assertThat(SocketIoCodec.connect("/", "s1")).isEqualTo("0{\"sid\":\"s1\"}");
        assertThat(SocketIoCodec.connect("/admin", "s1")).isEqualTo("0/admin,{\"sid\":\"s1\"}");
        assertThat(SocketIoCodec.connectError("/admin", "Not \"authorized\""))
                .isEqualTo("4/admin,{\"message\":\"Not \\\"authorized\\\"\"}");
        assertThat(SocketIoCodec.connectError("/", "Invalid namespace")).isEqualTo("4{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void writesEventsAcksAndDisconnects() {
        assertThat(codec.event("/", "hello", 1, Map.of("a", "b"))).isEqualTo("2[\"hello\",1,{\"a\":\"b\"}]");
        assertThat(codec.event("/admin", "tick")).isEqualTo("2/admin,[\"tick\"]");
        assertThat(SocketIoCodec.eventJson("/admin", "node.status.updated", "{\"id\":1}"))
                .isEqualTo("2/admin,[\"node.status.updated\",{\"id\":1}]");
        assertThat(SocketIoCodec.ack("/admin", 456, "[]")).isEqualTo("3/admin,456[]");
        assertThat(SocketIoCodec.ack("/", 7, "[{\"ok\":true}]")).isEqualTo("37[{\"ok\":true}]");
        assertThat(SocketIoCodec.disconnect("/admin")).isEqualTo("1/admin,");
        assertThat(SocketIoCodec.disconnect("/")).isEqualTo("1");
    }

    @Test
    void writtenPacketsReadBack() {
        SocketIoPacket event = codec.decode(codec.event("/admin", "hello", "wörld"));
        assertThat(event.namespace()).isEqualTo("/admin");
        assertThat(event.event()).isEqualTo("hello");
        assertThat(event.args().get(0).asText()).isEqualTo("wörld");
        assertThat(codec.decode(SocketIoCodec.connectError("/admin", "no")).data().get("message").asText()).isEqualTo("no");
    }

    @Test
    void refusesReservedEventNamesAndUnserializableArguments() {
        assertThatThrownBy(() -> codec.event("/", "disconnect")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketIoCodec.eventJson("/", "connect", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.event("/", "x", new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
