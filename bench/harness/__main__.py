"""bench/run: builds, starts each variant on loopback, drives it, and writes the results."""
import argparse
import dataclasses
from dataclasses import dataclass, asdict
import os
from pathlib import Path
import random
import shutil
import signal
import subprocess
import sys
import time

import build
import idle
import jmh
import processes
import jfr
import report
import scenarios
import soak
import variants


@dataclass(frozen=True)
class Plan:
    warmup: int
    duration: int
    slow_duration: int
    rounds: int
    idle_connections: int
    default_scenarios: tuple


QUICK = Plan(warmup=1, duration=2, slow_duration=4, rounds=1, idle_connections=200,
             default_scenarios=("plaintext", "static16k"))
FULL = Plan(warmup=5, duration=8, slow_duration=12, rounds=5, idle_connections=10000,
            default_scenarios=tuple(s.name for s in scenarios.SCENARIOS))
ORDER = ("idle", "plaintext", "json", "echo", "stream", "static16k", "static1m", "ws", "h2", "mixed", "slow",
         "startup")


@dataclass
class Context:
    root: Path
    work_dir: Path
    static_dir: Path
    java: str
    classpath: str
    jvm_flags: tuple = ()
    jfr_dir: Path = None
    tls_dir: Path = None


def main():
    # A stopped run still stops every server it started (the finally blocks run on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args = _parse()
    root = Path(__file__).resolve().parents[2]
    plan = FULL if args.full else QUICK
    out_dir = Path(args.out) if args.out else (
        root / "docs" / "benchmarks" if args.full else root / "bench" / "target" / "quick")
    work = root / "bench" / "target" / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = tuple(args.only.split(",")) if args.only else plan.default_scenarios
    unknown = [s for s in wanted if s not in scenarios.BY_NAME]
    chosen = [v for v in variants.VARIANTS if not args.variants or v.name in args.variants.split(",")]
    if unknown or (args.variants and not chosen):
        sys.exit(f"unknown scenario or variant: {unknown or args.variants}")

    started = time.monotonic()
    load_before = os.getloadavg()[0]
    log = work / "build.log"
    classes = root / "bench" / "variants" / "target"
    built_profiles = classes / "jgi-profiles.txt"
    if args.no_build:
        if not built_profiles.exists():
            sys.exit("--no-build: nothing built yet; run bench/run once without it")
        profiles, missing = built_profiles.read_text().split(), {}
    else:
        print("building (log: bench/target/work/build.log) ...", flush=True)
        profiles, missing = build.build(root, log)
        built_profiles.write_text(" ".join(profiles) + "\n")
    ctx = Context(root=root, work_dir=work, static_dir=_static_files(work),
                  java=str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"),
                  classpath=_snapshot_classpath(classes, work / "lib"),
                  # As bin/jgi gives the server: the socket descriptors it corks large files on.
                  jvm_flags=("--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED"))
    scenarios.write_wrk_scripts(work)
    if "h2" in wanted:
        ctx = dataclasses.replace(ctx, tls_dir=_tls_material(work))
    if args.jfr:
        ctx = jfr.enable(ctx, out_dir / "jfr")

    results, skipped, failures = [], [], []
    available = []
    for variant in chosen:
        if not any(name in wanted for name in variant.scenarios):
            continue
        reason = _unavailable(variant, profiles, missing)
        if reason:
            print(f"SKIP {variant.name}: {reason}", flush=True)
            skipped.append({"variant": variant.name, "reason": reason})
        else:
            available.append(variant)
    running = _start_all(available, ctx, failures)
    try:
        for name in (n for n in ORDER if n in wanted):
            _run_scenario(scenarios.BY_NAME[name], running, ctx, plan, results, failures)
    finally:
        for r in running:
            r.server.stop()
            if ctx.jfr_dir and r.variant.main:
                jfr.hot_methods(ctx, r.variant.name)

    if args.jmh:
        try:
            jmh.run(ctx, out_dir, quick=not args.full)
        except (RuntimeError, OSError, ValueError) as e:
            failures.append({"variant": "jmh", "scenario": "jmh", "error": str(e)})
    soak_seconds = args.soak if args.soak is not None else (soak.FULL_SECONDS if args.full and not args.only else 0)
    if soak_seconds > 0:
        try:
            soak.run(ctx, out_dir, soak_seconds)
        except (RuntimeError, OSError) as e:
            failures.append({"variant": "blog", "scenario": "soak", "error": str(e)})
    report.write(out_dir, plan=asdict(plan), mode="full" if args.full else "quick",
                 results=results, skipped=skipped, failures=failures, load_before=load_before)
    print(f"wrote {out_dir}/results.md, results.json, results.svg "
          f"in {time.monotonic() - started:.0f} s", flush=True)
    for failure in failures:
        print(f"BROKEN {failure['variant']} {failure['scenario']}: {failure['error']}", file=sys.stderr)
    sys.exit(1 if failures else 0)


