"""The quality gate (quizgen/questions/gate/): one behaviour per test, on small texts written for them.

The tricky passages of issue 15 (two people who could be "he", a quotation between a name and
the pronoun, a name inside an event's name, possessives) are here too: whatever else changes,
no question may put a name into a sentence that the text does not put there.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quizgen
from quizgen.models import Source

HERE = Path(__file__).parent


def _verdicts(text: str, title: str = "t") -> list[dict]:
    return list(quizgen.explain_sources([Source.from_text(text, id="t", title=title)]))


def _emitted(text: str, title: str = "t") -> list[dict]:
    return [v for v in _verdicts(text, title) if v["emitted"]]


def _reasons(text: str, answer: str) -> list[str]:
    return [v["reason"] for v in _verdicts(text) if v["answer"] == answer]


TRICKY = [
    # two men, either of whom could be "he"
    "Tiger Woods and Arnold Palmer played a round together in Orlando. He has not added to his total of 14 major "
    "wins since 2008.",
    # a quotation (and its speaker) between the name and the pronoun
    "Ferdinand Magellan reached the island of Cebu in 1521. \"We will bring them the faith,\" King Charles wrote. "
    "He was killed in the Battle of Mactan in April 1521.",
    # a name inside the name of an event
    "Tiger Woods won the Arnold Palmer Invitational in March 2008. He has not won another major since 2008.",
    # possessives of two people
    "Marie Curie's husband Pierre Curie died in Paris in 1906. Her work on radium continued until 1934.",
    # two women
    "Serena Williams beat Maria Sharapova in the final in Melbourne in 2007. She lifted the trophy for the third time.",
]


def _names(text: str) -> set[str]:
    """Capitalised words that are not a sentence's first word."""
    out = set()
    for sentence in re.split(r"(?<=[.?!])\s+", text):
        words = re.findall(r"[A-Za-z][\w'-]*", sentence)
        out |= {w for w in words[1:] if w[0].isupper()}
    return out


@pytest.mark.parametrize("text", TRICKY)
def test_no_question_names_anybody_its_evidence_does_not(text):
    quiz = quizgen.generate(text, source_id="t")
    for q in quiz.questions:
        shown = quiz.sources[0].text[q.evidence.start : q.evidence.end]
        assert _names(q.prompt) <= set(re.findall(r"[A-Za-z][\w'-]*", shown)), q.prompt


@pytest.mark.parametrize("text", TRICKY)
def test_a_pronoun_that_two_people_could_fill_is_never_asked_about(text):
    quiz = quizgen.generate(text, source_id="t")
    for q in quiz.questions:
        shown = quiz.sources[0].text[q.evidence.start : q.evidence.end]
        first = re.split(r"(?<=[.?!])\s+", shown)[0]
        assert not re.match(r"(He|She|His|Her)\b", first), q.prompt  # a card never opens on an unnamed "he"


def test_every_shipped_text_keeps_names_where_the_text_puts_them():
    for path in sorted((HERE.parent / "seeds").glob("*.txt")) + sorted((HERE / "texts").glob("*.txt")):
        quiz = quizgen.generate(path.read_text(encoding="utf-8"), source_id=path.stem)
        for q in quiz.questions:
            shown = quiz.sources[0].text[q.evidence.start : q.evidence.end]
            assert _names(q.prompt) <= set(re.findall(r"[A-Za-z][\w'-]*", shown)), (path.name, q.prompt)


def test_a_cloze_is_a_whole_sentence_never_a_window():
    text = ("The committee, which had been meeting in private since the spring and whose members included "
            "three former ministers, two judges and a retired admiral, finally published its long-awaited "
            "report on the state of the rivers in the north of England in March 2004, after a delay that "
            "critics said had cost the region dearly.")
    for v in _emitted(text):
        assert "\u2026" not in v["prompt"]


def test_bylines_and_promo_lines_are_not_quizzed():
    text = ("Cuba will release 553 prisoners, officials in Havana said in January 2025.\n\n"
            "CNN's Patrick Oppmann contributed to this report.\n\nRead more: Cuba and the Vatican since 1998.")
    answers = {v["answer"] for v in _emitted(text)}
    assert "Patrick Oppmann" not in answers and "1998" not in answers
    assert all(r.startswith("boilerplate") for r in _reasons(text, "Patrick Oppmann"))
    text = text.replace("contributed to this report", "contributed reporting")
    assert any(r.startswith("boilerplate") for r in _reasons(text, "Patrick Oppmann"))


def test_a_definite_description_that_points_back_is_unresolved():
    text = "Two fishermen from Hull were rescued off Norway in May 2010. The men were flown to Oslo in June 2010."
    assert "Oslo" not in {v["answer"] for v in _emitted(text)}
    assert any("the men" in (r or "").lower() for r in _reasons(text, "Oslo"))


def test_one_item_of_a_list_is_not_blanked_but_the_whole_list_is():
    text = "Countries on the list include North Korea, Iran and Syria."
    emitted = {v["answer"] for v in _emitted(text)}
    assert "Iran" not in emitted
    assert "North Korea, Iran and Syria" in emitted


def test_a_weekday_is_trivial():
    assert "trivial: a weekday" in _reasons("Cuba said on Tuesday that it will free 553 prisoners in Havana.", "Tuesday")


def test_who_is_not_asked_of_a_ship():
    text = "The Aurora Australis suspended the rescue of the Akademik Shokalskiy near Antarctica in January 2014."
    for v in _emitted(text):
        assert not (v["prompt"].startswith("Who") and v["answer"] == "The Aurora Australis")


def test_every_candidate_has_a_verdict_and_the_emitted_ones_are_the_quiz():
    text = (HERE.parent / "seeds" / "cuba-prisoner-release.txt").read_text(encoding="utf-8")
    verdicts = list(quizgen.explain_sources([Source.from_text(text, id="c", title="Cuba")]))
    quiz = quizgen.generate(text, source_id="c", title="Cuba")
    assert all(v["emitted"] == (v["reason"] is None) for v in verdicts)
    assert sorted((v["prompt"], v["answer"]) for v in verdicts if v["emitted"]) == \
        sorted((q.prompt, q.answer.text) for q in quiz.questions)
    assert len(verdicts) > len(quiz.questions)  # some were dropped, each with its reason


