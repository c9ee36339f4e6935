"""What is measured: one scenario is a request pattern, a correctness check and a load driver."""
from collections import Counter
from dataclasses import dataclass
import http.client
import json
import math
import random
import re
import ssl
import statistics
import subprocess
import time

import idle
import processes

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
    metric: str = "rps"  # what the plot draws; idle and startup: lower is better
    unit: str = "req/s"


SLOW_CONNECTIONS = 2000
SLOW_SLEEP_S = 1.0  # what /sleep sleeps
SCENARIOS = (
    Scenario("plaintext", "Plaintext 'Hello, World!'", "GET", "/plaintext"),
    Scenario("json", "JSON {\"message\": ...}", "GET", "/json"),
    Scenario("echo", "1 MiB upload echoed back", "POST", "/echo"),
    Scenario("stream", "Streamed response, 64 chunks of 1 KiB", "GET", "/stream"),
    Scenario("static16k", "Static file, 16 KiB", "GET", "/static/16k.bin", baseline="nginx"),
    Scenario("static1m", "Static file, 1 MiB", "GET", "/static/1m.bin", baseline="nginx"),
    Scenario("slow", "Slow endpoint: each request sleeps 1 s, 2,000 connections", "GET", "/sleep",
             connections=SLOW_CONNECTIONS, threads=2, baseline="ideal"),
    Scenario("idle", "Idle keep-alive connections: server memory per connection", "GET",
             "/plaintext", metric="kib_per_connection", unit="KiB/conn"),
    Scenario("ws", "WebSocket echo, 64 connections, 32-byte text messages", "WS", "/ws", unit="msg/s"),
    Scenario("h2", "HTTP/2 over TLS (h2load): 'Hello, World!', 16 connections x 16 streams", "H2",
             "/plaintext", connections=16, baseline="undertow-h2"),
    Scenario("mixed", "Mixed: 1,000 slow requests in flight while 32 + 32 connections load "
             "/plaintext and a 16 KiB static file", "MIXED", "/plaintext", connections=32,
             baseline="undertow-mixed"),
    Scenario("startup", "Start-up: from exec to the first 200 of /plaintext", "START", "/plaintext",
             metric="startup_s", unit="s"),
)
BY_NAME = {s.name: s for s in SCENARIOS}
# The bench's own throw-away certificate, on loopback.
_TRUST_ANY = ssl._create_unverified_context()
def slow_ideal(seconds):
    """The most a perfect server can complete per second in a round of `seconds`: each connection
    finishes one request per sleep, and the request still sleeping when the round ends is not
    counted. A 12 s round allows 11 per connection: 1,833 req/s, not 2,000."""
    return SLOW_CONNECTIONS * (math.ceil(seconds / SLOW_SLEEP_S) - 1) / seconds


H2_STREAMS = 16  # concurrent streams per HTTP/2 connection
MIXED_SLOW_CONNECTIONS = 1000


def ready(scenario, port, timeout=15.0, poll=0.2, alive=lambda: True):
    """Waits until the variant answers the scenario's request at all: a listening port is not
    always a server that has finished starting. False if time ran out or the process ended."""
    deadline = time.monotonic() + timeout
    while alive():
        conn = (http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=_TRUST_ANY)
                if scenario.name == "h2" else http.client.HTTPConnection("127.0.0.1", port, timeout=5))
        try:
            conn.request("GET", "/static/16k.bin" if scenario.name.startswith("static") else "/plaintext")
            if conn.getresponse().status == 200:
                return True
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        if time.monotonic() > deadline:
            return False  # the caller's check reports what is wrong
        time.sleep(poll)
    return False


def check(scenario, port, ctx):
    """Raises AssertionError unless the variant answers this scenario correctly."""
    if scenario.name in ("idle", "ws", "h2", "startup"):
        return  # their drivers check the answers themselves
    if scenario.name == "mixed":
        check(BY_NAME["static16k"], port, ctx)
        check(BY_NAME["slow"], port, ctx)
        scenario = BY_NAME["plaintext"]
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
    if scenario.name not in ("slow", "startup"):
        _runner(scenario)(scenario, port, ctx, plan.warmup)


def one_round(scenario, port, ctx, plan):
    duration = plan.slow_duration if scenario.name == "slow" else plan.duration
    result = _runner(scenario)(scenario, port, ctx, duration)
    if scenario.baseline == "ideal":
        result["ideal_rps"] = round(slow_ideal(duration), 1)
    # Sleeping requests of this round must not count against the next one.
    wait_quiet(3.0 if scenario.name == "slow" else 0.5)
    return result


def summarize(rounds):
    """The median round by throughput, with every round's throughput and their spread."""
    median = sorted(rounds, key=lambda r: r["rps"])[len(rounds) // 2]
    return {**median, "rounds_rps": [round(r["rps"], 1) for r in rounds], "spread": _spread(rounds)}


def _runner(scenario):
    return {"ws": _ws_round, "h2": _h2_round, "mixed": _mixed_round}.get(scenario.name, _wrk_round)


def _spread(rounds):
    values = [r["rps"] for r in rounds]
    mid = statistics.median(values)
    return round((max(values) - min(values)) / mid, 3) if mid else None


def _wrk_round(scenario, port, ctx, seconds):
    return _wrk_result(_wrk_start(scenario.method, scenario.path, scenario.connections, scenario.threads,
                                  port, ctx, seconds))


def _wrk_start(method, path, connections, threads, port, ctx, seconds):
    script = ctx.work_dir / ("wrk-post.lua" if method == "POST" else "wrk-get.lua")
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s",
           "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}{path}"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), seconds


