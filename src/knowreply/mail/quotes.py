"""Find what the sender newly wrote: strip the quoted older thread and the signature.

Plain text is read line by line for the markers mail clients put above a quote
(Gmail/Apple "On … wrote:", localized forms, Outlook "-----Original Message-----" and
"From:/Sent:" blocks, ``>`` lines). HTML is first cut at the quote containers clients mark
(``gmail_quote``, ``divRplyFwdMsg``, ``yahoo_quoted``, ``protonmail_quote``,
``moz-cite-prefix``, ``blockquote type=cite``), the remaining blockquotes become ``>`` lines,
and the plain-text rules finish the job. Forwarded messages are kept: the customer sent them
on purpose, and they are often the point of the email ("What is this charge?" above a bank's
alert, "see below" above an accountant's request). A forward is known by its banner
("---------- Forwarded message ---------", "Begin forwarded message:") or, for Outlook's,
which look like a quoted reply, by the subject the caller says is a forward's ("FW:", "WG:").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml loads only for HTML mail (see strip_html_quotes)
    from knowreply.mail.htmltext import HtmlElement

_WROTE_WORDS = (
    r"wrote|writes|schrieb|a écrit|escribió|ha scritto|scrisse|escreveu|schreef|skrev"
    r"|kirjoitti|napisał|написал\w*|写道|寫道|のメッセージ|님이 작성|yazdı"
)
_WROTE = re.compile(rf"(?:{_WROTE_WORDS})\s*[:：]?\s*$", re.IGNORECASE)
_ON_WORDS = r"on|am|le|el|il|em|op|den|på"
_ON_WORD = re.compile(rf"^(?:{_ON_WORDS})\s", re.IGNORECASE)
_ON_WROTE = re.compile(
    rf"^(?:{_ON_WORDS})\s.{{4,300}}(?:{_WROTE_WORDS})\s*[:：]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_DATE_LIKE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}|\d{4}年|\d{1,2}月"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
_ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine"
    r"|mensaje original|messaggio originale|oorspronkelijk bericht|исходное сообщение"
    r"|元のメッセージ|原始邮件|原始郵件)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(
    r"^\s*\*?(?:from|von|de|da|van|fra|från|od|от|差出人|发件人|寄件者)\s*:\*?\s*\S",
    re.IGNORECASE,
)
_HEADER_OTHER = re.compile(
    r"^\s*\*?(?:sent|date|to|subject|cc|gesendet|datum|an|betreff|envoyé|objet|à|enviado"
    r"|asunto|para|inviato|oggetto|verzonden|onderwerp|skickat|ämne|отправлено|кому|тема"
    r"|дата|送信日時|宛先|件名|日付|发送时间|收件人|主题)\s*:\*?",
    re.IGNORECASE,
)
_FORWARD_BANNER = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded (?:message|e-?mail)|message transf[ée]r[ée]|mensaje reenviado"
    r"|weitergeleitete nachricht|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada"
    r"|転送(?:された)?メッセージ|转发的邮件)\s*-{2,}"
    r"|(?:begin forwarded message|anfang der weitergeleiteten nachricht"
    r"|d[ée]but du message (?:r[ée]exp[ée]di[ée]|transf[ée]r[ée])|inicio del mensaje reenviado"
    r"|転送されたメッセージ)\s*[:：]?)\s*$",
    re.IGNORECASE,
)
"""The line Gmail, Thunderbird and Apple Mail put above a forwarded message."""
_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:fwd?|wg|tr|rv|enc|vb|doorst|转发|轉寄|転送)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^\s*(?:_{5,}|-{5,})\s*$")
_BLANK_RUNS = re.compile(r"\n{3,}")
_QUOTED = re.compile(r"^\s*>")
_SIGNATURE_DELIMITER = re.compile(r"^--\s*$")
MOBILE_SIGNATURE = re.compile(
    r"^(?:sent from my [\w-]+(?: [\w-]+){0,3}|sent from (?:mail|outlook) for \w+(?: \w+)?"
    r"|get outlook for \w+|sent with [\w ]{1,30}|sent from (?:yahoo mail|proton mail)[\w ]*"
    r"|envoyé de mon \w+|von meinem \w+ gesendet|enviado desde mi \w+|inviato da(?:l mio)? \w+"
    r"|iphoneから送信|android\s?から送信|从我的\s?iphone\s?发送)\.?$",
    re.IGNORECASE,
)
"""The one line a phone's mail app appends ("Sent from my iPhone", "iPhoneから送信")."""
_LIST_FOOTER_LINES = 8
_SIGNATURE_MAX_LINES = 15
_ATTRIBUTION_MAX_LINES = 3
_ATTRIBUTION_MAX_CHARS = 300


