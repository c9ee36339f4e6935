"""The servers measured side by side, and how to start each one."""
from dataclasses import dataclass
import os
import shutil

import jfr

APP = ("plaintext", "json", "echo", "stream", "slow", "idle")
STATIC = ("static16k", "static1m")


@dataclass(frozen=True)
class Variant:
    name: str
    label: str
    family: str  # "jgi" or "baseline": colours the plot
    scenarios: tuple
    needs: str = ""  # Maven profile of bench/variants (a JGI module) or a Debian tool
    main: str = ""  # Java main class, or "" for a non-Java variant
    args: tuple = ()


VARIANTS = (
    Variant("undertow-io", "raw Undertow 2.4, answer on the IO thread", "baseline", APP + ("ws", "startup"),
            main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "io")),
    Variant("undertow-worker", "raw Undertow, worker pool, blocking streams", "baseline", APP,
            main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "worker")),
    Variant("undertow-vthread", "raw Undertow, virtual thread per request, write on the IO thread",
            "baseline", APP, main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "vthread")),
    Variant("undertow-vthread-direct", "raw Undertow, virtual thread per request, blocking write from it",
            "baseline", APP, main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "vthread-direct")),
    Variant("jetty-vthread", "raw Jetty 12.1 core Handler, virtual threads", "baseline",
            APP + ("ws", "startup"),
            main="dev.jgi.bench.raw.RawJetty"),
    Variant("gunicorn", "gunicorn (Debian), 5 sync workers", "baseline",
            ("plaintext", "json", "echo", "stream", "idle"), needs="gunicorn"),
    Variant("gunicorn-gthread", "gunicorn (Debian), 5 gthread workers x 8 threads", "baseline",
            ("slow",), needs="gunicorn"),
    Variant("nginx", "nginx (Debian), 1 worker, sendfile on, access log buffered", "baseline", STATIC, needs="nginx"),
    Variant("undertow-resource", "Undertow ResourceHandler (defaults)", "baseline", STATIC,
            main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "io")),
    Variant("undertow-memory", "raw Undertow, files read into memory at start, written on the IO thread",
            "baseline", STATIC, main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "memory")),
    Variant("jgi-sync", "JGI sync app, reference server, defaults", "jgi", APP + ("startup",),
            needs="jgi-server", main="dev.jgi.bench.jgi.JgiServerVariant", args=("--mode", "sync")),
    Variant("jgi-sync-nolog", "JGI sync app, reference server, defaults but the access log off",
            "jgi", ("plaintext",), needs="jgi-server", main="dev.jgi.bench.jgi.JgiServerVariant",
            args=("--mode", "sync-nolog")),
    Variant("jgi-async", "JGI async app, reference server, defaults", "jgi", APP + ("ws", "startup"),
            needs="jgi-server", main="dev.jgi.bench.jgi.JgiServerVariant", args=("--mode", "async")),
    Variant("jgi-static", "JGI static files (gateway-assets), reference server", "jgi", STATIC,
            needs="jgi-assets", main="dev.jgi.bench.jgi.JgiStaticVariant"),
    Variant("jgi-servlet", "JGI sync app through the servlet bridge on Jetty 12.1", "jgi", APP + ("startup",),
            needs="jgi-servlet", main="dev.jgi.bench.jgi.JgiServletVariant"),
    Variant("undertow-h2", "raw Undertow, answer on the IO thread, TLS with HTTP/2 by ALPN", "baseline",
            ("h2",), main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "io")),
    Variant("jgi-sync-h2", "JGI sync app, reference server, TLS (HTTP/2 by ALPN, its default)", "jgi",
            ("h2",), needs="jgi-server", main="dev.jgi.bench.jgi.JgiServerVariant", args=("--mode", "sync")),
    Variant("jgi-async-h2", "JGI async app, reference server, TLS (HTTP/2 by ALPN, its default)", "jgi",
            ("h2",), needs="jgi-server", main="dev.jgi.bench.jgi.JgiServerVariant", args=("--mode", "async")),
    Variant("undertow-mixed", "raw Undertow, virtual thread per request, ResourceHandler on /static",
            "baseline", ("mixed",), main="dev.jgi.bench.raw.RawUndertow", args=("--mode", "vthread")),
    Variant("jgi-mixed", "JGI sync app behind the static mount (gateway-assets), reference server, defaults",
            "jgi", ("mixed",), needs="jgi-assets", main="dev.jgi.bench.jgi.JgiStaticVariant", args=("--mode", "sync")),
)

BY_NAME = {v.name: v for v in VARIANTS}


def command(variant, port, ctx):
    """The command line that starts the variant on the given loopback port."""
    if variant.main:
        cmd = [ctx.java, *ctx.jvm_flags, *jfr.flags(ctx, variant.name), "-cp", ctx.classpath, variant.main, "--port", str(port),
               *variant.args]
        if "static16k" in variant.scenarios or "mixed" in variant.scenarios:
            cmd += ["--static", str(ctx.static_dir)]
        if "h2" in variant.scenarios:
            cmd += ["--tls", str(ctx.tls_dir)]
        return cmd
    if variant.name.startswith("gunicorn"):
        cmd = [shutil.which("gunicorn"), "--chdir", str(ctx.root / "bench" / "gunicorn"),
               "-w", "5", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--backlog", "4096"]
        if variant.name == "gunicorn-gthread":
            cmd += ["--threads", "8"]
        return cmd + ["app:application"]
    if variant.name == "nginx":
        return ["nginx", "-p", str(ctx.work_dir), "-c", str(_nginx_conf(port, ctx))]
    raise ValueError(variant.name)


def _nginx_conf(port, ctx):
    tmp = ctx.work_dir / "nginx-tmp"
    tmp.mkdir(exist_ok=True)
    conf = ctx.work_dir / "nginx.conf"
    # A root master drops its workers to `nobody`, who cannot read files staged under a checkout
    # only its owner can read (mode 700, as mktemp -d makes): keep the workers on the owner.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    conf.write_text(f"""{user}worker_processes 1;
daemon off;
pid {ctx.work_dir}/nginx.pid;
error_log {ctx.work_dir}/nginx-error.log warn;
events {{ worker_connections 8192; }}
http {{
  # JGI logs every request by default (to a file here, through its stdout): so does nginx, buffered.
  access_log {ctx.work_dir}/nginx-access.log combined buffer=64k flush=1s;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  default_type application/octet-stream;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /static/ {{ alias {ctx.static_dir}/; }}
  }}
}}
""")
    return conf
