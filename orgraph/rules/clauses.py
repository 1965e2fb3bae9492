"""The Clause node each rule citation stands in: ``(document, section, quote) -> clause id``.

The clauses are the model's (``seed/clauses/<document>.yaml``); ``tests/test_rule_citations.py`` proves
that each id names a clause of that document, under that heading, whose verbatim text holds the quote,
and that the quote occurs in the shipped text there.  A citation whose quote is not listed has no id.

>>> CLAUSE_IDS[("uh-ortopedi-2024", "Datum för beslut", "(ifylls av beslutsfattaren vid godkännande)")]
'uh-ortopedi-2024-datum-for-beslut-1'
"""

from __future__ import annotations

__all__ = ["CLAUSE_IDS"]

CLAUSE_IDS: dict[tuple[str, str, str], str] = {
    ('uh-bfm-2026', 'Arbetsorganisation',
     'Deltagarna arbetar som chefer inom aktuell verksamhet'): 'uh-bfm-2026-arbetsorganisation-2',
    ('uh-bfm-2026', 'Arbetsorganisation',
     'Mötesfrekvens: 4 till maximalt 8 ggr/år.'): 'uh-bfm-2026-arbetsorganisation-9',
    ('uh-bfm-2026', 'Arbetsorganisation',
     'Mötesfrekvensen kan anpassas utifrån behoven i aktuellt samordningsråd i dialog med kontaktperson.'): 'uh-bfm-2026-arbetsorganisation-11',
    ('uh-bfm-2026', 'Arbetsorganisation',
     'Ordförande: Utses av ledningsgrupp hälso- och sjukvård enligt särskild rutin, (RS 2019-03137-40).'): 'uh-bfm-2026-arbetsorganisation-1',
    ('uh-bfm-2026', 'Arbetsorganisation',
     'Regionala processteam inom kunskapsstyrningen rapporterar till samordningsrådet.'): 'uh-bfm-2026-arbetsorganisation-13',
    ('uh-bfm-2026', 'Arbetsorganisation',
     'Samordningsrådet kan besluta om ett begränsat antal adjungerade deltagare.'): 'uh-bfm-2026-arbetsorganisation-5',
    ('uh-bfm-2026', 'Arbetsorganisation',
     'tillhandahåller Koncernkontoret koordinator till varje samordningsråd'): 'uh-bfm-2026-arbetsorganisation-15',
    ('uh-bfm-2026', 'Datum för beslut',
     '(ifylls av beslutsfattaren vid godkännande)'): 'uh-bfm-2026-datum-for-beslut-1',
    ('uh-bfm-2026', 'Rapportering',
     'Deltagarna i samordningsråden rapporterar i sin ordinarie linjestruktur'): 'uh-bfm-2026-rapportering-1',
    ('uh-bfm-2026', 'Rapportering',
     'Huvudprincipen är att kontaktperson och ordförande i samordningsrådet kommer från olika förvaltningar.'): 'uh-bfm-2026-rapportering-3',
    ('uh-bfm-2026', 'Rapportering',
     'Till varje samordningsråd utses en kontaktperson bland deltagarna i koncernledning hälso- och sjukvård.'): 'uh-bfm-2026-rapportering-2',
    ('uh-bfm-2026', 'Uppdragsbeskrivning',
     'Gruppen består av representanter som utsetts av respektive förvaltningschef'): 'uh-bfm-2026-uppdragsbeskrivning-1',
    ('uh-bfm-2026', 'Uppdragshandling',
     'Regiondirektören har fördelat ansvaret att inrätta och avveckla samordningsråd till hälso- och sjukvårdsutvecklingsdirektören.'): 'uh-bfm-2026-uppdragshandling-9',
    ('uh-bfm-2026', 'Uppdragshandling',
     'reviderad juni 2026'): 'uh-bfm-2026-uppdragshandling-3',
    ('uh-ortopedi-2024', 'Arbetsorganisation',
     'Deltagarna arbetar som chefer inom aktuell verksamhet'): 'uh-ortopedi-2024-arbetsorganisation-2',
    ('uh-ortopedi-2024', 'Arbetsorganisation',
     'Mötesfrekvens: 4 – 8 ggr/år'): 'uh-ortopedi-2024-arbetsorganisation-9',
    ('uh-ortopedi-2024', 'Arbetsorganisation',
     'Ordförande: Utses av koncernledning hälso- och sjukvård enligt särskild rutin, (RS 2019-03137-40).'): 'uh-ortopedi-2024-arbetsorganisation-1',
    ('uh-ortopedi-2024', 'Arbetsorganisation',
     'Regionala processteam inom kunskapsstyrningen rapporterar till samordningsrådet.'): 'uh-ortopedi-2024-arbetsorganisation-11',
    ('uh-ortopedi-2024', 'Arbetsorganisation',
     'tillhandahåller Koncernkontoret koordinatör till varje samordningsråd'): 'uh-ortopedi-2024-arbetsorganisation-13',
    ('uh-ortopedi-2024', 'Datum för beslut',
     '(ifylls av beslutsfattaren vid godkännande)'): 'uh-ortopedi-2024-datum-for-beslut-1',
    ('uh-ortopedi-2024', 'Rapportering',
     'Deltagarna i samordningsråden rapporterar i sin ordinarie linjestruktur'): 'uh-ortopedi-2024-rapportering-1',
    ('uh-ortopedi-2024', 'Rapportering',
     'Huvudprincipen är att kontaktperson och ordförande i samordningsrådet kommer från olika förvaltningar.'): 'uh-ortopedi-2024-rapportering-3',
    ('uh-ortopedi-2024', 'Rapportering',
     'Till varje samordningsråd utses en kontaktperson bland deltagarna i koncernledning hälso- och sjukvård.'): 'uh-ortopedi-2024-rapportering-2',
    ('uh-ortopedi-2024', 'Uppdragsbeskrivning',
     'Gruppen består av representanter som utsetts av respektive förvaltningschef'): 'uh-ortopedi-2024-uppdragsbeskrivning-1',
    ('uh-ortopedi-2024', 'Uppdragshandling för samordningsråd',
     'Datum: 2024-05-21'): 'uh-ortopedi-2024-uppdragshandling-for-samordningsrad-1',
    ('uh-ortopedi-2024', 'Uppdragshandling för samordningsråd',
     'Regiondirektören har fördelat ansvaret att inrätta och avveckla samordningsråd till hälso- och sjukvårdsutvecklingsdirektören.'): 'uh-ortopedi-2024-uppdragshandling-for-samordningsrad-9',
}
