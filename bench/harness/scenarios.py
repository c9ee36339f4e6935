"""What is measured: one scenario is a request pattern, a correctness check and a load driver."""
from dataclasses import dataclass
import http.client
import json
import random
import statistics
import subprocess
import time

import idle

PLAINTEXT = b"Hello, World!"
CHUNK = bytes(ord("a") + i % 26 for i in range(1023)) + b"\n"
UPLOAD = random.Random(9).randbytes(1 << 20)


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    method: str
    path: str
    connections: int = 64
    threads: int = 1
    baseline: str = "undertow-io"  # ratios in the table are against this variant (or "ideal")


SCENARIOS = (
    Scenario("plaintext", "Plaintext 'Hello, World!'", "GET", "/plaintext"),
    Scenario("json", "JSON {\"message\": ...}", "GET", "/json"),
    Scenario("echo", "1 MiB upload echoed back", "POST", "/echo"),
    Scenario("stream", "Streamed response, 64 chunks of 1 KiB", "GET", "/stream"),
    Scenario("static16k", "Static file, 16 KiB", "GET", "/static/16k.bin", baseline="nginx"),
    Scenario("static1m", "Static file, 1 MiB", "GET", "/static/1m.bin", baseline="nginx"),
    Scenario("slow", "Slow endpoint: each request sleeps 1 s, 2,000 connections", "GET", "/sleep",
             connections=2000, threads=2, baseline="ideal"),
    Scenario("idle", "Idle keep-alive connections: server memory per connection", "GET",
             "/plaintext"),
    Scenario("ws", "WebSocket echo, 64 connections, 32-byte text messages", "WS", "/ws"),
)
BY_NAME = {s.name: s for s in SCENARIOS}
SLOW_IDEAL = 2000.0  # connections / sleep


def ready(scenario, port, timeout=15.0):
    """Waits until the variant answers the scenario's request at all: a listening port is not
    always a server that has finished starting."""
    deadline = time.monotonic() + timeout
    while True:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/static/16k.bin" if scenario.name.startswith("static") else "/plaintext")
            if conn.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        if time.monotonic() > deadline:
            return  # the check that follows reports what is wrong
        time.sleep(0.2)


def check(scenario, port, ctx):
    """Raises AssertionError unless the variant answers this scenario correctly."""
    if scenario.name in ("idle", "ws"):
        return  # their drivers check the answers themselves
    body = UPLOAD if scenario.method == "POST" else None
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(scenario.method, scenario.path, body=body)
        response = conn.getresponse()
        got = response.read()
    finally:
        conn.close()
    assert response.status == 200, f"{scenario.path} answered {response.status}"
    expected = {
        "plaintext": PLAINTEXT,
        "echo": UPLOAD,
        "stream": CHUNK * 64,
        "slow": b"slept",
        "static16k": (ctx.static_dir / "16k.bin").read_bytes() if ctx.static_dir else None,
        "static1m": (ctx.static_dir / "1m.bin").read_bytes() if ctx.static_dir else None,
    }.get(scenario.name)
    if scenario.name == "json":
        assert json.loads(got) == {"message": "Hello, World!"}, f"/json answered {got[:80]!r}"
    else:
        assert got == expected, f"{scenario.path} answered {len(got)} bytes: {got[:40]!r}"


def warm_up(scenario, port, ctx, plan):
    """Load before the measured rounds. The slow endpoint has none of its own: it runs last, on
    servers the other scenarios warmed, and sleeping requests would spill into the first round."""
    if scenario.name != "slow":
        _runner(scenario)(scenario, port, ctx, plan.warmup)


def one_round(scenario, port, ctx, plan):
    duration = plan.slow_duration if scenario.name == "slow" else plan.duration
    result = _runner(scenario)(scenario, port, ctx, duration)
    # Sleeping requests of this round must not count against the next one.
    wait_quiet(3.0 if scenario.name == "slow" else 0.5)
    return result


def summarize(rounds):
    """The median round by throughput, with every round's throughput and their spread."""
    median = sorted(rounds, key=lambda r: r["rps"])[len(rounds) // 2]
    return {**median, "rounds_rps": [round(r["rps"], 1) for r in rounds], "spread": _spread(rounds)}


def _runner(scenario):
    return _ws_round if scenario.name == "ws" else _wrk_round


def _spread(rounds):
    values = [r["rps"] for r in rounds]
    mid = statistics.median(values)
    return round((max(values) - min(values)) / mid, 3) if mid else None


def _wrk_round(scenario, port, ctx, seconds):
    script = ctx.work_dir / ("wrk-post.lua" if scenario.method == "POST" else "wrk-get.lua")
    cmd = ["wrk", f"-t{scenario.threads}", f"-c{scenario.connections}", f"-d{seconds}s",
           "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}{scenario.path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    line = next((l for l in out.stdout.splitlines() if l.startswith("JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {out.stdout[-400:]} {out.stderr[-400:]}")
    s = json.loads(line[5:])
    errors = s["connect"] + s["read"] + s["write"] + s["timeout"] + s["status"]
    return {"rps": s["requests"] / (s["duration_us"] / 1e6), "p50_ms": s["p50_us"] / 1000,
            "p99_ms": s["p99_us"] / 1000, "requests": s["requests"], "errors": errors,
            "error_detail": {k: s[k] for k in ("connect", "read", "write", "timeout", "status") if s[k]},
            "mb_per_s": s["bytes"] / (s["duration_us"] / 1e6) / 1e6}


def _ws_round(scenario, port, ctx, seconds):
    cmd = [ctx.java, "-cp", ctx.classpath, "dev.jgi.bench.load.WebSocketLoad",
           "--uri", f"ws://127.0.0.1:{port}{scenario.path}", "--connections",
           str(scenario.connections), "--seconds", str(seconds)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    line = next((l for l in out.stdout.splitlines() if l.startswith("JSON ")), None)
    if line is None or out.returncode != 0:
        raise RuntimeError(f"WebSocket load failed: {out.stdout[-400:]} {out.stderr[-400:]}")
    s = json.loads(line[5:])
    return {"rps": s["messages"] / s["seconds"], "p50_ms": s["p50_us"] / 1000,
            "p99_ms": s["p99_us"] / 1000, "requests": s["messages"], "errors": s["errors"],
            "error_detail": {}, "mb_per_s": None}


WRK_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,' ..
    '"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(99)))
end
"""


def write_wrk_scripts(work_dir):
    (work_dir / "wrk-get.lua").write_text(WRK_DONE)
    (work_dir / "wrk-post.lua").write_text(
        'wrk.method = "POST"\nwrk.body = string.rep("x", 1048576)\n'
        'wrk.headers["Content-Type"] = "application/octet-stream"\n' + WRK_DONE)


def wait_quiet(seconds=1.0):
    """Lets TIME_WAIT sockets and GC settle between runs."""
    time.sleep(seconds)
