"""`orgraph escalate`, `orgraph reporting-line` and `orgraph path --all/--max-hops` through the real command line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import TODAY

from orgraph import vocabulary

ORTOPEDI_2024 = "[RS 2024-00784 (2024-05-21) § Beslutsfattande (uh-ortopedi-2024-beslutsfattande-5)]"


def test_region_wide_decision_reads_as_a_sentence_chain(cli):
    result = cli("escalate", "sr-ortopedi", "--topic", "region-wide-decision", "--as-of", TODAY)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # Beslutsfattande (2024): "Ordförande kan lyfta behov av regiongemensamt beslutsfattande till
    # samordningsrådets kontaktperson."; Rapportering: the contact person sits in the leadership group.
    assert lines[2:6] == [
        "1. Ordförande, samordningsråd ortopedi (vakant) → Kontaktperson, samordningsråd ortopedi (vakant)",
        "   Ordförande kan lyfta behov av regiongemensamt beslutsfattande till samordningsrådets kontaktperson. "
        + ORTOPEDI_2024,
        "2. Kontaktperson, samordningsråd ortopedi (vakant) → Ledningsgrupp hälso- och sjukvård",
        "   Kontaktpersonen utses bland deltagarna i koncernledning hälso- och sjukvård. "
        "[RS 2024-00784 (2024-05-21) § Rapportering (uh-ortopedi-2024-rapportering-2)]",
    ]
    assert lines[6].startswith("   (härlett: The texts stop at the contact person")  # an inferred hop
    assert lines[7] == "Ledningsgrupp hälso- och sjukvård har mandatet."
    assert lines[0].startswith("Samordningsråd ortopedi: Behov av regiongemensamt beslut (region-wide-decision)")


def test_escalate_speaks_swedish_on_the_seed_and_english_with_lang_en(cli):
    """The seed declares Swedish (props.language: sv on its Region): the sentences follow; --lang en overrides;
    the names, reasons and JSON are the data's whatever the language."""
    common = ["escalate", "sr-ortopedi", "--topic", "region-wide-decision", "--as-of", TODAY]
    sv, en = cli(*common).stdout.splitlines(), cli(*common, "--lang", "en").stdout.splitlines()
    assert sv[0].endswith(f"(region-wide-decision), per {TODAY}") and sv[1] == (
        "Väcks av Ordförande, samordningsråd ortopedi (vakant); en väg:")
    assert en[0].endswith(f"(region-wide-decision), as of {TODAY}") and en[1] == (
        "Raised by Ordförande, samordningsråd ortopedi (vacant); one route:")
    assert en[6].startswith("   (inferred: The texts stop at the contact person")
    assert en[7] == "Ledningsgrupp hälso- och sjukvård holds the mandate."
    assert sv[3] == en[3] and len(sv) == len(en)  # the data's reason, untranslated
    silent = ["escalate", "sr-ortopedi", "--topic", "organisation-and-working-conditions"]
    assert "No route stated: the council's mandate, uh-ortopedi-2024" in cli(*silent, "--lang", "en").stdout
    assert cli(*common, "--format", "json").json() == cli(*common, "--format", "json", "--lang", "en").json()


@pytest.mark.parametrize("day, chair", [("2025-06-30", "Lars-Göran Kylberg, Skaraborgs Sjukhus"),
                                        ("2025-07-01", "Ingrid Malmvik, Sahlgrenska Universitetssjukhuset")])
def test_fictional_holders_and_administrations_change_with_the_date(cli, day, chair):
    text = cli("escalate", "sr-ortopedi", "--topic", "region-wide-decision", "--data", "fictional",
               "--as-of", day).stdout
    assert (f"1. Ordförande, samordningsråd ortopedi ({chair}) → Kontaktperson, samordningsråd ortopedi "
            "(Stefan Hallengren, Sahlgrenska Universitetssjukhuset)") in text.splitlines()
    data = cli("escalate", "sr-ortopedi", "--topic", "regional-routine", "--data", "fictional", "--as-of", day,
               "--format", "json").json()
    assert data["decided_at_start"] and data["routes"][0]["hops"] == []
    assert data["start"]["holder"]["name"] == chair.split(",")[0]


def test_outside_mandate_shows_both_alternatives_with_holders(cli):
    result = cli("escalate", "sr-ortopedi", "--topic", "outside-mandate", "--from", "sr-ortopedi-deltagare-sas",
                 "--data", "fictional", "--as-of", TODAY)
    assert result.exit_code == 0
    text = result.stdout
    assert "2 alternativa vägar:" in text and "Alternativ 1:" in text and "Alternativ 2:" in text
    assert ("Förvaltningschef, Södra Älvsborgs Sjukhus (Johan Bäckelin, Södra Älvsborgs Sjukhus) har "
            "mandatet.") in text
    assert "Berörd koncernövergripande grupp har mandatet." in text
    assert text.count("Helén Vesterlund, Södra Älvsborgs Sjukhus") == 3  # start of each hop + the opening line


