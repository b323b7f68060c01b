"""The customer's own new words: what an explicit request must be found in.

Everything the customer did not write now is removed: HTML comments and tags, quoted lines,
a forwarded or original message and everything after it, the signature, text between
quotation marks (a phrase quoted from someone else is not the customer asking), and what
follows a colon that introduces an earlier message ("my last email said: please cancel",
"he wrote:" and the lines after it up to a blank line).

A marker only ends the customer's text once the customer has written something: a phone's
"Sent from my iPhone" or a "--" line at the top is dropped, a forwarded message at the top
is skipped up to the separator line under it, and an "On … wrote:" line over ``>`` lines
is dropped with them, so the customer's words below are still read.
"""

from __future__ import annotations

import html
import re
import unicodedata

from knowreply.agent.intake.written_forms import in_usual_form
from knowreply.mail.quotes import MOBILE_SIGNATURE, has_own_text
from knowreply.mail.shape import as_meant

MAX_CHARS = 20_000

_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]{0,500}>")
_QUOTED_LINE = re.compile(r"^\s*>")
_QUOTES = re.compile(
    r"\"[^\"]{0,500}\"|“[^”]{0,500}”|„[^“”]{0,500}[“”]|«[^»]{0,500}»|「[^」]{0,500}」|"
    r"『[^』]{0,500}』"
)
_ELSEWHERE = re.compile(
    r"^\s*(-{2,}\s*(forwarded|original) message\s*-{2,}|begin forwarded message|"
    r"-+\s*original message\s*-+|(from|sent|to|subject|date|von|de|差出人|送信者|件名)\s*:\s*\S|"
    r"on .{0,200}\bwrote\s*:|.{0,200}\bwrote\s*:\s*$|転送されたメッセージ|-+\s*転送|"
    r"-+\s*元の(メッセージ|メール)\s*-+|"
    # es, fr, de: the original/forwarded banner, the header lines, the "… wrote:" line
    r"-+\s*(mensaje (original|reenviado)|message (d'origine|original|transf[ée]r[ée])|"
    r"(urspr[üu]ngliche|weitergeleitete) nachricht)\s*-+|"
    r"(mensaje reenviado|message transf[ée]r[ée]|weitergeleitete nachricht)\b|"
    r"(para|enviado|asunto|fecha|envoy[ée]|à|objet|an|gesendet|"
    r"betreff|datum)\s*:\s*\S|(el|le) .{0,200}\b(escribi[óo]|a [ée]crit)\s*:|"
    r"am .{0,200}\bschrieb\b.{0,200}:|"
    r".{0,200}\b(escribi[óo]|a [ée]crit|schrieb)\s*:\s*$)",
    re.IGNORECASE,
)
_DATED_ATTRIBUTION = re.compile(
    r"^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})"
    r".{0,200}\d{1,2}:\d{2}.{0,200}[:：]\s*$"
)
"""A dated line ending in a colon over quoted lines, Japanese mail's attribution with no
"wrote" ("2025年3月12日(水) 18:30 MailMate サポート <support@mailmate.jp>:"): the quote's,
not the customer's words (only above ``>`` lines, so a heading of the customer's own stays)."""
_HEADER_FIELD = re.compile(
    r"^\s*(from|sent|to|cc|bcc|reply-to|subject|date|von|de|差出人|送信者|件名|宛先|日付|para|"
    r"enviado|asunto|fecha|envoy[ée]|à|objet|an|gesendet|betreff|datum)\s*:",
    re.IGNORECASE,
)
_DATE_FIELD = re.compile(r"^\s*(date|datum|fecha)\s*:", re.IGNORECASE)
_FIELD = re.compile(r"^\s*[^\W\d_][\w .'/-]{0,30}:\s*\S")
"""A "Label: value" line of the customer's own, such as "Order number: FL-22810"."""
_REPLY_SUBJECT = re.compile(
    r"^\s*(re|fwd?|aw|wg|sv|vs|rv|tr|antw|返信|転送|"
    # an auto-reply repeats the subject it answers: "Automatische Antwort: Kündigung"
    r"automatische antwort|abwesenheitsnotiz|auto(matic)?[- ]?reply|out of office|"
    r"r[ée]ponse automatique|respuesta autom[áa]tica|自動返信)\s*[:：]",
    re.IGNORECASE,
)
_QUOTE_INTRO = re.compile(
    r"\b((i|we|you|he|she|they|it|someone|support|your (team|colleague|agent)) (wrote|said|"
    r"replied|asked|answered|put it)( (before|earlier|previously|then|back then|last \w+))?|"
    r"quoting( (my|our|your|the|his|her|their) \w+( \w+)?)?|"
    r"(my|our|your|the|his|her|their) (previous|earlier|last|first|original|old) (message|e-?mail|"
    r"mail|ticket|reply|letter|note)( \w+){0,2}|"
    r"(yo |le |les )?(escrib[íi]|dije|escribieron|dijeron)|j'ai (écrit|dit)|(il|elle|vous) a(vez)? "
    r"(écrit|dit)|(ich|sie|er) (schrieb|sagte|schrieben|sagten)|(schrieb|sagte) (ich|sie|er))\s*:",
    re.IGNORECASE,
)
"""A colon that introduces someone's earlier words: what follows it on the line is quoted."""
_SIGNATURE = re.compile(r"^\s*(--|__+)\s*$")
_FORWARD_END = re.compile(
    r"^\s*(-{3,}|_{3,}|-*\s*end (of )?forwarded message\s*-*|-*\s*ende der weitergeleiteten "
    r"nachricht\s*-*)\s*$",
    re.IGNORECASE,
)
"""The line under a forwarded message that the customer's own text follows."""
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening)|hallo|guten tag|liebe[rs]?|"
    r"sehr geehrte[rs]?|bonjour|bonsoir|salut|hola|buen(os|as) (d[íi]as|tardes)|buenas|"
    r"estimad[oa]s?)(\s+[\w'.-]+){0,3}\s*[,!.:]?\s*$|^.{0,20}(様|御中|さま)[、,]?\s*$|"
    r"^\s*(お世話になっております|お世話になります|こんにちは)[。!]?\s*$",
    re.IGNORECASE,
)
"""A line that only greets: what comes after it is still the top of the customer's text."""


