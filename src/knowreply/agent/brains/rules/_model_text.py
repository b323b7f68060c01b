"""What the intent model reads of an email: its words, and tokens for what the rules found.

The entities (`_amount_`, `_month_`…), the concepts of the multilingual lexicon
(`_moneyback_`, `_stop_`…, `_concepts`), the writes the customer's own words explicitly
ask for (`_asks_refund_`…, `intake.requests`, the check the agent gates every write by), and
the words of the sentences that ask (`asking_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from knowreply.agent.brains.rules._amounts import find_amounts
from knowreply.agent.brains.rules._calendar import find_dates, find_months
from knowreply.agent.brains.rules._concepts import concept_tokens, without_accents
from knowreply.agent.brains.rules._references import find_invoice_numbers
from knowreply.agent.intake import requests as check
from knowreply.agent.intake.codes import find_codes
from knowreply.agent.intake.language import detect_language

MODEL_CHARS = 2_000
"""The model reads the start of the request, each line once: customers ask first, and a long
tail of pasted or repeated text would drown the question in its words."""
_URL = re.compile(r"https?://\S+")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_STRIPE_ID = re.compile(r"\b(ch|py|pi|in|sub)_[A-Za-z0-9]{6,}")
_DIGIT = re.compile(r"\d")
_ANCHOR = date(2026, 1, 1)
"""Only whether a date or month is named matters to the model, not which."""
_ASKING = re.compile(
    r"[?？]|\b(please|pls|plz|kindly|can (you|u|i|we)|could (you|u|i|we)|would you|i need|"
    r"i want|i'd like|i would like|send me|let me know|tell me|por favor|pueden?|podr[ií]an?|"
    r"quisiera|quiero|necesito|me gustar[ií]a|merci de|pouvez|pourriez|pourrais|je voudrais|"
    r"je veux|j'aimerais|bitte|k[öo]nnen sie|k[öo]nntet?|ich m[öo]chte|ich will|ich brauche|"
    r"h[äa]tte gern)\b|ください|下さい|お願い|おねがい|頂け|いただけ|ほしい|欲しい|たいです|たい。|"
    r"ますか|ですか|でしょうか|かな",
    re.IGNORECASE,
)
"""A sentence that asks: a question, a request, a wish."""
_ASKING_WORD = re.compile(r"[\u4e00-\u9fff\u3005]+|[\u30a0-\u30ff]+|\b[^\W\d_]{2,}\b")


def model_text(reading: str, asked: Iterable[str] = ()) -> str:
    """What the model reads: the words as the request check mends them (typos of the billing
    words, romaji, kana and wrong kanji: `words_as_meant`), lower case without accents (people
    drop them: "resilier", "kundigen"), links and ids as placeholders, every digit a 0, then the
    entities, the concepts and the `asked` writes (`intake.requests` kinds)."""
    start = "\n".join(dict.fromkeys(check.words_as_meant(reading[:MODEL_CHARS]).splitlines()))
    text = _ADDRESS.sub(" address ", _URL.sub(" link ", start))
    marks = entity_tokens(text) + "".join(f" _asks_{kind}_ " for kind in sorted(asked))
    text = _STRIPE_ID.sub(lambda m: f" {m.group(1)}id ", text)
    words = _DIGIT.sub("0", without_accents(text.lower()))
    return words + "\n" + marks + concept_tokens(text) + " " + asking_words(start)


def asking_words(text: str) -> str:
    """The words of the sentences that ask, each marked with a `q` (`qrefund`, `q請求書`): the
    story around an ask ("my colleague cancelled last year", "the refund arrived") names the
    same words as the ask itself, and the model learns which of them were asked (dev/, fitted on
    batches 1 to 28 and read on 29 to 32: 92.70 -> 93.12 %)."""
    asking = (s for s in check.split_sentences(text) if _ASKING.search(s))
    marked = (word for s in asking for word in _ASKING_WORD.findall(without_accents(s.lower())))
    return " ".join(f"q{word}" for word in marked)


def entity_tokens(text: str) -> str:
    """One token per kind of entity the rules find: the model learns what they imply."""
    kinds = []
    if find_invoice_numbers(text):
        kinds.append("_invoicenumber_")
    dates = find_dates(text, _ANCHOR)
    if dates:
        kinds.append("_date_")
    if find_months(text, _ANCHOR, dates=dates):
        kinds.append("_month_")
    amounts = find_amounts(text, language=detect_language(text))
    if amounts:
        kinds.append("_amount_")
    if len(amounts) >= 2:
        kinds.append("_amounts_")
    if find_codes(text):
        kinds.append("_sixdigits_")
    return " ".join(kinds) + " "
