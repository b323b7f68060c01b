"""A short yes to a write the business offered in the email it answers.

"Yes please, go ahead." asks for nothing on its own; under our "Would you like me to cancel
your plan at the end of the period?" it asks for exactly that cancellation. The customer's own
words must be only a yes (a thank-you and a name may follow), with no "but" and no question,
and the thread must hold one offer, a question naming the writes it offers ("Would you like a
payment link?", "¿Quieres que te enviemos el enlace?" after a sentence about the portal). An
offer of two writes together ("We can cancel today and refund this month. Shall we?") is
accepted whole; a choice ("cancel or refund?", "a refund or a credit?") is answered by a
person.

The thread is the customer's own copy of ours, so a forged one asks for no more than the
customer could ask in their own words: every write still meets its capability, its limits
and, for money, a member's approval.
"""

from __future__ import annotations

import re
from itertools import pairwise

from knowreply.agent.intake.request_phrases import MENTIONS, NAME_LINE, WriteKind
from knowreply.agent.intake.someone_else import RELATION

_I = re.IGNORECASE

_ASSENT = re.compile(
    r"^\W*((ta|bueno|bien|oui|ok),? |(では|じゃあ|それでは)?それで)?"
    r"(yes|yeah|yep|yup|sure|ok|okay|please (do|go ahead|send)|"
    r"go ahead|sounds good|faites comme [çc]a|faites-le|hazlo|h[áa]ganlo|macht das so|"
    r"that('s| is| would be) (fine|great|perfect)|s[íi]|dale|claro|de acuerdo|vale|oui|"
    r"d'accord|volontiers|ja|jawohl|jo|jep|jup|gerne?|passt|はい|ええ|うん|お願いします|お願いいたします|ぜひ)"
    r"(?![a-zà-ÿ])",
    _I,
)
_RESERVED = re.compile(
    r"\b(but|however|pero|sin embargo|aunque|mais|cependant|sauf|aber|jedoch|allerdings|"
    r"not yet|todav[íi]a no|pas encore|noch nicht|[àa] condition|pourvu|sous r[ée]serve|sinon|"
    r"provided|on condition|only if|otherwise|siempre (que|y cuando)|con tal|a condici[óo]n|"
    r"si no|de lo contrario|vorausgesetzt|unter der bedingung|nur wenn|sonst)\b|"
    r"ただ|でも|しかし|けど|が、|条件|[?？]",
    _I,
)
_GO_AHEAD = re.compile(
    r"\b(please|pls|plz|go ahead|do it|do that|send|proceed|por favor|porfa|dale|adelante|"
    r"h[áa]ganlo|hac[ée]|env[íi]\w+|m[áa]nd\w+|allez-y|faites|envoyez|proc[ée]dez|merci de|"
    r"gerne?|bitte|machen sie|schicken sie|schickt|s'il (vous|te) pla[îi]t|svp|"
    # a yes that says the offer suits ("Yes, at the end of the period is fine")
    r"(is|that's|that is|sounds) (fine|good|great|perfect)|works for (me|us)|"
    r"(ça|cela) me va|c'est parfait|parfait|me parece bien|perfecto|"
    r"in ordnung|einverstanden|passt|(that'?s|that is) (right|correct)|(ok|d'accord) pour|"
    r"so machen|mach(t|en sie)? (es|das) so)\b|"
    r"お願い|送って|ください|下さい|大丈夫|結構です|構いません|"
    r"問題(あり|ござい)ません",
    _I,
)
_BARE_WORDS = 3
_GREETING = re.compile(
    r"^\W*(hi|hello|hey|dear [^,]{1,30}|hola|buenas|buenos d[íi]as|bonjour|bonsoir|salut|"
    r"hallo|guten tag|servus|moin|hoi|gr[üu]ezi)\W*$",
    _I,
)
_SIGN_OFF = re.compile(
    r"^\W*(thanks?|thank you|many thanks|cheers|best|regards|kind regards|best wishes|"
    r"gracias|muchas gracias|saludos|merci|cordialement|bien [àa] vous|danke|gru[ßs]|"
    r"vielen dank|lg|ありがとう\w*|よろしく\w*|sent from .*|enviado desde .*|envoy[ée] de .*|"
    r"von meinem .* gesendet)\W*$",
    _I,
)
_OFFER = re.compile(
    r"\b(would you like|do you want|did you want|shall (i|we)|should (i|we)|can i|may i|"
    r"would you (rather|prefer)|do you prefer|pr[ée]f[ée]rez-vous|pr[ée]f[èe]res-tu|"
    r"would it help if|"
    r"desea(s)?|quiere(s)?|quer[ée]s|quieren|prefiere(s)?|"
    r"souhaitez-vous|voulez-vous|d[ée]sirez-vous|veux-tu|souhaites-tu|je vous propose de|"
    r"nous vous proposons de|le propongo|te propongo|les proponemos|"
    r"m[öo]chten sie|m[öo]chtest du|wollen sie|sollen wir|soll ich|d[üu]rfen wir)\b|"
    r"¿\s*(le|te|les) (env[íi]o|mando|paso|enviamos|mandamos|pasamos)\b|"
    r"(しましょうか|ご希望ですか|ご希望でしょうか|いかがいたしますか|いかがいたしましょうか|いかがなさいますか|"
    r"よろしいですか|よろしいでしょうか)",
    _I,
)
_LINK_ASKED = re.compile(r"\b(link|url|enlace|liga|lien|v[íi]nculo)\b|リンク|URL", _I)
_LINKS: frozenset[WriteKind] = frozenset({"payment_link", "portal_link"})
_PROCEED = re.compile(
    r"\b(proceed|go ahead|do (it|that|so)|proc[ée]d\w*|adelante|fortfahren|so machen|"
    r"veranlassen|erledigen|durchf[üu]hren)\b|進めて",
    _I,
)
"""An offer to go ahead with what the sentence before it says ("I can refund the unused
portion, £123.40 - shall I proceed?")."""
_WHAT_SHALL_WE_DO = re.compile(
    r"\bhow would you like (me|us) to proceed\b|\bwould you like (me|us) to do (that|this)\b|"
    r"\b(shall|should) (i|we)\s*[?]|\bdo you want (me|us) to\s*[?]|"
    r"\b(lo|la) hacemos\b|\bqu(e|é) prefiere(s)?\s*[?]|"
    r"\bvoulez-vous que (nous le fassions|je le fasse)\b|\bsollen wir das (so )?machen\b|"
    r"いかが(いた|な)(しましょう|します|さいます)か|どう(いた)?しましょうか|"
    # "…would that help?", "Ist Ihnen das recht?", "Cela vous convient-il ?"
    r"\b(would|will|does|do) (that|this|it) (help|work|suit you)\b|"
    r"\bis (that|this) (ok|okay|alright|all right|fine)( with you| for you)?\s*[?]|"
    r"\b(ist|w[äa]re) (ihnen|dir) das recht\b|\bpasst (ihnen|dir) das\b|"
    r"\b(cela|[çc]a) vous (convient|conviendrait|va)\b|\bvous convient-il\b|"
    r"\b(le|te) (parece|sirve|viene bien)\b",
    _I,
)
"""A bare "what shall we do?" or "is that all right?": like a go-ahead (`_PROCEED`), it offers
what the sentence before it says the business can do ("本日付で解約し、今月分を返金することも可能
です。いかがいたしましょうか？", "…könnten wir Ihnen die Hälfte … zurückerstatten. Ist Ihnen das
recht?"), or in the same sentence ("I can email you a link to settle the balance — would that
help?")."""
_PURPOSE = re.compile(
    r"\bso (that )?you (can|could)\b|\bpara que (pueda|puedas|usted pueda)\b|"
    r"\bpour que vous puissiez\b|\bafin (que vous puissiez|de pouvoir)\b|\bdamit (sie|du)\b",
    _I,
)
"""What an offered write is for ("a payment link so you can pay with a different card"): it
names no further write."""
_CHOICE = re.compile(
    r"\b(or|either|o|ou|soit|oder|entweder)\b|"
    r"または|もしくは|あるいは|それとも|どちら|いずれか|(解約|返金|払い戻し|キャンセル|リンク|停止)か",
    _I,
)
"""A choice ("cancel or refund?", "a refund or a credit?"), which a plain yes does not
settle."""
_AND = re.compile(
    r"\b(and|also|as well as|plus|y|adem[áa]s|et|ainsi que|und|sowie|au[ßs]erdem)\b|"
    r"し[、,]|して|した上で|とともに|と(あわ|併)せて|あわせて|併せて",
    _I,
)
_AVOIDING = re.compile(
    r"\b(so (that )?(you|we)|to avoid|avoid\w*|without|instead|para (que )?no|para evitar|sin|"
    r"pour (ne pas|[ée]viter)|afin de ne|sans|damit|vermeiden|ohne|statt|anstatt)\b|"
    r"ないよう|せずに|しなくても|避け|代わり",
    _I,
)
"""A write named as the reason for another ("a payment link, so we don't have to cancel"),
which two writes offered together never are."""
_WISH = re.compile(
    r"\bif you('d| would) like\b|\blet (us|me) know if you('d| would) like\b|"
    r"\bsi vous le souhaitez\b|\bsi (lo )?desea\b|\b(falls|wenn) sie (das |es )?w[üu]nschen\b|"
    r"ご希望(でしたら|の場合|であれば)",
    _I,
)
"""An offer made as a condition that names no write ("…ご返金することが可能です。ご希望でしたら
ご返信ください"): it offers what the sentence before it says the business can do."""
_CAN = re.compile(
    r"\b(we|i) (can|could|are able to|am able to)\b(?!'?t\b| not\b)|"
    r"\b(?<!not )possible\b|可能|でき(ます|る)|"
    r"\b(nous )?(pouvons|pourrions)\b|\b(podemos|podr[íi]amos)\b|\b(k[öo]nnen|k[öo]nnten) wir\b",
    _I,
)
_SENTENCE = re.compile(r"(?:[^.?!。？！\n]|(?<=\d)\.(?=[\d)]))+[.?!。？！]*")
"""A sentence; a dot between digits (£123.40) or closing a date in brackets ("(31.05.)") ends
none."""
_NOT_RENEWED = re.compile(
    r"\bno (lo |la |te |se lo |se la )?renov(emos|amos|aremos)\b|\bnot (to )?renew\b|"
    r"\bne (le |la |l')?renouvel\w* pas\b|\bnicht (mehr )?verl[äa]nger|更新しない",
    _I,
)
"""An offer not to renew ("¿quieres que no lo renovemos?"), which a customer would word as a
cancellation."""
_QUOTE_MARK = re.compile(r"^[>\s]+", re.MULTILINE)
_MAX_WORDS = 20


