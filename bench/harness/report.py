"""results.md, results.json and results.svg from one run's measurements."""
import datetime
import json
import os
import platform
import subprocess

import plot
import scenarios
import variants

# (description, variant, scenario, metric, baseline variant or number, comparison, bound).
# The bounds are issue 17's: no measurable cost over hand-written Undertow.
TARGETS = (
    ("sync app >= 0.95x raw Undertow, virtual thread + write on the IO thread",
     "jgi-sync", "plaintext", "rps", "undertow-vthread", ">=", 0.95),
    ("sync app >= 1.0x raw Jetty 12.1 core on virtual threads",
     "jgi-sync", "plaintext", "rps", "jetty-vthread", ">=", 1.0),
    ("sync app >= 6x gunicorn", "jgi-sync", "plaintext", "rps", "gunicorn", ">=", 6.0),
    ("async app >= 0.95x raw Undertow on the IO thread",
     "jgi-async", "plaintext", "rps", "undertow-io", ">=", 0.95),
    ("servlet bridge on Jetty >= 0.9x raw Jetty 12.1 core",
     "jgi-servlet", "plaintext", "rps", "jetty-vthread", ">=", 0.9),
    ("slow endpoint, sync app >= 0.95x ideal (what a perfect server completes in the round)",
     "jgi-sync", "slow", "rps", "ideal", ">=", 0.95),
    ("slow endpoint, async app >= 0.95x ideal (what a perfect server completes in the round)",
     "jgi-async", "slow", "rps", "ideal", ">=", 0.95),
    ("async 1 MiB upload >= 0.9x raw Undertow's worker pool",
     "jgi-async", "echo", "rps", "undertow-worker", ">=", 0.9),
    ("sync streamed response >= 0.9x raw Undertow's worker pool",
     "jgi-sync", "stream", "rps", "undertow-worker", ">=", 0.9),
    ("16 KiB static file >= 1.0x nginx", "jgi-static", "static16k", "rps", "nginx", ">=", 1.0),
    ("16 KiB static file, p99 <= 1.5x nginx", "jgi-static", "static16k", "p99_ms", "nginx", "<=", 1.5),
    ("1 MiB static file >= 1.0x nginx", "jgi-static", "static1m", "rps", "nginx", ">=", 1.0),
    ("p99 at 64 connections, sync app <= 1.5x raw Undertow (IO thread)",
     "jgi-sync", "plaintext", "p99_ms", "undertow-io", "<=", 1.5),
    ("p99 at 64 connections, async app <= 1.5x raw Undertow (IO thread)",
     "jgi-async", "plaintext", "p99_ms", "undertow-io", "<=", 1.5),
    ("HTTP/2 over TLS, sync app >= 0.95x raw Undertow h2", "jgi-sync-h2", "h2", "rps", "undertow-h2", ">=", 0.95),
    ("mixed load, p99 of the fast routes <= 1.5x raw Undertow",
     "jgi-mixed", "mixed", "p99_ms", "undertow-mixed", "<=", 1.5),
    ("memory per idle connection <= 1.2x raw Undertow (IO thread)",
     "jgi-sync", "idle", "kib_per_connection", "undertow-io", "<=", 1.2),
    ("start-up to the first 200 <= 1.0x raw Undertow", "jgi-sync", "startup", "startup_s", "undertow-io", "<=", 1.0),
)


def one_line(r):
    if "startup_s" in r:
        return f"{r['startup_s']:.2f} s to the first 200 (starts {r['starts_s']})"
    if r.get("rps") is None:
        return (f"{r['kib_per_connection']:.1f} KiB/connection "
                f"({r.get('answered', r['connections'])}/{r['connections']} answered, {r['open']} still open)")
    return (f"{r['rps']:>10,.0f} req/s  p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms  "
            f"errors {r['errors']}  rounds {r.get('rounds_rps')}")


