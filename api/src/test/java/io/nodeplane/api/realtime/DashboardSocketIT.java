package io.nodeplane.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The dashboard namespace (contract §4) with a real Socket.IO client, as the Noderax web uses it. */
class DashboardSocketIT extends RealtimeSupport {

    private SocketIoPeer dashboard(String token) throws InterruptedException {
        SocketIoPeer peer = new SocketIoPeer("http://127.0.0.1:" + port + "/realtime",
                token == null ? null : Map.of("token", token), "task.created", "task.updated", "metrics.ingested", "subscription.revoked");
        return peer;
    }

    @Test
    void seesItsWorkspacesChangesWithoutSubscribing() throws Exception {
        Fleet fleet = fleet("dash-auto");
        try (SocketIoPeer web = dashboard(fleet.viewer().token())) {
            assertThat(web.nextLifecycle()).isEqualTo("connect");
            UUID taskId = queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "whoami");
            JSONObject task = web.next("task.created");
            assertThat(task.getString("id")).isEqualTo(taskId.toString());
            assertThat(task.getString("workspaceId")).isEqualTo(fleet.workspace().toString());
            assertThat(task.getString("status")).isEqualTo("queued");
            assertThat(task.getString("sourceInstanceId")).isNotBlank();
            assertThat(task.getLong("sequence")).isPositive();
            claimAsAgent(fleet.agent());
            JSONObject updated = web.next("task.updated");
            assertThat(updated.getString("status")).isEqualTo("accepted");
            assertThat(updated.getLong("sequence")).isGreaterThan(task.getLong("sequence"));
        }
    }

    @Test
    void losingAWorkspaceOrTheSessionEndsWhatTheDashboardReceives() throws Exception {
        Fleet fleet = fleet("dash-revoke");
        try (SocketIoPeer web = dashboard(fleet.viewer().token())) {
            assertThat(web.nextLifecycle()).isEqualTo("connect");
            removeMember(fleet.workspace(), fleet.viewer().id());
            JSONObject revoked = web.next("subscription.revoked");
            assertThat(revoked.getString("workspaceId")).isEqualTo(fleet.workspace().toString());
            assertThat(revoked.getString("reason")).isEqualTo("ACCESS_REVOKED");
            queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "after removal");
            assertThat(web.poll("task.created", 1500)).isNull();
        }
        try (SocketIoPeer web = dashboard(fleet.owner().token())) {
            assertThat(web.nextLifecycle()).isEqualTo("connect");
            revokeSessions(fleet.owner().id());
            // a server-side disconnect: the client does not reconnect on its own
            assertThat(web.nextLifecycle()).isEqualTo("disconnect:io server disconnect");
        }
    }

    @Test
    void anInvalidTokenIsAConnectError() throws Exception {
        try (SocketIoPeer web = dashboard("not-a-token")) {
            assertThat(web.nextLifecycle()).isEqualTo("connect_error:Unauthorized");
        }
        try (SocketIoPeer web = dashboard(null)) {
            assertThat(web.nextLifecycle()).isEqualTo("connect_error:Unauthorized");
        }
    }

    @Test
    void subscriptionsAreAckedAndBoundedByWhatTheUserMayRead() throws Exception {
        Fleet mine = fleet("dash-mine");
        Fleet theirs = fleet("dash-theirs");
        try (SocketIoPeer web = dashboard(mine.owner().token())) {
            assertThat(web.nextLifecycle()).isEqualTo("connect");
            JSONObject workspace = web.call("subscribe.workspace", new JSONObject(Map.of("workspaceId", mine.workspace().toString())));
            assertThat(workspace.getBoolean("subscribed")).isTrue();
            assertThat(workspace.getString("workspaceId")).isEqualTo(mine.workspace().toString());
            JSONObject node = web.call("subscribe.node", new JSONObject(Map.of("nodeId", mine.nodeId().toString())));
            assertThat(node.getBoolean("subscribed")).isTrue();
            assertThat(node.getString("nodeId")).isEqualTo(mine.nodeId().toString());
            JSONObject foreignNode = web.call("subscribe.node", new JSONObject(Map.of("nodeId", theirs.nodeId().toString())));
            assertThat(foreignNode.getBoolean("subscribed")).isFalse();
            JSONObject foreignWorkspace = web.call("subscribe.workspace",
                    new JSONObject(Map.of("workspaceId", theirs.workspace().toString())));
            assertThat(foreignWorkspace.getBoolean("subscribed")).isFalse();

            queueTask(theirs.owner().token(), theirs.workspace(), theirs.nodeId(), "not yours");
            UUID own = queueTask(mine.owner().token(), mine.workspace(), mine.nodeId(), "yours");
            // in the workspace's room and the node's: delivered once, and nothing of the other workspace before it
            assertThat(web.next("task.created").getString("id")).isEqualTo(own.toString());
            assertThat(web.poll("task.created", 1000)).isNull();

            web.call("unsubscribe.node", new JSONObject(Map.of("nodeId", mine.nodeId().toString())));
            JSONObject left = web.call("unsubscribe.workspace", new JSONObject(Map.of("workspaceId", mine.workspace().toString())));
            assertThat(left.getBoolean("unsubscribed")).isTrue();
            metrics(mine.agent(), 5.0).expectStatus().isOk();
            UUID marker = queueTask(mine.owner().token(), mine.workspace(), mine.nodeId(), "after leaving");
            assertThat(web.poll("task.created", 1500)).isNull();
            assertThat(web.poll("metrics.ingested", 10)).isNull();
            assertThat(marker).isNotNull();
        }
    }
}
