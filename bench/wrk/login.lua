-- wrk script: POST /api/v1/auth/login with the credentials in EMAIL and PASSWORD.
--   EMAIL=admin@localhost PASSWORD=... wrk -t2 -c16 -d30s -s bench/wrk/login.lua http://127.0.0.1:3000
wrk.method = "POST"
wrk.path = "/api/v1/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("EMAIL"), os.getenv("PASSWORD"))

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency)
  io.write(string.format("requests/s: %.1f  p50: %.1f ms  p99: %.1f ms  max: %.1f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
