"""The JMH micro-benchmarks of bench/jmh, run with the GC profiler for allocation per operation."""
import json
import subprocess

QUICK_ARGS = ["-f", "1", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms"]


def run(ctx, out_dir, quick):
    jar = ctx.root / "bench" / "jmh" / "target" / "jgi-bench-jmh.jar"
    raw = out_dir / "jmh.json"
    cmd = [ctx.java, "-jar", str(jar), *(QUICK_ARGS if quick else []), "-prof", "gc",
           "-rf", "json", "-rff", str(raw)]
    print("JMH: " + " ".join(cmd[1:]), flush=True)
    with open(ctx.work_dir / "jmh.log", "wb") as log:
        if subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, timeout=3600).returncode != 0:
            raise RuntimeError(f"JMH failed; see {ctx.work_dir / 'jmh.log'}")
    rows = [_row(b) for b in json.loads(raw.read_text())]
    lines = ["# JMH micro-benchmarks: the per-request hot path", "",
             "`bench/run --jmh` (`java -jar bench/jmh/target/jgi-bench-jmh.jar -prof gc`); "
             + ("tiny quick settings, figures not meaningful." if quick else
                "1 fork, 3 × 1 s warm-up, 5 × 1 s measurement per benchmark.") +
             " Allocation is `gc.alloc.rate.norm`: bytes allocated per operation.", "",
             "| benchmark | ns/op | ± (99.9%) | B/op |", "|---|---|---|---|"]
    for name, score, error, alloc in rows:
        lines.append(f"| {name} | {score:,.1f} | {error:,.1f} | {alloc:,.0f} |")
    (out_dir / "jmh.md").write_text("\n".join(lines) + "\n")
    for name, score, _, alloc in rows:
        print(f"JMH {name:55} {score:10,.1f} ns/op {alloc:8,.0f} B/op", flush=True)
    return rows


def _row(b):
    metric = b["primaryMetric"]
    alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    error = metric.get("scoreError")
    error = 0.0 if error in (None, "NaN") or error != error else error
    return b["benchmark"].replace("dev.jgi.bench.jmh.", ""), metric["score"], error, alloc
