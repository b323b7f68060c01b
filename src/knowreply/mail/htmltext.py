"""HTML bodies as plain text (inscriptis), with quoted blockquotes marked by ``>``."""

from __future__ import annotations

import copy
import re
from typing import Any

from inscriptis.html_engine import Inscriptis
from inscriptis.model.config import ParserConfig
from lxml.etree import LxmlError
from lxml.html import document_fromstring

HtmlElement = Any
"""lxml ships no type information; elements are lxml.html.HtmlElement."""

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLANK_RUNS = re.compile(r"\n{3,}")
# Characters XML 1.0 forbids: lxml refuses them in text it is given (a blockquote's text).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONFIG = ParserConfig(display_links=False, display_images=False)


def parse_html(html: str) -> HtmlElement | None:
    """The document tree, or None for empty or unparseable HTML."""
    source = _NOT_XML.sub("", _XML_DECLARATION.sub("", html, count=1))
    if not source.strip():
        return None
    try:
        return document_fromstring(source)
    except (LxmlError, ValueError):
        return None


def html_to_text(html: str | HtmlElement) -> str:
    """Readable text for an HTML string or tree; never raises on odd markup."""
    tree = parse_html(html) if isinstance(html, str) else html
    if tree is None:
        return ""
    try:
        text = str(Inscriptis(tree, _CONFIG).get_text())
    except (LxmlError, ValueError, RecursionError):
        text = " ".join(tree.itertext())
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def quoted_blockquote_text(root: HtmlElement) -> None:
    """Replace each outermost blockquote by a ``<pre>`` of its text in ``> `` lines."""
    for blockquote in root.xpath(".//blockquote[not(ancestor::blockquote)]"):
        inner = copy.deepcopy(blockquote)
        inner.tail = None
        quoted_blockquote_text(inner)
        text = html_to_text(inner)
        pre = blockquote.makeelement("pre", {})
        pre.text = "\n" + "\n".join(f"> {line}".rstrip() for line in text.split("\n")) + "\n"
        pre.tail = blockquote.tail
        blockquote.getparent().replace(blockquote, pre)
