"""Parsing: spaCy's English pipeline, loaded lean, with stand-ins for the slow parts nothing reads."""
