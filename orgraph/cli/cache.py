"""``orgraph cache``: where the compiled-model cache is, and clearing it (see :mod:`orgraph.model.cache`)."""

from __future__ import annotations

import click


@click.group("cache")
def cache_command() -> None:
    """Mellanlagrade modeller: var de ligger, töm dem / The compiled-model cache: where, clear it.

    Varje kommando läser en modellkatalog från cachen så länge inga filer ändrats; --no-cache hoppar över
    den. / Every command reads a data directory from the cache while no file changed; --no-cache skips it.
    """


@cache_command.command("clear")
def clear_command() -> None:
    """Ta bort alla cacheposter / Remove every cache entry.

    \b
    Examples:
      orgraph cache clear
    """
    from orgraph.model.cache import cache_dir, clear

    removed = clear()
    click.echo(f"{removed} cachepost(er) borttagna / {removed} cache entr{'y' if removed == 1 else 'ies'} "
               f"removed: {cache_dir()}")


@cache_command.command("dir")
def dir_command() -> None:
    """Skriv ut cachekatalogen / Print the cache directory.

    \b
    Examples:
      orgraph cache dir
    """
    from orgraph.model.cache import cache_dir

    click.echo(str(cache_dir()))


__all__ = ["cache_command"]
