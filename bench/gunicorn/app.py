"""The benchmark workload as a minimal WSGI app, for gunicorn (mirrors dev.jgi.bench.Workload)."""
import time

PLAINTEXT = b"Hello, World!"
MESSAGE = "Hello, World!"
CHUNK = bytes(ord("a") + i % 26 for i in range(1023)) + b"\n"
STREAM_CHUNKS = 64


def _json():
    return ('{"message":"%s"}' % MESSAGE).encode()


def _answer(start_response, content_type, body):
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


def _stream():
    for _ in range(STREAM_CHUNKS):
        yield CHUNK


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/plaintext":
        return _answer(start_response, "text/plain", PLAINTEXT)
    if path == "/json":
        return _answer(start_response, "application/json", _json())
    if path == "/echo":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        return _answer(start_response, "application/octet-stream", environ["wsgi.input"].read(length))
    if path == "/stream":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return _stream()
    if path == "/sleep":
        time.sleep(1)
        return _answer(start_response, "text/plain", b"slept")
    start_response("404 Not Found", [("Content-Length", "0")])
    return [b""]
