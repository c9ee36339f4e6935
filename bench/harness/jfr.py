"""Where the time goes: JDK Flight Recorder on each Java variant, summarised per variant as the
hottest methods and the share of CPU samples spent in each part of the stack."""
from collections import Counter
import dataclasses
import json
import subprocess
from pathlib import Path

# The parts of a server that CPU samples are charged to, by class-name prefix.
PARTS = (
    # The access log only: LogContext (same package) wraps every virtual thread a request runs on.
    ("JGI access log", ("dev.jgi.server.log.AccessLog", "dev.jgi.server.http.StaticAccessLog")),
    ("JGI server", ("dev.jgi.server.",)),
    ("JGI servlet bridge", ("dev.jgi.servlet.",)),
    ("application (bench app)", ("dev.jgi.bench.",)),
    ("JGI API values", ("dev.jgi.api.",)),
    ("Undertow/XNIO", ("io.undertow.", "org.xnio.")),
    ("Jetty", ("org.eclipse.jetty.",)),
    ("virtual-thread scheduling", ("java.util.concurrent.ForkJoin", "java.lang.VirtualThread")),
)


def enable(ctx, jfr_dir):
    jfr_dir.mkdir(parents=True, exist_ok=True)
    return dataclasses.replace(ctx, jfr_dir=jfr_dir)


def flags(ctx, variant):
    """JVM flags that record the variant for its whole life (CPU samples every millisecond)."""
    if ctx.jfr_dir is None:
        return ()
    return (f"-XX:StartFlightRecording=filename={ctx.jfr_dir / variant}.jfr,settings=profile,"
            "jdk.ExecutionSample#period=1ms,dumponexit=true",)


def hot_methods(ctx, variant):
    recording = ctx.jfr_dir / f"{variant}.jfr"
    if not recording.exists():
        print(f"JFR: no recording for {variant}", flush=True)
        return
    tool = str(Path(ctx.java).parent / "jfr")
    out = subprocess.run([tool, "print", "--json", "--stack-depth", "64", "--events",
                          "jdk.ExecutionSample", str(recording)],
                         capture_output=True, text=True, timeout=600)
    stacks = [[f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}"
               for f in e["values"]["stackTrace"]["frames"]]
              for e in json.loads(out.stdout)["recording"]["events"] if e["values"].get("stackTrace")]
    summary = ctx.jfr_dir / f"{variant}-hot-methods.txt"
    summary.write_text(_summary(variant, stacks))
    print(f"JFR: {summary}", flush=True)


def _part(stack):
    log_name, log_prefixes = PARTS[0]
    if any(frame.startswith(log_prefixes) for frame in stack):
        return log_name
    for frame in stack:  # frame 0 is the top: the method that was running
        for name, prefixes in PARTS[1:]:
            if frame.startswith(prefixes):
                return name
    return "other (JDK only: I/O, GC, JIT)"


def _summary(variant, stacks):
    total = len(stacks) or 1
    parts = Counter()
    for stack in stacks:
        parts[_part(stack)] += 1
    own = Counter(stack[0] for stack in stacks if stack)
    lines = [f"{variant}: {len(stacks)} CPU samples", "",
             "share of samples by the code that spent them (the frame nearest the top of the stack that "
             "belongs to one of these parts; the access log counts wherever it is on the stack):"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in parts.most_common()]
    lines += ["", "hottest methods (self time):"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in own.most_common(25)]
    return "\n".join(lines) + "\n"
