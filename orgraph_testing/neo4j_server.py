"""A throwaway Neo4j 5.26 Community server for tests, started from the Java launcher in ``orgraph_testing/neo4j/``.

The launcher (one class over Neo4j's test harness, from Maven Central) is built with Maven into the
ignored folder ``.cache/`` the first time, then reused while its sources are older than the build.
The server runs in its own temporary directory, with Bolt on a free loopback port and
authentication on; its password is handed over in the environment, never on a command line, and
never printed. It stops by its pid (SIGTERM, SIGKILL after a deadline), and by itself when its
parent dies. It needs Java 17 or later and Maven (``java``, ``mvn``).

Example::

    with Neo4jServer() as server:
        driver = neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password))
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAUNCHER = ROOT / "orgraph_testing" / "neo4j"
CACHE = ROOT / ".cache"
BUILD = CACHE / "neo4j-launcher"
MAIN_CLASS = "orgraph.testing.Neo4jLauncher"
PASSWORD_VARIABLE = "ORGRAPH_NEO4J_PASSWORD"
READY = re.compile(r"^READY (bolt://\S+?)/?$", re.MULTILINE)
JVM_OPTIONS = ("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC")  # 2 cores shared by many: modest and single-threaded GC


class Neo4jUnavailable(RuntimeError):
    """Java or Maven is missing, the launcher would not build, or the server would not start."""


def missing_tools() -> str | None:
    """Why the launcher cannot run here (no ``java`` 17+, no ``mvn``), or ``None``."""
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            return f"no {tool} on PATH (the Neo4j tests need Java 17+ and Maven)"
    out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
    match = re.search(r'version "(\d+)', out.stderr + out.stdout)
    if not match or int(match.group(1)) < 17:
        return f"java is older than 17 ({(out.stderr or out.stdout).splitlines()[:1]})"
    return None


def _sources() -> list[Path]:
    return [LAUNCHER / "pom.xml", *sorted((LAUNCHER / "src").rglob("*.java"))]


def build(*, force: bool = False, timeout: float = 900) -> str:
    """Build the launcher if its sources changed (Maven fetches Neo4j once); its class path."""
    classes, classpath = BUILD / "classes", BUILD / "classpath.txt"
    fresh = classpath.exists() and all(path.stat().st_mtime <= classpath.stat().st_mtime for path in _sources())
    if force or not fresh:
        command = ["mvn", "-B", "-q", f"-Dmaven.repo.local={CACHE / 'm2'}", f"-Dorgraph.build={BUILD}",
                   "-f", str(LAUNCHER / "pom.xml"), "package"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Neo4jUnavailable(f"building the Neo4j launcher took over {timeout:g} s") from None
        if done.returncode != 0 or not classpath.exists():
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
            raise Neo4jUnavailable(f"building the Neo4j launcher failed (mvn exit {done.returncode}):\n{tail}")
        classpath.touch()
    return f"{classes}{os.pathsep}{classpath.read_text().strip()}"


def new_password() -> str:
    """A fresh password with the characters that break naive URI handling: ``/ @ : % #`` and non-ASCII."""
    return f"Pw/{secrets.token_hex(6)} @:%#åö"


class Neo4jServer:
    """Start the launcher, wait for its ``READY bolt://…`` line, stop it by pid."""

    user = "neo4j"

    def __init__(self, password: str | None = None, *, startup_timeout: float = 180.0, stop_timeout: float = 30.0,
                 page_cache_mb: int = 64, heap: str = "1g"):
        self.password = password or new_password()
        self.startup_timeout, self.stop_timeout, self.page_cache_mb = startup_timeout, stop_timeout, page_cache_mb
        # the heap bounds one transaction's memory (70 %): the benchmark's 100k load needs more than 1g
        self.jvm_options = tuple(f"-Xmx{heap}" if option.startswith("-Xmx") else option for option in JVM_OPTIONS)
        self.uri: str | None = None
        self._proc: subprocess.Popen | None = None
        self._dir: str | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> Neo4jServer:
        why = missing_tools()
        if why:
            raise Neo4jUnavailable(why)
        classpath = build()
        self._dir = tempfile.mkdtemp(prefix="orgraph-neo4j-log-")
        log_path = Path(self._dir) / "launcher.log"
        env = {**os.environ, PASSWORD_VARIABLE: self.password}
        with open(log_path, "wb") as log:
            self._proc = subprocess.Popen(
                ["java", *self.jvm_options, "-cp", classpath, MAIN_CLASS, "--watch-stdin",
                 f"--page-cache-mb={self.page_cache_mb}"],
                stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self._dir)
        deadline = time.monotonic() + self.startup_timeout
        while True:
            match = READY.search(log_path.read_text(encoding="utf-8", errors="replace"))
            if match:
                self.uri = match.group(1)
                return self
            if self._proc.poll() is not None or time.monotonic() > deadline:
                why = (f"exited with {self._proc.returncode}" if self._proc.poll() is not None
                       else f"was not ready in {self.startup_timeout:g} s")
                tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-20:])
                self.stop()
                raise Neo4jUnavailable(f"the Neo4j launcher {why}; log tail:\n{tail}")
            time.sleep(0.2)

    def stop(self) -> None:
        """SIGTERM the server by pid (it shuts Neo4j down and removes its directory); SIGKILL after the deadline."""
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.stdin:
                proc.stdin.close()
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(self.stop_timeout)
                except subprocess.TimeoutExpired:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
