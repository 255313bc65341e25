"""Reading: files and folders in, Sources out.

:func:`quizgen.read.document.read_document` reads the bytes of one input (from a file or from
standard input) by its format -- PDF, Word, EPUB, web page, Markdown or plain text, one module each
-- into text and sections; :mod:`quizgen.read.sources` turns files, folders and JSON Lines into
:class:`~quizgen.models.Source` objects; :mod:`quizgen.read.segments` cuts long texts into parts.
"""
