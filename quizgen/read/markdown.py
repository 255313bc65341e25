"""Markdown: parsed with markdown-it-py (CommonMark), read as the text a rendered page shows.

Rules:

- Emphasis, strong, links, images and inline HTML lose their markup: ``*Wright Flyer*`` is
  "Wright Flyer", ``[the Flyer](https://...)`` is "the Flyer"; an image is dropped; inline code
  keeps its text; a line break inside a paragraph is a space; entities are decoded.
- Headings are headings (their own paragraph, with no full stop added); the headings above a
  paragraph are its section label ("Early life > Education"). The document title (the only
  top-level heading, when it comes first) is left out of the labels; it is the source's title.
- Each list item is its own paragraph, read as a sentence (a full stop added when it has no final
  punctuation), without its marker: "3." or "-" never becomes part of the text.
- Code blocks (fenced or indented) and thematic breaks are dropped; HTML blocks go through the
  HTML extractor; block quotes are read as paragraphs.
"""

from __future__ import annotations

from typing import Optional

from quizgen.read.blocks import Block, HeadingPath, as_sentence, title_level


def read_markdown(text: str, name: str) -> tuple[list[Block], Optional[str], list[str]]:
    """``(blocks, title, warnings)`` of a Markdown text by the rules of the module docstring."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    levels = [int(t.tag[1:]) for t in tokens if t.type == "heading_open"]
    top = title_level(levels)
    path = HeadingPath()
    blocks: list[Block] = []
    list_depth = 0
    seen_title = False
    heading_level: Optional[int] = None
    title: Optional[str] = None
    for tok in tokens:
        kind = tok.type
        if kind == "heading_open":
            heading_level = int(tok.tag[1:])
        elif kind == "heading_close":
            heading_level = None
        elif kind == "list_item_open":
            list_depth += 1
        elif kind == "list_item_close":
            list_depth -= 1
        elif kind == "inline":
            content = inline_text(tok)
            if not content:
                continue
            if heading_level is not None:
                if heading_level == top and not seen_title and not blocks:
                    seen_title = True
                    title = content
                else:
                    path.enter(heading_level, content)
            elif list_depth:
                content = as_sentence(content)
            blocks.append(Block(content, path.label))
        elif kind == "html_block":
            from quizgen.read.web import markup_paragraphs

            blocks.extend(Block(p, path.label) for p in markup_paragraphs(tok.content))
        # fence, code_block, hr: dropped
    return blocks, title, []


def inline_text(token) -> str:
    """The text of an inline token: markup gone, images dropped, breaks as spaces."""
    out: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        # link_open/close, em_open/close, strong_open/close, image, html_inline: no text of their own
    return " ".join("".join(out).split())
