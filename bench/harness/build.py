"""Builds what the suite runs: the JGI modules that exist, then bench/variants with their profiles."""
import re
import subprocess

# Profile of bench/variants -> the JGI modules (folders at the root) its sources need.
PROFILES = {
    "jgi-server": ("gateway-server",),
    "jgi-assets": ("gateway-server", "gateway-assets"),
    "jgi-servlet": ("gateway-servlet",),
}


def _mvn(root, args, log):
    with open(log, "ab") as out:
        out.write(f"\n$ mvn {' '.join(args)}\n".encode())
        out.flush()
        return subprocess.run(["mvn", "-B", "-ntp", "-q", *args], cwd=root, stdout=out,
                              stderr=subprocess.STDOUT).returncode == 0


def _reactor_modules(root):
    return set(re.findall(r"<module>([^<]+)</module>", (root / "pom.xml").read_text()))


def build(root, log):
    """Returns (profiles that built, {profile: reason it is missing})."""
    listed = _reactor_modules(root)
    missing = {}
    wanted = {}
    for profile, modules in PROFILES.items():
        absent = [m for m in modules if m not in listed or not (root / m / "pom.xml").exists()]
        if absent:
            missing[profile] = f"not built yet: module {', '.join(absent)} does not exist"
        else:
            wanted[profile] = modules
    # The bench modules resolve JGI modules from the local repository, so install them first.
    upstream = ["gateway-api"] + sorted({m for modules in wanted.values() for m in modules})
    built = set()
    if _mvn(root, ["install", "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-pl", ",".join(upstream), "-am"], log):
        built = set(upstream)
    else:
        for module in upstream:
            if _mvn(root, ["install", "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-pl", module, "-am"], log):
                built.add(module)
    if "gateway-api" not in built:
        raise SystemExit(f"gateway-api does not build; see {log}")
    for profile, modules in list(wanted.items()):
        broken = [m for m in modules if m not in built]
        if broken:
            missing[profile] = f"not built yet: module {', '.join(broken)} does not build (see {log})"
            del wanted[profile]
    jmh = ["-f", str(root / "bench" / "jmh" / "pom.xml"), "package"]
    server_built = "gateway-server" in built
    if not (server_built and _mvn(root, jmh + ["-Pjgi-server"], log)) and not _mvn(root, jmh, log):
        raise SystemExit(f"bench/jmh does not build; see {log}")
    pom = str(root / "bench" / "variants" / "pom.xml")
    args = ["-f", pom, "package", "-DskipTests"]
    profiles = sorted(wanted)
    if profiles and _mvn(root, args + ["-P" + ",".join(profiles)], log):
        return profiles, missing
    compiling = [p for p in profiles if _mvn(root, args + ["-P" + p], log)]
    for profile in set(profiles) - set(compiling):
        missing[profile] = f"not built yet: bench/variants does not compile with -P{profile} (see {log})"
    if not _mvn(root, args + (["-P" + ",".join(compiling)] if compiling else []), log):
        raise SystemExit(f"bench/variants does not build; see {log}")
    return compiling, missing