def test_explain_command_writes_one_verdict_per_line(tmp_path):
    out = tmp_path / "why.jsonl"
    r = subprocess.run([sys.executable, "-m", "quizgen", "explain", str(HERE.parent / "seeds" / "apollo-11.txt"),
                        "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {"prompt", "answer", "emitted", "reason"} <= set(rows[0])
    assert f"{len(rows)} candidates" in r.stderr


def _question_reasons(text: str, answer: str) -> list:
    """(prompt, reason) of every wh-question candidate for ``answer``."""
    from candidates import candidate_prompts

    return [(p, why) for p, a, why in candidate_prompts(text) if a == answer and p.endswith("?")]

def assert_verdicts_dropped(text: str, answer: str, reason: str, questions_only: bool = False, containing: str = "") -> None:
    """As :func:`assert_dropped`, over ``quizgen explain``'s verdicts (after ranking too); only the
    wh-questions with ``questions_only``, only prompts holding ``containing`` when given."""
    found = [(v["prompt"], v["reason"]) for v in _verdicts(text) if v["answer"] == answer
             and not (questions_only and v["format"] == "cloze") and containing in v["prompt"]]
    assert found, "no candidate at all: the test would prove nothing"
    assert all(why and reason.lower() in why.lower() for _p, why in found), found


def assert_not_carded(text: str, answer: str, reason: str) -> None:
    """No card for ``answer``: either no candidate was made for it (the ask stage saw the same cause:
    a sentence that leans on one not shown gets no candidate unless the sentences before it can be
    shown), or every candidate was dropped with a reason that says ``reason``."""
    from candidates import candidate_prompts

    found = [(p, why) for p, a, why in candidate_prompts(text) if a == answer]
    assert all(why and reason.lower() in why.lower() for _p, why in found), found
    assert answer not in {q.answer.text for q in quizgen.generate(text, source_id="t").questions}


def assert_dropped(text: str, answer: str, reason: str, templates=None) -> None:
    """Every candidate for ``answer`` exists and is dropped with a reason that says ``reason``."""
    from candidates import candidate_prompts

    found = [(p, why) for p, a, why in candidate_prompts(text, templates) if a == answer]
    assert found, "no candidate at all: the test would prove nothing"
    assert all(why and reason.lower() in why.lower() for _p, why in found), found


def gate_info(text: str):
    """The candidates that passed the gate for ``text``, and the gate's DocInfo."""
    from quizgen.nlp.model import parse
    from quizgen.questions.build import DEFAULT_FORMATS, _gate

    passed, _rejected, _facts, _entities, info = _gate(Source.from_text(text, id="t"), parse(text), DEFAULT_FORMATS, None)
    return passed, info


def test_two_clauses_are_never_merged_into_one_false_statement():
    text = ("When a full-scale Italian invasion of Ethiopia began on October 3 of that year, the League Council "
            "immediately declared Italy the aggressor, and fifty-one member nations approved sanctions against Italy.")
    for prompt, why in _question_reasons(text, "the League Council"):
        assert "approved" not in prompt or (why or "").startswith("malformed question: two clauses merged")
    # a second clause that shares the subject of the first is one statement, and stays
    shared = "NAFTA was signed by three countries in 1992, and was replaced by a new agreement in 2020."
    assert any(why is None for _p, why in _question_reasons(shared, "2020") + _question_reasons(shared, "1992"))


def test_a_question_with_two_clauses_run_together_is_dropped():
    text = ("Amerigo's two older brothers were sent to the University of Pisa for their education; "
            "Antonio followed his father.")
    assert all(why for _p, why in _question_reasons(text, "Antonio"))


def test_a_verb_that_needs_what_follows_does_not_end_a_question():
    import dataclasses

    from quizgen.questions import gate

    text = "About 1.1 million Americans were living with HIV in 2012, and Amerigo went to Seville in 1492."
    passed, info = gate_info(text)
    c = next(c for c in passed if c.prompt == "In what year did Amerigo go to Seville?")
    assert gate.wh_form(info, c) is None
    cut = dataclasses.replace(c, prompt="In what year did Amerigo go?")  # as if "to Seville" were lost
    assert gate.wh_form(info, cut).startswith("incomplete")


def test_a_name_cut_after_its_particle_is_not_an_answer():
    text = "In 1474 Columbus used the work of the Florentine astronomer Paolo dal Pozzo Toscanelli on the Atlantic."
    assert "Pozzo Toscanelli" not in {v["answer"] for v in _emitted(text)}


def test_who_is_not_asked_of_a_castle_or_a_university():
    text = ("Elmina Castle was built by Portuguese traders in 1482 on the coast of Ghana. "
            "Amerigo's two older brothers were sent to the University of Pisa in 1470 for their education.")
    for prompt, why in _question_reasons(text, "Elmina Castle") + _question_reasons(text, "the University of Pisa"):
        assert why or not re.match(r"^(\w+ )?(who|whom)\b", prompt, re.I), prompt


def test_a_bare_title_is_not_an_answer_and_nor_is_a_word_of_a_number():
    text = ("King Juan Carlos ruled Spain for 39 years. Tourists took selfies in Madrid on Monday after the King "
            "announced his departure in June 2014. Barardi invested half a million maravedis in the voyage in 1493.")
    answers = {v["answer"] for v in _emitted(text)}
    assert "the King" not in answers and "million" not in answers


def test_a_pronoun_in_a_who_question_that_is_not_the_asked_for_person_is_unresolved():
    text = ("Maria Lopez was found dead in her home in Metairie in 2013. "
            "The Jefferson Parish Sheriff's Office said Flugence often babysat for her.")
    for prompt, why in _question_reasons(text, "The Jefferson Parish Sheriff's Office"):
        assert why, prompt


def test_a_distractor_whose_period_holds_the_answer_is_not_offered():
    from quizgen.questions.gate.choices import _periods_overlap

    assert _periods_overlap("the 1870s", "the 1800s") and _periods_overlap("1913", "May 1913")
    assert _periods_overlap("the 19th century", "1850")
    assert not _periods_overlap("the 1870s", "the 1820s") and not _periods_overlap("May 1913", "October 1913")


@pytest.mark.parametrize("text, answer, reason", [
    ("The league touched off the First Balkan War in October 1912 by attacking Macedonia.", "Macedonia",
     "'the league'"),
    ("One was sold in 1906 to the lawyer Martin Trias in Barcelona.", "1906", "'One'"),
    ("Among later owners was his sister Charlotte Harriet Jane Hope-Scott, the Hon.", "Charlotte Harriet Jane Hope-Scott",
     "abbreviation"),
    ("Sales were driven by new artists such as Keane, whose debut album sold 1.6 million copies in 2004.", "Keane",
     "such as"),
])
def test_a_card_that_leans_on_what_it_does_not_show_is_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_wh_questions_with_a_doubled_or_wrongly_tensed_verb_are_dropped():
    import dataclasses

    from quizgen.questions import gate

    text = "Alessandro Volta moved to Camnago in 1819."
    passed, info = gate_info(text)
    c = next(c for c in passed if c.prompt.endswith("?") and c.fact.text == "1819")
    assert gate.wh_form(info, c) is None
    for bad in ("In what year did Alessandro Volta moved to Camnago?", "When was Alessandro Volta was moved to Camnago?",
                "In what year did the younger Volta move to Camnago?"):
        assert gate.wh_form(info, dataclasses.replace(c, prompt=bad)), bad


@pytest.mark.parametrize("text, answer, reason", [
    ("The Vespuccis had good relations with Lorenzo de' Medici, the ruler of Florence, in 1480.", "Lorenzo de",
     "name particle"),
    ("The Vespuccis had good relations with Lorenzo de' Medici, the ruler of Florence, in 1480.", "Medici",
     "begins before the answer"),
])
def test_answers_and_questions_cut_or_run_together_are_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_a_passive_made_active_is_dropped():
    import dataclasses

    from quizgen.questions import gate

    text = "GMD troops were displaced from Manchukuo by the Japanese army in 1934."
    passed, info = gate_info(text)
    c = next(c for c in passed if c.prompt.endswith("?") and c.fact.text == "1934")
    assert gate.wh_form(info, c) is None, c.prompt
    bad = dataclasses.replace(c, prompt="In what year did GMD troops displace from Manchukuo by the Japanese army?")
    assert "passive" in gate.wh_form(info, bad)
    # the same from a reduced relative clause, the form it took in round 7's textbook sheet
    text = ("In 1934, GMD troops displaced from Manchukuo by the Japanese had repositioned themselves south of "
            "the Great Wall.")
    found = [(p, why) for p, a, why in __import__("candidates").candidate_prompts(text) if "displace " in p]
    assert all(why for _p, why in found), found


@pytest.mark.parametrize("text, answer, reason", [
    ("Voyager 2 arrived at Jupiter four months later, and reached Saturn in 1981.", "Jupiter", "four months later"),
    ("The uninsured number reached its lowest point in 2016, before beginning to climb again (Garfield 2019).",
     "2016", "citation"),
    ("By 300 BCE, the city controlled dozens of the trading towns on the North African coast.", "300",
     "'the city'"),
    ("Imagine transporting all the members of Congress across the ocean in forty vessels.", "Congress",
     "finite verb"),
])
def test_time_citations_and_subjects_the_card_does_not_anchor_are_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_a_relative_time_anchored_by_a_year_before_it_stays():
    text = "Marie Curie moved to Paris in 1891, and four years later she married Pierre Curie in Sceaux."
    assert any(why is None for _p, a, why in __import__("candidates").candidate_prompts(text) if a == "Sceaux")


def test_person_distractors_that_are_places_or_groups_are_not_offered():
    """The tagger calls "Catto Long Barrow" a person; a word of the name says it is not one."""
    from quizgen.questions.gate.words import NOT_A_PERSON, NOT_WHO

    for name in ("Catto Long Barrow", "Maitland Clubs", "Gordon District", "Elsick Mounth", "Abercrombie et al"):
        assert NOT_A_PERSON.search(name) or NOT_WHO.search(name), name
    for name in ("Thomas Randolph", "Robert the Bruce", "Harriet Martineau", "Pope John Paul II"):
        assert not NOT_A_PERSON.search(name) and not NOT_WHO.search(name), name


def test_who_is_not_asked_of_a_company():
    import dataclasses

    from quizgen.questions import gate

    text = "Sony was founded by Masaru Ibuka and Akio Morita in Tokyo in 1946."
    passed, info = gate_info(text)
    c = next(c for c in passed if c.prompt.endswith("?"))
    bad = dataclasses.replace(c, prompt="Who was the first Japanese company to list on the New York Stock Exchange?")
    assert gate.answer_type(info, bad).startswith("wrong question word")


@pytest.mark.parametrize("text, answer, reason", [
    ("Commissioned lieutenant in 1914 and promoted captain in 1917, Fleming served throughout World War I in "
     "the Royal Army Medical Corps, and was Mentioned in Dispatches.", "Dispatches", "ends a name"),
    ("British forces defeated the rebels in Iraq during the Anglo-Iraqi War in May 1941.", "Iraq", "giveaway"),
    ("As of May 2016, the park had 9 million visitors a year, said Joan Miro in Barcelona.", "May 2016",
     "date stamp"),
])
def test_misparsed_subjects_giveaways_and_date_stamps_are_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_an_answer_inside_a_longer_word_of_the_card_is_a_giveaway():
    from quizgen.questions.gate.worth import _given_away

    assert _given_away("the _____ War", "Iraq") is False
    assert _given_away("during the Anglo-Iraqi War, _____ fell", "Iraq")
    assert _given_away("Dürer (without an umlaut: _____) signed it", "Durer")
    assert not _given_away("_____'s army marched on Rome", "Caesar")


def test_held_out_failures_a_title_run_into_a_name_and_a_dangling_participle():
    import dataclasses

    from quizgen.questions import gate

    text = "A rival kurultai in Mongolia proclaimed Ariq Böke Great Khan in 1260, beginning a civil war."
    found = [(p, why) for p, a, why in __import__("candidates").candidate_prompts(text) if a == "Ariq Böke Great Khan"]
    assert found and all(why and "title run into the name" in why for _p, why in found)
    passed, info = gate_info(text)
    c = next(c for c in passed if c.prompt.endswith("?"))
    bad = dataclasses.replace(c, prompt="In what year was the estate shipped to Belgrade in 80 trunks marked?")
    assert gate.wh_form(info, bad).startswith("incomplete")


@pytest.mark.parametrize("text, answer, reason", [
    ("Antonio Brown caught six passes for 80 yards, while Ted Ginn had four receptions for 74.", "four",
     "number at the end"),
])
def test_held_out_failures_a_verb_without_its_object_and_a_number_without_its_unit(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_a_number_at_the_end_is_fine_when_it_is_an_age_or_a_year():
    for text, answer in (("Frederick Thompson was reported missing in 1914 at the age of 20.", "1914"),
                         ("Alessandro Volta moved to Camnago in 1819.", "1819")):
        assert any(why is None for p, a, why in __import__("candidates").candidate_prompts(text)
                   if a == answer and p.endswith("?")), text


def test_a_comma_left_inside_a_question_drops_it():
    text = ("Chiang Kai-shek was taken prisoner in Xian, by Manchurian forces, in December 1936. "
            "Nagasaki, on the southern island of Kyushu, had ten churches by 1600.")
    found = _question_reasons(text, "December 1936") + _question_reasons(text, "ten")
    assert found and all(why.startswith("malformed question: a comma") for p, why in found if "," in p), found


def test_to_whom_is_asked_only_of_people():
    text = "In 1927 Stalin expelled Trotsky from the Communist Party."
    assert_dropped(text, "the Communist Party", "'to whom' for a place or an organisation",
                   templates=__import__("candidates").with_whom())


def test_who_is_not_asked_of_a_name_the_text_uses_as_a_place():
    from quizgen.questions.gate.info import _used_as_place

    text = "The Songhai Empire stretched from Kano in Hausaland to Taghaza. Trade grew in Kano after 1500."
    assert _used_as_place(text, "Kano")
    assert not _used_as_place("In Smith's view, Smith was right. Smith said so at noon.", "Smith")


def test_a_where_question_on_one_link_of_a_chain_of_places_is_dropped():
    text = "Authorities arrested Mata on Tuesday in Miami Gardens, Florida, police said."
    from candidates import with_where

    assert_dropped(text, "Miami Gardens", "one link of a chain", with_where())


def test_date_choices_keep_the_answers_form():
    from quizgen.questions.gate.choices import _date_shape

    assert _date_shape("the late 1970s") == _date_shape("the 1990s") == "the 9s"
    assert _date_shape("late November 1968") == _date_shape("April of 2016") == "M 9"
    assert _date_shape("Between the 1880s") != _date_shape("the late 1970s")
    assert _date_shape("the age of fifteen in 1486") != _date_shape("early 1492")


def test_a_motion_verb_without_where_to_is_dropped():
    assert_dropped("Cassini arrived in 2004. It orbited Saturn for thirteen years.", "2004", "without where to")


def test_a_verb_that_lost_its_infinitive_or_a_work_asked_with_who_is_dropped():
    from types import SimpleNamespace

    from quizgen.questions.gate import answer_type

    from quizgen.questions.gate.words import NEEDS_COMPLEMENT

    assert {"agreed", "decided", "planned"} <= NEEDS_COMPLEMENT  # "How much have the directors agreed?"
    info = SimpleNamespace(text="The album Exodus Live by Bob Marley came out in 1977.")
    fact = SimpleNamespace(label="PERSON", entity_name="Exodus Live", text="Exodus Live", kind="who")
    c = SimpleNamespace(format="short_answer", fact=fact, prompt="Who came out in 1977?")
    assert "asks for a work" in answer_type(info, c)
    c.prompt = "Who sang the song in 1977?"
    c.fact = SimpleNamespace(label="PERSON", entity_name="Bob Marley", text="Bob Marley", kind="who")
    assert answer_type(info, c) is None


def test_a_bare_other_opener_is_shown_with_the_sentence_before_it():
    text = ("The new Nintendo DS has two screens. Other features include a short-range messaging application "
            "called Pictochat, and a microphone used in the launch title Project Rub.")
    found = [(p, why) for p, a, why in __import__("candidates").candidate_prompts(text) if a == "Pictochat"]
    assert found and all(p.startswith("The new Nintendo DS") for p, why in found if why is None), found
    # an 'other' phrase that says what it is stands alone
    text = "Other countries currently listed as state sponsors of terrorism include North Korea, Iran, and Syria."
    assert "North Korea, Iran, and Syria" in {v["answer"] for v in _emitted(text)}


def test_a_person_named_only_by_nationality_is_not_put_in_a_question():
    text = ("Frank Hadden has picked his side. The South African has been appointed to take charge of "
            "Scotland's match against Wales on 13 March.")
    assert_dropped(text, "13 March", "'the South African'")
    assert_dropped(text, "Wales", "'the South African'")


def test_quoted_as_saying_and_a_bare_comparative_are_dropped():
    text = "Imports rose even faster, by 16.3%, to a new record of $1.76 trillion in 2004, the Commerce Department said."
    for prompt, why in _question_reasons(text, "16.3%"):
        assert why or "even faster" not in prompt, prompt


def test_answers_that_are_trivial_or_two_names_are_dropped():
    from candidates import candidate_prompts, with_where

    assert_dropped("Reyes has added to speculation linking him with a move from Arsenal to Real Madrid after a prank.",
                   "Arsenal to Real Madrid", "two answers in one")
    assert_dropped("Spanish drama Maria Full of Grace, about a Colombian woman, got five nominations.", "Grace",
                   "the end of a longer name")
    assert [why for p, a, why in candidate_prompts("The portable games machine will retail for £99 in the UK from March.",
                                                   with_where()) if a == "UK" and p.startswith("Where")] == \
        ["giveaway: the currency names the country"]
    assert_dropped("US retail sales ended the year on a high note with solid gains in December.", "December",
                   "gives away December")


def test_distractors_are_not_parties_or_the_questions_own_person():
    from quizgen.questions.distractors import NOT_PEOPLE

    assert NOT_PEOPLE.search("Dems") and NOT_PEOPLE.search("Barrick Gold") and not NOT_PEOPLE.search("Denise Lewis")
    text = ("Collins has worked with Steve Backley and Denise Lewis in the past. Dave Collins, his coach, and "
            "David Collins, his brother, watched him train with Kelly Holmes and Paula Radcliffe in 2004.")
    passed, _info = gate_info(text)
    for c in passed:
        if c.format == "multiple_choice" and "Collins" in c.prompt:
            assert not any("Collins" in d for d, ok in c.choices if not ok), c.choices


def test_a_time_is_asked_of_its_own_verb_not_of_the_one_above_it():
    text = "Hadden has been appointed to take charge of Scotland's match against Wales on 13 March."
    assert not [p for p, why in _question_reasons(text, "13 March") if why is None and "appointed" in p]


def test_who_is_not_asked_of_a_one_word_name_never_given_as_a_persons():
    text = "Lyon will return to the Ligue 1 summit if they beat Montpellier on Sunday, coach Remi Garde said."
    for prompt, why in _question_reasons(text, "Lyon"):
        assert why, prompt
    assert_dropped("Sittwe is the capital of Rakhine state, where the floods of 2015 struck.", "Sittwe", "who")


def test_held_out_wikipedia_failures_are_dropped():
    assert_dropped("Crosby was born on May 3, 1903 in a house his father built at 1112 North J Street.", "1112",
                   "house number")
    text = "In 1876 Queen Victoria made Benjamin Disraeli Earl of Beaconsfield. She created him a peer in 1876."
    for prompt, why in _question_reasons(text, "1876"):
        assert why or not __import__("re").search(r"\bhim\b", prompt), prompt


def test_a_clause_subject_is_not_left_in_a_question_without_its_verb():
    text = ("Brasília was planned by Lúcio Costa. Oscar Niemeyer was the chief architect of most public buildings "
            "and Roberto Burle Marx was the landscape designer.")
    assert_dropped(text, "Oscar Niemeyer", "without its verb")
    # the agent of a passive is asked as a cloze ("By whom" questions are not made: templates/questions.toml)
    assert any(v["emitted"] and v["format"] == "cloze" for v in _verdicts(text) if v["answer"] == "Lúcio Costa")


def test_when_is_not_asked_with_the_present_perfect():
    text = "Government figures have confirmed a slowdown of the UK's housing market in late 2004."
    for prompt, why in _question_reasons(text, "late 2004"):
        assert why or not prompt.startswith("When have"), prompt


def test_count_choices_stay_on_the_answers_scale():
    import quizgen

    quiz = quizgen.generate("The Scottish Parliament has 129 members. An average constituency comprises 55,000 electors, "
                            "and there are 73 constituencies and 8 regions. In 2011 the SNP won 69 seats.", source_id="t")
    mc = [q for q in quiz.questions if q.format == "multiple_choice" and q.kind == "how_many"]
    assert mc
    for q in mc:
        a = float(q.answer.text.replace(",", ""))
        for c in q.choices:
            assert 0.2 <= float(c.text.replace(",", "")) / a <= 5, (q.prompt, [c.text for c in q.choices])


def test_a_place_the_text_names_again_and_again_is_not_blanked():
    text = ("Cuba said it will free 553 prisoners. Cuba has freed prisoners before. The United States removed Cuba "
            "from a list. Analysts in Cuba and in Havana welcomed it in 2025.")
    for prompt, answer, why in __import__("candidates").candidate_prompts(text):
        if answer == "Cuba" and "_____" in prompt:
            assert why, prompt


def test_a_bare_count_opening_a_sentence_and_a_disagreeing_verb_are_dropped():
    assert_dropped("Fourteen have been bear-related and 10 have been feline since 1939.", "10", "fourteen what")
    text = "In 2013 a seven-hour doubles clash between Switzerland and the Czech Republic set a record in Geneva."
    for prompt, why in _question_reasons(text, "2013"):
        assert why or not prompt.startswith("In what year do a"), prompt


def test_a_common_word_tagged_as_a_group_keeps_no_capital_inside_a_question():
    from quizgen.nlp.model import common_word

    assert common_word("militaristic") and common_word("Slavery") and not common_word("Coldplay")
    assert_dropped("Militaristic politicians took control of Japan in May 1932 and invaded Manchuria.", "May 1932",
                   "capitalised first word")


def test_the_year_a_news_text_is_about_is_not_blanked():
    text = ("In 2004 the market grew. Sales in 2004 rose by 5%. Major companies spent much of 2004 in talks with "
            "unions about trimming jobs.")
    for prompt, answer, why in __import__("candidates").candidate_prompts(text):
        if answer == "2004":
            assert why, prompt


def test_held_out_textbook_batch_4_failures():
    # a time that is the verb's object is not asked with "when" (the question loses the object)
    text = "The Corps of Discovery spent the winter of 1805–1806 in Oregon."
    assert not [p for p, why in _question_reasons(text, "the winter of 1805–1806") if why is None]
    # a context sentence that itself leans ("..., however.") is not the context shown alone
    text = ("Spain claimed the land. The Spanish government disagreed, however. The first attempt to resolve this "
            "issue took place in February 1819 with the signing of the Adams-Onís Treaty.")
    shown = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == "February 1819" and why is None]
    assert all(not p.startswith("The Spanish government disagreed") for p in shown), shown
    # a word cut at its hyphen ("then-president" -> "-president"): since the eighth session "then" is dropped only
    # where it modifies a verb, so "then-president" stays whole (and the question is dropped for its "then")
    text = ("The fiscal hardships that plagued the government during the War of 1812 convinced Congress and "
            "then-president James Madison to create the Second Bank of the United States in 1816.")
    found = [(p, why) for p, a, why in __import__("candidates").candidate_prompts(text)
             if a == "the Second Bank of the United States" and p.endswith("?")]
    assert found and all("then-president" in p and why for p, why in found), found


#: Sentences like those the held-out reviews rejected, each with the answer and the reason the gate gives.
HELD_OUT_DROPS = [
    # held-out BBC 4101 and Wikipedia 4104
    ("The bikini was named after an atoll. The modern design first attracted public notice in Paris on July 5, 1946.",
     "July 5, 1946", "'the modern design'"),
    ("CENTR, the Council of European National Top Level Domain Registries, agrees.", "CENTR", "agrees"),
    ("More than a quarter have bought software through spam e-mails and 24% have bought clothes.", "24%", "of whom"),
    ("Abraham Ortelius, Theodor Christoph Lilienthal (1756), and Alexander von Humboldt had noted it.",
     "Christoph Lilienthal", "'Theodor _____'"),
    ("For the first nine days of 1985 Vodafone was the only firm with a mobile network in the UK.",
     "the first nine days of 1985", "long time phrase"),
    ("Between 1998 and 2002, the number of fake goods seized at the EU's borders rose by 800%, it said.",
     "Between 1998 and 2002", "preposition"),
    ("Twenty quaestors served in the financial administration at Rome or as second-in-command in the provinces.",
     "Twenty", "alternative"),
    # held-out textbook 4203
    ("Connecticut finally passed a law in 1814.", "1814", "which one"),
    ("Max Wertheimer, Kurt Koffka, and Wolfgang Köhler were three German psychologists who emigrated in the 1930s.",
     "three", "count of the names"),
    ("Esther DeBerdt Reed of Philadelphia, wife of Governor Joseph Reed, formed the Ladies Association in 1780.",
     "Joseph Reed", "surname"),
    ("The varied strands of the American republic reached far back in time and across the Atlantic Ocean to Europe.",
     "Europe", "continent"),
    ("The study described in the previous section was run by Albert Bandura in 1961.", "Albert Bandura",
     "another part"),
    ("Perhaps one of the most influential figures in psychology's history was Sigmund Freud.", "Sigmund Freud",
     "one of the most"),
    # held-out BBC 4301, CNN 4302, Wikipedia 4304
    ("Title 6 of the Civil Rights Act of 1964 applies to all Americans, the lawyers said in court.", "1964",
     "part of a name"),
    ("Iceland applied for EU membership in 2009 due to the 2008–2011 Icelandic financial crisis.", "2008", "range"),
    ("Lychees, pineapple and mangoes all bloom in Mauritius' tropical climate, but oranges do not.", "Mauritius",
     "bare apostrophe"),
    ("Æthelberht gave land for the cathedral and for the eventual St Augustine's Abbey in Canterbury.", "Abbey",
     "part of a name"),
    ("Fans will watch to see whether a 14 seed can make it to the Final Four in Indianapolis.", "14", "a number used"),
    ("Delbonis had won the first set 6-3 when play was halted in Miami.", "6-3", "score"),
    ("The men were on exercise, said Capt. Barry Morris, a spokesman for the Marine Corps Special Operations Command.",
     "the Marine Corps Special Operations Command", "spokesman"),
    ("As Amanda Marcotte of Slate pointed out in February, Patel was convicted of two crimes in Indiana.", "February",
     "said something"),
    # held-out textbook 4403
    ("From there, most American cotton went to Liverpool, where mills in Manchester bought it in 1850.", "Liverpool",
     "leans on the sentence before"),
    ("In 2012, people who worked in Ohio spent 56.4 hours per week working (Bureau of Labor Statistics, 2013).",
     "Ohio", "citation"),
    ("In 1973, members of AIM took over the offices of the Bureau of Indian Affairs in Washington, DC.", "Washington",
     "Washington, DC"),
    ("Radio news made its first appearance in March 1920 in America.", "March 1920", "capitalised first word"),
    ("In 1934, Congress passed the Indian Reorganization Act after long hearings.", "Congress", "institution"),
    ("By 1850, 1.8 million were producing cotton in the South.", "1850", "number"),
    # held-out Wikipedia 4504
    ("Over 90% of the cost was for building factories, with less than 10% for the weapons.", "90%", "rest of 100%"),
    ("Conscription of Koreans for labor in war industries began in 1939.", "1939", "capitalised first word"),
    ("In 1150 Hildegard and about twenty nuns thus moved to the St. Rupertsberg monastery.", "1150", "thus"),
    ("In 1747 Ahmad Shah Durrani made it the capital of modern Afghanistan.", "1747", "pronoun"),
    # held-out BBC 4501 and CNN 4502
    ("Victoria Butenko contributed from Kiev.", "Kiev", "boilerplate"),
    ("Officials at the Bay Hill course said Stenson and Hoffmann's had been the slowest pairing of the day Sunday.",
     "Stenson and Hoffmann", "possessive"),
    ("Opera is set to release its version 7.60 by the end of the year, the firm said in Oslo.", "7.60", "version"),
    ("Wales have not beaten the world champions in Cardiff since 1993, and the team target a first victory there.",
     "1993", ""),
    # held-out BBC 4701
    ("Tim Henman opened his 2005 campaign with a 6-1 7-5 victory over David Nalbandian in Melbourne.", "2005",
     "possessed modifier"),
    ("Campaign groups including Friends of the Earth, the World Development Movement, and War on Want said UK "
     "government policy on free trade was a major barrier to fighting poverty.", "Want", "longer name"),
    ("Growth has led to wealth creation on a huge scale, says the BBC's Louisa Lim in Beijing.", "Beijing",
     "said something"),
    ("Though Mr Lanzone added that Ask Jeeves would be helping organise the 300m blog entries Bloglines holds.",
     "Bloglines", "subordinate clause"),
    # held-out CNN 4702
    ("Boxer Vastine, 28, was also killed. Top French athletes among 10 dead after 2 helicopters collide in Argentina .",
     "Argentina", "headline"),
    ("The listing itself was pulled from eBay on Sunday after complaints.", "eBay", "itself"),
    ("Aside from Netanyahu, many of Iran's most ardent detractors are in the U.S. Congress.", "Netanyahu",
     "leans on the sentence before"),
    ("Hoardings advertising the World Cup throughout Tehran that summer had featured no pictures of women.", "Tehran",
     "that summer"),
]


@pytest.mark.parametrize("text, answer, reason", HELD_OUT_DROPS)
def test_held_out_failures_are_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_a_possessive_without_what_it_possesses_and_a_who_without_a_verb_are_dropped():
    from candidates import candidate_prompts

    text = "Aircraft movements rose 1.2% at O'Hare, but Chicago's dropped by 0.2%, and Atlanta's dropped by 4.7% in 2014."
    asked = [(p, why) for p, a, why in candidate_prompts(text) if p.endswith("?") and "Atlanta's" in p]
    assert asked and all("without what it possesses" in (why or "") for _p, why in asked), asked
    from quizgen.questions.gate.form import wh_form

    class C:  # the form check reads the prompt and the fact's sentence only
        format, prompt = "short_answer", "Who to prosecute war crimes and crimes against humanity in Syria?"
    passed, info = gate_info("The UN asked the International Criminal Court in 2013 to prosecute war crimes in Syria.")
    C.fact = passed[0].fact
    assert "no finite verb" in wh_form(info, C)


def test_an_aside_cut_out_between_dashes_leaves_no_empty_dashes():
    from candidates import candidate_prompts

    text = ("In 1886, Adolph Meyer demonstrated that a disease of tobacco plants—tobacco mosaic disease—could be "
            "transferred from a diseased plant to a healthy one via liquid plant extracts.")
    assert not [p for p, a, why in candidate_prompts(text) if why is None and re.search(r"[\u2013\u2014]\s*[\u2013\u2014]", p)]
    assert any("garbled" in (why or "") for p, a, why in candidate_prompts(text) if "\u2014 \u2014" in p)


# Causes found in the fresh blind draws of the fourth session (benchmarks/reviews/heldout-*-49xx..51xx)
@pytest.mark.parametrize("text,answer,reason", [
    ("Robert Dudley took part in the Battle of St. Quentin under Philip II of Spain in 1557.", "Spain", "ruler's title"),
    ("The Qing dynasty of China made Taipei the capital of Taiwan Province circa 1886.", "China", "ruler's title"),
    ("India, which attends the G7 meeting of seven leading industrialised nations on Friday, is unlikely to be cowed.",
     "seven", "part of a name in the card"),
    ("Only twelve were approved by two-thirds of both the Senate and the House of Representatives in 1789.", "twelve",
     "leans on the sentence before"),
    ("The England international, 24, was hurt in an innocuous challenge with Alan Shearer at Newcastle on Sunday.",
     "Alan Shearer", "described, not named"),
])
def test_leaning_and_giveaway_cards_are_dropped(text, answer, reason):
    assert_verdicts_dropped(text, answer, reason)


def test_a_time_word_leaning_on_another_sentence_is_dropped():
    assert_verdicts_dropped("Abd Rabbuh Mansour Hadi moved to Aden in February. Abd Rabbuh Mansour Hadi has since left "
                            "Yemen for Saudi Arabia.", "Abd Rabbuh Mansour Hadi", "time word that leans", containing="since")


def test_a_place_named_before_there_resolves_it():
    text = "At the Congress of Berlin, Italy hoped to gain Tunisia since a number of its citizens now lived there."
    assert not any("'there'" in (v["reason"] or "") for v in _verdicts(text))


def test_no_question_tears_an_of_phrase_from_its_counted_noun():
    """'How many enemies did Nescambuit kill of King Louis XIV?': the of-phrase belongs to 'enemies'."""
    text = "Nescambuit killed more than 140 enemies of King Louis XIV of France in 1703."
    prompts = [v["prompt"] for v in _verdicts(text) if v["answer"] in ("140", "more than 140")]
    assert prompts and not any(p.startswith("How many") for p in prompts), prompts


def test_no_question_keeps_a_word_whose_head_was_cut():
    """A kept word must hang on a kept word (or on the answer phrase the wh-phrase replaces):
    "Nescambuit killed of King Louis XIV" kept "of King Louis XIV" without "enemies"."""
    from quizgen.nlp.model import load_model
    from quizgen.questions.syntax import _orphan

    doc = load_model()("Nescambuit killed more than 140 enemies of King Louis XIV in 1703.")
    kill = next(t for t in doc if t.lemma_ == "kill")
    enemies = next(t for t in doc if t.lower_ == "enemies")
    of = next(t for t in doc if t.lower_ == "of")
    cut = set(range(kill.i + 1, enemies.i + 1))  # "more than 140 enemies"
    shown = {t.i for t in doc if t.i not in cut and not t.is_punct}
    assert of.head == enemies
    assert _orphan(doc, kill, shown, range(0, 1), set())
    assert not _orphan(doc, kill, shown, range(0, 1), cut)  # replaced by "how many enemies": not cut
    assert not _orphan(doc, kill, shown | cut, range(0, 1), set())


def test_when_is_asked_only_of_days_and_months_and_by_whom_not_at_all():
    from quizgen.questions.templates_data import default_templates

    t = default_templates()
    assert t.choose("when", "DATE", "date", "pp", "on") is not None
    assert t.choose("when", "DATE", "month", "pp", "in") is not None
    assert t.choose("when", "DATE", "other", "pp", "in") is None  # "the end of the 18th century": a cloze
    assert t.choose("when", "DATE", "century", "pp", "in") is None
    assert t.choose("who", "PERSON", None, "pp", "by") is None
    assert t.choose("who", "PERSON", None, "pp", "to") is None  # "To whom was MGM sold?": templates/questions.toml
    assert __import__("candidates").with_whom().choose("who", "PERSON", None, "pp", "to") is not None


# Causes found in held-out batch 10 (benchmarks/reviews/heldout-*-520x)
@pytest.mark.parametrize("text,answer,reason", [
    ("A witness called 911 on November 22 to say there was a guy with a pistol near the park in Cleveland.", "911",
     "emergency number"),
    ("According to Cicero, the Roman philosopher who was writing in the first century BC, Posidonius built a model.", "BC",
     "era of a year"),
    ("Paul Roth, 39, chief information officer at Chesapeake Systems in Baltimore, posted a teary-eyed photo on Friday.",
     "Chesapeake Systems", "bystander"),
    ("The New York Times published a feature story on the Hogan twins in 2011.", "2011", "newspaper"),
    ("Fred Stokes held the position in 1871.", "Fred Stokes", "the position"),
    ("Of the rest, 95 were fighters from the al-Nusra Front, and 511 were officers and soldiers of regime forces.", "511",
     "leans on the sentence before"),
])
def test_batch_10_causes_are_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_a_year_is_not_an_emergency_number():
    text = "In 911 the French ruler Charles the Simple allowed a group of Vikings to settle in Normandy."
    assert any(v["emitted"] for v in _verdicts(text) if v["answer"] == "911")


def test_a_bare_act_is_unresolved_but_a_described_one_is_not():
    text = ("The Act creating the county was signed by Governor Call on March 14, 1844. The Act was signed by the "
            "territorial governor on March 14, 1844.")
    reasons = {v["prompt"]: v["reason"] for v in _verdicts(text) if v["format"] != "cloze"}
    assert "unresolved reference: 'the Act' (which one?)" in reasons.get("When was the Act signed by the territorial governor?", "")
    assert reasons.get("When was the Act creating the county signed by Governor Call?", "x") is None


def test_a_shared_passive_gets_no_do_support():
    """'was planned in 1850, and constructed in 1851' -> not 'In what year did Marion County construct ...?'"""
    prompts = [v["prompt"] for v in _verdicts("Marion County was planned in 1850, and constructed on the town square in 1851.")]
    assert prompts and not any(" construct " in p for p in prompts), prompts


def test_who_is_not_asked_of_an_indefinite_description():
    text = "William Christopher Handy was an American blues composer and musician."
    assert not any(v["emitted"] and v["prompt"].startswith("Who was") for v in _verdicts(text))


# Causes found in held-out batch 11 (benchmarks/reviews/heldout-*-530x)
@pytest.mark.parametrize("text,answer,reason", [
    ("The earliest extant use of the term is by the 1st century AD Jewish philosopher Philo in On The Contemplative Life.",
     "the 1st century AD", "runs across two phrases"),
    ("The Act creating the county of Marion of the Territory of Florida was signed on March 14, 1844.",
     "Marion of the Territory", "name goes on"),
    ("Arnold presented the children's television show Number 73 on ITV in the 1980s.", "73", "part of a name"),
])
def test_batch_11_causes_are_dropped(text, answer, reason):
    assert_verdicts_dropped(text, answer, reason)


def test_when_is_not_asked_of_a_lasting_state():
    assert_verdicts_dropped("Born to Frederick V, Elector Palatine, and Elizabeth Stuart, in 1630, Sophia grew up in the "
                            "Dutch Republic, where her family had sought refuge.", "1630", "state that lasts",
                            questions_only=True)


def test_a_range_or_a_list_is_one_answer_across_phrases():
    text = "Juscelino Kubitschek, President of Brazil from 1956 to 1961, ordered the construction of Brasília in 1956."
    assert not any("across two phrases" in (v["reason"] or "") for v in _verdicts(text))


# Causes found in held-out batch 12 (benchmarks/reviews/heldout-*-540x)
def test_the_place_in_a_name_with_of_is_not_that_person():
    """Held-out batch 79: "Who did Saxon raiders under the command of Odoacer reach?" -> Angers, the city, taken for
    the surname of "Paul of Angers" mentioned before."""
    from quizgen.facts.extract import facts_from_doc
    from quizgen.nlp.model import load_model

    doc = load_model()('After the death of Aegidius, Childeric assisted "Comes" ("count") Paul of Angers, together with a mixed '
              'band of Gallo-Romans and Franks, in defeating the Goths and taking booty. Saxon raiders under the command '
              'of Odoacer reached Angers and captured it, but Childeric and Count Paul retook the city in 469.')
    found = facts_from_doc(doc)
    facts = found if isinstance(found, list) else found[0]
    assert any(f.text == "Paul of Angers" for f in facts)
    assert not [f for f in facts if f.text == "Angers" and f.entity_name == "Paul of Angers"]


def test_a_clause_read_as_a_phrase_is_not_kept_half():
    """Held-out batch 81: "In what year did Laotian villagers capture a saola that died before word?" from "... a saola
    that died before word got to researchers" (the parser read "before word" as a phrase; the whole text's question
    builder then dropped "got to researchers"). The question as built there is refused; the whole one is not."""
    from quizgen.models import Source
    from quizgen.nlp.model import parse
    from quizgen.questions.build import gated_candidates
    from quizgen.questions.gate import doc_info, spliced

    text = "The saola was first discovered in 1992. And in 2010, Laotian villagers captured a saola that died before word got to researchers."
    doc = parse(text)
    passed, _, _, _ = gated_candidates(Source.from_text(text, id="t"), doc)
    c = next(c for c in passed if c.fact.text == "2010")
    assert c.prompt == "In what year did Laotian villagers capture a saola that died before word got to researchers?"
    info = doc_info(doc, [])
    assert spliced(info, c) is None
    c.prompt = "In what year did Laotian villagers capture a saola that died before word?"
    assert "clause the question reads as a phrase" in spliced(info, c)


def test_who_was_with_a_plural_complement_is_refused():
    """Held-out batch 83: "Who was 5-0 winners over Edinburgh City?" from "... and Morton were 5-0 winners over
    Edinburgh City"."""
    from quizgen.models import Source
    from quizgen.nlp.model import parse
    from quizgen.questions.build import gated_candidates
    from quizgen.questions.gate import doc_info, spliced

    text = "Inverness beat Forfar 2-1 and Morton were 5-0 winners over Edinburgh City."
    doc = parse(text)
    passed, rejected, _, _ = gated_candidates(Source.from_text(text, id="t"), doc)
    c = next(c for c in passed + [c for c, _ in rejected] if c.fact.text == "Morton" and c.format != "cloze")
    assert c.prompt == "Who was 5-0 winners over Edinburgh City?"
    assert "plural" in spliced(doc_info(doc, []), c)


def test_the_first_of_two_dates_joined_by_and_is_still_asked():
    """The date rule of held-out batch 92 refuses the date after "and", not the one before it."""
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(
        "Akio Morita was a Japanese businessman. Morita suffered a cerebral hemorrhage in 1993 while playing tennis and on "
        "November 25, 1994, stepped down as Sony chairman to be succeeded by Ohga.") if a == "1993" and why is None]
    assert "In what year did Morita suffer a cerebral hemorrhage?" in kept


@pytest.mark.parametrize("text, surname, people", [
    ("Alan Garcia is president. Jose A. Garcia Belaunde is foreign minister.", "Garcia", 2),
    ("Charles Hoy Fort was a writer. Charles Fort was born in Albany.", "Fort", 1),
    ("James Strom Thurmond was a senator. Strom Thurmond was born in 1902.", "Thurmond", 1),
    ("Melvin Jerome Blanc was a voice actor. Mel Blanc joined Warner Bros.", "Blanc", 1),
    ("Harold Wilson led Labour. Woodrow Wilson led the United States.", "Wilson", 2),
])
def test_people_who_bear_a_surname(text, surname, people):
    """A double surname is a bearer too; a middle name or a short first name is the same person."""
    from quizgen.nlp.model import parse
    from quizgen.questions.gate.worth import bearers

    assert len(bearers(parse(text), surname)) == people


def test_a_surname_two_people_share_is_not_asked():
    assert_verdicts_dropped("Harold Wilson led Labour. Woodrow Wilson led the United States. In 1919 Wilson signed the "
                            "Treaty of Versailles in Paris.", "Wilson", "share the surname")
    # (a part of a name is asked only as a cloze: questions.ask._part_of_a_name)


@pytest.mark.parametrize("text,answer,reason", [
    ("All three of the new consoles used simpler designs than the original Odyssey did in 1972.", "three", "just listed"),
    ("In Los Angeles more than 300 veterans have been waiting more than 30, 60, even 90 days for appointments.", "30",
     "first of several numbers"),
])
def test_batch_12_causes_are_dropped(text, answer, reason):
    assert_verdicts_dropped(text, answer, reason)


@pytest.mark.parametrize("prompt,reason", [
    ("How much did Dad pay last time?", "family name"),
    ("Who took the oath of office in 1857 just days?", "just days"),
    ("Who is the oldest continuous law-making body in the New World?", "institution"),
    ("In what year did Sophia grow up in the Dutch Republic?", "state that lasts"),
    ("Despite how many nominations did the film go home empty-handed?", "concession"),
])
def test_batch_12_question_forms_are_refused(prompt, reason):
    """The question checks read the built question: the same candidate, its prompt replaced."""
    import dataclasses

    from quizgen.questions import gate

    passed, info = gate_info("Alessandro Volta moved to Camnago in 1819.")
    c = next(c for c in passed if c.prompt.endswith("?") and c.fact.text == "1819")
    why = gate.wh_form(info, dataclasses.replace(c, prompt=prompt))
    assert why and reason in why, why


def test_a_surname_shared_only_by_one_person_named_two_ways_is_fine():
    text = ("Model Anna Duritskaya, 23, was walking with Nemtsov. Anna Duritskaya later left Moscow. "
            "Duritskaya said that her wish was to go home to Ukraine.")
    assert not any("share the surname" in (v["reason"] or "") for v in _verdicts(text))


def test_no_question_from_a_condition():
    """'if Beyonce is going to talk about Boko Haram' states nothing: no 'About whom is Beyonce going to talk?'"""
    text = "The campaign's founder said that if Beyonce is going to talk about Boko Haram, she should visit Nigeria."
    assert not any(v["prompt"].startswith("About whom") for v in _verdicts(text))


def test_a_relative_clause_question_keeps_its_bare_antecedent_unresolved():
    text = ("Edu is now able to begin negotiations with other clubs. The midfielder, who broke in to the Brazilian "
            "national side in 2004, admitted he had been flattered.")
    for v in _verdicts(text):
        if v["format"] != "cloze" and "the midfielder" in v["prompt"]:
            assert v["reason"] and "unresolved reference" in v["reason"], v


def test_as_well_at_the_end_of_a_question_leans_on_another_sentence():
    """Read aloud from the seed deck: "In what year did doctors report the first bacteria that resisted
    methicillin as well?" (as well as what? the sentence before says penicillin)."""
    import dataclasses

    from quizgen.questions import gate

    passed, info = gate_info("Alessandro Volta moved to Camnago in 1819.")
    c = next(c for c in passed if c.prompt.endswith("?") and c.fact.text == "1819")
    why = gate.wh_form(info, dataclasses.replace(c, prompt="In what year did Alessandro Volta move to Camnago as well?"))
    assert why and "comparison with something not shown" in why, why



def test_no_question_puts_the_reporter_in_the_reported_event():
    """Held-out batch 14, judged false by both raters: "When was Harf released on bail?" and "When did Harf
    confirm Pate was arrested?" (the dates are Pate's arrest and release, not Harf's confirmation)."""
    text = ("State Department spokesperson Marie Harf spoke on Tuesday. Harf confirmed Pate was arrested on "
            "February 16 and was released on bail on February 24.")
    prompts = [v["prompt"] for v in _verdicts(text) if v["emitted"] and v["format"] != "cloze"]
    assert not any("Harf" in p for p in prompts), prompts


def test_a_past_perfect_becomes_the_simple_past_unless_the_perfect_is_meant():
    """Held-out raters: "When had the Ottoman Empire signed the Armistice of Mudros?" and "In what year had an
    increased tariff ... been enacted?" are leftovers of a sentence that placed them before another event.
    With "since", "by" or "already" the perfect is what the sentence means, and stays."""
    text = ("World War One ended in 1918. In 1922, an increased tariff of nearly 40 percent had been enacted by the "
            "Congress. The Senate had rejected the treaty of Versailles in Washington in March 1920. By 1966, "
            "Ralph Baer had built working game consoles in New Hampshire.")
    prompts = [v["prompt"] for v in _emitted(text) if v["format"] != "cloze"]
    assert "In what year was an increased tariff of nearly 40 percent enacted by the Congress?" in prompts, prompts
    assert not any(re.search(r"\bhad\b.*\b(enacted|rejected)\b", p) for p in prompts), prompts
    assert not any(re.search(r"\bdid Ralph Baer build\b", p) for p in prompts), prompts


def test_a_question_has_one_question_word():
    """Held-out batch 15: "How many Twitter followers does who have?" (the subject was a relative "who")."""
    text = "Mayor Mark Boughton, who has 18,000 Twitter followers, spoke in Danbury on Monday."
    prompts = [v["prompt"] for v in _verdicts(text) if v["format"] != "cloze"]
    assert not any(re.search(r"\b(does|did|do) who\b", p) for p in prompts), prompts


def test_a_question_that_names_nothing_is_dropped():
    """"Who was detained by police?" in a text about many detainees: nothing says which one. Raters accepted
    about half of such wh-questions. A cloze's blank is the name, so a cloze is exempt."""
    from quizgen.questions import gate

    passed, info = gate_info("Alessandro Volta moved to Camnago in 1819.")
    c = next(c for c in passed if c.prompt.endswith("?") and c.fact.text == "1819")
    import dataclasses

    assert gate.unanchored(info, dataclasses.replace(c, prompt="Who was detained by police?"))
    assert not gate.unanchored(info, dataclasses.replace(c, prompt="The rights protected by _____ had been granted.",
                                                         format="cloze"))
    assert not gate.unanchored(info, dataclasses.replace(c, prompt="Who was detained in Foshan?", format="short_answer"))
    assert not gate.unanchored(info, dataclasses.replace(c, prompt="Who was detained in 2014?"))


def test_a_long_text_without_wh_questions_gets_no_lone_cloze():
    """A short text with no wh-question keeps its best cloze; a text of LONG_TEXT_TOKENS or more gets none
    (the balance that keeps short answer and multiple choice at 35% or more of the output)."""
    from quizgen.questions.rank import LONG_TEXT_TOKENS, select

    passed, _info = gate_info("The lighthouse at Cape Wrath was designed by the engineer Robert Stevenson in 1828. "
                              "Its light could be seen from far out over the Atlantic.")
    clozes = [c for c in passed if c.format == "cloze"]
    assert len(clozes) >= 2
    kept = select(clozes, n_tokens=40)
    assert len(kept) == 1 and kept[0].score == max(c.score for c in clozes), kept
    assert select(clozes, n_tokens=LONG_TEXT_TOKENS) == []


def test_a_negated_verb_gives_no_question():
    """Held-out batch 16: "DC Comics ... will not be publishing the cover art in June" gave "When will DC Comics
    publishing the cover art?" -> June, the opposite of the text. A negated verb gives no wh-question."""
    text = ("The artist said DC Comics is listening to her concerns and will not be publishing the cover art in June "
            "as previously announced.")
    assert not [p for p, why in _question_reasons(text, "June") if why is None and "?" in p]
    assert not _question_reasons(text, "June")  # not even built
    # built without the "not" (and without "The artist said": a conjunct of a reported clause is the speaker's claim)
    assert _question_reasons(text.replace("will not be", "will be").replace("The artist said DC", "DC"), "June")


def test_a_question_that_is_only_a_bracket_is_dropped():
    import dataclasses

    from quizgen.questions import gate

    passed, info = gate_info("Edward White was born in San Antonio in 1930. He married Patricia Finegan in 1953.")
    c = next(c for c in passed if c.format != "cloze")
    bad = dataclasses.replace(c, prompt="Who (born 16 September 1953)?")
    assert "outside brackets" in (gate.wh_form(info, bad) or "")
    assert gate.wh_form(info, c) is None


def test_being_from_somewhere_is_not_asked_with_from_whom():
    """Held-out batch 16: "The Hoysala rulers were originally from Malnad Karnataka" gave "From whom were the
    Hoysala rulers originally?" (a region asked as a person). "be from" is origin: no "From whom" question."""
    text = "The Hoysala rulers were originally from Malnad Karnataka, an elevated region in the Western Ghats range."
    assert not [p for p, _why in _question_reasons(text, "Malnad Karnataka") if p.lower().startswith("from whom")]


# Leaning sentences whose card the ask stage no longer makes at all (the seventh session: the blanked answer is
# no antecedent, and "there" or an "its" with only people before it leans on another sentence); the gate's
# reasons still apply when a candidate is made
@pytest.mark.parametrize("text, answer, reason", [
    ("Beyond expanding into the interior of Senegal in the 1850s, it did little until 1880 in West Africa.", "1880",
     "'it'"),
    ("Beyond expanding into the interior of Senegal in the 1850s, it did little until 1880 in West Africa.",
     "Senegal", "'it'"),
    ("In August 1945 two of its leaders, Mohammad Hatta and Sukarno, proclaimed independence for Indonesia.",
     "August 1945 two", "number word"),
    ("Mr Rakosky said it was better than C-Murder just sitting there.", "Rakosky", "'it'"),
    ("The court was officially established there on 6 May 1682.", "6 May 1682", "'there'"),
    ("Joseph Medill served as its managing editor until 1864, when Horace White became editor-in-chief.", "1864",
     "'its'"),
    ("At a conference hosted by UK finance minister Gordon Brown on Friday, he said that he was in favour of "
     "floating exchange rates.", "Gordon Brown", "'he'"),
])
def test_a_sentence_leaning_on_one_not_shown_gets_no_card(text, answer, reason):
    assert_not_carded(text, answer, reason)


def test_the_blank_is_no_antecedent_unless_it_is_the_subject():
    """ "During the siege of _____, he became sick": with the town blanked, "he" has nobody (held-out batch
    16). A blanked subject is who "he" is."""
    lone = "During the siege of Meaux, he became sick with dysentery and died on 31 August 1422."
    assert "Meaux" not in {q.answer.text for q in quizgen.generate(lone, source_id="t").questions}
    text = "Senator Ted Stevens said he would resign from the Appropriations Committee in January."
    passed = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == "Ted Stevens" and why is None]
    assert passed == ["Senator _____ said he would resign from the Appropriations Committee in January."], passed


