"""Which assignment texts the rules have read, and what each of them says that a rule depends on.

The rules cite the two texts by their Document ids; a few rules depend on what one text says and the
other does not (only the 2026 text limits the number of adjunct participants, and only it lets the
meeting frequency be adapted "i dialog med kontaktperson").  The ids are declared here once, so that a
rule's function, its Cypher (as parameters) and its citations agree.  Each tuple below is proven
against the rule's own citations in ``tests/test_rule_citations.py``.

>>> BFM, ORTOPEDI
('uh-bfm-2026', 'uh-ortopedi-2024')
>>> ADJUNCTS_LIMITED_IN, MEETINGS_ADAPTABLE_IN
(('uh-bfm-2026',), ('uh-bfm-2026',))
"""

from __future__ import annotations

__all__ = ["BFM", "ORTOPEDI", "READ", "ADJUNCTS_LIMITED_IN", "MEETINGS_ADAPTABLE_IN"]

#: The 2026 text: Samordningsråd bild- och funktionsmedicin, revised June 2026.
BFM = "uh-bfm-2026"
#: The 2024 text: Samordningsråd ortopedi (no decision date filled in).
ORTOPEDI = "uh-ortopedi-2024"
#: Every text the rules have read, newest first (the order a region-wide finding cites them in).
READ: tuple[str, ...] = (BFM, ORTOPEDI)
#: The texts that limit adjunct participants: "Samordningsrådet kan besluta om ett begränsat antal
#: adjungerade deltagare" (2026; the 2024 text sets no limit).
ADJUNCTS_LIMITED_IN: tuple[str, ...] = (BFM,)
#: The texts that let the meeting frequency be adapted: "Mötesfrekvensen kan anpassas utifrån behoven i
#: aktuellt samordningsråd i dialog med kontaktperson" (2026 only).
MEETINGS_ADAPTABLE_IN: tuple[str, ...] = (BFM,)