def _find(results, variant, scenario):
    return next((r for r in results if r["variant"] == variant and r["scenario"] == scenario), None)


def targets(results):
    rows = []
    for text, variant, scenario, metric, base, op, bound in TARGETS:
        r = _find(results, variant, scenario)
        b = r and r.get("ideal_rps") if base == "ideal" else (_find(results, base, scenario) or {}).get(metric)
        if r is None or not b:
            rows.append({"target": text, "ratio": None, "met": None})
            continue
        ratio = r[metric] / b
        rows.append({"target": text, "ratio": round(ratio, 3),
                     "met": ratio >= bound if op == ">=" else ratio <= bound})
    return rows


def _environment(plan, mode, load_before):
    def first_line(cmd):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
            return (out.stdout + out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "unknown"
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")),
               platform.processor())
    return {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "mode": mode, "plan": plan, "cpu": cpu, "cores": os.cpu_count(),
            "kernel": platform.release(), "java": first_line([os.environ["JAVA_HOME"] + "/bin/java", "-version"]),
            "wrk": first_line(["wrk", "-v"]), "load": load_before}


def write(out_dir, plan, mode, results, skipped, failures, load_before):
    env = _environment(plan, mode, load_before)
    env["load_after"] = os.getloadavg()[0]
    goal_rows = targets(results)
    data = {"environment": env, "results": results, "targets": goal_rows, "skipped": skipped,
            "failures": failures}
    (out_dir / "results.json").write_text(json.dumps(data, indent=1) + "\n")
    plot.write_svg(out_dir / "results.svg", results)
    (out_dir / "results.md").write_text(_markdown(env, results, goal_rows, skipped, failures))


def _fmt(x, digits=2):
    return "—" if x is None else f"{x:,.{digits}f}"


def _markdown(env, results, goal_rows, skipped, failures):
    plan = env["plan"]
    lines = [
        "# JGI benchmark results", "",
        f"Run {env['date']}, `bench/run --{env['mode']}`: {env['cores']} cores ({env['cpu']}), "
        f"kernel {env['kernel']}, {env['java']}, {env['wrk']}; load average before the run "
        f"{env['load']:.2f}, after it {env['load_after']:.2f}. Every server on 127.0.0.1; all run at once, one is measured at a time, rounds interleaved across variants. Each scenario: "
        f"{plan['warmup']} s warm-up, then {plan['rounds']} round(s) of {plan['duration']} s "
        f"(slow endpoint {plan['slow_duration']} s); the table shows the median round by "
        "throughput. Ratios compare figures of this run only.", "",
        "![throughput per scenario](results.svg)", "",
        "## Targets", "", "| target | ratio | met |", "|---|---|---|",
    ]
    for row in goal_rows:
        met = "not measured" if row["met"] is None else ("yes" if row["met"] else "**no**")
        lines.append(f"| {row['target']} | {_fmt(row['ratio'], 2)}{'×' if row['ratio'] else ''} | {met} |")
    for s in scenarios.SCENARIOS:
        rows = [r for r in results if r["scenario"] == s.name]
        if not rows:
            continue
        lines += ["", f"## {s.title}", ""]
        if s.name == "idle":
            base = _find(results, s.baseline, s.name)
            lines += [f"`{plan['idle_connections']}` connections, one request each, then idle 2 s; "
                      "RSS of the server's process tree before and after.", "",
                      "| variant | KiB per connection | answered | still open | RSS before | RSS after | × undertow-io |",
                      "|---|---|---|---|---|---|---|"]
            for r in rows:
                ratio = r["kib_per_connection"] / base["kib_per_connection"] if base and base["kib_per_connection"] > 0 else None
                lines.append(f"| {_label(r)} | {r['kib_per_connection']:.1f} | {r.get('answered', r['connections'])} "
                             f"| {r['open']}/{r['connections']} "
                             f"| {r['rss_before_kib'] / 1024:.0f} MiB | {r['rss_after_kib'] / 1024:.0f} MiB "
                             f"| {_fmt(ratio)} |")
            continue
        if s.name == "startup":
            base = _find(results, s.baseline, s.name)
            lines += [f"Each variant started {plan['rounds']} times afresh, the others idle; polled every 5 ms.", "",
                      "| variant | median s | starts (s) | spread | × undertow-io |", "|---|---|---|---|---|"]
            for r in sorted(rows, key=lambda r: r["startup_s"]):
                ratio = r["startup_s"] / base["startup_s"] if base else None
                lines.append(f"| {_label(r)} | {r['startup_s']:.2f} | {', '.join(f'{t:.2f}' for t in r['starts_s'])} "
                             f"| {r['spread']:.0%} | {_fmt(ratio)} |")
            continue
        lines += _throughput_table(s, rows, results)
    present = [v for v in variants.VARIANTS if any(r["variant"] == v.name for r in results)]
    lines += ["", "## Variants", ""] + [f"- `{v.name}`: {v.label}" for v in present]
    if skipped:
        lines += ["", "## Skipped", ""] + [f"- {s['variant']}: {s['reason']}" for s in skipped]
    if failures:
        lines += ["", "## Broken", ""] + [f"- {f['variant']} / {f['scenario']}: {f['error']}" for f in failures]
    return "\n".join(lines) + "\n"