def accepted_writes(own_words: str, thread: str) -> tuple[WriteKind, ...]:
    """The writes the customer's plain yes accepts from the offer in `thread`, in the order
    the offer names them, else none; a yes that names another person ("Yes, for my mother's
    account") is theirs, not the customer's."""
    if not is_a_plain_yes(own_words) or RELATION.search(_said(own_words)):
        return ()
    return offered_writes(thread)


def is_a_plain_yes(own_words: str) -> bool:
    """The customer's new words are a yes and nothing more than thanks and a name: a bare
    "Yes." or one that says to go ahead ("Sure, send it over", "Oui, allez-y"), not a yes
    to some other question ("Yes, I received it")."""
    text = _said(own_words)
    return (
        bool(text)
        and _ASSENT.match(text) is not None
        and not _RESERVED.search(text)
        and len(text.split()) <= _MAX_WORDS
        and (len(text.split()) <= _BARE_WORDS or _GO_AHEAD.search(text) is not None)
    )


def _said(own_words: str) -> str:
    """The customer's words without greetings, sign-offs and name lines ("M. Faißt")."""
    lines = [line.strip() for line in own_words.splitlines() if line.strip()]
    return " ".join(
        line
        for line in lines
        if not (_SIGN_OFF.match(line) or _GREETING.match(line) or NAME_LINE.match(line))
    )


