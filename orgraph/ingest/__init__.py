"""Assignment documents into drafts of the model, and texts compared clause by clause.

The stage reads a document (:mod:`.paragraphs` for text and Markdown, :mod:`.office` for DOCX and PDF)
into one paragraph stream, cuts it into clauses under their headings (:mod:`.segment`), recognises each
clause against the template's declarations (:mod:`.template`, the data in ``template.yaml``;
:mod:`.recognise`), drafts the council with every fact citing its clause (:mod:`.draft`, written by
:mod:`.writer`; :mod:`.run` is ``orgraph ingest``), and aligns two texts (:mod:`.compare`).

>>> from orgraph.ingest.template import load_template
>>> len(load_template().headings)
10
"""

__all__: list[str] = []
