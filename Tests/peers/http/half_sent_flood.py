"""Opens COUNT connections to 127.0.0.1:PORT, alternating the given source addresses, and sends each half a
request; prints "open N" (connections the server has not closed after a second) and holds them until stdin
closes. A process of its own, so the flood's descriptors are not the test process's (its libmodbus and
libcurl clients use select(), which aborts on descriptors above 1023)."""
import resource
import select
import socket
import sys
import time

port, count, sources = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(",")
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 64)), hard))
half = b"POST /api/v1/schedules HTTP/1.1\r\nHost: dso\r\nContent-Length: 500\r\n\r\n{\"entries\":["
held = []
for index in range(count):
    connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    connection.bind((sources[index % len(sources)], 0))
    connection.connect(("127.0.0.1", port))
    connection.sendall(half)
    held.append(connection)
time.sleep(1)
closed = 0
for connection in held:
    readable, _, _ = select.select([connection], [], [], 0) if connection.fileno() < 1024 else ([], [], [])
    if readable:
        connection.setblocking(False)
        try:
            if connection.recv(1) == b"":
                closed += 1
        except (ConnectionResetError, BlockingIOError):
            closed += 1
print(f"open {count - closed}", flush=True)
sys.stdin.read()