def _wrk_result(started):
    proc, seconds = started
    try:
        stdout, stderr = proc.communicate(timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    line = next((l for l in stdout.splitlines() if l.startswith("JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {stdout[-400:]} {stderr[-400:]}")
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


def _mixed_round(scenario, port, ctx, seconds):
    """The fast routes' latency while slow requests hold connections and threads: the slow load
    starts a second early so that its requests are in flight before the measurement begins."""
    slow = _wrk_start("GET", "/sleep", MIXED_SLOW_CONNECTIONS, 1, port, ctx, seconds + 2)
    time.sleep(1.0)
    dynamic = _wrk_start("GET", scenario.path, scenario.connections, 1, port, ctx, seconds)
    static = _wrk_start("GET", BY_NAME["static16k"].path, scenario.connections, 1, port, ctx, seconds)
    dynamic, static, slow = _wrk_result(dynamic), _wrk_result(static), _wrk_result(slow)
    return {"rps": dynamic["rps"] + static["rps"], "p50_ms": dynamic["p50_ms"],
            "p99_ms": max(dynamic["p99_ms"], static["p99_ms"]), "requests": dynamic["requests"] + static["requests"],
            "errors": dynamic["errors"] + static["errors"] + slow["errors"],
            "error_detail": dict(sum((Counter(r["error_detail"]) for r in (dynamic, static, slow)), Counter())),
            "mb_per_s": dynamic["mb_per_s"] + static["mb_per_s"],
            "dynamic_rps": dynamic["rps"], "dynamic_p99_ms": dynamic["p99_ms"],
            "static_rps": static["rps"], "static_p99_ms": static["p99_ms"], "slow_rps": slow["rps"]}


def _h2_round(scenario, port, ctx, seconds):
    """h2load reports no percentiles; its per-request log (one line per request, the microseconds
    until the end of the response in the third column) gives them."""
    log = ctx.work_dir / "h2load-requests.log"
    cmd = ["h2load", "-t1", f"-c{scenario.connections}", f"-m{H2_STREAMS}", f"-D{seconds}",
           f"--log-file={log}", f"https://127.0.0.1:{port}{scenario.path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    text = out.stdout
    finished = re.search(r"finished in [0-9.]+m?s, ([0-9.]+) req/s, ([0-9.]+)([KMG]?)B/s", text)
    counts = re.search(r"requests: (\d+) total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, "
                       r"(\d+) errored, (\d+) timeout", text)
    codes = re.search(r"status codes: \d+ 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", text)
    if out.returncode != 0 or not finished or not counts or not codes:
        raise RuntimeError(f"h2load failed: {text[-400:]} {out.stderr[-400:]}")
    if "Application protocol: h2" not in text:
        raise RuntimeError("h2load did not negotiate h2: " + text[-400:])
    micros = sorted(int(line.split("\t")[2]) for line in log.read_text().splitlines() if line.count("\t") >= 2)
    log.unlink()
    failed, errored, timeout = (int(x) for x in counts.groups()[3:])
    not_2xx = sum(int(x) for x in codes.groups())
    scale = {"": 1e-6, "K": 1e-3, "M": 1.0, "G": 1e3}[finished.group(3)]
    return {"rps": float(finished.group(1)), "p50_ms": _percentile(micros, 50) / 1000,
            "p99_ms": _percentile(micros, 99) / 1000, "requests": int(counts.group(2)),
            "errors": failed + errored + timeout + not_2xx,
            "error_detail": {k: v for k, v in (("failed", failed), ("errored", errored), ("timeout", timeout),
                                               ("status", not_2xx)) if v},
            "mb_per_s": float(finished.group(2)) * scale}


def _percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return float(sorted_values[min(len(sorted_values) - 1, len(sorted_values) * p // 100)])


def startup(variant_command, variant_name, ctx, starts):
    """Seconds from exec to the first 200 of /plaintext, each time in a fresh process; every other
    variant is idle meanwhile."""
    times = []
    for i in range(starts):
        port = processes.free_port()
        started = time.monotonic()
        server = processes.Server(f"{variant_name}-start", variant_command(port),
                                  ctx.work_dir / f"{variant_name}-start-{i}.log", cwd=ctx.work_dir)
        try:
            if not ready(BY_NAME["plaintext"], port, timeout=60, poll=0.005, alive=server.alive):
                raise RuntimeError(f"no 200 within 60 s: {server.log_tail()}")
            times.append(time.monotonic() - started)
        finally:
            server.stop()
        wait_quiet(1.0)
    return {"rps": None, "startup_s": statistics.median(times), "starts_s": [round(t, 3) for t in times],
            "spread": round((max(times) - min(times)) / statistics.median(times), 3)}


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