def is_forward_subject(subject: str) -> bool:
    """Whether a subject is a forward's ("Fwd:", "FW:", "WG:", "TR:", "RV:", "転送:"), not a
    reply's: "Re: Fwd: …" answers a forward."""
    return _FORWARD_SUBJECT.match(subject) is not None


def new_words(text: str, *, subject: str = "") -> str:
    """The sender's new words in a plain-text body, as `parse_message` reads `new_text`: the
    quoted older thread and the signature removed, a forward kept; the whole text when that
    leaves nothing. Text given by hand (the Simulator, the CLI, the corpus) is read with it."""
    reply = extract_reply(text, forwarded=is_forward_subject(subject))
    return reply if reply.strip() else text.strip()


def own_words(text: str) -> str:
    """What the sender wrote themselves: the new words above any forwarded message too."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    banner = next((i for i, line in enumerate(lines) if _FORWARD_BANNER.match(line)), len(lines))
    return extract_reply("\n".join(lines[:banner]))


def extract_reply(text: str, *, forwarded: bool = False) -> str:
    """The sender's new words in a plain-text body: quotes and signature removed; a forwarded
    message is kept (`forwarded`: the subject says the email is a forward)."""
    return strip_signature(strip_quotes(text, forwarded=forwarded))


def extract_reply_from_html(html: str, *, forwarded: bool = False) -> str:
    """The sender's new words in an HTML body, as plain text."""
    return strip_signature(strip_html_quotes(html, forwarded=forwarded))


def strip_quotes(text: str, *, forwarded: bool = False) -> str:
    """Remove the quoted older thread from plain text, keeping any signature and a forwarded
    message."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _cut_at_forwarded_header(lines, forwarded=forwarded)
    lines = _drop_quote_blocks(lines)
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    return _BLANK_RUNS.sub("\n\n", text)


def strip_html_quotes(html: str, *, forwarded: bool = False) -> str:
    """Remove the quoted older thread from HTML and return the rest as plain text. A forward's
    message sits in the same containers a reply's quote does (``gmail_quote``,
    ``divRplyFwdMsg``): in a forward they are kept."""
    from knowreply.mail.htmltext import html_to_text, parse_html, quoted_blockquote_text

    root = parse_html(html)
    if root is None:
        return strip_quotes(html_to_text(html), forwarded=forwarded)
    if not forwarded:
        for element in _marked_quote_starts(root):
            _cut_from(element)
        for element in _marked_quote_containers(root):
            element.drop_tree()
    quoted_blockquote_text(root)
    return strip_quotes(html_to_text(root), forwarded=forwarded)


def strip_signature(text: str) -> str:
    """Remove a trailing signature: the ``-- `` block, a mobile line or a list footer."""
    lines = text.split("\n")
    lines = _cut_signature_block(lines)
    lines = _cut_list_footer(lines)
    lines = _cut_mobile_signature(lines)
    return "\n".join(lines).strip("\n")


def _cut_at_forwarded_header(lines: list[str], *, forwarded: bool) -> list[str]:
    """Outlook-style quotes are not indented: everything from their header on is old, unless
    it is a forwarded message (under a forward's banner, or in a forward)."""
    for index, line in enumerate(lines):
        if _FORWARD_BANNER.match(line):
            return lines
        if _ORIGINAL_MESSAGE.match(line) or _is_header_block(lines, index):
            return lines if forwarded else _trim_separator(lines[:index])
        if _SEPARATOR.match(line) and _header_block_follows(lines, index + 1):
            return lines if forwarded else lines[:index]
        if _is_unquoted_attribution(lines, index):
            return lines if forwarded else lines[:index]
    return lines


def _is_header_block(lines: list[str], index: int) -> bool:
    """A ``From:`` line followed closely by ``Sent:``/``To:``/``Subject:`` lines."""
    if not _HEADER_FROM.match(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 5] if line.strip()]
    return sum(1 for line in following if _HEADER_OTHER.match(line)) >= 2


def _header_block_follows(lines: list[str], start: int) -> bool:
    for index in range(start, min(start + 3, len(lines))):
        if lines[index].strip():
            return _is_header_block(lines, index)
    return False


def _trim_separator(lines: list[str]) -> list[str]:
    while lines and (not lines[-1].strip() or _SEPARATOR.match(lines[-1])):
        lines = lines[:-1]
    return lines


def _is_unquoted_attribution(lines: list[str], index: int) -> bool:
    """An "On … wrote:" line whose quote below is not marked with ``>``."""
    span = _attribution_span(lines, index)
    if span == 0:
        return False
    return _next_text_line(lines, index + span) is not None and not _quote_follows(
        lines, index + span
    )