@dataclass
class Running:
    variant: variants.Variant
    server: processes.Server
    port: int
    broken: bool = False


def _start_all(available, ctx, failures):
    """Every variant runs at once, idle until its turn, so that rounds interleave across variants:
    a disturbance from outside (other work on the machine) then hits all of them alike, instead of
    whichever variant happened to be measured at that moment."""
    running = []
    for variant in available:
        port = processes.free_port()
        server = processes.Server(variant.name, variants.command(variant, port, ctx),
                                  ctx.work_dir / f"{variant.name}.log", cwd=ctx.work_dir)
        if not processes.wait_for_port(port, server.proc):
            failures.append({"variant": variant.name, "scenario": "start",
                             "error": "did not start: " + server.log_tail()})
            print(f"BROKEN {variant.name}: did not start", flush=True)
            server.stop()
            continue
        first = next(s for s in ORDER if s in variant.scenarios)
        scenarios.ready(scenarios.BY_NAME[first], port)
        running.append(Running(variant, server, port))
    return running


def _run_scenario(scenario, running, ctx, plan, results, failures):
    group = [r for r in running if scenario.name in r.variant.scenarios and not r.broken]
    group = [r for r in group if _checked(r, scenario, ctx, failures)]
    if scenario.name == "startup":
        fresh = dataclasses.replace(ctx, jfr_dir=None)  # a fresh copy must not overwrite the recording
        for r in group:
            result = _guard(r, scenario, failures, scenarios.startup,
                            lambda port, v=r.variant: variants.command(v, port, fresh), r.variant.name, ctx,
                            plan.rounds)
            if result:
                _record(r, scenario, result, results)
        return
    if scenario.name == "idle":
        for r in group:
            result = _guard(r, scenario, failures, idle.measure, r.server, r.port, plan.idle_connections)
            if result:
                _record(r, scenario, result, results)
        return
    for r in group:
        _guard(r, scenario, failures, scenarios.warm_up, scenario, r.port, ctx, plan)
    rounds = {r.variant.name: [] for r in group}
    for i in range(plan.rounds):
        for r in (r for r in group if not r.broken):
            result = _guard(r, scenario, failures, scenarios.one_round, scenario, r.port, ctx, plan)
            if result:
                rounds[r.variant.name].append(result)
                print(f"  round {i + 1}/{plan.rounds} {scenario.name:10} {r.variant.name:18} "
                      f"{result['rps']:>10,.0f}/s", flush=True)
    for r in group:
        if not r.broken and rounds[r.variant.name]:
            _record(r, scenario, scenarios.summarize(rounds[r.variant.name]), results)


def _checked(r, scenario, ctx, failures):
    """A wrong answer leaves the variant out of this scenario (and fails the run), not out of the
    scenarios after it."""
    try:
        scenarios.check(scenario, r.port, ctx)
        return True
    except (AssertionError, OSError) as e:
        failures.append({"variant": r.variant.name, "scenario": scenario.name, "error": str(e)[:500]})
        print(f"BROKEN {r.variant.name} {scenario.name}: {e}", flush=True)
        r.broken = not r.server.alive()
        return False


