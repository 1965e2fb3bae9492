"""The Neo4j backend: load the model into Neo4j 5 and answer reads there, with the official driver.

:class:`Neo4jDatabase` opens a checked connection (address, server, version,
credentials, database), applies the schema and writes a model all-or-nothing,
in one managed write transaction.  :class:`Neo4jBackend` answers the memory
backend's reads with the named queries in ``cypher/queries/``.

Every failure becomes a :class:`Neo4jProblem`: one line, naming the address
(never the password), which the command line prints with exit code 2.

>>> redact("bolt://neo4j:secret@db.example:7687")
'bolt://neo4j:***@db.example:7687'
>>> check_uri("http://127.0.0.1:7474")
Traceback (most recent call last):
...
orgraph.backends.neo4j.Neo4jProblem: not a Neo4j Bolt address (use bolt:// or neo4j://, or their +s/+ssc forms): http://127.0.0.1:7474
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

from orgraph import vocabulary
from orgraph.backends.cypher import CypherBackend
from orgraph.backends.cypher_load import (
    DEFAULT_BATCH_SIZE,
    LoadSummary,
    Step,
    apply_plan,
    constraint_name,
    load_plan,
    schema_statements,
)
from orgraph.backends.named_queries import run_named
from orgraph.errors import UsageError
from orgraph.model.graph import Model

__all__ = ["SCHEMES", "MIN_MAJOR_VERSION", "CONNECTION_TIMEOUT", "SHOW_CONSTRAINTS", "AWAIT_INDEXES",
           "INDEX_WAIT_SECONDS", "Neo4jProblem", "redact", "check_uri", "check_version", "Neo4jDatabase",
           "neo4j_value", "Neo4jBackend"]

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
MIN_MAJOR_VERSION = 5
CONNECTION_TIMEOUT = 15.0  # seconds to open a connection and to get one from the pool (--timeout)
SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN name"
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"
INDEX_WAIT_SECONDS = 300

# The driver logs connection trouble as warnings; without a handler of its own Python would print
# them on stderr beside orgraph's one-line error.  Whoever configures logging still gets them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class Neo4jProblem(UsageError):
    """Neo4j cannot be used as asked: unreachable, refused, missing, too old, or an error from the server."""


_CREDENTIALS = re.compile(r"([a-zA-Z][\w+.-]*://)([^\s:/@]*)(?::[^\n]*)?@")


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` (an address, a driver's message) with any password in an address, and each secret, as ``***``.

    The one place that hides secrets before anything is printed.  A password may hold ``/ @ : % #``:
    everything up to the last ``@`` of an address's line counts as its credentials.

    >>> redact("bolt://neo4j:p/w @:%#å@db.example:7687")
    'bolt://neo4j:***@db.example:7687'
    >>> redact("login failed for s3cret!", ("s3cret!",))
    'login failed for ***'
    """
    text = _CREDENTIALS.sub(r"\1\2:***@", str(text))
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def check_uri(uri: str) -> str:
    """``uri`` if the driver can use it; a :class:`Neo4jProblem` otherwise (credentials in it included)."""
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise Neo4jProblem(f"not a valid address: {redact(uri)}") from None  # the error may quote the password
    if parts.scheme not in SCHEMES:
        raise Neo4jProblem(f"not a Neo4j Bolt address (use bolt:// or neo4j://, or their +s/+ssc forms): "
                           f"{redact(uri)}")
    if parts.username is not None or parts.password is not None:
        raise Neo4jProblem(f"put no user or password in the address; use --user (NEO4J_USER) and "
                           f"NEO4J_PASSWORD: {redact(uri)}")
    return uri