def test_a_year_run_into_the_subject_makes_no_whom_question():
    """ "To whom were 1934 GMD troops handed over from Manchukuo?": the year was read into the subject (refused as "a year
    run into the subject" until batch 59; since then not built, as a subject right after a preposition with no object
    of its own)."""
    text = "In 1934 GMD troops were handed over from Manchukuo to Honjo Shigeru."
    found = [(p, why) for p, a, why in __import__("candidates").candidate_prompts(text, __import__("candidates").with_whom())
             if a == "Honjo Shigeru"]
    assert found and not [p for p, why in found if why is None and p.endswith("?")], found


@pytest.mark.parametrize("text, answer, reason", [
    ("In June 1984, ABC's executive committee approved the company's interest acquisition in ESPN, and ABC "
     "arranged with Getty Oil to obtain an 80% stake in the channel.", "Getty Oil", "the company"),
])
def test_whom_questions_a_user_asks_for_are_still_checked(text, answer, reason):
    assert_dropped(text, answer, reason, templates=__import__("candidates").with_whom())


# Causes found in held-out batch 16 and the judged items of earlier batches (the seventh session)
@pytest.mark.parametrize("text, answer, reason", [
    ("In the 1950s, Francis Crick and James Watson worked together to determine the structure of DNA at the "
     "University of Cambridge, England.", "England", "country of an address"),
    ("White was assigned to the 22nd Fighter Day Squadron at Bitburg Air Base, West Germany, in 1953.", "Air Base",
     "generic words"),
])
def test_a_blank_that_only_completes_an_address_is_dropped(text, answer, reason):
    assert_dropped(text, answer, reason)


def test_a_date_that_is_the_verbs_object_gets_no_when_question():
    """ "The Twentieth Amendment established January 20 as the beginning of the presidential term" gave "When did
    the Twentieth Amendment establish as the beginning of the presidential term?": the date is what was
    established, and the question lost the verb's object."""
    for text, answer in (("The Twentieth Amendment established January 20 as the beginning of the presidential term.",
                          "January 20"),
                         ("The Committee to Protect Bloggers designated 22 February 2005 as Free Mojtaba and Arash Day.",
                          "22 February 2005")):
        asked = [p for p, a, _why in __import__("candidates").candidate_prompts(text) if a == answer]
        assert asked and not [p for p in asked if p.endswith("?")], asked
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(
        "In 2010 the GaWC designated Accra as a Gamma city.") if a == "2010" and why is None]
    assert kept == ["In what year did the GaWC designate Accra as a Gamma city?"], kept


def test_a_year_far_from_the_answer_is_no_choice():
    """Held-out batch 16: 1900 and 1901 (a parent's birth years) as choices for when a man born in 1930 enrolled
    at university gave the answer away."""
    from quizgen.questions.distractors import MAX_YEAR_GAP

    text = ("Edward White was born in 1930 in San Antonio. His father was born in 1900 and his mother in 1901. "
            "White enrolled at the University of Michigan in 1958. He married Patricia Finegan in 1953. "
            "He was selected as an astronaut in 1962 and walked in space in 1965.")
    quiz = quizgen.generate(text, source_id="t")
    mc = [q for q in quiz.questions if q.format == "multiple_choice" and q.answer.text == "1958"]
    assert mc, [q.prompt for q in quiz.questions]
    years = [int(c.text) for c in mc[0].choices]
    assert all(abs(y - 1958) <= MAX_YEAR_GAP for y in years) and not {1900, 1901} & set(years), years


# Causes found in held-out batch 17 (benchmarks/reviews/heldout-*-600x)
def test_part_of_a_persons_name_is_asked_only_as_a_cloze():
    """ "Who did Mexico appoint ...?" -> "Gomez Gonzalez": the tagger left "Arely" out of the name, and the
    answer is incomplete. The second mention, without "Arely", is part of the name too."""
    text = ("Mexico appointed Arely Gomez Gonzalez as attorney general in March. On March 3, Mexico appointed Gomez "
            "Gonzalez as the new federal attorney general after a vote in the Senate.")
    quiz = quizgen.generate(text, source_id="t")
    assert not [q.prompt for q in quiz.questions if q.answer.text == "Gomez Gonzalez" and q.format != "cloze"]
    assert not [q.prompt for q in quiz.questions if "Arely _____" in q.prompt]
    assert [q.prompt for q in quiz.questions if q.answer.text == "Gomez Gonzalez"]  # the second sentence, as a cloze
    text = "President Barack Obama met the leaders of Mexico in the White House on Friday."
    assert "Barack Obama" in {q.answer.text for q in quizgen.generate(text, source_id="t").questions
                              if q.format != "cloze"}  # a title is no part of the name


