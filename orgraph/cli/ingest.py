"""``orgraph ingest`` and ``orgraph compare-texts``: assignment documents into drafts, and texts side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgraph.cli.common import EXIT_FINDINGS, EXIT_OK, handle_errors, lang_option, resolve_data_dir
from orgraph.errors import UsageError

__all__ = ["ingest_command", "compare_texts_command"]

_FORMAT = click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                       show_default=True, help="text for people, JSON for scripts")


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, metavar="FILE...", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "output", metavar="DIR", default=".", show_default=True,
              type=click.Path(file_okay=False), help="the model directory the drafts join")
@click.option("--base", metavar="MODEL", help="start a new DIR as a copy of this model ('seed', 'fictional' or a "
              "directory), so that the drafts join a whole region")
@_FORMAT
@lang_option
@handle_errors
def ingest_command(files: tuple[str, ...], output: str, base: str | None, output_format: str,
                   lang: str | None) -> None:
    """Draft councils from their assignment documents (text, Markdown, DOCX, PDF) into the model in DIR.

    Each FILE becomes a Document node, its Clause nodes (verbatim, under their headings) and the council
    with its posts and relations, every fact citing its clause. What the template does not know becomes a
    TODO in the files and in the report printed here: nothing is guessed. Ids never collide with the
    model in DIR. Exit 0: no TODOs; 1: TODOs to read; 2: a file could not be read (nothing written).

    \b
    Examples:
      orgraph ingest uppdrag-hud.docx -o my-model --base seed
      orgraph ingest seed/sources/*.txt -o drafts --base seed --format json
    """
    from orgraph.i18n import language, use
    from orgraph.ingest.run import ingest
    from orgraph.output.ingest import format_ingest, ingest_json
    from orgraph.output.json import dumps

    use(language(lang, None))
    base_dir = resolve_data_dir(base) if base else None
    if base_dir is not None and not base_dir.is_dir():
        raise UsageError(f"--base {base!r} is not a model directory")
    result = ingest([Path(f) for f in files], Path(output), base_dir)
    click.echo(dumps(ingest_json(result)) if output_format == "json" else format_ingest(result, output))
    sys.exit(EXIT_FINDINGS if result.todo_count else EXIT_OK)


def _clauses(value: str, data: str | None):
    """The clauses of A or B: a file, or the id of a Document node in the model whose text it keeps."""
    from orgraph.ingest.compare import text_clauses
    from orgraph.ingest.run import read_document

    path = Path(value)
    if path.is_file():
        return text_clauses(read_document(path)[0]), str(path)
    from orgraph.cli.common import load_model, unknown
    from orgraph.vocabulary import Kind

    model = load_model(data)
    documents = sorted(i for i, n in model.nodes.items() if n.kind == Kind.DOCUMENT and n.props.get("file"))
    if value not in model.nodes or value not in documents:
        raise unknown("file or document", value, documents)
    target = resolve_data_dir(data) / str(model.nodes[value].props["file"])
    if not target.is_file():
        raise UsageError(f"document {value!r}: its text {target} is not there (props.file)")
    return text_clauses(read_document(target)[0]), value


@click.command("compare-texts")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B", required=False)
@click.option("--against-template", is_flag=True, help="compare A with the template's latest wording (no B)")
@click.option("--data", metavar="DIR", help="the model whose document ids A and B may name (default: the seed)")
@click.option("--all", "show_same", is_flag=True, help="list the clauses that are the same too")
@_FORMAT
@lang_option
@handle_errors
def compare_texts_command(a: str, b: str | None, against_template: bool, data: str | None, show_same: bool,
                          output_format: str, lang: str | None) -> None:
    """Two assignment documents clause by clause: same, reworded (changed words marked), only in A or B, moved.

    A and B are files or ids of Document nodes in --data. With --against-template, A is compared with the
    template's latest wording of each clause (the council's own words left out). Exit 0 when the texts are
    the same, 1 when they differ.

    \b
    Examples:
      orgraph compare-texts uh-ortopedi-2024 uh-bfm-2026
      orgraph compare-texts uh-ortopedi-2024 --against-template --format json
    """
    from orgraph.i18n import language, use
    from orgraph.ingest.compare import against_template as versus_template
    from orgraph.ingest.compare import compare
    from orgraph.output.ingest import comparison_json, format_comparison
    from orgraph.output.json import dumps

    use(language(lang, None))
    if against_template == (b is not None):
        raise UsageError("give B, or --against-template, not both" if b else "give B, or --against-template")
    left, a_name = _clauses(a, data)
    if against_template:
        entries, b_name = versus_template(left), "orgraph/ingest/template.yaml"
    else:
        assert b is not None
        right, b_name = _clauses(b, data)
        entries = compare(left, right)
    if output_format == "json":
        click.echo(dumps(comparison_json(entries, a_name, b_name)))
    else:
        click.echo(format_comparison(entries, a_name, b_name, show_same))
    sys.exit(EXIT_FINDINGS if any(e.status != "same" for e in entries) else EXIT_OK)
