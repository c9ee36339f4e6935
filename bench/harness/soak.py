"""The soak of the full mode: three blog instances behind nginx on one PostgreSQL under mixed load
(BlogSoakIT, which asserts flat heap, threads and descriptors, no failed request and a p99 at the
end within 1.5x of the start). Every build runs it for 60 s; the full mode runs it for ten minutes."""
import subprocess

FULL_SECONDS = 600


def run(ctx, out_dir, seconds):
    log = ctx.work_dir / "soak.log"
    cmd = ["mvn", "-B", "-ntp", "-Dstyle.color=never", "verify", "-pl", "sample-apps/blog", "-am",
           "-Dtest=none", "-Dsurefire.failIfNoSpecifiedTests=false",
           "-Dit.test=BlogSoakIT", "-Dfailsafe.failIfNoSpecifiedTests=false",
           f"-Djgi.soak.seconds={seconds}", "-Djacoco.skip=true"]
    # Failsafe keeps the test's own output in a file of its own, not in the build's log; an old one
    # must not pass for this run's.
    output = ctx.root / "sample-apps" / "blog" / "target" / "failsafe-reports" / "dev.jgi.samples.blog.BlogSoakIT-output.txt"
    output.unlink(missing_ok=True)
    print(f"soak: BlogSoakIT for {seconds} s (log: {log})", flush=True)
    with open(log, "wb") as out:
        code = subprocess.run(cmd, cwd=ctx.root, stdout=out, stderr=subprocess.STDOUT).returncode
    text = output.read_text(errors="replace") if output.exists() else ""
    summary = [line for line in text.splitlines() if line.startswith("soak of ")]
    verdict = "passed" if code == 0 else f"FAILED (mvn exit {code}; see bench/target/work/soak.log)"
    lines = ["# Soak", "",
             f"`BlogSoakIT` with `-Djgi.soak.seconds={seconds}` (bench/run --full runs {FULL_SECONDS}): {verdict}.", ""]
    lines += summary or ["(the test printed no summary)"]
    (out_dir / "soak.md").write_text("\n".join(lines) + "\n")
    for line in summary:
        print(line, flush=True)
    if code != 0:
        raise RuntimeError(f"the soak failed; see {log}")