def test_the_term_needs_what_it_names():
    text = "The principle is named after William of Ockham. The term first appeared in 1852 in the works of Sir William Hamilton."
    assert_dropped(text, "1852", "'the term'")


def test_an_auxiliary_twice_drops_the_question():
    text = ("Radical pamphleteer Thomas Paine, whose enormously popular essay Common Sense was first published in "
            "January 1776, advocated a republic: a state without a king.")
    from candidates import candidate_prompts
    from quizgen.questions.gate.form import DOUBLED_AUXILIARY

    assert not [p for p, a, why in candidate_prompts(text) if why is None and p.startswith("When was")]
    assert DOUBLED_AUXILIARY.search("When was radical pamphleteer Thomas Paine was first published?")

    for fine in ("When was the man who was arrested released?", "How many people were killed when the bridges were "
                 "destroyed?", "When was the Act signed by the territorial governor?"):
        assert not DOUBLED_AUXILIARY.search(fine), fine


# Causes found in held-out batch 18 (benchmarks/reviews/heldout-*-610x)
@pytest.mark.parametrize("text, answer, reason", [
    ("Philip Zimbardo and the Stanford prison experiment: In 1971, psychologist Phillip Zimbardo conducted a study "
     "involving students from Stanford University.", "1971", "run-in heading"),
    ("In 1808, initial meetings with the viceroy of New Spain led to the establishment of an autonomous conservative "
     "junta in Mexico City, formed by creoles and peninsulares, who favored maintaining their loyalty to Spain at all "
     "costs.", "1808", ""),  # since the eighth session "lead" keeps "to ...", and the question is too long
    ("Coffeehouses spread quickly. By 1708, London had more than five hundred, and their appeal continued to soar.",
     "1708", "without what it counts"),
])
def test_batch_18_causes_are_dropped(text, answer, reason):
    found = [(p, why) for p, a, why in __import__("candidates").candidate_prompts(text) if a == answer]
    assert found and all(why and reason.lower() in why.lower() for _p, why in found), found


def test_a_colon_after_a_clause_is_no_heading():
    text = "Wounded Knee, on the Pine Ridge Indian Reservation, had historical significance: It was a battlefield."
    assert not [why for _p, _a, why in __import__("candidates").candidate_prompts(text) if "heading" in (why or "")]


def test_a_context_sentence_that_leans_itself_is_not_shown():
    """ "An economic recession that occurred at the same time led to ..." shown before a cloze leaves "the same
    time" unresolved (held-out batch 18): the card then goes one sentence further back, or is not made."""
    text = ("An economic recession that occurred at the same time led to high unemployment among silver miners. "
            "These downturns were worsened by the act passed by the Spanish government in 1804.")
    cards = [q.prompt for q in quizgen.generate(text, source_id="t").questions if q.answer.text == "1804"]
    assert not [p for p in cards if "same time" in p], cards


def test_a_verb_may_end_a_question_whose_preposition_went_first():
    kept = [p for p, a, why in __import__("candidates").candidate_prompts("An Ashes series traditionally consists of five Tests.")
            if a == "five" and why is None]
    assert kept == ["Of how many Tests does an Ashes series traditionally consist?"], kept


# The two false statements of held-out batch 19 (benchmarks/reviews/heldout-*-620x)
def test_no_question_from_a_subordinate_clause_the_parser_took_for_the_main_one():
    """ "After German Emperor Wilhelm II was forced to abdicate ..., monarchic rule ended ... with the abdication of
    Grand Duke Frederick Augustus II ... on 11 November 1918" gave "Who was forced to abdicate on 11 November
    1918?" -> Wilhelm II: the date is the Grand Duke's. The parser made "forced", under "After", the root."""
    text = ("After German Emperor Wilhelm II was forced to abdicate following the exhaustion and defeat of the German "
            "Empire in World War I, monarchic rule ended in Oldenburg as well with the abdication of Grand Duke "
            "Frederick Augustus II of Oldenburg on 11 November 1918.")
    assert not [p for p, _a, _why in __import__("candidates").candidate_prompts(text) if p.endswith("?")]
    kept = [p for p, a, why in __import__("candidates").candidate_prompts("After the war ended, Smith returned to "
                                                                          "London in 1946.") if why is None]
    assert "In what year did Smith return to London?" in kept, kept


def test_no_question_from_a_verb_whose_prefix_the_tokenizer_split():
    """ "Greedo became the object of controversy when Lucasfilm re-released the original Star Wars trilogy in 1997"
    gave "In what year did Greedo release the original Star Wars trilogy?": "re - released" broke the parse."""
    text = "Greedo became the object of controversy when Lucasfilm re-released the original Star Wars trilogy in 1997."
    assert not [p for p, _a, _why in __import__("candidates").candidate_prompts(text) if p.endswith("?")]


# Rules from the rejections of held-out batches 16-19 not fixed before (eighth session)
def test_who_is_not_asked_when_also_says_someone_else_did_it_too():
    """ "Crick had also studied X-ray diffraction" gave "Who had studied X-ray diffraction?" (Franklin had too)."""
    from candidates import candidate_prompts

    def questions(text):
        return [p for p, _a, why in candidate_prompts(text) if why is None and p.startswith("Who")]

    assert not questions("Walter Wright also aided Anton Cermak in stepping into office in 1931.")
    assert "Who aided Anton Cermak in stepping into office in 1931?" in questions(
        "Walter Wright aided Anton Cermak in stepping into office in 1931.")


def test_how_many_is_not_equated_with_a_description():
    """ "How many people was the average size of an English constituency?" (held-out batch 19)."""
    from candidates import candidate_prompts

    text = "The average size of an English constituency was 70,000 people in 1832."
    (why,) = [why for p, _a, why in candidate_prompts(text) if p.startswith("How many")]
    assert why and why.startswith("malformed question")
    kept = [p for p, _a, why in candidate_prompts("The UK's biggest civil service union is to ballot 290,000 members "
                                                  "on strikes in protest at job cuts.") if why is None]
    assert "How many members is the UK's biggest civil service union to ballot on strikes in protest at job cuts?" in kept


def test_a_number_with_a_misplaced_thousands_comma_is_not_an_answer():
    """ "$110,00" (the headline said $110,000) was asked and copied the typo (held-out batch 16)."""
    from candidates import candidate_prompts

    bad = "Four suits by the tailor have sold at a US auction for $110,00 in London, organisers said."
    assert all(why for p, a, why in candidate_prompts(bad) if a == "$110,00")
    good = bad.replace("$110,00", "$110,000")
    assert any(why is None for p, a, why in candidate_prompts(good) if a == "$110,000")


def test_an_age_and_a_noun_as_the_subject_need_the_name_before_them():
    """ "The 2-year-old boy is who researchers ... believe was the first person to contract the disease"."""
    from candidates import candidate_prompts

    text = ("Emile Ouamouno died in Guinea. The 2-year-old boy is who researchers with The New England Journal of "
            "Medicine believe was the first person to contract the disease in December 2013.")
    assert all(why for p, a, why in candidate_prompts(text) if a == "December 2013")
    named = "The 25-year-old Jonny Wilkinson takes over from Lawrence Dallaglio, who retired from internationals in August."
    assert any(why is None for p, a, why in candidate_prompts(named) if a == "Lawrence Dallaglio")


def test_who_is_not_asked_of_several_organisations():
    from types import SimpleNamespace

    from quizgen.questions.gate import answer_type

    info = SimpleNamespace(text="Tippecanoe Clubs helped in the marketing of the Whig candidate.")
    fact = SimpleNamespace(label="ORG", entity_name="Tippecanoe Clubs", text="Tippecanoe Clubs", kind="who")
    c = SimpleNamespace(format="short_answer", fact=fact, prompt="Who helped in the marketing of the Whig candidate?")
    assert "several organisations" in answer_type(info, c)


# Rules from the rejections of held-out batch 20's BBC and Wikipedia sheets (eighth session)
def test_it_that_finds_or_says_is_no_empty_it():
    """ "In a survey, it discovered that rates ... could vary by as much as £100" (it: the charity before)."""
    from candidates import candidate_prompts

    text = ("The charity recommends a weekly payment for looking after a baby. In a survey, it discovered that rates "
            "paid by neighbouring authorities could vary by as much as £100 per week.")
    assert all(why for p, a, why in candidate_prompts(text) if a == "£100")
    empty = "It is thought that the tower was built in 1420 by monks from Durham."
    assert any(why is None for p, a, why in candidate_prompts(empty) if a == "1420")


def test_a_paragraph_that_opens_with_it_is_not_shown_with_the_paragraph_before():
    """ "DEC's previous UNIX product was known as Ultrix ... It is unusual ..., as it is built on top of the Mach
    kernel developed at _____": the "It" of the new paragraph is Tru64, not Ultrix."""
    from candidates import candidate_prompts

    text = ("As its original name suggests, Tru64 UNIX is based on the OSF/1 operating system. DEC's previous UNIX "
            "product was known as Ultrix and was based on BSD.\n\nIt is unusual among commercial UNIX implementations, "
            "as it is built on top of the Mach kernel developed at Carnegie Mellon University.")
    assert not [p for p, a, why in candidate_prompts(text) if a == "Carnegie Mellon University" and why is None]
    person = "Francis Crick was born in Northampton.\n\nHe studied physics at University College London in 1937."
    assert "Francis Crick was born in Northampton. He studied physics at University College London in _____." in [
        p for p, a, why in candidate_prompts(person) if why is None]


@pytest.mark.parametrize("sentence", [
    "Drummer Erik Sandin joined NOFX shortly after.",
    "Hughes was likewise not age-eligible but at the time a loophole existed for skaters who had medaled at Junior Worlds.",
])
def test_a_cloze_that_says_shortly_after_or_likewise_leans_on_the_sentence_before(sentence):
    from candidates import candidate_prompts

    rows = [(p, why) for p, a, why in candidate_prompts(sentence) if "_____" in p]
    assert rows and all(why for _p, why in rows), rows


def test_attention_needs_to_what():
    from candidates import candidate_prompts

    text = "Dr. Thomas Cleave was a surgeon captain in the Royal Navy. In 1969, Thomas Cleave brought public attention to fibre."
    assert "In what year did Thomas Cleave bring public attention to fibre?" in [
        p for p, a, why in candidate_prompts(text) if why is None]
    cut = [why for p, a, why in candidate_prompts(text.replace(" to fibre", "")) if p.endswith("attention?")]
    assert cut and all(cut), cut


# Rules from the rejections of held-out batch 20's CNN and OpenStax sheets (eighth session)
def _kept(text):
    from candidates import candidate_prompts

    return [p for p, _a, why in candidate_prompts(text) if why is None]


def test_which_is_never_a_person():
    """ "the demonstrations against the Shah of Iran, which began in 1977" gave "In what year did the Shah of Iran
    begin?": the parser hung "which" on the person."""
    text = ("Zarif was outside the country during the demonstrations against the Shah of Iran, which began in 1977, "
            "and during the Iranian Revolution, which drove the shah from power in 1979.")
    assert not [p for p in _kept(text) if "Shah of Iran begin" in p]
    assert "In what year did the Iranian Revolution drive the shah from power?" in _kept(text)


def test_a_verb_keeps_the_phrase_it_needs_and_a_long_time_phrase_is_not_moved():
    text = ("Finally, after nearly a decade of public clamoring for the annexation of Texas, in December 1845 Polk "
            "officially agreed to the annexation of the former Mexican state, making the Lone Star Republic an "
            "additional slave state.")
    wh = [p for p in _kept(text) if p.endswith("?")]
    assert wh == ["When did Polk officially agree to the annexation of the former Mexican state?"], wh


def test_a_bare_indefinite_object_is_not_a_question():
    text = "In the 1880s, Williamina Fleming devised a system to classify stars based on the strength of hydrogen absorption lines."
    assert not [p for p in _kept(text) if p.endswith("?")]
    named = "In 1998, Larry Page founded a search company called Google in a garage in Menlo Park."
    assert "Who founded a search company called Google in a garage in Menlo Park in 1998?" in _kept(named)


def test_it_at_the_end_of_a_question_and_a_year_cited_in_brackets():
    text = ("Beginning in 1916, state after state began passing laws prohibiting marijuana use, and in 1937 Congress "
            "passed a federal law banning it.")
    assert not [p for p in _kept(text) if p.endswith("banning it?")]
    cited = ("According to sociologist William Graham Sumner, deviance is a violation of established contextual, "
             "cultural, or social norms, whether folkways, mores, or codified law (1906).")
    assert not _kept(cited)
    assert _kept(cited.replace(" (1906)", ""))


def test_the_pac_points_back_like_the_committee():
    text = ("Walmart's political action committee gives money to both parties. In 2014, the PAC spent about $1.3 "
            "million on Republican candidates.")
    assert not [p for p in _kept(text) if "the PAC" in p]


# Rules from the rejections of held-out batch 21 (eighth session)
def test_a_year_inside_a_name_is_not_blanked():
    text = ("The BBC leads the nominations for the Bafta Interactive Awards, including one for Sport Interactive's "
            "Euro 2004 coverage.")
    assert all(why for p, a, why in __import__("candidates").candidate_prompts(text) if a == "2004")
    dated = "The BBC led the nominations for the Bafta Interactive Awards in March 2004."
    assert any(why is None for p, a, why in __import__("candidates").candidate_prompts(dated) if a == "March 2004")


def test_a_count_does_not_leave_its_with_phrase_behind():
    """ "On how many telephone interviews was the International Benchmarking Study based with businesses ...?" """
    text = "The International Benchmarking Study was based on 8,000 telephone interviews with businesses across Europe."
    assert not [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == "8,000" and p.endswith("?")]


def test_she_is_not_named_as_a_man_whose_given_name_the_text_gives():
    """ "On March 16, Michtom tried to convince the court that she should be able to return to her mother's home"
    (held-out batch 21): "she" is the teenager, and the text names him Josh Michtom."""
    from quizgen.questions.ask import name_sex

    assert (name_sex("Josh Michtom"), name_sex("Mr Lush"), name_sex("Dr Cassandra Fortin")) == ("m", "m", "f")
    assert name_sex("Jackie Fortin") is None  # given to both
    text = ("A Connecticut teen will remain in the custody of the state, according to her attorney, Josh Michtom. "
            "On March 16, Michtom tried to convince the court that she should be able to return to her mother's home.")
    assert not [p for p, a, why in __import__("candidates").candidate_prompts(text) if why is None and "she" in p]


def test_who_is_not_asked_of_ordinary_words_or_bare_members():
    from types import SimpleNamespace

    from quizgen.questions.gate import answer_type

    info = SimpleNamespace(text="Uptown Funk leads Streaming Songs for an 11th week.")
    fact = SimpleNamespace(label="PERSON", entity_name="Streaming Songs", text="Streaming Songs", kind="who")
    c = SimpleNamespace(format="short_answer", fact=fact, prompt="Who does Funk lead for an 11th week?")
    assert "ordinary words" in answer_type(info, c)
    c.fact = SimpleNamespace(label="PERSON", entity_name="Tiger Woods", text="Tiger Woods", kind="who")
    c.prompt = "Who won the Masters in 1997?"
    assert answer_type(info, c) is None
    text = "In 1825, members returned to Pennsylvania, and established themselves in the town called Economy."
    assert not [p for p, a, why in __import__("candidates").candidate_prompts(text) if why is None and "members" in p]


def test_pushed_for_keeps_what_it_pushed_for_and_would_then_leans():
    from candidates import candidate_prompts

    text = ("In 1997, the World Council of Churches pushed for a unified method of determining a date based on "
            "astronomical occurrences.")
    assert not [p for p, a, why in candidate_prompts(text) if p.endswith("push?")]
    then = "Since Britain had outlawed slavery in its colonies in 1833, Black people on the island of Cuba would then be free."
    assert all(why for p, a, why in candidate_prompts(then) if a == "1833")


def test_batch_21_wikipedia_causes():
    from candidates import candidate_prompts

    def reasons(text, answer):
        return [why for p, a, why in candidate_prompts(text) if a == answer]

    formed = "Soundgarden is a rock band that was formed in Seattle. The band was formed in 1984 by Chris Cornell and Kim Thayil."
    assert all(why for why in reasons(formed, "1984")) and reasons(formed, "1984")
    pair = ("Thayil had moved to Seattle from Park Forest, Illinois, with Yamamoto and Bruce Pavitt, who would later start "
            "the independent record label Sub Pop.")
    assert all(reasons(pair, "Yamamoto and Bruce Pavitt"))
    two = ("The Russian Orthodox Church Outside Russia split from the Moscow Patriarchate in 1927. The two Churches "
           "reconciled on May 17, 2007.")
    assert all(reasons(two, "May 17, 2007")) and reasons(two, "May 17, 2007")
    quoted = ('In 1973, a few months after the release of the album Tanx, Marc Bolan captured the front cover of Melody '
              'Maker magazine with the declaration "Glam rock is dead!"')
    assert not [p for p, a, why in candidate_prompts(quoted) if p.endswith("?")]
    fragment = ("After experimenting with unmanned balloons, the first balloon flight with humans aboard, a tethered "
                "flight, performed on or around October 15, 1783, by Étienne de Montgolfier who made at least one "
                "tethered flight from the yard of the Reveillon workshop.")
    assert all(why for p, a, why in candidate_prompts(fragment)) and candidate_prompts(fragment)
    whole = ("From August 26, 1946, and until the beginning of 1947, Operation Highjump was carried out, the largest "
             "military expeditionary force that the United States has sent to Antarctica.")
    assert not [why for p, a, why in candidate_prompts(whole) if why and "finite" in why]


def test_also_keeps_a_count_or_a_date_asked_of_the_subject():
    """ "Nearly 3,500 prisoners were also released before the arrival of Pope Francis in 2015": "also" adds an
    event, and "How many prisoners were released ...?" still has one answer (only "who" has more)."""
    from candidates import candidate_prompts

    text = ("In 1998, Fidel Castro released 200 individuals. Nearly 3,500 prisoners were also released before the "
            "arrival of Pope Francis in 2015.")
    assert "How many prisoners were released before the arrival of Pope Francis in 2015?" in [
        p for p, a, why in candidate_prompts(text) if why is None]


# Rules from the rejections of held-out batch 22's BBC and CNN sheets (eighth session)
@pytest.mark.parametrize("text, answer", [
    ("Mr Howard, whose grandmother died in Auschwitz, said many people would be offended by the prince's actions "
     "Clarence House has issued a statement saying the prince has apologised.", "Auschwitz"),  # a lost full stop
    ("While neither Mike Huckabee, who won Iowa in 2008, nor Rick Santorum, who won in 2012, went on to win the "
     "nomination, their successes helped launch them.", "2012"),  # "did neither Mike Huckabee win Iowa?", "win?"
    ("According to a Des Moines Register/Bloomberg Politics poll from January, 44% of likely Republican caucus-goers "
     "said they were born-again or evangelical Christians.", "January"),  # a detail of the source
    ("The Houthis are allied with Iran, and Riyadh does not want an proxy of Iran in power on its border.", "Iran"),
    ("Antonio Inoki is a former wrestler. In 1990, the maverick politician traveled to Iraq to negotiate the release "
     "of Japanese hostages.", "1990"),
    ("Scott MacLeod and Jon Petrie are doubtful for the Six Nations opener in Paris on 5 February.", "5 February"),
])
def test_batch_22_news_causes(text, answer):
    from candidates import candidate_prompts

    rows = [(p, why) for p, a, why in candidate_prompts(text) if a == answer]
    assert not [p for p, why in rows if why is None and (p.endswith("?") or "Auschwitz" in text or "poll" in text
                                                          or "proxy" in text or "maverick" in text)], rows


def test_a_relative_clause_with_no_relative_word_is_still_a_sentence():
    from candidates import candidate_prompts

    text = "The report the committee published in March 2004 blamed the Environment Agency."
    assert any(why is None for p, a, why in candidate_prompts(text) if a == "March 2004")


# Rules from the rejections of held-out batch 22's OpenStax and Wikipedia sheets (eighth session)
def test_batch_22_textbook_and_wikipedia_questions_read_right():
    from candidates import candidate_prompts

    def wh(text):
        return [p for p, _a, why in candidate_prompts(text) if why is None and p.endswith("?")]

    assert "In what year did Jean-Baptiste Colbert become Louis XIV’s chief minister?" in wh(
        "France embraced mercantilism under the guidance of Jean-Baptiste Colbert, who became Louis XIV’s chief "
        "minister in 1661.")
    assert "Who endorsed the Grimké sisters’ public lectures?" in wh(
        "William Lloyd Garrison endorsed the Grimké sisters’ public lectures, but other abolitionists did not.")
    assert not [p for p in wh("In 1713, the Royal Africa Company, a British company, instructed captains that enslaved "
                              "people should be allotted a space five feet long.") if "instruct" in p]
    assert not [p for p in wh("Hardened distribution PDSs provide significant physical protection and can be "
                              "implemented in three forms: hardened carrier PDSs, alarmed carrier PDSs and continuously "
                              "viewed carrier PDSs.") if "implemented" in p and " be " not in p]