def _drop_quote_blocks(lines: list[str]) -> list[str]:
    """Drop ``>`` lines and the attribution line above them; keep the text between."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        span = _attribution_span(lines, index)
        if span and (_quote_follows(lines, index + span) or _nothing_follows(lines, index + span)):
            index += span
            continue
        if _QUOTED.match(lines[index]):
            index += 1
            continue
        kept.append(lines[index])
        index += 1
    return kept


def _attribution_span(lines: list[str], index: int) -> int:
    """How many lines (1 to 3) make up a quote attribution starting here, or 0."""
    first = lines[index].strip().lstrip(">").strip()
    if not first or len(first) > _ATTRIBUTION_MAX_CHARS or not _starts_attribution(first):
        return 0
    for span in range(1, _ATTRIBUTION_MAX_LINES + 1):
        window = lines[index : index + span]
        if len(window) < span or not window[-1].strip():
            return 0
        joined = " ".join(line.strip().lstrip(">").strip() for line in window)
        if _is_attribution(joined, quote_below=_quote_follows(lines, index + span)):
            return span
    return 0


def _starts_attribution(line: str) -> bool:
    """The first line of an attribution names the date or the sender (never "Hello")."""
    return bool(_ON_WORD.match(line) or _DATE_LIKE.search(line) or "@" in line)


def _is_attribution(line: str, *, quote_below: bool) -> bool:
    if _ON_WROTE.match(line):
        return True
    if not line.endswith((":", "：")) or len(line) > _ATTRIBUTION_MAX_CHARS:
        return False
    if _WROTE.search(line) and (_DATE_LIKE.search(line) or "@" in line):
        return True
    return quote_below and bool(_DATE_LIKE.search(line)) and "@" in line


def _quote_follows(lines: list[str], start: int) -> bool:
    line = _next_text_line(lines, start)
    return line is not None and bool(_QUOTED.match(line))


def _nothing_follows(lines: list[str], start: int) -> bool:
    return _next_text_line(lines, start) is None


def _next_text_line(lines: list[str], start: int) -> str | None:
    for line in lines[start:]:
        if line.strip():
            return line
    return None


def _cut_signature_block(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if (
            _SIGNATURE_DELIMITER.match(line)
            and len(lines) - index <= _SIGNATURE_MAX_LINES
            and has_own_text(lines[:index])
        ):
            return _trim_blank(lines[:index])
    return lines


def has_own_text(lines: list[str]) -> bool:
    """Whether the sender wrote more than a phone's line: a "-- " line under nothing else
    is not the end of their text, which is below it."""
    return any(line.strip() and not MOBILE_SIGNATURE.match(line.strip()) for line in lines)


def _cut_list_footer(lines: list[str]) -> list[str]:
    """Mailing-list software appends an underscore line and a few lines of footer (not
    Outlook's line above the header block of a message it forwards)."""
    for index in range(max(1, len(lines) - _LIST_FOOTER_LINES), len(lines)):
        if re.match(r"^_{5,}\s*$", lines[index]) and not _header_block_follows(lines, index + 1):
            return _trim_blank(lines[:index])
    return lines


def _cut_mobile_signature(lines: list[str]) -> list[str]:
    trimmed = _trim_blank(lines)
    if len(trimmed) > 1 and MOBILE_SIGNATURE.match(trimmed[-1].strip()):
        return _trim_blank(trimmed[:-1])
    return trimmed


def _trim_blank(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]


_QUOTE_START_XPATH = (
    "//*[@id='divRplyFwdMsg' or @id='appendonsend' or @id='stopSpelling' or @id='zwchr'"
    " or @id='OLK_SRC_BODY_SECTION']"
)
_QUOTE_CONTAINER_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' gmail_quote ')"
    " or contains(@class, 'yahoo_quoted') or contains(@class, 'protonmail_quote')"
    " or contains(@class, 'moz-cite-prefix')]"
    " | //blockquote[@type='cite']"
)


def _marked_quote_starts(root: HtmlElement) -> list[HtmlElement]:
    """Elements after which everything is the older thread (Outlook, Hotmail, Zimbra)."""
    found: list[HtmlElement] = root.xpath(_QUOTE_START_XPATH)
    return found[:1]


def _marked_quote_containers(root: HtmlElement) -> list[HtmlElement]:
    found: list[HtmlElement] = root.xpath(_QUOTE_CONTAINER_XPATH)
    return [element for element in found if element.getparent() is not None]


def _cut_from(element: HtmlElement) -> None:
    """Remove the element and everything after it in document order."""
    node: HtmlElement | None = element
    while node is not None and node.getparent() is not None:
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node.tail = None
        node = parent
    parent = element.getparent()
    if parent is not None:
        previous = element.getprevious()
        if previous is not None and previous.tag == "hr":
            parent.remove(previous)
        parent.remove(element)
