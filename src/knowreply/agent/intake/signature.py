"""Where the customer's message ends and their signature begins.

A company's signature and footer name writes nobody asks for: "To cancel an appointment
please call the surgery", "Any cancellation or refund must be confirmed in writing",
"会員の解約をご希望の方はマイページより", "Stornierungen richten Sie bitte an…". Once the
customer has written something and signed off with a closing and their name ("Regards," /
"Conor Hegarty"; "Thanks, Phoebe"; "よろしくお願いいたします。" / "秋山 達也"), what follows is
their signature, not their request, unless a postscript picks the message up again ("P.S.
please cancel the old plan too").
"""

from __future__ import annotations

import re

from knowreply.agent.intake.request_phrases import NAME_LINE

_SIGN_OFF_WORDS = (
    r"(thanks?|thank you|many thanks|cheers|best|regards|kind regards|best wishes|"
    r"sincerely|yours (sincerely|faithfully|truly)|warm(est)? regards|best regards|"
    r"gracias|muchas gracias|saludos|un saludo|atentamente|cordialmente|"
    r"merci|cordialement|bien [àa] vous|(sinc[èe]res |meilleures )?salutations|"
    r"danke|gru[ßs]|"
    r"gr[üu](ß|ss)e|liebe gr[üu](ß|ss)e|viele gr[üu](ß|ss)e|vielen dank|lg|vg|mfg|"
    r"(mit )?(freundlichen|besten|herzlichen|lieben|sch[öo]nen) gr[üu](ß|ss)en|"
    r"(freundliche|beste|herzliche|sch[öo]ne) gr[üu](ß|ss)e|"
    r"ありがとう\w*|よろしく\w*|以上(です)?|敬具)"
)
SIGN_OFF = re.compile(
    rf"^\W*({_SIGN_OFF_WORDS}(\W+{_SIGN_OFF_WORDS})*(\W+[^\W\d_][\w'.-]*)?|sent from .*|"
    r"enviado desde .*|envoy[ée] de .*|von meinem .* gesendet)\W*$",
    re.IGNORECASE,
)
"""A sign-off line, with the first name that may close it ("Danke, lg Marlene")."""
FIRST_NAME = re.compile(r"^\W*[A-ZÀ-Þ][\w'.-]*\W*$")
"""A line of one capitalised word: the writer's name ("Serhii")."""
_SIGNED = re.compile(rf"^\W*(?i:{_SIGN_OFF_WORDS})\W+[A-ZÀ-Þ][\w'.-]*(\s+[A-ZÀ-Þ][\w'.-]*)?\W*$")
"""A closing that carries the name itself ("Thanks, Phoebe", "Regards, Tom Hale")."""
_JAPANESE_NAME = re.compile(
    r"^[\u3040-\u30ff\u4e00-\u9fff\u3005]{1,6}([ \u3000][\u3040-\u30ff\u4e00-\u9fff\u3005]{1,6})?$"
)
"""A Japanese name on its own line ("秋山 達也", "久保田")."""
_POSTSCRIPT = re.compile(
    r"^\W*(p\.?\s?s\.?|pd|n\.?\s?b\.?|nachtrag|追伸|二伸)(\W|$)", re.IGNORECASE
)


_RULE = re.compile(r"^\s*[━─═＝=＿_＊*~〜-]{8,}\s*$")
"""A line drawn across ("━━━━━━━━", "________"): a signature's box often starts with one."""
_WHO_SIGNS = re.compile(
    r"(株式会社|有限会社|合同会社|\b(inc|ltd|llc|gmbh|sarl|s\.?l)\b|\b(tel|phone|fax)\b|電話|〒)",
    re.IGNORECASE,
)


def above_signature(words: str) -> str:
    """`words` without the signature and footer under the customer's closing and name; a
    postscript below them is kept."""
    lines = words.split("\n")
    for index in range(1, len(lines)):
        if _closes(lines, index) and any(n.strip() for n in lines[:index]):
            rest = lines[index + 1 :]
            postscript = next((i for i, n in enumerate(rest) if _POSTSCRIPT.match(n)), len(rest))
            return "\n".join(lines[: index + 1] + rest[postscript:])
    return words


def _closes(lines: list[str], index: int) -> bool:
    """A closing, then the writer's name: on its line or the next written one; or a line
    drawn across above a company, a phone number or a name (a signature's box)."""
    line = lines[index].strip()
    if _RULE.match(line):
        below = [n.strip() for n in lines[index + 1 : index + 4] if n.strip()]
        return any(
            _WHO_SIGNS.search(n) or NAME_LINE.match(n) or _JAPANESE_NAME.match(n) for n in below
        )
    if not SIGN_OFF.match(line) or line.lower().startswith(
        ("sent from", "enviado", "envoy", "von")
    ):
        return False
    if _SIGNED.match(line):
        return True
    following = next((n.strip() for n in lines[index + 1 : index + 4] if n.strip()), "")
    return bool(
        NAME_LINE.match(following) or FIRST_NAME.match(following) or _JAPANESE_NAME.match(following)
    )