@pytest.mark.parametrize("text, answer", [
    ("The Massachusetts Society for the Suppression of Intemperance and the Connecticut Society for the Reformation of "
     "Morals were both formed in 1813.", "The Massachusetts Society"),
    ("Indentured servitude did not satisfy the labor needs of tobacco planters in Virginia and Maryland either, where "
     "the death rate among Europeans was also high.", "Virginia and Maryland"),
    ("Massachusetts passed a temperance law in 1838. In 1845, close to one hundred towns in the state went dry.", "1845"),
])
def test_batch_22_textbook_clozes_are_dropped(text, answer):
    from candidates import candidate_prompts

    rows = [why for p, a, why in candidate_prompts(text) if a == answer]
    assert rows and all(rows), rows


def test_by_what_year_is_not_multiple_choice():
    from types import SimpleNamespace

    from quizgen.questions.gate.choices import settle_choices

    fact = SimpleNamespace(kind="when", text="1889", label="DATE")
    c = SimpleNamespace(format="multiple_choice", fact=fact, choices=[("1889", True), ("1892", False)],
                        prompt="By what year had Verdi been an opera composer for more than fifty years?")
    settle_choices(SimpleNamespace(), c)
    assert c.format == "short_answer" and c.choices is None


# Rules from the rejections of held-out batch 23's CNN sheet (eighth session)
def test_batch_23_cnn_questions_read_right():
    from candidates import candidate_prompts

    def wh(text):
        return [p for p, _a, why in candidate_prompts(text) if why is None and p.endswith("?")]

    assert not [p for p in wh("In one battle, the biography claims, Omar and a fighter named Mullah Biradar Akhund "
                              "destroyed four Soviet tanks.") if "claims" in p]  # two subjects: a misparse
    assert "Who sounded a little too much like the current Secretary of State John Kerry in 1992?" in wh(
        "In 1992, Bill Clinton sounded a little too much like the current Secretary of State John Kerry.")
    then = "Omar then all but disappeared after a U.S.-led bombing campaign routed the Taliban from Kabul in 2001."
    assert all(why for p, a, why in candidate_prompts(then) if a == "Omar")


def test_two_objects_and_a_record_count_are_no_questions():
    """Held-out batch 23: "How many jobs did the US economy add a seven-month high ...?", "How many record nations ...?"."""
    from candidates import candidate_prompts

    jobs = "The US economy added 337,000 jobs in October - a seven-month high and far more than Wall Street expectations."
    assert not [p for p, a, why in candidate_prompts(jobs) if p.endswith("?") and "high" in p]
    record = "A record 59 nations were represented by 4,104 athletes in 19 sport disciplines."
    assert all(why for p, a, why in candidate_prompts(record) if p.startswith("How many record"))
    assert [p for p, a, why in candidate_prompts(record) if p.startswith("How many record")]


# Rules from the rejections of held-out batch 24 (eighth session)
@pytest.mark.parametrize("text, answer", [
    ("Dana Ford wrote from Atlanta.", "Dana Ford"),  # a byline
    ("The department's Civil Rights Division, along with the the U.S. Attorney's Office and the FBI, have opened a "
     "parallel preliminary inquiry in February.", "February"),  # "the the"
    ("The ATAR was only introduced in 2009.", "2009"),  # "only" of the time
    ("Aida, sometimes spelled Aïda, is an opera in four acts by Giuseppe Verdi.", "Aïda"),  # a spelling
    ("Around the same time, Schulz was drafted into the United States Army.", "the United States Army"),
    ("White soldiers, in contrast, received $13 a month in 1863.", "$13"),
    ("The first evidence for absorption by interstellar clouds came from the analysis of a spectroscopic binary star "
     "(see The Stars: A Celestial Census), published in 1904.", "1904"),  # a cross-reference
])
def test_batch_24_causes(text, answer):
    from candidates import candidate_prompts

    rows = [why for p, a, why in candidate_prompts(text) if a == answer]
    assert rows and all(rows), rows


def test_saying_and_ranked_need_what_follows():
    from candidates import candidate_prompts

    said = ("The U.S. Department of Justice issued a statement in February saying the department's Civil Rights "
            "Division, along with the FBI, have opened a parallel preliminary inquiry.")
    assert not [p for p, a, why in candidate_prompts(said) if why is None and p.endswith("Division?")]
    ranked = "Buckingham was ranked 100th in Rolling Stone's list of the greatest guitarists in 2011."
    asked = {p: why for p, a, why in candidate_prompts(ranked)}
    assert not [p for p, why in asked.items() if why is None and p.endswith("ranked?")], asked
    # the whole question is well formed, but since held-out batch 42 the year of a ranking is no fact worth a card
    assert asked.get("In what year was Buckingham ranked 100th in Rolling Stone's list of the greatest guitarists?", "") \
        .startswith("not worth asking"), asked


def test_batch_25_causes():
    from types import SimpleNamespace

    from candidates import candidate_prompts
    from quizgen.questions.gate import answer_type

    both = ("Stephen Daldry and Lee Hall made the film. Both were nominated for Oscars, alongside Julie Walters, who "
            "played Billy's teacher.")
    assert all(why for p, a, why in candidate_prompts(both) if a == "Julie Walters")
    heads = "In 2013, the two heads of state met for the first time at Nelson Mandela's funeral."
    assert all(why for p, a, why in candidate_prompts(heads) if a == "2013")
    info = SimpleNamespace(text="James Lomas, George Maguire and Liam Mower are the three boys playing Billy.")
    fact = SimpleNamespace(label="PERSON", entity_name="James Lomas", text="James Lomas", kind="who")
    c = SimpleNamespace(format="short_answer", fact=fact, prompt="Who are the three boys playing Billy?")
    assert "more than one answer" in answer_type(info, c)


def test_one_of_a_list_with_the_serial_comma():
    """ "David Crane, Larry Kaplan, Alan Miller, and Bob Whitehead met with ..." (held-out batch 28): the parser made
    the last name alone the subject. Neither "Who met with ...? -> Bob Whitehead" nor a question naming him alone."""
    text = ("Atari programmers David Crane, Larry Kaplan, Alan Miller, and Bob Whitehead met with Atari CEO Ray Kassar "
            "in May 1979 to demand royalties.")
    kept = _kept(text)
    assert not [p for p in kept if "Bob Whitehead" in p and p.endswith("?")], kept
    assert not [p for p in kept if p.startswith("Atari programmers _____,")], kept
    assert _reasons(text, "Bob Whitehead") and all(_reasons(text, "Bob Whitehead"))
    title = ("Isma'il Pasha, Khedive of Egypt, commissioned Verdi to write an opera for the opening of the Khedivial "
             "Opera House in 1869.")  # a title between commas is not a second name
    assert "Who commissioned Verdi to write an opera for the opening of the Khedivial Opera House in 1869?" in _kept(title)


def test_who_is_not_asked_of_a_title_that_opens_with_an_ing_word():
    text = "The film was nominated for five awards in London. And Finding Neverland has garnered two more nominations for Brits."
    assert not [p for p in _kept(text) if p.startswith("Who")]
    from quizgen.questions.gate.kinds import _opens_with_gerund

    assert _opens_with_gerund("Saving Private Ryan") and not _opens_with_gerund("Irving Berlin")
    assert not _opens_with_gerund("Sterling Morrison")


def test_born_is_not_the_verb_bear():
    text = "Cynthia Lennon, born Cynthia Powell in 1939, was a stabilizing force for the young musician."
    assert not [p for p in _kept(text) if "bear" in p]


def test_early_stays_with_the_time_it_belongs_to():
    text = "Guaraldi's first recording was made in November 1953 with Cal Tjader and was released early in 1954."
    kept = _kept(text)
    assert not [p for p in kept if re.search(r"\bearly\?$", p)], kept
    assert "When was Guaraldi's first recording made with Cal Tjader?" in kept


def test_the_first_keeps_what_it_is_first_at():
    """ "In what year did South Dakota become the first state?" (held-out batch 28): first to allow initiatives."""
    text = "In 1898, South Dakota became the first state to allow initiatives to appear on a ballot."
    assert not [p for p in _kept(text) if p.endswith("?")]
    whole = "In 1898, South Dakota became the first state in the union to allow women to vote in local elections."
    assert not [p for p in _kept(whole) if p.endswith("first state?")]


def test_which_after_x_of_a_name_is_not_guessed():
    """ "the construction of the Panama Railway, which began operations in 1855": the railway, not its construction."""
    text = ("The discovery of gold in California in 1848 led to the construction of the Panama Railway, which began "
            "operations in 1855.")
    assert not [p for p in _kept(text) if "construction of the Panama Railway begin" in p]
    assert "In what year was the Bank of England founded?" in _kept(
        "Mary Smith led the Bank of England, which was founded in 1694.")  # one name: not a guess
    # "which" hung on "economics": economics was not founded in 1890
    nearer = "Mary Smith studied economics at the University of Chicago, which was founded in 1890."
    assert not [p for p in _kept(nearer) if "economics" in p and p.endswith("founded?")]


@pytest.mark.parametrize("text, answer", [
    # "The couple" parsed as a noun with a participle after it: still the subject, still unresolved
    ("Cynthia Lennon met John Lennon at art school in Liverpool. The couple divorced in 1968, by which time John "
     "was seeing Yoko Ono.", "Yoko Ono"),
    # "The second band": whose?
    ("Cal Tjader formed his first band in 1954. The second band was formed in the spring of 1958 and included Al "
     "McKibbon on bass.", "Al McKibbon"),
    # a link line of the page, a question, shown before the card's sentence
    ("The bill passed the Senate on Tuesday. What's in the Iran bill and why all the fuss? There is good reason for "
     "Obama to avoid calling this a treaty.", "Obama"),
    # a class noun with describing words only (batches 28-32): which company, which city, which group?
    ("IBM said on Monday it would build a new grid. The computer company, working with United Devices, previously "
     "developed the Smallpox Research Grid in 2003.", "United Devices"),
    ("Lagos is the largest city in Nigeria. The Nigerian city is among the African cities with the most millionaires, "
     "a report by New World Wealth found in 2014.", "New World Wealth"),
    ("Al-Shabaab attacked a hotel in Mogadishu on Tuesday. The Islamist militant group, who are allied with al Qaeda, "
     "have been waging a bloody campaign for control of Somalia.", "al Qaeda"),
])
def test_batch_28_clozes_are_dropped(text, answer):
    reasons = _reasons(text, answer)
    assert reasons and all(reasons), reasons


def test_batch_29_questions():
    # an organisation's name cut after its first word
    usada = ("The US Anti-Doping Agency decided to press charges against Michelle Collins in the summer of 2004 after "
             "a federal inquiry.")
    assert not [p for p in _kept(usada) if p.startswith("Who decided")]
    # "who" for an institution that was abolished
    glc = "The Greater London Council was abolished following the Local Government Act 1985, and its powers passed to the boroughs."
    assert not [p for p in _kept(glc) if p.startswith("Who was abolished")]
    # an adverb of the phrase asked about left at the end
    mayor = ("The Lord Mayor of London spends over 100 days abroad usually in more than 20 countries, promoting the City "
             "of London as a financial centre.")
    assert not [p for p in _kept(mayor) if p.endswith("usually?")]


def test_it_and_its_that_point_outside_the_question():
    """Held-out batch 31: "report it treeless", "outsold its 600 South African stores", "publish excerpts of its
    didactic texts": "it" as an object, and "its" after a plural or a person, point at what the question leaves out."""
    from candidates import candidate_prompts

    named = "In 1899 Bayer named it Aspirin, and the drug was sold around the world."
    assert [w for p, a, w in candidate_prompts(named) if p.endswith("?")] == ["unresolved reference: 'it' as an object (what?)"]
    plural = "In 2013, seven Nigerian branches outsold its 600 South African stores, said the chain of LVMH."
    assert all(w for p, a, w in candidate_prompts(plural) if p.endswith("?"))
    person = "In 1604 John Goldast published excerpts of its didactic texts, and the codex became famous."
    assert all(w for p, a, w in candidate_prompts(person) if p.endswith("?"))
    # "its" of the subject, and "it" as the subject of a reported clause, stay
    assert "In what year did Nintendo launch its GameBoy console?" in _kept("Nintendo launched its GameBoy console in 1989.")
    assert "In what year did the Soviet Union report that it would maintain its scientific bases in the Antarctic?" in _kept(
        "The Soviet Union reported in 1957 that it would maintain its scientific bases in the Antarctic.")


def test_class_nouns_that_say_which_stay():
    # "the city of Lagos" says which city; "the Italian carmaker Fiat" names it
    for text, answer in [("The city of Lagos was founded by the Awori people in 1472, long before the British came.", "1472"),
                         ("The Italian carmaker Fiat said in 2005 that it would cut 3,000 jobs in Turin.", "3,000")]:
        reasons = _reasons(text, answer)
        assert reasons and not any(r and "(which?)" in r for r in reasons), reasons


def test_a_version_of_what():
    """Held-out batches 28 and 31: "When did Google launch a version in simplified Chinese?", "When was the first
    Italian version given in Bologna?": a version, an edition, a sequel of something the card does not name."""
    text = ("Google launched its news service in 2002. Google launched a version in simplified Chinese in September, "
            "the company said. The first Italian version was given in Bologna in March 1867. Google launched a "
            "version of the service for India in 2008.")
    kept = _kept(text)
    assert not [p for p in kept if "a version in" in p or "Italian version" in p], kept
    assert "In what year did Google launch a version of the service for India?" in kept


def test_scope_of_a_number_stays_in_its_question():
    """Held-out batches 31 and 32: "How many migrants arrived in Italy by sea?" (in 2014), "How much was the annual
    footwear industry revenue in 2012?" (in the U.S.): the year and the place a number holds for stay in its question,
    a leading place phrase moving to the end as a time phrase does."""
    kept = _kept("More than 1,100 people drowned last week. In 2014, 170,000 migrants arrived in Italy by sea. In the "
                 "U.S., the annual footwear industry revenue was $48 billion in 2012.")
    assert "How many migrants arrived in Italy by sea in 2014?" in kept, kept
    assert "How many migrants arrived in Italy by sea?" not in kept
    assert not [p for p in kept if "footwear" in p and "U.S." not in p], kept


@pytest.mark.parametrize("text, fragment", [
    # batch 31: "Who said on the church's Facebook page?": the quotation ended a sentence of its own, and neither a
    # question nor a cloze can be made of what is left
    ('Pastor Ludlow spoke to reporters in Dallas on Monday. "They are in glory in the loving arms of our King!" '
     "Ludlow said on the church's Facebook page.", "Facebook"),
    # batch 34: "shepherd" parsed as a noun with "the enraged Prutton" as its object gave "Who sprinted along the
    # touchline shepherd the enraged Prutton away ...?"
    ("Southampton manager Harry Redknapp watched the match. Redknapp himself sprinted along the touchline to help "
     "physio Jim Joyce and coach Denis Rofe shepherd the enraged Prutton away from referee's assistant Norman.",
     "touchline shepherd"),
])
def test_nothing_is_kept_of_a_misread_sentence(text, fragment):
    assert not [p for p in _kept(text) if fragment in p], _kept(text)


def test_batch_33_questions():
    """Held-out batch 33's rejections, each a rule for text of any kind."""
    # two verbs of one subject run together once "then" is gone
    leetch = ("Leetch left the Illinois school to serve as director of athletics at Whitworth University in Spokane, "
              "Washington, then came back in June 2013 as ISU's deputy director of athletics.")
    assert not [p for p in _kept(leetch) if p.startswith("Who left")], _kept(leetch)
    # a price put as what a thing is
    assert all(r for r in _reasons("Matera's rock crypts are 5 euros, a guide said in Rome.", "5")), \
        _reasons("Matera's rock crypts are 5 euros, a guide said in Rome.", "5")
    # somebody described, not named, as the subject
    morgan = "In 1944, an African American woman was arrested in Virginia for refusing to leave the bus."
    assert "vague: 'an African American woman' (who?)" in _reasons(morgan, "1944")
    # a contrast set off by commas answers a sentence not shown
    warren = ("Utilizing evidence provided in sociological studies conducted by Kenneth Clark, however, Thurgood Marshall "
              "successfully argued the case before the Supreme Court in 1954.")
    assert all(_reasons(warren, "Kenneth Clark")), _reasons(warren, "Kenneth Clark")
    # a blank that takes its own preposition
    milburn = "Milburn scored 200 league and cup goals between 1946 and 1957, while Shearer has 187 goals to his name."
    assert all(_reasons(milburn, "between 1946 and 1957")), _reasons(milburn, "between 1946 and 1957")


def test_batch_34_questions():
    """Held-out batch 34's rejections, each a rule for text of any kind."""
    # a verb joined with no "and" is a misparse: the subject it would share is somebody else's (a false statement)
    cole = ("The Premier League is also continuing investigations into allegations Chelsea officials tapped up Arsenal "
            "defender Ashley Cole in January.")
    assert not [p for p in _kept(cole) if "Premier League tap" in p], _kept(cole)
    robots = ("Robots can fulfil serious functions in society and the United Nations Economic Commission for Europe "
              "predicts that the market for industrial robots will swell from 81,000 units in 2003 to 106,000 in 2007.")
    assert not [p for p in _kept(robots) if "can robots predict" in p], _kept(robots)
    assert "In what year did Sarah Smith join Google?" in _kept("Sarah Smith left the bank in 2004 and joined Google in 2006.")
    # an opening participle parsed as the subject
    ridenhour = ("Hearing details from friends in Charlie Company, Ron Ridenhour, a soldier who had not been at My Lai, "
                 "wrote to thirty members of Congress in April 1969.")
    assert not [p for p in _kept(ridenhour) if p.endswith("?")], _kept(ridenhour)
    # a person described, not named
    assert "unresolved reference: 'the pioneering economist' (who?)" in _reasons(
        "Adam Smith was born in Kirkcaldy. Alan Greenspan has given a speech at a Scottish church in honour of the "
        "pioneering economist in 2005.", "Alan Greenspan")
    # "the word" whose quoted word the question dropped (since batch 52 not built at all: a noun before a quoted name
    # that the question leaves out)
    assert_not_kept('The word "genocide" was invented in 1944 by a Polish lawyer.', "1944", "?")
    # a sentence's first word kept capitalised although the text writes it in lower case elsewhere
    genocide = ('The word "genocide" was invented in 1944 by a Polish lawyer. Genocide became a crime in 1948, when the '
                "United Nations approved the Convention on the Prevention and Punishment of the Crime of Genocide.")
    assert "In what year did Genocide become a crime?" not in _kept(genocide)
    # a phrase moved to the end would land in the reported clause
    bond = ("In January, Bond told the Chinook Observer in Long Beach, Washington, that his concern is for very young "
            "salmon that are still upstream.")
    assert not [p for p in _kept(bond) if "concern is in January" in p], _kept(bond)
    # the year a population figure refers to; a count said in passing
    assert "not worth asking: the year a population figure refers to" in _reasons(
        "The transnational Eurodistrict Strasbourg-Ortenau had a population of 884,988 inhabitants in 2008.", "2008")
    assert "trivial: a count said in passing ('father of four', 'the family of three')" in _reasons(
        "The FBI is involved in the investigation of the slaying of the father of four in Ohio.", "four")


def test_batch_35_questions():
    """Held-out batch 35's rejections, each a rule for text of any kind."""
    # a date after "and" that opens the next clause belongs to that clause's verb
    frederick = ("Frederick energetically pursued the crown and at Frankfurt on 4 March 1152 the kingdom's princely "
                 "electors designated him as the next German king.")
    assert not [p for p in _kept(frederick) if p.startswith("When did Frederick")], _kept(frederick)
    # a main verb with no subject: a place and a person run into one name
    reuter = "In Göttingen Reuter met Carl Friedrich Gauss who experimented with the transmission of signals via wire."
    assert not [p for p in _kept(reuter) if p.startswith("In _____ met")], _kept(reuter)
    # the speaker of a closing attribution, whatever the parse made of it
    kelley = ("Kelley, 50, was taken into custody at the Atlanta airport Wednesday after arriving on a flight from Costa "
              "Rica, Deputy U.S. Marshal Jamie Berry said.")
    assert "not worth asking: the speaker of a quotation or report" in _reasons(kelley, "Jamie Berry")


def test_no_full_stop_before_the_question_mark():
    from quizgen.questions.syntax import _render
    from quizgen.nlp.model import parse_many
    doc = next(iter(parse_many(["Ferguson moved for £6.5m."])))
    assert _render(doc, [(t.i, t.text) for t in doc]) == "Ferguson moved for £6.5m"
    doc = next(iter(parse_many(["He moved to the U.S."])))
    assert _render(doc, [(t.i, t.text) for t in doc]).endswith("U.S.")



def test_batch_36_questions():
    """Held-out batch 36's rejections, each a rule for text of any kind."""
    drug = ("Darbepoetin alfa is a drug for anaemia made by Amgen. In August 2010, Dr. Reddy's Laboratories launched "
            "darbepoetin alfa in India under the brand name Cresp. Cresp has been approved in India.")
    kept = _kept(drug)
    assert not [p for p in kept if p.endswith("brand name?") or p == "_____ has been approved in India."], kept
    stieltjes = ("Thomas Stieltjes was born in Zwolle in 1856. His father was an engineer. Stieltjes Sr. was responsible "
                 "for the construction of various harbours around Rotterdam, and also seated in the Dutch parliament.")
    assert not [p for p in _kept(stieltjes) if "_____. was" in p], _kept(stieltjes)
    # a verb whose phrase is its argument keeps it, also in a reported clause
    mousa = ("The High Court ruled on Tuesday that Baha Mousa's death in British custody in Iraq fell within the European "
             "Convention on Human Rights.")
    assert not [p for p in _kept(mousa) if p.endswith("fell?")], _kept(mousa)
    # "change his mind": about what?
    blair = ("Mr Blair told Gordon Brown in November 2003 that he would stand down. Mr Blair then changed his mind in June "
             "2004, after Cabinet allies intervened and amid suspicion the chancellor was manoeuvring against him, writes "
             "Mr Peston.")
    assert not [p for p in _kept(blair) if p.endswith("mind?")], _kept(blair)