def _throughput_table(s, rows, results):
    base_name = "ideal" if s.baseline == "ideal" else s.baseline
    load = {"ws": "JDK WebSocket client",
            "h2": f"h2load, 1 thread, {s.connections} connections x {scenarios.H2_STREAMS} streams",
            "mixed": f"wrk: {scenarios.MIXED_SLOW_CONNECTIONS:,} connections on `/sleep`, {s.connections} on "
                     f"`/plaintext` and {s.connections} on `/static/16k.bin` at once; req/s and p99 are the "
                     "fast routes'"}.get(s.name, f"{s.threads} wrk thread(s), {s.connections} connections")
    mixed = s.name == "mixed"
    extra = " /plaintext p99 ms | static p99 ms | slow req/s |" if mixed else ""
    ideal = next((r["ideal_rps"] for r in rows if r.get("ideal_rps")), None)
    window = (f" The ideal is {ideal:,.0f} req/s: {scenarios.SLOW_CONNECTIONS:,} connections each complete one "
              f"request per {scenarios.SLOW_SLEEP_S:g} s, and the one still sleeping when the round ends does not count."
              if s.baseline == "ideal" and ideal else "")
    lines = [f"{load}; `{s.method} {s.path}`.{window}", "",
             f"| variant | {s.unit} | p50 ms | p99 ms |{extra} errors | rounds | spread | × {base_name} |",
             "|---|---|---|---|" + ("---|---|---|" if mixed else "") + "---|---|---|---|"]
    base = ideal if s.baseline == "ideal" else (_find(results, s.baseline, s.name) or {}).get("rps")
    for r in sorted(rows, key=lambda r: -r["rps"]):
        detail = ", ".join(f"{k} {v}" for k, v in r["error_detail"].items())
        cells = (f" {r['dynamic_p99_ms']:.2f} | {r['static_p99_ms']:.2f} | {r['slow_rps']:,.0f} |" if mixed else "")
        spread = f"{r['spread']:.0%}" if r.get("spread") is not None else "—"
        lines.append(f"| {_label(r)} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} |{cells} "
                     f"{r['errors']}{' (' + detail + ')' if detail else ''} | "
                     f"{', '.join(f'{x:,.0f}' for x in r['rounds_rps'])} | {spread} | "
                     f"{_fmt(r['rps'] / base) if base else '—'} |")
    return lines


def _label(r):
    v = variants.BY_NAME[r["variant"]]
    return f"**{v.name}**" if v.family == "jgi" else v.name
