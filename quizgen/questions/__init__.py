"""Questions: facts into wh-questions, multiple choice and clozes; the quality gate; the learned score and the ranking."""