def test_batch_37_questions():
    """Held-out batch 37's rejections, each a rule for text of any kind."""
    # a restriction to some people is no modifier to drop: without it the question states a falsehood
    court = ("In 2005, the U.S. Supreme Court struck down the death penalty for those younger than 18 when they killed, "
             "repeatedly quoting an article by psychologists Laurence Steinberg and Elizabeth Scott.")
    assert "In what year did the U.S. Supreme Court strike down the death penalty?" not in _kept(court)
    # a leading "In the House," says where the number holds, and moves to the end
    seats = ("In the Senate, Republicans picked up four seats. In the House, the Republican Party gained three seats, "
             "adding to its majority there as well.")
    assert "How many seats did the Republican Party gain?" not in _kept(seats)
    assert "How many seats did the Republican Party gain in the House?" in _kept(seats)
    # a clause before the verb is no part of the question
    flute = ("Mozart conducted the orchestra, Schikaneder himself played Papageno, while the role of the Queen of the "
             "Night was sung by Mozart's sister-in-law Josepha Hofer.")
    from candidates import candidate_prompts
    assert not [p for p, a, w in candidate_prompts(flute) if "conducted the orchestra play" in p]
    # a subject pronoun is not the one person named in its own clause
    duese = ("Jacques Duèze was born in Cahors. On the recommendation of Charles II of Naples he was made Bishop of "
             "Fréjus in 1300. In 1309 he was appointed chancellor of Charles II, and in 1310 he was transferred to Avignon.")
    assert "unresolved reference: 'he' (the one person in view is in its own clause)" in _reasons(duese, "1309")
    curie = "Marie Curie moved to Paris in 1891. In 1903 she won the Nobel Prize in Physics at the age of 36."
    assert not any(r and "in its own clause" in r for r in _reasons(curie, "1903")), _reasons(curie, "1903")


@pytest.mark.parametrize("text, answer, reason", [
    # batch 28: "What was named a Hans Christian Andersen ambassador? -> Helena Christensen"
    ("Later at a gala dinner, Danish supermodel Helena Christensen was named a Hans Christian Andersen ambassador. "
     "Other ambassadors include Harvey Keitel, Roger Moore and Pele.", "Helena Christensen",
     "wrong question word: 'what' for a person"),
    # batch 36: "... prompted hundreds of thousands of _____ to take to the streets" -> Brazilians, in a story about Brazil
    ("Brazil's president Dilma Rousseff faces protests in Brazil. The scandal has eroded Rousseff's approval rating "
     "and prompted hundreds of thousands of Brazilians to take to the streets in protest in March.", "Brazilians",
     "trivial: the people of a country the text names again and again"),
    # batch 39: "When did Wagner first conceive the work?" (Parsifal): which work?
    ("Parsifal is an opera by Richard Wagner. Wagner first conceived the work in April 1857 at his house in Zurich.",
     "April 1857", "unresolved reference: 'the work' (which?)"),
    # batch 38: "Born in Skewen, she ...": the village, tagged as a person, is no antecedent for "she"
    ("Gaynor Hopkins, known as Bonnie Tyler, is a Welsh singer. Born in Skewen, she spent seven years performing in "
     "pubs and clubs around South Wales before being signed to RCA Records in 1975.", "1975",
     "unresolved reference: 'she' (0 people before it)"),
])
def test_held_out_reasons_of_the_tenth_session(text, answer, reason):
    assert reason in _reasons(text, answer)


def test_a_plural_opener_tagged_as_a_name_is_still_a_common_word():
    """Held-out batch 38: "Into how many domains are Organisms classified?": in the whole section the tagger took the
    sentence's first word for a name (NNPS); the text writes "organisms" in lower case elsewhere."""
    from types import SimpleNamespace

    from spacy.tokens import Doc

    from quizgen.nlp.model import load_model
    from quizgen.questions.gate.form import _capitalised_opener

    words = ["Organisms", "are", "classified", "into", "three", "domains", ".", "Most", "organisms", "are", "tiny", "."]
    doc = Doc(load_model().vocab, words=words, pos=["PROPN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT", "ADJ", "NOUN", "AUX",
                                               "ADJ", "PUNCT"], sent_starts=[True] + [False] * 6 + [True] + [False] * 4)
    info = SimpleNamespace(doc=doc, text=doc.text)
    opener = _capitalised_opener(info, doc[0].sent, "Into how many domains are Organisms classified?")
    assert opener is not None and opener.text == "Organisms"


def test_a_year_standing_apart_from_its_choices_is_not_multiple_choice():
    """Held-out batch 40: "In what year did Dassault Systemes release CATIA V6?" offered 1977, 1981 and 1984 beside
    2008: the one recent year gave itself away. Text years nearest the answer come first; when the answer would still
    stand apart from all of them, the text's years are no choices (a short answer, or near neighbours)."""
    from quizgen.questions.distractors import _isolated_year

    assert _isolated_year("2008", ["1977", "1981", "1984"])
    assert not _isolated_year("2008", ["2004", "1981", "1984"])
    assert not _isolated_year("1983", ["1977", "1981", "1988"])
    text = ("Dassault Systemes was founded in 1977 by engineers of Dassault Aviation. The first release came in 1981. "
            "IBM began selling the software in 1984. Dassault Systemes released CATIA V6 in 2008.")
    quiz = quizgen.generate(text, source_id="t")
    asked = [q for q in quiz.questions if q.answer.text == "2008" and q.format != "cloze"]
    assert asked, [q.prompt for q in quiz.questions]
    for q in asked:
        if q.format == "multiple_choice":
            years = [int(c.text) for c in q.choices if not c.correct]
            assert min(abs(y - 2008) for y in years) <= 5, years


@pytest.mark.parametrize("text, answer, kept", [
    # held-out batch 40: "In what year was a 24-channel TDM placed by RCA Communications to send audio information between
    # RCA's facility on Broad Street?" dropped "in commercial operation" and two of the three ends of "between"
    ("In 1953 a 24-channel TDM was placed in commercial operation by RCA Communications to send audio information "
     "between RCA's facility on Broad Street, New York, their transmitting station at Rocky Point and the receiving "
     "station at Riverhead, Long Island, New York. The system worked well.", "1953", ()),
    ("In 1953 a new telephone exchange was placed in commercial operation by RCA Communications in New York. "
     "The system worked well.", "1953",
     ("In what year was a new telephone exchange placed in commercial operation by RCA Communications in New York?",)),
])
def test_placed_keeps_its_phrase_and_between_keeps_both_ends(text, answer, kept):
    prompts = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == answer and why is None]
    assert [p for p in prompts if p.endswith("?")] == list(kept), prompts


def test_an_adverb_opening_a_sentence_is_no_name():
    """Held-out batch 40: "_____ referred to as a 3D Product Lifecycle Management software suite, CATIA supports ..."
    -> "Commonly": the tagger called the capitalised adverb an organisation."""
    text = ("Commonly referred to as a 3D Product Lifecycle Management software suite, CATIA supports multiple stages "
            "of product development. Dassault Systemes released CATIA V6 in 2008.")
    quiz = quizgen.generate(text, source_id="t")
    assert not [q for q in quiz.questions if q.answer.text == "Commonly"], [q.prompt for q in quiz.questions]


def assert_not_kept(text: str, answer: str, bad: str) -> None:
    """No candidate with this answer that passes the gate has ``bad`` in its prompt ("" for: none passes)."""
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == answer and why is None]
    assert not [p for p in kept if bad in p], kept


