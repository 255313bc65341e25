"""Facts: who, when, how many and where, as exact spans of the parsed text."""
