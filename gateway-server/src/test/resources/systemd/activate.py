#!/usr/bin/env python3
"""Plays systemd's socket activation for tests: holds one listening TCP socket and starts
processes that inherit it as descriptor 3, with LISTEN_FDS=1 and LISTEN_PID set to the child's own
PID, exactly as systemd does for a service with Sockets= (several services may share one socket).

Prints "port N" once listening. Then reads commands from standard input, one per line, fields
separated by tabs: "spawn<TAB>OUT<TAB>ERR<TAB>ARG..." starts ARG... with its output in OUT and ERR
and prints "pid N"; when a child exits, its exit code is written to OUT.exit (systemd reaps its
services too). At the end of input it closes its copy of the socket and waits for the children."""
import os
import signal
import socket
import sys

outputs = {}


def reap(*_):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        out = outputs.pop(pid, None)
        if out is not None:
            # Written aside and renamed, so that a reader never sees the file empty.
            with open(out + ".exit.part", "w") as exit_file:
                exit_file.write(str(os.waitstatus_to_exitcode(status)))
            os.rename(out + ".exit.part", out + ".exit")


signal.signal(signal.SIGCHLD, reap)
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(1024)
print("port", listener.getsockname()[1], flush=True)

for line in sys.stdin:
    fields = line.rstrip("\n").split("\t")
    if fields[0] != "spawn" or len(fields) < 4:
        print("error: expected spawn<TAB>OUT<TAB>ERR<TAB>ARG...", flush=True)
        continue
    out, err, args = fields[1], fields[2], fields[3:]
    pid = os.fork()
    if pid == 0:
        try:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            if listener.fileno() == 3:
                os.set_inheritable(3, True)
            else:
                os.dup2(listener.fileno(), 3, inheritable=True)
            os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
            os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            env = dict(os.environ, LISTEN_FDS="1", LISTEN_PID=str(os.getpid()), LISTEN_FDNAMES="http")
            os.execve(args[0], args, env)
        finally:
            os._exit(127)
    outputs[pid] = out
    print("pid", pid, flush=True)

listener.close()
while outputs:
    signal.pause()