# Causes found in held-out batches 41-46 (benchmarks/reviews/heldout-*-8601 ... -9104), one row a cause
@pytest.mark.parametrize("text, answer, bad", [
    # batch 41-42
    ("In 2017, Vienna ranked highest in quality of life among 231 cities. The city has a long history.", "2017", "?"),
    ("In 2015, almost 2.4 million U.S. jobs were outsourced to India. The trend went on.", "2015", "?"),
    ("Adjusted for seasonal factors, the German jobless total rose by 227,000 in January from December. "
     "Economists were surprised.", "January", "?"),
    ("For example, a manager decides to fire five people rather than put everyone on a 30-hour workweek. "
     "Utilitarianism weighs the outcomes.", "five", "?"),
    ("In 1803 the schooner Nautilus sailed to Spain. Nautilus reached Gibraltar on July 27 and sailed four days later. "
     "Its captain was Richard Somers.", "July 27", "?"),
    ("Google floated in August at $85 a share. Google shares have risen since but fell $12.33 on Tuesday to close "
     "at $172.55.", "$172.55", "_____"),
    ("Google floated in August. The US-based company sold 19.6 million shares at $85 each.",
     "19.6 million", "US-based company"),
    ('Mascagni wrote many operas. Mascagni said that at one point, "Iris" was performed in Italy more often than '
     '"Cavalleria" (cf. Stivender).', "Italy", "cf."),
    ('On May 5 1803, Somers was ordered to Baltimore, Maryland, to man, fit out, and command USS "Nautilus", and when '
     'that schooner was ready for sea, to sail her to the Mediterranean.', "May 5 1803", "to man?"),
    ("Rawls wrote about justice. In 1974 Robert Nozick wrote A Theory of Entitlement as a direct rebuttal of Rawlsian "
     "justice theory.", "Theory of Entitlement", ""),
    # batch 41-42 (news)
    ("Foreign policy rarely makes news. As Damian Paletta writes, foreign policy is generally conducted quietly by the "
     "White House through executive agreements.", "Damian Paletta", "_____"),
    ("Emory, the NIH and Nebraska are three of only four hospitals in the United States that have biocontainment "
     "units to deal with Ebola.", "three", ""),
    ("Ashton Kutcher has a new cause. The new father -- he and partner Mila Kunis welcomed baby Wyatt Isabelle in "
     "October -- complained to his followers that he had yet to encounter a changing table.", "October", "new father"),
    # batch 43
    # a false statement: the title belonged to the third item of the list
    ('Harry Turtledove is an American novelist who writes alternate history. Turtledove won the Homer Award for Short '
     'Story in 1990 for "Designated Hitter," the John Esten Cooke Award for Southern Fiction in 1993 for "The Guns of the South", and the Hugo Award for Novella in 1994 for "Down in the '
     'Bottomlands."', "1990", "?"),
    ("MLB has the highest season attendance of any sports league in the world with more than 74 million spectators "
     "in 2013. Baseball is popular.", "2013", "In what year does"),
    ("In multiplayer mode, there are seven gametypes: Arsenal, Assassination, Capture the Flag, Conquer the Bunker, "
     "Control, Deathmatch and Realistic Deathmatch.", "seven", ""),
    ("In 2017, global FDI flows amounted to USD $1.52 trillion, the UN said. Investment fell.", "2017", "?"),
    ("In May 2016, Americans had about $943 billion outstanding in credit card debts. Rates are high.", "May 2016", "?"),
    ("Smith grew up in Sanford. Smith watched the chaos play out from Elgin in 2012.", "Smith", "the chaos"),
    ("The NYSE lists many firms. Today, all three market tiers adhere to NASDAQ's rigorous listing standards.", "three", ""),
    # batch 44
    ("John Morton was an English cleric. After the dynastic change to the Tudors in 1485, Henry VII made him Archbishop "
     "of Canterbury on 6 October 1486, and appointed him Lord Chancellor of England in 1487.", "Henry VII", "_____"),
    ('Donizetti wrote many operas. With the success of "Lucia di Lammermoor" in September 1835, Donizetti moved on to '
     'stagings of "Maria Stuarda" at La Scala.', "September 1835", "?"),
    ("Obama has attended three times as president and last attended back in 2013.", "2013", "back?"),
    ("According to William Mann, Mozart disliked prima donna Adriana Ferrarese del Bene, da Ponte's arrogant mistress "
     "for whom the role of Fiordiligi had been created.", "Ponte", ""),
    ("The first performance of Mozart's setting took place at the Burgtheater in Vienna on 26 January 1790.",
     "26 January 1790", "setting"),
    ('However, his first notable success came with an "opera seria", "Zoraida di Granata", which was presented in 1822 '
     'in Rome.', "1822", "an opera seria"),
    ("Israel accused Musallam of spying. Defense Minister Moshe Ya'alon denied the allegation on Israeli radio in May.",
     "Moshe Ya'alon", "the allegation"),
    ("In 1207, Pope Innocent III placed the kingdom of England under an Interdict as the result of actions taken by "
     "King John (1199–1215) culminating in a debate over the appointment for a successor to the Archbishop of "
     "Canterbury.", "1207", "actions?"),
    # batch 44-45
    # two false statements
    ("Tazio Nuvolari was an Italian racing driver. Enzo Ferrari did not want him back. Mussolini helped persuade "
     "Ferrari to take Nuvolari back for 1935, and in that year he won the German Grand Prix in Ferrari's outdated Alfa "
     "Romeo, defeating more powerful rivals from Mercedes-Benz and Auto Union.", "Ferrari", "?"),
    ("The first call for a convention was made over issues of the blockade and the Intolerable Acts penalizing the "
     "Province of Massachusetts, which in 1774 enabled Benjamin Franklin to convince the colonies to form a "
     "representative body.", "Benjamin Franklin", "?"),
    ("Jerome Sharper was a football player. Sharper originally faced five counts of drugging and raping three women in "
     "Scottsdale, Arizona, in November 2013.", "November 2013", "?"),
    ("The third Continental Congress was the Congress of the Confederation, under the Articles of Confederation.",
     "the Congress of the Confederation", "Who was"),
    ("Close to the time that PepsiCo spun off its restaurant business in 1997, the Border Bell in Mountain View was "
     "closed and converted to a Taco Bell restaurant, which was still open in 2012.", "2012", ""),
    ("Mayor Daley oversaw the rapid development of the city's central business district downtown and adjacent near "
     "North, near South and near West sides.", "North", ""),
    ("The First Continental Congress met briefly in Carpenter's Hall in Philadelphia, Pennsylvania, from September 5 "
     "to October 26, 1774.", "Carpenter", ""),
    # batch 46
    ("Spring break is big business. Each year up to six million young people visit Panama City Beach during February "
     "and March, officials say.", "six million", "?"),
    ("Markets differ. As another example, the majority of global diamond production is controlled by DeBeers, a "
     "multi-national company that has mining operations in South Africa.", "DeBeers", ""),
    ("Small businesses are many. Estimates range from 5 million to over 22 million, depending on the size limits "
     "government agencies use to define a small business.", "22 million", ""),
    ("Lindgren was born in 1907. Upon finishing school, Lindgren took a job with the a local newspaper in Vimmerby in "
     "1924.", "Vimmerby", ""),
    ("The moment that plastic finally toppled cash happened at 10.38am on Wednesday, according to the Association for "
     "Payment Clearing Services (Apacs) Apacs chose school teacher Helen Carroll, from Portsmouth, to mark it.",
     "Portsmouth", ""),
    # batch 45
    ("Corn is a commodity. In December 2021, U.S. corn farmers got an average of $5.47 per bushel for their corn.",
     "December 2021", "?"),
    ("Britain wants to keep its EU rebate. Mr Blair said he would not give up the cash in June, officials said.",
     "June", "the cash"),
    # batch 46, left from the last session, and batch 47
    ("Bjørndalen first competed in the Olympic Games at the Lillehammer 1994 Winter Olympics, held in his home "
     "country of Norway.", "Norway", ""),
    ("In 1991 Hanson was awarded an American Philological Association's Excellence in Teaching Award, which is "
     "awarded to undergraduate teachers of Greek and Latin.", "Teaching Award", ""),
    ("Sri Lanka faces a $1.3bn bill in 2005. This estimate is preliminary, bank governor Sunil Mendis told "
     "reporters, and could rise in 2006.", "2006", "?"),
    ("Al-Shabaab claimed the attack. A broadcast by the group's official radio station, Andulus, said that Al-Shabaab "
     "gunmen had entered the regional president's house and killed seven Ethiopian soldiers.", "seven", "?"),
    ("Fastow was born in 1961. Based on his work at Continental, Fastow was hired in 1990 by Jeffrey Skilling at the "
     "Enron Finance Corp. Fastow was named the Chief Financial Officer at Enron in 1998.", "1990", "Corp. Fastow"),
    ('In 1966, Sherwood Schwartz conceived the idea for "The Brady Bunch" after reading in "The Los Angeles Times" '
     'that "30% of marriages have a child or children from a previous marriage."', "1966", "?"),
    ('The word "cigar" originated from the Spanish "cigarro". The English word came into general use in 1730.',
     "1730", "?"),
    ("Bath is a spa town. Jane Austen lived in Bath in the early 19th century.", "Jane Austen", "?"),
    ("Leatherbacks are the largest turtles on Earth and can grow up to 2,000 pounds.", "Earth", ""),
    ("Chelsea drew. In La Liga, Gareth Bale snapped a recent lean spell of scoring form with both goals as Real "
     "Madrid beat Levante 2-0 in the Bernabeu.", "La Liga", ""),
    ("Chelsea drew. In La Liga, Gareth Bale snapped a recent lean spell of scoring form with both goals as Real "
     "Madrid beat Levante 2-0 in the Bernabeu.", "Gareth Bale", "?"),
    ("The NYSE set rules. Nor can auditors serve on clients' boards for five years.", "five", ""),
    ("Loggerhead turtles nest in May. The endangered turtle was found stranded on the preserve. Rescuers named it "
     "Yawkey.", "Yawkey", ""),
    # batch 48
    ("The UK's deficit with the EU fell to £1.9bn from £2.1bn, while its non-EU shortfall dropped to £2.7bn from "
     "£2.9bn in October.", "October", ""),
    ("The cumulative deficit for the first eleven months of 2004 now stands at £36.3bn, £4.5bn higher than the same "
     "period in 2003.", "2003", ""),
    ("Mariner 5 flew by Venus. Attempts to reacquire Mariner 5 during June, July, and early August 1968 yielded no "
     "spacecraft signal.", "early August 1968", ""),
    ("Sauber had a good day. Brazilian Nasr was the highest placed of the two finishing 11th while Swede Marcus "
     "Ericsson was 15th.", "Brazilian Nasr", ""),
    ("Britain's Lewis Hamilton won the opening race of the season in Australia. Polesitter Hamilton controlled the "
     "race on the Albert Park street circuit to win from teammate Nico Rosberg.", "Polesitter Hamilton", ""),
    ("Kimi Raikkonen looked set to underline Ferrari's improvement until a loose wheel ended his race.",
     "Kimi Raikkonen", "?"),
    ("President Chandrika Kumaratunga attended a ceremony in the southern town of Hambantota, where politicians and "
     "clergy joined her.", "Chandrika Kumaratunga", "?"),
    ("The Court was set up in 1959. In 1998, the Court became a full-time institution and the European Commission of "
     "Human Rights, which used to decide on admissibility of applications, was abolished by Protocol 11.", "1998", "?"),
    # batch 49
    ("He shared his thoughts after San Francisco 49ers linebacker Chris Borland announced last week that he was "
     "retiring from professional football at age 24 because he was worried about the long-term effects of head trauma. "
     "Urschel says he envies Borland but doesn't feel able to quit.", "Borland", "?"),
    ('WWE Studios makes films. WWE Studios\' most lucrative film has been "The Call," a 2013 thriller starring Halle '
     'Berry, which earned $68 million worldwide.', "2013", ""),
    ("The object was found in the town of Birka. Birka was a key trading center during the Viking age and made a "
     "UNESCO World Heritage Site in 1993.", "1993", "?"),
    ("Moreover, the FAA requires only that 25% of pilots have a single random drug screen per year.  Pilots may pass "
     "drug tests in January and realize that the odds of undergoing subsequent tests that year are nil.", "January", "?"),
    ("The U interface has two variants. The American variant is specified by the American National Standards "
     "Institute (ANSI) in T1.601.", "T1.601", ""),
    ("In late February 1933, as the moderating influence of Ernst Röhm weakened, the Nazi Party launched its purge of "
     "homosexual (gay, lesbian, and bisexual; then known as homophile) clubs in Berlin, outlawed sex publications, and "
     "banned organized gay groups.", "late February 1933", "?"),
    # batch 50
    ("Sheikh Salman noted that hours before King Hamad brought in Gulf Co-operation Council (GCC) troops to restore "
     "order and crush dissent on 14 March 2011, the crown prince and opposition had agreed a seven-point plan.",
     "King Hamad", "hours?"),
    # batch 51
    ("In a telephone call, US Secretary of State John Kerry told Chinese Foreign Minister Wang Yi the US had \"strong "
     "concerns\" over recent developments.", "Wang Yi", "?"),
    ("The firm lost its permit. Recovered Fuels Shipping Limited, whose site was run by Asset and Land Group, could not "
     "be contacted for a comment. It has until 7 August to appeal the decision.", "7 August", ""),
    ("Investment expenditure refers to purchases of physical plant and equipment, primarily by businesses. If Starbucks "
     "builds a new store, or Amazon buys robots, they count these expenditures under business investment.",
     "Starbucks", ""),
    ("Chad le Clos is a swimmer. Le Clos, who turns 23 in April, won gold in London.", "April", ""),
    ("BMX racing grew in the 1970s. By 1977, the American Bicycle Association was organized as a national sanctioning "
     "body for the growing sport.", "the American Bicycle Association", "Who was organized"),
    ("The girl was found dead. Cvitanovich said were no obvious signs during an autopsy of sexual assault.",
     "Cvitanovich", ""),
    ("Winton organised trains. In the first eight months of 1939, eight trains left Prague taking 669 children to "
     "safety.", "669", "?"),
    ("Winton was born in London. He continued his studies at a college. In 1931, just two years before Hitler became "
     "German chancellor, he moved to work in Paris before returning to London.", "Paris", ""),
    ("Bahrain's court is split. Crown Prince Salman al-Khalifa is seen as a reformist in a court divided on how to "
     "respond to opposition demands.", "Prince Salman al-Khalifa", ""),
    ("Employers face claims. For example, the Ford Motor Company settled sexual and racial harassment claims by more "
     "than 30 women for more than $10 million at two Chicago-area manufacturing plants in 2017.", "more than 30", "?"),
    ("Magic Johnson played basketball. Earvin Johnson Jr. was born in Lansing, Michigan to Earvin Sr., a General Motors "
     "assembly worker, and Christine, a school custodian.", "Earvin Sr", ""),
    ("TANF replaced AFDC. November 2020, according to the Congressional Research Service, the number of families "
     "receiving payments under TANF was 1.0 million—a decline of nearly 80%.", "80%", ""),
    ("Poverty lines vary. After all, according to the Federal Register, the median household income for a family of "
     "four was $109,113 in New Jersey and $59,701 in Mississippi in 2020.", "2020", ""),
    ("Used cars are a puzzle. Let’s assume that Marvin is truly clueless about what happens inside a car’s engine. He "
     "is willing to do some background research, like reading Consumer Reports.", "Consumer Reports", ""),
    ("Jennifer Joanna Aniston was born on February 11, 1969, in Sherman Oaks, Los Angeles, California to actors John "
     "Aniston and Nancy Dow.", "February 11, 1969", "to actors?"),
    ("US Ahold suppliers face charges\n\nUS prosecutors have charged nine food suppliers with helping Dutch retailer "
     "Ahold inflate earnings by more than $800m (£428m).\n\nThe charges have been brought against individuals.",
     "nine", "?"),
    # batch 52
    ("The music was similar. Australian band Men at Work lost a case that all but accused them of stealing from "
     "children.", "Work", ""),
    ("Smith's song was a hit. Reports say the two settled out of court. Petty says there are no hard feelings.",
     "Petty", ""),
    ("The 1980s rocker Huey Lewis accused Ray Parker Jr. of copying a \"Ghostbusters\" song riff from the 1984 hit "
     "\"I Want a New Drug\" by his band, Huey Lewis and the News.", "Ray Parker Jr.", "?"),
    ("Barcelona beat Manchester City 2-1 at the Etihad. Lionel Messi and Sergio Aguero were outstanding. City improved "
     "after the break. That was until Aguero won a penalty after going down under a challenge from first Gerard "
     "Pique, and then Argentina colleague Javier Mascherano, with just over ten minutes left.", "Aguero", "?"),
    ("Reports at the time said they settled and signed a confidentiality agreement. In 2001, Parker accused Lewis of "
     "breaking it in a televised interview.", "Lewis", ""),
    ("Headlines suggested that Innes was going to sue Oasis, but in a 2013 interview, the songwriter said it was the "
     "music publisher EMI who took action.", "2013", ""),
    ("A court found that the flute solo had plagiarized a children's tune \"Kookaburra\". (It was the publisher of the "
     "song, Larkin Music, that sued. Marion Sinclair, who wrote \"Kookaburra\" in 1934, died in 1988.) Men at Work "
     "appealed.", "1988", ""),
    ("The NTSB is sending people to New York's LaGuardia Airport. Just minutes after the Delta plane landed, all of "
     "LaGuardia Arport shut down to air traffic.", "LaGuardia Arport", ""),
    ("In recent years, the WFTU has successfully managed to recruit several trade unions of importance in Europe, "
     "amongst which the Rail Maritime Trade Union in Great Britain, the Unione Sindicale di Base in Italy.", "Italy", ""),
    ("Cash is counted in the kitchen. After the cash piles are sorted the family of three is left with only 10,000 "
     "roubles.", "three", ""),
    ("Baseball spread fast. The Henson Base Ball Club of Jamaica, Queens, defeated the Unknowns of Weeksville, "
     "Brooklyn, 54 to 43.", "43", ""),
    # batch 53
    ("In 1991, for example, when the United States led an international coalition against Saddam Hussein’s Iraq in "
     "the Gulf War, many other nations agreed that they would make payments to the United States.", "Saddam Hussein", ""),
    ("Much entrepreneurial opportunity comes from major changes in demographics, society, and technology, and at present "
     "there is a confluence of all three.", "three", ""),
    ("Three teens were charged. Two other juveniles, Ari Abdallah Morales and Marcelles James Peter, appeared with Smith "
     "at the Contra Costa County Superior Court, but did not enter a plea.", "County Superior Court", ""),
    ("In addition to the Las Vegas conference, the GSA apparently spent $330,000 to relocate an employee from Denver to "
     "Hawaii and probably millions more on other employees over a two-year period, according to a transcript.",
     "$330,000", "millions more"),
    ("Peacekeepers were attacked. Clinton urges Ivory Coast dialogue A spokeswoman for the U.N. mission in Ivory Coast "
     "said Friday's incident was the first attack on peacekeepers since they entered the country in 2004.", "2004", ""),
    ("The GSA spent lavishly. In July, a CNN investigation revealed that the GSA's Kansas City office spent more than "
     "$20,000 to send employees to cooking classes to build team spirit.", "July", "send employees?"),
    # batch 54
    ("The court heard two cases. Hollingsworth v. Perry is about whether state laws defining marriage as one man and one "
     "woman violate the 14th Amendment of the U.S. Constitution.", "Perry", ""),
    ("Whitefield was an Anglican cleric. In 1740, Whitefield traveled to America, where he preached a series of revivals. "
     "He became perhaps the best-known preacher in Great Britain and North America during the 18th century.",
     "the 18th century", ""),
    ("Manon Lescaut is a novel by the Abbé Prévost. It was published in 1731. The Abbé Prévost toned down some "
     "scandalous details in a subsequent 1753 edition.", "Abbé Prévost", "?"),
    ("Four stamps came out in April. Six further stamps have been released for the head of state's 90th birthday, the "
     "Royal Mail said.", "Six", "?"),
    # batch 55
    ("Cardianove Inc. makes heart pumps. Using CAD software, Cardianove tested over 100 virtual prototypes before the "
     "top three designs were produced for real-life testing.", "100", "?"),
    ("Prices fall fast. Over time, the price of DVD players has sunk to under $100, while 4-inch Insignia brand "
     "flat-screen TVs can be purchased for under $220.", "$220", "?"),
    ("CAD/CAM systems combine the advantages of CAD and CAM by integrating design, testing, and manufacturing control "
     "into one linked computer system.", "CAD and CAM", ""),
    ("Laura Trott won two golds in Rio. Trott has four, more than any other British woman, and from one fewer Olympics.",
     "four", ""),
    # batch 56
    ("The CDC is working on a vaccine. The Centers for Disease Control and Prevention hopes to have a vaccine to "
     "manufacturers within a month, said Michael Shaw, lab team leader for the H1N1 response at the CDC.",
     "The Centers for Disease Control and Prevention", ""),
    ("Millvina Dean, thought to be the last survivor of the Titanic, died in June 2009 at age 97, according to friends.",
     "Millvina Dean", "?"),
    ("The Board of Governors has seven members. From 2014 to 2018, Janet Yellen was the Chair.", "Janet Yellen", ""),
    ("Herbert Putnam was a librarian. The father, one-time collector of internal revenue in New York by appointment of "
     "Abraham Lincoln, was the founder of a well known publishing house.", "Abraham Lincoln", ""),
    ("Three veterans return home after the war. All three have trouble adjusting to civilian life.", "three", ""),
    ("Minorities will grow. By 2060 the U.S. Census Bureau projects the minority population to increase to 56 percent "
     "of the total U.S. population.", "2060", "to increase?"),
    # batch 65-66
    ("Care costs are rising. One in 10 people face costs of over £100,000 once they pass the age of 65. Councils say "
     "they need more money.", "10", "?"),
    ("Councils face a shortfall of £1bn. By 2020 that funding gap is predicted to grow to £2.6bn, the report says.",
     "2020", "?"),
    ("Sepsis is a problem in Wales. A killer condition linked to 1,500 deaths every year in Wales is not always being "
     "treated in the same way in Welsh hospitals, new research claims.", "1,500", "?"),
    ("Debye was a Dutch physicist. He was born Petrus Josephus Wilhelmus Debije in Maastricht, Netherlands, on March 24, "
     "1884.", "Wilhelmus Debije", ""),
    ("Debye grew up in Maastricht. He attended the Aachen University of Technology, just 30 km away in 1901. He studied "
     "mathematics there.", "1901", ""),
    ("Peter Debye was a Dutch physicist. In 1911, when Albert Einstein took an appointment as a professor at Prague, "
     "Bohemia, Debye took his old professorship at the University of Zurich, Switzerland. He moved to Utrecht in 1912.",
     "1911", "?"),
    ("Denmark was threatened by Norway and Sweden, and in 1026, Cnut decided to strengthen its defences by bringing "
     "over his son.", "1026", "?"),
    ("Donnybrook is a suburb of Dublin. Donnybrook Fair dates from a charter of King John of England in 1204. The fair "
     "was abolished in 1855.", "1204", "In what year does"),
    ("Neuroticism is a personality trait. Watson and Clark (1984) found that people reporting high levels of neuroticism "
     "also tend to report feeling anxious and unhappy.", "Watson and Clark", ""),
    # batch 71
    ('Australia face England on Saturday. "We feel confident that we can beat anyone on our day." With Australia captain '
     "Michael Clarke ruled out of Saturday's opener because of injury, George Bailey has been confirmed as his "
     "replacement.", "Michael Clarke", "?"),
    ("Markets fell. Concerns over the health of the world's largest economy were raised after data on Wednesday showed "
     "the pace of US manufacturing growth in March eased to its slowest in nearly two years.", "March", "?"),
    ("Aquascutum is a British brand. It was sold to a Hong Kong firm. In the UK, its three remaining standalone stores "
     "are in Westfield London, Great Marlborough Street and Jermyn Street.",
     "Westfield London, Great Marlborough Street and Jermyn Street", "In the UK, its"),
    ("Estonia is a country. In 1940, Estonia was occupied and illegally annexed by the Soviet Union as a result of the "
     "Molotov-Ribbentrop Pact. During the war Estonia was occupied by Nazi Germany in 1941, then reoccupied by the "
     "Soviet Union in 1944.", "1940", "?"),
    ("LONDON, England (CNN) -- A chronology of bombings in the UK since the 1970s. October 1984: Five people die in an "
     "IRA bomb attack on a hotel in Brighton, southern England. July 1982: Two IRA bomb attacks on soldiers in London's "
     "parks kill 11 people and wound 50. August 2004: Anti-terrorist police disrupt a plot by Islamic militants. Seven "
     "men are convicted in May 2007 and sentenced to up to 26 years in prison.", "Seven", "?"),
    ("A sinkhole opened on the road in November. Hertfordshire County Council hopes the work will be completed by "
     "Christmas.", "Hertfordshire County Council", "?"),
    ("Asian markets rose. In China, the Shanghai Composite closed 0.4% higher at 3,825.78, while Hong Kong's Hang Seng "
     "index ended up 0.8% at 25,275.64.", "3,825.78", ""),
    # batch 85-86
    ("Monaghan, who saw off Cavan in Ulster, before losing to Down, made four changes to their starting line-up prior to "
     "throw-in.", "four", "before losing"),
    ("PARIS, France (CNN) -- Three French journalists charged in an alleged plot to kidnap African children for adoption "
     "in Europe arrived in Paris on Sunday, hours after French President Nicolas Sarkozy held emergency talks in Chad.",
     "Three", "?"),
    ("The trial ended. Jurors convicted Joshua Komisarjevsky in October on six capital felony charges.", "October",
     "did Jurors"),
    ("Scotland have named their squad. The Scots are preparing for friendly matches against Italy in Malta on Sunday and "
     "France in Metz on 4 June.", "4 June", "?"),
    ("Frederick County is in Maryland. As of the 2010 U.S. Census, the population was 240,336.", "240,336", ""),
    ("Frederick County is a county located in the U.S. state of Maryland. As of the 2010 U.S. Census, the population was "
     "233,385. Its county seat is Frederick.", "2010", "_____ U.S."),
    ("Frederick County is a county in Maryland. In 1837 a part of Frederick County was combined with a part of Baltimore "
     "County to form Carroll County which is east of current day Frederick County.", "1837", "combined?"),
    ("Henry V was born at Monmouth. 16 September is the date accepted by historians (although 9 August has also been "
     "suggested), in either 1386 or 1387.", "16 September", ""),
    ("Third-party candidates rarely win. Theodore Roosevelt came closest in 1912.", "1912", "closest?"),
    ("Etsy sells crafts online. While Etsy is a small-scale example, larger companies may have a greater presence in the "
     "global marketplace.", "Etsy", "small-scale example"),
    ("Newspapers adapted. In December 2020, Forbes ran an aptly named article titled \u201cStop Saying Print Journalism Is "
     "Dead.", "December 2020", "?"),
    ("Dealers use incentives. For example, Ford Motor Company might offer a $3,000 trade-in allowance for the new F-150.",
     "Ford Motor Company", "?"),
    # batch 83-84
    ("The choir meets weekly. And for eight women in the Travis County Correctional Complex, music is a way to respond to "
     "the noise of their lives and find a way to escape.", "eight", "a way?"),
    ("(CNN) -- Myanmar announced Tuesday it will grant amnesty to 6,300 prisoners on Wednesday, one in a series of recent "
     "moves that could help the isolated nation normalize relations with Western nations.", "6,300", "To how many"),
    ("Guinea-Bissau has had many coups. Successor Kumba Yala took office in 2000.", "Kumba Yala", ""),
    ("Hong Kong (CNN) -- Six simple words have sent Hello Kitty lovers into a spin.", "Six", ""),
    ("A general was killed on Sunday. The United Nations said U.N. Secretary-General Ban Ki-moon expressed dismay over the "
     "killings.", "The United Nations", "?"),
    ("The LRA began in Uganda. In 2005, the International Criminal Court issued arrest warrants for senior LRA leaders for "
     "crimes they committed in northern Uganda.", "the International Criminal Court", "in 2005?"),
    ("Luna 21 was a Soviet mission. On January 12, 1973 Luna 21 was braked into a 90 by 100 km (56 by 62 mile) lunar "
     "orbit.", "January 12, 1973", "km?"),
    ("Mao led China. In 1958, after China's first Five-Year Plan, Mao called for \"grassroots socialism\" in order to "
     "accelerate his plans for turning China into a modern industrialized state.", "1958", "in order?"),
    ("Schleswig was a duchy. In 1115, king Niels created his nephew Canute Lavard - a son of his predecessor Eric I - Earl "
     "of Schleswig, a title used for only a short time before the recipient began to style himself Duke.", "1115", "?"),
    ("Richard Harris played Dumbledore in the first two films. After Harris' death, Michael Gambon portrayed Dumbledore "
     "for all of the remaining films.", "Michael Gambon", "?"),
    ("Black September ended in 1971. In the aftermath, defeated PLO was forced out of Jordan together with tens of "
     "thousands of its fighters, relocating to South Lebanon.", "South Lebanon", ""),
    ("Ms Champion stepped down on Thursday. Labour's shadow justice minister, Yasmin Qureshi, refused to be drawn on "
     "whether it was right that Ms Champion had stepped down.", "Labour", ""),
    # batch 93-94
    ("It started with an executive throwing a fit on a flight. Heather Cho was working for Korean Air on December 5 when, "
     "as a first-class passenger on an international flight, an attendant served her macadamia nuts in a bag.",
     "December 5", "working"),
    ("The school was refounded in 1725. The trustees of Elizabeth Allen's Charity, which had been established by her will "
     "dated 10 February 1725, gave financial assistance to save it.", "10 February 1725", "will the trustees"),
    # batch 91-92: a date the parser hung on the wrong event (both raters: false)
    ("Charles II was king of England. A political crisis that followed the death of Cromwell in 1658 resulted in the "
     "restoration of the monarchy, and Charles was invited to return to Britain.", "1658", "result in"),
    ("Theodore Roosevelt created the Grand Canyon Game Preserve by proclamation on 28 November 1906 and Grand Canyon "
     "National Monument in 1908.", "1908", "Game Preserve"),
    ("Israel and Hamas agreed to talks. The Israeli offensive was launched December 27 and ended January 17 with a "
     "cease-fire.", "December 27 and ended January 17", ""),
    # batch 89-90
    ("Foreign Minister Jose A. Garcia Belaunde said the state of emergency would give the government time. President "
     "Alan Garcia supports the laws. Several days ago, Garcia announced an arrest warrant had been issued for Pizango.",
     "Garcia", ""),
    ("Jason Smith, 34, of Blackpool, admitted causing death by dangerous driving. Preston Crown Court heard Smith had "
     "drunk six pints before he drove home on 3 May.", "Preston Crown Court", "Who"),
    ("Nine men were tried in the case. Five of them were sentenced to life in prison, and four others received prison "
     "terms between five and 20 years.", "four", "How many others"),
    # batch 81-82
    ("Teachers were surveyed last month. More than eight out of 10 said class sizes had increased - a claim strongly "
     "refuted by the Department for Education.", "10", ""),
    ("In 1923, the state of New York repealed its alcohol prohibition law. Ten other states soon followed, and in 1933 "
     "national Prohibition ended.", "Ten", ""),
    ("Republicans need to win 40 seats to take back control of the chamber. While President Obama is not up for "
     "re-election this November, he will be in 2012, if he decides to run for a second term.", "2012", "Republicans"),
    # batch 81
    ("The University of California, Irvine is a public university. UCI was one of three new UC campuses established in "
     "the 1960s to accommodate growing enrollments across the UC system.", "UC campuses", ""),
    ("The University of California, Irvine is a public university. A site in Orange County was identified in 1959, and "
     "in the following year the Irvine Company sold the university land to establish the new campus.", "1959", "?"),
    # batch 79-80
    ("Harry Whitlam died after Gary Green, 51, of Bradburn Road, Wakefield, reversed the vehicle into him at Swithens "
     "Farm, Rothwell, near Leeds, in August 2013.", "Harry Whitlam", "?"),
    ("Charles Hoy Fort was an American writer. Charles Hoy Fort was born in 1874 in Albany, New York, of Dutch ancestry.",
     "1874", "ancestry?"),
    ("Charles Fort was an American writer. In 1916, an inheritance from an uncle gave Fort enough money to quit his "
     "various day jobs and to write full-time.", "1916", "?"),
    ("James Strom Thurmond was an American politician. James Strom Thurmond was born on December 5, 1902, in Edgefield, "
     "South Carolina, the son of Eleanor Gertrude (Strom) (1870–1958) and John William Thurmond (1862–1934), a lawyer.",
     "December 5, 1902", "?"),
    ("The Mercurius Caledonius was the first Scottish newspaper. Only 12 editions were published during 1660 and 1661.",
     "12", "?"),
    # batch 76
    ("The Department of Labor was created in 1913. President Wilson appointed William B. Wilson as its first Secretary. "
     "Secretary Wilson chaired the first meeting of the International Labour Organization in October 1919, even though "
     "the U.S. was not yet a member.", "Wilson", ""),
    ("Utopian fiction is old. More than 400 utopian works were published prior to the year 1900 in the English language "
     "alone, with more than a thousand others during the twentieth century.", "More than 400", "?"),
    # batch 75
    ('Assata Shakur is an American activist. She escaped from prison in 1979 and fled to Cuba in 1984, where she received '
     'political asylum.\n\nIn 1998, Shakur referred to herself as a "20th century escaped slave."\n\nShakur was born in New '
     'York City.', "1998", "?"),
    ("Smith will lead Australia. Smith and Warner will lead Australia in the limited-overs matches that follow the final "
     "Ashes Test at the Oval, which starts on 20 August.", "20 August", "?"),
    ("High rises are being checked. Tests are being carried out on high rises across England in the wake of the Grenfell "
     "Tower fire in London on 14 June, in which at least 79 people died.", "14 June", "?"),
    ("Cladding is being tested. So far 75 UK blocks have failed fire safety tests in 26 areas.", "26", "so far"),
    # batch 73
    ("Rudd wants the post. Kevin Rudd, the former Australian Prime Minister, has long made the UN secretary-general's job "
     "the target of his immense personal ambition.", "Kevin Rudd", "?"),
    ("The battle for Mosul continues. About 50,000 Iraqi security forces, Kurdish Peshmerga fighters, Sunni Arab "
     "tribesmen and Shia militiamen, assisted by US-led coalition airstrikes, are currently involved in a military "
     "offensive to reclaim Mosul from IS militants.", "About 50,000", "?"),
    # batch 72
    ("Republican candidates met in Florida. The candidates fielded video questions submitted by the public via the "
     "YouTube Web site, just as Democratic White House candidates did in July.", "July", "?"),
    ("Sanchez criticised the surge in a speech. National Security Council spokeswoman Kate Starr did not address the "
     "comment.", "Kate Starr", ""),
    # batch 69-70
    ("Adoption agencies have been told to act. The Adoption Leadership Board chairman Sir Martin Narey spoke on Monday. "
     "The recent fall in children being put forward for adoption in England has prompted Sir Martin to issue guidance.",
     "Sir Martin", ""),
    # batch 67-68
    ("Claire Lomas finished the London Marathon in a robotic suit. Lomas crossed the finish line at 10:00 BST, 16 days "
     "after she started.", "10:00", ""),
    ("Universities Wales is led by Colin Riordan. Relations between Universities Wales and the Ms Williams worsened in "
     "June 2016, officials said.", "June 2016", ""),
    ("Patients are moving. Staff have been moved to the Northumbria Specialist Emergency Care Hospital, in Cramlington, "
     "which opened in 2015, to deal with high demand.", "2015", "?"),
    ("The global lingerie market in 2003 was estimated at $29 billion, while in 2005, bras accounted for 56 per cent of "
     "the lingerie market and briefs represented 29 per cent.", "2005", "and briefs?"),
    # batch 63-64
    ("Liszt conducted the premiere of Lohengrin in Weimar. Liszt chose the date in honour of Weimar's most"
     " famous citizen, Johann Wolfgang von Goethe, who was born on 28 August 1749. The opera was a "
     "success.",
     "28 August 1749", "?"),
    ("Multinational firms are everywhere. About 45 percent of MNCs are headquartered in the United States,"
     " including Exxon Mobile, Amazon, Coca-Cola, Walmart, Apple, and financial giant Berkshire Hathaway.",
     "Exxon Mobile", ""),
    ("The crash involved a helicopter. The Eurocopter AS55 Ecureuil 2 (Twin Squirrel), made by Airbus, has"
     " a cruising speed of 140mph and a range of nearly 440 miles.",
     "Ecureuil 2", "?"),
    ("The AS/400 line grew in the 1990s. OS/400 Version 4, Release 4 (V4R4) introduced LPARs allowing "
     "multiple virtual systems to run on one machine.",
     "Version 4", ""),
    ("The Apache was built for the Army. The U.S. Army selected the YAH-64 over the Bell YAH-63 in 1976, "
     "and later approved full production in 1982.",
     "1982", "?"),
    ("Some cakes last long. In 2015, an American couple revealed they were still eating their wedding "
     "cake, 60 years after it was first baked in 1955.",
     "1955", ""),
    # batch 61-62
    ("Few trials have been held there. But it's hard to see when the next civilian trial of a detainee "
     "will be, or indeed when President Barack Obama can close the Guantanamo Bay military prison.",
     "Barack Obama", "?"),
    ("The RAF wanted a cipher machine. In August 1934, Lywood began work on a machine regardless, "
     "authorised by the RAF.",
     "August 1934", "?"),
    ("Sweden dominated the first half. Sweden veteran Henrik Larsson had shot over the bar and Johan "
     "Elmander, who scored against Spain, missed two chances before the goal.",
     "Henrik Larsson", "?"),
    ("Many groups work across borders. One example is Greenpeace International, an umbrella organization "
     "representing offices in 27 regions and 55 countries.",
     "27", ""),
    ("The crisis began in October. In 1962, US intelligence discovered evidence that the Soviet Union was "
     "placing nuclear missiles in Cuba—only some 100 miles from American soil.",
     "1962", "?"),
    ("International law has grown. Three particularly well-developed areas of international law are the "
     "law of the sea, the Geneva Conventions, and human rights law.",
     "Three", ""),
    ("The M1 Abrams is a tank. Three main versions of the M1 Abrams have been deployed, the M1, M1A1, and "
     "M1A2, incorporating improved armament.",
     "Three", ""),
    ("Voting rights grew slowly. In 1870, the 15th Amendment expanded the right to vote to Black "
     "Americans, and in 1920, the 19th Amendment afforded the right to women.",
     "1920", "?"),
    ("Aston Villa is an old club. The club were floated by the previous owner Doug Ellis, but in 2006 full"
     " control was acquired by American businessman Randy Lerner.",
     "2006", "?"),
    ("Wagner wrote many operas. Wagner conducted the premiere at the Semper Oper in Dresden in 1843.",
     "1843", "?"),
    ("Although the Institute for Social Research was founded in 1924, it was under the leadership of Max "
     "Horkheimer, who became director in 1930, that the institute changed its focus.",
     "1930", "?"),
    ('Cooper was a psychiatrist. Cooper coined the term "anti-psychiatry" in 1967, and wrote the book '
     '"Psychiatry and Anti-psychiatry" in 1971.',
     "1971", "?"),
    ("Wagner was poor then. By the beginning of 1839, the now 26 year old Richard Wagner was employed as a"
     " conductor in Riga.",
     "26", ""),
    ("Little is known about Mozi. He lived around the time of Confucius (ca. 479 BCE), the founder of "
     "Confucianism, and Laozi, the founder of Daoism.",
     "Confucius", ""),
    ("The mine collapsed in August. Isaac Arellano holds a candle and sings during a fundraiser for miners"
     " Tuesday in Price, Utah.",
     "Isaac Arellano", ""),
    # batch 59-60
    ('Brackett wrote science fiction. In 1946, the same year that Brackett married author Edmond Hamilton, "Planet '
     'Stories" published the novella "Lorelei of the Red Mist". Brackett finished only its first half.', "1946", "?"),
    ("London was attacked in 2005. Terrorists would stage bombings on the London transit system on July 7, 2005, that "
     "killed 52 people. The city recovered.", "July 7, 2005", "When would"),
    ("Bribery is costly. Halliburton Company in 2017 paid the SEC $29.2 million for bribing an official in Angola. The "
     "firm denied wrongdoing.", "$29.2 million", "?"),
    ("Royal DSM changed fast. In 2000, its 350 top executives were 75% Dutch and over 99% male. By 2017 that had "
     "changed.", "350", "?"),
    ("Bribery is costly. In 2017 Halliburton paid the SEC $29.2 million for bribing a friend of an official in Angola to "
     "negotiate a seven oil-field services contracts. It denied wrongdoing.", "Angola", ""),
    ("Humphrey was a liberal. In 1947 he co-founded the liberal anti-communism group Americans for Democratic Action "
     "with Eleanor Roosevelt. He became a senator.", "Americans", ""),
    ('In 2001 Powers founded the non-profit "Ross Powers Foundation", a philanthropic organization for athletes. In 2010 '
     'the Foundation provided unprecedented assistance to a number of young snowboarders.', "Foundation", ""),
    ("The devices were found in cargo planes. The explosive devices, which triggered security alerts in the US, UK, and "
     "Middle East, were placed in packages addressed to synagogues in Chicago. Officials said they were dangerous.",
     "US, UK", ""),
    ("Jobs are coming back to the Midwest, stations report. Read more from WRTV. Brewing If you wonder about the brewing "
     "industry, ask Carol Nolen of Capitol Brewery. Government Damian Givens attended a recent job fair hosted by the "
     "U.S. Census Bureau in Greenwood, Indiana. He said it was refreshing.", "Damian Givens", ""),
    # batch 59
    ("Spirits sell well abroad. For Brown-Forman, the spirits company, a fifth of its sales growth of Jack Daniels, the "
     "Tennessee whiskey, is coming from developing markets like Mexico and Poland.", "Brown-Forman", "?"),
    # batch 58
    ("Police said few victims come forward. Assistant Chief Constable Malcolm Graham, from Police Scotland, said the "
     "nature of child sexual exploitation made it highly unlikely that young people would report being abused.",
     "Constable Malcolm Graham", ""),
    ("Belarus has two official languages. Russian is the most spoken language, principally by 72% of the population, "
     "while Belarusian is only used by 11.9% in everyday life.", "11.9%", "By what percentage"),
    ("Hypomania was first described in 1820. A more specific usage was advanced by the German neuro-psychiatrist "
     "Emanuel Ernst Mendel in 1881.", "1881", "?"),
    # the seed deck (thirteenth session): "aboard the command module [who]"
    ("Armstrong and Aldrin walked on the Moon. Collins stayed in lunar orbit aboard the command module Columbia.",
     "Columbia", ""),
    # batch 57
    ("Ace Hardware is a retailers' cooperative. Ace reported strong results. The net income for the second quarter of "
     "2017 was $51.1 million.", "$51.1 million", "?"),
    ("Parliament met on Tuesday, the MDC said. Attendance at the session of parliament is important since the "
     "membership is closely divided between the MDC and ZANU-PF.", "Attendance", ""),
])
def test_held_out_batch_41_to_47_causes_are_refused(text, answer, bad):
    assert_not_kept(text, answer, bad)


