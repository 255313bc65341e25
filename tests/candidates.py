"""Every candidate question the ask stage built for a text, before ranking: for tests of the rules
that build and check questions, whatever the ranking then keeps."""


def with_where():
    """The default templates plus the "where" rule they leave out (places are asked as clozes by
    default), for tests of the checks that guard "where" questions when a user asks for them."""
    from quizgen.questions.templates_data import parse_templates
    from quizgen.resources import read_template

    return parse_templates(read_template("questions.toml") + WHERE_RULE)


def with_whom():
    """The default templates plus the "{prep} whom" rule they leave out (a person after a
    preposition is asked as a cloze by default), for tests of the checks that guard it."""
    from quizgen.questions.templates_data import parse_templates
    from quizgen.resources import read_template

    return parse_templates(read_template("questions.toml") + WHOM_RULE)


WHOM_RULE = """
[[wh]]
kind = "who"
role = "pp"
preps = ["to", "with", "from", "for", "against", "of", "about"]
pattern = "{prep} whom"
"""


WHERE_RULE = """
[[wh]]
kind = "where"
role = "pp"
preps = ["in", "at", "inside", "within", "throughout"]
pattern = "Where"
"""


def candidate_prompts(text, templates=None):
    """(prompt, answer, reason or None) for every candidate: None for those that passed the quality gate."""
    from quizgen.models import Source
    from quizgen.nlp.model import parse
    from quizgen.questions.build import gated_candidates

    passed, rejected, _, _ = gated_candidates(Source.from_text(text, id="t"), parse(text), templates=templates)
    return [(c.prompt, c.fact.text, None) for c in passed] + [(c.prompt, c.fact.text, why) for c, why in rejected]
