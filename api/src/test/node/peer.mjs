// A Noderax agent and a Noderax dashboard, as the real ones use socket.io-client, against a running Nodeplane.
// usage: node peer.mjs <baseUrl> <userJwt> <workspaceId> <nodeId> <agentToken>
// Prints one JSON line with what it saw; exits 1 with a message when a step fails or times out.
import { io } from "socket.io-client";

const [baseUrl, jwt, workspaceId, nodeId, agentToken] = process.argv.slice(2);
const seen = { preflightSid: false, dashboardConnected: false, authAck: null, pingAcks: 0, metricAcks: 0,
  metricsIngested: 0, statuses: [], unknownEventError: null };
const fail = (message) => { console.log(JSON.stringify({ ok: false, message, seen })); process.exit(1); };
setTimeout(() => fail("timed out"), 30000);
const until = (condition) => new Promise((resolve) => {
  const check = () => (condition() ? resolve() : setTimeout(check, 20));
  check();
});

// the agent's pre-flight: the polling handshake must answer 200 with a sid
const preflight = await fetch(`${baseUrl}/socket.io/?EIO=4&transport=polling`);
seen.preflightSid = preflight.status === 200 && (await preflight.text()).includes('"sid"');

// the dashboard: websocket only, JWT in auth, auto-joined to its workspaces
const dashboard = io(`${baseUrl}/realtime`, { transports: ["websocket"], auth: { token: jwt }, reconnection: false });
dashboard.on("connect_error", (e) => fail(`dashboard connect_error: ${e.message}`));
dashboard.on("metrics.ingested", (m) => { if (m.nodeId === nodeId && m.workspaceId === workspaceId) seen.metricsIngested++; });
dashboard.on("node.status.updated", (n) => { if (n.id === nodeId) seen.statuses.push(n.status); });
await new Promise((resolve) => dashboard.on("connect", resolve));
seen.dashboardConnected = true;
const subscribed = await dashboard.timeout(5000).emitWithAck("subscribe.node", { nodeId });
if (!subscribed.subscribed) fail(`subscribe.node refused: ${JSON.stringify(subscribed)}`);

// the agent: websocket only, no auto-reconnect, agent.auth first, then pings and metrics
const agent = io(`${baseUrl}/agent-realtime`, { transports: ["websocket"], reconnection: false });
await new Promise((resolve) => agent.on("connect", resolve));
agent.on("agent.auth.error", (e) => fail(`agent.auth.error: ${e.message}`));
agent.on("agent.error", (e) => { seen.unknownEventError = e; });
const ack = new Promise((resolve) => agent.on("agent.auth.ack", resolve));
agent.emit("agent.auth", { type: "agent.auth", nodeId, agentToken, agentVersion: "1.0.8", platformVersion: "24.04",
  kernelVersion: "6.8.0" });
seen.authAck = await ack;
for (let i = 0; i < 3; i++) {
  const pong = await agent.timeout(5000).emitWithAck("agent.ping", { type: "agent.ping", timestamp: new Date().toISOString() });
  if (pong.ok) seen.pingAcks++;
  const iface = { name: "eth0", bytesRecv: 1000 * i, bytesSent: 500 * i };
  const stored = await agent.timeout(5000).emitWithAck("agent.metrics", { type: "agent.metrics", nodeId, agentToken,
    agentVersion: "1.0.8", timestamp: new Date().toISOString(), cpuUsage: 10 + i, memoryUsage: 40, diskUsage: 70,
    temperature: 50, networkStats: [iface], networks: [iface] });
  if (stored.ok && stored.nodeId === nodeId) seen.metricAcks++;
}
agent.emit("agent.unheard-of", { type: "agent.unheard-of" });
await until(() => seen.unknownEventError !== null && seen.metricsIngested >= 3 && seen.statuses.includes("online"));
agent.disconnect();
await until(() => seen.statuses.at(-1) === "offline");
dashboard.disconnect();
console.log(JSON.stringify({ ok: true, seen }));
process.exit(0);
