"""Start a Neo4j 5.26 Community server for local work: ``python -m orgraph_testing.neo4j``.

It prints the environment to use it (the password only if you chose it yourself: set
``NEO4J_PASSWORD`` first, otherwise a fresh one is written to a file readable only by you), then
runs until Ctrl-C.
"""

from __future__ import annotations

import os
import sys
import tempfile

from ..neo4j_server import Neo4jServer, Neo4jUnavailable


def main() -> int:
    chosen = os.environ.get("NEO4J_PASSWORD")
    server = Neo4jServer(chosen)
    try:
        server.start()
    except Neo4jUnavailable as error:
        print(f"neo4j: {error}", file=sys.stderr)
        return 2
    try:
        print(f"export NEO4J_URI={server.uri} NEO4J_USER={server.user}")
        if chosen:
            print("# NEO4J_PASSWORD: the one you set")
        else:
            fd, path = tempfile.mkstemp(prefix="orgraph-neo4j-password-")
            with os.fdopen(fd, "w") as file:
                file.write(server.password)
            print(f'export NEO4J_PASSWORD="$(cat {path})"')
        print("# Ctrl-C stops the server", flush=True)
        server._proc.wait() if server._proc else None
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
