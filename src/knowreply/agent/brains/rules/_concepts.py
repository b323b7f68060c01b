"""A small multilingual lexicon: words that mean the same thing in billing mail, mapped to a
shared token the intent model reads beside the words themselves.

This is vocabulary, not intent rules: it says that "reimburse", "返金" and "Rückerstattung"
are one idea, and the model learns from the corpus what the idea means for the intent.
So a phrasing taught in one language helps the others, and a synonym helps its family.
"""

from __future__ import annotations

import re
import unicodedata

_CONCEPTS: dict[str, str] = {
    "moneyback": r"refund|reimburs|money back|credit (it )?back|send (it |the money )?back|"
    r"give (me )?back|return (the|my) (money|payment)|reverse|返金|払い戻|払戻|返して|"
    r"reembols|devol|rembours|rendre|erstatt|zurück(zahl|geb|buch|überweis)|gutschrift",
    "stop": r"cancel|stop|terminat|discontinu|\bquit\b|unsubscrib|\bend (my|our|the|this|it)\b|"
    r"\bhalt\b|not (renew|continu)|do not renew|解約|退会|キャンセル|停止|止め|やめ|cancelar|"
    r"\bbaja\b|anular|annul|résili|arrêt|kündig|beend|stornier|abbestell|"
    r"no (me |nos |la |lo |le )?renuev|no (quiero |deseo )?renovar|dej\w+ de renovar|"
    r"ne (pas |plus )?(le |la |l')?renouvel|ne renouvelez|nicht (mehr )?(automatisch )?verläng|"
    r"verläng\w*( \w+){1,6} nicht|更新しない",
    "renew": r"renew|renewal|expire|expiry|auto[- ]?renew|更新|renova|renouvel|verläng",
    "plan": r"subscri|\bplan\b|membership|trial|licen[cs]e|tier|\bpro\b|premium|サブスク|プラン|"
    r"契約|会員|トライアル|suscrip|abonnement|\babo\b|mitgliedschaft|testphase|essai|prueba",
    "invoice": r"invoice|invoce|receipt|recipt|\bbill\b|请求|請求書|領収書|インボイス|factura|"
    r"recibo|facture|reçu|rechnung|quittung|beleg",
    "card": r"\bcard\b|payment (method|details|info)|billing (details|address|info)|カード|"
    r"支払い方法|tarjeta|carte|\bkarte\b|zahlungsmethode|kreditkarte|datos de facturaci|"
    r"forma de pago|método de pago|informations de facturation|moyen de paiement|"
    r"mode de paiement|coordonnées bancaires|rechnungsdaten|rechnungsadresse|zahlungsart|"
    r"請求先|宛名",
    "link": r"\blink\b|\burl\b|\bpage\b|portal|リンク|ポータル|enlace|\blien\b|portail|"
    r"espace client|kundenportal|\bzugang\b|\bacceso\b|画面",
    "pay": r"\bpay\b|\bpaying\b|settle|支払いたい|払いたい|pagar|payer|régler|bezahlen|begleichen",
    "status": r"go(ne)? thr(ough|u)|went thr(ough|u)|succe|fail|declin|reject|refus|bounc|"
    r"pending|processing|receiv|arriv|confirm|通ら|失敗|完了|反映|届|rechaz|fallid|échou|refusé|"
    r"fehlgeschlagen|abgelehnt|angekommen|erhalten",
    "unknown": r"recogni[sz]|what (is|was|'s) (this|that|the)|what for|for what|unknown|"
    r"unfamiliar|mysterious|strange|weird|never (bought|ordered|authori)|身に覚え|心当たり|何の|"
    r"reconozco|qué es|no sé|reconnais|c'est quoi|erkenne|was ist|unbekannt",
    "history": r"history|all (my |the |our )?(payments|charges|transactions)|so far|in total|"
    r"\btotal\b|list|overview|statement|every (charge|payment)|履歴|これまで|合計|historial|"
    r"historique|verlauf|übersicht|insgesamt|estado de cuenta|\b(pagos|importes|paiements|"
    r"prélèvements|zahlungen|abbuchungen)\b|何回|今まで|これまで",
    "negation": r"\bnot\b|n't|\bno\b|never|without|ない|ません|不要|\bno\b|\bnunca\b|\bpas\b|"
    r"\bnicht\b|\bkein",
    "past": r"already|earlier|last (week|month)|did you|was i|were we|has (it|my)|"
    r"i (asked|cancelled|canceled|requested)|済み|すでに|もう|ya\b|déjà|bereits|schon",
    "hypothetical": r"\bif\b|would i|what happens|policy|hypothetical|might|maybe|もし|場合|"
    r"\bsi\b|\bfalls\b|\bwenn\b",
    "marketing": r"newsletter|marketing|mailing list|promotional|メルマガ|メールマガジン|配信|"
    r"boletín|publicidad|publicité|werbung",
    "code": r"\bcode\b|\botp\b|passcode|\bpin\b|verification|コード|認証|código|vérification|"
    r"bestätigungs",
}
WRITE_CONCEPTS = frozenset({"moneyback", "stop", "pay", "link", "card"})
"""Concepts a write is asked with; each occurrence is read as asked, done or doubted."""

