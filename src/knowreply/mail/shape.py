"""Text as the writer meant it, whatever shape the mail gave it: cut lines, spaces, capitals.

Every reader of a customer's words (the explicit-request check and the rules brain) reads
`as_meant(text)`; `bench/invariance.py` counts what each of these shapes still changes.

Plain-text mail reaches us cut into lines. Thunderbird and Apple Mail say so (`format=flowed`,
RFC 3676: a line that ends in a space goes on); Gmail and Outlook cut at 72 to 78 columns
and say nothing; Japanese business mail is often broken by hand every 30 to 40 characters.
A sentence cut in two is read as two ("I would be obliged if you could ensure that the
subscription does not auto-renew in" / "September."), so every reader joins the lines first.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
_SENTENCE_END = re.compile(r"[.!?:;。！？」』）)]\s*$")
_LIST_ITEM = re.compile(r"^\s*([-*•·–>|]|\d{1,3}[.)](\s|$)|[a-zA-Z][.)]\s|\(\w\)\s|[【■◆●・※〒])")
_CLOSING = re.compile(
    r"^\s*(thanks|thank you|many thanks|thx|cheers|best|regards|kind regards|best regards|"
    r"warm regards|sincerely|yours|gracias|saludos|un saludo|atentamente|merci|cordialement|"
    r"bien à vous|bonne journée|grüße|viele grüße|liebe grüße|beste grüße|mfg|lg|vg|danke|"
    r"mit freundlichen grüßen|freundliche grüße|sent from|envoyé de|enviado desde|"
    r"von meinem|よろしく|以上)\b",
    re.IGNORECASE,
)
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_QP_SPACE = re.compile(r"=20[^\S\n]*$", re.MULTILINE)
"""A quoted-printable space left undecoded at a line's end (mail copied from a raw source)."""
WRAPPED_MIN = 45
"""The shortest Latin line taken as cut by a client: they cut at 72 to 78 columns, a word
before the edge; a writer's own short lines ("Hi Anna,", "Invoice 2024-113") stay."""
WRAPPED_MAX = 100
LOWER_GOES_ON_MIN = 10
"""A line of a few words that ends in a letter goes on when the next opens in small letters
("This is not" / "a refund request"); a shorter one may be a name or "Hi"."""
CLOSING_MAX = 40
"""A sign-off is a short line: "Merci de m'envoyer la facture…" opens a sentence."""
_HYPHEN_CUT = re.compile(r"[^\W\d_]-$")
SHOUTED_LETTERS = 12
"""The fewest cased letters taken as shouting: "OK", "INV-2024" or "RE: SEPA" are not."""
WRAPPED_MIN_CJK = 30
"""The shortest Japanese line taken as cut when it ends no sentence: hand-broken business mail
runs 30 to 40 characters a line, a casual writer's sentence without "。" is shorter."""
_CJK_GOES_ON = re.compile(r"[、，,をにがはへとや]$")
"""A Japanese line that ends in a comma or a particle that never ends a sentence goes on
("つきましては、" / "お手続きを"); a casual writer ends sentences with a line break alone
("返金して" / "980円"), so a shorter line that ends otherwise is joined only where a fixed
width cut it."""
_CJK_CLAUSE_GOES_ON = re.compile(
    r"(なら|ならば|たら|れば|ても|でも|ので|のに|けど|けれど|けれども|ながら|その|この|あの|どの|"
    r"という|ような|ように)$"
)
"""A Japanese line that ends a clause that needs the next ("もし二重になっているなら" /
"返金してください") or a word that needs its noun ("その" / "タイミングで")."""
_CJK_STEM = re.compile(r"[\u3400-\u9fff\u30a1-\u30fa]$")
"""Kanji or katakana, not the long mark that ends a casual sentence ("おねがいしますー")."""
_CJK_GOES_ON_FROM = re.compile(r"^([\u3041-\u3096]|ください|下さい|頂|戴)")
"""A Japanese line that opens with the kana of a word cut after its kanji ("解約" / "したい
わけではありません") or with "ください" goes on from the line before."""
_LATIN_GOES_ON = re.compile(
    r"\b(not|no|never|if|unless|whether|when|a|an|the|to|"
    r"of|for|and|or|but|that|i|we|my|our|your|"
    r"pas|ne|ni|jamais|si|que|le|la|les|un|une|des|de|du|et|ou|mais|je|nous|mon|ma|mes|votre|"
    r"nunca|ni|el|los|las|del|y|o|pero|yo|mi|mis|su|sus|"
    r"nicht|kein|keine|keinen|keinem|nie|wenn|falls|ob|dass|der|die|das|den|dem|ein|eine|einen|"
    r"und|oder|aber|ich|wir|mein|meine|ihr|ihre|zu|um|mit|für)$",
    re.IGNORECASE,
)
"""A Latin line that ends in a word that never ends a sentence: a "not", an "if", an article
("I do not" / "want to cancel", "ich verlange keine" / "Rückerstattung")."""
_LOWER_START = re.compile(r"^[a-zà-ÿß]")


