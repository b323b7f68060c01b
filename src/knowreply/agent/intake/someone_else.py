"""A refund or cancellation asked for someone else's account: never the writer's request.

The agent finds the customer by the sender's address, so "my mother can't write emails, please
cancel her plan" would cancel the writer's own plan, or a stranger's if the mother's account
were found. Such an email is not an explicit request for money to move: a person reads it,
checks who holds the account and who may act for them.

It takes two things: a relative, friend, colleague, employee, tenant, client or former partner
named anywhere in the customer's words, and the write asked for that person's account in the
sentence itself ("cancel her plan", "stop his subscription", "refund it for him",
"le rembourser lui", "¿le pueden devolver…?", "ihr Abo kündigen", 母のアカウントを解約して
あげたい), or the whole email written on their behalf ("on behalf of my father", 代わりに連絡)
or about a relative who died. A writer who keeps another business's books asks any write
for that business.
A write on his or her account is someone else's even with nobody's relation named ("Carlos
left the team, please cancel his licence"), and so is any money asked under a subject that names
another person's account ("Abo meiner Mitbewohnerin") or for a plan set up under another
person's login. A relative named beside the writer's own account ("my wife paid with her card,
please refund my plan", "stop the renewal on our account … (mom of Maya, 9)") does not make the
request someone else's.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from knowreply.agent.intake.request_phrases import MENTIONS, WriteKind

_I = re.IGNORECASE

_KIN = (
    r"(mother|mom|mum|father|dad|parents?|husband|wife|spouse|partner|(?<=my )son|(?<=our )son|"
    r"(?<=old )son|(?<=year-old )son|(?<=teenage )son|(?<=little )son|(?<=eldest )son|"
    r"(?<=youngest )son|(?<=our )customers?|(?<=my )customers?|"
    # the writer's own customers: "One of our divers … Please refund her."
    r"(?<=our )(guests?|divers?|students?|participants?|riders?|passengers?|attendees?|buyers?)|"
    r"(?<=my )(guests?|divers?|students?|participants?|riders?|passengers?|attendees?|buyers?)|"
    r"(guests?|customers?|clients?|divers?|students?|participants?|riders?|passengers?|"
    r"attendees?|buyers?)(?= of (mine|ours)\b)|"
    r"daughter|brother|"
    r"sister|grand(mother|ma|father|pa|parents?)|friend|girlfriend|boyfriend|colleague|"
    r"co-?worker|boss|neighbou?r|uncle|aunt|cousin|niece|nephew|fianc[ée]e?|roommate|flatmate|"
    r"buddy|(?<=my )mate|grand(son|daughter|kids?|children)|"
    r"\w+-in-law|"
    r"madre|mam[áa]|padres?|pap[áa]|marido|espos[oa]|mujer|pareja|hij[oa]|herman[oa]|"
    r"abuel[oa]|amig[oa]|novi[oa]|compañer[oa]|colega|jefe|vecin[oa]|t[íi][oa]|"
    r"suegr[oa]|cuñad[oa]|sobrin[oa]|niet[oa]|(?<=mi )prim[oa]|"
    r"m[èe]re|maman|p[èe]re|papa|mari|[ée]poux|[ée]pouse|conjointe?|compagne|compagnon|fils|"
    r"fille|fr[èe]re|s(œ|oe)ur|grand-(m[èe]re|p[èe]re)|amie?|copine?|copain|coll[èe]gue|"
    r"voisine?|oncle|tante|cousine?|belle-\w+|beau-\w+|neveu|ni[èe]ce|petite?-(fils|fille)|"
    r"potes?|"
    r"mutter|mama|vater|eltern|ehemann|ehefrau|mann|frau|sohn|tochter|bruder|schwester|oma|opa|"
    r"gro[ßs](mutter|vater|eltern)|freund(in)?|kolleg(e|in)|chef(in)?|nachbar(in)?|onkel|"
    r"schwieger\w+|schw[äa]ger(in)?|enkel(in)?|neffe|nichte|kumpel|bekannte[rn]?|"
    r"gast|g[äa]ste[n]?|(kurs)?teilnehmer(in|innen)?|"
    # German genitives: "die Buchhaltung meines Bruders"
    r"bruders|vaters|sohn(e)?s|mannes|freundes|kollegen|chefs|nachbarn|onkels|enkels|"
    # people the writer employs, lets to or works for, and former partners
    r"employees?|staff|supervisors?|contractors?|tenants?|subtenants?|lodgers?|clients?|"
    r"emplead[oa]s?|inquilin[oa]s?|clientes?|employ[ée]e?s?|salari[ée]e?s?|locataires?|"
    r"patients?|pacientes?|patient(e|in|en)?|"
    r"sous-locataires?|mitarbeiter(in)?|angestellte[rn]?|(unter)?mieter(in)?|mandant(in|en)?|"
    r"ex(-\w+)?|trabajador(a|es)?|colaborador(a|es|as)?|jef[ae]s?|mitbewohner(in)?|"
    r"colocataires?|colocs?|chum|"
    r"(?<=unser )mitglied|(?<=unsere )mitglieder|(?<=our )members?|(?<=notre )membre|"
    # another company of the writer's group: "Our subsidiary Lindqvist Retail was charged"
    r"(?<=our )(subsidiar(y|ies)|sister compan(y|ies)|affiliates?)|"
    r"(?<=nos )membres|(?<=notre )adh[ée]rente?|(?<=nuestr[oa] )soci[oa])"
)
_KIN_JA = (
    r"(母|父|(?<!丈)夫|妻|主人|旦那|嫁|家内|息子|娘|兄|弟|姉|妹|祖母|祖父|友達|友人|彼氏|彼女|同僚|上司|"
    r"両親|親|義母|義父|おばあちゃん|おじいちゃん|顧問先|入居者|従業員|元夫|元妻|ご利用者|利用者様|退職者|"
    r"退職した|後輩|先輩|部下|知人|知り合い|同居人|奥様|社員|取引先|テナント|共同経営者|"
    r"元カレ|元カノ|元彼|元旦那|元嫁|顧客(?!番号|ID|コード|管理|情報|データ|リスト)|"
    r"クライアント(?!番号|ID|コード|管理)|(うち|弊社|当社|当店|私)の(お客様|お客さん|生徒さん)|"
    r"購入者(さん|様|の方))"
)
_FAMILY = (
    r"(mother|mom|mum|father|dad|husband|wife|son|daughter|brother|sister|grandmother|grandma|"
    r"grandfather|grandpa|friend|girlfriend|boyfriend|boss|colleague)"
)
"""Kin whose account a second-language writer names without the possessive ("please cancel my
mother subscription"); not customers, clients or members, whose "customer account" is the
writer's own."""
RELATION = re.compile(
    rf"\b{_KIN}\b|{_KIN_JA}|(?-i:\b(Herr|Frau|Mr|Mrs|Ms|Mme|M\.|Sr\.|Sra\.|Dr\.?) [A-Z]\w+)", _I
)
"""Someone the writer may act for, or a person named with a title ("Herr Petrović"); alone it
proves nothing ("Sehr geehrte Frau Weber", "my
wife paid with her card"), only beside the signs below. English "son" only after "my" or
"our": alone it is French "son" (its) and Spanish "son" (they are)."""
_ACCOUNT = (
    r"(plan|subscription|account|membership|pass|order|payment|charge|booking|licen[cs]e|seat|"
    r"renewal|cuenta|suscripci[óo]n|membres[íi]a|abono|pedido|cobro|pago|abonnement|compte|"
    r"contrat|forfait|adh[ée]sion|commande|pr[ée]l[èe]vement|paiement|abo\w*|konto|vertrag|"
    r"mitgliedschaft|zugang|bestellung|zahlung|abbuchung|flatrate|tarif|tarifa|tariff|"
    r"insurance|seguro|p[óo]liza|assurance|versicherung|beitrag\w*)"
)
OTHERS_AFTER = re.compile(
    rf"^\s+((the |a )?(\w+ ){{0,2}}{_ACCOUNT}\s+(of|for|belonging to|de|a nombre de|au nom de|"
    rf"von)\s+(my|our|mi|nuestr[oa]|mon|ma|notre|meine[mnrs]?|unsere[mnrs]?)\s+{_KIN}\b|"
    rf"(my|our) {_KIN}('s|’s|s')|(my|our) {_FAMILY} (\w+ )?{_ACCOUNT}\b|"
    rf"(sie )?(bitte )?(das|den|die) {_ACCOUNT} (meine[rs]|unsere[rs]|von meine[mr]) {_KIN}\b|"
    rf"(sie )?(bitte )?(his|her|their|su|sus|son|sa|ses|leur|seine?[mnrs]?|ihre?[mnrs]?)\s+"
    rf"(\w+\s+)?{_ACCOUNT}\b|(his|her) (\w+ )?\w+\b|"
    rf"(\w+ ){{0,2}}[àa] (su|son|sa) (tarjeta|cuenta|carte|compte)\b|"
    rf"(para que )?no (le|les) (cobren|cobre|sigan cobrando)\b|"
    rf"(\w+ ){{0,3}}(sur|en) (sa|son|su) (propre |propia )?(carte|compte|tarjeta|cuenta)\b|"
    rf"(him|her|lui)\b|[àa] (mon|ma|mi|nuestr[oa]|notre) {_KIN}\b|"
    # a French write's direct object is the person: "rembourser mon collègue Marc"
    rf"(?-i:(mon|ma|mes|notre|nos)) {_KIN}\b|"
    rf"((it|that|this|them|the (\w+ ){{0,2}}(charge|payment|amount|money|fee)) )?(for|to) "
    rf"(him|her|them)\b(?! (own )?(card|credit card|debit card|account|bank)\b)|"
    rf"(?-i:((das|es|den|die) )?f[üu]r (sie|ihn))\b|"
    rf"(his|her|their) [$€£]?\s?\d|(sie )?(?-i:ihm)\b|"
    rf"(?-i:ihr) (die|den|das) (\w+ )?{_ACCOUNT}\b|"
    rf"(\w+ ){{0,3}}(to|on|onto|back to) (his|her|their) (\w+ )?account\b|"
    rf"(\w+ ){{0,4}}(on|for|of|from) (my|our) {_KIN}('s|’s|s') (\w+ )?{_ACCOUNT}\b|"
    # "erstatten Sie den doppelt belasteten Betrag von 129,00 € an unseren Mandanten"
    rf"([^.?!;]{{0,50}} )?an (unsere[nmr]?|meine[nmr]?) {_KIN}\b)|"
    rf"^-(lui|leur)\b|"
    rf"^を?し?(て|で)(あげ|やり)",
    _I,
)
"""After the write: "cancel her plan", "refund my father's charge", "the account of my
mother", "devolver a mi hermano", 解約してあげたい."""
OTHERS_BEFORE = re.compile(
    rf"(\b(le|les) (pueden|puede|podéis|podr[íi]an|podr[íi]a) ((hacer|dar|tramitar|gestionar) "
    rf"(el|la|un|una) )?|\bque (le|les) |\b(lui|leur) |(?-i:\bihm\b)[^.?!,]{{0,25}}|"
    # "Könnt ihr ihr das direkt erstatten?": the second "ihr" is "to her"
    rf"(?-i:\b([Kk][öo]nnt|[Kk][öo]nntet|[Ww][üu]rdet|[Ss]ollt) ihr (ihr|ihm)\b)[^.?!,]{{0,25}}|"
    rf"\b(sein|seine|(?-i:ihr)|ihre) geld\b[^.?!,]{{0,25}}|"
    rf"\b(sein(e[mnrs]?)?|ihr(e[mnrs]?)?) (abo\w*|konto|vertrag|mitgliedschaft|zugang|account)\b"
    rf"[^.?!,]{{0,20}}|"
    rf"\b{_ACCOUNT} (meine[rs]|von meine[mr]) {_KIN}\b[^.?!,]{{0,20}}|"
    rf"{_KIN_JA}(\([^)]{{0,15}}\)|（[^）]{{0,15}}）)?(の|が(使って|契約して|登録して|加入して|入って)いる|"
    rf"名義の)[^。！？]{{0,40}}(アカウント|契約|名義|会員|サブスク|プラン|登録|口座|保険|定期便|"
    rf"ライセンス)"
    rf"[^。！？]{{0,30}}|"
    # the money sent to them: "入居者の方に1回分を返金していただけますか"
    rf"{_KIN_JA}(の方|さん|様|さま)?(に|へ)(直接)?[^。！？、て]{{0,15}})$",
    _I,
)
"""Before the write: "¿le pueden devolver…?", "lui rembourser", "ihr Abo kündigen",
"das Konto meiner Mutter kündigen", 母のアカウント（…）を解約, 入居者の方に…返金."""
FOR_HIM_ES = re.compile(r"(ar|er|ir|[ae]n)(le|les)$", _I)
"""A Spanish write with "to him, to her" on it: "devolverle", "cancelarle", "cancélenle"."""
ON_BEHALF = re.compile(
    # the money asked back to the relative named: "Bitte erstatten Sie ihm die doppelte
    # Abbuchung" (about a brother's account), "refund her", "devuélvanle", "remboursez-lui"
    r"\b(refund|reimburse|pay back|credit) (him|her)\b|"
    r"\b(erstatten|[üu]berweisen|zahlen|buchen) sie (ihm|ihr)\b|"
    r"\b(devu[ée]lv|reemb[oó]ls|reintegr)\w*le\b|\brembours(ez|er)[- ]lui\b|"
    # not the writer's own business: "I purchased it on behalf of our company"
    r"\bon behalf of (my|our) (?!(own )?(company|business|firm|practice|organi[sz]ation|team|"
    r"office|school|club|department|charity|clinic|studio|shop|store)\b)|"
    r"\bon (his|her|their) behalf\b|\ben (nombre|representaci[óo]n) de (mi|nuestr[oa]) |"
    # not a gift or a discount from a friend: "(50 % de réduction, de la part de mon amie Clara)"
    r"(?<!duction, )(?<!duction )(?<!cadeau )(?<!offert )(?<!offerte )"
    r"\bde la part de (mon|ma|notre) |\bau nom de (mon|ma|notre) |"
    r"\bim (namen|auftrag) (meine[rs]|unsere[rs]) |\bi\. ?a\. |"
    r"\b(writing|writes|write|schreibt|schreibe|[ée]cri[st]|escribe|escribo)\b[^.?!]{0,25}\b("
    r"for me|f[üu]r mich|pour moi|por m[íi]|for (him|her|them)|f[üu]r (ihn|sie)|"
    r"pour (lui|elle|eux)|por ([ée]l|ella|ellos))\b|"
    r"\b(handle|sort out|take care of|deal with|process) (it|this|that) for (him|her|them)\b|"
    r"\b(m'en|m'y) occuper pour (lui|elle|eux)\b|\bmich darum (zu )?k[üu]mmern\b|"
    r"\bencargarme (de esto |de eso )?por ([ée]l|ella)\b|"
    r"\((for|pour|para|f[üu]r) (?-i:[A-Z])\w+ (?-i:[A-Z])\w+\)|"
    r"\b(escribo|j'[ée]cris|i'm writing|i am writing|ich schreibe)\b[^.?!]{0,20}\b(desde|depuis|"
    r"from) (la cuenta de mi|el correo de mi|son adresse|l'adresse de (ma|mon)|her|his)\b|"
    rf"\b(soy|je suis|i am|i'm|ich bin) (la |el |le |the |die |der )?{_KIN} (de|of|von|d') "
    rf"(?-i:[A-Z])|\({_KIN} (von|de|of|d') (?-i:[A-Z])|"
    rf"\b{_KIN},? (\w+ |\([^)]{{1,20}}\) ){{0,3}}(has |had |recently |sadly )?(passed away|died)\b|"
    # the thing was a relative's: "Locker 8 was my ex-husband Mark's"
    rf"(?<!card )\b(was|is) (originally )?(my|our) {_KIN}( (?-i:[A-Z])\w+)?('s|’s)"
    r"(?!\s+(card|credit card|debit card|bank|e-?mail|phone|idea)\b)|"
    r"\blate (husband|wife|father|mother|partner|dad|mum|mom)\b|"
    r"\b(verstorben|gestorben|d[ée]c[ée]d[ée]e?|falleci\w*|fallecid[oa])\b|亡くな|他界|死去|"
    rf"{_KIN_JA}(の|が契約している|が登録している|名義の)[^。！？]{{0,10}}(アカウント|名義|契約)|"
    r"代わりに[^。、]{0,10}(連絡|メール|お問い合わせ|問い合わせ|申請|手続き|返金|解約|お願い|止め|"
    r"停止|キャンセル)|代理で|に代わ(って|りまして)|"  # batch 32: 顧問先に代わりまして
    # batch 33: "先方の代理として", "弊社は代理店として…同社アカウントの解約をお願いいたします"
    r"の代理として|(代理店|代理人)として|同社の?アカウント|"
    r"\bin (his|her|their) (own )?name\b|(?-i:\bin (seinem|ihrem) [Nn]amen\b)|\ben su nombre\b|"
    r"(?-i:\bauf (seinen|ihren) (eigenen )?[Nn]amen\b)|"
    rf"\b{_ACCOUNT}\b[^.?!,]{{0,30}}\bde (él|ella|ellos|ellas)\b|"
    r"\ben son nom\b|\b(est|sont|[ée]tait) [àa] son nom\b|"
    r"\b(he|she|they) (can(no|')?t|can no longer|is no longer able to|is unable to|"
    r"isn'?t able to) (write|send|read|use|manage) (e-?mails?|the computer|a computer|"
    r"computers|the internet)\b|"
    r"(自分で|ご自身で|本人が)[^。]{0,12}(メール|連絡|手続き)[^。]{0,8}(できません|できない|できなく|"
    r"難しい|無理)|"
    r"\b(hat|hatte|hatten|haben)\b(?<!\bich hatte)(?<!\bwir hatten)[^.?!]{0,50}\b(ein|einen|"
    rf"eine) eigene[ns]?\s+[\w-]*?{_ACCOUNT}\b|"
    rf"{_KIN_JA}の代わりに|\b(he|she) passed\b|"
    rf"\b(it'?s|it is|that'?s) (his|her|their) (own )?(\w+ )?{_ACCOUNT}\b|"
    rf"\b(has|have|with|on|opened|set up) (his|her|their) own (\w+ )?{_ACCOUNT}\b|"
    rf"\bsu propi[oa] {_ACCOUNT}\b|\bson propre {_ACCOUNT}\b|\b(sein|(?-i:ihr)) eigenes\b|"
    r"\bich (mache|erledige|regle) (das|es) f[üu]r (sie|ihn)\b|"
    r"\bi('m| am) (doing|handling|sorting out) (this|it) for (her|him|them)\b|"
    rf"\b(is|are) in (my|our) {_KIN}('s|s|’s) name\b|"
    rf"\bl[äa]uft auf (meine[nm]?|unsere[nm]?) {_KIN}\b|"
    rf"\best[áa] a nombre de (mi|nuestr[oa]) {_KIN}\b|\best au nom de (mon|ma|notre) {_KIN}\b|"
    rf"\b(i'?m writing|i am writing|ich schreibe|je vous [ée]cris|j'[ée]cris|le[s]? escribo|"
    rf"escribo) (\w+ ){{0,2}}(for|f[üu]r|pour|por|para) (my|our|meine[nmr]?|unsere[nmr]?|mon|ma|"
    rf"mes|mi|mis|nuestr[oa]s?) {_KIN}\b|"
    r"\bkomm(t|en) mit (e-?mails?|dem computer|dem internet|der technik)\b[^.?!]{0,20}\bnicht\b|"
    r"本人とは?(の)?連絡が(つか|取れ|とれ|取り)(ない|ません|なく|にくく|づらく)|"
    r"(詳しくない|苦手な?)(ので|ため)[^。]{0,6}(私|わたし|わたくし)(の方)?から|"
    rf"\b(c'est|it'?s|es|ist) (mon|ma|my|mi|mein|meine) {_KIN} (qui|who|quien|der|die) "
    rf"(a|has|holds|owns|tiene|hat) (le|the|la|el|das|den) {_ACCOUNT}\b",
    _I,
)
"""The whole email written for someone else ("I'm writing on behalf of my father", "my
daughter is writing this for me", "Patricia (for Eleanor Voss)", "Soy la mamá de Sofía"), or
about a relative who died, or naming a relative's account (妻のアカウントに請求が来ています)."""


OTHERS_ACCOUNT = re.compile(
    rf"\b(his|her|their|son|sa|ses|leurs?|sein\w*|(?-i:ihr\w*))\s+"
    rf"(?!(my|our|the|this|that|mon|ma|mes|notre|nos|le|la|les|ce|cette|mein\w*|unser\w*|das|den|"
    rf"die|der|dem|dies\w*)\b)([\w]+[\s-]+)?\w*{_ACCOUNT}",
    _I,
)
"""Someone else's account named in or just before the write itself: "stop his subscription",
"Arrêtez son abonnement", "beenden Sie seinen Vertrag", "sein Monatsabo … zu beenden"
(German "ihr" only in lower case: "Ihr Abo" is the business's own)."""
_NAME = r"[A-ZÀ-Ý][a-zß-ÿ]+"
_NOT_A_PERSONS_NAME = (
    r"(Online|Apps?|Pro|Plus|Premium|Practice|Dental|Labs?|Studios?|Group|Media|Solutions|"
    r"Services?|Consulting|Partners|Associates|Holdings?|Ltd|Limited|Inc|Company|Club|School|"
    r"Academy|Team|Shop|Store|Cent(er|re)|Clinic|Caf[eé]|Bakery|Gym|Fitness|Software|Systems|"
    r"Digital|Design|Agency|Foundation|Trust|Network|Plan|Box|Hub|House|Office|Farms?|Kitchen|"
    r"Bar|Restaurant|Hotel|Salon|Spa|Yoga|Pharmacy|Apotheke|Praxis|Kanzlei|Verlag|Bau|Haus|"
    r"Business|Basic|Starter|Growth|Enterprise|Standard|Family|Annual|Monthly|Edition|Account|"
    r"Subscription|Membership|Licen[cs]e|Seats?|Corp|Corporation|Co|Industries|Enterprises|"
    r"Ventures|Works|Suppl(y|ies)|Logistics|Trading|Capital|Health|Care|Motors|Tech\w*|Builders|"
    r"Construction|Realty|Properties|Events|Productions|Travel|Tours|Imports|Foods?|Coffee|"
    r"Insurance|Finance|Legal|Law|Dentistry|Medical|Vet\w*|Auto|Garage|Print\w*|Cleaning)"
)
NAMED_PERSONS_ACCOUNT = re.compile(
    r"[^.?!\n]{0,50}?("
    rf"\b{_ACCOUNT}\s+(for|of|belonging to|von|de|del|a nombre de|au nom de)\s+"
    r"(?-i:(Mr|Mrs|Ms|Miss|Dr|Herrn?|Frau|Sr|Sra|Srta|Mme|Mlle)\.? [A-ZÀ-Ý])|"
    # a bare first and last name, nothing after it that makes it a business's
    rf"\b{_ACCOUNT}\s+(for|of|von|de|del|du)\s+(?-i:(?!(The|La|Le|Les|El|Los|Las|Der|Die|Das|"
    rf"Our|My|Notre|Unser\w*)\b){_NAME}(-{_NAME})? (?!{_NOT_A_PERSONS_NAME}\b){_NAME}"
    rf"( (?!{_NOT_A_PERSONS_NAME}\b){_NAME})?)"
    r"(?![\w-]| (?-i:[A-Z&])| ?&)|"
    r"\bde baja a (?-i:[A-ZÀ-Ý][a-zß-ÿ]+)\b(?! (Online|App|Pro|Plus|Premium)\b))",
    _I,
)
"""Right after the write, an account of a person named with a title ("cancel the membership
of Mr Smith", "das Abo von Frau Schulz"), by a first and a last name alone ("l'abonnement de
Jean-Pierre Moreau", "el plan de Yoselin Martínez Aguilar") or with Spanish's personal "a"
("den de baja a Lucía Fernández"). Not a name that goes on or ends in a business's or a
product's word: "the Growth subscription for Fernhill Dental Practice", "la membresía de Prana
Online"."""
_NOT_A_PERSON = (
    r"(?!(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Today|Yesterday|Last|This|Next)\b)"
)
THIRD_PERSONS_ACCOUNT = re.compile(
    rf"\b(his|her|sein(e[mnrs]?)?)\s+(own\s+)?([\w]+[\s-]+)?\w*{_ACCOUNT}\b|"
    # a person named by name: "refund Ryan's booking", 鈴木さんのアカウント, 佐野様の月額プラン
    rf"(?-i:\b{_NOT_A_PERSON}[A-Z][a-z]+)('s|’s) (\w+ )?{_ACCOUNT}\b|"
    r"(?<!お客)(?<!ご担当者)(?<!担当)[一-龯ぁ-んァ-ヶ]{1,6}(さん|様|くん|ちゃん)の[^。、]{0,12}"
    r"(アカウント|契約|プラン|会員|サブスク|登録|ライセンス)|"
    r"(?<![一-龯ぁ-んァ-ヶ])(彼|彼女)の[^。、]{0,8}(アカウント|契約|プラン|会員|サブスク|登録|ライセンス)|"
    rf"\b(son|sa|ses)\s+(\w+\s+)?{_ACCOUNT}\s+[àa]\s+(lui|elle|eux)\b|"
    # batch 30: "refund his last month", "私から本人の契約を解約して"
    r"\b(his|her)\s+(last|latest|final|previous)\s+(\w+\s+)?months?\b|"
    r"(本人|ご本人|先方|テナント|入居者|スタッフ|従業員|社員|部下)(さん|様)?の[^。、]{0,8}"
    r"(アカウント|契約|プラン|会員|サブスク|登録|ライセンス)",
    _I,
)
"""A write on his or her account, with nobody's relation to the writer named: "Carlos left
the team, please cancel his licence", "Arrêtez son abonnement à lui". The writer's own
account is "my" account. (French "son" alone is also "its", German "ihr" also "your".)"""
DONE_FOR_ANOTHER_JA = re.compile(r"(して|し)?(あげて|あげる|差し上げて)")
"""A Japanese write done as a favour to another person ("そのアカウントの今月分を返金してあげて
もらえますか"): the account is theirs."""
_NOT_KIN = (
    r"(tenants?|subtenants?|lodgers?|clients?|(former|ex-?) (business )?partners?|"
    r"inquilin[oa]s?|ex-?soci[oa]s?|locataires?|sous-locataires?|ancien(ne)? associ[ée]e?|"
    r"(unter)?mieter(in)?|mandant(in)?|ex-?partner(in)?|ehemalige[rn]? (gesch[äa]fts)?partner(in)?)"
)
"""People the writer lets to, works for or was in business with. Not employees: a plan an
employee opened on the company's card is the company's ("A former employee opened an
account with our company card … please close the account")."""
_SAME_SENTENCE = (
    r"(?:[^.?!\n]|(?<=\bM)\.|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bSr)\.|"
    r"(?<=\bSra)\.|(?<=\bMme)\.)"
)
SET_UP_OR_LEFT_BY_ANOTHER = re.compile(
    rf"\b{_NOT_KIN}\b{_SAME_SENTENCE}{{0,60}}?\b("
    rf"(had|avait|ten[íi]a|hatte) (a|an|his|her|their|un|une|son|sa|ses|una|su|ein|eine|einen|"
    rf"sein\w*|ihr\w*) ([\w-]+ ){{0,2}}{_ACCOUNT}|"
    r"(set|sets|signed|signs) up|opened|registered|created|subscribed|took out|"
    r"left|moved out|quit|resigned|retired|no longer works|doesn'?t work|rents?|rented|"
    r"lou(e|ait)|alquila(ba)?|mietet(e)?|"
    r"se (apunt|registr|suscrib|inscrib)i[óo]|contrat[óo]|ten[íi]a contratad[oa]|abri[óo]|"
    r"ya no trabaja|se fue|"
    r"dej[óo] (la empresa|el trabajo)|se mud[óo]|"
    r"a (ouvert|souscrit|cr[ée]{1,2}|quitt[ée])|s'est (inscrit|abonn[ée])e?|est partie?|"
    r"a d[ée]m[ée]nag[ée]|"
    r"hat\b[^.?!\n]{0,80}\b(abgeschlossen|angemeldet|er[öo]ffnet|gebucht|laufen|verlassen)|"
    r"ist (aus|weg)gezogen|ist ausgeschieden)\b"
    r"(?![^.?!\n]{0,25}\b(for (me|us)|para (m[íi]|nosotros)|pour (moi|nous)|f[üu]r (mich|uns))\b)|"
    r"入居者[^。！？]{0,20}(退去|引っ越|契約した|登録した)|"
    # staff who signed up on their own card or left: "弊社のスタッフ（高木）が個人のカードで…
    # 登録していたのですが、退職いたしました"
    r"(スタッフ|社員|従業員|職員)(\([^)]{0,15}\)|（[^）]{0,15}）)?(が|は)[^。！？]{0,40}(個人の|自分の|"
    r"ご自身の)(カード|アカウント|メール|名義)|"
    r"(スタッフ|社員|従業員|職員)(\([^)]{0,15}\)|（[^）]{0,15}）)?(が|は)[^。！？]{0,40}個人で(契約|登録|"
    r"加入|申し込)|"
    r"(スタッフ|社員|従業員|職員)(の[^\s、。（(]{1,10})?(\([^)]{0,40}\)|（[^）]{0,40}）)?(が|は)"
    r"[^。！？]{0,30}(退職|辞め)(しました|いたしました|た)|"
    # batch 30: a contract told with an honorific ("お弁当屋さんが…契約されていると伺いました"),
    # staff who signed up by themselves, one of the writer's clients ("L'un d'eux … son
    # abonnement")
    r"(さん|様|さま)が[^。]{0,40}(契約|登録|加入)(されて|なさって)|"
    r"(スタッフ|社員|従業員|職員)(さん)?(が|は)[^。！？]{0,40}個人で[^。]{0,20}(契約|登録|加入)|"
    rf"\b(l'une? d'(eux|elles)|un de (mes|nos) clients|une de (mes|nos) clientes)\b[^.?!]{{0,120}}"
    rf"\b(son|sa|ses|leur)\s+(\w+\s+)?{_ACCOUNT}\b",
    _I,
)
"""A tenant, client or former partner who set the plan up, or who left or moved out ("The
tenant in flat 3 set up a camera plan … and has now moved out", "My former business partner
opened the account", "Der Mieter … hat den Tarif noch laufen"): a write the email asks is
for that person's account."""
SET_UP_BY_A_FORMER_PARTNER = re.compile(
    # "以前、共同経営していた相手が契約したアカウント"
    r"(共同経営|共同で経営)(して)?(い)?た(相手|人|方|パートナー)(が|の)[^。]{0,20}(契約|登録|作成|申し込)|"
    r"\b(ex-?(conjointe?|mari|femme|[ée]pouse?|compagne|compagnon|copine?|copain)|"
    r"ex-?(marido|esposa|pareja|novi[oa])|ex-?(mann|frau|freund(in)?|partner(in)?)|"
    r"ex-?(husband|wife|boyfriend|girlfriend|partner)|(?<=\bmon )ex|(?<=\bmi )ex|(?<=\bmy )ex)\b"
    rf"{_SAME_SENTENCE}{{0,60}}?\b(set up|signed up|opened|took out|subscribed|a souscrit|"
    r"a pris|a ouvert|s'est (inscrit|abonn[ée])e?|contrat[óo]|se (suscribi|registr|apunt)[óo]|"
    r"abri[óo]|"
    r"hat[^.?!\n]{0,60}(abgeschlossen|angemeldet|er[öo]ffnet|gebucht))\b",
    _I,
)
"""A former partner set the plan up ("Mon ex-conjoint a souscrit le Plan Fanmi sur sa carte"):
the plan is theirs. Not one who only left: "my ex left, cancel our family plan" may be the
writer's own."""
FOR_A_BUSINESS = re.compile(
    r"\b(we'?re|we are|i'?m|i am) (their|the customer's|the client's) (reseller|it provider|"
    r"it partner|msp)\b|(記帳|経理|会計)(業務)?を?代行|別法人|"
    # "私が経理を見ているお客様（アトリエ・ミモザさん）の契約"
    r"(記帳|経理|会計|帳簿)(業務)?を(見て|担当して|お手伝いして|手伝って|任されて|お預かりして)(い)?る"
    r"(お客様|お客さん|顧問先|会社|お店|事業者)|"
    r"\bi (do|handle|keep|look after|manage) (the )?(books|bookkeeping|accounts|accounting) "
    r"for (?!(our|my|us)\b)|\b(i|we) (do|handle|keep|look after|manage) their (books|"
    r"bookkeeping|accounts|accounting)\b|"
    # "I'm the IT contractor who looks after Mahlangu Attorneys"
    r"\b(i'?m|i am|we'?re|we are) (the |an? |their )?(it |tech |external |outside )?(contractor|"
    r"consultant|reseller|provider|partner)s? (who|that) (looks? after|manages?|supports?)\b|"
    r"\bje (tiens|g[èe]re|fais|m'occupe de) la compta(bilit[ée])? (de|du|des|d')"
    r"(?! ?(notre|mon|ma)\b)|"
    r"\bje suis (l'|le |la )?(expert-comptable|comptable) (de|du|des|d')(?! ?(notre|mon|ma)\b)|"
    r"\bich betreue die buchhaltung (der|von|f[üu]r|des) (?!(unser|mein)\w*\b)|"
    r"\bals (steuerliche[rn]? )?(berater|steuerberater|buchhalter)\w* (unserer|unseres|der|des) "
    r"(mandant|kund)\w*\b|"
    r"\bich bin (der |die )?(steuerberater\w*|buchhalter\w*) (von|der|des|f[üu]r) "
    r"(?!(unser|mein)\w*\b)|"
    r"\bsoy (el |la )?(contador|contadora|contable|gestor\w*)( extern[oa])? (de|del) "
    r"(?!(nuestr|mi)\w*\b)|"
    r"\b(i'?m|i am|we'?re|we are) (the |an? |their )?(outside |external )?(bookkeepers?|"
    r"accountants?|accounting firm|bookkeeping firm|tax advis[eo]rs?) (for|of|to) "
    r"(?!(our|my|us)\b)|"
    r"(先方|クライアント|取引先|顧客|お客様|お客さま)(様)?(に代わって|に代わりまして|の代わりに|の代理で)|"
    r"\bich (mache|f[üu]hre) (\w+ )?die buchhaltung (f[üu]r|von|der) (?!(unser|mein)\w*\b)|"
    r"\b(llevo|gestiono|manejo|hago) la contabilidad (de|del) (?!(nuestr|mi)\w*\b)|"
    r"\b(en tant qu[e'] ?|en (notre|ma) qualit[ée] de )(expert-comptable|comptable|gestionnaire|"
    r"fiduciaire)( externe)? (de|du|des|d')"
    r"(?! ?(notre|mon|ma)\b)|"
    r"\bas (the |an |their )?(outside |external )?(bookkeeper|accountant|tax advis[eo]r) "
    r"(for|of|to) (?!(our|my|us)\b)|"
    r"\bcomo (contador|contadora|contable|gestor\w*)( extern[oa])? (de|del) "
    r"(?!(nuestr|mi)\w*\b)|"
    r"\bals (externe[rn]? )?(steuerberater|buchhalter)\w* (von|der|des|f[üu]r) "
    r"(?!(unser|mein)\w*\b)|"
    # "wir … führen deren Buchhaltung", "die letzte Belastung auf deren Karte"
    r"\b(f[üu]hren|machen|betreuen) (deren|ihre) buchhaltung\b|"
    # "kündigen Sie für unseren Mandanten das Abo", "cancel it for our client"
    r"\bf[üu]r (unseren|unsere|den|die) (mandant(en|in)?|kund(en|in))\b|"
    r"\b(for|pour|para) (our|the|notre|nuestro|nuestra|el|la) (clients?|clientes?|customer)\b"
    r"(?![ -]+(?-i:[a-z]))|"
    r"\b(f[üu]hren|machen|betreuen)\b[^.?!]{0,30}\bdie buchhaltung (der|des|von|f[üu]r) "
    r"(?!(unser|mein)\w*\b)|"
    r"\b(auf|von) deren (eigene[rn]? )?(kredit)?(karte|konto)\b|"
    # a payroll or tax office's clients, another shop of a chain, a business the writer deals with
    r"\bbetreu\w*\b[^.?!]{0,70}\bmandant(en|innen)?\b|"
    r"\bbetreu\w*\b[^.?!]{0,40}\b(die )?(finanz)?buchhaltung (der|des|von|f[üu]r) "
    r"(?!(unser|mein)\w*\b)|"
    r"(系列店|姉妹店|加盟店|関連会社|グループ会社|子会社)の[^。]{0,10}(分|契約|アカウント|プラン)|"
    r"取引のある[^。]{0,15}(民宿|店|会社|お客様|事業者|法人|ホテル|旅館)|"
    r"(子会社|関連会社|グループ会社|系列店|姉妹店)(である|の)[^。]{0,30}(別途|別の|別)(ご)?契約",
    _I,
)
"""The writer keeps another business's books ("I do the books for Northgate Pharmacy",
弊社で記帳を代行しているお客様) or resells to it ("We're their reseller"): a write they ask is for
that business's account."""


OWN_ACCOUNT = re.compile(
    r"\b(on|in|from|under|en|de|desde|sur|dans|depuis|auf|von|[üu]ber) (my|our|mi|nuestra|mon|"
    r"notre|meinem|"
    r"unserem|mein|unser) "
    r"(own |propia |propre )?(account|plan|subscription|membership|cuenta|compte|konto|"
    r"kundenkonto)\b(?![ -]?(e-?mail|address|"
    r"correo|adresse))|\b(kundenkonto|konto) (l[äa]uft )?auf (meinen|unseren) namen\b|"
    r"\b(account|cuenta|compte) (is |est[áa] |est )?(in|en|à|a) (my|our|mi|nuestro|mon|notre) "
    r"(own )?(name|nombre|nom)\b|"
    r"(私|わたし|僕|ぼく)(の|名義の)(アカウント|契約)(です|で(?!は|も)|になって|の|を)",
    _I,
)
"""The writer says the write is on their own account ("stop the renewal on our account",
"Kundenkonto auf meinen Namen", 妻のカードで払ったんですが、私のアカウントの先月分を返金して):
a relative or a signature such as "(mom of Maya, 9)" does not
make it someone else's."""
BANK_DEBIT = re.compile(
    r"\b(abgebucht|abgezogen|eingezogen|debited|withdrawn|taken|pr[ée]lev[ée]e?s?|d[ée]bit[ée]e?s?|"
    r"cobrad[oa]s?|descontad[oa]s?)\b[^.?!\n]{0,30}?\b(von|from|out of|de|sur|auf|en) (meinem|"
    r"unserem|my|our|mon|notre|mi|nuestra) (bank)?(konto|account|compte|cuenta)\b|"
    r"\b(von|from|out of|de|sur) (meinem|unserem|my|our|mon|notre|mi|nuestra) (bank)?(konto|"
    r"account|compte|cuenta)\b[^.?!\n]{0,30}?\b(abgebucht|abgezogen|eingezogen|debited|"
    r"withdrawn|taken|pr[ée]lev[ée]e?s?|d[ée]bit[ée]e?s?|cobrad[oa]s?|descontad[oa]s?)\b",
    _I,
)
"""Money taken from the writer's bank account ("abgebucht wird aber immer noch von meinem
Konto"): it says who pays, not whose the plan is."""


OTHERS_ACCOUNT_NAMED = re.compile(
    rf"\b({_ACCOUNT}|refund|remboursement|reembolso|devoluci[óo]n|r[üu]ckerstattung|erstattung)"
    rf"\s+((of|for|de|del|du|de la|der|des|f[üu]r|pour|para)\s+(my |our |mi |nuestr[oa] |mon |ma |"
    rf"notre |meiner |meines |meinem |meine |meinen |unserer |unseres |unsere |unseren |el |la |"
    rf"le |l')?|(meiner|meines|unserer|unseres) ){_KIN}\b|"
    # "Kündigung für Kollegin", "Cancellation for my mother"
    rf"\b(k[üu]ndigung|cancell?ation|r[ée]siliation|cancelaci[óo]n|baja|stornierung)\s+(f[üu]r|"
    rf"for|pour|para|de)\s+(my |our |mi |mon |ma |meine |meinen |meiner |unsere |la |el )?{_KIN}\b|"
    rf"\b{_KIN}('s|’s)\s+(\w+\s+)?{_ACCOUNT}\b|"
    r"^\W*(\w+ )?(gast|kund(e|in)|(kurs)?teilnehmer(in)?|customer|client|guest|student|"
    r"participant|cliente|hu[ée]sped|invit[ée]e?|participante?)\s+(will|m[öo]chte|wants|"
    r"would like|asks for|quiere|pide|veut|demande)\b",
    _I,
)
"""A subject that names a relative's or another person's account ("Abo meiner
Mitbewohnerin", "Cuenta del inquilino", "Compte de mon ex-mari", "My mum's plan") or what the
writer's own customer wants ("Gast will Geld zurück"): the email is about that account, whatever its
body says of whose it is."""
HAS_OWN_ACCOUNT = re.compile(
    r"(\b(they|he|she|who) (each )?(has|have|had|opened|set up|took out|holds?) (their|his|her) "
    rf"own (\w+ )?{_ACCOUNT}|\btiene(n)? su propi[oa] {_ACCOUNT}|"
    rf"\b(a|ont) (son|sa|leur) propre {_ACCOUNT}|"
    rf"\b(hat|haben) (sein|ihr)(en|e)? eigene[ns]? (\w+)?{_ACCOUNT})\w* "
    r"(with (you|your \w+)|con (ustedes|vosotros)|chez vous|bei (ihnen|euch))\b",
    _I,
)
"""Another person holds an account of their own with the business ("they have their own
membership with you"): a write the email asks may well be for it. Not an account elsewhere:
"mis hijos … cada uno ya tiene su propia cuenta" is why the family plan is cancelled."""
UNDER_ANOTHER_LOGIN = re.compile(
    r"\b(set up|opened|registered|created|made|signed up) (under|on|in|with) (our|my|the) (old |"
    r"former |previous |late )?[\w-]+('s|’s) (login|account|name|e-?mail)\b",
    _I,
)
"""The plan was set up under another person's login ("set up under our old bookkeeper's login
(Jim Harrow - he retired last year)"): who may act on it is for a person to check."""
IN_ANOTHER_PERSONS_NAME = re.compile(
    # with his or her own address: "avec son adresse mail à lui", "mit seiner privaten E-Mail"
    r"\b(with|under|using) (his|her|their) (own |personal |private )?(e-?mail|login)\b|"
    r"\bavec son (adresse )?(e-?mail|mail|courriel)\b|\bcon su (correo|e-?mail|mail) personal\b|"
    r"\bmit (seiner|(?-i:ihrer)) (eigenen |privaten )?(e-?mail|mailadresse)\b|"
    r"\b[üu]ber (seine|(?-i:ihre)) (eigene |private |pers[öo]nliche )?(e-?mail|mail|mailadresse|"
    r"adresse)\b|"
    r"が[^。]{0,25}個人の(メールアドレス|メアド|アドレス)|"
    r"(前任|退職|元)[^。]{0,30}(メールアドレス|アドレス|名前|名義)で(登録|契約|申し込)|"
    # in another person's name: "上野名義の契約", "木下の名前で登録されたまま"
    r"(?<![一-龯])(?!(弊社|当社|会社|御社|貴社|法人|個人|自分|本人|私|当方|弊店|当店|店舗|家族|夫婦|"
    r"同一|別)(名義|の名前))[一-龯]{1,4}(さん|様)?"
    r"(名義の(?!(カード|クレジット|口座|銀行))|の名前で(登録|契約))|"
    # paid by the other person themselves: "a login that he was paying for on his own card"
    r"\b(he|she|they) (was|were|is|are|has been|had been) (paying|paid) (for )?(it |that |this )?"
    r"(on|with|from) (his|her|their) own (card|credit card|debit card|account|bank account)\b|"
    r"\b(set up|opened|took out|registered|signed up for|bought)\b[^.?!]{0,50}\b(on|with) "
    r"(his|her|their) own (personal |private )?(card|credit card|debit card)\b|"
    r"\b(pay[ée]e?s?|r[ée]gl[ée]e?s?|pagad[oa]s?|pag[óo]|payait|a pay[ée]) (\w+ ){0,3}"
    r"(avec|sur|par|con) (sa|su) (propre |propia )?(carte|tarjeta)( (bancaire|de cr[ée]dito))? "
    r"(personnelle|"
    r"perso|personal|propre|propia)\b|"
    # bought on the relative's own account: "娘が、自分のアカウントでチケットを買った"
    rf"{_KIN_JA}[がは][^。]{{0,25}}(自分|本人)の(アカウント|名義|メールアドレス)",
    _I,
)
"""The plan is in another person's name or address (上野名義の契約, "avec son adresse mail à
lui") or on a relative's own account (娘が、自分のアカウントで), or that person set it up or pays
for it on their own card; unless the writer says it is on their own account ("she signed up
under her own email and once on mine … refund the charge on my account")."""
ASKED_ME_TO = re.compile(
    r"\b(she|he|they) (has |have )?asked me to\b|\b(sie|er) hat mich (darum )?gebeten\b|"
    r"\b(elle|il) m'a demand[ée] de\b|\bme (lo )?(pidi[óo]|pide|ha pedido) que\b|(彼女|彼)に頼まれ|"
    r"本人が[^。]{0,20}(ため|ので)、?代わりに|"
    r"(先方|お客様|クライアント|顧客)(様)?(から|の)(ご)?(依頼|要望|指示)(で|により|を受け)|"
    rf"({_KIN_JA}|保護者|生徒)(の方|さん|様)?(から|に)頼まれ(?!たわけ|たのでは|てない|ていない|てません)",
    _I,
)
"""Another person asked the writer to ask ("She asked me to sort it out", "sie hat mich darum
gebeten", 本人が出張中のため、代わりに…, 生徒の保護者から頼まれまして): the write is theirs,
whoever they are."""


def _says_own_account(words: str) -> bool:
    """`OWN_ACCOUNT`, not counting the bank account the money is taken from."""
    return OWN_ACCOUNT.search(BANK_DEBIT.sub(" ", words)) is not None


def asks_for_someone_else(
    words: str,
    sentences: list[str],
    kinds: Collection[WriteKind],
    *,
    subject: str = "",
    by_the_write: bool = False,
) -> bool:
    """The customer's words ask for one of `kinds` for someone else's account, or the
    email is written on another person's or business's behalf, about a relative who died, or
    under a subject that names another person's account. `by_the_write` reads only the
    account named by the write itself ("a payment link for her account"): a link's email
    often names a relative's card or a client it is no request for ("switch it from my
    husband's card to mine")."""
    if OTHERS_ACCOUNT_NAMED.search(subject) and not _says_own_account(words):
        return True
    if not by_the_write and (
        FOR_A_BUSINESS.search(words)
        or ASKED_ME_TO.search(words)
        or UNDER_ANOTHER_LOGIN.search(words)
        or HAS_OWN_ACCOUNT.search(words)
        or (
            (
                SET_UP_OR_LEFT_BY_ANOTHER.search(words)
                or SET_UP_BY_A_FORMER_PARTNER.search(words)
                or IN_ANOTHER_PERSONS_NAME.search(words)
            )
            and not _says_own_account(words)
        )
    ):
        return any(MENTIONS[kind].search(sentence) for sentence in sentences for kind in kinds)
    writes = [
        (sentence, found)
        for sentence in sentences
        for kind in kinds
        for found in MENTIONS[kind].finditer(sentence)
    ]
    if any(
        THIRD_PERSONS_ACCOUNT.search(sentence[max(0, found.start() - 25) : found.end() + 40])
        or NAMED_PERSONS_ACCOUNT.match(sentence, found.start())
        or DONE_FOR_ANOTHER_JA.match(sentence, found.end())
        for sentence, found in writes
    ):
        return True
    if not RELATION.search(words) or _says_own_account(words):
        return False
    if not by_the_write and ON_BEHALF.search(words):
        return True
    return any(
        FOR_HIM_ES.search(found.group())
        or OTHERS_AFTER.match(sentence[found.end() :])
        or OTHERS_BEFORE.search(sentence[: found.start()])
        or OTHERS_ACCOUNT.search(sentence[max(0, found.start() - 25) : found.end()])
        for sentence, found in writes
    )
