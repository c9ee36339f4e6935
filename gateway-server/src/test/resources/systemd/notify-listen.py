#!/usr/bin/env python3
"""Listens on a datagram Unix socket as systemd's $NOTIFY_SOCKET does, and checks the sender's
credentials as systemd does (SO_PASSCRED): each message is printed as "PID<TAB>STATE" with the
sender's PID from the kernel, newlines in STATE shown as "|". Prints "listening" once bound.
Runs until killed."""
import os
import socket
import struct
import sys

path = sys.argv[1]
listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
listener.bind(path)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
print("listening", flush=True)
credentials = struct.calcsize("3i")
while True:
    data, ancillary, flags, sender = listener.recvmsg(4096, socket.CMSG_SPACE(credentials))
    pid = 0
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid, uid, gid = struct.unpack("3i", payload[:credentials])
    print(str(pid) + "\t" + data.decode("utf-8").replace("\n", "|"), flush=True)
