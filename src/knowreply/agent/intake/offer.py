"""A short yes to a write the business offered in the email it answers.

"Yes please, go ahead." asks for nothing on its own; under our "Would you like me to cancel
your plan at the end of the period?" it asks for exactly that cancellation. The customer's own
words must be only a yes (a thank-you and a name may follow), with no "but" and no question,
and the thread must hold one offer, a question naming the writes it offers ("Would you like a
payment link?", "¿Quieres que te enviemos el enlace?" after a sentence about the portal). An
offer of two writes together ("We can cancel today and refund this month. Shall we?") is
accepted whole; a choice ("cancel or refund?", "a refund or a credit?") is answered by a
person, unless the customer names the option they take ("The second option please" under
"I can either (1) send a payment link or (2) send a link to the billing portal"). A yes may
be followed by a question of its own ("Yes, do it. When is my last day of access?"), which
the model reads as a further request.

The thread is the customer's own copy of ours, so a forged one asks for no more than the
customer could ask in their own words: every write still meets its capability, its limits
and, for money, a member's approval.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from knowreply.agent.intake.request_phrases import MENTIONS, NAME_LINE, WriteKind
from knowreply.agent.intake.signature import FIRST_NAME, SIGN_OFF
from knowreply.agent.intake.someone_else import RELATION
from knowreply.mail.shape import unwrapped

_I = re.IGNORECASE

_ASSENT = re.compile(
    r"^\W*((ta|bueno|bien|oui|ok),? |(では|じゃあ|それでは)?それで|(では|じゃあ|それでは)[、,]\s*|"
    r"リンクを?)?"
    r"(yes|yeah|yep|yup|sure|ok|okay|confirmed|agreed|please (do|go ahead|send)|(just )?do it|"
    r"go for it|go on( then)?|proceed|procedan|proceda|[áa]ndale|est[áa] bien|(ça|cela) m'arrange|"
    r"las dos( cosas)?|los dos|"
    r"go ahead|sounds good|faites comme [çc]a|faites-le|hazlo|h[áa]ganlo|macht das so|"
    r"that('s| is| would be|'d be) (fine|great|perfect|lovely|brilliant|wonderful)|"
    r"s[íi]|dale|claro|de acuerdo|vale|oui|"
    r"d'accord|volontiers|ja|jawohl|jo|jep|jup|gerne?|passt|einverstanden|perfect|perfecto|"
    r"parfait|perfekt|both|beides|ambos|ambas|les deux|"
    r"はい|ええ|うん|お願いします|お願いいたします|ぜひ|両方|どちらも|"
    # "それで結構です" accepts; a bare "結構です" may decline ("いえ、結構です")
    r"それで(結構です|大丈夫です|構いません|問題ありません|いいです|いい|お願いします))"
    r"(?![a-zà-ÿ])",
    _I,
)
_RESERVED_WORDS = (
    r"\b(but|however|pero|sin embargo|aunque|mais|cependant|sauf|aber|jedoch|allerdings|"
    r"not yet|todav[íi]a no|pas encore|noch nicht|[àa] condition|pourvu|sous r[ée]serve|sinon|"
    r"provided|on condition|only if|otherwise|siempre (que|y cuando)|con tal|a condici[óo]n|"
    r"si no|de lo contrario|vorausgesetzt|unter der bedingung|nur wenn|sonst)\b|"
    # "ただ" (but) is no "いただき" (ご配慮いただきありがとうございます) nor "ただちに" (at once)
    r"(?<!い)ただ(?!ちに)|でも|しかし|けど|が、|条件"
)
_RESERVED = re.compile(_RESERVED_WORDS + r"|[?？]", _I)
_NEW_QUESTION_RESERVED = re.compile(
    _RESERVED_WORDS + r"|\b(wait|hold on|before (you|that|i)|first|erst|zuerst|vorher|antes|"
    r"espera|avant|d'abord|attendez)\b|待って|その前に|先に",
    _I,
)
"""A question after a yes that holds it back ("Sure. Wait, will I lose my data?")."""
_GO_AHEAD = re.compile(
    r"\b(please|pls|plz|go ahead|do it|do that|send|proceed|por favor|porfa|dale|adelante|"
    r"h[áa]ganlo|hac[ée]|env[íi]\w+|m[áa]nd\w+|allez-y|faites|envoyez|proc[ée]dez|merci de|"
    r"gerne?|bitte|machen sie|schicken sie|schickt|s'il (vous|te) pla[îi]t|svp|"
    # a yes that says the offer suits ("Yes, at the end of the period is fine")
    r"(is|that's|that is|sounds|that'?d be|would be) (fine|good|great|perfect|lovely|brilliant)|"
    r"works for (me|us)|(ça|cela) m'arrange|est[áa] bien|"
    r"both|las dos|los dos|les deux|beides|ambos|ambas|"
    r"(ça|cela) me va|c'est parfait|parfait|me parece bien|perfecto|volontiers|avec plaisir|"
    r"gladly|with pleasure|con gusto|je veux bien|i'?d (like|love) that|"
    r"that'?s what (i|we)('d| would) (like|want)|"
    r"in ordnung|einverstanden|passt|(that'?s|that is) (right|correct)|(ok|d'accord) pour|"
    r"c'est (d'accord|bon|ok)|"  # batch 32: "Oui, c'est d'accord, merci."
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
_OFFER = re.compile(
    r"\b(would you like|do you want|did you want|shall (i|we)|should (i|we)|can i|may i|"
    r"would you (rather|prefer)|do you prefer|pr[ée]f[ée]rez-vous|pr[ée]f[èe]res-tu|"
    r"would it help if|"
    r"desea(s)?|quiere(s)?|quer[ée]s|quieren|prefiere(s)?|"
    r"souhaitez-vous|voulez-vous|d[ée]sirez-vous|veux-tu|souhaites-tu|je vous propose de|"
    r"nous vous proposons de|le propongo|te propongo|les proponemos|"
    r"m[öo]chten sie|m[öo]chtest du|wollen sie|sollen wir|soll ich|d[üu]rfen wir)\b|"
    r"¿\s*(le|te|les) (env[íi]o|mando|paso|enviamos|mandamos|pasamos)\b|"
    r"(ましょうか|ご希望(です|でしょう|されます|されますでしょう|なさいます|なさいますでしょう)か|"
    r"いかがいたしますか|いかがいたしましょうか|いかがなさいますか|"
    r"よろしいですか|よろしいでしょうか)",
    _I,
)
_LINK_ASKED = re.compile(r"\b(link|url|enlace|liga|lien|v[íi]nculo)\b|リンク|URL", _I)
_LINKS: frozenset[WriteKind] = frozenset({"payment_link", "portal_link"})
_PROCEED = re.compile(
    r"\b(proceed|go ahead|do (it|that|so|both|them both)|proc[ée]d\w*|adelante|fortfahren|"
    r"so machen|veranlassen|erledigen|durchf[üu]hren|umsetzen|vornehmen)\b|進めて",
    _I,
)
"""An offer to go ahead with what the sentence before it says ("I can refund the unused
portion, £123.40 - shall I proceed?")."""
_WHAT_SHALL_WE_DO = re.compile(
    r"\bhow would you like (me|us) to proceed\b|\bwould you like (me|us) to do (that|this)\b|"
    r"\b(shall|should) (i|we)\s*[?]|\b(do you )?want (me|us) to\s*[?]|"
    r"\bwhich (one )?would you (like|prefer)\b|"
    r"\b(lo|la) hacemos\b|\bqu(e|é) prefiere(s)?\s*[?]|"
    r"\b(voulez|souhaitez)-vous que (nous le fassions|je le fasse)\b|"
    # batch 32: "¿Quieres que lo hagamos?", "Souhaitez-vous que je fasse les deux ?"
    r"\b(quieres|quiere|quieren|desea|deseas|desean) que (lo|la|los) hagamos\b|"
    r"\b(voulez|souhaitez)-vous que (je|nous) (fasse|fassions) les deux\b|"
    r"\bsollen wir das (so )?machen\b|"
    r"いかが(いた|な)(しましょう|します|さいます)か|どう(いた)?しましょうか|"
    # "…would that help?", "Ist Ihnen das recht?", "Cela vous convient-il ?"
    r"\b(would|will|does|do) (that|this|it) (help|work|suit you)\b|"
    r"\bis (that|this) (ok|okay|alright|all right|fine)( with you| for you)?\s*[?]|"
    r"\b(ist|w[äa]re) (ihnen|dir) das recht\b|\bpasst (ihnen|dir) das\b|"
    r"\b(cela|[çc]a) vous (convient|conviendrait|va)\b|\bvous convient-il\b|"
    r"\b(le|te) (parece|sirve|viene bien)\b|\b(est[áa]s?|estar[íi]a) de acuerdo\b|"
    # "…and refund this month's $29. Would you like both?"
    r"\bwould you like (them )?both\b|\b(like|want) (me|us) to do both\b",
    _I,
)
"""A bare "what shall we do?", "Want me to?", "Which would you like?" or "is that all right?":
like a go-ahead (`_PROCEED`), it offers what the sentence before it says the business can do
("本日付で解約し、今月分を返金することも可能です。いかがいたしましょうか？",
"…könnten wir Ihnen die Hälfte … zurückerstatten. Ist Ihnen das recht?"), or in the same
sentence ("I can email you a link to settle the balance — would that help?")."""
_PURPOSE = re.compile(
    r"\bso (that )?you (can|could)\b|\bpara que (pueda|puedas|usted pueda)\b|"
    r"\bpour que vous puissiez\b|\bafin (que vous puissiez|de pouvoir)\b|\bdamit (sie|du)\b",
    _I,
)
"""What an offered write is for ("a payment link so you can pay with a different card"): it
names no further write."""
_CHOICE = re.compile(
    # French "soit" is "either" twice, "that is" once ("…à la fin de la période, soit le 31 mars")
    r"\b(or|either|o|ou|oder|entweder)\b|\bsoit\b(?=.*\bsoit\b)|"
    r"または|もしくは|あるいは|それとも|どちら|いずれか|(解約|返金|払い戻し|キャンセル|リンク|停止)か",
    _I,
)
"""A choice ("cancel or refund?", "a refund or a credit?"), which a plain yes does not
settle."""
_AND = re.compile(
    r"\b(and|also|as well as|plus|y|adem[áa]s|et|ainsi que|und|sowie|au[ßs]erdem)\b|"
    r"し[、,]|して|した上で|の上で|のうえ|とともに|と(あわ|併)せて|あわせて|併せて|および|及び|ならびに|並びに|"
    r"^と",  # "今月分のご返金と、次回更新の停止": the first write's "and"
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
    r"\b(?<!not )possible\b|可能|でき(ます|る)|(手続き|対応|処理)を?(いた|致)します|承ります|"
    r"\b(nous )?(pouvons|pourrions)\b|\bje (peux|pourrais)\b|\b(podemos|podr[íi]amos)\b|"
    r"\b(k[öo]nnen|k[öo]nnten) wir\b|"
    r"\b((ich|wir) (kann|k[öo]nnen|k[öo]nnte|k[öo]nnten)|(kann|k[öo]nnte) ich)\b"
    r"(?![^.?!]*\b(nicht|kein\w*)\b)",
    _I,
)
_SENTENCE = re.compile(r"(?:[^.?!。？！\n]|(?<=\d)\.(?=[\d)]|\s[a-zäöüß]))+[.?!。？！]*")
"""A sentence; a dot between digits (£123.40), closing a date in brackets ("(31.05.)") or
before a word in lower case ("am 31.12. ausläuft") ends none."""
_LOOK_INTO_BEFORE = re.compile(
    r"\b(check|confirm|verify|see|look into|look at|track|trace|find out|investigate|chase|"
    r"follow up on|comprobar|comprobemos|verificar|verifique|revisar|revisemos|confirmar|"
    r"averiguar|rastrear|v[ée]rifier|v[ée]rifie|confirmer|suivre|regarder|pr[üu]fen|"
    r"[üu]berpr[üu]fen|nachsehen|nachschauen|nachfragen|bestätigen|nachverfolgen)\b"
    r"(?:(?!\b(and|then|y|e|et|puis|und|dann|luego)\b)[^.?!]){0,40}$|"
    r"\b(whether|if|where|when|si|ob|o[ùu]|d[óo]nde|cu[áa]ndo|wann|wo)\s+(the|your|our|this|that|"
    r"le|la|l'|votre|notre|ce|el|su|tu|nuestro|este|ese|die|der|das|ihre|unsere|diese)\s*$",
    _I,
)
_LOOK_INTO_AFTER = re.compile(r"[^。？?]{0,25}(か|かどうか)(を)?(確認|お調べ|調査|お問い合わせ)")
"""A write we offer to check on, not to make: named after "check whether", "find out where",
or before Japanese "…か確認"."""
_NOT_RENEWED = re.compile(
    r"\bno (lo |la |te |se lo |se la )?renov(emos|amos|aremos)\b|\bnot (to )?renew\b|"
    r"\bne (le |la |l')?renouvel\w* pas\b|\bnicht (mehr )?verl[äa]nger|更新しない",
    _I,
)
"""An offer not to renew ("¿quieres que no lo renovemos?"), which a customer would word as a
cancellation."""
_QUOTE_MARK = re.compile(r"^[>\s]+", re.MULTILINE)
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
"""The quote marks of a line, its blank lines kept: a paragraph of the customer's own above the
quote is not joined to it."""
_WRAPPED = re.compile(r"(?<=[^\W_]|[,%)$£€])[ \t]*\n(?=[a-z0-9$£€](?![.)]\s))")
"""A line break a mail program put inside a sentence ("I can set your membership not to renew
on" / "1 July, …"): the sentence goes on, unless the next line opens a numbered option."""
_MAX_WORDS = 20
_OPTION_MARK = re.compile(
    # "1. We credit …" / "Option 2: …" on a line of its own, "(1) …", " 2) …", "①"
    r"^[ \t]*(?:(?:option|variante|opci[óo]n|m[öo]glichkeit|solution|案)\s*)?\(?(?P<line>[1-3])"
    r"[).:：]\s|"
    # "A) add a credit …, or" / "B) refund £9.50 …" on lines of their own
    r"^[ \t]*(?:(?:option|variante|opci[óo]n|m[öo]glichkeit|solution)\s*)?\(?(?P<letter>[A-Ca-c])"
    r"\)\s|\((?P<bracket>[1-3])\)\s|(?<=\s)(?P<half>[1-3])\)\s|(?P<circled>[①②③])",
    _I | re.MULTILINE,
)
_OPTION_END = re.compile(r"(?<!\d)[.?!。？！](?=\s|$)|\n")
"""Where the last of the numbered options ends: its line or its sentence ("(2) zum 31.12.
kündigen." runs past the date)."""
_OR = re.compile(r"\b(or|oder|ou|o)\b|それとも|または|もしくは|あるいは", _I)
_CHOSEN = re.compile(
    r"(?<!\w)(?:(?P<first>first|1st|former|erste[nrs]?|erstere[nrs]?|primer[ao]?|premi[èe]re?)|(?P<second>second|2nd|zweite[nrs]?|segund[ao]|deuxi[èe]me|seconde?)|"
    r"(?P<third>third|3rd|dritte[nrs]?|tercer[ao]?|troisi[èe]me)|"
    r"(?P<last>last|latter|letztere[nrs]?|letzte[nrs]?|[úu]ltim[ao]|derni[èe]re?))(?!\w)|"
    r"(?P<former>前者)|(?P<latter>後者)|"
    r"(?:(?<!\w)(?:option|variante|m[öo]glichkeit|vorschlag|nummer|nr|no|number|n[úu]mero|"
    r"opci[óo]n|solution|proposition|choice)\W{0,2}|#|案|オプション|^\W*)"
    r"\(?(?P<digit>[1-3１-３①②③])\)?(?:\s*番目?)?(?!\d|[.,/:]\d)|"
    # a lettered option: "Option B please.", "B)"
    r"(?<!\w)(?:option|variante|opci[óo]n|m[öo]glichkeit|solution|choice)\s+\(?"
    r"(?P<letter>[A-Ca-c])\)?(?!\w)|(?-i:(?<![\w'])\(?(?P<capital>[ABC])\)?(?![\w']))",
    _I,
)
"""The option a customer takes by its place ("The second option please", "Bitte Option 2.",
"La segunda opción", "後者でお願いします")."""
_ASKS_TO_CHOOSE = re.compile(
    r"\bwhich\b|\bprefer|\brather\b|\blieber\b|\bwelche|\bbevorzug|\bentweder\b|\bcu[áa]l\b|\bprefier|"
    r"\bquel(le)?s?\b|\bpr[ée]f[ée]r|\bwhat suits\b|\bwas (ist|w[äa]re) (ihnen|dir)\b|"
    r"\b(we|i) can either\b|"
    r"どちら|いずれ|ご希望",
    _I,
)
_REASON = re.compile(
    r"^\W*(because|porque|ya que|parce que|car|weil)\b|(ので|から|ため)(です)?\W*$",
    _I,
)
"""A sentence that only says why ("6月末まではレッスン受けたいので。", "Because we moved.")."""
_NAMING_WORDS = 8
_NAMING_FILLER = re.compile(
    r"\b(just|yep|yup|sure|good|great|perfect|works|sounds|that|ones?|pls|plz|thx|cheers)\b", _I
)
"""Words beside an option named ("just the extra seat one pls") that say nothing more."""
_NAY = re.compile(r"\b(no|not|nope|never|neither|nor|don'?t|doesn'?t|instead)\b|n't\b", _I)
_DIGITS = {
    **dict.fromkeys(("1", "１", "①", "a", "A"), 1),
    **dict.fromkeys(("2", "２", "②", "b", "B"), 2),
    **dict.fromkeys(("3", "３", "③", "c", "C"), 3),
}
"""The place each mark names: digits, full-width and circled digits, letters."""
_CHOICE_FILLER = re.compile(
    r"\b(the|one|option|choice|please|pls|plz|thanks|thank|you|thx|ok|okay|yes|yeah|go|with|"
    r"i'?ll|we'?ll|take|i|we|prefer|would|like|is|fine|bitte|danke|vielen|dank|ja|die|das|den|"
    r"der|variante|m[öo]glichkeit|vorschlag|nummer|nr|nehme|nehmen|ich|wir|lieber|gerne?|passt|"
    r"s[íi]|la|el|opci[óo]n|alternativa|por|favor|gracias|prefiero|preferimos|me|quedo|con|"
    r"n[úu]mero|oui|le|solution|proposition|merci|svp|je|prends|on|prend|pr[ée]f[èe]re|s'il|"
    r"vous|pla[îi]t|number|no)\b|"
    r"はい|お願い(します|いたします|致します)|ください|下さい|希望します|にします|がいいです|が良いです|"
    r"で|を|が|に|[\W_]+",
    _I,
)
"""The words beside a chosen option that say nothing more ("I'll take the second one,
thanks", "Bitte Option 2", "2番目でお願いします")."""


class Accepted(NamedTuple):
    """The writes a customer's short answer accepts, with the offer's words."""

    kinds: tuple[WriteKind, ...]
    """In the order the offer names them."""
    words: str
    """The offer's words, which size an accepted refund ("…the unused 12 days (1,234円)…")."""


NO_OFFER = Accepted((), "")


def accepted_offer(own_words: str, thread: str) -> Accepted:
    """The writes the customer's answer accepts from the offer in `thread`, else none: a
    plain yes (or one followed by questions of the customer's own) accepts what the offer
    names, and an option named by its place or by its write ("返金で。" under "ご返金、または
    クーポンでの補填のどちらをご希望ですか？") the writes that option names; reasons after the
    answer ("6月末まではレッスン受けたいので。") hold nothing back. An answer that names
    another person ("Yes, for my mother's account") is theirs, not the customer's."""
    said = _said(own_words)
    if RELATION.search(said):
        return NO_OFFER
    answer = _without_reasons(said)
    if is_a_plain_yes(answer) or _a_yes_then_questions(said):
        offers = _offers(thread)
        offered = _offered(offers)
        if offered:
            return Accepted(offered, "\n".join(text for _, text in offers))
    place = _chosen_place(answer)
    option = _option(thread, place) if place is not None else _option_named(answer, thread)
    if option is None:
        return NO_OFFER
    kinds = _kinds(option)
    if not kinds or (len(kinds) > 1 and not _joined(kinds, option)):
        return NO_OFFER
    return Accepted(_in_order(kinds, option), option)


def offered_read(own_words: str, thread: str) -> str:
    """Our one offer in `thread`, when it names no write and the customer's answer is a plain
    yes to it ("Yes pls" under "Would you like me to send you a copy of the latest
    invoice?"): its words, for the intent model to read what was offered; else "". A thread
    that also offers a write gives none: that yes is `accepted_offer`'s to read."""
    said = _said(own_words)
    if RELATION.search(said) or not is_a_plain_yes(said) or _offers(thread):
        return ""
    text = _quoted_text(thread)
    questions = [s.strip() for s in _SENTENCE.findall(text) if _OFFER.search(s)]
    return questions[0] if len(questions) == 1 else ""


def _a_yes_then_questions(said: str) -> bool:
    """A plain yes followed only by short questions of the customer's own that name no write
    and hold no "but" ("Yes, do it. Also when is my last day of access?")."""
    sentences = [s.strip() for s in _SENTENCE.findall(said) if s.strip()]
    if len(sentences) < 2 or not is_a_plain_yes(sentences[0]):
        return False
    rest = sentences[1:]
    return (
        len(" ".join(rest).split()) <= _MAX_WORDS
        and all(s.endswith(("?", "？")) for s in rest)
        and not any(_NEW_QUESTION_RESERVED.search(s) or _kinds(s) for s in rest)
    )


def _without_reasons(said: str) -> str:
    """The answer without the reasons that follow it ("2番目でお願いします。6月末まではレッスン
    受けたいので。", "Yes please. Because we no longer use it."): sentences that only say why,
    name no write and hold nothing back; else the whole answer."""
    sentences: list[str] = [s.strip() for s in _SENTENCE.findall(said) if s.strip()]
    if len(sentences) < 2:
        return said
    rest = sentences[1:]
    if (
        len(" ".join(rest).split()) <= _MAX_WORDS
        and all(_REASON.search(s) for s in rest)
        and not any(_NEW_QUESTION_RESERVED.search(s) or _kinds(s) for s in rest)
    ):
        return sentences[0]
    return said


def _option_named(answer: str, thread: str) -> str | None:
    """The option a short answer takes by naming it: by the one write it names, else by its
    words."""
    return _option_by_its_write(answer, thread) or _option_by_its_words(answer, thread)


def _option_by_its_write(answer: str, thread: str) -> str | None:
    """The one option of the thread's choice that names the write a bare answer names
    ("返金で。", "The refund."), else None."""
    kinds = _kinds(answer)
    if len(answer.split()) > _BARE_WORDS or len(kinds) != 1:
        return None
    (kind,) = kinds
    if _CHOICE_FILLER.sub("", MENTIONS[kind].pattern.sub("", answer)).strip():
        return None
    options = _numbered_options(thread) or _options_of_a_choice(thread)
    named = [option for option in options if kind in _kinds(option)]
    return named[0] if len(named) == 1 else None


def _chosen_place(said: str) -> int | None:
    """The place of the option a short answer takes (1, 2, 3; -1 for the last), else None."""
    if not said or len(said.split()) > 8:
        return None
    found = list(_CHOSEN.finditer(said))
    if len(found) != 1:
        return None
    rest = f"{said[: found[0].start()]} {said[found[0].end() :]}"
    if _CHOICE_FILLER.sub("", rest).strip():
        return None
    chosen = found[0]
    mark = chosen["digit"] or chosen["letter"] or chosen["capital"]
    if mark:
        return _DIGITS[mark]
    return next(
        place
        for name, place in (
            ("first", 1),
            ("former", 1),
            ("second", 2),
            ("third", 3),
            ("last", -1),
            ("latter", -1),
        )
        if chosen[name]
    )


def _option_by_its_words(said: str, thread: str) -> str | None:
    """The option a short answer takes by naming it ("yep refund is fine", "just the extra seat
    one pls", "Yes please, link is fine." under "Would you like a payment link, or would you
    prefer our bank details?"; "yes the link, thanks" under a single offer): every word it
    says beyond a yes and thanks is in that option's words and in no other's. Not an answer
    that holds back or says no ("not the link", "the refund, but…")."""
    if not said or len(said.split()) > _NAMING_WORDS or _RESERVED.search(said):
        return None
    if _NAY.search(said):
        return None
    named = _words(_NAMING_FILLER.sub(" ", _CHOICE_FILLER.sub(" ", said)))
    if not named:
        return None
    options = _numbered_options(thread) or _options_of_a_choice(thread)
    if not options:
        offers = _offers(thread)
        options = [offers[0][1]] if len(offers) == 1 else []
    taken = [option for option in options if named <= _words(option)]
    if len(taken) != 1 or any(named & _words(o) for o in options if o is not taken[0]):
        return None
    return taken[0]


def _words(text: str) -> set[str]:
    """The words of `text`, lower-cased, a plural's "s" dropped."""
    return {re.sub(r"(?<=\w\w)s$", "", word.lower()) for word in re.findall(r"[^\W\d_]+", text)}


def _option(thread: str, place: int) -> str | None:
    """The words of the option at `place` among those the thread offers: numbered ones ("(1)
    … or (2) …", "1. …" lines), else the parts of an offer split by its "or"."""
    options = _numbered_options(thread) or _options_of_a_choice(thread)
    if len(options) < 2 or place > len(options):
        return None
    return options[place - 1] if place > 0 else options[-1]


def _numbered_options(thread: str) -> list[str]:
    """The texts of options numbered 1, 2 (and 3) in order, in a thread that asks the customer
    to choose ("Which would you prefer?", "welche Variante Sie bevorzugen"), else none."""
    text = _QUOTE_MARK.sub("", thread)
    if not (_ASKS_TO_CHOOSE.search(text) or _OFFER.search(text)):
        return []
    marks = [(_DIGITS[next(g for g in m.groups() if g)], m) for m in _OPTION_MARK.finditer(text)]
    starts = [i for i, (number, _) in enumerate(marks) if number == 1]
    for first in starts:
        chosen = [marks[first]]
        for number, mark in marks[first + 1 :]:
            if number == len(chosen) + 1:
                chosen.append((number, mark))
        if len(chosen) >= 2:
            texts = [
                text[mark.end() : following.start()]
                for (_, mark), (_, following) in pairwise(chosen)
            ]
            last = text[chosen[-1][1].end() :]
            end = _OPTION_END.search(last)
            return [*texts, last[: end.end() if end else len(last)]]
    return []


def _options_of_a_choice(thread: str) -> list[str]:
    """The parts of the first offer that gives a choice, split by its "or"."""
    for _, text in _offers(thread):
        if not _CHOICE.search(text):
            continue
        parts = [part for part in _OR.split(text) if part and not _OR.fullmatch(part)]
        if len(parts) >= 2:
            return parts
    return []


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
        for index, line in enumerate(lines)
        if not (
            SIGN_OFF.match(line)
            or _GREETING.match(line)
            or NAME_LINE.match(line)
            or (index and FIRST_NAME.match(line))
        )
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
    return _offered(_offers(thread))


def _offered(offers: list[tuple[set[WriteKind], str]]) -> tuple[WriteKind, ...]:
    """`offered_writes` of the offers found in a thread."""
    offered = {kind for kinds, _ in offers for kind in kinds}
    if any(_CHOICE.search(text) for _, text in offers):
        return ()
    if len(offered) == 1:
        return (offered.pop(),)
    together = [text for kinds, text in offers if kinds == offered and _joined(kinds, text)]
    return _in_order(offered, together[0]) if together else ()


def _in_order(kinds: set[WriteKind], text: str) -> tuple[WriteKind, ...]:
    """`kinds` in the order `text` names them."""
    return tuple(sorted(kinds, key=lambda kind: _named_at(kind, text)[0]))


def _joined(kinds: set[WriteKind], text: str) -> bool:
    """Whether `text` names `kinds` one after another, each joined to the next by an "and"."""
    spans = sorted(_named_at(kind, text) for kind in kinds)
    return not _AVOIDING.search(text) and all(
        _AND.search(text[end:start]) for (_, end), (start, _) in pairwise(spans)
    )


def _offers(thread: str) -> list[tuple[set[WriteKind], str]]:
    """Each offer in `thread` that names a write: the writes, and the words that name them."""
    text = _quoted_text(thread)
    sentences = [s.strip() for s in _SENTENCE.findall(text)]
    found: list[tuple[set[WriteKind], str]] = []
    for index, sentence in enumerate(sentences):
        before = _sentence_before(sentences, index)
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
        elif _CAN.search(sentence) and _CHOICE.search(sentence):
            named = _kinds(sentence)  # "I can refund your last payment, or move your booking"
        if named:
            found.append((named, text))
    return found


def _sentence_before(sentences: list[str], index: int) -> str:
    """The sentence an offer looks back to: the one before it, or the one before that when
    the nearer one only adds a detail (batch 32: "…podemos cancelar tu suscripción…. Seguirás
    teniendo acceso hasta esa fecha. ¿Quieres que lo hagamos?")."""
    nearer = sentences[index - 1] if index else ""
    if index >= 2 and not _kinds(nearer) and not _CAN.search(nearer):
        return sentences[index - 2]
    return nearer


def _quoted_text(thread: str) -> str:
    """The thread without quote marks, its cut lines joined ("…プランの解約を" / "承りましょう
    か？")."""
    return _WRAPPED.sub(" ", unwrapped(_QUOTE_MARKS.sub("", thread)))


def _named_at(kind: WriteKind, text: str) -> tuple[int, int]:
    """Where `text` first names `kind`: its start and end."""
    found = MENTIONS[kind].search(text) or (
        _NOT_RENEWED.search(text) if kind == "cancellation" else None
    )
    return found.span() if found else (len(text), len(text))


def _kinds(sentence: str) -> set[WriteKind]:
    sentence = _PURPOSE.split(sentence, maxsplit=1)[0]
    kinds = {
        kind
        for kind, mention in MENTIONS.items()
        if any(not _only_looked_into(sentence, m) for m in mention.finditer(sentence))
    }
    return kinds | {"cancellation"} if _NOT_RENEWED.search(sentence) else kinds


def _only_looked_into(sentence: str, mention: re.Match[str]) -> bool:
    """The write is what we offer to look into, not to do ("Would you like me to check whether
    the refund we sent has reached your card?", "返金が反映されているか確認いたしましょうか")."""
    before, after = sentence[: mention.start()], sentence[mention.end() :]
    return bool(_LOOK_INTO_BEFORE.search(before) or _LOOK_INTO_AFTER.match(after))
