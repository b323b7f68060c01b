"""Whether a text reads as an automatic absence notice ("I am out of the office until…").

An out-of-office answer that carries none of the headers `screen` reads (RFC 3834, vendor
headers, Exchange's hint) must still never be answered as a customer's question. A notice is
told by the writer's own words (quoted and forwarded mail cut off first: a bank's "this is an
automated message" forwarded under a question is no notice), in the five languages the agent
reads: a text that calls itself automatic ("This is an automated reply", "Ceci est une réponse
automatique", 本メールは自動返信です), or the writer's absence together with what happens to
their mail meanwhile ("on leave … will reply on my return", "en congés … à mon retour").
Absence alone is no notice: customers write "I was on holiday and never used it, refund me"
or "my colleague is on leave, can you…", and those are read as they ask.
"""

from __future__ import annotations

import re

from knowreply.mail.quotes import own_words

_CALLS_ITSELF_AUTOMATIC = re.compile(
    r"^\W*(automatic reply|auto-?reply|out of (the )?office|abwesenheitsnotiz|"
    r"automatische antwort|r[ée]ponse automatique|respuesta autom[áa]tica|自動(返信|応答))\s*[:：]|"
    r"^\W*[【\[(（]自動(返信|応答)(メール)?[】\])）]|"
    r"\bthis is an? (automatic|automated|auto-generated) (reply|response|message|e-?mail)\b|"
    r"\bthis (mailbox|inbox|address) is (not|no longer) (being )?monitored\b|"
    r"\bceci est (une r[ée]ponse|un message) automatique\b|"
    r"\b(esta es|este es) (una respuesta|un mensaje|un correo) autom[áa]tic[oa]\b|"
    r"\bdies ist eine automatische (antwort|nachricht|e-?mail)\b|"
    r"(本|この)メールは自動(返信|応答|送信|配信)|自動(返信|応答)(メール)?です",
    re.IGNORECASE,
)
"""A notice that says what it is. A customer's "I only got your automatic reply" does not."""
_AWAY = re.compile(
    r"\b(i am|i'm|i will be|i'll be|we are|we're|(our|the)( \w+)? offices? (is|are|will be))"
    r"( currently| now)?"
    r" (away|out|off|closed|travel+ing|on (annual |parental |sick |maternity |paternity )?"
    r"(leave|vacation|holidays?))\b|"
    r"\b(estoy|estar[ée]|estamos|estaremos|me encuentro|nos encontramos)( actualmente)? "
    r"(de vacaciones|ausentes?|de viaje|de baja|fuera)\b|"
    r"\b(je suis|je serai|nous sommes|nous serons)( actuellement| pr[ée]sentement)? "
    r"(absente?s?|en cong[ée]s?|en d[ée]placement|en vacances)\b|"
    r"\b(ich bin|ich befinde mich|wir sind)\b.{0,40}"
    r"(abwesend|im urlaub|auf urlaub|in den ferien|auf reisen|au[ßs]er haus|nicht erreichbar|"
    r"nicht im b[üu]ro)|"
    r"不在にして(おり|います)|休暇を(いただ|頂)いて|(ただいま|ただ今|只今|現在)(出張|休暇|不在)中|"
    r"出張のため|休業を取得",
    re.IGNORECASE,
)
"""The writer says they (or their office) are away now or for a time."""
_MAIL_MEANWHILE = re.compile(
    r"\b(limited|no) access to (my )?(e-?)?mails?\b|\bin my absence\b|"
    r"\b(reply|respond|answer|get back to you|read (your|my) (e-?mails?|messages?))\b.{0,40}"
    r"\b(return|back)\b|\bfor (anything|any matters?|urgent|immediate)\b|"
    r"\b(won't|will not|not) be (checking|reading)\b|\bnot checking\b|"
    r"\bwill not be forwarded\b|"
    r"\b(e-?mails?|messages?|this (mailbox|inbox)) (will|are) not (be )?(being )?(monitored|read|"
    r"checked|answered)\b|"
    r"\b(en|durante) mi ausencia\b|\b(sin|con) acceso (limitado )?al (correo|email)\b|"
    r"\b(asuntos|temas|casos) urgentes\b|\b(responder[ée]|contestar[ée]|leer[ée])\b|"
    r"\ben mon absence\b|\bpour toute (urgence|demande urgente)\b|\ben cas d'urgence\b|"
    r"\bacc[èe]s limit[ée]\b|\bsans acc[èe]s\b|\bje (vous )?(r[ée]pondrai|lirai)\b|"
    r"\bin (dringenden|eiligen) f[äa]llen\b|\b(in|w[äa]hrend) meiner abwesenheit\b|"
    r"\bin dieser zeit\b|\bnicht weitergeleitet\b|\bwieder (f[üu]r sie )?erreichbar\b|"
    r"\beingeschr[äa]nkt\w*\b|\b(werde|beantworte|bearbeite) ich .{0,40}(beantworten|bearbeiten)\b|"
    r"\bvertritt mich\b|"
    r"(戻り次第|帰社後|復帰後|順次)(対応|返信|確認|ご連絡|ご返信)|お急ぎの(方|場合|ご用件|際)|"
    r"確認が遅れ|返信が遅れ|(この間|期間中)の(お問い合わせ|ご連絡)",
    re.IGNORECASE,
)
"""What happens to the writer's mail while they are away."""


def reads_as_absence_notice(text: str) -> bool:
    """Whether the writer's own words in `text` are an automatic absence notice."""
    own = " ".join(own_words(text).split())  # a phrase cut across lines is one phrase
    return bool(
        _CALLS_ITSELF_AUTOMATIC.search(own) or (_AWAY.search(own) and _MAIL_MEANWHILE.search(own))
    )
