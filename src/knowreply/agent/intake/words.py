"""The customer's own new words: what an explicit request must be found in.

Everything the customer did not write now is removed: HTML comments and tags, quoted lines,
a forwarded or original message and everything after it, the signature, text between
quotation marks (a phrase quoted from someone else is not the customer asking), and what
follows a colon that introduces an earlier message ("my last email said: please cancel",
"he wrote:" and the lines after it up to a blank line).
"""

from __future__ import annotations

import html
import re
import unicodedata

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
_SIGNATURE = re.compile(r"^\s*(--|__+|sent from my \w+|get outlook for \w+)\s*$", re.IGNORECASE)


def customer_words(text: str) -> str:
    """The new text the customer wrote themselves, normalised (NFKC, plain quotes)."""
    clean = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    clean = _HTML_COMMENT.sub(" ", clean)
    clean = html.unescape(_TAG.sub(" ", clean))
    clean = clean.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    kept: list[str] = []
    quoting = False
    for line in clean.splitlines():
        if _ELSEWHERE.match(line) or _SIGNATURE.match(line):
            break
        if _QUOTED_LINE.match(line) or (quoting and line.strip()):
            continue
        intro = _QUOTE_INTRO.search(line)
        quoting = bool(intro and not line[intro.end() :].strip())
        kept.append(line[: intro.start()] if intro else line)
    return _QUOTES.sub(" ", "\n".join(kept))


def is_reply_subject(subject: str) -> bool:
    """A reply's or a forward's subject is the thread's (often our own), not new words."""
    return bool(_REPLY_SUBJECT.match(subject))