def test_the_chair_decides_regional_routines(cli):
    result = cli("escalate", "sr-bild-och-funktionsmedicin", "--topic", "regional-routine")
    assert result.exit_code == 0
    assert ("Ordförande, samordningsråd bild- och funktionsmedicin (vakant) har mandatet och beslutar: "
            "ingen eskalering.") in result.stdout
    assert "[RS 2024-00784 (2026-06-16) § Beslutsfattande (uh-bfm-2026-beslutsfattande-4)]" in result.stdout


def test_silent_text_answers_no_route_stated_and_names_the_text_that_is_not(cli):
    result = cli("escalate", "sr-ortopedi", "--topic", "organisation-and-working-conditions")
    assert result.exit_code == 1
    assert ("Ingen väg anges: samordningsrådets uppdrag, uh-ortopedi-2024 (RS 2024-00784, 2024-05-21)"
            in result.stdout)
    assert ("uh-bfm-2026 (RS 2024-00784, 2026-06-16), för Samordningsråd bild- och funktionsmedicin, leder den "
            "till Regionövergripande samordnande grupper") in result.stdout
    data = cli("escalate", "sr-ortopedi", "--topic", "organisation-and-working-conditions", "--format", "json")
    assert data.exit_code == 1
    assert data.json()["stated"] is False and data.json()["routes"] == []
    assert data.json()["other_texts"][0]["documents"][0]["id"] == "uh-bfm-2026"


@pytest.mark.parametrize("topic", sorted(vocabulary.TOPICS))
@pytest.mark.parametrize("council", ["sr-ortopedi", "sr-bild-och-funktionsmedicin"])
def test_every_council_and_topic_answers_without_error(cli, council, topic):
    result = cli("escalate", council, "--topic", topic, "--format", "json")
    silent = (council, topic) == ("sr-ortopedi", "organisation-and-working-conditions")
    assert result.exit_code == (1 if silent else 0) and result.stderr == ""
    data = result.json()
    assert data["stated"] is not silent
    assert all(route["decider"]["id"] for route in data["routes"])