_DONE_AFTER = re.compile(
    r"^(ed|led|d|ped|s|os|ements|ungen|et|visteis|vió|ido)\b|"
    r"^\s+(you |we )?(did|made|issued|sent)\b|"
    r"^\w{0,3}(した(?!い)|された|されて|して(もらっ|いただい)た|して(もらい|いただき)まし|済|ずみ|"
    r"はず)|^(é|ée|és|ado|ada|ó)\b",
    re.IGNORECASE,
)
_DONE_BEFORE = re.compile(
    r"\bge$|\b(have|has|had|was|were|been|already|got|did (i|we|you)|tried to|asked (you )?to|"
    r"(received|got|get|see|seen) (the|my|a|any)|(was|is) (a|the)|"
    r"where('s| is| are)( my| the| our)?|status of( my| the| our)?)\s+$",
    re.IGNORECASE,
)
_DOUBT_BEFORE = re.compile(
    r"\b(not|don'?t|doesn'?t|didn'?t|won'?t|haven'?t|hasn'?t|never|no need to|if|whether|"
    r"would|could i|before i|"
    r"policy|forget about|instead of|rather than|ne|pas|rien|nicht|nichts|kein\w*|wenn|falls|"
    r"no|si|sin)\b[^,;.!?\n]{0,25}$|\b(if|si|wenn|falls)\b[^.;!?\n]{0,40}$|"
    r"(もし|仮に)[^、。！？\n]{0,15}$",
    re.IGNORECASE,
)
_DOUBT_AFTER = re.compile(
    r"^[^、。!?！？\n]{0,12}?(しないで|しません|しない|じゃなく|ではなく|ではありません|"
    r"たら|すると|すれば|の話|かどうか|迷|つもりはな|不要|結構|取り消|policy|fee|request)",
    re.IGNORECASE,
)


def without_accents(text: str) -> str:
    """`text` with the accents of Latin letters dropped ("résilier", "zurück": "resilier",
    "zuruck"), one character for one so that offsets still match; other scripts are kept."""
    return "".join(_unaccented(ch) for ch in text)


def _unaccented(ch: str) -> str:
    if ch < "\u00c0" or ch > "\u024f":
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if len(decomposed) > 1 else ch


_PATTERNS = tuple(
    (name, re.compile(without_accents(p), re.IGNORECASE)) for name, p in _CONCEPTS.items()
)


def _reading_of(name: str, text: str, match: re.Match[str]) -> str:
    if name not in WRITE_CONCEPTS:
        return name
    before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() :]
    if _DONE_AFTER.match(after[:12]) or _DONE_BEFORE.search(before[-12:]):
        return f"{name}done"
    if _DOUBT_BEFORE.search(before) or _DOUBT_AFTER.match(after[:24]):
        return f"{name}doubted"
    return name


def concept_tokens(text: str) -> str:
    """The concept tokens the text contains, once per occurrence; a write concept is
    `_refund_`-like when asked, `…done_` when said of the past, `…doubted_` when negated
    or hypothetical ("don't cancel", "if I cancel", "解約はしないで"). A concept is found with
    or without its accents ("resilier", "kundigen"); how it is read, with them."""
    plain = without_accents(text)
    return "".join(
        f" _{_reading_of(name, text, match)}_ "
        for name, pattern in _PATTERNS
        for match in pattern.finditer(plain)
    )
