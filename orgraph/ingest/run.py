"""``orgraph ingest``: read assignment documents, draft each council, write the drafts into a model directory.

Every input is read before anything is written: an unreadable file (missing, not UTF-8 text, a damaged
DOCX or PDF, an unknown suffix) is a :class:`~orgraph.errors.UsageError` and nothing is written.  The drafts
join the model in the output directory: their ids never collide with its ids (nor with each other's), and
the ids they refer to (the region's bodies, the routines by registry number) are looked up in it.  A
directory without a model can start as a copy of another (``base``); with neither, the ids are looked up in
the shipped seed and the drafts need that region beside them to load.

>>> import tempfile
>>> from orgraph.resources import data_dir
>>> out = Path(tempfile.mkdtemp()) / "model"
>>> source = Path(tempfile.mkdtemp()) / "hud.txt"
>>> _ = source.write_text("**Uppdragshandling**\\n\\nDatum 2026-01-02\\n\\nSamordningsråd hud\\n", encoding="utf-8")
>>> result = ingest([source], out, base=data_dir("seed"))
>>> [d.draft.council["id"] for d in result.documents], result.todo_count > 0
(['sr-hud'], True)
>>> sorted(p.relative_to(out).as_posix() for p in result.documents[0].written)[:2]
['clauses/uh-hud-2026.yaml', 'councils/hud.yaml']
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from orgraph.errors import UsageError
from orgraph.files import write_atomically
from orgraph.ingest.draft import Context, Draft, make_draft, number_key
from orgraph.ingest.office import read_docx, read_pdf
from orgraph.ingest.paragraphs import Paragraph, read_text
from orgraph.ingest.segment import joined
from orgraph.ingest.template import load_template
from orgraph.ingest.writer import draft_files
from orgraph.vocabulary import Kind

__all__ = ["IngestResult", "Ingested", "as_markdown", "ingest", "read_document", "title_of", "TEXT_SUFFIXES",
           "SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")


@dataclass
class Ingested:
    """One input: where it came from, its draft, the files written for it."""

    file: Path
    draft: Draft
    written: list[Path] = field(default_factory=list)


@dataclass
class IngestResult:
    """What ``orgraph ingest`` did: the drafts, where they went, and the model they joined."""

    directory: Path
    documents: list[Ingested]
    joined_model: bool  # the directory held a model (or was started from ``base``)
    verified: bool  # the directory was loaded after writing

    @property
    def todo_count(self) -> int:
        return sum(len(item.draft.todos) for item in self.documents)


def title_of(text: str) -> str:
    """The title of a kept text, as the model's reader finds it (its first bold block).

    >>> title_of("**Uppdragshandling för\\nsamordningsråd**\\n\\nDatum: 2024-05-21\\n")
    'Uppdragshandling för samordningsråd'
    """
    from orgraph.model.sources import read_source

    return read_source(text).sections[0].heading


def read_document(path: Path) -> tuple[list[Paragraph], str]:
    """The paragraphs of ``path`` and its text as the model keeps it (a text file's own text, else
    :func:`as_markdown`); a UsageError naming the file when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"{path}: cannot read {suffix or 'files without a suffix'}; "
                         f"readable: {', '.join(SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read it ({error.strerror or error})") from error
    try:
        if suffix in TEXT_SUFFIXES:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise UsageError(f"not UTF-8 text (byte {error.start}: {data[error.start:error.start + 1]!r})") \
                    from error
            paragraphs = read_text(text)
        else:
            paragraphs = read_docx(data) if suffix == ".docx" else read_pdf(data)
            text = as_markdown(joined(paragraphs, load_template()))
    except UsageError as error:
        raise UsageError(f"{path}: {error}") from error
    if not paragraphs:
        raise UsageError(f"{path}: no text in it")
    return paragraphs, text


def as_markdown(paragraphs: list[Paragraph]) -> str:
    """A DOCX's or PDF's paragraphs (footers dropped, page breaks joined) as the text the model keeps:
    Markdown as the seed's texts are written (the bold title, list items), so that one reader finds the
    same headings and clauses in it.

    >>> as_markdown([Paragraph("Uppdragshandling", 1, "title"), Paragraph("Leda", 2, "bullet")])
    '**Uppdragshandling**\\n\\n- Leda\\n'
    """
    title_done = False
    blocks = []
    for paragraph in paragraphs:
        if paragraph.style == "title" and not title_done:
            blocks.append(f"**{paragraph.text}**")
            title_done = True
        elif paragraph.style == "bullet":
            blocks.append(f"- {paragraph.text}")
        else:
            blocks.append(paragraph.text)
    return "\n\n".join(blocks) + "\n"


def _model(directory: Path):
    from orgraph.model.loader import data_files, load

    if directory.is_dir() and data_files(directory):
        return load(directory)
    return None


def ingest(files: list[Path], directory: Path, base: Path | None = None) -> IngestResult:
    """Draft every file in ``files`` into ``directory`` (see the module's description)."""
    from orgraph.model.loader import load
    from orgraph.resources import data_dir

    read = [(Path(f), *read_document(Path(f))) for f in files]
    model = _model(directory)
    if model is not None and base is not None:
        raise UsageError(f"{directory} holds a model already: the drafts join it; --base is for a new directory")
    if model is None and base is not None:
        reference = load(base)
    else:
        reference = model if model is not None else load(data_dir("seed"))
    taken = set(reference.nodes)
    numbers = {number_key(node.number): node_id for node_id, node in reference.nodes.items()
               if node.kind == Kind.DOCUMENT and getattr(node, "number", None)}
    template = load_template()
    outputs: list[tuple[Ingested, dict[str, str]]] = []
    for path, paragraphs, text in read:
        draft = make_draft(paragraphs, template, Context(frozenset(taken), numbers), path.stem, title_of(text))
        taken |= set(draft.ids)
        outputs.append((Ingested(path, draft), draft_files(draft, path.name, text)))
    for _, files_of in outputs:
        for relative in files_of:
            if (directory / relative).exists():
                raise UsageError(f"{directory / relative} exists already: nothing was written")
    started = model is None and base is not None
    if started and base is not None:
        if directory.exists() and any(directory.iterdir()):
            raise UsageError(f"{directory} is not empty and holds no model: nothing was written (--base needs a "
                             "new or empty directory)")
        shutil.copytree(base, directory, dirs_exist_ok=True)
    written: list[Path] = []
    try:
        for item, files_of in outputs:
            for relative, content in files_of.items():
                item.written.append(_write(directory / relative, content))
                written.append(directory / relative)
        verified = _verify(directory, model is not None or started)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if started:
            shutil.rmtree(directory, ignore_errors=True)
        raise
    return IngestResult(directory, [item for item, _ in outputs], model is not None or started, verified)


def _write(target: Path, content: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(target, content.encode("utf-8"), prefix=".ingest-")


def _verify(directory: Path, joined: bool) -> bool:
    """Load the directory with the drafts in it (a ModelError undoes the writing: the loader proves every
    clause stands in its text under its heading); ``False`` when not loaded: the directory holds no region."""
    from orgraph.model.loader import load

    if not joined:
        return False
    load(directory)
    return True