@pytest.mark.parametrize("args, message", [
    (["sr-ortoped", "--topic", "outside-mandate"],
     "unknown council 'sr-ortoped'; did you mean sr-ortopedi? (valid: sr-bild-och-funktionsmedicin, sr-ortopedi)"),
    (["nothing", "--topic", "outside-mandate"],
     "unknown council 'nothing'; valid: sr-bild-och-funktionsmedicin, sr-ortopedi"),
    (["sr-ortopedi", "--topic", "premises"], "unknown topic 'premises'; valid: " + ", ".join(sorted(
        vocabulary.TOPICS))),
    (["sr-ortopedi", "--topic", "outside-mandate", "--from", "sr-bild-och-funktionsmedicin-ordforande"],
     "unknown post of sr-ortopedi 'sr-bild-och-funktionsmedicin-ordforande'; did you mean sr-ortopedi-ordforande? "
     "(valid: sr-ortopedi-adjungerade, sr-ortopedi-deltagare, sr-ortopedi-kontaktperson, sr-ortopedi-koordinator, "
     "sr-ortopedi-ordforande)"),
])
def test_unknown_council_topic_or_post_exits_2_with_the_choices(cli, args, message):
    result = cli("escalate", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"orgraph: error: {message}\n"


def test_topic_is_required(cli):
    result = cli("escalate", "sr-ortopedi")
    assert result.exit_code == 2 and "--topic" in result.stderr


def test_installed_command_prints_no_traceback():
    result = subprocess.run([sys.executable, "-m", "orgraph", "escalate", "sr-ortopedi", "--topic", "x"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("orgraph: error: unknown topic 'x'")


# --- reporting-line ------------------------------------------------------------------------------


def test_reporting_line_of_a_participant(cli):
    result = cli("reporting-line", "sr-ortopedi-deltagare-su", "--data", "fictional", "--as-of", TODAY)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == ("1. Deltagare Sahlgrenska Universitetssjukhuset, samordningsråd ortopedi (Niklas Berglöf, "
                        "Sahlgrenska Universitetssjukhuset) —REPORTS_TO→ Förvaltningschef, Sahlgrenska "
                        "Universitetssjukhuset (Cecilia Wärn Holmberg, Sahlgrenska Universitetssjukhuset)")
    assert lines[2] == ("   Deltagarna rapporterar i sin ordinarie linjestruktur. "
                        "[RS 2024-00784 (2024-05-21) § Rapportering (uh-ortopedi-2024-rapportering-1)]")
    assert lines[3].startswith("   (härlett: ")  # the line to the head is the model's reading
    assert "—REPORTS_TO→ Regiondirektör (Helena Strandberg Vik, Koncernkontoret)" in lines[4]
    assert lines[-2].endswith("—POST_OF→ Västra Götalandsregionen")


def test_reporting_line_json_lists_the_hops_with_ids(cli):
    data = cli("reporting-line", "sr-ortopedi-processteam", "--format", "json").json()
    assert data["start"]["id"] == "sr-ortopedi-processteam"
    assert [[(h["type"], h["to_id"]) for h in line] for line in data["lines"]] == [
        [("REPORTS_TO", "sr-ortopedi"), ("REFERENCE_GROUP_FOR", "lg-hs"), ("PART_OF", "vgr")]]


def test_reporting_line_of_a_person_holding_two_posts(cli):
    text = cli("reporting-line", "stefan-hallengren", "--data", "fictional").stdout
    assert "Rapporteringslinje 1 av 2 från Stefan Hallengren:" in text and "Rapporteringslinje 2 av 2" in text
    text = cli("reporting-line", "stefan-hallengren", "--data", "fictional", "--lang", "en").stdout
    assert "Reporting line 1 of 2 from Stefan Hallengren:" in text and "Reporting line 2 of 2" in text


def test_reporting_line_speaks_the_models_language_and_english_on_request(cli):
    swedish = cli("reporting-line", "sr-ortopedi-deltagare-su", "--data", "fictional", "--as-of", TODAY).stdout
    english = cli("reporting-line", "sr-ortopedi-deltagare-su", "--data", "fictional", "--as-of", TODAY,
                  "--lang", "en").stdout
    assert swedish.startswith("Rapporteringslinje från ") and english.startswith("Reporting line from ")
    assert "(härlett: " in swedish and "(inferred: " in english
    assert swedish.splitlines()[1] == english.splitlines()[1]  # names and quotes are the data's


@pytest.mark.parametrize("args, code, where, message", [
    (["vgr"], 0, "stdout", "Västra Götalandsregionen står överst: inget ovanför.\n"),
    (["vgr", "--lang", "en"], 0, "stdout", "Västra Götalandsregionen is at the top: nothing above it.\n"),
    (["jonas-claesson", "--as-of", "2025-01-01"], 1, "stdout",
     "Jonas Claesson har ingen post detta datum: ingen rapporteringslinje.\n"),
    (["uh-bfm-2026"], 2, "stderr",
     "orgraph: error: uh-bfm-2026 is a Document: only posts, people and bodies have a reporting line\n"),
    (["sr-ortopedi-deltagar"], 2, "stderr", "orgraph: error: unknown node 'sr-ortopedi-deltagar'; did you mean "
     "sr-ortopedi-deltagare or sr-ortopedi or sr-ortopedi-ordforande?\n"),
])
def test_reporting_line_edges(cli, args, code, where, message):
    result = cli("reporting-line", *args)
    assert result.exit_code == code and getattr(result, where) == message


# --- path --all and --max-hops --------------------------------------------------------------------

# Between the two councils every shortest path has two hops, through one of these shared neighbours.
SHARED = {"ansvarig-funktion-stodprocess", "hsu-direktor", "klinisk-ledning", "koncernovergripande-grupp", "lg-hs",
          "npo", "ppr", "vgr"}


def test_path_all_lists_every_shortest_path_and_the_first_is_the_default(cli):
    every = cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--all", "--format", "json").json()
    assert {path[0]["to"] for path in every} == SHARED and len(every) == len(SHARED)
    assert all(len(path) == 2 and path[1]["to"] == "sr-bild-och-funktionsmedicin" for path in every)
    one = cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--format", "json").json()
    assert one == every[:1]
    text = cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--all").stdout
    assert f"path 1 of {len(SHARED)}, 2 hop(s):" in text and f"path {len(SHARED)} of {len(SHARED)}" in text


def test_path_all_with_via_keeps_only_those_types(cli):
    paths = cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--all", "--via", "PART_OF",
                "--format", "json").json()
    assert [[(h["from"], h["type"], h["to"], h["direction"]) for h in p] for p in paths] == [
        [("sr-ortopedi", "PART_OF", "vgr", "forward"), ("vgr", "PART_OF", "sr-bild-och-funktionsmedicin", "backward")]]


def test_path_max_hops_refuses_longer_paths(cli):
    short = cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--max-hops", "1")
    assert short.exit_code == 1 and short.stdout == "no path from sr-ortopedi to sr-bild-och-funktionsmedicin\n"
    assert cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--max-hops", "1", "--format",
               "json").json() == []
    assert cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--max-hops", "2").exit_code == 0
    zero = cli("path", "sr-ortopedi", "sr-bild-och-funktionsmedicin", "--max-hops", "0")
    assert zero.exit_code == 2 and "--max-hops" in zero.stderr
