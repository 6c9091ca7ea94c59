package io.nodeplane.api.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Walks the permission matrix over HTTP: every role (and a non-member) against every workspace route.
 * Allowed → the route's success status; member without the right → 403; non-member → 404.
 */
class WorkspaceRoleMatrixIT extends WorkspaceSupport {

    private static final List<String> ROLES = List.of("owner", "admin", "member", "viewer", "outsider");
    private static final List<String> MANAGERS = List.of("owner", "admin");
    private static final List<String> EVERY_MEMBER = List.of("owner", "admin", "member", "viewer");

    private record Route(String name, List<String> allowed, int success, BiFunction<String, String, Integer> call) {
    }

    @Test
    void everyRoleGetsExactlyTheAnswerTheMatrixPromises() {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique("Matrix"));
        Map<String, Person> people = new LinkedHashMap<>();
        for (String role : ROLES) {
            Person person = person(role);
            people.put(role, person);
            if (!role.equals("outsider")) {
                addMember(admin, workspace, person.id(), role);
            }
        }
        String ws = "/api/v1/workspaces/" + workspace;

        List<Route> routes = List.of(
                new Route("GET workspace", EVERY_MEMBER, 200, (token, role) -> call(HttpMethod.GET, ws, token, null)),
                new Route("GET members", EVERY_MEMBER, 200, (token, role) -> call(HttpMethod.GET, ws + "/members", token, null)),
                new Route("GET assignable-users", MANAGERS, 200,
                        (token, role) -> call(HttpMethod.GET, ws + "/assignable-users", token, null)),
                new Route("GET audit-logs", MANAGERS, 200, (token, role) -> call(HttpMethod.GET, ws + "/audit-logs", token, null)),
                new Route("PATCH workspace", MANAGERS, 200,
                        (token, role) -> call(HttpMethod.PATCH, ws, token, Map.of("defaultTimezone", "Europe/Istanbul"))),
                new Route("POST members", MANAGERS, 201, (token, role) -> call(HttpMethod.POST, ws + "/members", token,
                        Map.of("userId", person("new").id().toString(), "role", "viewer"))),
                new Route("PATCH member", MANAGERS, 200, (token, role) -> call(HttpMethod.PATCH,
                        ws + "/members/" + addMember(admin, workspace, person("target").id(), "viewer"), token,
                        Map.of("role", "member"))),
                new Route("DELETE member", MANAGERS, 200, (token, role) -> call(HttpMethod.DELETE,
                        ws + "/members/" + addMember(admin, workspace, person("gone").id(), "viewer"), token, null)),
                new Route("GET teams", EVERY_MEMBER, 200, (token, role) -> call(HttpMethod.GET, ws + "/teams", token, null)),
                new Route("POST teams", MANAGERS, 201, (token, role) -> call(HttpMethod.POST, ws + "/teams", token,
                        Map.of("name", unique("team")))),
                new Route("PATCH team", MANAGERS, 200, (token, role) -> call(HttpMethod.PATCH,
                        ws + "/teams/" + createTeam(admin, workspace, unique("t")), token, Map.of("description", "d"))),
                new Route("DELETE team", MANAGERS, 200, (token, role) -> call(HttpMethod.DELETE,
                        ws + "/teams/" + createTeam(admin, workspace, unique("t")), token, null)),
                new Route("POST team member", MANAGERS, 201, (token, role) -> call(HttpMethod.POST,
                        ws + "/teams/" + createTeam(admin, workspace, unique("t")) + "/members", token,
                        Map.of("userId", people.get("viewer").id().toString()))),
                new Route("DELETE team member", MANAGERS, 200, (token, role) -> {
                    UUID team = createTeam(admin, workspace, unique("t"));
                    addTeamMember(admin, workspace, team, people.get("viewer").id());
                    return call(HttpMethod.DELETE, ws + "/teams/" + team + "/members/" + people.get("viewer").id(), token, null);
                }),
                new Route("DELETE workspace", MANAGERS, 200, (token, role) -> {
                    UUID doomed = createWorkspace(admin, unique("Doomed"));
                    if (!role.equals("outsider")) {
                        addMember(admin, doomed, people.get(role).id(), role);
                    }
                    return call(HttpMethod.DELETE, "/api/v1/workspaces/" + doomed, token, null);
                }));

        List<String> table = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            StringBuilder line = new StringBuilder(String.format("%-22s", route.name()));
            for (String role : ROLES) {
                int expected = route.allowed().contains(role) ? route.success() : role.equals("outsider") ? 404 : 403;
                int actual = route.call().apply(people.get(role).token(), role);
                line.append(String.format(" %s=%d", role, actual));
                if (actual != expected) {
                    wrong.add(route.name() + " as " + role + ": expected " + expected + ", got " + actual);
                }
            }
            table.add(line.toString());
        }
        System.out.println("Workspace role matrix (HTTP status per role):\n  " + String.join("\n  ", table));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPlatformAdminWhoIsNotAMemberMayStillActInTheWorkspace() {
        String admin = adminToken();
        Person owner = person("owner");
        UUID workspace = createWorkspace(admin, unique("Admin bypass"));
        addMember(admin, workspace, owner.id(), "owner");
        UUID membership = addMember(owner.token(), workspace, person("x").id(), "viewer");
        // the creating platform admin is owner here; this second platform admin is not a member at all
        String otherEmail = uniqueEmail("platform-admin");
        createUser(otherEmail, "platform-admin-password", true, io.nodeplane.events.user.UserRole.PLATFORM_ADMIN);
        String otherAdmin = login(otherEmail, "platform-admin-password");
        http.get().uri("/api/v1/workspaces/" + workspace).headers(h -> h.setBearerAuth(otherAdmin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.currentUserRole").doesNotExist();
        assertThat(call(HttpMethod.PATCH, "/api/v1/workspaces/" + workspace + "/members/" + membership, otherAdmin,
                Map.of("role", "admin"))).isEqualTo(200);
    }

    private int call(HttpMethod method, String path, String token, Object body) {
        var request = http.method(method).uri(path).headers(h -> h.setBearerAuth(token));
        var spec = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return spec.returnResult(String.class).getStatus().value();
    }
}