def unflowed(text: str, *, delsp: bool = False) -> str:
    """The text of a `format=flowed` part (RFC 3676): a line that ends in a space goes on in
    the next line of the same quote depth (without that space when `delsp`, DelSp=yes); the
    space a sender stuffs before a line is dropped; "-- " stays the signature line."""
    depths: list[int] = []
    lines: list[str] = []
    flowing = False
    for raw in text.split("\n"):
        depth = len(raw) - len(raw.lstrip(">"))
        line = raw[depth + 1 :] if raw[depth : depth + 1] == " " else raw[depth:]
        if flowing and depth == depths[-1]:
            lines[-1] += line
        else:
            depths.append(depth)
            lines.append(line)
        flowing = line.endswith(" ") and line != "-- "
        if flowing and delsp:
            lines[-1] = lines[-1][:-1]
    return "\n".join(
        ">" * depth + (" " if depth and line else "") + line
        for depth, line in zip(depths, lines, strict=True)
    )


def as_meant(text: str) -> str:
    """`text` unwrapped, and in small letters if it was shouted in capitals."""
    return unshouted(unwrapped(text))


def unshouted(text: str) -> str:
    """`text` in small letters when nearly all its letters are capitals ("PLEASE REFUND HALF
    OF THE CHARGE"): the readers know words in their usual case, and a capital marks a name
    only where not every word has one."""
    letters = [ch for ch in text if ch.isalpha() and ch.lower() != ch.upper()]
    capitals = sum(ch.isupper() for ch in letters)
    return (
        text.lower() if len(letters) >= SHOUTED_LETTERS and capitals >= 0.8 * len(letters) else text
    )


def unwrapped(text: str) -> str:
    """`text` with lines a mail client or the writer cut inside a sentence joined again, and
    runs of spaces made one (HTML mail carries doubled and non-breaking spaces, a raw copy
    "=20")."""
    lines = _HORIZONTAL_SPACE.sub(" ", _QP_SPACE.sub("", text)).split("\n")
    widths = Counter(len(line.strip()) for line in lines if _CJK.search(line))
    fixed = {width for width, count in widths.items() if count >= 2 and width >= 25}
    joined = lines[:1]
    for previous, line in pairwise(lines):
        if _cut_inside_a_sentence(previous, line, fixed):
            joined[-1] = (
                joined[-1].rstrip() + _glue(previous.rstrip(), line.lstrip()) + line.lstrip()
            )
        else:
            joined.append(line)
    return "\n".join(joined)


def _glue(line: str, following: str) -> str:
    """Nothing between Japanese, nor after a word cut at its hyphen ("Pouvez-" / "vous"); else
    a space."""
    if _CJK.match(following[:1] or " ") and _CJK.search(line[-1:]):
        return ""
    return "" if _HYPHEN_CUT.search(line) else " "


def _cut_inside_a_sentence(line: str, following: str, fixed_widths: set[int]) -> bool:
    """Whether the break between `line` and `following` was made by wrapping: a long line that
    ends no sentence, followed by more text that is no list item, quote or sign-off; in
    Japanese, a line that cannot end a sentence or one of the text's fixed width."""
    line, following = line.strip(), following.strip()
    if not following or line.startswith(">") or _SENTENCE_END.search(line):
        return False
    if _LIST_ITEM.match(following):
        return False
    if any(_CLOSING.match(part) and len(part) <= CLOSING_MAX for part in (line, following)):
        return False
    if _CJK.search(line[-1:] or " "):
        return (
            bool(_CJK_GOES_ON.search(line) or _CJK_CLAUSE_GOES_ON.search(line))
            or bool(_CJK_STEM.search(line) and _CJK_GOES_ON_FROM.match(following))
            or (line.endswith("て") and following.startswith(("ください", "下さい")))
            or len(line) >= WRAPPED_MIN_CJK
            or any(abs(len(line) - width) <= 1 for width in fixed_widths)
        )
    if _LATIN_GOES_ON.search(line) or (
        len(line) >= LOWER_GOES_ON_MIN and line[-1:].isalpha() and _LOWER_START.match(following)
    ):
        return True
    return WRAPPED_MIN <= len(line) <= WRAPPED_MAX