def _guard(r, scenario, failures, step, *args):
    """Runs one step against a variant; a failed load run or a dead process marks the variant
    broken for the rest of the run. Returns the step's result, or None."""
    try:
        result = step(*args)
        if r.server.alive():
            return True if result is None else result
        error = "process died: " + r.server.log_tail()
    except (AssertionError, RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        error = str(e)[:500]
    r.broken = True
    failures.append({"variant": r.variant.name, "scenario": scenario.name, "error": error})
    print(f"BROKEN {r.variant.name} {scenario.name}: {error}", flush=True)
    return None


def _record(r, scenario, result, results):
    results.append({"variant": r.variant.name, "scenario": scenario.name, **result})
    print(f"{r.variant.name:18} {scenario.name:10} {report.one_line(result)}", flush=True)


def _unavailable(variant, profiles, missing):
    if variant.needs.startswith("jgi-"):
        return "" if variant.needs in profiles else missing.get(variant.needs, "not built yet")
    if variant.needs and not shutil.which(variant.needs):
        return f"{variant.needs} is not installed (bin/setup-system installs it)"
    return ""


def _snapshot_classpath(classes, lib):
    """Copies of the jars, so that a module re-installed into ~/.m2 during the run (other work on
    the same checkout) cannot pull a class out from under a running variant."""
    lib.mkdir()
    entries = [str(classes / "classes")]
    for i, jar in enumerate((classes / "classpath.txt").read_text().strip().split(":")):
        copy = lib / f"{i:03d}-{Path(jar).name}"
        shutil.copyfile(jar, copy)
        entries.append(str(copy))
    return ":".join(entries)


def _static_files(work):
    """Random, incompressible files: a fixed seed so every run serves the same bytes."""
    static = work / "static"
    static.mkdir()
    rng = random.Random(16)
    for name, size in (("16k.bin", 16 << 10), ("1m.bin", 1 << 20)):
        (static / name).write_bytes(rng.randbytes(size))
        (static / name).chmod(0o644)
    return static


def _tls_material(work):
    """A throw-away certificate for 127.0.0.1, as PEM for JGI and as PKCS#12 for raw Undertow."""
    tls = work / "tls"
    tls.mkdir()
    cert, key = tls / "cert.pem", tls / "key.pem"
    for cmd in (["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                 "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                 "-addext", "subjectAltName=IP:127.0.0.1"],
                ["openssl", "pkcs12", "-export", "-in", str(cert), "-inkey", str(key), "-name", "bench",
                 "-out", str(tls / "keystore.p12"), "-passout", "pass:bench"]):
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)
    return tls


def _parse():
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true",
                      help="seconds per variant, plaintext and one static file (default; CI)")
    mode.add_argument("--full", action="store_true",
                      help="every scenario, warm-up and 5 rounds; writes docs/benchmarks/")
    p.add_argument("--only", metavar="SCENARIO,...",
                   help="scenarios: " + ",".join(s.name for s in scenarios.SCENARIOS))
    p.add_argument("--variants", metavar="VARIANT,...",
                   help="variants: " + ",".join(v.name for v in variants.VARIANTS))
    p.add_argument("--out", metavar="DIR", help="where results go (quick: bench/target/quick)")
    p.add_argument("--jmh", action="store_true",
                   help="also run the JMH micro-benchmarks with -prof gc (writes jmh.md, jmh.json)")
    p.add_argument("--jfr", action="store_true",
                   help="record each Java variant with JDK Flight Recorder; writes jfr/VARIANT-hot-methods.txt")
    p.add_argument("--soak", metavar="SECONDS", type=int,
                   help="run the blog soak (BlogSoakIT) this long; --full without --only runs 600 s, --quick none")
    p.add_argument("--no-build", action="store_true", help="use what the last build left")
    return p.parse_args()


if __name__ == "__main__":
    main()
