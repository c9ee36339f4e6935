"""Many idle keep-alive connections: what each one costs the server in resident memory."""
import socket
import time

REQUEST = b"GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def measure(server, port, count, settle=2.0):
    """Opens `count` connections, makes one request on each, leaves them idle and reads the RSS."""
    time.sleep(settle)
    before = server.rss_kib()
    sockets = []
    unanswered = 0
    try:
        for _ in range(count):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            sockets.append(s)
            try:
                s.sendall(REQUEST)
                _read_answer(s)
            except OSError:
                # A server at its connection cap leaves the rest in the kernel's backlog: a result,
                # not a failure of the run. The connections it did take are measured.
                unanswered = count - len(sockets) + 1
                break
        time.sleep(settle)
        after = server.rss_kib()
        still_open = sum(1 for s in sockets if _open(s))
    finally:
        for s in sockets:
            s.close()
    answered = count - unanswered
    return {"rps": None, "connections": count, "answered": answered, "open": still_open,
            "rss_before_kib": before, "rss_after_kib": after,
            "kib_per_connection": round((after - before) / max(answered, 1), 2)}


def _read_answer(s):
    data = b""
    while not data.endswith(b"Hello, World!"):
        chunk = s.recv(4096)
        if not chunk:
            return
        data += chunk


def _open(s):
    s.setblocking(False)
    try:
        return s.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False