def customer_words(text: str) -> str:
    """The new text the customer wrote themselves, normalised (NFKC, plain quotes, numbers in
    digits: `written_forms`)."""
    clean = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    clean = _HTML_COMMENT.sub(" ", clean)
    clean = html.unescape(_TAG.sub(" ", clean))
    clean = clean.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    lines = in_usual_form(as_meant(clean)).splitlines()
    kept: list[str] = []
    quoting = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _ends_customer_text(lines, index):
            if _has_own_words(kept):
                break
            index = _after_marker(lines, index)
            continue
        index += 1
        if (
            _QUOTED_LINE.match(line)
            or _another_message(lines, index - 1)
            or (quoting and line.strip())
            or (_DATED_ATTRIBUTION.match(line) and _quote_follows(lines, index))
        ):
            continue
        intro = _QUOTE_INTRO.search(line)
        quoting = bool(intro and not line[intro.end() :].strip())
        kept.append(line[: intro.start()] if intro else line)
    return _QUOTES.sub(" ", "\n".join(kept))


def _ends_customer_text(lines: list[str], index: int) -> bool:
    """A signature or another message starts here (not an attribution over ``>`` lines)."""
    line = lines[index]
    if _SIGNATURE.match(line) or MOBILE_SIGNATURE.match(line.strip()):
        return True
    return _another_message(lines, index) and not _quote_follows(lines, index + 1)


def _another_message(lines: list[str], index: int) -> bool:
    """A marker of another message: a banner, a "… wrote:" line or a header line, but not a
    "Date:" among the customer's own fields ("Order number: FL-22810" / "Date: 11 May" /
    "Charges: …"), whose neighbour is a "Label: value" line no mail header has."""
    if not _ELSEWHERE.match(lines[index]):
        return False
    if not _DATE_FIELD.match(lines[index]):
        return True
    neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
    return not any(_FIELD.match(n) and not _HEADER_FIELD.match(n) for n in neighbours)


def _quote_follows(lines: list[str], start: int) -> bool:
    following = next((line for line in lines[start:] if line.strip()), "")
    return bool(_QUOTED_LINE.match(following))


def _has_own_words(kept: list[str]) -> bool:
    """Whether the customer wrote more than a greeting (or a phone's line) above here."""
    return has_own_text([line for line in kept if not _GREETING.match(line)])


def _after_marker(lines: list[str], index: int) -> int:
    """Where the customer's text resumes after a marker above it: a signature line is one
    line; another message runs to the separator under it (or to the end)."""
    if not _ELSEWHERE.match(lines[index]):
        return index + 1
    for end in range(index + 1, len(lines)):
        if _FORWARD_END.match(lines[end]):
            return end + 1
    return len(lines)


def is_reply_subject(subject: str) -> bool:
    """A reply's or a forward's subject is the thread's (often our own), not new words."""
    return bool(_REPLY_SUBJECT.match(subject))