@pytest.mark.parametrize("title, text, answer, bad", [
    # held-out batch 52: "In what year did a triglot containing the Peshitta appear?" offered 1571, and the same
    # sentence says some copies bear the date 1571
    ("Henri Estienne",
     "Henri Estienne was a French printer and classical scholar. He was born in Paris in 1528. In 1551 he went to Geneva "
     "with his father. In 1557 he set up his own press. A triglot containing the Peshitta appeared in 1569, of which some "
     "copies are in existence, bearing the date Lyon, 1571. In 1572 he published his great dictionary, the Thesaurus. He "
     "died at Lyon in 1598.", "1569", "1571"),
    # held-out batch 55: "When was Williams born in Stoke-on-Trent?" offered 15 July 2010 (when he rejoined Take That)
    ("Robbie Williams",
     "Robbie Williams is an English singer. Williams was born on 13 February 1974 in Stoke-on-Trent. His parents "
     "separated on 13 February 1977, and his sister had been born on 13 February 1972. He joined Take That in 1990. He "
     "rejoined Take That on 15 July 2010.", "13 February 1974", "15 July 2010"),
])
def test_a_date_that_may_be_right_too_is_no_distractor(title, text, answer, bad):
    """A second date of the same thing in the answer's sentence, or a date of later life for a birth."""
    import quizgen

    asked = [q for q in quizgen.generate(text, title=title).questions if q.answer.text == answer]
    assert asked
    assert all(bad not in [ch.text for ch in (q.choices or [])] for q in asked)


def test_a_heading_line_and_a_file_name_say_what_the_text_is_about():
    """Held-out batch 56: "_____ was a stadium located in the Bronx" -> Yankee Stadium, in a file named
    "wiki_yankee-stadium-1923" whose first line is the heading "Yankee Stadium (1923)"."""
    import quizgen

    text = ("Yankee Stadium (1923)\n\nYankee Stadium was a stadium located in the Bronx, a borough of New York City, New "
            "York. It was the home ballpark of the New York Yankees, one of the city's baseball franchises, from 1923 to "
            "1973 and from 1976 to 2008. The stadium hosted 6,581 Yankees regular season home games during its 85-year "
            "history. The ballpark was built in 1922 and 1923 for about $2.4 million. Babe Ruth hit the first home run "
            "there.")
    quiz = quizgen.generate(text, title="wiki_yankee-stadium-1923")
    assert not [q for q in quiz.questions if q.answer.text == "Yankee Stadium"], [q.prompt for q in quiz.questions]


def test_the_same_number_written_two_ways_is_no_distractor():
    """Held-out batch 57: "How many images ...?" offered both 7329 and 7,329, the same number as the text writes it in
    two places."""
    import quizgen

    text = ("Mariner 9 was a robotic space probe. It was launched toward Mars on May 30, 1971. Mariner 9 returned 7329 "
            "images over the course of its mission. It reached Mars on November 14, 1971. After 349 days in orbit, "
            "Mariner 9 had transmitted 7,329 images, covering 85% of the surface, whereas previous missions had returned "
            "fewer than 1,000 images. About 2,000 scientists used the images, and 1,500 papers followed.")
    for q in quizgen.generate(text, title="Mariner 9").questions:
        texts = [re.sub(r"[,\s]", "", ch.text) for ch in (q.choices or [])]
        assert len(texts) == len(set(texts)), [ch.text for ch in q.choices]


def test_initials_in_a_file_name_say_what_the_text_is_about():
    """Held-out batch 63: "_____ was born at 115 Congleton Road, ..." -> R.J. Mitchell, in "wiki_r-j-mitchell"."""
    import quizgen

    text = ("R. J. Mitchell\n\nReginald Joseph Mitchell CBE, FRAeS, (20 May 1895 – 11 June 1937) was a British "
            "aeronautical engineer, working for Supermarine. Between 1920 and 1936 he designed many aircraft.\n\nR.J. "
            "Mitchell was born at 115 Congleton Road, Butt Lane, Kidsgrove, Staffordshire, England. In 1917 he joined "
            "Supermarine, and in 1919 he was appointed chief designer. Mitchell designed 24 aircraft between 1920 and 1936.")
    quiz = quizgen.generate(text, title="wiki_r-j-mitchell")
    assert quiz.questions
    assert not [q for q in quiz.questions if q.answer.text == "R.J. Mitchell"], [q.prompt for q in quiz.questions]


def test_a_decimal_is_no_distractor_for_a_whole_count():
    """Held-out batch 66: "How many wickets did Moeen take in five Tests against India in 2014?" offered 27.53, his
    bowling average, beside whole counts."""
    from dataclasses import replace

    from quizgen.questions.gate.choices import settle_choices

    text = ("England spinner Moeen Ali expects a harder summer. Moeen took 19 wickets in five Tests against India in "
            "2014. He has 29 Test wickets in all, and England have won 91 of their home Tests since 2000. He averages "
            "27.53 with the ball in his eight Tests, and he took 12 wickets in 2015.")
    passed, info = gate_info(text)
    c = next(c for c in passed if c.fact.text == "19" and c.format != "cloze")
    c = replace(c, format="multiple_choice", choices=[("19", True), ("36", False), ("45", False), ("27.53", False),
                                                      ("58", False)])
    settle_choices(info, c)
    assert c.choices and "27.53" not in [d for d, _ok in c.choices], c.choices


def test_a_number_that_counts_the_same_thing_is_no_distractor():
    """Held-out batch 60: "How many teams have competed in La Liga?" -> 60 offered 20, and the text says the league
    "is contested by 20 teams": a number the text gives for the same noun may be right as well."""
    from types import SimpleNamespace

    from quizgen.nlp.model import load_model
    from quizgen.questions.gate.choices import _counts_the_same

    doc = load_model()("La Liga is contested by 20 teams. A total of 62 teams have competed in La Liga. It has 38 rounds.")
    at = [t.i for t in doc if t.text == "62"][0]
    fact = SimpleNamespace(token_start=at, token_end=at + 1)
    assert _counts_the_same(doc, fact, "20")
    assert not _counts_the_same(doc, fact, "38")


def test_a_name_set_beside_its_noun_is_no_aside():
    """Held-out batch 55: "Who told Australian public broadcaster that Monis was ...?": the parser made "ABC" an
    apposition of "broadcaster", and the appositive was dropped with the name."""
    text = ('Manny Conditsis is a lawyer. " Conditsis told Australian public broadcaster ABC that Monis was an isolated '
            'figure who was probably acting alone.')
    built = [p for p, a, why in __import__("candidates").candidate_prompts(text) if p.startswith("Who")]
    assert built and not [p for p in built if "broadcaster that" in p], built


def test_a_names_span_leaves_the_article_of_the_noun_after_it():
    """Held-out batch 52: "... and _____ tune "How Sweet to be an Idiot."" -> "the Neil Innes": the tagger's span took
    the article of "tune"."""
    from quizgen.facts.entities import mentions
    from quizgen.nlp.model import parse

    doc = parse('Fans noticed similarities between the Oasis hit "Whatever" and the Neil Innes tune "How Sweet to be an '
                'Idiot."')
    names = [m.text for m in mentions(doc)]
    assert "Neil Innes" in names and "the Neil Innes" not in names, names


def test_a_company_abbreviation_can_end_a_sentence():
    """Held-out batch 47: "... at the Enron Finance Corp. Fastow was named ..." was one sentence to the parser, and a
    question ended "at the Enron Finance Corp. Fastow?"; "Warner Bros. Pictures are" and "Apple Inc. CEO" are not
    sentence ends."""
    from quizgen.nlp.model import parse

    doc = parse("Fastow was hired by Skilling at the Enron Finance Corp. Fastow was named the chief financial officer.")
    assert [s.text.split()[0] for s in doc.sents] == ["Fastow", "Fastow"]
    doc = parse("Warner Bros. Pictures are big. Apple Inc. CEO Tim Cook said so.")
    assert [s.text.split()[0] for s in doc.sents] == ["Warner", "Apple"]


def test_a_quoted_name_keeps_its_quotation_marks_in_a_question():
    """Held-out batch 41: "When was Somers detached from United States?" read as the country; the text wrote
    "United States", the ship."""
    text = ('Richard Somers was an American naval officer. Somers was detached from "United States" on June 13 1801 '
            'and ordered to "Boston" on 30 July 1801.')
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == "June 13 1801" and why is None]
    assert 'When was Somers detached from "United States"?' in kept, kept






def test_an_agents_line_is_boilerplate():
    """Held-out batch 43: "Who is repped by CAA and Kleinberg Lange?" asked of the line closing a trade story."""
    from quizgen.questions.gate.words import BOILERPLATE

    assert BOILERPLATE.search("Grant is repped by CAA and Kleinberg Lange.")
    assert BOILERPLATE.search("Famuyiwa is represented by WME.")
    assert not BOILERPLATE.search("The union represented by its leader met the minister.")




def test_an_emptied_quotation_is_garbled():
    """Held-out batch 44: 'Who used the line " " earlier in "Le nozze di Figaro"?'."""
    from quizgen.questions.gate.words import GARBLE

    assert GARBLE.search('Who used the line " " earlier in "Le nozze di Figaro"?')
    assert not GARBLE.search('When was Somers detached from "United States"?')


@pytest.mark.parametrize("text, answer, prompt", [
    # the byline pattern took "By November 2001," for "By <name>"; a name may begin with "bin"
    ("By November 2001, the Taliban had been ousted from power in Afghanistan's capital of Kabul, but bin Laden was "
     "still at large.", "Kabul", "By November 2001, the Taliban had been ousted from power in Afghanistan's capital of "
     "_____, but bin Laden was still at large."),
    ("Osama bin Laden led al-Qaeda from Afghanistan. The Taliban refused to turn bin Laden over, and the United States "
     "began a bombing campaign in October.", "bin Laden", "Who did the Taliban refuse to turn over?"),
])
def test_time_phrases_and_name_particles_are_not_refused(text, answer, prompt):
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == answer and why is None]
    assert prompt in kept, kept


def test_a_verb_with_two_complements_asks_nothing():
    """Held-out batch 36 text, after "By the early 1990s" stopped being taken for a byline: "How many vehicles was
    traffic on the elevated Central Artery per day the national average for urban interstates ...?"."""
    text = ("By the early 1990s traffic on the elevated Central Artery was 190,000 vehicles per day, with an accident "
            "rate four times the national average for urban interstates.")
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(text) if why is None]
    assert not [p for p in kept if p.endswith("?")], kept




def test_a_context_cloze_opening_with_elsewhere_leans_on_what_it_does_not_show():
    from quizgen.questions.gate.words import LEANING_OPENERS

    assert LEANING_OPENERS.match("Elsewhere, the BBA added that mortgage lending rose.")


def test_ever_since_after_a_year_leans_on_nothing():
    """'since' with no object leans on the sentence before unless its own sentence gives the time (the seed decks'
    Rosetta Stone clozes, kept when the batch 41 rule came in)."""
    text = ("The Rosetta Stone was found in Egypt in 1799. The Rosetta Stone arrived in England in 1802, and the British "
            "Museum in London has shown it ever since.")
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(text) if a == "London" and why is None]
    assert kept, kept




def test_a_glued_dateline_is_left_out_of_the_card():
    """A news story's first sentence often opens with a dateline glued to its first word ("(CNN)Britain's Lewis
    Hamilton ..."): the tokenizer splits it off, and cards of that sentence start after it instead of being refused
    as boilerplate (or showing "(CNN)")."""
    from quizgen.nlp.model import parse

    doc = parse("(CNN)Britain's Lewis Hamilton won the race.")
    assert [t.text for t in doc[:4]] == ["(", "CNN", ")", "Britain"]
    text = ("(CNN)Kenyan police arrested 15 suspects in Nairobi on Monday after a blast, officials said.\n\n"
            "The police chief said more arrests were expected.\n")
    kept = [p for p, a, why in __import__("candidates").candidate_prompts(text) if why is None]
    assert "How many suspects did Kenyan police arrest in Nairobi on Monday after a blast?" in kept, kept
    assert any(p.startswith("Kenyan police arrested 15 suspects in _____") for p in kept), kept
    assert not [p for p in kept if "CNN" in p], kept


def test_the_titles_name_is_what_the_text_is_about():
    """Held-out batch 51: "Who was the 20th President of the United States?" -> "James Abram Garfield" in a text titled
    "James A. Garfield" (the title's first and last name)."""
    import quizgen

    text = ("James A. Garfield\n\nJames Abram Garfield (November 19, 1831 – September 19, 1881) was the 20th President "
            "of the United States. Garfield was raised on an Ohio farm. Garfield served nine terms in the House.\n")
    quiz = quizgen.generate(text, source_id="t", title="James A. Garfield", min_score=0)
    assert not [q for q in quiz.questions if q.answer.text == "James Abram Garfield"], quiz.questions
