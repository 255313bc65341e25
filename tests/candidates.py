"""Every candidate question the ask stage built for a text, before ranking: for tests of the rules
that build and check questions, whatever the ranking then keeps."""


def candidate_prompts(text):
    """(prompt, answer, reason or None) for every candidate: None for those that passed the quality gate."""
    from quizgen.models import Source
    from quizgen.nlp.model import parse
    from quizgen.questions.build import gated_candidates

    passed, rejected, _, _ = gated_candidates(Source.from_text(text, id="t"), parse(text))
    return [(c.prompt, c.fact.text, None) for c in passed] + [(c.prompt, c.fact.text, why) for c, why in rejected]