def check_version(agent: str | None, where: str = "the server") -> str:
    """The Neo4j version from the server's agent string, or a :class:`Neo4jProblem` if it is not Neo4j 5+.

    >>> check_version("Neo4j/5.26.2")
    '5.26.2'
    >>> check_version("Neo4j/2025.01.0")
    '2025.01.0'
    >>> check_version("Neo4j/4.4.30", "bolt://db:7687")
    Traceback (most recent call last):
    ...
    orgraph.backends.neo4j.Neo4jProblem: Neo4j 4.4.30 at bolt://db:7687 is older than supported (5 or later)
    """
    product, _, version = (agent or "").partition("/")
    if product.lower() != "neo4j":
        raise Neo4jProblem(f"the server at {where} is not Neo4j: {agent}")
    match = re.match(r"(\d+)\.", version)
    if not match or int(match.group(1)) < MIN_MAJOR_VERSION:
        raise Neo4jProblem(f"Neo4j {version} at {where} is older than supported ({MIN_MAJOR_VERSION} or later)")
    return version


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class Neo4jDatabase:
    """A checked connection to one Neo4j database: reachable, Neo4j 5 or later, credentials accepted."""

    def __init__(self, uri: str, user: str, password: str, database: str | None = None, *,
                 timeout: float = CONNECTION_TIMEOUT):
        from neo4j import GraphDatabase

        self.uri, self.user, self.database = check_uri(uri), user, database
        self._password, self.timeout = password, timeout
        with self.translate_errors():
            try:
                self.driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=timeout,
                                                   connection_acquisition_timeout=timeout)
            except ValueError as error:
                raise Neo4jProblem(f"not a valid address ({self._clean(error)}): {redact(uri)}") from None
        try:
            with self.translate_errors():
                self.version = self._check_server()
                with self._session(read=True) as session:  # the database exists and answers
                    session.run("RETURN 1").consume()
        except BaseException:
            self.driver.close()
            raise

    @property
    def where(self) -> str:
        """The address and database, for messages."""
        return f"{redact(self.uri)}" + (f" (database {self.database})" if self.database else "")

    def _session(self, read: bool = False):
        from neo4j import READ_ACCESS, WRITE_ACCESS

        # one bookmark manager for every session: a read after the load sees the load, also in a cluster
        return self.driver.session(database=self.database, default_access_mode=READ_ACCESS if read else WRITE_ACCESS,
                                   bookmark_manager=self.driver.execute_query_bookmark_manager)

    def _check_server(self) -> str:
        return check_version(self.driver.get_server_info().agent, redact(self.uri))

    @contextlib.contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Turn the driver's exceptions into one-line :class:`Neo4jProblem` messages."""
        from neo4j import exceptions as ex

        where = self.where
        try:
            yield
        except Neo4jProblem:
            raise
        except ex.AuthError:
            raise Neo4jProblem(f"Neo4j at {where} refused the credentials of user {self.user!r} "
                               f"(check NEO4J_USER and NEO4J_PASSWORD)") from None
        except ex.ServiceUnavailable as error:
            text = self._clean(error)
            if "deadline" in text.lower() or "timed out" in text.lower():
                raise Neo4jProblem(f"Neo4j at {where} did not answer within {self.timeout:g} s "
                                   f"(--timeout SECONDS)") from None
            reason = re.search(r"\(reason (?:\[Errno -?\d+\] )?([^)]*)\)", text)
            raise Neo4jProblem(f"cannot reach Neo4j at {where}: {reason.group(1) if reason else text}") from None
        except ex.UnsupportedServerProduct as error:
            raise Neo4jProblem(f"the server at {where} is not a supported Neo4j: {self._clean(error)}") from None
        except ex.Neo4jError as error:
            code = error.code or ""
            if code == "Neo.ClientError.Database.DatabaseNotFound":
                raise Neo4jProblem(f"Neo4j at {redact(self.uri)} has no database {self.database!r}") from None
            raise Neo4jProblem(f"Neo4j at {where}: {code}: {self._clean(error.message or error)}") from None
        except (ex.DriverError, OSError) as error:
            raise Neo4jProblem(f"Neo4j at {where}: {self._clean(error)}") from None

    def _clean(self, error: Any) -> str:
        return redact(_one_line(error), (self._password,))[:500]

    # --- reads -------------------------------------------------------------------------------

    def run(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run a read-only statement (a write fails); rows as dicts of plain values."""
        with self.translate_errors(), self._session(read=True) as session:
            return session.execute_read(lambda tx: [
                {key: neo4j_value(value) for key, value in record.items()} for record in tx.run(query, params)])

    def missing_constraints(self) -> list[str]:
        """The names of orgraph's constraints the database lacks (empty when the schema is applied)."""
        with self.translate_errors(), self._session(read=True) as session:  # auto-commit: SHOW is admin
            present = {record["name"] for record in session.run(SHOW_CONSTRAINTS)}
        return [name for name in (constraint_name(vocabulary.NODE_LABEL),) if name not in present]

    def require_schema(self) -> None:
        """A :class:`Neo4jProblem` unless ``orgraph load`` has applied the schema to this database."""
        missing = self.missing_constraints()
        if missing:
            more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
            raise Neo4jProblem(f"Neo4j at {self.where} has no orgraph schema (missing constraint {missing[0]}{more}): "
                               f"run `orgraph load` first")

    # --- writes ------------------------------------------------------------------------------

    def apply_schema(self) -> None:
        """Create orgraph's constraints (each in its own transaction; existing ones are kept), and wait until
        their indexes are online: a statement planned before that scans instead of seeking the index."""
        with self.translate_errors(), self._session() as session:
            for statement in schema_statements():
                session.run(statement).consume()
            session.run(AWAIT_INDEXES, {"seconds": INDEX_WAIT_SECONDS}).consume()

    def write(self, plan: list[Step], progress: Callable[[int], None] | None = None) -> LoadSummary:
        """Run ``plan`` in ONE managed write transaction: all of it is committed, or none of it."""
        def work(tx: Any) -> LoadSummary:
            return apply_plan(lambda query, params: [dict(record) for record in tx.run(query, params)],
                              plan, progress)

        with self.translate_errors(), self._session() as session:
            return session.execute_write(work)

    def load(self, model: Model, batch_size: int = DEFAULT_BATCH_SIZE,
             progress: Callable[[int], None] | None = None) -> LoadSummary:
        """Apply the schema, then replace the database's orgraph data by ``model``, all-or-nothing."""
        self.apply_schema()
        return self.write(load_plan(model, batch_size), progress)

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """How many nodes of each kind and loaded relationships of each type the database holds."""
        nodes = {row["kind"]: row["nodes"] for row in run_named(self, "node-counts")}
        relationships = {row["type"]: row["relationships"] for row in run_named(self, "relationship-counts")}
        return nodes, relationships

    def close(self) -> None:
        """Close the driver and its connections."""
        self.driver.close()


def neo4j_value(value: Any) -> Any:
    """A value from the driver as plain Python: nodes and relationships as their properties."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, (Node, Relationship)):
        return {key: neo4j_value(item) for key, item in value.items()}
    if isinstance(value, Path):
        return [neo4j_value(node) for node in value.nodes]
    if isinstance(value, dict):
        return {key: neo4j_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [neo4j_value(item) for item in value]
    if hasattr(value, "to_native"):  # neo4j.time types
        return value.to_native()
    return value


class Neo4jBackend(CypherBackend):
    """The reads of the memory backend, answered by Neo4j on ``day``."""

    name = "neo4j"

    def __init__(self, database: Neo4jDatabase, day: dt.date):
        super().__init__(database, day)
        self.database = database

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str | None, day: dt.date, *,
                timeout: float = CONNECTION_TIMEOUT) -> Neo4jBackend:
        """Connect, check the server and that ``orgraph load`` has applied the schema; a one-line error if not."""
        db = Neo4jDatabase(uri, user, password, database, timeout=timeout)
        try:
            db.require_schema()
        except BaseException:
            db.close()
            raise
        return cls(db, day)