def offered_writes(thread: str) -> tuple[WriteKind, ...]:
    """The writes the business's offer in `thread` names, in the order it names them, else
    none. An offer of "the link" takes the link the sentence before it names ("You can update
    your card in the portal. Shall we send you the link?"), and an offer to go ahead or a bare
    "what shall we do?" the writes the sentence before says it can make ("I can refund the
    unused days. Shall I proceed?"); no other offer looks back ("We refunded you. Can I help
    with anything else?" offers nothing). An offer of a choice ("cancel or refund?", "a refund
    or a credit?") is one a plain yes does not settle. Two writes are offered only together:
    one offer joins them with an "and", neither the reason for the other ("a payment link, so
    we don't have to cancel")."""
    offers = _offers(thread)
    offered = {kind for kinds, _ in offers for kind in kinds}
    if any(_CHOICE.search(text) for _, text in offers):
        return ()
    if len(offered) == 1:
        return (offered.pop(),)
    together = [text for kinds, text in offers if kinds == offered and _joined(kinds, text)]
    if not together:
        return ()
    return tuple(sorted(offered, key=lambda kind: _named_at(kind, together[0])[0]))


def _joined(kinds: set[WriteKind], text: str) -> bool:
    """Whether `text` names `kinds` one after another, each joined to the next by an "and"."""
    spans = sorted(_named_at(kind, text) for kind in kinds)
    return not _AVOIDING.search(text) and all(
        _AND.search(text[end:start]) for (_, end), (start, _) in pairwise(spans)
    )


