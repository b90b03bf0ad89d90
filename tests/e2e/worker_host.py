"""`hostname_callable` for the Celery test: both workers run on one machine, so each reports the name in its
environment (HANOI_WORKER_NAME) and the test can see which worker ran which task."""

import os
import socket


def hostname() -> str:
    return os.environ.get("HANOI_WORKER_NAME") or socket.getfqdn()
