"""A short yes to a write the business offered in the email it answers.

"Yes please, go ahead." asks for nothing on its own; under our "Would you like me to cancel
your plan at the end of the period?" it asks for exactly that cancellation. The customer's own
words must be only a yes (a thank-you and a name may follow), with no "but" and no question,
and the thread must hold one offer, a question naming one write ("Would you like a payment
link?", "¿Quieres que te enviemos el enlace?" after a sentence about the portal). An offer of
two writes ("cancel or refund?") is answered by a person.

The thread is the customer's own copy of ours, so a forged one asks for no more than the
customer could ask in their own words: every write still meets its capability, its limits
and, for money, a member's approval.
"""

from __future__ import annotations

import re

from knowreply.agent.intake.request_phrases import MENTIONS, NAME_LINE, WriteKind
from knowreply.agent.intake.someone_else import RELATION

_I = re.IGNORECASE

_ASSENT = re.compile(
    r"^\W*(yes|yeah|yep|yup|sure|ok|okay|please (do|go ahead|send)|go ahead|sounds good|"
    r"that('s| is| would be) (fine|great|perfect)|s[íi]|dale|claro|de acuerdo|vale|oui|"
    r"d'accord|volontiers|ja|jawohl|gerne?|passt|はい|ええ|うん|お願いします|お願いいたします|ぜひ)"
    r"(?![a-zà-ÿ])",
    _I,
)
_RESERVED = re.compile(
    r"\b(but|however|pero|sin embargo|aunque|mais|cependant|sauf|aber|jedoch|allerdings|"
    r"not yet|todav[íi]a no|pas encore|noch nicht)\b|ただ|でも|しかし|けど|が、|[?？]",
    _I,
)
_GO_AHEAD = re.compile(
    r"\b(please|pls|plz|go ahead|do it|do that|send|proceed|por favor|porfa|dale|adelante|"
    r"h[áa]ganlo|hac[ée]|env[íi]\w+|m[áa]nd\w+|allez-y|faites|envoyez|proc[ée]dez|merci de|"
    r"gerne?|bitte|machen sie|schicken sie|schickt)\b|お願い|送って|ください|下さい",
    _I,
)
_BARE_WORDS = 3
_SIGN_OFF = re.compile(
    r"^\W*(thanks?|thank you|many thanks|cheers|best|regards|kind regards|best wishes|"
    r"gracias|muchas gracias|saludos|merci|cordialement|bien [àa] vous|danke|gru[ßs]|"
    r"vielen dank|lg|ありがとう\w*|よろしく\w*|sent from .*|enviado desde .*|envoy[ée] de .*|"
    r"von meinem .* gesendet)\W*$",
    _I,
)
_OFFER = re.compile(
    r"\b(would you like|do you want|did you want|shall (i|we)|should (i|we)|can i|may i|"
    r"would it help if|"
    r"desea(s)?|quiere(s)?|quer[ée]s|quieren|prefiere(s)?|"
    r"souhaitez-vous|voulez-vous|d[ée]sirez-vous|veux-tu|souhaites-tu|"
    r"m[öo]chten sie|m[öo]chtest du|wollen sie|sollen wir|soll ich|d[üu]rfen wir)\b|"
    r"(しましょうか|ご希望ですか|いかがいたしますか|よろしいですか|よろしいでしょうか)",
    _I,
)
_LINK_ASKED = re.compile(r"\b(link|url|enlace|liga|lien|v[íi]nculo)\b|リンク|URL", _I)
_LINKS: frozenset[WriteKind] = frozenset({"payment_link", "portal_link"})
_PROCEED = re.compile(
    r"\b(proceed|go ahead|do (it|that|so)|proc[ée]d\w*|adelante|fortfahren|so machen)\b|進めて", _I
)
"""An offer to go ahead with what the sentence before it says ("I can refund the unused
portion, £123.40 - shall I proceed?")."""
_SENTENCE = re.compile(r"(?:[^.?!。？！\n]|(?<=\d)\.(?=\d))+[.?!。？！]*")
"""A sentence; a dot between digits (£123.40) ends none."""
_QUOTE_MARK = re.compile(r"^[>\s]+", re.MULTILINE)
_MAX_WORDS = 20


def accepted_write(own_words: str, thread: str) -> WriteKind | None:
    """The write the customer's plain yes accepts from the offer in `thread`, else None; a
    yes that names another person ("Yes, for my mother's account") is theirs, not the
    customer's."""
    if not is_a_plain_yes(own_words) or RELATION.search(own_words):
        return None
    return offered_write(thread)


def is_a_plain_yes(own_words: str) -> bool:
    """The customer's new words are a yes and nothing more than thanks and a name: a bare
    "Yes." or one that says to go ahead ("Sure, send it over", "Oui, allez-y"), not a yes
    to some other question ("Yes, I received it")."""
    lines = [line.strip() for line in own_words.splitlines() if line.strip()]
    said = [line for line in lines if not _SIGN_OFF.match(line) and not NAME_LINE.match(line)]
    text = " ".join(said)
    return (
        bool(said)
        and _ASSENT.match(text) is not None
        and not _RESERVED.search(text)
        and len(text.split()) <= _MAX_WORDS
        and (len(text.split()) <= _BARE_WORDS or _GO_AHEAD.search(text) is not None)
    )


def offered_write(thread: str) -> WriteKind | None:
    """The one write the business's offer in `thread` names, else None. An offer of "the
    link" takes the link the sentence before it names ("You can update your card in the
    portal. Shall we send you the link?"), and an offer to go ahead its write ("I can refund
    the unused days. Shall I proceed?"); no other offer looks back ("We refunded you. Can I
    help with anything else?" offers nothing)."""
    sentences = [s.strip() for s in _SENTENCE.findall(_QUOTE_MARK.sub("", thread))]
    offered: set[WriteKind] = set()
    for index, sentence in enumerate(sentences):
        if not _OFFER.search(sentence):
            continue
        named = _kinds(sentence)
        if not named and index and _LINK_ASKED.search(sentence):
            named = _kinds(sentences[index - 1]) & _LINKS
        elif not named and index and _PROCEED.search(sentence):
            named = _kinds(sentences[index - 1])
        offered |= named
    return offered.pop() if len(offered) == 1 else None


def _kinds(sentence: str) -> set[WriteKind]:
    return {kind for kind, mention in MENTIONS.items() if mention.search(sentence)}