def offer_text(thread: str) -> str:
    """The words of the offers in `thread` (with the sentence an offer looks back to): what
    a refund accepted with a plain yes is sized by ("…the unused 12 days (1,234円)…")."""
    return "\n".join(text for _, text in _offers(thread))


def _offers(thread: str) -> list[tuple[set[WriteKind], str]]:
    """Each offer in `thread` that names a write: the writes, and the words that name them."""
    sentences = [s.strip() for s in _SENTENCE.findall(_QUOTE_MARK.sub("", thread))]
    found: list[tuple[set[WriteKind], str]] = []
    for index, sentence in enumerate(sentences):
        before = sentences[index - 1] if index else ""
        named: set[WriteKind] = set()
        text = sentence
        if _OFFER.search(sentence):
            named = _kinds(sentence)
            if not named and _LINK_ASKED.search(sentence):
                named, text = _kinds(before) & _LINKS, before
            elif not named and (
                _PROCEED.search(sentence)
                or (_WHAT_SHALL_WE_DO.search(sentence) and _CAN.search(before))
            ):
                named, text = _kinds(before), f"{before} {sentence}"
        elif _WHAT_SHALL_WE_DO.search(sentence) or _WISH.search(sentence):
            if _CAN.search(sentence):  # "I can refund the £4.95 delivery charge if you'd like?"
                named = _kinds(sentence)
            elif not _kinds(sentence) and _CAN.search(before):
                named, text = _kinds(before), f"{before} {sentence}"
        if named:
            found.append((named, text))
    return found


def _named_at(kind: WriteKind, text: str) -> tuple[int, int]:
    """Where `text` first names `kind`: its start and end."""
    found = MENTIONS[kind].search(text) or (
        _NOT_RENEWED.search(text) if kind == "cancellation" else None
    )
    return found.span() if found else (len(text), len(text))


def _kinds(sentence: str) -> set[WriteKind]:
    sentence = _PURPOSE.split(sentence, maxsplit=1)[0]
    kinds = {kind for kind, mention in MENTIONS.items() if mention.search(sentence)}
    return kinds | {"cancellation"} if _NOT_RENEWED.search(sentence) else kinds
