"""The wordings the explicit-request check (`requests`) reads, in English and Japanese, then
Spanish, French and German: which words name a write (`MENTIONS`), which make a sentence a
request, and which make it a question, a report, a negation or a condition instead.

Only patterns live here; how they combine is `requests`'s logic. A new language adds
vocabulary to these patterns, never rules of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Literal

from knowreply.agent.intake.alternatives import Alternation

WriteKind = Literal["refund", "cancellation", "payment_link", "portal_link"]

_I = re.IGNORECASE
_SUB = (
    r"(subscriptions?|plans?|membership|account|trial|renewal|auto-?renew\w*|service|sub|pass|"
    r"(monthly |recurring )?donations?|licen[cs]e|contract|rental)"
)
_SUB_ES = r"(suscripci[oó]n\w*|plan\w*|membres[ií]a|cuenta|renovaci[oó]n( autom[aá]tica)?|servicio)"
_SUB_FR = (
    r"(abonnement|forfait|plan|adh[ée]sion|affiliation|cotisation|licence|compte|"
    r"renouvellement( automatique)?|domiciliation( bancaire)?|service)"
)
_SUB_DE = (
    r"(abo\w*|\w+abo(s|nnements?)?\b|\w*mitgliedschaft|vertrag|leasing\w*|tarif|plan|konto|"
    r"(automatische )?verl[äa]ngerung|"
    r"(monatliche\w* )?(abbuchung\w*|lastschrift\w*))"
)

_TWICE_WORDS = (
    r"twice|double[ds]?|two times|duplicated?|dos veces|doble|duplicad\w*|deux fois|en double|"
    r"doublon|zweimal|doppelt\w*"
)
TWICE = re.compile(rf"\b({_TWICE_WORDS})\b|二重|重複", _I)
"""A charge made twice ("billed twice", "dos veces", "doppelt", 二重)."""
_NOT_A_DUPLICATE = (
    rf"(?![^.?!,]{{0,30}}\b({_TWICE_WORDS}|wrong|extra|more than|de m[áa]s|three times|"
    r"several times|trois fois|plusieurs fois|tres veces|varias veces|dreimal|mehrmals)\b)"
)
"""Stopping a wrong or doubled charge ("stop charging me twice") is not stopping the plan."""
_NOT_ANOTHER_EXTENSION_DE = (
    r"(?!\s+(der|des|f[üu]r die)\s+(\w+\s+)?\w*(frist|karte|garantie|gew[äa]hrleistung|deadline))"
)
"""No extension of a deadline or a card ("keine Verlängerung der Frist nötig") is no
cancellation."""
_NOT_ANOTHER_CARD = (
    r"(?![^.?!,]{0,25}\b(old|previous|other|expired|wrong|personal|company) (card|account)\b)"
)
"""Stopping the charges to one card ("stop the billing to my old card") is a card to change."""
_PLAN = (
    r"(subscriptions?|plans?|membership|account|trial|renewal|auto-?renew\w*|auto-?pay\w*|"
    r"service|sub|contract|licen[cs]es?|tier|package|rental|"
    # the plan by its payment, the sentence's last word: "Please stop the monthly."
    r"monthly(?=\s*([.!?,;]|$)))"
)
_STOP_VERB = (
    r"(stop|end|terminate|discontinue|close( out)?|shut( down)?|quit|halt|kill|wind down|"
    r"deactivate|cease|withdraw from|put an end to|turn off|switch off|opt out of|cut off|"
    r"pull the plug on|pull the pin on)"
)
_MONEY = (
    r"(it|them|one|ones|(the )?(money|funds|cash|payments?|charges?|fees?|amounts?|difference|"
    r"overcharge|surcharge|renewal|rest|costs?|portion|half|dollars|euros|pounds|bucks|vat|tax|"
    r"deposit)|\$\$|[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?([$€£]|usd|eur|gbp|dollars?|euros?|bucks))"
)
_CANCEL_GRAMMAR = (
    # stop verb + the plan (two words may sit between: "stop the €49 monthly plan")
    r"\b" + _STOP_VERB + r" (my |our |the |this |that |all )?([\w€$£-]+ ){0,2}" + _PLAN + r"\b|"
    # a delivery subscription by what it sends: "please stop the boxes", "stop the seed
    # deliveries" (a plural: one delivery stopped is an order, not the plan)
    # batch 30: "stop my monthly thing", "this subscription should be finished", "close down the
    # scheduling plan"
    r"\b(stop|end|cancel|close( down)?|shut( down)?) (my|our|the|this) (monthly|yearly|annual|"
    r"weekly|"
    r"recurring) (thing|thingy|charges?|payments?|fee|bill|debit)\b|"
    r"\b(subscription|plan|membership) (should|must|needs to|has to) be (finished|ended|over|"
    r"closed|stopped|terminated)\b(?! (by )?(now|already)\b)(?![^.?!]*\?)|"
    r"\b(close|shut|wind) down (my |our |the |this )([\w-]+ ){0,2}" + _PLAN + r"\b|"
    r"\b(stop|end|cancel|discontinue|halt) (my |our |the |all |any )?(weekly |monthly |future |"
    r"[\w-]+ )?(boxes|deliveries|shipments)\b|"
    # ... or + a pronoun that stands for it: "stop it", "end it.", "turn it off", "shut it down"
    r"\b(stop|end|terminate|discontinue|close|shut|kill|turn|switch) (it|everything)"
    r"( down| off)?\b(?! (from|for) )" + _NOT_A_DUPLICATE + r"|"
    r"\b(turn|switch|flip) (the |my |our )?(\w+ )?"
    + _PLAN
    + r"( settings?| options?| toggle)? off\b|"
    r"\b(termination|discontinuation|closure|closing|end) of (my |our |the |this )(\w+ )?"
    + _PLAN
    + r"\b|"
    # no more money taken: "no further payments", "don't take any more money", "bill no more"
    r"\b(no|any) (more|further|additional) (auto[- ]?)?(renewals?|renew|charges?|payments?|billing|"
    r"bills?|invoices?|debits?|deductions?|money)\b(?! (was|were|has|have|had|came|went)\b)"
    + _NOT_A_DUPLICATE
    + r"|"
    r"\b(do not|don't|dont|never) (take|charge|bill|debit|invoice)\b((?!twice|double)[^.?!,]){0,25}"
    r"\b(again|anymore|no more|"
    r"any more|another|further|next|after|from now on|going forward)\b" + _NOT_A_DUPLICATE + r"|"
    r"\b(aren't|are not|am not|isn't|is not|not|never) (be |get |being |getting )?(billed|charged|"
    r"debited|invoiced)\b([^.?!,]{0,15}\b)?(again|anymore|any more|after|next|further|from now on)"
    r"\b" + _NOT_A_DUPLICATE + r"|\b(bill|charge)( me| us)? no more\b|"
    # the plan not going on: "please don't let this renew", "won't be continuing", "no renewal"
    r"\b(do not|don't|dont|doh|not to|doesn't|does not|won't|will not|must not|mustn't|"
    r"shouldn't|should not|not|never) (be |let (it|this|that|them|(my|our|the) (\w+ )?\w+) )?"
    r"(auto[- ]?)?(renew(s|ing)?|roll(s|ing)? ((it|(my|our|the|this) (\w+ )?" + _PLAN + r") )?over|"
    r"convert(s|ing)?|continu(e|es|ing)|extend(s|ing)?|carr(y|ies|ying) on)\b|"
    r"\bno (auto-?)?renewal\b|"
    r"(?<!sure i )(?<!sure we )(?<!sure that i )(?<!sure that we )(?<!whether i )(?<!whether we )"
    r"\b(no longer|don't|do not|dont) (wish|want|need|intend) to (continue|renew|keep|stay)\b"
    r"(?! (e-?mailing|writing|asking|chasing|sending|contacting|calling|messaging|reminding|"
    r"waiting|checking|having to)\b)|"
    # wanting it ended: "I want my membership ended", "we'd like the subscription discontinued"
    r"\b(want|like|need|wish) (it|this|that|them|(my|our|the|this) (\w+ )?" + _PLAN + r")"
    r" (to be )?(ended|stopped|cancell?ed|terminated|discontinued|closed|shut down|turned off|"
    r"switched off|deactivated)\b|\bwant out\b|"
    r"\b(make sure|ensure)\b[^.?!]{0,40}\b(ends|stops|is (ended|stopped|cancell?ed|terminated|"
    r"closed|turned off))\b|"
    # taken off the plan: "opt me out of the renewal", "take me off the monthly plan"
    r"\b(opt|take|withdraw|remove|drop) (me|us) (out of|off|from) (my |our |the |this |that )?"
    r"([\w€$£-]+ ){0,2}(subscriptions?|plans?|membership|trial|renewal|auto-?renew\w*|auto-?pay\w*|"
    r"billing|contract|licen[cs]es?|tier|package)\b|"
    # kept from going on: "stop it from charging", "keep my plan from renewing"
    r"\b(stop|prevent|keep) (it|this|that|them|(my|our|the|this) (\w+ )?" + _PLAN + r") from "
    r"(auto-?)?(charging|billing|renewing|debiting|taking|rolling over|continuing|converting)\b"
    + _NOT_A_DUPLICATE
    + _NOT_ANOTHER_CARD
    + r"|"
    # the billing stopped: "stop the billing", "cease the auto-billing"
    r"\b(stop|end|cease|halt|kill|terminate|discontinue) (the |all |my |our |any )?(auto-?|"
    r"recurring |automatic |monthly )?billing\b(?! (error|issue|problem|mistake|cycle|period|"
    r"date|address|details|info\w*|e-?mail|contact|portal|page|history))"
    + _NOT_A_DUPLICATE
    + _NOT_ANOTHER_CARD
    + r"|"
    # arranged to end: "arrange for billing to stop", "make it so my plan ends"
    r"\b(arrange|see to it|make it so)\b[^.?!]{0,40}\b(ends|stops|to (stop|end|cease)|to be "
    r"(ended|stopped|cancell?ed|terminated|discontinued|closed|turned off))\b|"
    # the trial not turning paid: "don't convert me to a paid plan", "ensure no paid plan kicks in"
    r"\b(not|n't|never)\b[^.?!,]{0,30}\b(convert|switch|mov|upgrad|roll|turn)\w*\b[^.?!,]{0,20}"
    r"\b(to|into|onto) (a |the )?paid\b|\bno paid (plan|subscription|tier) (kicks in|starts)\b|"
    # not wanting the renewal: "I not want renewal", "we don't need the auto-renewal"
    r"\b(i|we) (do not|don't|dont|not|no longer) (want|need) (the |any |a )?(auto-?)?renewal\b"
    r"(?! (to|on|of|date|notice|reminder|e-?mail|fee|price|charge|invoice|receipt))|"
    # the plan ended beside another wish: "I'd like that refunded and the subscription closed"
    r"\b(want|like|need|wish)\b[^.?!]{0,40}\band (my|our|the|this) (\w+ )?" + _PLAN + r" (to be )?"
    r"(ended|stopped|cancell?ed|terminated|discontinued|closed|shut down|turned off|switched off|"
    r"deactivated)\b|"
    # not wanting more charges: "just don't want to be billed again in July"
    r"\b(do not|don't|dont) (want|wish) to (be |get )?(billed|charged|debited|invoiced)\b"
    r"(?![^.?!,]{0,15}\b(twice|double|two times)\b)([^.?!,]{0,15}\b)?(again|anymore|any more|"
    r"further|from now on|going forward)\b" + _NOT_A_DUPLICATE
)
"""Asking the plan to stop, by its grammar rather than its keyword: a stop verb and the plan
(or "it"), no more money taken, the plan not going on, wanting it ended."""
_CANCEL_GRAMMAR_JA = (
    r"(課金|引き落とし|引落し?|請求|更新|自動更新|自動延長|自動課金|定期課金|月額|支払い|料金|契約|"
    r"プラン|サブスク\w*|有料会員|会員|プレミアム|定期便|定期購読|購読|利用|継続)(は|を|も|の)?(もう)?\s?(ストップ|stop|停止|"
    r"(止め|とめ|やめ|辞め)(?!てい(た|ました|る|ます))|終わり|終了|切っ|打ち切|なし|無し|不要|いらない|"
    r"しない|させない|取らない|来ない|"
    r"発生しない)|引き落とさないで|(請求|課金)しないで|払わなくていい|有料に(しない|切り替わらない|"
    r"切り替えない)|(もう|今月で|月末で|今期限りで)?(やめ|辞め|抜け)(ます|たい)|卒業します|"
    r"利用を終え|継続(なし|しない)|"
    # kept from renewing: "自動で更新されないように", "請求が始まらないようにして"
    r"(自動で|自動的に)?(更新|延長|課金|請求)(が|は)?(され|を行わ|し)ない(よう|ように)|"
    r"(請求|課金)(が|は)?始まらない|継続しません|かいやく|"
    r"(料金|課金|請求|お金|おかね|会費|月額|費用)が?\s*(発生し|かから)ない(よう|ように)|"
    # batch 29: "9月分を最後に請求が止まるようお手続きを", "今の期間が終わったらおしまいにして",
    # "今月いっぱいで使うのをやめます", "今すぐ止めたいです"
    r"(請求|引き落とし|課金|支払い)が(止まる|とまる|なくなる)よう|"
    # batch 30: "次の引き落としが来ないようにしておいてください", "…で解約で。"
    r"(請求|引き落とし|引落し?|課金)が(もう)?(来|こ|発生し)ないよう|(?<=ので)(解約|退会)で(?=\W*$)|"
    r"(おしまい|お終い)に(して|しといて)|(使う|利用する|つかう)の(を|は)(やめ|止め)(ます|たい|ようと)|"
    r"(?:(?<=すぐ)|(?<=もう))(止め|とめ)たい(です|んです|のです)?|"
    r"(会員|契約|プラン|サブスク\w*|定期便)(は|を)?[^。、]{0,10}で(終了|解約|退会)(させ|し|と)|"
    r"(期限|満了|今期|月末)で(切れる|終わる|終了する)(よう|ように)|"
    r"(契約|プラン|サブスク|会員)を終わら|更新手続き(は|を)?しない|更新(は|を)?しなくて(いい|結構|大丈夫)|"
    r"(更新|課金|請求)(される|す?る)の(を)?(止め|停止|やめ)|(自動課金|課金|自動更新)\s?(stop|ストップ)|"
    r"(?:^|(?<=[、,\s])|(?<=は))(今回|今月(いっぱい)?|今期|月末|今年の分|期限|その日|次回|更新日)"
    r"(の(配達|お届け|分|発送|請求|引き落とし))?で(最後|終わり)に(して|したい)|(auto-?renew\w*|オートリニューアル)\s?(を|は)?\s?(off|オフ|停止|解除)|"
    # the object left unsaid, as Japanese does: "月末で止めてもらえますか", "止めてください"
    r"(?:^|(?<=[、,\s])|(?<=で)|(?<=から)|(?<=からは)|(?<=もう)|(?<=前に)|(?<=まえに)|(?<=どおり)|"
    r"(?<=通り)|(?<=すぐ)|(?<=使わないので)|(?<=使ってないので)|(?<=使っていないので)|"
    r"(?<=いらないので)|(?<=不要なので))"
    r"(止め|とめ|停止し|ストップし)(て(?=(ください|下さい|もらえ|いただけ|頂け|ほしい|欲しい|おいて|"
    r"くれ))|といて)|"
    # batch 25: "次回の更新は行わないようお願いいたします", "月パスいらんわ",
    # "録画プランはこれで終わりにしてください"
    r"(次回|次期|今後|契約)の?更新(は|を)(行わない|行いません|いたしません)|"
    r"(契約|プラン|サブスク\w*|会員|定期便|月パス|年パス)(は|を|も)(これ|ここ)で(最後|終わり)にして|"
    r"(契約|プラン|サブスク\w*|会員|定期便|月パス|年パス)(は|も)?(もう)?(いらん|要らん)(?!か|の)|"
    r"^\s*(止め|とめ)て\W*$"
)
"""Asking the plan to stop in Japanese by its grammar: what is charged stopped or not needed,
not renewed, or stopped with the object left unsaid (read only beside a plan,
`PRONOUN_CANCELLATION`)."""
_CANCEL_GRAMMAR_ES = (
    r"\bno (me |nos |le |les )?(cobren|cobr[ée]is|cobres|pasen(?! (a|con) )|carguen|debiten|"
    r"facturen|"
    r"prorroguen)\b"
    + _NOT_A_DUPLICATE
    + r"|\bdej(en|ar|e|ad|[áa]) de (cobrar|renovar|debitar|cargar|facturar|pasar)\w*|"
    r"\bno (me |nos )?(la |lo )?renov[ée]is\b|"
    r"\b(parar|paren|pare|detener|detengan|suspend\w*|cort(ar|en|e|ad)|quit(ar|en|e|ad)|"
    r"desactiv(ar|en|e|ad)|elimin(ar|en|e)|evit(ar|en|e)|cancel(ar|en|e)|quit[áa]is) (los |las |"
    r"el |la |mi |"
    r"mis |cualquier |todo |todos los |todas las )?(\w+ )?(cobros?|cargos?|renovaci[oó]n\w*|"
    r"d[ée]bitos?|pagos?|recibos?|"
    r"suscripci[oó]n|plan)\b|"
    r"\bno (quiero|deseo|deseamos|queremos) (continuar|seguir|renovar|prorrogar)\b|"
    r"\bno (pase|pasen|se convierta|me pasen|cambie)\b[^.?!,]{0,20}\b(de pago|pagad[oa]|premium)\b|"
    r"\bque (ya )?no se (vuelva a )?(renueve|renueven|cobre|cobren|debite|prorrogue)\b|"
    r"\bno (quiero|queremos|deseo|deseamos) (m[áa]s|ning[úu]n) (cargos?|cobros?)\b"
    r"(?! (dobles|duplicados|extra|de m[áa]s|por error)\b)|"
    r"\b(plan|suscripci[óo]n|servicio|membres[íi]a|abono)\b[^.?!,]{0,25}\bno (contin[úu]e|siga)\b|"
    r"\bque no se vuelva a (renovar|cobrar)\b|"
    r"\bnada de cobros\b|\bsin renovaci[oó]n\b|\bpong(an|a|amos) fin a\b|"
    r"\b(salir(me|nos)?|borrar(me|nos)?|me borro|me salgo) (del|de la|de mi)\b|\bdesuscrib\w*|"
    r"\bd[ée]n(la|lo|me|nos)? de baja|\bdoy de baja|\bsolicit\w* (la )?baja"
)
_NOT_A_DOCUMENT_ES = (
    r"(?!(\s+(me|nos))?\s+(la |el |mi |las |los |una |un )?(llamada|factura|recibo|documento|"
    r"contrato|formulario|correo|mensaje|acceso|tarjeta)s?\b)"
)
"""Something given back that is not money ("devuélveme la llamada", "devolver la factura
corregida")."""
_NO_OTHER_THING_FR = (
    r"(?!\s+(mon|ma|mes|le|la|les|l'|ce|cette|son|sa|notre)\s*(?!abonnement|forfait|contrat|"
    r"offre|plan\b|abo\b))"
)
"""Not renewing something other than the plan ("je ne renouvelle pas mon mot de passe")."""
_NOT_SEEN_FR = r"(?<!vois )(?<!voit )(?<!voyons )(?<!trouve )(?<!constate )(?<!re[çc]u )"
"""Not a charge seen missing (\"je ne vois aucun prélèvement\")."""
_CANCEL_GRAMMAR_FR = (
    r"(?<!vous )\bne (me |nous |le |la |l')?(pr[ée]lev|d[ée]bit|factur|renouvel|reconduis|"
    r"reconduire|prolong)\w* (plus|pas|aucun)\b" + _NOT_A_DUPLICATE + _NO_OTHER_THING_FR + r"|"
    r"\bne (pas |plus )?(reconduire|prolonger|renouveler|poursuivre)\b|"
    r"\b(arr[êe]t\w*|stopp\w*|coup\w*|supprim\w*|enlev\w*|retir\w*|d[ée]sactiv\w*|cl[ôo]tur\w*|"
    r"clore|ferm\w*|mettre fin [àa]|met\w* fin [àa]|met\w* un terme [àa]) (les |le |la |l'|mon |"
    r"ma |mes |notre |nos |son |sa |cet |cette |de )?(\w+ )?(pr[ée]l[èe]vements?|d[ée]bits?|"
    r"renouvellement|reconduction|abo|abonnement|forfait|compte|offre|frais|paiements?|"
    r"pr[ée]lever|d[ée]biter)\b(?! gratuit)|\b(arr[êe]tez|stoppez) tout\b|"
    r"\b(plus|pas|aucun) de (renouvellement|pr[ée]l[èe]vements?|reconduction|frais|paiements?)\b|"
    r"\bplus aucun (paiement|pr[ée]l[èe]vement|d[ée]bit)|\bsans reconduction\b|"
    r"\bne (me |nous |la |le |l')?(bascul|pass|convert|transform)\w* pas (en |au |à |vers )?"
    r"(payant|l'offre payante|(un |l')?abonnement payant)|"
    r"\bne se (renouvelle|reconduise|prolonge)\w* pas\b|"
    r"\b(ne (plus |pas )?(?!(vois|voit|voyons|trouve|constate)\b)([\w-]+ ){0,2}(à |a )?)?"
    + _NOT_SEEN_FR
    + r"aucune? (renouvellement|reconduction|"
    r"pr[ée]l[èe]vement)|"
    r"\b[ée]vit\w* (tout |les |le )?(\w+ )?(pr[ée]l[èe]vements?|d[ée]bits?|renouvellement|frais)\b|"
    r"\bne (veux|souhaite|souhaitons|voulons) pas que\b[^.?!]{0,40}\b(soit|soient) (reconduit|"
    r"renouvel[ée]|prolong[ée])|"
    r"\bne (veux|souhaite|souhaitons|voulons|souhaiterais) (pas|plus) (être )?(renouveler|"
    r"poursuivre|continuer|prolonger|reconduire|pr[ée]lev\w*|d[ée]bit\w*|factur\w*|client)"
    + _NOT_A_DUPLICATE
    + r"|"
    r"\bne (plus|pas) (rien |aucun\w* )?(pr[ée]lever|d[ée]biter|facturer|renouveler|reconduire|"
    r"prolonger)\b|\bje (ne )?veux plus (de |d')(cet |l'|mon |ce |votre )?(abonnement|forfait|"
    r"offre|service)\b|"
    r"\b(ne soit pas|pas [êe]tre) (reconduit|renouvel[ée])\w*|\bquitter (l'|le |la |mon |ma )"
)
_CANCEL_GRAMMAR_DE = (
    r"\bnichts? mehr ab\b|\b(keine|nichts) (\w+ )?(mehr )?(abbuch\w*|lastschrift\w*|zahlung\w*|"
    r"verl[äa]ngerung\w*|"
    r"belast\w*)"
    + _NOT_ANOTHER_EXTENSION_DE
    + r"|\bnicht (mehr )?(belasten|abbuchen|einziehen|verl[äa]ngern)\b|"
    r"\b(widerruf\w*) (\w+ )?(die |das |meine |unsere )?(einzugserm[äa]chtigung|lastschrift\w*|"
    r"sepa-?mandat)|"
    # not renewed, however the verb sits: "nicht wieder verlängern", "nix mehr abbuchen"
    r"\bnicht (mehr |wieder |automatisch )*verl[äa]ngern\b|\bnix mehr (abbuchen|verl[äa]ngern|"
    r"einziehen)\b|\bkeine (automatische |weitere )?verl(ä|ae|a)ngerung\b"
    + _NOT_ANOTHER_EXTENSION_DE
    + r"|"
    r"\bnicht\b[^.?!,]{0,40}\bzu verl[äa]ngern\b|"
    r"\bnicht (in|auf) (ein|einen|den|das) (kostenpflichtig|bezahlt)\w* (abo|tarif|plan)\w* "
    r"(umwandeln|wechseln|übernehmen|umstellen)\b|\bbeende(t|n sie) (das|es)( ding)?\b|"
    r"\bdass sich\b[^.?!]{0,30}\bnicht (mehr |automatisch )*verl[äa]ngert\b|"
    # the verb first: "beenden Sie das Abo", "stoppt die Lastschrift", "Schluss mit dem Abo"
    # (not a past or an adjective: "die deaktivierte Lizenz", "stoppte")
    r"\b((beend|stopp|deaktivier)(?!\w*te[nrms]?\b)\w*|schluss mit) (sie |ihr )?(bitte )?"
    r"(die |den |das |dem |"
    r"mein\w* |unser\w* )?(\w+ )?" + _SUB_DE + r"\b|"
    # a separable verb around the plan: "schaltet die Verlängerung aus", "nehmt sie raus"
    r"\b(schalt\w*|stell\w*|setz\w*)\b[^.?!,]{0,40}\b(verl[äa]ngerung|abo\w*|abbuchung\w*|"
    r"lastschrift\w*|zahlung\w*)\b[^.?!,]{0,20}\b(aus|ab|ein)\b(?=\s*([,.;!?]|$|und\b|bitte\b))|"
    # the plan let run out or gone: "mein Abo soll enden", "auslaufen lassen", "Abo weg bitte"
    r"\b"
    + _SUB_DE
    + r"\b[^.?!,]{0,10}\b(soll|sollen)\b[^.?!,]{0,50}\b(enden|auslaufen)\b(?!\s*\?)|"
    r"\b" + _SUB_DE + r"\b[^.?!,]{0,50}\bauslaufen (zu )?lassen\b|"
    r"\b" + _SUB_DE + r"\s+(kann |soll |bitte )?weg\b|\bnicht (mehr |wieder )?erneuern\b|"
    r"\bnehm\w*\b[^.?!,]{0,40}\b(verl[äa]ngerung|abo\w*)\b[^.?!,]{0,20}\b(raus|heraus)\b"
)
_REFUND_GRAMMAR = (
    # a giving verb, the money, "back": "put one of them back", "I'd like £18 back"
    r"\b(give|send|put|pay|credit|transfer|return|get|have|want|like|need|receive)\b( me| us)?"
    r"[^.?!,;]{0,25}?(?<!\w)(?<!\bcall )(?<!\bring )(?<!\bphone )(?<!\btext )(?<!\bwrite )"
    + _MONEY
    + r"(?!\w)[^.?!,;]{0,25}?\bback\b(?! (to (normal|the old|"
    r"the previous)|online|in touch|up))|"
    # not "get back on/into it" (to resume: "so I can get back on it today")
    r"\b(give|send|put|pay|credit|get|have|want|like|need|receive)( me| us)? back\b"
    r"(?!(?<=get back) (on|onto|into|in)\b)[^.?!,;]{0,30}?"
    r"(?<!\w)" + _MONEY + r"(?!\w)|"
    # an amount wanted back with what it paid for: "I'd like the £45 for the March class pass back"
    r"\b(get|want|have|like|need)( me| us)? (the |my |our |that |this )?[$€£]\s?\d[\d.,]* for "
    r"(the |my |our |this |that )?([\w'-]+ ){1,4}back\b|"
    # return the money, reverse or undo a charge
    r"\breturn(ing)?\b( me| us)?[^.?!,;]{0,30}?\b(money|funds|payments?|charges?|amount|costs?|"
    r"fees?|overcharge|surcharge|difference|portion|what (you|i|we) (charged|paid|took))\b|"
    r"\b(need|want|like|get) (it|this|that|them) reversed\b|"
    r"\b(reverse|undo|void|charge back|chargeback)\s+(it|them|(this|that) one|"
    r"(the|this|that|my|one|both|those|"
    r"these)\s+([\w$€£.,']+\s+){0,3}?(charges?|payments?|transactions?|debits?|renewal|fee|"
    r"purchase|billing|amount|sum|money))\b|"
    # the money wanted back, passive: "I need the $49 I paid returned", "fee be returned"
    r"(?<!\w)(payment|charge|fee|amount|money|funds|renewal|[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?"
    r"(\$|€|£|dollars|euros))(?!\w)((?!\b(was|were|been|is|has|have|had|already|got)\b)"
    r"[^.?!,;]){0,40}?\b(returned|reversed|given back|put back|credited back|paid back|"
    r"sent back)\b|\b(restitution|repayment) of\b"
)
"""Asking for money back without the word "refund": giving it back, returning, reversing."""
DEBT_AFTER = re.compile(
    r"^\s+(mi |la |el |esa |ese |esta |este |nuestra |nuestro |lo que )?(deuda|saldo|adeudo|"
    r"pendiente|factura|recibo|monto|importe|debo|cuotas? (pendientes?|atrasadas?|vencidas?|"
    r"impagas?))\b",
    _I,
)
"""Latin-American "cancelar" of a debt pays it ("quiero cancelar mi deuda", "cancelar ese
saldo"): not the plan's cancellation."""
_CANCEL_IN_REGIONAL_WORDS = (
    # "could you not charge me again next season?", "stop the direct debit", "knock the sub on
    # the head", "no need to keep my WellTicket going", "don't take anything again from my M-Pesa"
    r"\b(could|can|would|will) you (please )?not (charge|bill|debit) (me|us)\b[^.?!,]{0,15}"
    r"\b(again|anymore|any more)\b|"
    r"\bstop (the |my |our |this )?(direct debit|debit order|standing order)\b|"
    r"\bknock (the |my |our )?(sub|subscription|membership|plan)\b[^.?!]{0,12}\bon the head\b|"
    r"\bno need to keep (my |our |the )?(\w+ ){0,2}(going|running|active)\b|"
    r"\b(don't|do not|dont) take anything (again|more|else)\b|"
    r"\b(i|we) (will not|won't|wont) continue (with you|with the \w+|the \w+)\b|"
    # "¿podrían no cobrarme otra vez?", "ya no me manden más cajas", "bajame la suscripción"
    r"\b(podr[íi]an|pueden|pod[ée]s|puedes) no cobrar(me|nos) (otra vez|m[áa]s|de nuevo)\b|"
    r"\bya no me (manden|env[íi]en|cobren|carguen)\b(?! (m[áa]s )?(correos|mails|e-?mails|"
    r"mensajes|boletines|newsletters?|promociones|publicidad|notificaciones|sms)\b)|"
    r"\bb[áa]ja(me|nos) (la |mi )?(suscripci[óo]n|membres[íi]a)\b|"
    r"\bque se (me )?d[ée] de baja\b|"
    # "qu'il ne soit évidemment pas renouvelé"
    r"\bqu'(il|elle) ne soit (\w+ )?pas (renouvel|reconduit)\w*|"
    # "das Abo aufhören lassen", "könntet ihr mich ab August rausnehmen", "keine weiteren Pakete
    # und Abbuchungen mehr", "das Abo beendet ihr bitte gleich mit"
    r"\b(abo\w*|vertrag\w*|mitgliedschaft)\s+(bitte\s+)?(aufh[öo]ren|auslaufen) lassen\b|"
    r"\b(mich|uns) (ab \w+ |zum \w+ |bitte )*raus(nehmen|streichen)\b|"
    r"\bkeine weiteren? [^.?!]{0,25}\babbuchungen\b|"
    r"\b(abo\w*|vertrag\w*|mitgliedschaft)\s+((?!(nicht|kein\w*)\b)\w+\s+){0,3}beendet ihr\b|"
    # 引き落とさんといて, 請求来んように, 会費とめて, 8月分で最後にしてもらえますか, 続けないよう
    r"(引き落と|請求し|課金し)さ?んといて|(請求|引き落とし)[^。]{0,4}来ん(よう|ように)|"
    r"(会費|月会費|月謝|料金|引き落とし|請求)(を|は)?(とめ|止め)て(ください|下さい|ほしい|欲しい|"
    r"ちょう|くれ|もらえ|いただ)|"
    r"最後にして(もらえ|いただけ|いただき|くれ)|"
    r"(契約|更新|プラン|会員|利用)[^。]{0,8}続けない(よう|で)|"
    # batch 22: "Can you make sure it doesn't charge me again in May?", "Is there any way you
    # can not take the payment next month?", "stop the daily deduction from my wallet",
    # "bajenme xfa", "merci d'arrêter", "Je ne souhaite plus que les mensualités soient
    # prélevées", "Mon abonnement ne doit pas être prolongé", "… soll zum Quartalsende beendet
    # werden", "keine weiteren Raten mehr zahlen", もう次の更新もいりません
    r"\bmake sure (it|you|we|they) (doesn'?t|don'?t|won'?t|does not|do not|will not) (charge|"
    r"bill|take|debit|renew)( me| us| it)? (again|anymore|any more)\b|"
    r"\byou (can|could) not (take|charge|bill|debit|collect) (the |my |our |any )?(payment|"
    r"money|fee|me|us)\b|"
    r"\bstop (the |my |our |this )?(daily |weekly |monthly |automatic |auto-?)?(deductions?|"
    r"auto-?debits?)\b|"
    r"\bb[áa]j(en|e|a)me\b(?! (la|el|los|las|un|una|mi|el precio) )|"
    r"\bmerci d'arr[êe]ter\b(?! de )|"
    r"\bne (souhaite|veux|d[ée]sire|voulons|souhaitons) plus que (les|le|la|mes|mon|ma|nos|notre) "
    r"(\w+ ){0,2}(soient|soit) (pr[ée]lev|d[ée]bit|renouvel|factur|reconduit)\w*|"
    r"\b(ne doit|ne devra|ne doivent) (pas|plus) (être |etre )?(prolong|renouvel|reconduit)\w*|"
    r"\bsoll(en)? ((?!(nicht|kein\w*)\b)\w+ ){0,4}(beendet|gek[üu]ndigt|aufgel[öo]st|eingestellt) "
    r"werden\b|"
    r"\bkeine weiteren? (\w+ ){0,2}(raten|beitr[äa]ge|zahlungen|geb[üu]hren) (mehr )?(zahlen|"
    r"bezahlen|abbuchen)\b|"
    r"(次の|次回の|今後の)更新(は|も)?(いりません|いらない|不要)|"
    # batch 23: "Next month no more pay please", 次の年会費は取らないでください, "no me manden
    # más ni me debiten más nada", "que l'abonnement soit fermé pour de bon", "chargez-moi plus
    # rien", "je ne veux plus recevoir de paniers ni voir de prélèvement"
    r"\b(next month|from now on|after this( month)?)\b[^.?!]{0,10}\bno more (pay|paying|payments?|"
    r"charg\w*|bill\w*)\b|"
    r"(次の|次回の|来年の|来月の|今後の?)[^。]{0,6}(年会費|月会費|会費|料金|利用料|月額)は?"
    r"(取らないで|引き落とさないで|請求しないで|引かないで)|"
    r"\bno me (manden|env[íi]en|cobren|debiten|carguen) m[áa]s\b(?! (de )?(los |las )?(correos|"
    r"mails|e-?mails|mensajes|boletines|newsletters?|promociones|publicidad|notificaciones|sms)\b)|"
    r"\bni me (debiten|cobren|carguen) m[áa]s\b|"
    r"\bque (l'|mon |notre |le )abonnement soit (\w+ )?(ferm|arr[êe]t|r[ée]sili|annul|clos)\w*|"
    r"\bcharge[zr]?-(moi|nous) (plus|pu|pus) rien\b|"
    r"\bje ne veux plus (\w+ ){0,3}(recevoir|voir|avoir)\b(?![^.?!]{0,30}\b(e-?mails?|mails?|"
    r"messages?|notifications?|courriels?|sms|alertes?|relances?)\b)[^.?!]{0,40}"
    r"\bpr[ée]l[èe]vements?\b|"
)
_CANCEL_GRAMMAR_JA_DE = (
    # "Hallo, bitte verlängert mein Abo nicht mehr", "Ich will nicht, dass sich das Abo …
    # verlängert", "dass mein Abo nicht weiterläuft"
    r"[,;:]\s*(bitte\s+)?verl[äa]nger(t|n sie)\b[^.?!,]{0,50}\bnicht\b|"
    r"\b(will|wollen|m[öo]chte|m[öo]chten)\s+nicht,?\s+dass\b[^.?!]{0,60}\b(verl[äa]ngert|"
    r"weiterl[äa]uft|weiter l[äa]uft)\b|"
    r"\bdass\b[^.?!,]{0,40}\bnicht (mehr )?weiter\s?l[äa]uft\b|"
    # "契約を次回更新をもって終了", "契約を続けないで", "課金がないよう"
    r"(契約|プラン|サブスク\w*|利用)を[^。、]{0,12}をもって(終了|解約)|"
    # batch 26: the end of the term as the time, "契約期間の満了をもって終了とさせてください"
    r"(満了|期間終了|更新日|末日|月末|年度末|期末)日?をもって(終了|解約|退会)|"
    r"(契約|プラン|サブスク\w*|利用)(を|は)?(続け|継続し)ない|"
    r"(課金|請求|引き落とし)が?(ない|発生しない|されない)よう"
)
"""Stopping the plan said in German and Japanese grammar the keyword lists miss."""
_REFUND_GRAMMAR_DE = (
    # money wanted back said short or colloquially: "bitte zurück damit", "Kohle zurückhaben"
    # ("Einmal davon bitte zurück"; not a separable verb: "Rufen Sie mich bitte zurück")
    r"(^|[,;:–—-]\s*)(?!\W*(zieh|nehm|ruf|meld|schick|send|hol|geh|komm|stell|leg|setz|bring)\w*\b)"
    r"[^,;:.!?–—]{0,40}?(?<!mich )(?<!uns )(?<!dich )\bbitte zur[üu]ck\b"
    r"(?!\s+(an|zu|zum|zur|in|ins|auf|nach|von|aus|melden|rufen|kommen)\b)|"
    r"\bzur[üu]ck damit\b|\b(kohle|moneten|kr[öo]ten|h[äa]lfte|restbetrag|differenz)\b"
    r"((?!nicht|kein)([^,;:.!?]|(?<=\d)\.(?=[–—-]))){0,30}\bzur[üu]ck(zu)?(geben|zahlen|[üu]berweisen|buchen|bekommen|"
    r"erhalten|haben)?\b|"
    # the verb first, an amount with a decimal comma between: "buchen Sie mir die 19,90 € zurück"
    r"\b([üu]berweisen|buchen|zahlen|geben) (sie|ihr|du)\b"
    r"([^,;:.!?]|(?<=\d)[,.](?=\d)){0,50}\bzur[üu]ck\b|"
    r"\bschreib\w*\b([^.?!,]|(?<=\d)[,.](?=\d)){0,50}\bwieder gut\b|"
    r"\bschreib(en sie|t)( mir| uns)?( bitte)? (den|die|das|diese[nms]?) [^.?!,]{0,50}\bgut\b"
    r"(?=\W*$)"
)
"""Money wanted back in German words the keyword lists miss: short, colloquial, verb first."""
_REFUND_GRAMMAR_JA = (
    # "お返しいただけますか", "¥1,650だけ戻して", "1,000円分だけでいいので戻して", "カードに戻して"
    r"お返し(いただ|頂|くだ|下さ|願)|"
    r"([¥￥]\s?\d[\d,]*|円|分)(だけ|のみ)?(で(いい|良い|結構)(ので|から|です)?)?[、,]?\s*(を|は)?\s*"
    r"(戻し|返し|お返し)|"
    r"(カード|クレジットカード|口座)に(戻し|返し|返金)(?![^。]{0,6}か(悩|迷|検討|考え))|"
    # batch 29: "片方はお戻しいただけますか", "1回分もどしてもらえますか",
    # "過払いとなっております5ユーザー分をご精算いただけますと幸いです"
    r"お戻し(いただ|頂|くだ|下さ|願)|(?<!に)(?<!に\s)(戻|もど)して(ください|下さい|くださ|ほしい|"
    r"欲しい|もらえ|いただ|頂)|(過払い|払いすぎ|払い過ぎ|使っていない|使わなかった|未使用|"
    r"残り|差額|差分|日割り|多く払っ|余分)[^。]{0,30}(ご)?(精算|清算)(して|し|を|いただ|頂)"
)
"""Money wanted back in Japanese words the keyword lists miss."""
_REFUND_GRAMMAR_OTHER = (
    r"(お金|おかね|(?<![賃料税])金|代金|料金|分|円|差額|更新料)[^。？?]{0,6}(戻し|返し|お返し|かえし|"
    r"返せ(?![るなばまたずそ]))|"
    r"\bregr[eé]s(en|ar|e|ad)(me|nos)?\b|\brevi[ée]rt(an|a|e)(me|nos)?\b|"
    r"\brevertir(me|nos|lo)?\b|\b(dinero|plata) de vuelta|\bquiero (mi|mis|los|las|"
    r"la|el) (dinero|plata|[$€]\s?\d|\d[\d,.]*\s?€)|"
    r"\brend(ez|re|s)(-moi|-nous)?\b(?!-vous)[^.?!,;]{0,25}(argent|€|\d|somme|montant|moiti[ée]|prorata|"
    r"diff[ée]rence|\bce |\bcette )|\brestitu\w*|\brecr[ée]dit\w*|"
    r"\b(je veux|rendez-moi) mon argent\b|"
    # es, fr: "retrocededme el cargo", "abonadme el importe", "un abono de 30 €", "nous reverser"
    r"\bretroced(edme|ednos|anme|annos|er)\b|\babon(adme|adnos|enme|ennos)\b|\bun abono de \d|"
    r"\b(me|nous|m') revers(er|ez)\b|\brevers(ez|er)-(moi|nous)\b|"
    # fr passive: "Le paiement de mai pourrait-il m'être rendu ?", "ces frais me soient
    # remboursés" (not a refund once due: "qui devait m'être remboursé")
    r"(?<!devait )(?<!devaient )(?<!qui )(?<!aurait dû )(?<!auraient dû )"
    r"\bm'[êe]tre (rendu|rembours[ée]|restitu[ée])e?s?\b|"
    r"\bme (soit|soient) (rendu|rembours[ée]|restitu[ée])e?s?\b|"
    # de: "Ich hätte das Geld gern wieder", Austrian "Ich ersuche um Rückerstattung"
    r"\b(h[äa]e?tte|m[öo]e?chte|w[üu]e?rde|will|wollen)\b[^.?!,]{0,20}\bgeld\b[^.?!,]{0,15}"
    r"\bwieder\b|\bersuche\w* (sie )?um (die |eine )?(teil)?(r[üu]ck)?(erstattung|zahlung)\w*|"
    # batch 29: "hätte ich gern anteilig zurück", "zurückgeben das Geld", "eine zurück geben",
    # "die vier Monate … bitte zurück aufs Konto"
    r"\bh[äa]tte (ich|wir) (\w+ ){0,2}gerne? (\w+ )?zur[üu]ck\b|"
    r"\bzur[üu]ck ?geben (das|mein|unser) geld\b|\b(eine|einen|eins) zur[üu]ck ?geben\b|"
    r"\bbitte zur[üu]ck (auf|aufs|an) (das |mein |unser )?konto\b|"
    # ja: a payment undone, "その支払いを取り消していただけますか", "昨日の決済、取り消してください"
    r"(支払い|お支払い|支払|決済|購入|課金|請求|引き落とし)[^。]{0,4}?(を|は)?、?\s*"
    r"(取り消|取消|とりけ|キャンセル)し?て(ください|下さい|くださ|いただけ|頂け|もらえ|ほしい|欲しい)"
)

_CANCEL_GRAMMAR_MORE_ES = (
    # batch 28: "YA NO QUIERO LA MEMBRESIA", "córtenme la suscripción"
    r"\bya no (quiero|queremos|deseo|deseamos|necesito|necesitamos) (la|el|mi|esta|este|nuestra|"
    r"nuestro) (membres[íi]a|suscripci[óo]n|plan|servicio|abono)\b|"
    r"\bc[óo]rt(en|e|a)(me|nos|la|lo)?\b[^.?!,]{0,15}\b(suscripci[óo]n|membres[íi]a|plan|servicio|"
    r"abono)\b|"
    # "No renovar, gracias.", "no quiero seguir pagando el gym", "que la suscripción de
    # FacturaFácil no se renueve", "Sigo queriendo cancelar"
    r"^\W*no renovar\b|\bno (quiero|queremos|deseo|deseamos) seguir (pagando|con)\b|"
    r"\bque (la|mi|nuestra|el|nuestro) [\w-]+( de [\w-]+)? no se renueve\b|"
    r"\bsigo queriendo (cancelar|dar(me)? de baja|anular)\b|"
    r"\bque no se (me |nos |le )?(vuelva|vuelvan) a (renovar|cobrar|cargar)\b|"
    r"\bno (me |nos )?(pase|pasen|cambie|cambien|se convierta|convierta|conviertan) (a|en) "
    r"(un |el )?(plan|suscripci[oó]n|versi[oó]n|modalidad) (de pago|pagad[oa]|premium)\b|"
    r"\b(me|nos) (dan|dais|den|d[ée]is) de baja\b"
    r"(?! (la|el|mi|una|un) (tarjeta|cuenta bancaria|m[ée]todo))|"
    # "cerrad la suscripción", "dad de baja mi cuenta", "que no se realicen más cargos",
    # "no quiero que se renueve"
    r"\b(cerrad|terminad|finalizad|detened|parad|cancelad|anulad) (mi |la |el |nuestra )?"
    + _SUB_ES
    + r"|\bdad(me|nos)? de baja\b(?! (la|el|una|un) (tarjeta|cuenta bancaria|m[ée]todo))|"
    r"\bque no se (me |nos |le |les )?(realicen|hagan|efect[úu]en|cobren|carguen|pasen|cobre|"
    r"cargue|haga|realice) (nada |ning[úu]n |ninguna )?(m[áa]s|otro|otra|nuevos?|nuevas?)\b|"
    r"\bno (quiero|queremos|deseo|deseamos) que (se )?(me |nos )?(renueve|renueven)\b|"
    # "no quiero que la suscripción se renueve", "no quiero más la caja", a bare "Baja."
    r"\bno (quiero|queremos|deseo|deseamos) que (la|mi|nuestra|el|nuestro|esta|este) [\w-]+"
    r"( de [\w-]+)? se (renueve|renueven|prorrogue|cobre)\b|"
    # "ya no quiero que se me descuente nada cada mes", "ya no necesitamos el servicio de …",
    # "Quitadme el cargo de todos los meses" (not "nada de más", "el cargo duplicado")
    r"\bno (quiero|queremos|deseo|deseamos) que (se )?(me |nos )?(descuente|descuenten|cobre|"
    r"cobren|debite|debiten|cargue|carguen) (nada|m[áa]s)\b(?! (de m[áa]s|de lo|que|del?)\b)|"
    r"\bya no (necesito|necesitamos) (el|la|mi|nuestra|nuestro|este|esta) (servicio|"
    r"suscripci[oó]n|plan|membres[ií]a|abono)\b|"
    r"\bqu[íi]t(ad|en|e|a)(me|nos) (el|los) (cargos?|cobros?|d[ée]bitos?) (de (todos los|cada) "
    r"mes(es)?|mensual(es)?|autom[áa]ticos?|recurrentes?)\b|"
    r"\bno (quiero|queremos) m[áa]s (la |el |mi |las |los |mis )?(" + _SUB_ES[1:-1] + r"|cajas?|"
    r"env[íi]os|entregas)\b|^\W*(la )?baja\W*$"
)
_CANCEL_GRAMMAR_MORE_FR = (
    r"\bne (veux|souhaite|souhaitons|voulons) (pas|plus) que\b[^.?!]{0,40}\b(soit|soient) "
    r"(reconduit|renouvel[ée]|prolong[ée])\w*|"
    r"\bne (plus|pas) (rien |me |nous )?(factur|pr[ée]lev|d[ée]bit)\w*|"
    r"\b(abonnement|abo|forfait|compte|offre|renouvellement|pr[ée]l[èe]vements?)\s+(soit|soient|"
    r"sera|doit [êe]tre) (arr[êe]t|r[ée]sili|annul|stopp|cl[ôo]tur|d[ée]sactiv)\w*|"
    r"\b(ne (proc[ée]d|effectu|[ée]met|lanc|d[ée]clench|appliqu)\w* ([àa] )?)?"
    + _NOT_SEEN_FR
    + r"aucune? "
    r"(nouveau |nouvelle |futur |autre )?(renouvellement|reconduction|pr[ée]l[èe]vement|"
    r"d[ée]bit)\b|"
    r"(?<!vous )\bne (le |la |l'|les |me |nous )?(renouvelez|reconduisez|prolongez|pr[ée]levez|"
    r"d[ée]bitez|facturez)\b" + _NOT_A_DUPLICATE + r"|"
    r"\b(je|j'|nous|on) (ne )?(veux|voulons|souhaite|souhaitons|d[ée]sire|d[ée]sirons) plus "
    r"(de |d')(cet |ce |mon |ma |notre |votre |l')?(abonnement|abo|forfait|offre|service)\b|"
    r"\b(je|nous|on) ne (renouvel|reconduir|reconduis|prolong)\w* (pas|plus)\b"
    + _NO_OTHER_THING_FR
    + r"|"
    r"\bne (veux|voulons|souhaite|souhaitons|souhaiterais|d[ée]sire|d[ée]sirons) (pas|plus) "
    r"(le |la |l'|les )?(reconduire|prolonger)\b|"
    r"\bne se (renouvelle|reconduise|prolonge)\w* (pas|plus)\b|"
    r"\bne (me |nous |l'|le |la )?(pass|bascul|transform|convert)\w* (pas|plus) (en|au|vers) "
    r"(payant|abonnement payant|formule payante|version payante|offre payante)\b|"
    r"\b(merci de|veuillez|pouvez-vous|pourriez-vous|vous pouvez) (le |l')(d[ée]sactiver|"
    r"arr[êe]ter|stopper|cl[ôo]turer|fermer)\b|\b(d[ée]sactiv|arr[êe]t|stopp|cl[ôo]tur)ez-le\b|"
    r"\b[ée]vit\w* (tout |les |le |tous les |toute )?(futurs? |nouveaux? )?(pr[ée]l[èe]vements?|"
    r"d[ée]bits?|renouvellements?|frais)\b|"
    # "je ne veux pas qu'il soit renouvelé", "confirmez l'arrêt"
    r"\bne (veux|souhaite|souhaitons|voulons) (pas|plus) qu'(il|elle|on)s? (soit|soient) "
    r"(reconduit|renouvel[ée]|prolong[ée])\w*|"
    r"\bconfirm(ez|er) (l'arr[êe]t|la r[ée]siliation|la fin de (mon |notre |l')?abonnement)\b|"
    # "faire en sorte que rien ne soit prélevé", "laisser l'abonnement s'éteindre"
    r"\bfaire en sorte que (rien ne soit|je ne sois plus|nous ne soyons plus|il n'y ait plus) "
    r"(de )?(pr[ée]lev|d[ée]bit|factur|renouvel)\w*|"
    r"\blaisser (l'|mon |notre |cet )?(abonnement|forfait|offre) (s'[ée]teindre|expirer|se "
    r"terminer|prendre fin)\b"
)
_DE_SUB_VERB_FIRST = (
    r"(abo\w*|\w+abo(s|nnements?)?\b|\w*mitgliedschaft|leasing\w*|vertrag|tarif|plan|lizenz\w*|verl[äa]ngerung|abbuchung\w*|"
    r"lastschrift\w*)"
)
_CANCEL_GRAMMAR_MORE_DE = (
    r"\baufk[üu]ndig\w*|\bnix mehr (ab|verl[äa]ng|zahl)\w*|"
    # verbless, or the bare verb under a plan named before: "Abo aus, sofort", "Bitte beenden."
    r"(^\W*|\bund |[,;:]\s*)(das |des |mei |mein |dein )?abo (bitte )?aus(?=\s*([,.!;]|$|"
    r"bitte\b|sofort\b|jetzt\b))|\bbitte (sofort |gleich |umgehend )?beenden(?=\W*$)|"
    r"\bschluss mit (dem|der|meinem|meiner|"
    r"unserem|unserer|diesem) (\w+ )?(abo\w*|vertrag|mitgliedschaft|abbuchung\w*|lastschrift\w*)|"
    r"\b(abo|vertrag|mitgliedschaft)\w* weg\b|"
    r"\bund dass (ihr|sie|du)\b[^.?!,]{0,30}\b(abo\w*|vertrag|mitgliedschaft)\w* (beendet|beendest|"
    r"k[üu]ndigt|stoppt|einstellt|aufl[öo]st)\b|"
    r"\bdass (sich )?[^.?!,]{0,30}\bnicht (mehr )?(automatisch )?verl[äa]nger(t|n)\b|"
    r"\bnicht\b[^.?!,]{0,40}\bzu verl[äa]ngern\b|"
    # the verb first: "beenden Sie das Abonnement", "stoppt die Verlängerung", "beendet das"
    r"\b(beend|stopp|deaktivier|k[üu]ndig)(?!\w*te[nrms]?\b)\w*\s+(sie\s+|ihr\s+)?(bitte\s+)?"
    r"(die |das |den |dem |"
    r"meine?n? |unser\w* |diese\w* )?([\w-]+ ){0,2}" + _DE_SUB_VERB_FIRST + r"\b|"
    r"\b(beend|stopp)(et|t|en sie)\s+(bitte\s+)?(das|dat|es|alles)\b(\s+(ding|bitte))?|"
    # a separable verb around its object: "schaltet die Verlängerung aus", "setzen Sie … aus"
    r"\b(schalt|setz|stell|nehm)\w*\s+(sie\s+|ihr\s+)?(bitte\s+)?[^.?!,]{0,40}?"
    r"\b(" + _DE_SUB_VERB_FIRST[1:-1] + r"|zahlungen)\b[^.?!,]{0,30}?\b(aus|ab|ein|raus|heraus)\b|"
    # not going on: "ich will nicht weitermachen", "den Dienst nicht weiter nutzen"
    r"\b(nicht|nimmer|nie) (mehr |wieder )?(weiter\s?(machen|f[üu]hren|nutzen|zahlen|laufen)|"
    r"fortsetzen|fortf[üu]hren|erneuern|verl[äa]ngern)\b|"
    r"\b(abo\w*|mitgliedschaft|vertrag|tarif|plan|lizenz\w*)\b[^.?!]{0,60}\b(enden|auslaufen)\b(?!\s*\?)|"
    r"\bauslaufen (zu )?lassen\b|"
    r"\bnicht\b[^.?!,]{0,40}\b(in|auf) (ein|einen|den|das) (kostenpflichtig|bezahlt|"
    r"zahlungspflichtig)\w* (abo\w*|tarif|plan|version)\b"
)
"""Stopping the plan said in Spanish, French and German grammar the keyword lists miss."""
_REFUND_GRAMMAR_MORE = (
    r"(\b(dinero|plata)|\$\s?\d[\d.,]*|\b\d[\d.,]*\s?(\$|€|euros?|pesos|mil pesos))[^.?!;]{0,30}"
    r"\bde vuelta\b|\bde vuelta (los |las |el |la |mi |mis )?(\$|€|\d|dinero|plata)|"
    r"\b(quiero|queremos|necesito|necesitamos) de vuelta\b|"
    r"\b(me|nous) renvoy(er|ez)\b((?!facture|re[çc]u|confirmation|lien|e-?mail|courriel|document|"
    r"attestation|ticket|justificatif|preuve|copie|relev[ée])[^.?!]){0,25}\b(paiements?|argent|"
    r"montant|somme|pr[ée]l[èe]vements?)\b|"
    r"\b(revert|reviert)\w* (el|los|la|las|este|ese|esos|mi|mis) (\w+ )?(cobros?|cargos?|pagos?)\b|"
    r"\b(me|nous) (le|la|les|l') ?rend(re|ez|e|iez|ent)\b|"
    r"\b(qu'on|que vous|vous pouvez|pouvez-vous|pourriez-vous) me (rend|retourn)\w*\b"
    r"[^.?!;]{0,25}"
    r"(argent|€|\d|somme|montant|part|partie|reste)|"
    r"\br[ée]cup[ée]rer (mon |mes |l'|cet |cette |ces |les |le |la |ma )?(\w+ )?(argent|somme|"
    r"montant|\d[\d,.]*\s?(€|euros?))|"
    r"\b\w*(geld|betrag|summe|zahlung|beitrag|geb[üu]hr|abbuchung|kosten)\w*\b"
    r"((?!nicht|kein|(kam|kommt|ging|geht|ist|war|wurde|wird)\b)[^,;:.!?]){0,40}\bzur(ü|ue|u)ck"
    r"(zu)?(geben|zahlen|[üu]berweisen|buchen|bekommen|erhalten|haben)?\b(?! bis\b)|"
    r"\bteil(r[üu]ck)?erstatt\w*|\bzur[üu]ck (zu )?[üu]berweis\w*|"
    r"\bdass\b[^.?!,]{0,20}\b(betrag|geld|summe|beitrag)\b[^.?!,]{0,40}\bzur[üu]ckgeh(t|en)\b|"
    r"\b(\w+ )?(gebt|gib|zahlt|bucht|[üu]berweist)\b[^,;:.!?]{0,50}\bzur[üu]ck\b|"
    r"\bzur[üu]ck(zu)?[üu]berweis\w*|\b(wieder )?gut(zu)?schreib\w*"
)
"""Money wanted back in Spanish, French and German words the keyword lists miss."""
_MONEY_GOT_BACK_EN = (
    r"(money|cash|payments?|charges?|amount|fee|sum|duplicate|extra|overcharge|difference|rest|"
    r"part|days?|weeks?|months?|[$€£¥₦₹]\s?\d[\d.,]*|\d[\d.,]*( ?(dollars|bucks|euros?|pounds|"
    r"quid|rupees|naira|usd|eur|gbp))?)"
)
"""What is got, given or returned back in `_REFUND_IN_OTHER_WORDS_EN`. Unlike `_MONEY` (read
with a looser verb-then-back pattern) it holds no bare "it" or "one": "how do I get it back?"
is often an account, not money; it holds a part of a period and a bare number ("my 89")."""
_REFUND_IN_OTHER_WORDS_EN = (
    # "can I get that back", "gimme my 89 back", "I want the duplicate back", "pop back the 5
    # days", but never "get back to me", "call them back", "get it back up and running"
    r"\b(get|want|have|give|gimme|pop|send|put|need|chuck|bung|whack|stick)( me| us)? (that|this|"
    r"those|these|them|both|"
    r"one of (them|those|these|'em)|(the|my|our|this|that|those|these)( \w+){0,3}? "
    + _MONEY_GOT_BACK_EN
    + r"|"
    + _MONEY_GOT_BACK_EN
    + r") back\b(?! (up|on(?! (my|our|the|your|to)\b)|online|to normal|in|into|working|running|"
    r"out|from|"
    r"soon|later|home|together|at(?! least)|with|when)\b)|"
    r"\b(want|get|have|pop|give|prorate)( me| us)? back (the|my|our|what|those|that|this|"
    r"one of)\b|"
    # batch 30: "Would you mind sending back last Tuesday's payment?", "I'd love that back"
    r"\b(send|sending|giving|pay|paying|put|putting|hand|handing)( me| us)? back (the|my|our|"
    r"that|this|last \w+'s|yesterday's|today's|this \w+'s)\b|"
    r"\b(i'?d|we'?d|i would|we would) (love|like|appreciate) (that|this|it|them) back\b|"
    # passive: "I'd appreciate it if that €89 could go back on my card", "should be given back",
    # "Would it be possible to have the add-on part of the bill returned?"
    r"\b(could|can|would|should|might|to) (please )?(go|come|be (put|sent|paid|given|transferred|"
    r"credited|returned)) back (on|onto|to|into) (my|our|the|her|his|their) (\w+ )?(card|account|"
    r"bank|visa|mastercard|amex)\b|"
    r"\b(could|can|would|should|must|needs? to) be (given|paid|sent|put|handed) back\b|"
    r"\b(be )?returned (in full |fully )?(to|on|onto) (my|our|the|her|his|their) ([\w']+ )?(card|"
    r"account)\b|"
    r"\b(have|get|like|want|need) (the|my|our|this|that|a|an|\w+'s) ([\w'$€£.,()-]+ ){0,8}"
    r"(returned|credited back|paid back)\b|"
    r"\breturn(ing)? (the|those|that|this|my|our|both)( \w+){0,2}? " + _MONEY_GOT_BACK_EN + r"\b|"
    r"\b(that|this|those|them|both payments|both charges|the (sum|fee|amount|charge|payment))"
    r"( be)? returned\b|"
    r"\breverse (it|this|that|them|these|those|one of (them|those|these)|the (duplicate|extra|"
    r"second|other|double)\w*)\b|\breverse ?(\+|&|and) ?cancel\b|"
    r"\b(have|get|want)\b[^.?!]{0,40}\breversed\b|"
    r"\b(needs? to|should|can|could|must) come back to (me|us|my|our)\b"
)
"""Money wanted back in English words the keyword list misses: a pronoun, an amount or a part
got, given, returned or reversed back."""
_CANCEL_IN_OTHER_WORDS_EN = (
    # the renewal not to happen: "make sure my plan doesn't auto renew", "ensure our
    # subscription is not renewed", "I don't want my annual plan to auto-renew"
    r"\b(make sure|ensure|see that)\b[^.?!]{0,50}\b((doesn'?t|does not|won'?t|will not|is not|"
    r"isn'?t|are not|aren'?t)( be)? ((auto[- ]?)?renew(ed|s)?|continue|roll(ed)? over)|nothing "
    r"(will |gets |is )?(auto[- ]?)?renew(s|ed)?)\b|"
    # "Kindly do not deduct the monthly fee from April onwards", "so we are not billed from 1
    # January onwards"
    r"\b(don'?t|do not|dont)\s+(deduct|debit|take|charge|bill)\s+(the |my |our |any )?(\w+ )?"
    r"(fees?|payments?|subscription|amounts?|money)\b[^.?!]{0,30}\b(onwards|going forward|"
    r"from now on)\b|"
    r"\bso (that )?(we|i)('re| are|'m| am| will not| won't)( be)? (not |no longer )?(billed|"
    r"charged)\b[^.?!]{0,30}\b(onwards|going forward|from now on|any ?more)\b|"
    r"\b(don'?t|do not|dont)\s+want\s+(it|this|that|them|(my|our|the)( \w+){1,3}?)\s+to\s+"
    r"(auto[- ]?)?renew\b|"
    r"\b(don'?t|do not|dont)\s+(want|need)\s+(the|my|this|our)\s+(\w+\s+)?"
    r"(membership|plan|subscription|service|sub|pass)\s+(anymore|any ?more|any longer)\b|"
    r"\bno longer (want|need) (the|my|this|our) (\w+ )?(membership|plan|subscription|sub|pass)\b"
    r"(?! to\b)|"
    r"\b(switch|turn)\s+off\s+(the\s+)?billing\b|\bclose\s+(the\s+)?billing\b|"
    # no more money taken: "make sure I don't get billed again", "no further deductions"
    r"\b(no|not|don'?t|dont|never)\b[^.?!,]{0,20}\b(bill|billed|charge|charged|deduct|deducted|"
    r"debit|debited)\s+(me\s+|us\s+)?(again|anymore|any more)\b"
    r"(?![^.?!,]{0,30}\b(twice|double|two times|duplicate|wrong|extra|more than)\b)"
    r"|"
    r"\bno further (deductions|charges|payments|debits|billing)\b|"
    r"\b(do not|don'?t|dont) (bill|charge) (me|us) (in|for|from|after|starting|next)\b"
    r"(?![^.?!,]{0,30}\b(twice|double|two times|duplicate|wrong|extra|more than)\b)|"
    r"\bnothing (further|more|else) (is |gets |will be )?(taken|charged|deducted|billed|debited)\b|"
    r"\b(terminate|discontinue|end|cancel)\s+(its|their)\s+(\w+\s+){0,2}" + _SUB + r"|"
    r"\b(wish|want|intend|decided) to (terminate|discontinue)\b|"
    r"\bnot (wish|want|intend) to renew\b|\bnotice of non-?renewal\b|"
    r"\b(this|it|that) (to )?be (my|our|the) (last|final) (payment|charge|bill|month)\b|"
    r"\b(won'?t|will not) be needing\b[^.?!]{0,40}\b(beyond|past|after)\b|"
    r"\brather than (roll(s|ing)? over|renew\w*)\b|"
    r"\bdiscontinu\w* (the use of|using|service|our|my)\b|"
    r"\b(plan|subscription|membership)\s+to\s+end\b|"
    # "We would like our subscription not to be renewed", "finish my contract"
    r"\b(subscription|plan|membership|contract|licen[cs]e|agreement)\b[^.?!]{0,25}\bnot (to )?be "
    r"(auto[- ]?)?renewed\b|\b(finish|end|terminate) (my|our) (contract|agreement)\b"
)
"""A cancellation in English words the keyword list misses: the renewal not to happen, no more
money taken, notice of non-renewal, this the last payment."""
_CANCEL_IN_OTHER_WORDS_FR_DE = (
    # fr: "stop abonnement", "je veux plus être abonnée", "je veux pu de l'abonnement",
    # "arrêtez de me charger", "merci de plus me prélever", "ne plus être facturée", "mettre
    # un terme à notre contrat", "que mon abonnement s'arrête"
    r"\bstop (au |à l'|l')?(renouvellement|abonnement|abo|pr[ée]l[èe]vements?)\b|"
    # es: "no la quiero renovar", "no quiero que me cobren más", "que no me vuelvan a cobrar"
    r"\bno (la |lo )?(quiero|queremos|voy a|vamos a) renovar(la|lo)?\b|"
    r"\bno (quiero|queremos) que (me|nos) (cobren|sigan cobrando|vuelvan a cobrar|renueven)\b"
    r"(?![^.?!,]{0,20}\b(dos veces|doble|de m[áa]s|otra vez lo mismo|sin)\b)|"
    r"\bque no (me|nos) (vuelvan a cobrar|cobren m[áa]s|sigan cobrando)\b|"
    r"\bje (ne )?veux (pas|plus|pu) (que (mon|ma|le|l'|[çc]a)[^.?!]{0,30}(renouvel|reparte|"
    r"continue|passe en pay)|[êe]tre abonn|de l'abonnement|de l'abo|renouveler)|"
    r"\bje (ne )?veux (plus|pu) (rien )?payer\b|"
    r"\barr[êe]te[zr] de (me|nous) (charger|pr[ée]lever|d[ée]biter|facturer)\b|"
    r"\b(merci de|svp|stp) (ne )?plus (me|nous) (pr[ée]lever|d[ée]biter|facturer|charger)\b|"
    r"\bne (\w+ ){0,2}plus [êe]tre (d[ée]bit|factur|pr[ée]lev|charg)\w*|"
    r"\bmettre (un )?terme [àa] (notre|mon|ma|l'|cet|ce)\s*(contrat|abonnement|forfait|"
    r"adh[ée]sion)\b|"
    r"\b(mon|ma|notre|l')\s*(abonnement|abo|forfait|contrat|pass)\b[^.?!]{0,20}\b(s'arr[êe]te|"
    r"se termine|prenne fin|ne reparte pas|ne se renouvelle pas|se renouvelle pas)|"
    r"\b(stopper|arr[êe]ter) (les|mes) (envois|d[ée]bits|pr[ée]l[èe]vements)\b|"
    # de: "kein Geld mehr abbuchen", "nichts mehr abgebucht", "nicht mehr belastet werden",
    # "Abo bitte zum 31.7. beenden", "Konto zumachen", "des Abo ned weida", "nicht weiter
    # verlängern", "hör auf mir Geld abzuziehen", "das Abo soll sofort aufhören"
    r"\bkein(e|en)? (geld|[\w-]*abbuchung\w*|zahlung\w*|beitr[äa]ge?) mehr\b|"
    r"\bnichts mehr (ab)?(gebucht|abgebucht|berechnet|belastet|eingezogen)\b|"
    r"\bnicht mehr (belastet|abgebucht|berechnet) (zu )?werden\b|"
    r"\b(abo\w*|\w+abo(s|nnements?)?|vertrag\w*|\w*mitgliedschaft|leasing\w*|konto)\b"
    r"((?!\b(nicht|nie|kein\w*|ned)\b)"
    r"(\d{1,2}\.\d{1,2}\.(\d{2,4})?|[^.?!])){0,30}\b(beenden|k[üu]nden|künde|"
    r"abstellen|abstelle|stoppen|aufheben|schlie(ß|ss)en|zumachen|"
    # "zu" as the verb's own particle ("Macht das Abo zu."), not an infinitive's ("vom
    # monatlichen auf das jährliche Abo umsteigen, um zu sparen")
    r"zu(?!\s+(?!machen\b)(?-i:[a-zäöüß])\w*en\b))\b|\bk[üu]ndet\b|"
    r"\b(macht|mach|machen sie)\b[^.?!]{0,20}\b(konto|abo)\b[^.?!]{0,10}\bzu\b|"
    # Kölsch and Low German: "Maht dat Abo bitte us", "dat Paddelabo mookt ji mi … dicht"
    r"\b(macht|mach|machen sie|maht|mookt|maakt|mokt)\b[^.?!,]{0,20}\b(konto|abo\w*|\w+abo)\b"
    r"[^.?!,]{0,20}\b(dicht|us|aus)(?=\s*([.,!;]|$|und\b|un\b|bitte\b))(?![^.!]*\?)|"
    r"\b(konto|abo\w*|\w+abo)\b[^.?!,]{0,10}\b(mookt|maakt|mokt|macht|maht)\b[^.?!,]{0,40}"
    r"\bdicht\b|\b(abo\w*|\w+abo|konto|vertrag)\s+(bitte\s+)?dichtmachen\b|"
    r"\babo\w* ((ned|nicht) (mehr|weida|weiter)|nimmi|nimmer)\b|"
    r"\bnicht (mehr |weiter )?(verl[äa]ngern|fortzuf[üu]hren|fortf[üu]hren|fortsetzen|"
    r"weiterf[üu]hren)\b|\bvon einer fortsetzung\b[^.?!]{0,40}\babsehen\b|"
    r"\bh(ö|oe|o)r\w* (bitte )?(auf|uf)\b[^.?!]{0,30}\b(geld|abo\w*|abzubuchen|abzuziehen|"
    r"abbuchen)|"
    r"\babo\w*\b[^.?!]{0,20}\b(soll|sollen)\b[^.?!]{0,20}\b(aufh[öo]ren|enden|beendet werden)\b|"
    r"\baus (dem|meinem|unserem) [\w-]+ aussteigen\b|"
    # "ich will kein Abo", a long object before "zu beenden": "unseren Vertrag (Kundennummer
    # WU-10558, 24 Nutzer) fristgerecht zum Ende der Laufzeit zu beenden"
    r"\b(will|m[öo]chte|brauche|wollen|m[öo]chten|brauchen) (\w+ )?kein(e|en)? (\w+ )?(abo\w*|"
    r"\w+abo|mitgliedschaft|vertrag)\b(?! mehr\b[^.?!]{0,20}\b(abschlie|buch))|"
    r"\b(abo\w*|\w+abo|vertrag|mitgliedschaft|leasing\w*)\b[^.?!]{0,100}\bzu (beenden|"
    r"k[üu]ndigen)\b|"
    # de: "Ich möchte ausdrücklich nicht, dass er sich automatisch verlängert"; fr: "cesser les
    # prélèvements"
    r"\b(will|m[öo]chte|w[üu]nsche|wollen|m[öo]chten)\b[^.?!]{0,20}\bnicht,? dass (er|sie|es|"
    r"das abo|der vertrag|die mitgliedschaft)\b[^.?!]{0,20}\bsich (\w+ )?verl[äa]ngert\b|"
    r"\bcesser (les|mes|tous les|vos) (pr[ée]l[èe]vements|paiements|d[ée]bits)\b|"
    # es: "no vamos a continuar con el plan mensual", "favor no facturar enero", "ya no me sigan
    # sacando los $9.99"; fr: "nous mettons fin à notre abonnement", "j'arrête après ce mois-ci";
    # de: "nach dem Monat ist Schluss bei mir"; ja: 次期の更新は見送らせていただく
    r"\bno (vamos a|voy a|pensamos|queremos|quiero) (continuar|seguir) con (el|la|mi|nuestro|"
    r"nuestra) ([\w-]+ ){0,2}?(plan|suscripci[óo]n|membres[íi]a|servicio|contrato|abono)\b|"
    r"\b(favor|por favor) no (facturar|cobrar|renovar)\b|"
    r"\bya no (me|nos) (sigan|vuelvan a) (sacando|cobrando|descontando|debitando|cargando|sacar|"
    r"cobrar)\b|"
    r"\bmett(ons|re|ez|ons donc) fin [àa] (notre|mon|ma|l')\s*(abonnement|abo|contrat|forfait|"
    r"adh[ée]sion)\b(?! de (ma|mon|mes|notre|nos)\b)|"
    r"\bj'?arr[êe]te (apr[èe]s|[àa] la fin d[eu]|fin) (ce|le|du) mois\b|"
    r"\b(nach|ab) (dem|diesem|n[äa]chstem) monat ist (dann )?schluss\b|"
    r"\bist (dann )?schluss (bei|f[üu]r) (mir|uns)\b|"
    r"更新(は|を)(見送|見合わせ)"
)
"""A cancellation in French and German words the keyword lists miss: a plan stopped or not
renewed, no more money taken, an account closed."""
TO_BE_SURE_BEFORE = re.compile(
    r"\b(sicher (sein|gehen)|sichergehen|vergewissern|[êe]tre s[ûu]re?s?|(m|nous)'assurer|"
    r"asegurarme|estar segur[oa]s?)\b",
    _I,
)
"""The writer wants to be sure ("Ich will sicher sein, dass nichts mehr abgebucht wird"): the
state of a cancellation already asked, not a new one (unlike "Stellen Sie sicher, dass…")."""
_MONTHS_DE = (
    r"januar|j[äa]nner|februar|m[äa]rz|april|mai|juni|juli|august|september|oktober|november|"
    r"dezember"
)
_REFUND_IN_REGIONAL_WORDS = (
    # "Take the $29.99 charge back", "Échenlo para atrás", "Devolvedme lo de los 2 usuarios",
    # "récupérer ce que j'ai payé", "Annulez ce débit", "la rétrocession du montant prélevé en
    # double", "buchen Sie das … Geld wieder auf meine Karte", "Ich will das Geld … wieder",
    # "hätte ich gern anteilig was zurück", 決済しちゃったので取り消しお願いします
    r"\btake (the |that |this )?([$€£]\s?\d[\d.,]* )?(charge|payment|fee|debit) back\b|"
    r"\b[ée]ch(en|e|a)(lo|la|los|las|me)? (para|pa) atr[áa]s\b|\bdevolved(me|nos)\b|"
    r"\br[ée]cup[ée]rer (ce que (j'ai|nous avons|on a) (pay|r[ée]gl|vers)[ée]e?s?|mon argent|"
    r"notre argent|l'argent)\b|"
    r"\bannul(ez|er) (ce|le|les|cet|ces) (d[ée]bit|pr[ée]l[èe]vement|paiement)s?\b|"
    r"\br[ée]trocession\b|"
    r"\bbuchen (sie|ihr) (\w+ ){0,4}(geld|betrag|betr[äa]ge)\b[^.?!]{0,25}"
    r"\b(wieder|zur[üu]ck) auf\b|"
    r"\b(will|m[öo]chte|h[äa]tte gerne?) (\w+ ){0,2}(das|mein|unser) geld\b[^.?!]{0,30}\bwieder\b|"
    r"\b(will|m[öo]chte) (\w+ ){0,2}das wieder,? was (ich|wir) (bezahlt|gezahlt)\b|"
    r"\bh[äa]tte (ich |wir )?gerne? (\w+ ){0,5}(was|etwas) zur[üu]ck\b|"
    # "Also: Kohle her", "Geld zurück her"; "Kannst mir die 4 Monate, die ich nicht nutz,
    # zurückgeben?"
    r"(^\W*|[,;:]\s*|\bund\s+)(das |des |mei |mein |unser )?(geld|kohle|knete|moneten|kr[öo]ten)"
    r"\s+(zur[üu]ck\s+)?her\b(?!\s*\?)|"
    r"\b(monate?|wochen|tage)\b,? die (ich|wir|i) (\w+ )?(nicht|nimmer|ned) (mehr )?(nutz|benutz|"
    r"brauch)\w*,? (zur[üu]ck(zu)?(geben|zahlen|erstatten|[üu]berweisen|buchen)|"
    r"(zur[üu]ck)?erstatten)\b|"
    r"(決済|支払|課金|購入)(し|を)?[^。]{0,15}(取り消し|取消)(を)?(お願い|して)"
)
"""Money back in regional or roundabout words (batch 23's `dev/` part)."""
_REFUND_IN_OTHER_WORDS_DE = (
    # "Will das zurück", "Das eine Mal will ich zurück", "bitte den Juni zurück", "bitte nur
    # 24,90 zurück", "Des Geld hätt i gern zruck"; never "die Lastschrift kam zurück", "die
    # Unterlagen zurückschicken", "das Jahr zurück bis 2024"
    r"(?<!geb )(?<!gebe )(?<!bring )(?<!bringe )(?<!schick )(?<!schicke )"
    r"\b(das|die|den|des|diese[nms]?|eins|es)\s+((will|m[öo]chte|h[äa]tte?)\s+)?((ich|wir|i)\s+)?"
    r"((bitte|gern|gerne)\s+)?((komplett|ganz|vollst[äa]ndig|sofort|alles)\s+)?"
    r"(zur[üu]ck|zurueck|z'?ruck)\b(?!\s*bis\b)|"
    r"\b(mal|eins|geld|betrag|summe|zahlung|abbuchung|buchung|belastung|beitrag|monat\w*|wochen?|"
    r"tage?|stunden?|lektion\w*|einheit\w*|"
    + _MONTHS_DE
    + r"|\d{1,4}([.,]\d{2})?\s*(€|eur\w*|chf|franken)?)\b((?!\b(kam|kommt|kamen|ging|geht|"
    r"gingen|wurde|wird|ist|war|sind|waren|gebucht|gegangen|gekommen|nicht|kein\w*|ruf\w*|"
    r"meld\w*|geb|gebe|bring|bringe|schick|schicke)\b)[^.?!;:]){0,25}\b(zur[üu]ck|zurueck|z'?ruck)\b(?!\s*(zu|an|in|nach|zum|zur|von|"
    r"bis|gerufen|rufen|melden|schreiben|kommen|geschickt|schicken|senden|gehen)\b)|"
    r"\bwieder(haben|bekommen|kriegen)\b|\b(gern|gerne)\s+wieder\b|"
    r"\bwieder auf (mein|unser)\w* konto\b|"
    r"\b(zahlung|abbuchung|buchung|belastung|kauf|lastschrift|das|dies|es|diese\w*)\b[^.?!]{0,30}"
    r"\b(r(ü|ue|u)ckg(ä|ae|a)ngig|ungeschehen)\b|\bzur[üu]ck(gebucht|erstattet|gezahlt|"
    r"[üu]berwiesen) (werden|wird)\b|"
    r"\bzur[üu]ckzuerstatt\w*|\b\w+erstattung\b|\bauszahl\w*|"
    r"\b[üu]berweisen (sie|ihr) (uns|mir)\b|\b[üu]berweist (uns|mir)\b"
)
"""Money wanted back in German words the keyword list misses: a part, a month or a pronoun
wanted back (zurück), had again (wiederhaben), undone (rückgängig) or paid out."""
CALL_BACK_BEFORE = re.compile(r"\b(ruf|rufen|ruft|rufe|anrufen|zur[üu]ckrufen|melden|meldet)\b", _I)
"""A call asked back ("Bitte rufen Sie mich unter 0172 5538910 zurück"): no money."""
_ASKS_MORE = (
    # a will not to go on is itself the ask: "je ne souhaite plus renouveler", "no deseamos
    # renovar", "ich will das Abo nicht weiterführen", "mein Abo soll … enden"
    r"\b(je|j'|nous|on) ne (veux|voulons|souhaite|souhaitons|souhaiterais|d[ée]sire|d[ée]sirons|"
    r"compte|comptons) (pas|plus) (le |la |l'|les )?(renouveler|reconduire|prolonger|poursuivre|"
    r"continuer|[êe]tre client|payer)\b|\b(je|nous|on) ne (renouvel|reconduir|reconduis|"
    r"prolong)\w* (pas|plus)\b" + _NO_OTHER_THING_FR + r"|"
    r"\b(je|j'|nous) (ne )?(veux|voulons|souhaite|souhaitons) plus (de|d')\b|"
    r"\bno (quiero|deseo|deseamos|queremos) (continuar|seguir|renovar|prorrogar)\b|"
    r"\b(ich|wir) (will|wollen|m[öo]chte|m[öo]chten|werden)\b[^.?!,]{0,40}\b(nicht|nimmer) "
    r"(mehr |weiter |wieder )?(verl[äa]ngern|weiter\s?(machen|f[üu]hren|nutzen|zahlen)|"
    r"fortsetzen|erneuern|zahlen|bezahlen|wechseln)\b|"
    r"\b(abo\w*|vertrag|mitgliedschaft|tarif|konto|plan|lizenz\w*)\s+soll(en)?\b(?![^.?!]*\?)|"
    # a sentence that opens on "no more …" or a wish in the subjunctive ("que no se renueve")
    r"(^\W*|[,;:]\s*)(((nein|non|no),? )?(danke|merci|gracias)\W+)?"
    r"((keine|nichts|nix) (weitere\w* )?"
    r"(verl[äa]ngerung\w*|\w+ mehr)|plus de|plus aucun|pas de (renouvellement|reconduction))\b"
    + _NOT_ANOTHER_EXTENSION_DE
    + r"(?![^.?!]*\?)|"
    r"^\W*(que|qu')\s*((\w+'|\w+ )?\w+ )?(no|ne|n')\b(?![^.?!]*\?)|^\W*schluss mit\b|"
    r"\b(will|m[öo]chte) ich\b|\bwir (m[öo]chten|wollen|w[üu]rden gerne?)\b|"
    r"\bne (veux|souhaite|souhaitons|voulons) (pas|plus) que\b|"
    r"(?<!vous )\bne (le |la |l'|les |me |nous )?(renouvelez|reconduisez|prolongez|pr[ée]levez|"
    r"d[ée]bitez|facturez)\b"
    + _NOT_A_DUPLICATE
    + r"|\b(rembours|d[ée]sabonn|r[ée]sili|annul|arr[êe]t|d[ée]sactiv|stopp|"
    r"rend|envoy|retir|enlev)ez-(moi|nous|le|la|les|lui)\b|"
    r"\b(devu[ée]lv(anme|eme|edme|annos)|reembols(enme|adme|ame)|regr[ée]s(enme|eme))\b|"
    r"\b(wir|ich) bitten? sie\b|\bbitte ich( sie)? um\b|\bbitten wir\b|"
    r"\b(que )?(ya )?no (me |nos |le |les |lo |la )?(cobren|renueven|carguen|debiten|pasen|"
    r"facturen|prorroguen|cobr[ée]is|renov[ée]is)\b|"
    # an imperative opening the sentence, after a greeting
    r"^\W*((hola|buenas( tardes| noches)?|buenos d[íi]as|oigan|bonjour|bonsoir|salut|hallo|"
    r"servus|gr[üu]ezi|guten tag|moin|hi)\W+)?(bitte\s+)?(ne (me |le |la |l')?renouvelez|"
    r"no (me |nos )?(la |lo )?(renov[ée]is|renueven?)|reviert\w+|acredit(en|enme|adme)|"
    r"(gebt|gib|geben sie|zahlt|zahlen sie|bucht|buchen sie|[üu]berweist|[üu]berweisen sie|"
    r"erstattet|stoppt|stoppen sie|beendet|beenden sie|k[üu]ndigt|storniert|schaltet|"
    r"schalten sie|setzt|setzen sie|stellt|stellen sie|nehmt|nehmen sie|h[öo]rt|hören sie|"
    r"schickt))\b|"
    r"\b(me|nos) (dan|dais) de baja\b|\bporfavor\b|\bx ?favor\b|"
    r"\b(d[ée]sactiv|arr[êe]t|stopp|cl[ôo]tur)ez-le\b|\b[ée]vitez\b|"
    # Spanish imperatives and direct questions: "devuelvan los 62.000", "devolvedme el dinero",
    # "cancelá la suscripción", "dad de baja…", "¿Me lo devuelven?", "me los regresan?"
    r"\b(devu[ée]lv(an|ame|anme|anlo|anla|anlos|anmelo|anmela)|devolv(ed|edme|edlo|ednos)|"
    r"devolv[ée]dmel[oa]s?|reembols(en|ad|enme|adme|enlo)|reintegr(en|ad|enme|adme)|"
    r"cancel(en|ad|á)|anul(en|ad|á)|d(ad|en|[aá]me|[aá]nos) de baja|qu[íi]t(en|adme|enme)|"
    r"regr[ée]s(en|enme|enlo))\b|"
    r"\b(me|nos) (lo|la|los|las) (devuelven|devolv[ée]is|regresan|reembolsan|reintegran|"
    r"(pueden|pod[ée]is|podr[íi]an|podr[íi]ais|puede) (devolver|regresar|reembolsar|reintegrar))\b|"
    # French polite forms: "Est-ce que vous pourriez…", "est-ce que je peux récupérer…", "Je
    # vous serais reconnaissante de bien vouloir…", "Je vous saurais gré de…", "je réclame…"
    r"\best-ce qu'?(e )?(vous|tu) (pourriez|pouvez|pourrais|peux|voudriez|voulez)\b|"
    r"\best-ce qu'?(e )?(je|j'|nous|on) (peux|pourrais|pouvons|pourrions|puis|pourrait|peut) "
    r"(r[ée]cup[ée]rer|avoir|obtenir|recevoir|[êe]tre rembours|me faire rembours|"
    r"nous faire rembours|demander)|"
    r"\b(je|nous) vous (serais|serions) (tr[èe]s |bien |vraiment )?(reconnaissante?s?|"
    r"oblig[ée]e?s?)\b|\b(je|nous) vous (saurais|saurions) gr[ée]\b|\bbien vouloir\b|"
    r"\bje (en |vous )?(r[ée]clam|demand|exig)e\b|\bnous (en |vous )?(r[ée]clam|demand|exig)ons\b"
)
"""Asking in Spanish, French and German grammar the general `REQUEST` words miss."""
_ASKS_JA_DE = (
    # German word orders and politeness: "Diese 25 € hätte ich gern zurück", "bekomme ich die
    # Hälfte zurück?", "Wir erwarten eine Erstattung", "Ich würde mich freuen, wenn Sie…"
    r"\bh[äa]tt(e|en)? (ich|wir|i) gerne?\b|\b(bekomme|kriege|krieg|bekommen|kriegen) (ich|wir)\b|"
    r"\b(ich|wir) (erwarte|erwarten) (eine|die volle|eine volle)\b|"
    r"\b(w[üu]rde|w[üu]rden) (mich|uns) (sehr |riesig )?(dar[üu]ber )?freuen\b|"
    r"\b(w[äa]re|w[äa]ren) (ihnen |euch |dir )?(sehr |wirklich )?dankbar\b|"
    # Bavarian and Swabian "I möcht …", "Des Geld will i zrück" (not a verb first: "Will i
    # mei Geld zruck, muss i …?"); a sentence opened without its subject: "Hätte gern …",
    # "Kannst mir …", "Also: Kohle her", "Abo beenden und …"; a polite "Wären Sie so
    # freundlich, …"; an imperative after "und": "… und kündigen Sie das Abo"
    r"\bi (m[öo]cht|mecht|h[äa]tt)\b|^\W*h[äa]tte? gerne?\b|^\W*(kannst|k[öo]nntest) (mir|uns)\b|"
    r"(^\W*|[,;:]\s*)(also\W+)?(geld|kohle|knete|moneten|kr[öo]ten)\s+(zur[üu]ck\s+)?her\b"
    r"(?!\s*\?)|^\W*(das |des |mei |mein |unser )?(abo\w*|\w+abo|vertrag|mitgliedschaft)\s+"
    r"(bitte\s+)?(sofort\s+)?(beenden|k[üu]ndigen|stornieren|stoppen)\b(?!\s*\?)"
    r"(?!\s+(geht|klappt|funktioniert|ist|war)\b)|"
    r"(?<=\w )(will|m[öo]cht|mecht|h[äa]tt) i\b(?=[^.?!]{0,30}"
    r"\bzur[üu]ck\b)|\bi will\b(?=[^.?!]{0,40}\bzur[üu]ck\b)|"
    r"\b(w[äa]ren|seien) sie (bitte )?so (freundlich|nett|gut)\b|"
    r"\b(w[äa]rt|seid) ihr so (freundlich|nett|gut)\b|"
    r"\bund (k[üu]ndigen|stornieren|beenden|stoppen|erstatten|[üu]berweisen|schicken|senden) "
    r"sie\b(?![^.?!]*\?)|"
    # Japanese typed in kana: "へんきんおねがいします"
    r"おねがい|"
    # batch 26: a formal notice ("更新しない旨、本メールにてご通知申し上げます"); an ask drawn
    # out ("2,000円分だけ返して〜")
    r"旨[^。]{0,15}(通知|通告|連絡|お知らせ|申し入れ)(を)?(いたし|致し|申し上げ|させていただき|し)ます|"
    r"(返し|戻し|止め|とめ|やめ)て[ー〜~～]+"
)

_PLACE = (
    r"(\b(where|how|page|link|url|area|place|section|screen|way|somewhere|d[óo]nde|c[óo]mo|"
    r"p[áa]gina|enlace|secci[óo]n|[áa]rea|o[ùu]|comment|page|lien|espace|endroit|wo|wie|seite|"
    r"bereich|link|m[öo]glichkeit)\b|どこ|どうやって|どうすれば|画面|ページ|リンク|URL)"
)
_MANAGE = (
    r"(\b(change|update|download|manage|edit|correct|swap|swapping|modify|fix|replace|remove|"
    r"cambi(ar|o|a|en|arla|arlo)|actualiz(ar|o|a|arla|arlo)|descarg(ar|o|arlas)|gestion(ar|o)|"
    r"modific(ar|o|a)|correg(ir|irla|irlo)|corrij(o|a)|changer|changez|modifier|modifiez|"
    r"mettre [àa] jour|t[ée]l[ée]charger|g[ée]rer|corriger|[äa]ndern|aktualisieren|"
    r"herunterladen|runterladen|verwalten|verwaltet|korrigieren|anpassen|tauschen|wechseln|"
    r"change|modifie|t[ée]l[ée]charge|ajouter|mettre|cambio|poner|pongo|a[ñn]adir|agregar|"
    r"umstellen|hinterlegen|eintragen|updaten|austauschen|erg[äa]nzen|downloaden|einstellen|"
    # Swiss: "Wie chan ich d Kreditkarte wechsle?", "Wo chan ich d Rechnige abelade?"
    r"wechsle|aapasse|apasse|abelade|abeladen|runterlade)\b|"
    r"変更|変え|更新|ダウンロード|修正|管理)"
)
_BILLING_THING = (
    r"(\b(cards?|payment (methods?|details|info\w*)|billing|invoices|receipts|tax|vat|"
    r"tarjetas?|facturas|recibos|comprobantes|facturaci[óo]n|cartes?|factures|re[çc]us|facturation|"
    r"(kredit)?karte|zahlungs\w+|rechnungs\w+|rechnungen|bankverbindung|steuer\w*|"
    r"rechnige|rechnigs\w+|"
    r"moyens? de paiement|modes? de paiement|coordonn[ée]es bancaires|iban|tva|"
    r"m[ée]todos? de pago|formas? de pago|nif|cif|rfc|datos fiscales|direcci[óo]n fiscal|"
    r"ust-?id|bank (account|details)|direct debit|cuenta (bancaria|de cargo)|domiciliaci[óo]n|"
    r"rib|lastschrift\w*|bankkonto|paypal|sepa)\b|"
    r"カード|支払い方法|請求書|領収書|請求先|宛名|宛先|引き落とし口座)"
)
BILLING_THING = re.compile(_BILLING_THING, _I)
"""A card, a payment method, a bank detail or the invoices, named."""
_IN_ONE_CLAUSE = r"[^.?!。？,;、]"
_PORTAL_SELF_SERVICE = "|".join(
    (
        f"{_PLACE}{_IN_ONE_CLAUSE}{{0,60}}?{_MANAGE}{_IN_ONE_CLAUSE}{{0,50}}?{_BILLING_THING}",
        f"{_PLACE}{_IN_ONE_CLAUSE}{{0,60}}?{_BILLING_THING}{_IN_ONE_CLAUSE}{{0,50}}?{_MANAGE}",
        # not "管理画面" (the admin screen), only named: "請求書がまだ管理画面に出ていない"
        f"{_BILLING_THING}{_IN_ONE_CLAUSE}{{0,30}}?(?!管理画面){_MANAGE}{_IN_ONE_CLAUSE}{{0,20}}?"
        "(画面|ページ|リンク|URL|方法)",
        # "CARTE EXPIREE COMMENT LA CHANGER": the thing named first, then how to change it
        rf"{_BILLING_THING}{_IN_ONE_CLAUSE}{{0,30}}?\b(how|c[óo]mo|comment|wie)\b"
        rf"{_IN_ONE_CLAUSE}{{0,15}}?{_MANAGE}",
    )
)
"""Asking where (or how, or for the page) to manage a card, billing details or invoices
oneself ("where can I change my card?", "¿dónde actualizo mi tarjeta?", "Wo kann ich die
Rechnungsadresse ändern?", 宛名を変えられる画面): the place asked for is the billing portal."""

_PORTAL_IN_OTHER_WORDS = "|".join(
    (
        r"\b(take|get) (my|our|the) (\w+ )?card (off|out of)\b",
        # past invoices seen by oneself, a card entered somewhere
        r"\b(somewhere|a place|a page|a portal|anywhere)\b[^.?!]{0,30}\b(see|view|download|"
        r"access)\b[^.?!]{0,15}\b(all )?(our|my|the) (past |previous |old )?invoices\b",
        r"\bwo (seh|sehe|finde|find|kann) (ich|wir)\b[^.?!]{0,20}\b(alle )?(meine|unsere) "
        r"rechnungen\b",
        r"(請求書|領収書)[^。]{0,20}(見られる|確認できる|ダウンロードできる)(ページ|画面|場所|ところ)",
        r"カード(の)?登録[^。]{0,6}(どこ|どう)",
        r"\b(wie|wo) (hinterlege|trage?) (ich|wir) (die|sie|eine neue|die neue)( ein)?\b",
        r"\bo[ùu] (est-ce que )?(je )?(saisis|saisir|mets|entre|renseigne)\b[^.?!]{0,30}\b(carte|"
        r"coordonn[ée]es|iban|rib)\b",
        r"\b(update|change|replace|switch|swap|edit|add|correct|fix|remove|delete)\b"
        r"( (my|our|the|this|that|which|what|a))?( (old|new|personal|company|corporate|current|"
        r"expired|business|payment|bank|credit|debit))* cards?\b(?! (to|into|for) (pay|settle))",
        r"\bput (in |on )?(a |the |my |our )?(new|different|other|company|corporate|business)"
        r"( \w+){0,2}? (card|number|one|details)\b",
        r"\benter (the |our |my )?new (card |payment |billing )?(details|card|number)\b",
        r"\bswitch\w* (from )?(credit |debit )?cards? to\b|"
        r"\b(switch|change|move)\w* (\w+ ){0,3}to (sepa |bank |ach )?(direct debit|sepa|ach)\b",
        r"\b(update|change|correct|fix|edit|amend|add|set)\b (the |my |our |a )?(company name|"
        r"company|business name|legal name|country|name|address|e-?mail( address)?|contact|"
        r"vat( number| id)?|tax (id|number)|po number)\b[^.?!]{0,40}\b(invoic\w*|receipts?|billing"
        r")\b",
        r"\b(change|update|correct)\b (the |our |my )?company name on (the |our |my )?account\b",
        r"\binvoices? (addressed|made out) to (our|my|the|a) (parent |new |other )?"
        r"(company|business|entity)\b",
        r"\bmanage (my |our |the )?billing settings\b",
        r"\b(link|access|url|way|get|go|log ?in)\b( \w+){0,2} (in)?to (the |my |our |your )?"
        r"(account'?s )?(billing|payment|invoice) (settings|page|section|area|dashboard|portal)\b",
        r"\bwhere('s| is| are| can| do)\b[^.?!]{0,30}\bbilling (settings|page|section|area|"
        r"dashboard)\b",
        r"\baccess to (a |the |your )?(page|portal|area|section|dashboard)\b[^.?!]{0,40}"
        r"\b(invoices|receipts|billing|cards?|payment)",
        r"\b(page|login|portal|place|area|dashboard|section|screen|way|link)\b[^.?!]{0,40}"
        r"\b(see|view|get|grab|download|find|manage|update|change)\b[^.?!]{0,30}\b(myself|"
        r"ourselves)\b",
        r"\bo[ùu]\b[^.?!]{0,25}\b(t[ée]l[ée]charge|vois|trouve)\b[^.?!]{0,20}\bfactures\b",
        r"\b(page|login|portal|place|area|dashboard|section|screen|link)\b (where|to|for)\b"
        r"[^.?!]{0,40}"
        r"\b(see|view|get|grab|download|find|manage|update|change)\b[^.?!]{0,30}\b(invoices|receip"
        r"ts|"
        r"cards?|payment methods?|billing)\b",
        r"\bwhere (can|do|could) (i|we) (see|view|find|get|access|grab)\b[^.?!]{0,20}\b(invoices|"
        r"receipts|payment methods?)\b",
        r"\b(acceso|enlace|link)\b[^.?!]{0,20}\b([áa]rea|portal|secci[oó]n|p[áa]gina|panel) de "
        r"(facturaci[oó]n|cliente|pagos)\b|\b(descargar|ver|cambiar|gestionar)(la|las|lo|los)?\b[^.?!]{0,20}\b(yo|"
        r"nosotros) mism[oa]s?\b",
        r"\bcambiar de (tarjeta|m[ée]todo de pago|forma de pago|cuenta bancaria)\b",
        r"\b(poner|pongo|a[ñn]adir|a[ñn]ado|agregar|agrego|quitar|quito|meter|registrar|cambiar|"
        r"cambio|corrijo|corregir)\b (la |una |mi |otra |nueva |el |nuestr[oa] |los |mis )?(\w+ )?"
        r"(tarjeta|cif|nif|rfc|nit|cuit|ruc|direcci[oó]n fiscal|raz[oó]n social|datos fiscales)\b",
        r"\b(cambi\w*|modific\w*|actualiz\w*|correg\w*)\b (el |la |mi |nuestr[oa] )?(email|correo|"
        r"e-mail|direcci[oó]n|nombre|raz[oó]n social)\b[^.?!]{0,30}\bfactur\w*",
        r"\b(link|enlace|v[íi]nculo|acceso|lien|acc[èe]s|zugang|url)\b[^.?!]{0,15}\b(to|for|para|"
        r"pour|zum|um)\b[^.?!]{0,20}\b(change|update|edit|manage|correct|cambiar\w*|actualizar\w*|"
        r"modificar\w*|editar\w*|gestionar|corregir\w*|changer|modifier|mettre [àa] jour|g[ée]rer|"
        r"corriger|enregistrer|[äa]ndern|aktualisieren|anpassen|verwalten|korrigieren)\b"
        r"(?![^.?!]{0,20}\b(password|passwort|contrase[ñn]a|mot de passe)\b)",
        r"\b(access|acceso|acc[èe]s|zugang)\b[^.?!]{0,30}\b(myself|ourselves|nous-m[êe]mes|"
        r"moi-m[êe]me|selbst|yo mism[oa]|nosotros mism[oa]s)\b",
        # batch 28: "Is there somewhere I can log in and download them all myself?", "un espace
        # où je peux les télécharger moi-même", "Kann ich die irgendwo selbst herunterladen?"
        r"\b(somewhere|some ?place|un espace|un endroit|quelque part|irgendwo|alg[úu]n (sitio|"
        r"lugar|lado))\b(?=[^.?!]{0,60}\b(myself|ourselves|moi-m[êe]me|nous-m[êe]mes|selbst|selber|"
        r"yo mism[oa]|nosotros mism[oa]s)\b)(?=[^.?!]{0,60}\b(download|export|see|view|access|"
        r"t[ée]l[ée]charg|consult|r[ée]cup[ée]r|herunterlad|runterlad|abruf|einseh|ansehen|descarg|"
        r"consultar|exportar|bajar)\w*)|"
        r"\b(somewhere|some ?place)\b[^.?!]{0,20}\b(i|we) (can|could) log ?in\b",
        r"\bt[ée]l[ée]charger (toutes )?(mes|nos|les) (anciennes )?factures\b|"
        r"\bdescargar (todas )?(mis|nuestras|las) facturas\b|"
        r"\b(alle )?(meine|unsere|die) (alten )?rechnungen (\w+ )?(herunterladen|runterladen)\b|"
        # "Ich brauche Zugriff auf die Rechnungsübersicht"
        r"\b(zugriff|zugang) (auf|zu|zur|zum) (die |das |den |unsere |meine |alle )?"
        r"(rechnungs([üu]bersicht|bereich|archiv)|rechnungen|zahlungs([üu]bersicht|daten))\b",
        r"\b(changer|change|changez) de (carte|moyen de paiement|mode de paiement|banque|compte ba"
        r"ncaire)\b",
        r"\b(mettre|mets|met|ajouter|ajoute|enregistrer|remplacer)\b (ma |la |une |notre |mon |le |"
        r"l')?(nouvelle|autre|carte|num[ée]ro de tva|tva|siret|siren)\b",
        r"\b(ajouter|ajoute|modifier|modifie|changer|change|corriger|corrige)\b[^.?!]{0,30}\b(adre"
        r"sse|e-?mail|raison sociale|"
        r"num[ée]ro de tva|tva|nom)\b[^.?!]{0,40}\bfactur\w*",
        r"\b(lien|acc[èe]s)\b[^.?!]{0,20}\bespace (client|de facturation|facturation|abonn[ée])|"
        r"\bespace client\b[^.?!]{0,20}\bo[ùu]\b",
        # fr: access to where billing is managed, a card or bank detail to enter or switch
        r"\b(acc[èe]s|lien)\b[^.?!]{0,20}\bgestion (du |de la |des |de l')?(paiement|"
        r"moyens? de paiement|modes? de paiement|cartes?|facturation|factures)\b",
        r"\b(acc[ée]der|retrouver|trouver)\b[^.?!]{0,10}\b(l'|la |le |mon |notre |votre )?(espace|"
        r"page|rubrique|section)\b[^.?!]{0,10}\bo[ùu]\b[^.?!]{0,30}\b(factur\w*|cartes?|"
        r"moyens? de paiement)\b",
        r"\bo[ùu]\b[^.?!]{0,20}\b(saisir|entrer|renseigner|indiquer)\b[^.?!]{0,15}\b(iban|rib|"
        r"carte|coordonn[ée]es bancaires|tva|siret)\b",
        r"\b(enregistrer|ajouter|mettre)\b (ma |notre |une |la )?(visa|mastercard|amex|carte bleue)"
        r"\b",
        r"\bpasser (de (la |ma |notre )|d'une )(carte|visa|mastercard)\b[^.?!]{0,40}\b[àa] (la |"
        r"une |ma |notre )?(carte|visa|mastercard|pr[ée]l[èe]vement)\b",
        r"\b(payer|r[ée]gler) (par |au )(pr[ée]l[èe]vement|virement)( sepa)? au lieu de (la |ma |"
        r"notre )?carte\b",
        r"\b(ajouter|mettre|indiquer)\b (notre |mon |le |un )?(n°|num[ée]ro) (de )?(siret|siren|"
        r"tva)\b",
        # the separable verb split: "Wie lade ich die Rechnungen für meinen Steuerberater runter?"
        r"\b(wie|wo) (lade|laden|l[äa]dt) (ich|wir|man)\b[^.?!]{0,40}\b(rechnung\w*|belege|"
        r"quittungen)\b[^.?!]{0,40}\b(runter|herunter)\b",
        # a link or page where one sees a billing thing: "nen link wo ich meine
        # zahlungsmethode sehen kann"
        r"\b(link|seite|bereich|zugang)\b,?\s+(wo|auf dem|auf der|[üu]ber den|in dem)\s+"
        r"(ich|wir|man)\b[^.?!]{0,40}" + _BILLING_THING + r"[^.?!]{0,20}\b(sehen|ansehen|"
        r"einsehen|pr[üu]fen|checken|nachschauen)\b",
        r"\b(zugang|link)\b[^.?!]{0,20}\b\w*(abrechnungs|kunden)(portal|bereich)|"
        r"\bin (mein|das|den|unser) \w*(abrechnungs|kunden)(portal|bereich)",
        r"\b(e-?mail(-adresse)?|adresse|anschrift|firmenname|name|iban|bankverbindung|"
        r"steuernummer|ust-?id\w*)\b[^.?!]{0,40}\b(rechnung\w*|abbuchung|lastschrift)\b[^.?!]{0,30}"
        r"\b([äa]ndern|anpassen|korrigieren|aktualisieren|ge[äa]ndert werden)\b",
        r"\brechnungs(anschrift|empf[äa]nger|e-?mail)\b[^.?!]{0,30}\b(anpassen|[äa]ndern|"
        r"korrigieren|aktualisieren)",
        r"\b((kredit)?karte|lastschrift|sepa)\b[^.?!]{0,30}\bumstell\w*",
        r"\bselbst\b[^.?!]{0,30}\brechnung\w*\b[^.?!]{0,30}\b(herunterlad\w*|runterlad\w*|"
        r"zugreif\w*|abruf\w*|ansehen)\b",
        r"\b(rechnung\w*|karte|zahlungs\w*|abrechnung\w*)\b[^.?!]{0,40}\bselbst\b[^.?!]{0,20}"
        r"\b(herunterladen|runterladen|ansehen|[äa]ndern|verwalten|eintragen|hinterlegen|anpassen)"
        r"\b",
        # not a payment's own procedure: "支払い手続きのページをお送りください" pays
        r"(変更|編集|修正|(?<!支払い)(?<!支払)(?<!納付)手続き)(用|できる|する)?の?(リンク|ページ|画面|URL)|"
        r"設定(用|できる|する)の?(リンク|ページ|画面|URL)|"
        r"カード(?!の?(分割|一括|リボ)?払い)[^。？?]{0,12}(切り替え|切替|入れ替え)(?!た(?!い)|まし|済|てい|てな|で(?!き)|により|のため|の(影響|せい))|"
        r"(支払い?|お支払い|請求)(情報)?[のを]?管理(用|できる)?の?(ページ|画面|リンク)|"
        r"自分で[^。？?]{0,10}(直せ|変え|変更|設定|編集|見られ|見たい|ダウンロード)|"
        r"(領収書|請求書|請求メール|請求関連)の?[^。？?]{0,12}(宛名|住所|メール\w*|アドレス|会社名|"
        r"送り先|送付先|届く先|届け先|連絡先|登録番号)[^。？?]{0,12}(変更|変え|直|載せ|"
        r"記載(?!の|が(ある|あり)|され(て|た)|[)）]))",
    )
)
"""More ways of asking for the billing portal: a card to change, add, put in or switch from;
billing details to correct on the invoices ("change the company name and address for
invoicing", "añadir el CIF a las facturas", "die IBAN für die Abbuchung muss geändert
werden", 請求メールの送り先を変えたい); a link or access to change them or to see the
invoices oneself ("the link to change it", "l'espace de facturation", 変更用のリンク)."""
_PAY_LINK_IN_OTHER_WORDS = "|".join(
    (
        r"\b(send|give|share|email|need|want|get|flick|drop|shoot|text|ping)\b[^.?!]{0,30}\b(link|"
        r"url|page|something|somewhere|thing|means|details|option)\b[^.?!]{0,25}\b(pay|settle|"
        r"put (a|my|the) card through)\b",
        # something to press: "send me something by the email that I can press to pay it"
        r"\b(send|give|email)\b[^.?!]{0,30}\bsomething\b[^.?!]{0,30}\b(press|click|tap)\b"
        r"[^.?!]{0,10}\b(pay|settle)\b",
        r"\blink\b[^.?!]{0,30}\b(complete|finish|make(?! sure)|top up)\b",
        r"\blink\b[^.?!]{0,30}\b(try|retry) (again|with)\b",
        r"\bpay[- ](now|by)[- ]link\b|\bpay[- ]by[- ](card|bank|credit[- ]card)[- ]link\b",
        r"\blink (for|to make|to complete) (the |a |an |my |our |this )?"
        r"(online |card |credit card |bank )?payment\b"
        r"(?! (history|confirmation|receipt|details|settings|method|status))",
        r"\b(want|wanna|need) pay\b|\bready to pay\b",
        r"\bpay (the |my |our |this |that )?(pending|unpaid|remaining|due|late|current) "
        r"(invoice|bill|balance|amount)",
        r"\b(clear|settle) (my |our |the |this |that )?(open |outstanding |overdue |remaining |"
        r"unpaid )?(balance|invoice|bill|debt)\b",
        r"\b(d[óo]nde|c[óo]mo) (les |os |te |le )?(lo |la |los |las )?(pago|abono|deposito)\b|"
        r"\bpor d[óo]nde (les |os )?(pago|deposito|abono)\b|"
        r"\b(m[áa]nd|envi|pas)\w*\b[^.?!]{0,30}\b(para|con (lo|el|la) que) "
        r"(poder |pueda |podamos )?pag(ar|arla|arlo|arlas)\b|"
        r"\b(p[áa]gina|sitio|web)\b[^.?!]{0,20}\bpag(ar|ue)\b",
        r"\bje (paie|paye|r[èe]gle) (o[ùu]|comment)\b|"
        r"\b(wie|wo) (zahle|bezahle|begleiche) (ich|wir)\b|"
        r"\bwas (ich|wir) zum (be)?zahlen brauch\w*|"
        r"\bo[ùu] (est-ce que )?je (paie|paye|r[èe]gle)\b|"
        r"\bcomment (est-ce que )?(je |on )(vous )?(paie|paye|r[èe]gle)\b|"
        r"\bde quoi (la |le |les )?(payer|r[ée]gler)\b|"
        r"\blien de r[èe]glement\b|\blien pour (la |le |les )?(payer|r[ée]gler)\b",
        r"\bwomit\b[^.?!]{0,40}\b((be|nach)?zahlen|begleichen)\b|\b(was|etwas) zum "
        r"(draufklicken (zum |und )?)?(be)?zahlen\b|\blink zur (be)?zahlung\b|"
        r"\bonline (be)?zahlen\b|\bgerne? (\w+ ){0,2}"
        r"(be|nach)?zahlen\b|\bseite\b((?!\b(ist|war|hat|beim)\b)[^.?!]){0,30}"
        r"\b(be)?zahlen\b|\b(wo|wie) (kann|k[öo]nnen) (ich|wir)\b[^.?!]{0,40}\bzahlung\b[^.?!]{0,2"
        r"5}"
        r"\bleisten\b",
        r"払う(とこ|ところ|場所|ページ)|払える(ページ|リンク|URL|とこ)|"
        r"決済(できる|用の|する)(URL|リンク|ページ)|どうやって(払|支払)|"
        r"払える[^。？?]{0,6}(払込票|番号|用紙|コード)|"
        r"(どのように|どうやって|どう)(精算|清算|お支払い?|支払い?|入金)(すれば|したら|いたせば|"
        r"できます|いたします)",
        # how to settle what is owed: "How do I settle this?", "Comment régler ?"
        r"\bhow (do|can|should|shall|would) (i|we) (go about )?(settle|clear) (this|it|that|"
        r"the|my|our)\b|\bhow (do|can|should|shall) (i|we) pay (this|it|that)\b",
        r"\bcomment (est-ce que )?(je |on |nous )?(peux |pouvons |puis-je |dois-je |dois |devons )?"
        r"(la |le |les |l')?(r[ée]gler|acquitter)\b|\b(autre |un )?moyen de (la |le |les )?(payer|"
        r"r[ée]gler)\b",
        r"\bc[óo]mo (hago para |hacemos para |puedo |podemos )?(liquid|abon|sald)(o|amos|ar|arla|"
        r"arlo)\b",
        r"\b(wie|wo) (kann|k[öo]nnen|soll|sollen) (ich|wir) (das|den betrag|die rechnung|diese|sie|"
        r"es) (begleichen|bezahlen|zahlen)\b|\bwie begleichen\b|"
        r"\b(etwas|was)\b[^.?!]{0,20}\bmit dem (ich|wir)\b[^.?!]{0,40}\b(be)?zahlen\b|"
        # "den Zahllink nochmal", "einen neuen Link, damit ich das nachzahlen kann", "eine
        # Möglichkeit, per Karte zu bezahlen", "Wie soll ich die offenen 180 Euro bezahlen?"
        r"\bzahl(ungs)?-?links?\b|\blink\b[^.?!]{0,40}\b(be|nach)?zahlen (kann|k[öo]nnen)\b|"
        r"\bm[öo]glichkeit\b[^.?!]{0,30}\bzu (be|nach)?zahlen\b|"
        r"\b(wie|wo) (kann|k[öo]nnen|soll|sollen) (ich|wir)\b[^.?!]{0,30}\b(offen\w*|ausstehend\w*|"
        r"rest\w*|schulden|betrag|rechnung)\b[^.?!]{0,40}\b(be|nach)?zahlen\b"
        r"(?!\s+(musste|mussten|hatte|habe|hat|h[äa]tte|sollte|wollte)\b)",
        # paying what is owed in regional words: "How would I go about paying off what I owe",
        # "the easiest way to pay the arrears", "How I go pay this thing?", "clear the dues"
        r"\b(how|what'?s the (easiest|best|quickest|fastest) way)\b[^.?!]{0,25}\b(pay(ing)? off|"
        r"pay(ing)? (the|my|our) (arrears|dues|balance|outstanding)|settl(e|ing) (up|the|my))\b|"
        r"\bhow (i|we) (go|fit|can|should) pay\b|"
        r"\b(want|like|need|wish|trying) to (clear|pay|settle) (the |my |our )?(dues|arrears)\b|"
        r"\bfix you up for\b",
        # "Wie kann ich Ihnen den offenen Betrag vergüten?", "den Restbetrag ausgleichen", "die
        # Gebühr berappen", "die Mahnung begleichen", "die offene Summe glattstellen"
        r"\b(wie|wo) (kann|k[öo]nnen|soll|sollen) (ich|wir)\b[^.?!]{0,60}\b(verg[üu]ten|"
        r"ausgleichen|berappen|begleichen|glattstellen)\b|"
        r"\b(ich|wir) (m[öo]chte|m[öo]chten|will|wollen)\b[^.?!]{0,40}\b(offen\w*|rest\w*)\b"
        r"[^.?!]{0,30}\b(ausgleichen|begleichen|glattstellen|bezahlen)\b",
        # "¿Cómo le hago para pagarla?", "¿Cómo lo liquido?", "quisiera ponerme al día con lo
        # que debo", "quiero cancelar mi deuda" (Latin American: pay it off)
        r"\bc[óo]mo (le )?(hago|hacemos) para pag\w*|\bc[óo]mo (lo |la )?(liquido|pago)\b|"
        r"\bponer(me|nos) al d[íi]a con (lo que|el pago|la cuota|las cuotas|mi deuda)\b|"
        r"\bcancelar (mi|la|esa|nuestra|el|ese) (deuda|saldo|adeudo)\b",
        # "Comment je fais pour la payer ?", "Comment paie-t-on la facture en souffrance ?",
        # "Comment je peux défrayer ma cotisation ?", "Envoyez-moi comment payer"
        r"\bcomment (je fais|on fait|faire) pour (la |le |les |l'|vous )(payer|r[ée]gler|verser)\b|"
        r"\bcomment (paie|r[èe]gle)-t-on\b|\bcomment (je peux |puis-je )?d[ée]frayer\b|"
        r"\b(envoyez|dites|indiquez)-(moi|nous) comment (payer|r[ée]gler|verser)\b",
        # 支払いできるページを送って, ネットで払える方法, 今すぐ納めたい
        r"(支払い|お支払い|決済)(が)?できる(ページ|リンク|URL)|(ネット|オンライン)で(払|支払|納)える方法|"
        r"納めたい|"
        # batch 29: something to pay with sent: "払えるやつ送ってや", "何か払えるものを送って",
        # "カードでお支払いできるものをお送りいただけますと", "はらうところをおくって"
        r"(払える|払う|支払える|お?支払いできる|お?支払い用の|はらえる|はらう|支払う)(もの|やつ|"
        r"画面|ページ|ところ|とこ|リンク|りんく|URL)(を|も)?[^。]{0,4}(お送り|送っ|送れ|おくっ|ください|"
        r"下さい|いただ)|(支払い?|しはらい)りんく|(払える|支払える)[^。]{0,3}(画面|ページ)",
    )
)
"""More ways of asking for a payment link: something to pay with ("send me something I can
click to pay", "de quoi payer par carte", 払えるページ), a pay-now link, where to pay ("je
paie où ?", "¿dónde pago?"), and paying the pending or remaining invoice."""

PLACE_TO_CHANGE_IT_ONESELF = re.compile(
    r"\b(is there|there'?s|have you got|do you have)\b[^.?!]{0,30}\b(somewhere|anywhere|where|"
    r"(a|an|any) ([\w-]+ )?(place|page|spot|screen|section|setting|settings|option|menu|tab))\b"
    r"[^.?!]{0,40}\b(i|we) (can|could) (add|change|update|edit|enter|put|set|correct|fix|do)\b|"
    r"\b(i'?d like|i want|i'?d rather|would rather)\b[^.?!]{0,25}\b(myself|ourselves)\b"
    r"[^.?!]{0,10}\bwhere (do|can|should) (i|we) (go|find it|do that)\b|"
    r"\bd[óo]nde (puedo|podemos|se pueden?) (poner|cargar|cambiar|agregar|a[ñn]adir|modificar|"
    r"actualizar|ingresar)\b|"
    r"\bhay (alg[úu]n[ao]?|una?) (parte|secci[óo]n|p[áa]gina|opci[óo]n|lugar|apartado)\b"
    r"[^.?!]{0,30}"
    r"\b(donde|en (la|el) que)\b|"
    r"(変更|入力|設定|登録|変え|記載|編集|修正)(でき|られ)[^。]{0,10}(画面|ページ|リンク|メニュー|設定|場所|"
    r"ところ)[^。]{0,25}"
    r"(教えて|ご案内|お教え|ご教示|お知らせ)|"
    r"(画面|ページ)へのリンクを(教えて|ご案内|お教え|お送り|送って)|"
    r"(設定|管理)(画面|ページ)(って|は)?(あります|ございます)(か|でしょうか)|"
    r"(自分で|当方で|弊社側で|こちらで|こちら側で)[^。]{0,25}(変更|入力|設定|変え)[^。]{0,15}"
    r"(画面|ページ)[^。]{0,10}(教えて|ご案内|お教え|あります|ありますか|ございますか)|"
    # batch 26: the change said as "do" after the detail: "自分でできる画面あったら教えてほしい"
    r"(自分で|当方で|弊社側で|こちらで|こちら側で)(でき|やれ)る(画面|ページ|ところ|場所)[^。]{0,10}"
    r"(教えて|ご案内|お教え|あります|ありますか|ございますか)|"
    # changing it oneself: "Kann ich das irgendwo selbst ändern?", "l'ajouter moi-même"
    r"\b(can|could) (i|we) (\w+ )?(add|change|update|edit|enter|put|set|correct|fix|"
    r"do (it|that|this))\b[^.?!]{0,30}\b(myself|ourselves|on (my|our) end)\b|"
    r"\b(puedo|podemos|podr[íi]a|podr[íi]amos)\b[^.?!]{0,25}\b(yo|nosotros)"
    r"( mism[oa]s?| sol[oa]s?)?"
    r"\b[^.?!]{0,20}\b(desde|en) (alg[úu]n|alguna|la|el) (lado|sitio|lugar|panel|portal|cuenta|"
    r"parte)\b|"
    r"\b(modifier|ajouter|mettre|changer|saisir|corriger|renseigner)\b[^.?!]{0,30}"
    r"\b(moi|nous)-m[êe]mes?\b|\b(moi|nous)-m[êe]mes?\b[^.?!]{0,30}\b(modifier|ajouter|mettre|"
    r"changer|saisir|corriger|renseigner)\b|"
    r"\b(selbst|selber|s[äe]lber)\b[^.?!]{0,30}\b([äa]ndern|pflegen|eintragen|hinterlegen|anpassen|"
    r"aktualisieren|korrigieren|aapasse|apasse|[äa]ndere)\b",
    _I,
)
"""Where the customer can change a detail themselves ("Is there a spot where I can change both
myself?", "¿Dónde puedo poner ese dato?", 口座情報を変更できる画面がございましたら、ご案内
いただけますでしょうか): beside a billing detail named in the email, it asks for the portal."""
WAY_TO_CHANGE_ASKED = re.compile(
    r"\b(what'?s|what is|whats) the (easiest |best |quickest |simplest |fastest )?way\b|"
    r"\bhow (do|can|should|would|could) (i|we) (go about|do (it|that|this)|swap|put|get|switch|"
    r"set (it|that|this|things) up)\b|"
    r"\bwhere (can|do|should|could) (i|we) (enter|put|add|go|type|upload|register|change|update)\b|"
    r"\bwhere (do |can )?(i|we) (change|update|enter|add|put|fix) (this|that|it|them)\b|"
    r"\b(tell|show) (me|us) where\b|\b(send|give) (me|us) (whatever|what) (i|we) need\b|"
    r"\b(send|give) (me|us) (the )?access\b|\bif you send (me |us )?(the |a )?link\b|"
    r"\bi (don'?t|do not) know (where|how) (to go|to do (it|that|this))\b|"
    r"\bis there a way for (me|us) to do (that|this|it)\b|\b(a )?link you (can|could) send\b|"
    # Japanese: a screen to change it oneself, where to change it, a direct link, no button
    r"(直せる|変えられる|変更できる|設定できる|変えれる|確認できる|入れられる|登録できる|"
    r"切り替えられる|更新できる)(画面|ページ|ところ|とこ|場所|リンク|ボタン)|"
    r"どこで(かえ|変え|変更|設定|直|登録|更新)|(マイページ|管理画面|設定画面)の?どこ|"
    r"(直接の|専用の)(リンク|URL)|(?<![a-z])(billing )?portal ?(みたいな|のような|的な)|"
    r"ポータル(みたいな|のような|的な)|"
    r"(ボタン|メニュー|項目)が(ない|見当たら|見つから)",
    _I,
)
"""Asking the way to change a billing detail oneself, in other words than `PLACE_FOR_IT` ("What's
the easiest way?", "Can you send me whatever I need to do that myself?", "just tell me where",
"Where can we enter the IBAN?", "I don't know where to go"): beside a detail to change, the
portal (batch 29)."""
DETAIL_IN_OTHER_WORDS = re.compile(
    r"(?<![a-z])billing ?(address|e-?mail|details)(?![a-z])|メアド|メールアドレス|請求先|住所|"
    r"(?<![a-z])(mastercard|amex|american express|visa)(?![a-z])",
    _I,
)
"""A billing detail in words `BILLING_DETAIL` misses, also inside Japanese ("登録してるメアドと
billing addressを変えたいです")."""
PRODUCT_SETTING = re.compile(
    r"\b(logo|template|branding|layout|colou?rs?|font)s?\b|ロゴ|テンプレート|デザイン|レイアウト|見た目",
    _I,
)
"""How documents look (a logo, a template): a product setting, not a billing detail."""
CHANGE_SAID = re.compile(
    r"\b(switch|swap|chang|updat|replac|correct|fix|add|mov|enter)(ing|ed|es|s)?\b|"
    r"\b(instead of|rather than|statt|anstatt|au lieu de|en lugar de|en vez de)\b|"
    r"(変え|かえ|変更|切り替え|切替|更新し|直し|入れ)たい|(変わり|かわり)ました|になるよう",
    _I,
)
"""A change to a billing detail said in any form ("I'm switching the payment…", "pay by SEPA
instead of credit card")."""
PLACE_TO_GET_THEM_ONESELF = re.compile(
    r"\b(gibt es|gibt's|gits|habt ihr|haben sie)\b[^.?!]{0,30}\b(bereich|seite|ort|stelle|"
    r"ansicht|[üu]bersicht)\b[^.?!]{0,10}\b(wo|in dem|in der|auf dem|auf der)\b (ich|wir|man)"
    r"(\s+((?-i:[a-zäöüß][\wäöüß]*)|rechnung\w*|belege|zahlungen|quittungen)){0,5}"
    r"\s+(herunterladen|runterladen|abrufen|einsehen|ansehen|abelade|downloaden)\b|"
    # "今後は自分で出せるようにしたいので、やり方も教えてください"
    r"(自分で|自分たちで|こちらで|当方で|弊社で)[^。]{0,15}(出せ|見れ|見られ|確認でき|ダウンロードでき|"
    r"取得でき|発行でき|印刷でき|落とせ)る?よう(に)?(したい|なりたい)[^。]{0,20}(やり方|方法|手順|ページ|"
    r"画面|リンク|URL|どう|どこ)",
    _I,
)
"""Whether there is a place to fetch them oneself ("Gibt's da irgendwo einen Bereich, wo man
alle auf einmal runterladen kann?"), or how to get them oneself from now on (今後は自分で出せる
ようにしたいので、やり方も教えてください): beside invoices or payments named, the billing portal.
Only lower-case words (no noun of another thing: "wo ich die Kursunterlagen herunterladen
kann") sit before the verb."""
INVOICES_OR_PAYMENTS = re.compile(
    r"\b(rechnung\w*|zahlungen|belege|quittungen)\b|請求書|領収書|インボイス|利用明細|支払い明細",
    _I,
)
PLACE_FOR_IT = re.compile(
    r"^\W*(where|how)\W*$|\b(where|how)( [^.?!]{0,25}?)? (can|do|would|should|could) (i|we) "
    r"(do|change|correct|"
    r"fix|update|edit|add|set|put|enter|replace|swap) (it|that|this|them|one)\b|"
    # with "to" ("show me where to fix it"), or in a learner's order ("How I do it?")
    r"\b(where|how) (to|(i|we)( can| could| should)?) (do|change|correct|fix|update|edit|add|set|"
    r"put|enter|replace|swap) (it|that|this|them)\b|"
    r"\b(d[óo]nde|c[óo]mo|qu[ée] p[áa]gina)\b[^.?!]{0,15}\b(lo|la|los|las) (puedo |podemos |"
    r"pueden )?(hago|cambio|cambiar|corrijo|corregir|pongo|poner|modifico|modificar|actualizo|"
    r"actualizar|edito|editar|a[ñn]ado|a[ñn]adir|agrego|agregar)\b|\bc[óo]mo (lo )?hago\b|"
    r"\b(o[ùu]|comment) (le |la |les |l')?(modifier|changer|corriger|ajouter|mettre [àa] jour)\b|"
    r"\b(o[ùu]|comment)\b[^.?!]{0,25}\b(je|on|nous) (peux |peut |pouvons |dois |doit |devons |"
    r"puis )?"
    r"(le |la |les |l')?(fais|"
    r"fait|faire|change|changer|modifie|modifier|corrige|corriger|mets|mettre|ajoute|ajouter)\b|"
    r"\bo[ùu] (mettre|changer|modifier|ajouter|corriger)\b|\bc'est o[ùu]\b|\bcomment je fais\b|"
    r"\bo[ùu] (est-ce que )?(je|on|nous) (r[èe]gle|r[ée]glons|param[èe]tre) ([çc]a|cela)\b|"
    r"\blien (direct\b|pour (la |le |les |l')?(faire|mettre|changer|modifier|ajouter|"
    r"enregistrer|remplacer)\b|pour ([çc]a|cela)\b)|"
    r"\b(wo|wie) (geht|mach\w*) (das|ich|man)\b|\b(wo|wie) (kann|k[öo]nnen|soll|sollen) (ich|wir|m"
    r"an) "
    r"(das|die|den|es|sie|ihn) ((beim|bei|im|in|auf|f[üu]r|f[üu]rs|zum|zur|in der|in den) "
    r"[\w-]+ )?(selbst )?([äa]ndern|machen|anpassen|korrigieren|eintragen|hinterlegen)\b|"
    r"\b(kann|k[öo]nnen) (ich|wir) (das|es|die|den) selbst\b|\bwenn ja,? wo\b|"
    r"(どこ|どちら)(で|から|に)[^。？?]{0,10}(変更|変え|直せ|直し|設定|登録|追加|編集)|"
    r"(どこ|どちら)(で|から)(でき|可能|やれ|やる|やっ|すれ|する)|"
    r"(設定|管理)(画面|ページ)(は|の)?(どこ|URL|リンク)|どうやって(変更|変え|直|設定|登録)|どう(い)?たしましたら|どう(したら|すれば)(いい|よい|よろしい)",
    _I,
)
"""A question of where or how to change "it" oneself ("Where can I correct it?", "¿Dónde lo
cambio?", "Où est-ce que je peux l'ajouter ?", "Wo geht das?", どこで変えられますか)."""
BILLING_DETAIL = re.compile(
    r"\b(address|name|e-?mail|vat|tax id|tax number)\b[^.?!]{0,40}\b(invoic\w*|receipts?|billing|"
    r"bills?\b)|"
    r"\bbilling (address|e-?mail|details|contact)|\b(card|payment method)\b|"
    r"\b(on|for) (the|our|my|all)( future| next| coming)? invoices\b|"
    r"\ben (las|mis|nuestras)( pr[óo]ximas)? "
    r"facturas\b|\bsur (les|nos|mes)( prochaines| futures)? factures\b|"
    r"\bauf (die|den|unseren|meinen) rechnung\w*|rechnungsanschrift|請求書(に|へ)|"
    r"\b(tarjeta|m[ée]todo de pago|(cif|nif|rfc|nit|ruc|cuit|rut|direcci[oó]n|nombre|correo|"
    r"e-?mail)\b[^.?!]{0,40}(factur|comprobante|boleta)\w*|(factur|comprobante|boleta)\w*\b"
    r"[^.?!]{0,40}\b(cif|nif|rfc|nit|ruc|cuit|rut)\b|datos fiscales|domiciliaci[óo]n)|"
    r"\b(tax[- ]exempt(ion)? (number|id|certificate)|tin|abn|gstin|ein)\b[^.?!]{0,40}"
    r"\binvoices?\b|\binvoices?\b[^.?!]{0,40}\b(tax[- ]exempt(ion)? (number|id)|tin|abn|gstin|"
    r"ein)\b|"
    r"\b(carte|moyen de paiement|(tva|adresse|nom|e-?mail|raison sociale)\b[^.?!]{0,40}factur\w*|"
    r"\bfactur\w*\b[^?!\n]{0,40}\S@\S|\b(visa|mastercard|siret|siren|iban)\b|"
    r"factur\w*[^.?!]{0,40}\b(adresse|nom|e-?mail|tva))|"
    r"\buid(-nummer)?\b[^.?!]{0,40}rechnung\w*|"
    r"\b((kredit|bankomat|debit|giro|visa|maestro)?karte|iban|lastschrift|bankdaten|"
    r"bankverbindung|kontodaten|kontoverbindung|rechnungsdaten|zahlungsdaten|"
    r"rechnigsadr[äe]ss?e|"
    r"firmenadresse|rechnungsadresse|(firmenname|adresse|"
    r"anschrift|name|e-?mail\S*|steuernummer)\b[^.?!]{0,40}rechnung\w*|rechnung\w*[^.?!]{0,40}"
    r"\b(firmenname|adresse|anschrift|name))|\bfirmennamen\b[^.?!]{0,40}rechnung\w*|"
    r"(?<!IC)(?<!ＩＣ)(?<!ポイント)(?<!会員)(?<!診察)(?<!メンバーズ)カード|クレカ|支払い方法|"
    r"(請求書|領収書|請求メール)の?[^。]{0,12}(宛名|住所|会社名|送り先|アドレス)",
    _I,
)
"""A card, a payment method or a billing detail on the invoices, named beside `PLACE_FOR_IT`
("Our billing address is wrong on all invoices. Where can I correct it?"); not a card that
pays nobody (ICカード, ポイントカード)."""
PLACE_OF_ANOTHER_THING_JA = re.compile(
    r"([^\s、。？?]{1,30})(?<!設定画面)(?<!設定ページ)(?<!管理画面)(は|って)[^、。？?]{0,4}(どこ|どちら)"
)
"""A Japanese place question with its own topic ("勘定科目の自動判定ルールはどこで設定できますか"):
"it" is that topic, a billing detail only when the topic names one; the settings screen is
no topic of its own ("…請求書を届くようにしたいです。設定画面はどこですか")."""
OWN_CUSTOMERS_SIDE = re.compile(
    r"\b(invoices?|receipts?|bills?) (that |which )?(i|we) (send|issue|create|make|generate|"
    r"give)\b|\b(to|for|from) (my|our) (own )?(customers|clients|tenants|students|patients|"
    r"members|guests|shoppers|buyers)\b|"
    r"\bfacturas? que (emito|emitimos|hago|hacemos|env[íi]o|enviamos|genero|generamos|doy|damos)"
    r"\b|\b(a|para|de) (mis|nuestros) (clientes|inquilinos|alumnos|pacientes|socios)\b|"
    r"\bfactures? que (j'[ée]mets|nous [ée]mettons|j'envoie|nous envoyons|je fais|nous faisons|"
    r"je g[ée]n[èe]re)\b|\b(à|pour|de) (mes|nos) (clients|locataires|[ée]l[èe]ves|patients|"
    r"adh[ée]rents)\b|"
    r"\b(an|f[üu]r|von) (meine|unsere|meinen|unseren) (kunden|mieter\w*|sch[üu]ler\w*|"
    r"patienten|mitglieder\w*)\b|"
    r"(お客様|お客さん|顧客|生徒|保護者|入居者|利用者)(が|に|の|へ|から)|"
    r"(発行|送付|作成|出力)する(請求書|領収書)|"
    r"\bqu'ils puissent (payer|r[ée]gler)\b|\bso (that )?they can pay\b|"
    r"\bdamit sie (be)?zahlen k[öo]nnen\b|\bque (puedan|paguen)\b",
    _I,
)
"""The writer's own customers, clients or tenants named: a card, an invoice or a payment way
of theirs ("¿Cómo pongo el logo en las facturas que emito?", "die Bankverbindung auf den
Abrechnungen an meine Mieter", "お客様がコンビニ払いできるように") is a product setting, not the
writer's billing with us."""
ABOUT_A_CHARGE = re.compile(
    r"\b(charg\w*|declin\w*|fail\w*|twice|refund\w*|billed)\b|"
    r"\b(cobr\w*|rechaz\w*|refus\w*|abgebucht|belastet|abgelehnt)\b|"
    r"(?<!carte de )(?<!direct )\bd[ée]bit\w*\b(?! cards?\b)|引き落と(?!し口座)|請求され",
    _I,
)
"""A card named for a charge on it ("my card was charged twice") is no card to change; a debit
card and the account debited (引き落とし口座) are details to change."""
PAYING_BY_CARD = re.compile(
    r"^(?!.*\b(k[üu]nftig|zuk[üu]nftig|in zukunft|ab (sofort|jetzt|nun)|statt|anstatt|immer)\b)"
    r".*\b(mit|per) ((meiner|der|einer|unserer|meine|deiner|eurer) )?([\w-]+ )?(kredit)?karte "
    r"((\w+ ){0,2}(be)?zahlen|erledigen|begleichen)\b",
    _I,
)
"""A card named as the way to pay what is open ("Ich würde das gern gleich mit meiner
Kreditkarte erledigen", "per Karte bezahlen"): no card to change; but one to pay with from
now on, or instead of another way, is ("künftig per Karte statt Lastschrift bezahlen")."""
WHERE_OR_HOW = re.compile(
    r"\b(where|how|d[óo]nde|c[óo]mo|o[ùu]|comment|wo|wie)\b|どこ|どうやって", _I
)
"""A question of where or how: "where can I put in a new card?" asks, it states no fact."""
BARE_LINK = re.compile(
    # batch 30: "さっさとリンクを送ってください", "早くリンクよこしてくれます?"
    r"^(?![^。]*(方法|変え|変更|管理|見|確認|履歴|登録|houhou|kae|henkou|kanri|kakunin|rireki|touroku))"
    r"[^。]*?(リンク|りんく|URL)(を|も)?[^。？?]{0,10}"
    r"(送って|おくって|ください|下さい|くださ|ちょうだい|よこして)(?![^。]{0,8}(ました|った|た$|たので|たけど|たが))|"
    r"\b(link|zugang|url)\b[^.?!]{0,20}\b(schick\w*|senden|zukommen lassen)\b|"
    r"\b(gibt es|gibt's|is there|hay|y a-t-il|existe-t-il)\b[^.?!]{0,15}\b(link|enlace|lien|url)\b|"
    r"\b(send|share|give|email|mail|forward|m[áa]nd\w*|env[íi]\w*|p[áa]s\w*|envo[iy]\w*|"
    r"transmet\w*|schick\w*|send\w*|zukommen)\b[^.?!]{0,25}\b(the |a |me a |me the |us a |us the |"
    r"el |un |le |un |den |einen )?(link|enlace|lien|url|acceso|acc[èe]s|zugang)\b|"
    r"^\W*(kindly |please |pls )?(send|share) (me |us )?(the |a )?link\b|"
    # a link asked in one word, or as the way: "Link?", "geht das per Link?"
    r"^\W*(link|lien|enlace|url)\s*\?\W*$|"
    r"\b(geht|ginge|klappt|funktioniert) (das|es) (auch )?(per|[üu]ber( einen)?|mit( einem)?) "
    r"link\b|"
    r"(リンク|URL|ページ|画面)(を)?(送|教え|ください|下さい|お願い)",
    _I,
)
"""A link asked for without saying what it is for ("Kindly send link.", "¿Me mandáis el
enlace?", "Pouvez-vous m'envoyer le lien ?"): the email's other sentences say which."""
INVOICE_WORD = re.compile(
    r"\b(invoices?|receipts?|bills?|statements?|facturas?|recibos?|factures?|re[çc]us?|"
    r"rechnung\w*|quittung\w*|beleg\w*)\b|請求書|領収書",
    _I,
)
"""An invoice named beside a link: the link is to the invoice, not the portal."""
PAY_CONTEXT = re.compile(
    r"\b(pay|paying|prepay|settle|unpaid|overdue|outstanding|owe|owing|"
    r"zahl(e|en|t)?|bezahl\w*|zahlungserinnerung|offene rechnung|mahnung(en)?|"
    r"pa(ie|yer|ierai|yons)|r[ée]gl(e|er|erai)|impay[ée]s?|"
    r"pag(o|ar|arla|arlo|ue)|pendientes?|saldad[ao])\b|払|支払|決済|未払|滞納",
    _I,
)
"""A payment to make named beside a link asked for without saying what for ("Got the overdue
notice. Fine, I'll pay. Where's the link?"): the link is to pay."""
WHERE_IS_THE_LINK = re.compile(
    r"\bwhere('s| is) (the|that|my|a) link\b|\b(d[óo]nde|o[ùu]) (est|esta|est[áa]) (le|el) "
    r"(lien|enlace|link)\b|\bwo ist (der|denn der) link\b|\b(habt|haben) (ihr|sie) (n|nen|einen) "
    r"link\b|(リンク|URL)(は|って)(どこ|ありますか)",
    _I,
)
"""Asking where the link is ("Where's the link?", "Habt ihr nen Link zum Zahlen?")."""
ONLY_LINKING_WORDS = re.compile(
    r"(\W*\b(please|pls|kindly|ok|okay|so|and|but|then|mais|et|donc|alors|y|pero|entonces|und|"
    r"aber|dann|bitte)\b)*\W*",
    _I,
)
"""What may open a clause before an imperative ("ok je paie, mais envoyez-moi le lien")."""
CHANGE_A_DETAIL = re.compile(
    r"\b(update|change|replace|switch|swap|edit|add|correct|fix|remove|delete|put|set up|"
    r"cambi\w*|actuali[zc]\w*|modific\w*|a[ñn]ad\w*|quit\w*|borr\w*|pon\w*|"
    r"chang\w*|modifi\w*|mettre|ajout\w*|supprim\w*|remplac\w*|enlev\w*|"
    r"[äa]nder\w*|aktualisier\w*|hinterleg\w*|austausch\w*|entfern\w*|l[öo]sch\w*|"
    r"eintrag\w*|tausch\w*|wechsel\w*|verwalt\w*)\b|変更|変え|更新|登録|削除|差し替え",
    _I,
)
"""A billing detail to change, beside `BILLING_DETAIL` or `CARD_FACT`."""
HOW_TO = re.compile(
    WHERE_OR_HOW.pattern + r"|\bhay alg[úu]n sitio\b|どちら|どのように|どうすれば|どうしたら|"
    r"\b(myself|ourselves|moi-m[êe]me|nous-m[êe]mes|yo mism[oa]|nosotros mismos|selber|selbst|"
    r"irgendwo|is there a page|y a-t-il une page|hay una p[áa]gina)\b|"
    r"(自分|弊社側|こちら|当方)で[^。]{0,10}(変更|設定)(でき|可能)|管理画面で|設定(でき|可能)な(画面|ページ)|"
    r"どう(い)?たしましたら|どのような手続き|手続き(の)?方法|手順|設定方法|どのメニュー",
    _I,
)
"""`WHERE_OR_HOW`, or asking for the procedure ("Wie kann ich das umstellen?",
手続き方法を教えて)."""
ASKS_WHETHER = re.compile(
    r"(の|か)(どうか)?を?(知りたい|教えて|確認したい)|\b(want|like|need) to know (if|whether)\b|"
    r"\b(voudrais|veux|aimerais) savoir si\b|\b(quisiera|quiero|me gustar[íi]a) saber si\b|"
    r"\b(m[öo]chte|will|w[üu]rde gerne?) wissen,? ob\b",
    _I,
)
"""Asking whether something is so ("請求書の宛名も変わるのか知りたいです"): a billing detail
named in such a question is no detail to change."""
PROCEDURE = re.compile(
    r"\b(procedure|steps|proc[ée]dure|d[ée]marche|procedimiento|pasos|vorgehen|ablauf)\b|"
    r"手続き|手順|方法|やり方|どう(い)?たしましたら|どうしたら|どうすれば",
    _I,
)
"""The procedure asked for, which needs no change named in its own sentence when one was
wished before ("…口座に変えたいです。手続きの方法を教えてください。")."""
BILLING_DETAIL_ON_OUR_INVOICES = re.compile(
    # who they go to: "How do I change who gets them?", "who receives the invoices"
    r"\bwho (gets|receives|get|receive)\b[^.?!]{0,15}\b(them|invoices?|receipts?|bills?)\b|"
    r"\b(e-?mail|mail|address|adresse|direcci[óo]n|correo|name|nom|nombre|kostenstelle)\S*\b"
    r"[^.?!]{0,40}\b(invoices?|receipts?|rechnung\w*|factur\w*)|"
    r"\b(invoices?|receipts?|rechnung\w*|factur\w*)\b[^.?!]{0,40}\b(e-?mail|mail|gmail|hotmail|"
    r"inbox|address|adresse\w*|"
    r"direcci[óo]n|correo|gehen|go|going|arrivent|llegan|au nom|soient (\w+ )?envoy[ée]es|"
    r"(show|say|read|have) (our|my|the) ([\w-]+ ){0,2}name)\b|"
    r"\brecevoir (les |mes |nos )?(factures|re[çc]us)\b[^.?!]{0,20}\b(sur|[àa]) (la|ma|une|cette|"
    r"notre|mon) (nouvelle|nouvel|autre)\b|"
    r"\b(gst\w*|hst|tin|abn|business number|tax (id|number)|vat( number| id)?|uid|ust-?id\w*|"
    r"umsatzsteuer-?\w*|tva|siret|cif|nif|rfc)\b|"
    r"\bsepa|\bmandat\b|domiciliation|titular de la tarjeta|\bcarte de d[ée]bit\b|"
    r"(引き落とし|引落し?)口座|宛名|宛先|請求先|請求書[^。]{0,12}(メール|郵便|送付|受け取|届)|"
    r"\b(chequing|checking account|bank account|bank details|kontodaten|bankverbindung|"
    r"kontoverbindung|neues konto|compte bancaire|cuenta bancaria|clabe|cbu|m-?pesa|"
    r"mobile money|num[ée]ro (\w+ )?(wave|orange money|mtn)|bon de commande|code service|"
    r"chorus|purchase order|po number|adressiert)\b|請求書の?(送付|送り)",
    _I,
)
"""A billing detail on the invoices we send or on the payment we take: the email they go to,
the address, a tax number, a SEPA mandate, 引き落とし口座, 宛名."""
REISSUED_INVOICES = re.compile(
    r"\b(re-?issue\w* (them|all|those|these|every)|corrected (invoices|copies)|retroactive\w*|"
    r"invoices (already )?issued|"
    r"reemit\w*|reenv[ií]\w* corregid\w*|facturas (ya )?emitidas|rectific\w*|"
    r"r[ée][ée]mett\w*|r[ée][ée]dit\w*|factures (d[ée]j[àa] )?[ée]mises|"
    r"neu aus(zu)?(stellen|gestellt)|bereits (aus)?gestellt\w*|berichtig\w*)\b|"
    r"再発行|発行済み",
    _I,
)
"""Invoices already issued, to be changed and issued again ("Please change the VAT number on
all invoices from 2025 and reissue them", "cambien el CIF en todas las facturas emitidas"):
a person edits what was sent; no self-service link does."""
CHANGE_WISH = re.compile(
    r"\b(update|change|replace|switch|swap|edit|add|correct|fix|set (things )?up|also go|"
    r"(get|have) (\w+ ){0,3}to (show|appear)|"
    r"cambi(ar|o|a|arla|arlo)|actualiz(ar|o)|modific(ar|o)|a[ñn]adir|poner|pongo|"
    r"changer|changez|modifier|modifiez|mettre|ajouter|remplacer|apparaisse|"
    # invoices made out so, not businesses based somewhere ("entreprises établies en Suisse")
    r"[ée]tablies(?! (en|dans|[àa]) )|passer|"
    r"soient (\w+ )?envoy[ée]es|"
    r"[äa]nder\w*|aktualisier\w*|hinterleg\w*|umstell\w*|nachtrag\w*|eintrag\w*|trag\w*|"
    r"erg[äa]nz\w*|put (our|my|the|a) ([\w-]+ ){0,2}on|get (\w+ ){0,3}onto|"
    r"switch (\w+ ){0,3}over|agreg\w*|a[ñn]ad\w*|configur\w*|encoder|saisir|"
    r"faire le changement|mettre [àa] jour|einstell\w*|adressiert)\b|"
    r"変更|変え|追加|受け取りたい|設定を変え",
    _I,
)
"""A change wished to a billing detail, in a how-to question or beside one."""
NEW_ONE = re.compile(
    r"\b(new|another|fresh|working) (one|link)\b|\b(nuevo|otro) (enlace|link)\b|"
    r"\bnouveau lien\b|\bneuen link\b|新しい(の|もの|リンク|URL)|"
    r"(再度|もう一度|改めて)[^。]{0,6}(リンク|URL|発行|送|お送り)|"
    r"(リンク|URL)[^。]{0,6}(再送|再発行)|\bre-?send (it|that|the link)\b|\bsend (it|that) again\b|"
    r"\b(please|pls|kindly) send it\b|\b(erneut|nochmal|noch ?einmal|neu) (zu )?(schick|send)\w*",
    _I,
)
"""Asking for a new link once the one sent has expired, failed or never came ("Can you send a
new one?", "I never received the link to pay. Please send it.")."""
PAYING_SHOWN_BEFORE = re.compile(
    r"\b(see|show|shows|prove|proves|proof|evidence|know) (that )?(i|we)( (always|do|regularly))?"
    r"\s*$",
    _I,
)
"""Paying as a habit to be shown ("the bank wants to see I pay my bills"): no bill to pay now."""
PAID_BEFORE = re.compile(
    r"\b(i|we) (have|has|had|'ve) (already )?$|\b(i|we)('ve| have| had)? been\s*$|"
    r"\b(i|we) (was|were)\s*$|\b(i|we|j'ai|nous avons|ich habe|wir haben|he|hemos)"
    r"( already| d[ée]j[àa]| schon| ya)? (tried to|essay[ée] de|versucht,? zu|intentado)\s*$|"
    # whoever tried: "Our office manager tried to pay the outstanding balance this afternoon"
    r"\b(tried|attempted) to\s*$|"
    # where a payment was made: "a typo on our side when entering it on the payment link"
    r"\b(entering|entered|typing|typed|paid|paying|clicked|clicking)\b[^.?!]{0,15}\b(on|in|into|"
    r"via|through|using) (the|your|that|this) $|"
    # someone helped: "My grandson helped me pay my bill on your website on Saturday"
    r"\b(helped|let|allowed) (me|us)( to)?\s*$|"
    # batch 32: a payment wanted or tried before, "Hier soir j'ai voulu payer la facture de
    # juin", "El día 3 intenté pagar la factura"; a link sent before, "Mark sent us a new
    # payment link last Thursday … and Fiona paid it"
    r"\b(j'ai|nous avons|on a) (d[ée]j[àa] )?voulu\s*$|"
    r"\b(intent[ée]|intentamos|intent[óo]|quise|quisimos|trat[ée] de|tratamos de)\s*$|"
    r"\b(sent|emailed|e-mailed|mailed|gave|forwarded) (us|me)( a| the| an)?( new| fresh| second|"
    r" another| updated)? $",
    _I,
)
""""I have pay the invoice", "I have been trying to pay for 3 days", "J'ai essayé de payer la
facture", "Our office manager tried to pay the balance": a payment said as made or tried (in a
learner's English too), not one to make."""
PAID_THROUGH_BEFORE = re.compile(
    r"\b(made|completed|done|sent) (the |a |our |my )?payment\b[^.?!]{0,60}\b(through|via|"
    r"using|with|on) (the|your|that|this) $",
    _I,
)
"""A payment made through the link (batch 32: "We have made the payment of INR 14,160 against
your invoice through the payment link on 3rd April"), read across the amount's comma."""
INTENT_TO_PAY = re.compile(
    r"\b(want|like|need|wanna|trying|ready) to (pay|settle)\b|\b(want|wanna|need) pay\b|"
    r"\b(w[üu]rden|m[öo]chten|m[öo]chte|wollen) (gern |gerne )?(\w+ )?(be)?zahlen\b|"
    r"\b(voudrions|voudrais|souhaitons|souhaite|aimerions) (r[ée]gler|payer)\b|"
    r"\b(queremos|quisi[ée]ramos|quer[íi]amos|quiero) (pagar|abonar)\b",
    _I,
)
TRYING_TO_PAY = re.compile(r"\b(trying|tried|attempting|attempted) to (pay|settle)\b", _I)
WENT_THROUGH = re.compile(
    r"\b((went|go|gone|going|got|get|come|came) through|passed|succeeded|successful|"
    r"(was|been|were|got|get) (received|processed|taken|charged|debited|approved|accepted)|"
    r"(received|got|have) (it|them|the payment|my payment|our payment|the money|my money)|"
    r"arrived|reached you|pending)\b",
    _I,
)
"""A payment asked about as an attempt ("I am trying to pay with my card, it says failed… can
you check if one of the payments passed?"): whether it went through is read, no link asked
unless one is named."""
PAY_WISH_JA = re.compile(r"(支払|払)いたい")
"""Only a wish to pay in some way ("デビットカードで払いたいです"): beside the billing portal asked
for, the way to pay from now on, which the portal changes, not a payment to make now."""
LINK_WORD = re.compile(
    r"\b(link|url|page|online|checkout|card|send|enlace|lien|seite)\b|リンク|URL|ページ", _I
)
OWED_QUESTION = re.compile(
    r"\b(unpaid|outstanding|open|owe|owing|due|balance|received|anything|invoice|rechnung|"
    r"offen\w*|facture|impay[ée]\w*|factura|pendiente)\b",
    _I,
)
"""A wish to pay ("we'd like to settle before the audit") beside a question of what is owed or
whether a payment arrived ("do we have an unpaid balance?") asks what is open, not for a
link, unless a link or a page is named."""
SUBJECT_DISOWNED = re.compile(
    r"\b(wrong|ignore( the)?|disregard( the)?) subject( line)?\b|件名(は|を)?(間違|無視)|"
    r"\basunto (equivocado|incorrecto)\b|\bignor\w* el asunto\b|"
    r"\b(mauvais |erreur d'|erreur dans l')objet\b|\bignor\w* l'objet\b|"
    r"\bfalsche[rn]? betreff\b|\bbetreff ignorieren\b",
    _I,
)
"""The body says the subject is wrong ("Sorry, wrong subject."): the subject asks nothing."""
PAYMENT_CANCELLED = re.compile(
    r"\b(cancel|undo|reverse)\w*\s+(yesterday'?s|today'?s|this morning'?s|last night'?s)\s+"
    r"([\w-]+\s+)?(payment|charge|transaction|debit)\b|"
    r"\b(cancel|undo|reverse)\w*\s+((the|my) (last|latest|duplicate|double|second|extra|wrong)|"
    r"the|that|this)\s+([\w-]+\s+)?(payment|charge|transaction|debit)\b(?=[^.?!]{0,40}([$€£¥]|\d|"
    r"\b(twice|double|duplicate|yesterday|today|this morning|by (mistake|accident)|in error|"
    r"wrong(ly)?|already paid)\b))|"
    # "Pls reverse the 14.99", "Please put the $450 back on our card"
    r"\b(reverse|undo)\s+(the|that|this|my)\s+([$€£¥]\s?)?\d[\d.,]*\d\b|"
    r"\bput (the |that |this )?([$€£¥]\s?\d[\d.,]*|money|amount|charge|payment) back (on|onto|to|"
    r"in|into) (my|our|the) (card|account)\b|"
    r"(昨日|今日|本日|先日|先週|先ほど|先程|[0-9０-９]+月[0-9０-９]+日|二重|重複|[0-9０-９,，]+円|"
    r"[2-9２-９二三]回目)の?"
    r"[^。、？?]{0,12}(決済|請求|支払い?|お支払い|引き落とし|課金)"
    r"(\([^)]{0,15}\)|（[^）]{0,15}）)?(を|は|、|\s)*(キャンセル|取り消|取消)",
    _I,
)
"""A payment or charge cancelled, named by its day, amount or fault ("Can you cancel
yesterday's payment of $64? It was taken twice.", "昨日の決済(3,300円)をキャンセルしてください"):
the money taken back, a refund, not the plan stopped."""
_MENTION_PATTERNS: dict[WriteKind, re.Pattern[str]] = {
    "refund": re.compile(
        PAYMENT_CANCELLED.pattern + "|"
        # batch 24: "schicken Sie uns den Unterschied zurück", "Bitte eine davon zurück"
        r"\b(schick|[üu]berweis|zahl|geb|buch)\w* (sie |ihr |du )?(uns|mir)\b[^.?!]{0,30}"
        r"\b(geld|betrag|unterschied|differenz|summe|zahlung|zahlig|geb[üu]hr|beitrag|rest)\w*"
        r"\b[^.?!]{0,20}\bzur[üu]ck\b|\bbitte (eine|einen|eins) davon zur[üu]ck\b|"
        # batch 22: "Could that charge go back on my card?", "is to be credited back to our
        # account", "We would like back whatever you think is fair", "überweist mir das Geld
        # für den Workshop zurück", "macht die Abbuchung rückgängig", "Zumindest einen Teil
        # will ich zurück", "Faut me remettre mon argent", 宿泊代は当然返してもらいます
        r"\b(charge|money|payment|amount|fee|it|that)\b[^.?!]{0,40}\b(go|come) back (on|to|onto) "
        r"(my|our|the) (card|account|bank)\b|"
        r"\b(is|are) to be (credited|refunded|returned|paid|put) back\b|"
        r"\b(would like|'d like|want) back\b|"
        r"\b(expect|want|would like|'d like) (something|some money|a little|at least something)"
        r"( \w+)? back\b|\bde vuelta en (mi|nuestra) (tarjeta|cuenta)\b|"
        r"\b[üu]berweis\w* (mir|uns)\b[^.?!]{0,40}\bzur[üu]ck\b|"
        r"\b(abbuchung|lastschrift|belastung|einzug)\b[^?!\n]{0,30}\br[üu]ckg[äa]ngig\b|"
        r"\b(einen teil|etwas|das geld|mein geld)( davon)? (will|m[öo]chte) ich (\w+ )?zur[üu]ck\b|"
        r"\b(me|nous) (remettre|redonner) (mon|notre|l') ?argent\b|"
        r"返して(もらいます|いただきます)|返金(して)?(もらう|いただく)のが筋|返金され(る|て然る)べき|"
        r"\brefund\w*|\brefnd\w*|(\b(money|payment)|\${2,}) back\b|\breimburse\w*|"
        r"\bfind (its|their) way back\b|\bwant (the )?(january|february|march|april|may|june|"
        r"july|august|september|october|november|december)( \w+)? back\b|"
        r"\b(the|my|our) [$€£]\s?\d[\d.,]*( \w+)? back\b|"
        r"\b(charge|payment|amount|debit|fee)\b[^.?!]{0,40}\bto be (reversed|refunded|returned|"
        r"credited)\b|\b(return|send|pay) (it|that|this|them|the money|the "
        r"charge) (back )?(to|on|onto|into) (my|our) (card|account|bank)\b|"
        # "put it on my account" without "back" puts a new card there, or charges it
        r"\bput ((it|that|this|them) back|(the money|the charge)( back)?) (to|on|onto|into) "
        r"(my|our) (card|account|bank)\b|"
        r"\b(have|get) (the|my|our) (money|payment|charge|amount) return(ed)?\b|"
        r"\breverse (the|this|that|my|one|both)( \w+)? (charges?|payments?|transactions?|debits?)|"
        r"\b(give|credit|send|pay) (me |us )?(it |this |that |them |one (of them )?|"
        r"(the|my|our|this|that) ([\w']+ )?(money|fee|charge|payment|amount|difference|overcharge|"
        r"\w+ fee) )?back\b(?! (the |a |my |our |your )?(receipt|invoice|copy|document|form|"
        r"contract|e-?mail|confirmation|call|message|reply|answer|pdf|statement)s?\b)|"
        r"\bget back (the|my|our)\b|\bcredit (back )?(my|our|the) (credit |debit )?card\b|"
        r"\b(money|payment|amount) (come|go|be sent|be paid) back\b|"
        r"\b(have|get) back what (i|we) paid\b|\bhave (it|that|this|the money|my money) back\b|"
        r"\breturn (one|both) of (them|the (charges|payments))\b|"
        # batch 29, a learner's "return" for money: "Kindly return it", "I want that you return
        # the second one", "Please return these 200"
        r"\breturn (it|them|these|those|one|the (second|duplicate\w*|extra|other|double\w*)"
        r"( one| charge| payment)?|(these|those|the|my) [$€£]?\d[\d.,]*)\b|"
        r"\bput(ting)? back (the|my|our|that|this) (\w+ )?(payment|charge|money|amount|fee)\b|"
        r"\bput (it|that|this|them) back (on|onto|to|into) the (card|account)\b|"
        r"\b(get|have|want) (\w+ )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
        r"( (and|&|\+) (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)? back\b|"
        r"\breturn (the|my|our|this|that)( \w+){0,2} (money|payment|charge|amount)|"
        r"\b(money|payment|charge|amount)\b((?!\b(was|were|been|is|has|have|had|already)\b)"
        r"[^.,;?]){0,40}\breturned\b|\bdevolution of\b|返金|へんきん|払い戻|払戻|返して|"
        r"\breemb[oó]ls\w*|\bdevoluci[oó]n\w*|\bdevu[eé]lv\w*\b"
        + _NOT_A_DOCUMENT_ES
        + r"|\bdevol(v|ed)\w*\b"
        + _NOT_A_DOCUMENT_ES
        + r"|\breint[eé]gr\w*|\b(me|nos) (lo|la|los) regres(en|e|an)\b|"
        r"\bregr[eé]s(en|e)(me|nos)\w*|"
        r"\bdinero de vuelta|\banul\w* (el|este|ese|mi) (cargo|cobro)|\bextorno\b|"
        r"\b(la|esa|mi) plata (vuelva|regrese)\b|\b(el|ese|mi) dinero (vuelva|regrese)\b|"
        r"\b(l'argent|cette somme|la somme|ce montant|le montant|mon argent|notre argent) (me |"
        r"nous )?(revienne|soit recr[ée]dit[ée]|soit rendue?|soit restitu[ée]e?)\b|"
        r"\brendez-(moi|nous) (les |la |le |l')?(\w+ )?(mois|jours|semaines|nuits|s[ée]ances|"
        r"part|partie|reste|trop-per[çc]u)\b|"
        # Darija in Latin letters: "rje3 liya flousi 3afak" (give me back my money)
        r"\brj[ae]?3 ?(li|lia|liya|lya|lina) (l?flous\w*|l?floos\w*)|"
        r"\bremettre (cet|l'|mon) argent\b|"
        r"\br[ée]cup[ée]rer (ces|ce|les) \d[\d  .,]*\s?(€|\$|eur|dt|mad|chf|fcfa)|リファンド|"
        r"\brembours\w*|\b(r[ée]cup[ée]rer|ravoir|rendre|rendez(-moi)?) (mon |mes |l'|cet )?argent|"
        r"\brendez-(moi|nous) (l'un |un |une )?(des |de )?(deux |trois )?(paiements?|"
        r"pr[ée]l[èe]vements?|montants?|frais|sommes?)\b|"
        r"\br(ü|ue|u)ckverg(ü|ue|u)t\w*|"
        r"\b(the )?(unused|remaining) (days|weeks|months|time|portion|part)\b[^.?!]{0,30}\bback\b|"
        r"\b(half|days|weeks|months|portion|part|share|fee|charge)\b[^.?!,;]{0,25}\bback\b"
        r"(?! (in|on|at|when|then|from|to (you|them)|and forth)\b)|"
        r"\b(i|we) expect (that|this|the|my|our) (\w+ ){0,2}(charge|payment|money|fee) back\b|"
        r"\breturn (the|my|our) [\w-]+ (part|portion|fee|charge)\b|"
        r"\br[ée]cup[ée]rer (la diff[ée]rence|le montant|les frais|le trop-per[çc]u)\b|"
        r"\bremett(ez|re)[- ](moi|nous)\b[^.?!]{0,30}\b(frais|argent|montant|somme|\d)|"
        r"\bcr[ée]dit(ez|er) (ma|mon|notre) (carte|compte)\b|"
        r"\brecr[ée]dit(ez|er) (ma|mon|notre|la|le) (carte|compte)\b|"
        r"\bremett(re|ez) l'argent (sur|dans)\b|"
        r"\b(me|nous) rend(e|re|ez)\b[^.?!]{0,25}\b(argent|francs?|euros?|\d|montant|"
        r"diff[ée]rence|trop|deuxi[èe]me|second|le reste)\b|"
        r"\brevi[ée]rt(an|a)n?(la|lo|los|las)?\b|\brevers(en|ar|ad|e)\b[^.?!]{0,20}\b(cobro|cargo|pago|compra)|"
        # one of two charges reversed: "Reversen uno por favor", "reviertan uno de los dos"
        r"\b(revers(en|ad|e)|reviert(an|a))(lo|la)? (uno|una)\b|"
        r"\bprorrateo\b|(支払い?|決済|購入|請求|申し込み|申込|年会費|月会費|会費|引き落とし|引かれた)[^。]{0,12}なかったことに|"
        r"\b(zur[üu]ck|r[üu]ck)?erstatt\w*|\br[üu]ckzahlung\w*|\bzur[üu]ck(zu)?zahl\w*|"
        r"\bzur[üu]ck(zu)?buch\w*|\br[üu]ckbuchung\w*|\bzurueck(zu)?erstatt\w*|"
        r"\b(geld|betrag|summe|anteil(?!ig)|\d[\d,.]*\s*(€|euro?s?\b))((?!nicht|kein)[^,;:.!?]){0,40}"
        r"\bzur(ü|"
        r"ue|u)ck\b|"
        r"\b(buchen|zahlen|geben) (sie|ihr|du)\b[^,;:.!?]{0,70}\bzur[üu]ck\b|"
        + _REFUND_GRAMMAR_DE
        + "|"
        + _REFUND_GRAMMAR_JA
        + "|"
        + _REFUND_GRAMMAR
        + "|"
        + _REFUND_GRAMMAR_OTHER
        + "|"
        + _REFUND_GRAMMAR_MORE
        + "|"
        + _REFUND_IN_OTHER_WORDS_EN
        + "|"
        + _REFUND_IN_OTHER_WORDS_DE
        + "|"
        + _REFUND_IN_REGIONAL_WORDS,
        _I,
    ),
    "cancellation": re.compile(
        # batch 24: "Please stop board billing", "no me vuelvan a cobrar", "me pueden quitar la
        # membresía", "nichts mehr von meinem Konto abbuchen", "suspendre définitivement les
        # prélèvements", 自動で継続されないよう, 更新せんといて, 課金も全部止めて, お金取らんといて
        r"\bstop (the |my |our )?(?!(the|my|our)\b)\w+ billing\b(?! (error|mistake|issue|problem|"
        r"address|details|e-?mail))|\bno (me|nos) vuelvan a cobrar\b|"
        r"\bquit(ar|en|enme|arme|arnos)\w* (la |el |mi |nuestra )?(membres[íi]a|suscripci[óo]n|"
        r"plan|abono)\b|"
        r"\bnichts mehr (\w+ ){0,4}(abbuchen|abziehen|einziehen)\b|"
        r"\bsuspendre d[ée]finitivement (les |mes |nos )?pr[ée]l[èe]vements\b|"
        r"(継続|更新)(され|し)ないよう|更新せんといて|更新せんで|課金(も|を)?(全部|すべて)?(止め|停止)|"
        r"(お金|金)を?取らんといて|"
        # batch 25: "次から取らんといて", "これからはお金引かんでね"
        r"(お金|金|会費|月謝|料金)を?(取ら|引か)ん(といて|で)(?!も)|"
        r"(次から|次回から|来月から|今後は?|これからは?)(もう)?(取ら|引か|落とさ)ん(といて|で)(?!も)|"
        + _CANCEL_IN_OTHER_WORDS_EN
        + "|"
        + _CANCEL_IN_OTHER_WORDS_FR_DE
        + r"|\b(turn|switch) (that|this) off\b|"
        r"\bcancel\w*|\bunsubscribe\b|自動で?(引き落と|更新|課金)(さ)?れないように|"
        r"\b(subscription|contract|account|plan|membership)\b[^.?!]{0,30}\b(is |are )?to be "
        r"(terminated|cancell?ed|discontinued|ended)\b|"
        r"\b(i'?m|i am|we'?re|we are) done (after|at the end of|with it after) (this|the) "
        r"(month|period|term|year|billing period)\b|"
        r"\b(stop|end|terminate|discontinue|close|quit|halt|kill|"
        r"wind down|deactivate|cease|put an end to|turn off|switch off|opt out of) (my |our |the |"
        r"this )?(\w+ )?" + _SUB + r"|\bno more (auto-?)?(renewals?|charges|payments|billing)\b"
        r"(?! (was|were|has|have|had|came|went)\b)|"
        r"\b(make sure|ensure) (i'm|i am|we're|we are) not (billed|charged)\b"
        + _NOT_A_DUPLICATE
        + r"|"
        r"\b(do not|don't|dont|not to) "
        r"(auto-?)?renew|\bdon't want (it|this|my \w+|the \w+) to renew|"
        r"\b(turn off|switch off|disable|stop|end|cancel) (the |my |our )?auto[- ]?renew|"
        r"\bstop (\w+ ){0,4}(from )?"
        r"(auto[- ]?)?renewing\b|"
        r"\b(stop|end|cancel|switch off|turn off|disable) (the |my |our |all )?(recurring|"
        r"automatic|auto|monthly|yearly|annual|future) ?(payments?|charges?|billing|debits?)|"
        r"\bstop (the |my |our |all )?(payments|charges|direct debits|debits)\b"
        r"(?! (for|of) (the|that|this|one))|"
        r"\b((stop|cease) (taking|charging|billing|debiting|invoicing)|(do not|don't|dont) "
        r"(charge|bill) (me|us|my card|our card)\b(?! (twice|double))[^.?!,]{0,15}\b(again|anymore|"
        r"any more|after|"
        r"next))\b"
        r"(?![^.?!,]{0,30}\b(twice|double|two times|duplicate|wrong|extra|more than)\b)|"
        r"\blet (my |our |the )?" + _SUB + r" (lapse|expire)|"
        # es: "Deseo terminar el contrato", "no sigan cobrándome"
        r"\b(terminar|finalizar|rescindir|cancelar) (el |mi |nuestro )?contrato\b|"
        r"\bno (me |nos )?(sigan|sigas|continúen|continuen) (cobr|descont|debit|cargand)\w*|"
        # fr: "je ne souhaite pas voir mon abonnement reconduit", "mettre fin au contrat",
        # "clore le dossier", "ne plus rien nous facturer", "que l'abonnement continue"
        r"\bne (souhaite|veux|voudrais|d[ée]sire) (pas|plus) voir (mon |notre |l')?(abonnement|"
        r"contrat|forfait|adh[ée]sion) (reconduit|renouvel[ée]|prolong[ée])|"
        r"\b(mettre|mettez|met) fin (au|[àa] (mon|ma|notre|l'|la)) ?(contrat|abonnement|forfait|"
        r"inscription|adh[ée]sion|affiliation|licence|cotisation)\b|"
        # "que tout s'arrête à la fin du mois", "je veux pas qu'il se renouvelle", "désactivez
        # l'auto-renew", "me désinscrire de l'abonnement", "je ne serai plus débité"
        r"\bque (tout|[çc]a|cela) s'arr[êe]te\b|"
        r"\b(je |nous )?(ne )?(veux|souhaite|voulons|souhaitons) pas (qu'(il|elle|on)|que (l'|"
        r"le |la |"
        r"mon |ma |notre )?(abonnement|contrat|forfait|domaine|licence)) (ne )?(se )?(renouvel|"
        r"reconduis|prolong)\w*|"
        r"\b(d[ée]sactiv|coup|arr[êe]t|supprim)\w* (l'|le |mon |notre )?(auto-?renew\w*|"
        r"renouvellement auto(matique)?)|"
        r"\bd[ée]sinscri\w* (de |du |des )(l'|mon |ma |notre |la |le )?(abonnement|forfait|formule|"
        r"club|service|programme|plan|cours)\b|"
        r"\bne (serai|serons|sois|soyons|soit) plus (d[ée]bit|pr[ée]lev|factur)[ée]e?s?\b"
        + _NOT_A_DUPLICATE
        + r"|"
        # "…la dernière facture svp, pour clôturer le dossier" says what the invoice is for
        r"(?<!pour )(?<!afin de )\b(clore|cl[ôo]turer|fermer) (le |mon |notre )?(dossier|contrat|"
        r"inscription)\b|"
        r"\bne (plus|pas) rien (nous |me )?(facturer|pr[ée]lever|d[ée]biter)\b|"
        r"\bn'effectuez (plus|pas|aucun) (aucun |de )?pr[ée]l[èe]vements?\b|"
        r"\bne (veux|souhaite|souhaitons|voulons) pas que (l'|mon |notre |le )?(abonnement|"
        r"contrat|forfait) (continue|se poursuive|se renouvelle|reparte)\b|"
        r"\bne (pas|plus) (le |la |l'|me |nous )?(passer|basculer|transformer|convertir) (en|au|"
        r"vers) (un |l')?(abonnement payant|payant|formule payante|version payante|offre payante)|"
        # ja: "定期のお届けをやめてください", "契約は継続せず", "自動更新の手続きは行わない",
        # "お金取るのもうやめて"
        r"(お届け|配達|配送|定期便|定期購入)(を|は)?(もう)?(やめ|止め|とめ|停止|終了|ストップ)|"
        r"(契約|更新|プラン|会員|サブスク\w*)(は|を)?継続(せず|しない|しません)|"
        r"(定期|本契約|有料)[^。]{0,10}(進まない|移行しない|切り替えない|切り替わらない)(で|よう)|"
        r"自動更新[^。]{0,10}(は|を)(行わない|しない)|"
        r"(お金|おかね|料金|会費|引き落とし)[^。]{0,8}の(は|を)?\s?(もう)?(やめ|止め|とめ)|"
        r"(解約|解役|退会)(?!(の?手続き)?後)|キャンセル|(自動)?更新(を|は|だけ|のみ|も)?(停止|止め|しない|やめ|オフ|おふ|off|解除)|"
        r"(有料会員|会員|契約|プラン|サブスク\w*)(を|は)?解除|更新(は|を)?[^。]{0,8}見送|"
        r"(サブスク\w*|契約|プラン|定期購入)(を|は|も)?(止め|停止|終了|やめ|終わり)|"
        r"(もう|今後)(は)?(請求|課金|引き落とし)(しないで|を(止め|やめ))|"
        r"\bdar(me|nos)? de baja|\b(me|nos) (dan|dais|das) de baja\b"
        r"(?! (la|el|mi|una|un) (tarjeta|cuenta bancaria|m[ée]todo))|"
        # "¿desea que demos de baja su plan?" names it in our offer
        r"\b(den|dé|de|demos|d[eé]nme|dadme|d[aá]me|d[aá]nos) de baja"
        r"(?! (la|el|mi|una|un) (tarjeta|cuenta bancaria|m[ée]todo))|\bla baja\b|"
        r"\b(anul\w*|termin(ar|en|e|[ée]is)|finaliz(ar|en|e)|deten(er|gan|ga)|parar|paren|cerrar|"
        r"cierren|"
        r"cierre) "
        r"(mi |la |el |nuestra |esa |esta |ese |este )?"
        + _SUB_ES
        + r"|\bno (se )?(me |nos |lo |la )?(renueven?|renov[ée]is|renov[ée]s)\b|\bno (quiero |"
        r"deseo )?renovar|"
        r"\bcanc[ée]l(en|a|ad)(la|lo|las|los|me|nos)\b|\bdar(me|nos)? de baixa\b|"
        r"\bno (me |nos )?(pas[ée]is|pasen|cobr[ée]is) m[áa]s (recibos|cargos|cobros|cuotas)\b|"
        r"\bno (activ|pas)(en|[ée]is|es|e)\b[^.?!]{0,20}\b(plan|suscripci[oó]n|"
        r"versi[oó]n) (de pago|"
        r"pagad[oa]|premium)\b|"
        r"\b(mi|nuestra|su) (voluntad|decisi[oó]n) de (no (continuar|renovar|seguir)|causar baja|"
        r"dar(me|nos|se)? de baja|cancelar|resolver|rescindir|terminar)\b|"
        r"\bdej(ar|en|e|ad) de renovar|"
        r"\b(desactiv\w*|quit\w*) (la )?renovaci[oó]n|"
        r"\bannul\w*|\br[ée]sili\w*|\bd[ée]sabonn\w*|"
        r"\b(arr[êe]t(er|ez)|stopp(er|ez)|termin(er|ez)|mettre fin [àa]|met(tez)? fin [àa]) "
        r"(donc |alors |aussi |imm[ée]diatement )?(mon |ma |l'|le |la |notre )?"
        + _SUB_FR
        + r"|\bne (pas |plus )?(le |la |l')?(renouvel(er|ez)|recondui(re|sez))\b|"
        r"\bne (veux|souhaite) (pas|plus) (le |la |l')?renouveler|"
        r"\barr[êe]t(er|ez) (de )?(me |nous |le |la |l')?(pr[ée]lever|renouveler)|"
        r"\b(d[ée]sactiv\w*|coup\w*) (le )?renouvellement|"
        r"\b(auf)?k[üu]ndig\w*|\bstornier\w*|\babbestell\w*|\babmeld\w*|"
        r"\bbeend(e|et|en sie) (bitte )?(mein|meine|meinen|unser|unsere|unseren)\b|"
        r"\bc[óo]rten(lo|la)\b|"
        r"\b(nhbs|nhbes|nhbess|n7bs|n7bes|n7bess|nwe9ef|nw9ef|tw9ef) (l'|l|had l'?)?(abonnement|"
        r"abo)\b|"
        r"(次回|来月|今後|以降)[^。]{0,10}(請求|課金|引き落とし)(を)?しないで|"
        r"(で|を)最後にして(ください|下さい|ほしい|欲しい)|アカウント(を)?(閉じ|閉鎖し)て|"
        + _SUB_DE
        + r"\s+((?!(nicht|kein\w*)\b)\w+\s+){0,6}(beenden|stoppen|einstellen|aufl[öo]sen|"
        r"deaktivieren|abschalten|ausschalten)|\bbeendigung (der|des|meines|meiner|unseres) (\w+ )?"
        r"(abo\w*|verl[äa]ngerung|vertrag\w*|mitgliedschaft)|\bnicht mehr abbuchen|"
        r"\b(nicht|nichts) mehr (f[üu]r (das |den |die )?[\w-]+ )?(abgebucht|eingezogen|belastet|"
        r"berechnet) (wird|werden)\b|"
        r"\b(das|es)( ding)? (\w+ )?beenden\b|"
        r"\bbeenden sie (bitte )?(\w+ )?mit\b|"
        r"\bh(ö|oe|o)r(t|en sie)\b[^.?!]{0,30}\bauf,? [^.?!]{0,30}(abzubuchen|abzuziehen|"
        r"zu verl[äa]ngern|einzuziehen)|"
        r"\b(stopp\w*|beend\w*) (sie )?(die |den |das |meine? )?(\w+ )?"
        r"(abbuchung\w*|lastschrift\w*)|\bverl[äa]ngern sie (\w+ ){0,3}nicht( mehr)?\b|"
        r"\b(keine|nichts) (weiteren? )?(mehr )?(abbuchung\w*|abbuchen|zahlungen einziehen)|"
        r"^\W*(bitte )?verl[äa]nger(t|"
        r"n sie)\b[^.?!,]{0,50}\bnicht\b|"
        r"\b(nicht|kein\w*) (mehr )?(automatisch )?verl[äa]nger(n|t werden|t wird)\b|"
        + _CANCEL_GRAMMAR
        + "|"
        + _CANCEL_GRAMMAR_JA
        + "|"
        + _CANCEL_GRAMMAR_ES
        + "|"
        + _CANCEL_GRAMMAR_FR
        + "|"
        + _CANCEL_GRAMMAR_DE
        + "|"
        + _CANCEL_GRAMMAR_MORE_ES
        + "|"
        + _CANCEL_GRAMMAR_MORE_FR
        + "|"
        + _CANCEL_GRAMMAR_MORE_DE
        + "|"
        + _CANCEL_GRAMMAR_JA_DE
        + "|"
        + _CANCEL_IN_REGIONAL_WORDS.rstrip("|"),
        _I,
    ),
    "payment_link": re.compile(
        _PAY_LINK_IN_OTHER_WORDS + "|"
        r"\b(payment|checkout|pay) link|\bpaylinks?\b|"
        r"\blink (zur|f[üu]r die) (online-?|rest)?(be)?zahlung\b|"
        r"\b(send|give|share|email)\b[^.?!]{0,20}\b(payment|"
        r"checkout|pay) (page|url)|\blink\b[^.?!]{0,30}\b(pay|paying|settle)\b|"
        r"\b(how|where) (can|do|should) (i|we) (\w+ ){0,2}pay\b|\bhow to pay\b|\bpay online\b|"
        r"\b(want|like|need|trying) to (pay|settle)\b(?! (by|via|through|in|once|twice|double)\b)"
        r"(?! up\s*([.!?,;]|$))"
        # not the writer's own payroll or bills: "We need to pay salaries on the 25th"
        r"(?! (our |my |the )?(salar\w*|wages|staff|employees|workers|suppliers|vendors|"
        r"contractors|payroll)\b)|"
        r"\bway to pay\b|"
        r"\bpay (the |my |our |this |that )?(open |outstanding |overdue )?(invoice|bill|balance)|"
        r"(支払い|お支払い|決済|支払|納付)(用)?(の)?\s?(リンク|URL|ページ)|(支払|払)いたい|"
        r"払う用の(ページ|リンク|URL|もの|やつ)|"
        # 25765: "新しいカードで払い直したいです", "払ってしまいたい"
        r"(支払|払)い直したい|払って(しまい|おき)たい|"
        r"(支払|払)((?!方法|管理|変更|変え|情報)[^。]){0,10}(リンク|URL)|"
        # "支払いをしたい", "カードで支払えるように", "どこから払えますか"
        r"(支払|払)いを?(し|させ)たい|(支払|払)えるように|(どこ|どちら)(から|で)(支払|払)(え|う|い)|"
        r"\b(enlace|link|v[íi]nculo|liga) (de|para) (pago|pagar)|"
        r"\b(c[óo]mo|d[óo]nde) (puedo|podemos|debo) pagar|"
        r"\b(quiero|quisiera|necesito|me gustar[íi]a) pagar|"
        r"\bpagar (la |mi |esta |el )?(factura|recibo|saldo)|\bpagar(la|lo|las|los)? (online|en "
        r"l[íi]nea|por internet)\b|"
        r"\b(enlace|link|v[íi]nculo)\b((?!actualiz|cambi|modific|datos)[^.?!]){0,30}"
        r"\b(pag(?!es?\b|ina)|abon|sald)\w*|"  # not an English "page" nor a "pagina"
        r"\blien ((de )?(paiement|r[èe]glement)|(pour|pr) (la |le |les )?(re)?(payer|r[ée]gler))|"
        # "Envoyez-moi un lien que je repaye avec ma nouvelle carte"
        r"\blien (pour que |afin que |que |qu')(je |j'|on |nous )?(puisse |puissions )?(re)?"
        r"(paye|paie|payions|r[èe]gle|r[ée]glions)\b|"
        r"\b(comment|o[ùu]) (puis-je|je peux|"
        r"pouvons-nous|dois-je) (payer|r[ée]gler)|"
        r"\bje (veux|voudrais|souhaite|souhaiterais|aimerais) (l[ae] |les )?(payer|r[ée]gler)|"
        r"\b(payer|r[ée]gler) (la |ma |cette |notre )?facture|\bpayer en ligne|"
        r"\b(zahlungs|zahligs|bezahl)-?link|\blink zum (\w+ )?(be)?zahlen|"
        r"\b(wie|wo) (kann|k[öo]nnen|soll) "
        r"(ich|wir) (\w+ ){0,3}(be)?zahlen\b|"
        # "Ich will den offenen Betrag jetzt per Karte bezahlen"; never a way to pay from now on
        r"\bich (m[öo]chte|will) ((?!nicht|kein|k[üu]nftig|zuk[üu]nftig|lieber|immer|statt|"
        r"anstatt|einmal\b|ab\b)\w+ ){0,8}(be|nach)?zahlen\b|"
        # not said of what the writer will pay anyway: "Den Rest der Rechnung zahlen wir gern"
        r"\brechnung (\w+ )?((be)?zahlen|begleichen)\b(?! (wir|ich)\b)|"
        r"\blink\b[^.?!]{0,60}\b(zu )?((be)?zahlen|begleichen)\b|"
        # "schickt mir einen Link, dann zahl ich", "Link zum Nachzahlen", "online mit Karte zahlen"
        r"\blink\b((?!\b(karte|konto|iban)\b)[^.?!]){0,60}\b(be)?zahl(e)? (ich|wir)\b|"
        r"\blink zum (nach|ein)zahlen\b|"
        r"\bonline\b[^.?!,]{0,30}\b(be)?zahlen\b",
        _I,
    ),
    "portal_link": re.compile(
        _PORTAL_SELF_SERVICE + "|" + _PORTAL_IN_OTHER_WORDS + "|"
        r"\b(update|change|replace|switch|swap|edit|add|correct|fix)( my| our| the)?"
        r"( new| bank| company)? "
        r"(credit card|debit card|card|payment method|payment details|payment info\w*|billing "
        r"(details|info\w*|address|email|contact)|tax id|vat)|"
        r"\b(billing|customer|client|payment|self-?service) portal\b|"
        r"\bself-?serv(ice|e) (billing )?(link|page|portal)\b|\bbilling (settings|profile) page\b|"
        r"\bbilling (page|section|area|settings) (link|url)\b|"
        r"\bkundenportal\b|\b(link|zugang|url) (zum|zu (meinem|unserem|dem)|ins|f[üu]rs) "
        r"(kundenkonto|kundenbereich)\b|\b(lien|acc[èe]s) (vers |[àa] |au )?(mon |notre |l')?"
        r"espace (client|de facturation)\b|\b(enlace|acceso|link) (al|a mi|a nuestro|a la) "
        r"([áa]rea de cliente|panel de facturaci[óo]n|portal de facturaci[óo]n)\b|"
        r"\breplace it with (a|the|my|our|another|new) (\w+ )?card\b|"
        r"\b(update|change|correct) (the |my |our )?(e-?mail( address)?|address|name|company "
        r"name)\b[^.?!]{0,30}\b(invoices?|receipts?)\b|"
        r"\b(new|different|another) (credit |debit )?card\b|"
        r"\b(my|our) (card|credit card) (has )?(expired|expires|is expiring|will expire)|"
        r"\bmanage (my |our |the )?(billing|payment|subscription|card)|"
        r"\bdownload (all )?(my |our |the )?(past |previous |old )?(receipts|invoices)|"
        r"(カード|クレジットカード|クレカ|支払い方法|お支払い方法|決済方法|請求先)(情報)?(を|の|が)?"
        r"(変更|更新|変えたい|かえたい|替えたい|差し替え|修正)(?!し?た(?!い)|しまし|済|しておい|しとい|してあ|してい(?!ただ))|(請求|支払い?|お支払い|顧客|カスタマー)ポータル|ポータル(の|への)?(リンク|URL)|(カード|クレジットカード|クレカ)(の)?有効期限|"
        r"カード(?!の?(分割|一括|リボ)?払い)[^。？?]{0,12}(変え|変更|更新|update)(?!た(?!い)|まし|済|てい|てな|してい|してな|した(?!い)|"
        r"しておい|しとい|してあ|てお|てあ|るのも(面倒|めんど))|"
        r"(カード|クレジットカード)の?期限切れ|カード(情報)?を?登録し(直)?たい|"
        r"(新しい|別の)カード[^。？?]{0,8}登録(?!し?た(?!い)|しまし|済|してい(?!ただ)|でき)|"
        r"(管理画面|マイページ|会員ページ|アカウントページ|設定画面)(の|への)?(リンク|URL)|"
        # a card in a compound, the billing address and the admin link in German
        r"\b[\w-]*karten?(daten|nummer|informationen)?\s+(\w+\s+){0,4}(aktualisieren|[äa]ndern|"
        r"wechseln|austauschen|tauschen|korrigieren|ersetzen|hinterlegen|umstellen)\b|"
        r"\b(aktualisier|änder|ander(?!e[nrms]?\b)|korrigier)\w*\s+(\w+\s+){0,3}(rechnungs(adresse|"
        r"anschrift|daten|"
        r"empf[äa]nger)|firmen(name|adresse|anschrift)|ust-?id\w*|bankverbindung)\b|"
        r"\b(link|zugang)\b[^.?!]{0,30}\bverwaltung (der|des|meiner|unserer) (zahlungs\w*|"
        r"\w*karte\w*|rechnungs\w*|abo\w*)|"
        r"請求(書|先)の?[^。？?]{0,12}(宛名|住所|メール\w*|アドレス)[^。？?]{0,8}(変更|変え)|"
        r"\b(actualiz\w*|cambi\w*|modific\w*|reemplaz\w*|correg\w*) (mi |la |los |mis |el )?"
        r"(tarjeta|m[ée]todo de pago|forma de pago|datos (de pago|de facturaci[oó]n|bancarios)|"
        r"direcci[oó]n de facturaci[oó]n)|\b(nueva|otra) tarjeta|"
        r"\b(cambiar|cambia|cambien|cambio) de (tarjeta|m[ée]todo de pago|forma de pago)\b|"
        r"\bmi tarjeta (ha )?(caducado|vencido|caduca|vence)|"
        # "¿cómo elimino mi tarjeta vieja?", "mándeme el link donde administro mis pagos"
        r"\b(elimin|borr|quit)(ar|o) (mi|la|esa|una) (tarjeta|m[ée]todo de pago)\b|"
        r"\b(link|enlace|v[íi]nculo|liga)\b[^.?!]{0,15}\b(donde|para|en (el|la) que|con (el|la) "
        r"que) (puedo |pueda |podamos |yo )?(administr|gestion|manej)\w*\b|"
        # fr: a mobile-money number for the automatic payments; the invoices found oneself:
        # "Comment enregistrer mon nouveau numéro Orange Money ?", "accéder moi-même aux
        # factures", "la facture d'août, et me dire où je peux retrouver les autres moi-même"
        r"\b(enregistrer|changer|modifier|mettre [àa] jour|remplacer|ajouter) (mon |le |notre |"
        r"un )?(nouveau )?num[ée]ro (\w+ )?(orange money|mtn( momo| money)?|momo|wave|"
        r"moov( money)?|mobile money|airtel money|m-?pesa|free money)\b|"
        r"(?<!\bpu )(?<!\bsu )(?<!r[ée]ussi [àa] )"
        r"\b(acc[ée]der|retrouver|consulter|t[ée]l[ée]charger|r[ée]cup[ée]rer) "
        r"(moi|nous)-m[êe]mes? "
        r"(aux|[àa] (mes|nos|leurs|les)|mes|nos|les|leurs) factures\b|"
        r"\bfactur\w*\b[^.?!]{0,80}\b(o[ùu]|comment) (je peux|puis-je|on peut|nous pouvons) (les "
        r"|la )?(retrouver|consulter|t[ée]l[ée]charger|r[ée]cup[ée]rer)\b[^.?!]{0,30}"
        r"\b(moi|nous)-m[êe]mes?\b|"
        r"(?<!del )\bportal (de clientes?|del cliente|de facturaci)|"
        r"\b(mettre [àa] jour|mets [àa] jour|chang\w*|modifi\w*|remplac\w*|"
        r"corrig\w*)(-t-on)? (ma |mes |"
        r"la |le |les |l'|mon |nos |notre )?(carte|moyen de paiement|mode de paiement|"
        r"coordonn[ée]es (bancaires|de paiement|de facturation)|"
        r"(informations|infos?) de (paiement|facturation)|"
        r"adresse de facturation)|\b(nouvelle|autre) carte|"
        r"\bma carte (a |est )?(expir\w*)|\bportail (client|de facturation|de paiement)\b|"
        r"\b(changer|changez|change) de (carte|moyen de paiement|mode de paiement)\b|"
        r"\b(changer|modifier|corriger) l'adresse\b[^.?!]{0,30}\bfactur\w*|"
        r"\b((kredit)?karte|zahlungs(methode|art|daten|mittel)|rechnungs(adresse|daten)|"
        r"bankverbindung|steuer(nummer|-?id))\s+(\w+\s+){0,4}(aktualisieren|[äa]ndern|wechseln|"
        r"austauschen|tauschen|korrigieren|ersetzen|hinterlegen|umstellen)\b|"
        # "ändern", typed "andern", but not "andere": "mit anderer Karte zahlen"
        r"\b(aktualisier\w*|änder\w*|ander(?!e[nrms]?\b)\w*) (\w+ ){0,3}((kredit)?karte|"
        r"zahlungs\w*)|\b(neue|andere) (kredit)?karte|\b(kredit)?karte (ist )?(abgelaufen|"
        r"l[äa]uft ab)|\bkundenportal\b|"
        # a link or access to a portal asked, or whether there is one: any portal used to
        # count ("our expenses portal", a product's own "Portal")
        r"\b(link|access|url|login|log ?in|zugang|enlace|acceso|lien|acc[èe]s)\b[^.?!]{0,25}"
        r"\b(portal|portail)\b|\b(portal|portail)[- ]?(link|zugang|url|lien|enlace)\b|"
        r"\b(is there|do you have|have you got|gibt es|hay|tienen|avez-vous|y a-t-il)\b"
        r"[^.?!]{0,25}\b(portal|portail)\b|"
        # es, fr, de: a new card put in, a link or access to the billing area
        r"\b(poner|pongo|mettre|mets|enregistrer) (la |ma |mi |une |una |otra |la nouvelle |"
        r"une autre |mon |el )?(nouvelle |nueva )?(tarjeta|carte)\b|"
        r"\b(abrechnungs|rechnungs|zahlungs)(portal|bereich)\b|"
        r"\b(lien|acc[èe]s|enlace|acceso|link|zugang)\b[^.?!]{0,30}\b(espace (client|de "
        r"facturation)|[áa]rea de (clientes|facturaci[óo]n)|p[áa]gina de facturaci[óo]n)\b",
        _I,
    ),
}


class MentionPattern:
    """A write's mention pattern, scanned by `Alternation` (only the alternatives whose word
    a text holds), that keeps its matches for the last texts it read: the request check asks
    the same sentence several times, and repeats were 40 % of its scanning. The repeats come
    within one email, so 256 texts suffice: with a text at most the 20,000 characters
    `customer_words` keeps, a hostile email cannot make the cache grow further."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._alternation = Alternation(pattern)
        self._matches = functools.lru_cache(maxsize=256)(self._scan)

    def _scan(self, text: str) -> tuple[re.Match[str], ...]:
        return tuple(self._alternation.finditer(text))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return iter(self._matches(text))

    def search(self, text: str) -> re.Match[str] | None:
        """The first of `finditer`'s matches: the leftmost, as `re.Pattern.search` finds."""
        found = self._matches(text)
        return found[0] if found else None


MENTIONS: dict[WriteKind, MentionPattern] = {
    kind: MentionPattern(pattern) for kind, pattern in _MENTION_PATTERNS.items()
}

PRONOUN_CANCELLATION = re.compile(
    r"(stop|end|terminate|discontinue|close|shut|kill|turn|switch) (it|everything)( down| off)?|"
    r"(turn|switch) (that|this) off|"
    r"(arr[êe]tez|stoppez) tout|que (tout|[çc]a|cela) s'arr[êe]te|"
    r"\s*(止め|とめ|停止し|ストップし)て\W*|beende(t|n sie) (das|es)( ding)?|"
    r"bitte (sofort |gleich |umgehend )?beenden|"
    r"(das|es)( ding)? (\w+ )?beenden|"
    r"(止め|とめ)といて|"
    r"(今回|今月(いっぱい)?|今期|月末|今年の分|期限|その日|次回|更新日)で(最後|終わり)に(して|したい)",
    _I,
)
"""A cancellation said with a pronoun ("Turn it off", "Stop it"): it stands for the plan only
in an email that speaks of one (`PLAN_CONTEXT`), or when its own sentence names the plan as
its topic (`PLAN_TOPIC_BEFORE_JA`)."""
PLAN_TOPIC_BEFORE_JA = re.compile(
    r"(契約|プラン|サブスク\w*|会員|定期便|定期購入|月額\w*|プレミアム)(は|を|も)[^。？?]{0,20}$"
)
"""The plan named as the topic before a Japanese stop with its object left unsaid
("月額プランは今月で止めておいてください")."""
PLAN_CONTEXT = re.compile(
    r"\b(subscri\w*|plans?|membership|trial|renew\w*|auto-?renew\w*|auto-?pay\w*|billing|billed|"
    r"bills?|charg\w*|payments?|pay|paying|paid|service|d[ée]bit\w*|payer|pagar|zahlen|contract|licen[cs]es?|monthly|yearly|annual\w*|"
    r"suscripci[oó]n|membres[ií]a|renovaci[oó]n|cobr\w*|cargos?|pagos?|abonnement|forfait|"
    r"renouvel\w*|reconduction|pr[ée]l[èe]v\w*|factur\w*|paiements?|abo\w*|mitgliedschaft|"
    r"vertrag|tarif|verl[äa]nger\w*|abbuch\w*|lastschrift\w*|zahlung\w*|premium)\b|"
    r"契約|解約|退会|プラン|サブスク|更新|課金|請求|引き落とし|引かれ|払|月額|毎月|料金|会員|継続|有料|"
    r"定期便|定期購入|月謝|会費|月パス|"
    r"トライアル|無料期間|もう(使わ|つかわ|使って(い)?な|利用しな|いらな)",
    _I,
)
RENEW_ON_OTHER_TERMS_AFTER = re.compile(
    r"^[^.?!,;]{0,25}?\b((at|for) (the |a |an )?(new|higher|increased|full|old|current|"
    r"discounted|same|lower|regular) (price|rate|pricing|amount)|(on|with|to) (the |my |our )?"
    r"(old|new|expired|other|previous|company|personal) (card|account))\b",
    _I,
)
"""Not renewing on these terms ("…to renew at the higher price", "on the old card"): the plan
goes on, something else changes."""
RENEWED_THING_AFTER = re.compile(
    r"^\s+(my |the |our |this |with the |with this )?(card|credit card|payment (method|details)|"
    r"details|domain|certificate|conversation|discussion|call|chat|thread|ticket)\b",
    _I,
)  # "I won't be renewing my card details", "…continuing the conversation": not the plan
PLAN_CHANGE = re.compile(
    r"\b(switch|move|put|downgrade|upgrade|transfer|convert|start)\b( (me|us|it|them|everything))?"
    r" (to|onto|on|into|my|our) (the |a |an |our |my )?(monthly|annual|yearly|basic|starter|lite|"
    r"team|pro|business|enterprise|premium|plus|cheaper|smaller|lower|higher|bigger|paid)\b|"
    # another way to pay: "désactiver le prélèvement automatique et payer à chaque facture"
    r"\bpay(er)? (à chaque facture|manuellement|par virement|each invoice|manually|by (bank )?"
    r"transfer)\b|\bpagar (manualmente|cada factura|por transferencia)\b|"
    r"\b(manuell|per [üu]berweisung) (\w+ )?(zu )?(be)?zahlen\b",
    _I,
)
"""Moving to another plan ("switch me to monthly", "upgrade me to Pro"): a plan change, which a
person handles, not a cancellation."""
OTHER_REFERENT = re.compile(
    r"\b(notifications?|alerts?|e-?mails|newsletters?|reminders?|messages|feature|mode|sounds?|"
    r"pop-?ups?|tracking|cookies|twice|double|duplicate|doppelt|zweimal|dos veces|doble|"
    r"deux fois)\b|通知|メール|二重|重複|二回|2回",
    _I,
)
"""Something else a pronoun may stand for ("too many notifications. Turn it off", "you charged
me twice, stop it"): then "it" is not the plan."""
KEYWORDS: frozenset[str] = frozenset(
    [
        "cancel",
        "cancellation",
        "refund",
        "renew",
        "subscription",
        "unsubscribe",
        "membership",
        "reimburse",
        "reimbursement",
        "back",
        "cancelar",
        "reembolso",
        "devolución",
        "suscripción",
        "annuler",
        "résilier",
        "resilier",
        "rembourser",
        "remboursement",
        "abonnement",
        "kündigen",
        "kündigung",
        "beenden",
        "erstatten",
        "erstattung",
        "rückerstattung",
        "stornieren",
        # the billing words a write is asked with
        "renewal",
        "payment",
        "invoice",
        "paiement",
        "zahlungslink",
        "kundenportal",
    ]
)
"""The words a write is named by or asked with: a word one slip away from one of them
("cancle", "refnd", "beenen", "bak", "paymnt", "renewel", "Zahlungsilnk") is read as it (see
`requests`)."""
COMMON_SLIPS = {
    "chnage": "change",
    "cahnge": "change",
    "chage": "change",
    "udpate": "update",
    "upadte": "update",
    "detials": "details",
    "deatils": "details",
    "acount": "account",
    "accout": "account",
    "adress": "address",
    "hav": "have",
    "lnk": "link",
    "pymt": "payment",
    "pmt": "payment",
}
"""Slips and shorthand of the words a billing detail to change or a link is named by, mended
word for word: "change" is one slip from "charge" and "chance", and "link" from "ink", so these
cannot go through `KEYWORDS`' one-slip rule."""
SPLIT_BY_DICTATION = re.compile(
    r"\b(?P<refund>ree+ fund(?=(?:s|ed|ing)?\b)|re fund(?= (?:me|us|the|my|our|it|this|that|"
    r"both)\b)|(?:(?<=\ba )|(?<=\bfull ))we fund(?=s?\b))|"
    r"\b(?P<update>up date)(?=(?:s|d)?\b)|\b(?P<subscription>sub scription)(?=s?\b)|"
    r"(?P<cancel>(?<=\bto )can sell|(?<=\bplease )can sell)\b",
    _I,
)
"""A write's word split in two by voice typing ("please ree fund the charge", "how do I up date
my credit card", "I want to can sell my sub scription", "I would like a full we fund"), read
whole; "can sell" only where a verb is due ("to", "please"), "we fund" only where a noun is
("a", "full"), as "I can sell it" and "we fund schools" are English."""
ABILITY_ASK_JA = re.compile(
    r"(返金|払い戻し|払戻し?|解約|退会|キャンセル|返して|お返し|お戻し|戻して|止めて|停止)[^。？?！!]{0,12}?"
    r"(でき(ます|ません|ない)(でしょう|です)?か|可能(ですか|でしょうか)|叶い(ます|ません)(でしょう)?か|"
    r"(いただけ|いただき|頂け|もらえ)(ます|ません|ない)(でしょう)?か|お願いでき(ます|ません)か)"
)
"""A Japanese ability question ("返金できますか", "解約できませんか"): in business mail, a polite
request when it is about the writer's own account (`OWN_ACCOUNT_JA`), and not a question of
the rules in general (`GENERAL_JA`)."""
OWN_ACCOUNT_JA = re.compile(
    r"これ|この|今月|先月|先週|昨日|今日|私|うち|弊社|当社|自分|今の|現在の|[¥￥]|\d円|(\d|月|年|日|の)分|"
    r"間違え|"
    r"買(い|っ)|購入|決済|請求され|引かれ|引き落とされ|払っ|使って(い)?ない|使えな"
)
GENERAL_JA = re.compile(
    r"一般|普通|通常|いつでも|\d+日(以内|後|を過ぎ|経過)|途中|規定|ポリシー|規約|場合|どんな|"
    r"どの(プラン|場合)|(?<!だけ)でも(返金|解約|キャンセル)|(返金|解約)(は|って)(いつ|どう)"
)
SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\.\d\.)(?<!\.0[1-9]\.)(?<!\.1[0-2]\.)"
    r"(?<!\bbzw\.)(?<!\bz\.B\.)(?<!\bz\. B\.)(?<!\bu\.a\.)(?<!\bggf\.)(?<!\bevtl\.)(?<!\bca\.)"
    r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bp\.ej\.)(?<!\bp\. ex\.)"
    r"(?<!\bo\.)(?<!\bo\.g\.)(?<!\bo\. g\.)(?<!\bd\.)(?<!\bd\.h\.)(?<!\bd\. h\.)(?<!\bu\. a\.)"
    r"(?<!\bbzgl\.)(?<!\binkl\.)(?<!\bNr\.)(?<!\bnr\.)"
    r"(?<!vom \d\.)(?<!vom \d\d\.)(?<!am \d\.)(?<!am \d\d\.)(?<!zum \d\.)(?<!zum \d\d\.)"
    r"(?!(?<=\d\.)\s+(?i:j[äa]n|jan|feb|m[äa]r|apr|mai|jun|jul|"
    r"aug|sep|okt|nov|dez))\s+|[。！？!?\n]+|"
    # an emoji ends a sentence before a capital: "…si vous êtes des robots 😄 Plus sérieusement"
    r"(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF])\s+(?=[A-ZÀ-ÖØ-Þ¿¡])"
)
"""Where sentences end; not inside a German date ("am 1.12. zurückbuchen", "vom 3. März",
"die Abbuchung vom 5. doppelt") nor after an abbreviation ("bzw.", "z.B.", "o. g.", "Nr.",
"e.g.")."""
CLAUSE_BREAK = re.compile(
    r"[,;:、]|\s[-–—]\s|\b(but|however|pero|sin embargo|mais|cependant|aber|jedoch|sondern)\b|"
    r"\bet (?=\w+ez-(moi|nous)\b)|\by (?=\w+[aeiáéí]d(me|nos)(l[oa]s?)?\b)|"
    r"\band (?=(also )?(tell|let|send|show|give|email|confirm)\b)|"
    # an aside of the writer's own in brackets: "… (we'll keep using it until then)"
    r"\s\((?=(we|i)('ll| will| are| am|'re|'m)\b)|"
    # a dictated run-on's "so I…" or filler: "…pas de repreneur malheureusement donc je vous
    # demande…", "…no not that one ha um I need to end my unit rental"
    r"\b(donc|alors|so|deshalb|daher|entonces|por eso) (?=(je|j'|i|we|nous|ich|wir|yo)\b)|"
    r"\s(um+|uh+|erm|ehm)\s(?=(i|we|so)\b)|"
    # an ask after "and": "ese cobro no corresponde y quiero que me lo regresen"
    r"\b(y|et|und|and) (?=(quiero|queremos|necesito|necesitamos|les pido|je veux|je voudrais|"
    r"ich m[öo]chte|ich will|i want|i'd like|we want|we'd like)\b)",
    _I,
)
CONTRAST = re.compile(
    r"\b(but|however|although|though|pero|sin embargo|aunque|mais|cependant|pourtant|aber|"
    r"jedoch|obwohl)\b|(が|けど|けれど|けれども)[、,]",
    _I,
)
"""Where one clause gives way to another: a request word asks only in its own clause ("I
won't cancel, but tell me my plan" asks for the plan, not a cancellation)."""
NAME_LINE = re.compile(
    r"^(?!\W*(?i:kein\w*|nichts?|no|pas|plus|schluss)\s)(?=.*[a-zß-ÿ])\W*([A-ZÀ-Þ][\w'&.-]*\s+){1,5}"
    r"[A-ZÀ-Þ&][\w'&.-]*\W*$"
)
"""A line of capitalised words only: a name in a signature ("Refund Logistics Ltd."), not
an imperative."""
NEGATION_BEFORE = re.compile(
    r"\b(don't|do not|dont|doesn't|does not|didn't|did not|not|never|no|no need to|won't|"
    r"instead of|rather than|au lieu d|plut[ôo]t qu|en lugar de|en vez de|anstatt|statt|"
    r"will not|wouldn't|would not|shouldn't|without|nor|neither|no longer|"
    r"nunca|jam[aá]s|sin|tampoco|ni|ne|pas|sans|nicht|nichts|kein\w*|nie|niemals|ohne|"
    # batch 31: Portuguese among the English, "Não quero cancelar, sorry"; "Nao" alone is
    # also a given name ("I'm Nao and I want to cancel")
    r"não|nao(?= (quero|queremos|quer|preciso|precisamos|desejo|desejamos|vou|posso))|"
    r"weder)\b(?!-\d)|\bn'",
    _I,
)
"""A negation word before a mention; not an invoice number's prefix ("NOT-2026-0402")."""
NOT_USED = re.compile(
    r"\b(that |which )?(i|we|they) (didn't|did not|haven't|have not|never|couldn't|could not) "
    r"(even |really )?(use|used|get to use|access|need|want)\b|"
    r"\b(that |which )?(i|we) (won't|will not|am not|'m not|are not|'re not) (be )?(using|use)\b|"
    r"\bnicht (mehr )?(genutzt|benutzt|verbraucht|in anspruch genommen)\w*|"
    # the relative clause of the part unused: "die Monate, die ich nicht mehr benutze"
    r"\b(die|den|das|welche) (ich|wir) (noch )?nicht (mehr )?(be)?nutze\w*|\bnon (utilis|"
    r"consomm)[ée]e?s?\b|"
    r"\bno (usad|utilizad|consumid)[oa]s?\b|"
    # the part without service: "los 10 dias sin servicio me los pueden devolver?"
    r"\b(sin|sans|ohne|without) (servicio|service|uso|usar(lo|la)?|acc[eè]s|acceso|zugang|access|"
    r"conexi[oó]n|internet|nutzung)\b|"
    # what someone else did unasked: "my brother bought it on MY account without asking"
    r"\bwithout (asking|permission|telling (me|us|anyone)|(my|our) (permission|consent|"
    r"knowledge|approval|authori[sz]ation))\b",
    _I,
)
"""What the writer did not use, in the part asked back ("can i have the days i didn't use
refunded"), or what another did without asking: a negation of the use or the consent, not of
the ask."""
NEGATED_ITSELF = re.compile(r"(nichts|nicht|nix|kein\w*)\b", _I)
"""A German mention that carries its own negation ("nichts mehr abbuchen"): a negation before
it in a request is a list of such asks ("Bitte keine Rechnung mehr schicken und nichts mehr
abbuchen"), not a negated ask. (French "plus" is the second half of "ne … plus".)"""
DEFERRED_NOW = (
    r"(but |and |so )?(please |pls |just )?(don'?t|do not) (send|do|process|issue|make|start) "
    r"(it|that|them|one|anything|the link) (just |quite )?yet\b"
)
"""The ask put off as it is made ("i'll prob need a pay link next week when my client pays me,
dont send it yet"): the write is not asked now."""
NEGATION_AFTER = re.compile(
    # batch 31: the ask put off in a later clause of its sentence
    r"^[^.?!]{0,60}?[,;]\s*" + DEFERRED_NOW + "|"
    r"^[^、。,.!?\n]{0,20}?(わけでは|わけじゃ|わけでも)(ない|なく|ありません|ございません)|"
    r"^[^、。,.!?\n]{0,14}?(しないで|しません|しない|ではなく|じゃなく|ではありません|つもり(は|も)(な|あり)|"
    r"したくな|不要|いりません|いらない|結構です|希望しません|必要ありません|必要はありません|"
    r"求め(ません|ない|ており?ません)|"
    r"という(話|こと|わけ)では|(とか|など)?は(いい|結構|大丈夫|不要)(ん|の|です|なので|ので)|"
    r"せず|わけではな|わけじゃな|では(ない|なく)|じゃない|してない|してません|していない|していません|"
    r"しておりません|もらった|いただいた|と(は|も)?(言い|いい)ません|とは言わない|しなくて|されました|(?<!連絡いた)しました|済み|された|した(?![いく])|してもらった|"
    r"されて(い|お|な)|試み|状況|進捗|状態|反映|着金|"
    # batch 26: no longer needed, "返金はしていただかなくて大丈夫になりました"
    r"(いただか|頂か|もらわ)なくて(?!は))|"
    # batch 30: "カードは変えなくていいです"
    r"^[^、。,.!?\n]{0,6}?なくて(いい|良い|よい|大丈夫|結構)|"
    # the write named, then refused: "Also, cancellation is not what I want."
    r"^\s+(is|was|'s) (not|no longer|never) (what (i|we)\b|(something|anything) (i|we)\b|"
    r"(necessary|needed|required|wanted|an option|the (point|plan|idea|goal))\b)|"
    r"^\s+(isn't|wasn't) (what (i|we)\b|(something|anything) (i|we)\b|necessary|needed|"
    r"required|wanted|an option|the (point|plan|idea|goal))|"
    r"^\s+n'est (pas|plus) (ce que (je|nous|j')|n[ée]cessaire|souhait|voulu|le but)|"
    r"^\s+no es (lo que (quiero|queremos|busco|buscamos|necesito|necesitamos|ped)|necesari)|"
    r"^\w*(\s+(?!(sondern|und|oder)\b)(\([^\s()]*\)|[^\s,;:.!?(]+)){0,7}?\s+"
    r"(nicht|nichts|kein\w*)\b(?!\s+nur\b)(?!\s+(genutzt|benutzt|verbraucht|gebraucht|"
    r"in anspruch genommen)\w*)",
    _I,
)  # the German negation comes after the verb: "kündigen Sie mein Abo nicht"; not one in an
# aside in brackets: "… mit meiner anderen Karte zahlen (die Visa geht nicht)"; one bracketed
# word is the clause's own: "Rückerstattung will ich (noch) nicht"
HYPOTHETICAL = re.compile(
    r"\bbefore (i|we) (go )?(ask|request|demand)\w*\b|"
    # batch 30: a condition put first, "Should our grant fall through, we would need to close…"
    r"^\W*should (we|i|our|the|my|this|that|it|they|funding|things)\b[^?]*,|"
    # a condition set on the write: "annulez, à condition que je garde l'accès aux vidéos"
    r"\b([àa] condition (que|qu'|de)|pourvu que|sous r[ée]serve que|provided (that )?|"
    r"providing (that )?|on (the )?condition that|only if|siempre (que|y cuando)|"
    r"con tal (de )?que|a condici[óo]n de que|vorausgesetzt|unter der bedingung|nur (dann )?wenn)|"
    r"\b(if|unless|whether|in case|suppose|supposing|what if|hypothetically|"
    r"next time|in (the )?future|when (the )?time comes|when the day comes)\b|"
    # "otherwise" only before the write: after it, it threatens ("…, sonst gehe ich zur Bank")
    r"\b(otherwise|de lo contrario|sinon|sonst|andernfalls)\b(?=.*\b(refund|cancel|reembols|"
    r"devol|baja|rembours|r[ée]sili|annul|erstatt|k[üu]ndig))|"
    r"(?<![ぁ-んァ-ヶ一-龯])もし|仮に|場合|ようでしたら|ようであれば|なら[、,]|ならば?(です|ですが|だけど|だが|の話)|(てない|ていない|てなかった|てません)なら|[のん]なら|"
    # batch 31: a condition in the negative on the write itself, "データが消えないなら解約したい",
    # "今週中に直らなかったら解約してください" (not "コンビニ払いできないならカードで払うんで、…")
    r"(ないなら|なかったら)(?=[^、。,]{0,12}(解約|退会|返金|返して|キャンセル|止め|停止))|"
    r"(もらえる|いただける|してくれる)なら(?!(助か|嬉し|うれし|ありがた|幸い))|"
    # batch 33: "今月分を返金していただけるのであれば、このまま解約しようと思っています",
    # "今月中に改善されなければ、今月分については返金をお願いしたい"
    r"(?<=[るいなた])の(であれば|でしたら)|"
    r"(され|でき|直ら|改善し|解決し|戻ら|使え)なければ[、,]|"
    r"(間違い|誤り|ミス|手違い|誤請求|二重(請求|課金)?|重複)(なら|であれば|でしたら|だったら)|としたら|"
    # batch 32: "誤って請求されたものであれば、その際は返金をお願いしたい"
    r"(された|した|だった)?もの(であれば|でしたら|なら)|たら[、,]|(され|なっ|あっ|だっ)たら|ことになる|ことになりそう|"
    r"\b(si|a menos que|salvo que|en caso de|por si|suponiendo|"
    r"s'ils?(?! (vous|te) pla[îi]t)|[àa] moins que|au cas o[ùu]|supposons|"
    r"falls|wenn|sofern|ob|es sei denn|angenommen)\b|"
    r"^\W*sollte(n|st)? (sich|es|das|der|die|dies|ich|wir|er|sie)\b",
    _I,
)
# "もし" is "if" only where a word does not end before it ("変更もしたい": also want to change)
INDIRECT_QUESTION = re.compile(
    r"\b(tell|let (me|us) know|confirm|check|advise|verify|see|ask|"
    r"best[äa]tig\w*|sag\w*|mitteil\w*|pr[üu]f\w*|wissen|"
    r"dites|v[ée]rifi\w*|savoir|indiqu\w*|"
    r"d[íi]ga\w*|dime|conf[íi]rm\w*|comprueb\w*|saber|av[íi]s\w*|"
    # not knowing: "que no me acuerdo si era en enero", "ich weiß nicht mehr, ob…"
    r"no (me )?acuerdo|no recuerdo|no s[ée]|je ne sais (pas|plus)|ich wei(ß|ss) nicht( mehr)?|"
    r"(don'?t|do not) (remember|know)|not sure)"
    r"(-moi|-nous| me| us| sie| mir| uns)?(,)?\s+(if|whether|si|ob)\b",
    _I,
)
"""An indirect question ("confirm whether the last payment went through", "bestätigen Sie,
ob…", "confirmez-moi si…"): its "if" asks something, it sets no condition on the rest."""
_GRATEFUL_JA = r"[、,]?\s*(大変|とても|非常に|誠に|本当に)?(ありがた|有難|幸い|助か|うれし|嬉し)"
_IF_YOU_COULD_JA = r"(いただけ|頂け|もらえ)(ましたら|たら|れば)" + _GRATEFUL_JA
"""A Japanese "if you could …" that closes on thanks or relief: a polite ask, not a condition."""
POLITE = re.compile(
    r"\b(if (at all )?possible|if you (can|could)(?!\s*not\b|n't|'t\b)|if you don't mind|"
    r"if that's (ok|okay|alright)|"
    r"si es posible|si (possible|c'est possible)|(wenn|falls) m[öo]glich|"
    r"si puede ser|si se puede)\b|"
    r"(?<=grateful )if\b|(?<=appreciate it )if\b|(?<=great )if\b|(?<=lovely )if\b|"
    # batch 30: a polite ask, "I wonder whether you could email me something to settle it"
    r"\b(i )?(was |am )?wonder(ing)? (whether|if)(?= (you|u) (could|can|would|might)\b)|"
    r"(?<=helpful )if\b|(?<=wonderful )if\b|(?<=appreciated )if\b|"
    # "ich würde mich freuen, wenn Sie…", "方法が分からないので(そちらで解約してください)"
    r"(?<=freuen,) wenn(?= (sie|ihr|du)\b)|(?<=freuen) wenn(?= (sie|ihr|du)\b)|"
    r"(?<=dankbar,) wenn(?= (sie|ihr|du)\b)|(?<=dankbar) wenn(?= (sie|ihr|du)\b)|"
    r"(?<=\bnett,) wenn\b|(?<=\bnett) wenn\b|(?<=\bschön,) wenn\b|(?<=\bschön) wenn\b|"
    # what the writer deems fair: "wär fair, wenn ihr mir die Hälfte erstattet"
    r"(?<=\bfair,) wenn(?= (sie|ihr|du)\b)|(?<=\bfair) wenn(?= (sie|ihr|du)\b)|"
    r"(?<=\bangemessen,) wenn(?= (sie|ihr|du)\b)|(?<=\bangemessen) wenn(?= (sie|ihr|du)\b)|"
    r"(方法|やり方)が(わから|分から|見つから)(ない|なく|ず)(て|ので|から)?|"
    # batch 26: "if you could…, I'd be grateful", a polite ask: "もしお返しいただけましたら大変
    # ありがたく思います", "返金していただけたら助かります"
    r"(?<![ぁ-んァ-ヶ一-龯])もし(?=[^。]{0,40}" + _IF_YOU_COULD_JA + r")|"
    r"((?<=いただけ)|(?<=頂け)|(?<=もらえ))(ましたら|たら|れば)(?=" + _GRATEFUL_JA + r")",
    _I,
)  # "refund this month if possible" is a polite request, not a condition
POSSIBLE_FOR_A_NAMED_CHARGE = re.compile(
    r"(\b(is|would|might|could) it (be )?|\bi wonder (whether|if) it (might|would|could) be )"
    r"((at all|somehow|perhaps|still) )?possible (for you )?to\b(?=\s+(refund|reimburse|credit) "
    r"(me|us)\b|[^.?!]*(\b(this|that|these|"
    r"those)\b|\bthe (difference|last|\d+|unused|remaining|rest of)\b|[$€£]\s?\d|\b(my|our) "
    r"(money|payment|fee|charge)\b|\bthe (january|february|march|april|may|june|july|august|"
    r"september|october|november|december|last|\w+'s) (fee|charge|payment)\b|"
    r"\bthe (\w+ )?(charge|payment|fee|debit|bill|invoice)\b(?= (on|from|for|of|taken|in)\b)|"
    r"\bpart of the\b))|"
    # "Serait-il possible de nous rembourser le paiement de 59 € ?", "Wäre es möglich, dass Sie
    # uns den Betrag … gutschreiben?": of a charge or a part named, as in English
    r"(\b(serait|est)-(il|ce)|\best[- ]ce que c'est|\best[- ]ce qu'il serait|\bc'est) "
    r"((vraiment|[ée]ventuellement|peut-[êe]tre) )?(possible|envisageable) "
    r"(de |d'|que vous )(?=([êe]tre |me |nous |m'|vous )?(faire |avoir (un |le )?|"
    r"obtenir (un |le )?)?"
    r"(rembours|rend|recr[ée]dit|restitu)\w*"
    r"[^.?!]*(\b(ce|cet|cette|ces|la diff[ée]rence|le reste|le montant|la somme|mon argent|"
    r"les frais|"
    r"du mois)\b|\b(mois|semaines|jours) (non "
    r"utilis|restant)|\b(les|des) (deux|trois|quatre|cinq|six|\d+) (mois|semaines|jours)\b|"
    r"\d\s?(€|\$|eur\b)|[$€]\s?\d))|"
    r"\b(w[äa]re|ist) es (ihnen |euch |dir )?(irgendwie |vielleicht |eventuell )?m[öo]glich,? "
    r"(dass (sie|ihr|du) )?"
    r"(?=[^.?!]*\b(den betrag|diese\w*|die (zweite|doppelte|letzte|differenz)|die (\w+ )?"
    r"(ungenutzten|unbenutzten|restlichen|verbleibenden) (\w+ )?(monate|wochen|tage)|"
    r"die (geb[üu]hr|rate|zahlung)|den (\w*beitrag)|mein\w* (geld|beitrag|geb[üu]hr)|"
    r"\d\s?(€|eur\b|chf)|[€]\s?\d)"
    r"[^.?!]*\b(zur[üu]ck\w*|\w*erstatt\w*|gut(zu)?schreib\w*|gutgeschrieben))|"
    # "¿Sería posible que me devolvierais el pago del 4 de marzo?": said to us, of our money
    r"\b((me gustar[íi]a|quisiera|quer[íi]a) saber si )?"
    r"((ser[ií]a|es) posible|habr[ií]a (alguna )?posibilidad de) que(?=\s+(me|nos) (reembols|"
    r"devolv|devuelv|reintegr|regres)\w+)",
    _I,
)
"""Whether it is possible to do something to a charge the customer names ("Is it possible to
reverse that charge?", "Would it be at all possible to reverse this month's charge?",
"Serait-il possible de me rembourser ces 20 € ?") asks for it, like "please"; without one
named it is a question of policy ("Is it possible to get a refund?")."""
DONE_FOR_ME = re.compile(
    r"\b(mach|machen|macht|erledig|erledigen|erledigt)( sie| ihr| du)? (das|es|dies)\b"
    r"[^.?!]{0,20}\bf[üu]r (mich|uns)\b|"
    r"\b(just|please|pls|can you|could you|would you|will you)( just| please)? (do|handle|sort "
    r"out|take care of) (it|this|that)( out)? for (me|us)\b|"
    # batch 32: "Pouvez-vous le faire pour moi ?", "¿Pueden hacerlo por mí?", "Können Sie das
    # für mich machen?"
    r"\b(pouvez-vous|pourriez-vous|vous pouvez|merci de|veuillez) (le |la )?faire (pour moi|"
    r"pour nous|[àa] ma place)\b|\bfaites-le (pour moi|[àa] ma place)\b|"
    r"\b(puede|pueden|podr[íi]a|podr[íi]an|puedes|podr[íi]as)(n)? hacerlo (usted(es)? )?"
    r"(por|para) (m[íi]|nosotros)\b|\bh[áa]ganlo (ustedes )?por m[íi]\b|"
    r"\b(das|es|dies) (\w+ ){0,2}f[üu]r (mich|uns) (machen|erledigen|[üu]bernehmen)\b",
    _I,
)
"""The write named in a question just before handed over to us ("How do I cancel? Actually, can
you just do it for me?", "Wie kann ich eigentlich kündigen? … machen Sie das bitte einfach für
mich"): "it", "das" is that write, asked for."""
NOT_ALL_BUT_ONLY = re.compile(
    r"\bnicht (alles|das ganze|den (ganzen|vollen|gesamten) betrag|die (ganze|volle|gesamte) "
    r"summe|voll|komplett|vollst[äa]ndig)\b(?=[^.?!]{0,40}\b(nur|lediglich|sondern)\b)",
    _I,
)
"""The whole denied for a part ("bitte nicht alles erstatten, nur die 4 Zusatzsitze"): the
negation sizes the refund, it does not refuse it."""
POSSIBLE_FOR_OWN_PLAN = re.compile(
    r"\b(would|could) it (be )?((at all|perhaps|somehow) )?possible (for you )?to\b"
    r"(?=[^.?!]*\b(my|our) (\w+ ){0,2}" + _PLAN + r"\b)|"
    r"\b(c'est|est-ce|serait-il|est-il) (vraiment )?possible (de |d')(?=[^.?!]*\b(mon|notre) "
    r"(abonnement|forfait|contrat|adh[ée]sion)\b)|"
    # batch 29: "wäre es möglich, dass Sie unser Abo zum Ende der Laufzeit auslaufen lassen?"
    r"\b(w[äa]re|ist) es (\w+ )?m[öo]glich,? (dass sie|dass ihr|(\w+ ){0,2}zu)\b"
    r"(?=[^.?!]*\b(mein|meine|meinen|unser|unsere|unseren) (\w+ ){0,2}(abo\w*|\w+abo|"
    r"mitgliedschaft|vertrag|\w*vertrag)\b)",
    _I,
)
"""Whether it would be possible to do something to the writer's own plan ("Would it be possible
to make sure our subscription doesn't roll over?") asks for it, like "please"; "Is it possible
to cancel at any time?" asks the policy."""
UNCERTAIN = re.compile(
    r"\b(is it possible|would it be possible|possible to|are you able to|(?<!you be )able to|"
    r"do you (ever )?(offer|do|give|allow|provide|issue|accept)|how (i|we|to|do|can|would|should|"
    r"does|"
    r"long|much|many)|what (happens|would happen)|later|maybe|might|perhaps|thinking (about|of)|"
    r"considering|consider|wondering|policy|(do|should|shall|must) (i|we)|recommend\w*|"
    r"probably|likely|seguramente|probablemente|capaz que|s[ûu]rement|probablement|"
    r"wahrscheinlich|vermutlich|"
    r"can (i|we) (cancel|unsubscribe|end|stop)|"
    r"when (can|could|do|will)|any way to|is there a way)\b|"
    r"たぶん|多分|おそらく|可能|(?<!お願い)できますか|(?<!お願い)できるでしょうか|できるか|方法|手順|やり方|かも(しれ|知れ)|ようかと(思|考)|決めて(い)?(ない|ません)|決まって(い)?(ない|ません)|どうすれば|どうやって|(?<!ま)いつ(?!も)|規定|ポリシー|規約|"
    r"こと(は|が|も)(あり|ある|でき)|"
    r"\b((es|ser[ií]a|ser[aá]) posible|se puede|puede que|cómo|cuándo|m[áa]s adelante|"
    r"quiz[áa]s?|tal vez|a lo mejor|pensando en|consider[ao]ndo|considerar|pol[íi]tica|"
    r"(puedo|podemos) (cancelar|anular|dar(me)? de baja)|hay (alguna )?(manera|forma)|ofrec\w*|"
    r"(est-il|serait-il|est-ce|il est|serait-ce|c'est) possible|comment (je|j'|on|nous|puis-je|"
    r"je peux|faire|"
    r"[çc]a|fonctionne|on)|plus tard|"
    r"peut-[êe]tre|envisag\w*|"
    r"je pense(?! qu[e'][^.?!:]{0,80}\b(serait|est|me semble)( \w+)? (juste|normal|logique|"
    r"[ée]quitable|la moindre des choses)\b)|r[ée]fl[ée]chis\w*|politique|"
    r"puis-je (annuler|r[ée]silier)|"
    r"y a-t-il|propose[sz]-vous|(ist|w[äa]re) (es|das) m[öo]glich|"
    r"wie (ich|man|wir|kann|k[öo]nnen|funktioniert|lange|viel|l[äa]uft|geht|soll)|wann|sp[äa]ter|"
    r"vielleicht|"
    r"eventuell|[üu]berleg\w*|erw[äa]g\w*|richtlinie\w*|(kann|darf) (ich|man) (k[üu]ndigen|"
    r"stornieren)|gibt es (eine )?m[öo]glichkeit|bieten sie)\b",
    _I,
)
POLICY_QUESTION = re.compile(
    r"\b(after|within|before|past|beyond|more than|over|up to) (\d+|a|one|two|three|seven|"
    r"fourteen|thirty|sixty|ninety) (days?|weeks?|months?|years?)\b|\b(anytime|any time|at any "
    r"point|in general|generally|usually|normally|ever|always)\b|\b(annual|yearly|monthly|"
    r"lifetime|discounted|promo\w*) (plans|subscriptions|licen[cs]es|purchases)\b|"
    r"\bwhich (one|is|option|would)\b|\b(or|vs\.?|versus) (a |an )?(credit|voucher|coupon|refund|"
    r"discount|store credit|downgrade|pause)\b|\bcan (one|you generally)\b|"
    r"\b(despu[ée]s de|pasados|en) \d+ d[íi]as|\ben cualquier momento\b|\bcu[áa]l (es mejor|"
    r"conviene)|\bo (un )?(cr[ée]dito|vale|cup[óo]n)\b|"
    r"\b(apr[èe]s|au-del[àa] de|sous) \d+ jours|\b[àa] tout moment\b|\blequel\b|"
    r"\bou (un )?(avoir|bon)\b|\bpeut-on\b|\bon peut\b|"
    r"\b(nach|innerhalb( von)?) \d+ tagen|\bjederzeit\b|\bwelche\w* (ist|w[äa]re) besser|"
    r"\boder (eine )?gutschrift\b|\b(kann|darf|k[öo]nnte) man\b|"
    r"\b(como|cuando|quand)\b|\d+日(以降|以内|を過ぎ|経過)|いつでも|どちら|それとも|"
    # batch 31: "返金って何日以内なら受けつけてもらえるんですか"
    r"(何|数)(日|週間|ヶ月|か月|カ月)(以内|まで|以降|を過ぎ|経過)|いつまで(なら|に|であれば)|"
    # the conditions of a write: "返金ってどういう条件でしてもらえるんでしょうか"
    r"(どういう|どんな|どのような)(条件|場合)|条件(は|って|を教え)|\b(under )?what conditions\b|"
    # what is done as a rule: "お休みした分はお返しいただけるものなのでしょうか"; not the
    # polite ask "返していただけないものでしょうか"
    r"ものなの(でしょう|です)?か|"
    # batch 33: "御社にお願いする返金と、…チャージバックとでは、何か違いがあるのでしょうか"
    r"違い(が|は)(ある|あり)|"
    r"\ben qu[ée] (condiciones|casos)\b|\b[àa] quelles conditions\b|"
    r"\bunter welchen (bedingungen|voraussetzungen)\b",
    _I,
)
"""In a question, a condition or a choice makes a refund or a cancellation a question about
policy ("Can I get a refund after 30 days?", "Refund or credit, which one…?"), not an ask."""
STATE_QUESTION = re.compile(
    r"^\W*((hi|hello|hey)\W+|[^:?]{0,25}:\s*)?(did|does|has|have|was|were|is(?! there ((a|an|any|s"
    r"ome) "
    r"([\w-]+ ){0,2}(page|link|portal|place|login|area|section|screen|url|site|dashboard|way)|"
    r"somewhere|anywhere)\b)|"
    r"are|am i|will|do (i|we) (still )?(owe|have|need))\b|\bor is it still\b|"
    r"^\W*(hat|ist|wurde|sind|a-t-il|est-ce que|[¿]?(se ha|ha|fue|est[áa]))\b|"
    r"(され|られ|でき|済ん|通っ|完了し)て(い)?(ます|る)(でしょう)?か|済み(でしょう|です)か",
    _I,
)
"""A yes/no question about a state or the past ("Did the card on file pay the invoice?",
"Do I still need to pay something?", "解約予約として受け付けられていますか"): it asks to read, not
for a link. "Is there a page where…" asks for a place, not about a state."""
CARD_FACT = re.compile(
    r"\b(my|our) (credit |debit )?card (has )?(expired|expires|is expiring|will expire)|"
    r"\b(new|different|another) (credit |debit )?card\b|カード[^。？?]{0,8}(期限切れ|新しく)|"
    r"カード[^。？?]{0,4}有効期限(が|は)?(切れ|過ぎ)|"
    r"\bmi tarjeta (ha )?(caducado|vencido)|\bma carte (a |est )?expir\w*|"
    r"\b(une|la|ma) (nouvelle|autre) carte\b|\b(una|la|mi) (nueva|otra) tarjeta\b|"
    r"\b(kredit)?karte (ist )?abgelaufen|"
    r"\b(neue|andere) (kredit)?karte (\w+ ){0,2}(geschickt|zugeschickt|bekommen|erhalten|"
    r"ausgestellt)",
    _I,
)
"""The card stated as a fact ("my card expired"): beside a question about a payment's state,
it explains the question and asks for no link."""
UNSURE_FACT = re.compile(
    r"\b(i think|i believe|i guess|i suppose|not sure|creo que|je crois|je pense|ich glaube|"
    r"wohl)\b|気がする|(?<!と)かも(?!ら)|ことは(でき|可能)|可能かどうか",
    _I,
)  # "I think my card expired at some point": a guess beside a question, not a request
SUBJECT_TOPIC = re.compile(
    r"\b(questions?|query|inquiry|enquiry|about|regarding|concerning|info\w*|polic(y|ies)|rules|"
    r"terms|guarantee|conditions|after|since|frage\w*|[üu]ber|bez[üu]glich|betreffend|"
    # not the date a write takes effect: "Kündigung zum Monatsende", "… zum 31.12."
    # nor a link's purpose: "Link zur Zahlung der offenen Rechnung bitte"
    r"(?<!link )zur(?!\s+(\d|n[äa]chst\w*)\b)|zum(?!\s+(\d|\w*ende\b|n[äa]chst\w*|ablauf\b))|"
    r"richtlinie\w*|garantie|bedingungen|nach|seit|pregunta|duda|consulta|sobre|acerca|"
    r"pol[íi]tica|garant[íi]a|condiciones|despu[ée]s|desde|concernant|propos|politique|"
    r"apr[èe]s|depuis)\b|\w(regeln|richtlinien?)\b|について|質問|規定|後|以降|"
    r"\b(vat|tax|taxes|iva|tva|mwst|ust|fees?) (on|for|of|sur|auf|en|bei)\b",  # "VAT on refunds"
    _I,
)  # "Frage zur Erstattung", "Débité après résiliation", "カード更新後": a topic, not an ask
SUBJECT_FIRM = re.compile(
    r"\b(please|pls|kindly|want|need|like|my|our|me|us|bitte|mein\w*|unser\w*|mir|uns|"
    r"por favor|quiero|necesito|mi|mis|nuestr\w*|svp|s'il vous pla[îi]t|merci de|je veux|"
    r"mon|ma|mes|notre|moi)\b|ください|下さい|お願い|たい",
    _I,
)
"""A subject that asks by itself ("Cancel my plan", "Refund please"); a bare noun such as
"Refund" or "Reembolso de octubre" only names the topic, and a body that speaks of the
write decides."""
POSSESSIVE_TOPIC = re.compile(
    r"\b(my|our|mon|ma|mes|notre|nos|mi|mis|nuestr[oa]s?|mein\w*|unser\w*)\s+(refund|"
    r"reimbursement|cancell?ation|remboursement|r[ée]siliation|annulation|reembolso|"
    r"devoluci[óo]n|cancelaci[óo]n|baja|(r[üu]ck)?erstattung|k[üu]ndigung|stornierung)\b",
    _I,
)
"""A possessive before the write's noun names the topic ("My refund", "Mon remboursement",
"Meine Kündigung"): unlike "Cancel my plan", it does not make a subject ask by itself."""
REPORTED = re.compile(
    r"\b(i|we) (have |had |'ve |already )?(requested|asked for|applied for|submitted)\b|"
    r"\b((?<!\bno )(?<!\bno l[oa] )(?<!\bnunca )(?<!\bnunca l[oa] )ped[íi]|"
    r"solicit[ée]|j'ai demand[ée]|nous avons demand[ée]|(vous|il|elle|on) a demand[ée]|"
    r"(j'avais|nous avions|on avait) demand[ée]|"
    r"beantragt)\b|"
    r"\b(you|they|he|she|(your|the) (agent|colleague|team|support|rep\w*)) (had |have |has )?"
    r"promised\b|\b(me |nos )?prometi(ó|o|eron)\b|\b(m'|nous )?(avez|a|ont) promis\b|"
    r"\b(hat|haben|hatten|hatte) (mir |uns )?(\w+ ){0,3}(versprochen|zugesagt)\b|"
    r"\b(the |my |your |a |^)?refund (has |have )?(landed|arrived|came (in|through)|hit|showed up|"
    r"cleared)\b|"
    r"\b(it|this|that|(the |my |your |a )?(refund|cancellation|credit)( [\w-]+)?) (was|has been|"
    r"had been) (already )?(approved|promised|issued|processed|"
    r"initiated|accepted|confirmed)\b|"
    r"\b((?<!the )said|says|saying|told|tells|claim\w*|according to|heard|supposedly|apparently|"
    r"stated|stating|warned|warns|warning (me|us|that)|threaten\w*|we will(?! not)|we'll|you will|"
    r"you'll|they will|they'll|"
    r"(e-?mail|mail|message|letter|notice|courriel|correo|mensaje|nachricht|brief) (that |which |"
    r"qui |que |die |das )?(me |mich |us )?(asks?|asked|asking|tells?|told|says?|demande|pide|"
    r"dice|bittet|fordert|sagt)|"
    # "Has the refund gone through?", not "so the invoice has the right address"
    r"did (you|i|we|they|it)|have you|(?:(?<![\w'] )|(?<=\band )|(?<=\bbut )|(?<=\bwhy )|"
    r"(?<=\bwhen ))has (it|this|the|my)|already|got an? (e-?mail|message|"
    r"text|letter|notice)|received an? (e-?mail|message|text|letter|notice))\b|"
    r"(と|って)(言われ|聞い|書い|連絡|メール|通知)|(と|って)ご(連絡|案内|返信|回答)|(と|って)お(返事|返信|電話|伝え)|(と|って)(返事|返信|回答)を?(もら|いただ|頂)|との(お|ご)?(返事|返信|回答|連絡|案内)|(と|って)[^。]{0,8}(言って|言いました|話して)|すでに|既に|済み|されました|(?<!連絡いた)(?<!連絡)しました(?!ら)|"
    r"(お願い|依頼|申請)した(?![いく])|(先週|先日|先月|以前|前に|昨日|この前|[0-9０-９]+月[0-9０-９]+日)[^。]{0,20}(お願い|依頼|申請)して[、,]?\s*$|(お願い|依頼|申請)(して|し)て?(い|あ)(た|った)|"
    r"\b(dijo|dijeron|dijieron|dijiste|dijisteis|dice|dicen|diciendo|seg[úu]n|supuestamente|"
    r"al parecer|amenaz\w*|"
    r"(?<!baja )ya (?!me \w+r[ée]\b)(me|lo|la|los|se|les|nos|te|"
    r"han|ha|he|hab\w*|fue|est\w*|"
    r"reembols\w*|cancel\w*|"
    r"devolv\w*|recib\w*|pag\w*|hicieron|hice)|"
    r"(recib[íi]|me lleg[óo]) un (correo|e-?mail|mensaje|aviso)|"
    r"(han|has|hab[ée]is|ha) (\w+ )?(reembols|cancel|anul|devuel)\w*|"
    r"(me|nos|le) (hicieron|hizo|dieron|dio|devolvieron|reembolsaron)|"
    r"(van|vais|(?<!no )vamos) a|"
    r"a dit|ont dit|m'?a dit|m'ont dit|"
    r"(m'|nous )(avait|avaient|a|ont|aviez|avez) parl[ée] d|"
    r"(m'|nous )(aviez|avez) (dit|[ée]crit|confirm[ée]|assur[ée])|"
    r"selon|d'apr[èe]s|para[îi]t-il|apparemment|menac\w*|"
    r"d[ée]j[àa](?! (pay|r[ée]gl|factur|pr[ée]lev|d[ée]bit)[ée]e?s?\b)|"
    r"(j'ai re[çc]u|re[çc]u) un (e-?mail|mail|message|courriel|avis)|avez-vous|"
    r"(?<!y )a-t-il|ont-ils|"
    r"(vous|nous|ils) (allez|allons|vont)|on va|"
    r"sagte|sagten|gesagt|(werden|werdet) (sie|ihr|wir)|(wir|sie|ihr) (werden|werdet)|"
    r"laut|angeblich|anscheinend|droh\w*|(?<!(?:den|die|das|dem|der) (?:ich|wir) )(?:bereits|"
    r"(?<!danke )(?<!bitte )schon)"
    # not the money it describes: "erstatten Sie den bereits bezahlten Dezember", "des bereits
    # für Juni abgebuchten Beitrags"
    r"(?!(?<=(?:den|die|das|dem|der|des) bereits) ((f[üu]r|im|am|vom|seit|zum|per) [\w.-]+ )?"
    r"(bezahlt|gezahlt|abgebucht|belastet|"
    r"berechnet|eingezogen)(e|en|er|es|em)\b)|"
    r"(erhielt|bekam|erhalten|bekommen) (ich )?eine (e-?mail|nachricht|mitteilung)|"
    r"haben sie|hat (es|das|die|der|mein\w*)|habt ihr|"
    r"(hat|haben|habt) (mir|uns) (\w+ )?(geschrieben|mitgeteilt))\b|"
    r"(と|って)お話し(いただ|頂|され|しま)",
    _I,
)
AS_PROMISED = re.compile(
    r"\b(since|because|as) (the |my |our )?(payment|it|this|that|we|i)\b[^.?!,;]{0,30}\b(is|was|"
    r"has been|have|had) (already )?(done|made|paid|settled|been paid)\b.*|"
    r"\b(as|like|just as|since)( (you|your|the|our|they|he|she)( \w+){0,2})? (promised|agreed|"
    r"offered|discussed|confirmed|said|told me|told us|suggested)\b( (on|in|by|over|during) "
    r"(the )?(phone|chat|call|email|e-mail|ticket))?|\bas (promised|agreed|discussed|offered)\b|"
    r"\b(comme|ainsi que) (promis|convenu|vous (l'avez|me l'avez|nous l'avez) (promis|dit))\b|"
    r"\b(como|seg[úu]n lo) (prometieron|prometido|acordado|quedamos|me dijeron)\b|"
    r"\bwie (versprochen|vereinbart|besprochen|zugesagt)\b",
    _I,
)
"""A promise referred to as the reason of a plain ask ("Please refund half of the setup fee as
your rep promised"), or a payment already made given as its reason ("Kindly refund the card
debit since payment is already done via transfer"): the customer asks now; the reason does not
make the ask a report."""
CANCELLED_BEFORE = re.compile(
    r"\b(cancell?ed|unsubscribed|terminated|gek(ü|ue|u)ndigt|storniert|abbestellt|"
    r"r[ée]sili[ée]e?s?|d[ée]sabonn[ée]e?s?|cancelad[oa]s?|dad[oa]s? de baja|"
    # es first person: "…, que ya los di de baja el 1/11", "…, ya cancelé el plan"
    r"(di|dimos) de baja|cancel[ée]|cancelamos)\b|"
    r"解約(しました|した|済み|して(い|お)ります)",
    _I,
)
"""A plan cancelled before, in a later clause of a refund ask ("…, hab das Abo schon
gekündigt"): why the money is asked back, not a report of the refund."""
DEPOSIT = re.compile(
    r"\b(deposit|down ?payment|first instal+ment|anticipo|adelanto|se[ñn]a|acompte|arrhes|"
    r"anzahlung)\b|頭金|手付金|内金",
    _I,
)
"""A deposit paid before, in a later clause of an ask to pay ("quiero pagar el saldo del
pedido, el anticipo ya lo di en la tienda"): another payment, not a report of this one."""
SPEECH_TAG = re.compile(
    r"^\s*((my|our|the|your) )?\w+( \w+)? (said|says|told me|told us|wrote|asked)"
    r"( so| that| to)?\W*$",
    _I,
)
"""A clause that only says who spoke ("…, my wife said"): it makes what came before a report."""
REFERS_BACK = re.compile(
    r"\b(already|again|twice|before|previously|ya|d[ée]j[àa]|schon|bereits)\b|"
    r"\b(requested|asked( for)?|did|done|sent|paid|made) (this|it|that)\b",
    _I,
)
"""A later clause that speaks of the ask itself as made or done before ("…, we have already
requested this twice", "…, we already paid"): a person looks, the ask is not plain."""
HEARSAY_REASON = re.compile(
    r"^.*?(と(聞|伺|言われ|案内され|書いて|書かれて|記載)[^、。]{0,8}|そう(です|だ|な)?|"
    r"とのこと(です|だ|な)?)(ので|から)[、,]?|"
    r"^.*?\b(i was told|we were told|i('ve| have)? read|(you|your \w+) (said|says|told (me|us)|"
    r"state[sd]?)|according to)\b[^.?!]*?,? (so|therefore)\b",
    _I,
)
"""A reason the writer heard or read before their ask ("欠席した場合は返してもらえると聞き
ましたので、…返金してください", "I was told that if I cancel in the first week I get a
refund, so please refund it"): a condition in it is the rule they were told, not one they
set on the ask."""
OWN_ASIDE = re.compile(
    r"^\s*((and|so|as|since|because|anyway)\s+)?(i|we)\b(?![^.?!]*\b(refund\w*|cancel\w*|"
    r"renew\w*|charg\w*|paid|pay\w*|bill\w*|debit\w*|request\w*|ask\w*|told|said|promis\w*|"
    r"approv\w*|confirm\w*|process\w*|links?|cards?|invoices?|subscri\w*|plans?|account|"
    r"money|did|done|got|received|sent|banks?|disput\w*|chargebacks?)\b)",
    _I,
)
"""A later clause in which the writer tells only their own doings, with no word of a write
or of a payment ("…, I already exported my data", "…, we'll let it lapse"): no report of
the write asked for before it."""
DONE = re.compile(
    r"^(refunded|reimbursed|cancell?e?d|unsubscribed|reversed|paid|d[ée]sactiv(é|ee)e?s?|"
    r"reembolsad[oa]s?|reembols(aron|ó|é)|cancelad[oa]s?|cancel(aron|ó|é)|"
    r"cancele(?= (antes|ayer|hace|el (mes|d[ií]a)|la semana))|"
    r"anulad[oa]s?|anul(aron|ó|é)|devuelto|devolvi(eron|ó)|"
    r"rembours(é|ee)e?s?|annul(é|ee)e?s?|r[ée]sili(é|ee)e?s?|"
    r"((zur[üu]ck|r[üu]ck)?erstattet|storniert)(?!\s+(mir|uns|bitte|ihr|haben|bekommen)\b))\b",
    _I,
)  # a past participle at the mention: "you refunded me", "was cancelled", "remboursé" (not
# the present "je résilie", "annule mon abonnement")
WILL_BE_DONE = re.compile(
    r"\b(be|get|(get|have|like|want|need) (it|this|that|them|me|(my|the|our|this|that|these|"
    r"those|both|one|all|half|\d+|two|three|four|five|six|seven|eight|nine|ten|a few|some|"
    r"\w+'s|a|an) ([\w'$€£.,()]+ ){0,8}[\w'$€£.,()]+)|ser|sea|sean|[êe]tre|soit)\s*$|"
    r"\b(ensure|make sure) (that )?([\w'$€£.,()]+ ){0,8}(is|are|gets?)\s*$|"
    r"\b(ser|sea|sean|[êe]tre|soit) \w+(ment|mente)\s*$|"
    # the second of two: "que cet achat soit annulé et remboursé"
    r"\b(be|ser|sea|sean|[êe]tre|soit|soient) \w+ (and|y|et)\s*$|"
    r"^\W*((hallo|hi|moin|servus)\W+)?bitte\s*$",
    _I,
)  # "bitte erstattet die Abbuchung": the imperative to "ihr", not the past participle
TO_IHR_BEFORE = re.compile(r"\bihr (mir|uns)\b[^.?!,;]{0,50}$", _I)
PERFECT_AFTER = re.compile(
    r"^\s+(habt|hattet|haben|hatten|hat|hatte|worden|wurde|wurden|ist|sind|war|waren|bekommen|"
    r"erhalten|h[äa]ttet|h[äa]tten|h[äa]tte)\b",
    _I,
)
"""A German participle-looking form after "ihr mir" with no auxiliary after it is the present
of "ihr" ("wär fair, wenn ihr mir die Hälfte erstattet"), not a write done ("das ihr mir
erstattet habt")."""
STOPPING_A_REFUND = re.compile(
    r"\b(cancel\w*|withdraw\w*|retract\w*|drop|forget|ignore|scrap|disregard|hold off on|"
    r"pause|put on hold)\s+(my |the |this |that |our |a )?(previous |earlier |last )?$|"
    r"\b(cancel\w*|anul\w*|retir\w*|olvid\w*|ignor\w*|annul\w*|oubli\w*|laiss\w* tomber)\s+"
    r"(mi |la |el |esta |esa |ma |mon |la |cette |notre |nuestra )?"
    r"(solicitud|petici[óo]n|pedido|reclamaci[óo]n|demande|requ[êe]te|r[ée]clamation)\s+"
    r"(de |d')\s*$|"
    r"\b(zieh\w*|stornier\w*|vergess\w*|ignorier\w*|widerruf\w*|annullier\w*|nehm\w*)\s+"
    r"(sie\s+)?(bitte\s+)?(mein\w*|die|den|das|diese\w*|unser\w*)?\s*$",
    _I,
)
UNUSED_JA = re.compile(r"利用(は|を|も|の)?(なし|無し)")
""""(利用なし)" beside a refund asked: why, the plan unused, not a cancellation asked."""
ALREADY_SWITCHED_AFTER_JA = re.compile(r"^(て|で)(おり|い)(ます|る)(ので|から|が|けど|のですが)")
"""A change already made, given as the reason for another ask ("今回からクレジットカードでの支払いに
切り替えておりますので、…URLをお送りいただけますでしょうか"): no portal asked."""
FROM_NOW_ON = re.compile(
    r"\b(from now on|going forward|in (the )?future|from next month( on)?|starting next month|"
    r"k[üu]nftig|zuk[üu]nftig|ab jetzt|d[ée]sormais|"
    r"dor[ée]navant|a partir de ahora|de ahora en adelante)\b|"
    r"今後|これから(は|も)|次回(から|以降)|以降は",
    _I,
)
"""Paying some way from now on ("今後はそちらで支払いたいと考えております"): a change to the way
the plan is paid, a portal's, not one payment by a link."""
IMPATIENT_ALREADY = re.compile(r"\s+already\s*(?=[!.,;]|$)", _I)
""""Kindly stop my subscription already": impatience at the end of a plain ask, not a report."""
REQUEST_FOR_IT_WITHDRAWN_BEFORE = re.compile(
    r"\b(disregard|ignore|forget( about)?|scrap|withdraw|retract|cancel)\s+"
    r"(my|our|the|this|that)\s+"
    r"(earlier |previous |last |other |first )?(request|ask|e-?mail|message|note)\s+(for|about|"
    r"asking (you )?for)\s+(a |an |the |my |another )?(new |fresh )?$",
    _I,
)
"""A request for the write taken back ("Please disregard my request for a payment link
yesterday"), whichever write it named."""
REFUND_REQUEST_STOPPED = re.compile(
    r"^\w*(antrag|anfrage|wunsch|forderung)\b[^,;:.!?]{0,40}\b(stornier\w*|zur[üu]ck\w*|"
    r"widerruf\w*|vergessen|ignorier\w*|annullier\w*)|"
    r"^(r[üu]ck)?erstattung\w*\s+(bitte\s+)?(stornier|zur[üu]ckzieh|zur[üu]cknehm|widerruf|"
    r"annullier|abbrech)\w*",
    _I,
)  # German puts the verb last: "meinen Erstattungsantrag ziehe ich zurück", the subject
# "Rückerstattung stornieren"
MAILING = (
    r"\b(newsletters?|bolet[íi]n|mailing( list)?|marketing e-?mails?|promo(tional)? e-?mails?|"
    r"lista de (correos?|env[íi]os?|distribuci[óo]n|mails?)|correos (de )?(promoci\w*|publicidad|"
    r"marketing)|liste de diffusion|infolettre|lettre d'information|e-?mails? (promotionnels|"
    r"publicitaires)|werbe-?(e-?)?mails?|rundmails?)\b|メルマガ|メールマガジン"
)
"""A mailing: newsletters and promotional mail, which a customer leaves, not the plan."""
CANCEL_OTHER_THING = re.compile(
    r"^[^.,;!?]{0,15}?\b(bank(ing)? account|compte (bancaire|en banque)|"
    r"cuenta (bancaria|del banco)|(bank|giro)konto)\b|"
    # batch 31: a mailing, "denme de baja de la lista de correos de promociones"
    rf"^[^.,;!?]{{0,20}}?{MAILING}|"
    # a purchase, not a plan: "stornieren Sie den Kauf", "storniert das zweite Ticket"
    # an event named with a word or two before it: "cancel my cleaning appointment"
    # batch 33: "cancel my place at the user conference", "cancel the recurring Tuesday
    # appointment", "cancel the duplicate client profile for Mrs Jenkins"
    r"^cancel\w*\s+(my|our|the)\s+(place|spot|seat|attendance|registration|booking)s?\s+(at|for|on)"
    r"\s+(the\s+)?([\w-]+\s+){0,3}(conference|event|webinar|workshop|meetup|summit|course|"
    r"training|class|dinner|session|trip|tour)s?\b|"
    r"^cancel\w*\s+(my|the|this|that|our)\s+recurring\s+([\w-]+\s+)?(appointment|meeting|call|"
    r"session|lesson|class|booking|reservation|visit|cleaning|delivery)s?\b|"
    r"^cancel\w*\s+(the|this|that|a)\s+(duplicate|extra|second|old)\s+(client|customer|patient|"
    r"student|contact|user)\s+(profile|record|entry|listing|card)s?\b|"
    r"^(cancel|stop|scrap|drop|skip|call off)\w*\s+(my|the|this|that|our|a|an|tomorrow's|"
    r"today's)\s+((?!(subscription|plan|membership|account|licen[cs]e|contract|renewal|"
    r"monthly|annual|yearly|recurring|auto\S*)\b)[a-z-]+ ){1,2}(appointment|meeting|call|session|"
    r"lesson|class|booking|reservation|consultation|visit|tour|interview|demo|webinar|event|"
    r"training|workshop|inspection|viewing|check-?up|cleaning|pick-?up|delivery)\b|"
    # batch 30: "lets them cancel or reschedule from the confirmation email": a booking
    r"^cancel\w*\s+(or|and|/)\s+(reschedul|rebook|re-book|postpon|mov)\w*|"
    r"^stornier\w*\s+(sie\s+|ihr\s+)?(bitte\s+)?(den|die|das|meine?n?|unsere?n?)\s+(\w+\s+)?"
    r"(kauf|bestellung|buchung|\w*ticket|termin|zahlung|lastschrift|abbuchung|[üu]berweisung|"
    r"rechnung)\b|"
    r"^(?!dont\b)\w*\s+(my |the |this |that |our |a |an )?(previous |last |earlier |duplicate |"
    r"extra |second |wrong |other |old |new )?"
    r"(refund|request|order|payment|charge|invoice|transaction|meeting|call|appointment|"
    r"training|session|class|course|lesson|workshop|interview|invitation|onboarding|"
    r"cancell?ation|"
    r"e-?mail|booking|dispute|chargeback|registration|webinar|demo|event|reservation|"
    r"ticket|slot|inspection|visit|viewing|consultation|tour|pick-?up|shipment|consignment|"
    r"\d{1,2}(:\d\d)?\s?(am|pm|o'clock))\b"
    r"(?!(\s+[\w-]+){0,2}\s+(subscriptions?|plans?|memberships?|licen[cs]es?|contracts?)\b)|"
    r"^[^.,;!?]{0,25}?\b(newsletters?|bolet[íi]n|infolettre|mailing|promotional|"
    r"promo\w*|marketing|werbe\w*)\b|"
    # "darme de baja de los correos de promociones"
    r"^[^.,;!?]{0,15}?\bbaja de (los|las|sus|tus|vuestr[oa]s) ([\w-]+ )?(correos|e-?mails|mails|"
    r"mensajes|boletines|notificaciones|promociones|newsletters?|sms|avisos|publicidad)\b|"
    r"^\w*\s+(me |us )?(from\s+)?(the |your |this |our |all |my )?((?!(and|then)\b)\w+ ){0,3}"
    r"(newsletters?|mailing|"
    r"e-?mails?|"
    r"marketing|promo\w*|list|notifications?)\b|"
    r"^(?!(keine?|nichts?|no|ne|plus|pas|aucune?|nada|sin|desactiv|suspend|deten|par[ae]n?\b|"
    r"dej|stopp|beend|einstell|aussetz|arr[êe]t|d[ée]sactiv|coup|[ée]vit)\w*)"
    r"(?!(kein\w*|nichts?|stopp\w*|beend\w*|einstell\w*|suspend\w*|deten\w*|par(ar|en|e)|"
    r"cort\w*|solicit\w*|ped\w*|tramit\w*|desactiv\w*|quit\w*|evit\w*)\s)"
    r"\w*\s+(sie\s+)?(bitte\s+)?(mi |mis |el |la |los |las |este |esta |ese |esa |mon |ma |"
    r"un |une |una |ein |eine |einen |"
    r"mes |le |les |ce |cette |l'|mein\w* |die |den |das |diese\w* |unser\w* |"
    r"plusieurs |vari[oa]s )?"
    r"(solicitud|petici[óo]n|pedido|reembolso|devoluci[óo]n|pago|cargo|cobro|factura|cita|"
    r"cancelaci[óo]n|baja|r[ée]siliation|annulation|k[üu]ndigung|"
    r"reuni[óo]n|llamada|correo|reserva|disputa|transferencia|demande|commande|paiement|"
    r"sesi[óo]n|clase|curso|evento|s[ée]ance|cours|[ée]v[ée]nement|r[ée]union|d[ée]bit\b|"
    r"sitzung|kurs|schulung|veranstaltung|"
    r"pr[ée]l[èe]vement(?!s)|facture|rendez-vous|r[ée]servation|remboursement|litige|virement|doublon|"
    r"\w*(antrag|anfrage|bestellung|zahlung|termin|buchung|erstattung|rechnung|[üu]berweisung|"
    r"lastschrift|anruf|mail))",
    _I,
)
WHEN_AFTER = re.compile(
    r"^\s+(in|into)\s+((the )?(next|coming|new)\b|\d|(a|one|two|three) (days?|weeks?|months?)\b|"
    r"(january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    _I,
)
"""A cancellation "in January", "into next year": when the plan stops, not what it is in."""
ABOUT_THE_WRITE_AFTER = re.compile(
    r"^\s*(confirmations?|receipts?|notices?|letters?|terms|conditions|polic\w+|process\w*|"
    r"status|fees?|dates?|deadlines?|forms?|rules|progress|history|tracking|update|"
    r"reference|number)\b|"
    r"^\s+(you|we|they|your (team|colleague|support)) (\w+ )?(issued|made|sent|did|processed|"
    r"promised|approved|started|initiated)\b|"
    r"^\s+((of|for|de|del|von) ([^.?!,]|(?<=\d)[.,](?=\d)){1,20}? )?"
    r"(was|were|has been|had been|is being|got|fue|ha sido|a [ée]t[ée]|est|wurde|ist) "
    r"(already |bereits |ya |d[ée]j[àa] )?(approved|promised|issued|processed|initiated|accepted|"
    r"confirmed|sent|aprobad\w*|enviad\w*|prometid\w*|procesad\w*|approuv\w*|accept\w*|"
    r"promis\w*|envoy\w*|valid\w*|genehmigt|zugesagt|bearbeitet|veranlasst|best[äa]tigt)\b|"
    r"^\s+(still )?(hasn't|has not|haven't|have not|didn't|did not|isn't|is not|not yet)"
    r"( yet)? (arrived|come|shown|appeared|gone|been|landed|reached|posted)\b|"
    r"^,?\s+((de|of|del|von) [^.?!,]{1,15}? )?(die|den|das|der|que|qui|dont)\b[^.?!]{0,40}\b"
    r"(zugesagt|versprochen|genehmigt|annonc\w*|anunci\w*|announced|"
    r"angek[üu]ndigt|promis\w*|prometi\w*|aprobad\w*|aprobaste\w*|aprobaron|approuv\w*|"
    r"accord[ée]\w*)|"
    r"^\s+(or not|aside)\b|"
    r"^\s+(access|into(?! (another|a new|the next|next) (year|term|month|period|cycle))|"
    # "log back in", never money "back in my account"
    r"in(?! full\b)(?! (my|our|the|his|her) (bank |card |checking |savings )?(account|card|bank|"
    r"wallet)\b)|"
    r"my (account (access|data|deletion|login|password|"
    r"settings|details|e-?mail)|login|password|data))\b|"
    r"^\w*\s+(\w+\s+){0,2}(r[üu]ckg[äa]ngig|zur[üu]ck(zu)?(ge)?(nomm|nehm|zog|zieh)\w*)|^(の)?(取り消し|取消|撤回|キャンセル)|"
    r"^(の)?(ステータス|進捗|処理状況|手続き(?!(を|も)?(お願い|(して|進めて|行って|とって|取って)(くだ|下さ|ほし|欲し|もらえ|"
    r"いただ|頂)))|完了|状況|確認書|通知|規定|条件|期限)(が|は|の|を)?|"
    r"^[^、。]{0,8}(予定|つもり)",
    _I,
)
"""A refund or cancellation named as the topic of a read: "the cancellation confirmation",
"the refund you issued", "my refund still hasn't arrived"."""
UNDO_BEFORE = re.compile(
    r"\b(cancel\w*|revers\w*|undo|withdraw\w*|retract\w*|revok\w*|anul\w*|annul\w*|deshac\w*|"
    r"revoqu\w*|stornier\w*|widerruf\w*)\s+(my |the |our |this |that |la |el |mi |ma |mon |"
    r"cette |esta |meine |die |unsere )?$",
    _I,
)  # "please cancel my cancellation": the customer wants to stay
FUTURE_BEFORE = re.compile(
    r"\b(going to|gonna|plan(ning)? to|intend(ing)? to|about to|i'll|we'll|i will|we will|"
    r"will probably|probably|expect to|voy a|vamos a|pienso|planeo|je vais|nous allons|"
    r"compte|compt(ons|e) |ich werde|wir werden|vorhaben|"
    # an ask someone will make later: "les va a pedir un reembolso", "Mi contador pedirá…"
    r"(va|van) a (pedir|solicitar|reclamar)(les|le)?|(pedir|solicitar|reclamar)[áa]n?|"
    r"(va|vas|vont) (vous |nous )?(demander|r[ée]clamer)|(demander|r[ée]clamer)(a|ont)|"
    r"(hab|habe|haben|hatte|hatten) (\w+ ){0,2}vor,?)\b[^.?!,]{0,30}$",
    _I,
)  # "I'm going to cancel next month, please send the invoice": an intention, not a request
PAST_ATTEMPT_BEFORE = re.compile(
    r"\b(asked|tried|forgot|meant|wanted|attempted|requested|was going|had planned) (you |them )?"
    r"to\s+(\w+\s+)?$|"
    # a request someone will send later: "will write to you separately to request the refund"
    r"\bwill (write|e-?mail|contact|reach out|get in touch)\b[^.?!]{0,30}\bto (request|ask for|"
    r"claim)\s+(the |a |an |our |their )?$|"
    r"\b(intent[ée] |olvid[ée] |essay[ée] de |oubli[ée] de |voulu |versucht,? |vergessen,? )"
    r"(\w+\s+)?$|"
    r"\b(e-?mail|message|mail|letter|note|ticket)\b[^.?!]{0,30}\b(asking|telling|requesting) "
    r"(you |them )?to\s+(\w+\s+)?$",
    _I,
)  # "I asked to stop before the renewal", "I forgot to turn it off": a past attempt, reported
SOMEONE_ELSE_WANTS_BEFORE = re.compile(
    r"\b((my|our|his|her|their) ([\w-]+ ){0,2}|he |she |they |mi \w+ |mon \w+ |ma \w+ |"
    r"mein\w* \w+ )(wants?|would like|needs?|is asking for|asks for|quiere|necesita|pide|veut|"
    r"voudrait|demande|will|m[öo]chte|braucht|verlangt)\b[^.?!,]{0,20}$|"
    # another's opinion of what to ask: "Mon collègue pense qu'on devrait vous demander un…"
    r"\b(mon|ma|mi|my|our|notre|nuestr[oa]) \w+ (pense|trouve|dit|estime|cree|dice|opina|piensa|"
    r"thinks|says|feels) (que |qu'|that )?[^.?!,]{0,40}$",
    _I,
)  # "my colleague wants a refund, what was the charge?": someone else's wish, reported
SOMEONE_ELSES_AFTER = re.compile(
    r"^\s+(sie |ihr |du )?(to |a |à |an )?(my |our |the |a |this |mi |mis |nuestros? |mon |mes |"
    r"nos |notre |meinen? |meinem |meiner |unseren? |unserem )?"
    r"(customers?|clients?|buyers?|shoppers?|guests?|students?|members? of my|clientes?|"
    r"compradores?|acheteurs?|kunden|k[äa]ufer\w*)\b|"
    # an amount first: "rembourser 10 % à nos clients", "devolver 5 € a nuestros clientes"
    r"^\s+[^.?!,;]{0,25}?\b(à|a) (nos|nuestros|mes|mis|tous nos|todos nuestros|leurs|sus) "
    r"(clients|clientes|acheteurs|compradores)\b",
    _I,
)  # "please refund my client through my page": money between the customer and theirs
OWN_CUSTOMERS_BEFORE = re.compile(
    r"\b(einigen|unseren|den|allen|meinen|manchen|mehreren) (mandanten|kunden|mitgliedern|"
    r"sch[üu]lern|patienten|mietern|g[äa]sten)\b[^.?!]{0,50}$",
    _I,
)
"""Money the writer's business owes its own clients ("wir müssen einigen Mandanten zu viel
gezahlte Honorare erstatten"): a product question, not a refund to the writer."""
MERCHANT_REFUND_HOWTO = re.compile(
    r"\bhow (do|can|would|should) (i|we) (issue|process|record|create|enter|log|book|send) "
    r"(a |an |the )?(partial )?(refund|credit)|"
    r"\bc[óo]mo (emito|registro|proceso|hago|genero|cargo) (un|el|una) (reembolso|devoluci[óo]n)|"
    r"\bcomment (faire|[ée]mettre|effectuer|enregistrer|saisir) (un|le) remboursement|"
    r"\bwie (erfasse|buche|verbuche|erstelle|lege) (ich|wir|man)\b[^.?!]{0,60}\b(gutschrift|"
    r"erstattung|r[üu]ckerstattung)",
    _I,
)
"""How the writer's business issues a refund of its own ("How do I issue a refund to them
from within the platform?", "Wie erfasse ich eine Erstattung an einen Mandanten?"): a product
question."""
NOT_WANTING_TO_KNOW = re.compile(
    r"\b(je )?(ne )?(veux|voulons|veut) (pu|plus|pas)( rien)? (savoir|conna[îi]tre)\b|"
    r"\bno (quiero|queremos) saber (nada|m[áa]s)\b|\b(i|we) (don'?t|do not) want to know\b|"
    r"\b(ich )?will (nichts|nix) (mehr )?(davon )?wissen\b",
    _I,
)
"""Exasperation, not a question: "je veux pu rien savoir de votre affaire, annulez toute" (no
information is asked)."""
INFO_BEFORE = re.compile(
    r"\b(tell|let (me|us) know|"
    r"(?<!\bi )(?<!\bwe )(?<!\bje )(?<!\bnous )(?!confirmo\b|confirmamos\b)confirm\w*|"
    r"check\w*|verify|explain|"
    r"update (me|us)|"
    r"(an |any )?update on|(?<!let you )know|understand|advise|acknowledge|look into|follow up|"
    r"find out|"
    r"help( me| us)? with|(a )?questions? (about|on|regarding)|(an )?(issue|problem) with|"
    r"(a )?cop(y|ies) of|credit notes? (for|of)|"
    r"(?<!para )dec[ií](r\w*|dme|me|nos)|d[íi]g\w*|comprob\w*|verific\w*|explic\w*|saber|"
    r"conocer|revis\w*|"
    r"dire|vérifi\w*|expliqu\w*|savoir|conna[îi]tre|pr[ée]cis\w*|"
    r"sagen|mitteil\w*|best[äa]tig\w*|pr[üu]f\w*|[üu]berpr[üu]f\w*|nachseh\w*|nachschau\w*|"
    r"erkl[äa]r\w*|wissen|stand|status|estado|statut|[ée]tat|to make sure|asegurarme|m'assurer|"
    r"sichergehen|"
    # an out-of-office's pointer: "In dringenden Fällen zu Rechnungen oder Erstattungen …"
    r"(f[äa]llen|fragen|anliegen|angelegenheiten) (zu|zur|zum|bez[üu]glich|rund um))\b"
    r"(?![^.?!]*\b(and|then|y|et|und|dann|puis|luego)\b(?!\s+(that|que|dass|ob|if|whether|si)\b|\s+qu'))",
    _I,
)
"""An information verb before the mention, with no "and" after it: "tell me when my refund
will arrive", "bitte bestätigen Sie, dass die Kündigung eingegangen ist" ask to read about
the write; "check my account and refund the duplicate" still asks for it, "confirm it is done
and that it won't renew" does not; "I want to make sure you don't charge me" checks."""
WHAT_OR_WHEN_QUESTION = re.compile(
    r"\b(what|which|when|how (much|many|long)|cu[áa]l\w*|cu[áa]ndo|cu[áa]nt[oa]s?|qu[ée]|quel\w*|"
    r"quand|combien|was|welche\w*|wann|wof[üu]r|wozu|wie (viel|lange?))\b|何|いつ|どの|いくら|どれ|"
    # batch 33: "refund for cancelled order" over "…the money would come back. Where is it?"
    r"\bwhere('s| is) (it|my money|the money|my refund|the refund)\b|\bwo bleibt\b",
    _I,
)
"""A question of what, which, when or how much: the body asks a fact ("Für welchen Monat war
das?"), so a subject that only names a write ("Refund auf Kreditkarte") is its topic."""
WH_BEFORE = re.compile(
    r"\b(when|where|why|what|which|whether|cu[áa]ndo|d[óo]nde|por qu[ée]|qué|quand|o[ùu]|"
    r"pourquoi|quel\w*|wann|wo|warum|wieso|weshalb|welche\w*|ob)\b",
    _I,
)  # "…when my refund will arrive": the write is inside a question, asked about, not for
QUESTIONS_ABOUT_BEFORE = re.compile(
    r"\b(pour (toute|toutes les|les|vos) questions?|para (temas|consultas|asuntos|cuestiones|"
    r"dudas|preguntas)|for (any )?(questions|queries|enquiries|inquiries) (about|on|regarding|"
    r"relating to|related to))\b[^.?!]{0,60}$",
    _I,
)
"""Questions on a topic sent elsewhere ("Pour toute question relative aux remboursements,
merci de contacter ma collègue", "Para temas de facturas, cobros o reembolsos, escriba a…"):
an out-of-office reply's topics, not a write asked."""
INFO_AFTER = re.compile(
    r"^((?!\b(und|oder|and|y|et)\b)[^,;.!?]){0,40}\b(wissen|erfahren|best[äa]tigen|pr[üu]fen|"
    r"nachsehen|mitteilen)\b|"
    r"^[^、。!?]{0,30}か[)）]?(どうか)?(を|について)?(確認|教え|知り|調べ|チェック|お知らせ)|"
    r"^[^、。!?]{0,20}か(が|は)?(分から|わから|不明|知りた)",
    _I,
)  # the verb comes last: "den Stand meiner Erstattung wissen", "解約が完了しているか確認"
TOPIC_IN_COMPOUND = re.compile(
    r"(k[üu]ndig|erstatt|stornier|storno|r[üu]ckzahl|r[üu]ckbuch|abbestell|abmeld|beendig|"
    r"zahl|buch)\w*(best[äa]tigung|frist|status|bedingung|geb[üu]hr|formular|schreiben|eingang|"
    r"versuch|richtlinie|garantie)",
    _I,
)  # "die Kündigungsbestätigung": a confirmation, not a cancellation ("die Monatsgebühr
# zurück" is money back)
NOT_A_REFUND_AFTER = re.compile(
    r"^\s+(intern[oae]s?|de (gastos|frais)|interne)\b|"
    r"^\s+(deadlines?|claims?|forms?|purposes?|polic\w+|process\w*|status|progress|history|"
    r"tracking|update|terms|conditions|rules|eligib\w*|window|period|guarantee|fees?|"
    r"quer(y|ies)|enquir\w+|inquir\w+|questions?)\b|"
    # refunds routed to a desk: "For invoices, payments and refunds please contact accounts@…"
    r"^,?\s+(please )?(contact|call|e-?mail|write to|reach out to|get in touch with)\b|"
    r"^(規定|ポリシー|規約|条件|保証|期限)|^-(garantie|guarantee|richtlinie\w*|bedingungen)\b|"
    # a company named so ("Refundo GmbH"), the customer's own mails about refunds ("返金メール")
    r"^\s+(gmbh|ag|kg|ug|ltd|inc|llc|sarl|sas|s\.?l\.?|s\.?a\.?)(?!\w)|"
    r"^(依頼|申請|対応|処理|希望)?(の)?(メール|テンプレ|機能|フォーム|ボタン|画面|通知)|"
    # a field of a pasted record: "refund id: re_3PcM…", "Refund amount: $64.00"
    r"^\s+(id|ids|number|no\.?|ref(erence)?|amount|date)\s*[:#]",
    _I,
)  # "for a reimbursement deadline": the word names something else
PAPERS_FOR_BEFORE = re.compile(
    r"\b(invoices?|receipts?|documents?|paperwork|cop(y|ies)|proof|statements?|facturas?|"
    r"recibos?|justificatifs?|factures?|re[çc]us?|rechnung(en)?|belege?|quittung(en)?|"
    r"credit notes?|avoirs?|gutschrift(en)?)\b"
    r"[^.?!,]{0,40}\b(for|para|pour|f[üu]r|zur)\s+(the |my |a |our |la |el |le |mon |ma |"
    r"die |den |meine )?$|\b(it|this|that|them|these|those) (for|para|pour|f[üu]r|zur)\s+"
    r"(the |my |a |our )?((?!(full|partial|complete|total|quick|prompt|immediate)\b)[\w-]+ )?$|"
    r"\b(send|give|pass|forward|submit|hand|take)\w* (it|this|that|them|these|those) (on )?to "
    r"(my|the|our|his|her|their|a) [\w-]+( [\w-]+)? (for|para|pour|f[üu]r|zur)\s+(the |a )?$",
    _I,
)  # "the invoice for reimbursement", "need it for reimbursement": for the customer's employer
TOPICS_ROUTED_DE = re.compile(
    r"^\w*ungen\b(\s*(,|und|oder|sowie)\s*[\w-]+)*\s+(bitte\s+)?((ausschlie(ß|ss)lich|nur|"
    r"direkt|immer)\s+)?(an|[üu]ber)\s*(:|$)",
    _I,
)
"""Writes named in the plural as topics sent to an address ("Reklamationen, Rückerstattungen und
Gutschriften bitte ausschließlich an: …" in a signature): a routing note, no write asked."""
TOPICS_ROUTED_ELSEWHERE = re.compile(
    r"^\W*(for|regarding|concerning|about|with regard to|pour|concernant|para|sobre|f[üu]r|"
    r"bei)\b[^.?!:;]{0,100},?\s+(please |kindly |veuillez |merci de |por favor |bitte )?"
    r"(contact|call|ring|phone|e-?mail|write to|reach out to|get in touch with|speak to|talk to|"
    r"contacte[zr]|appele[zr]|[ée]crive[zr]|contact[ae]r?|llam[ae]r?|escrib[ae]r?|"
    r"wenden sie sich|kontaktieren|rufen sie)\b",
    _I,
)
"""Topics sent to someone else ("For refunds or cancellations of holiday club places, please
contact Jubilee Sports directly", an auto-reply's or a signature's routing line): the writes
named before the contact are topics, not asked."""
INCLUDED_IN_A_LIST_BEFORE = re.compile(
    r"\w*(liste|aufstellung|[üu]bersicht|auszug|historie|verlauf)\b[^.?!]{0,80}\b(inklusive|"
    r"einschlie(ß|ss)lich|samt|mitsamt)\s+(der |die |den |des |dem |aller |meiner |unserer )?$",
    _I,
)
"""A refund named as a line of a list asked for ("eine Liste aller Zahlungen im 2024,
inklusive der Rückerstattung"): a read of what happened, no money to move."""
REFUNDS_LISTED_BEFORE = re.compile(
    r"\b(show|list|see|view|history of|overview of)\b[^.?!,]{0,30}$|"
    r"\b(status|progress|state|track\w*|where('s| is)|check on|check)( of| on| about)?"
    r"( my| the| our| this| that)?\s+$",
    _I,
)  # "show me the refunds and payments", "the status of my refund": a read, not money to move
NOT_A_LINK_AFTER = re.compile(
    r"^\s+(feature|function\w*|option|settings?|api)\b|"
    # a screen that closed or froze: "手続きの画面は閉じてしまい"
    r"^(は|が|も)?(閉じ|消え|固ま|開かな|開けな|表示されな|真っ白)|"
    # a fee named by the word: "管理画面からカードで更新料を払った" (the renewal fee)
    r"^(料|手数料)|"
    # "I'm ready to pay, but first I need to see the invoice": not yet
    r"^[^.?!]{0,12}\b(but|pero|mais|aber) (first|primero|d'abord|zuerst|erst)\b",
    _I,
)
LINK_TO_MANAGE = re.compile(
    r"\b(link|enlace|v[íi]nculo|liga|lien)\b[^.?!]{0,30}\b(administr|gestion|g[ée]rer|manej|"
    r"entrar a|acceder a|m[ée]todo de pago|forma de pago|moyen de paiement|cuenta de pagos)",
    _I,
)
"""A link to manage the payments ("el enlace para gestionar mi método de pago", "mándeme el
link donde administro mis pagos"): the portal's, not one to pay with."""
OTHER_WAY_TO_PAY = re.compile(
    r"\b(bank transfer|wire transfer|by wire|bacs|by (cheque|check)|cheques?|par ch[èe]que|"
    r"per scheck|con cheque|instal+ments?|in (two|three|four|\d) "
    r"(payments|parts)|[üu]berweisung|auf rechnung|in raten|ratenzahlung|virement|en (deux|"
    r"trois|quatre|plusieurs|\d) fois|transferencia|a plazos|en (dos|tres|cuatro|\d) cuotas|"
    r"[àa] chaque facture|each invoice manually|manuellement|(by|on|against) (an )?invoice|"
    r"(by|via) (direct debit|ach|eft|purchase order|transfer|wire))\b|"
    r"振込|振り込|口座振替|分割",
    _I,
)
"""A payment asked about by bank transfer, by invoice or in instalments ("How do I pay by bank
transfer instead of card?", "Is there any way to pay annually by invoice instead of card?",
"payer la facture en trois fois"): not what a payment link (a card checkout) gives, unless a
link is named too."""
LINK_NAMED = re.compile(r"\b(\w*links?|enlace|lien|url)\b|リンク|URL", _I)
CARD_WANTED = re.compile(
    r"(?<!statt )(?<!instead of )\b(by|par|per|con|mit|with) (a |the |my |ma |la |une )?(credit )?"
    r"(card|carte|tarjeta|karte|kreditkarte)\b|カードで",
    _I,
)
"""Paying by card named as the wish ("je préfère payer par carte, le virement prend une
semaine"): the transfer is what the customer turns from, the link still fits."""
BEFORE_THE_WRITE = re.compile(
    r"\b(antes de|avant d[e']|avant|bevor|before)\s*(que\s+|qu')?(\w+\s+){0,3}$", _I
)
"""A time before a write ("Antes de darme de baja quiero saber…", "Bevor ich kündige, …"):
the question is what happens then."""
QUESTION_OF_WHAT_BEFORE = re.compile(
    r"\b(anything|something|what|how much)\b((?!\band\b)[^.?!]){0,30}$", _I
)  # not across "and": "What plan are we on and where can I change the card?" asks for the portal
DEFERRED = re.compile(
    r"(改めて|あらためて|後日|後ほど|のちほど|追って|別途)[^。！？]{0,12}(ご相談|相談|ご連絡|連絡|お願い|"
    r"申請|ご依頼|依頼|請求)(させて|いたし|し|する|します)|"
    r"\b(i|we)('ll| will| shall)( \w+)? (ask|(come|get) back to (you|it|this|that)|write|"
    r"follow up|raise it|bring it up|claim it|request it)\b[^.?!]{0,40}\b(later|separately|"
    r"another time|next week|next month)\b|"
    r"\b(let'?s|we('ll| will| can)) (discuss|talk about|deal with|sort out|look at|revisit) "
    r"(the |that |this )?(refund|difference|reimbursement)\b[^.?!]{0,20}\b(later|separately)\b|"
    r"\b(reclamar[ée]|solicitar[ée]|pedir[ée]|hablaremos|lo (vemos|hablamos|reclamo|pido))\b"
    r"[^.?!]{0,40}\b(m[áa]s adelante|luego|despu[ée]s|otro d[íi]a|por separado)\b|"
    r"\b(on en (re)?parle(ra)?|nous en (re)?parlerons|je (vous )?(le )?(redemanderai|"
    r"r[ée]clamerai|demanderai)|nous reviendrons vers vous|je reviendrai vers vous)\b|"
    r"\b(melde (ich )?mich|komme (ich )?|kommen wir|fordere (ich )?)[^.?!]{0,30}\b(sp[äa]ter|"
    r"separat|gesondert|noch einmal)\b(?! (bitte|zur[üu]ck)\b)",
    _I,
)
"""The money put off to later, by the customer ("差額の返金については、社内で確認してから改めて
ご相談させてください", "we'll raise the refund separately"): nothing asked now."""
REFUND_OR_CHARGE = re.compile(
    r"\b(was|is|were|are) (this|that|it|these|they) (a |an )?(refund|credit)s? (to me |back )?"
    r"or (a |an )?(new |another |second |fresh )?(charge|payment|debit)s?\b|"
    r"\b(es|era|fue) (esto |eso )?(un )?reembolso o (un )?(nuevo |otro )?(cargo|cobro)\b|"
    r"\b(est-ce|c'est|c'[ée]tait) (un )?remboursement ou (un )?(nouveau )?(pr[ée]l[èe]vement|"
    r"d[ée]bit|paiement)\b|"
    r"\b(ist|war) (das|es|dies) (eine )?(r[üu]ck)?(erstattung|gutschrift) oder (eine )?(neue )?"
    r"(abbuchung|belastung|zahlung)\b|"
    r"返金なのか[^。？]{0,6}(請求|引き落とし|課金|支払い)なのか",
    _I,
)
"""An either-or question about what a line on a statement was ("Was this a refund to me or a
new charge?"): it asks to read the charge, so a bare "Refund??" before it asks nothing."""
REFUND_WITHDRAWN_JA = re.compile(r"(返金|払い戻し)[^。！？]{0,30}(取り消|キャンセル|撤回|やめ)")
""""返金の件、取り消してください": the refund request is withdrawn, nothing else is cancelled."""
_REFUND_REQUEST = (
    r"(refund (request|claim|application|email|ticket)|"
    r"(返金|払い戻し)の?(お願い|依頼|申請|リクエスト)|(お願いした|依頼した|申請した)(返金|払い戻し)|"
    r"(the )?refund (i|we) (asked|applied) for|"
    r"(demande|requ[êe]te) de remboursement|remboursement que j'ai demand[ée]|"
    r"(r[üu]ck)?erstattungs(antrag|anfrage|wunsch)|antrag auf (r[üu]ck)?erstattung|"
    # "vergessen Sie meine Mail von gestern wegen der Rückerstattung"
    r"(meine|unsere) (e-?mail|mail|nachricht|anfrage)\b[^.!?]{0,25}\b(wegen|zur|bez[üu]glich|"
    r"betreffend|[üu]ber die) (der |die )?(r[üu]ck)?erstattung|"
    r"solicitud de (reembolso|devoluci[óo]n)|reembolso que (ped[íi]|solicit[ée])|"
    r"(my|our) (earlier |previous |last )?(e-?mail|message|note)\b[^.!?]{0,40}\babout "
    r"(a |the |my )?refund)"
)
_WITHDRAWING = (
    r"(\b(cancel|withdraw|retract|disregard|ignore|scrap|forget|drop)\b|取り下げ|取り消|撤回|"
    r"なかったことに|\bannul(er|ez)\b|\bretir(er|ez)\b|\bne veux plus\b|\bstornier(en|t)\b|"
    r"\bzur[üu]ck(zu)?zieh\w*|\bzur[üu]ck(zu)?nehm\w*|\bwiderruf(en|e)\b|\b(cancel|anul|retir)(ar|en|e)\b|\bolvid(ar|en|e)\b|"
    r"\bignorier\w*|\bvergess\w*|\bvergiss\b|\bhat sich (\w+ )?(erledigt|er[üu]brigt)\b)"
)
REFUND_REQUEST_WITHDRAWN = re.compile(
    r"\bum (eine |die )?(r[üu]ck)?erstattung gebeten\b[^.!?]{0,20}\b(das|diese|sie|den antrag)\b "
    r"(bitte )?(wieder )?(stornieren|zur[üu]ckziehen|zur[üu]cknehmen)\b|"
    rf"{_REFUND_REQUEST}[^.!?。！？]{{0,60}}{_WITHDRAWING}|"
    rf"{_WITHDRAWING}[^.!?。！？]{{0,40}}{_REFUND_REQUEST}|"
    rf"\bzieh\w*\b[^.!?]{{0,25}}{_REFUND_REQUEST}[^.!?]{{0,40}}\bzur[üu]ck\b|"
    # "meine Bitte um Erstattung aus der letzten Mail hat sich erledigt"
    r"\b(meine|unsere) bitte um (r[üu]ck)?erstattung\b[^.!?]{0,60}\b(hat sich|ist) (\w+ )?"
    r"(erledigt|er[üu]brigt)\b|"
    # "ich hatte … eine Erstattung angefragt. Die möchte ich zurückziehen"
    rf"\b(r[üu]ck)?erstattung (angefragt|beantragt|angefordert)\b[^!?]{{0,40}}{_WITHDRAWING}|"
    # batch 33: "I asked for a refund … Please don't process it after all"
    r"\b(don'?t|do not|no need to) (process|proceed with|go ahead with|action) (it|that|this|the "
    r"refund|my refund|the request|my request)\b[^.!?]{0,15}\bafter all\b",
    _I,
)
"""Taking back a refund request ("my refund request - please cancel it", 返金依頼はなかった
ことに): neither a refund nor a cancellation is asked, whatever else the email says."""
_CANCELLATION_REQUEST = (
    r"(my cancell?ation( request| notice)?|the cancell?ation (i|we) (asked|sent)|"
    r"(ma|la|notre) (demande de )?r[ée]siliation|(meine|die|unsere) k[üu]ndigung|"
    r"(mi|la|nuestra) (solicitud de )?(baja|cancelaci[óo]n)|"
    r"解約(の)?(申請|申し込み|依頼|予約|手続き)|"  # batch 33: "解約予約を取り消して"
    r"(my|our) (earlier |previous |last )?(e-?mail|message|note|request)\b[^.!?]{0,40}\babout "
    r"(cancell?ing|the cancell?ation|ending|closing)|"
    r"(mon|notre) (dernier )?(e-?mail|message|courriel)\b[^.!?]{0,40}\b(au sujet de|concernant|"
    r"sur) (la |ma |notre )?r[ée]siliation|"
    r"(mi|nuestro) (correo|mensaje|email)\b[^.!?]{0,40}\bsobre (la |mi )?(baja|cancelaci[óo]n)|"
    r"(meine|unsere) (e-?mail|mail|nachricht)\b[^.!?]{0,25}\b(wegen|zur|bez[üu]glich|betreffend|"
    r"[üu]ber die) (der |die )?k[üu]ndigung)"
)
_STAYING = (
    r"\b(i'?m|i am|we'?re|we are) staying (on|with you|a member|subscribed)\b|"
    r"\b(je reste|nous restons) (au club|abonn[ée]e?s?|membres?|chez vous|inscrite?s?|client)\b|"
    r"\b(ich bleibe|wir bleiben) (doch )?(mitglied|kunde|kundin|dabei|bei euch|bei ihnen)\b|"
    r"\b(me quedo|nos quedamos) (con ustedes|con el plan|en el club|inscrit[oa]s?)\b"
)
CANCELLATION_WITHDRAWN = re.compile(
    rf"{_CANCELLATION_REQUEST}[^.!?。！？]{{0,60}}{_WITHDRAWING}|"
    rf"{_WITHDRAWING}[^.!?。！？]{{0,40}}{_CANCELLATION_REQUEST}|{_STAYING}|"
    # batch 32: the separable verb, "Bitte nehmen Sie meine Kündigung zurück"
    rf"\b(nehmen|nimm|nehmt) (sie |du |ihr )?(bitte )?{_CANCELLATION_REQUEST} (\w+ ){{0,3}}"
    r"zur[üu]ck\b",
    _I,
)
"""Taking back a cancellation ("Ma demande de résiliation : en fait annulez-la, je reste au
club !", "Bitte stornieren Sie meine Kündigung"): the plan goes on, nothing is cancelled."""
MAILING_FOOTER = re.compile(
    r"\b(you are receiving this|you('re| are) receiving this|to stop receiving|view (it )?in "
    r"(your )?browser|manage (your )?(e-?mail )?preferences|vous recevez ce(t|tte)? (e-?mail|"
    r"message|lettre)|recibes este (correo|mensaje)|"
    r"sie erhalten diese (e-?mail|nachricht|newsletter))\b",
    _I,
)
"""A newsletter's footer: its "Unsubscribe" link leaves a mailing, not the plan."""
DATA_RIGHTS = re.compile(
    r"[^.\n]*\b(acceso|access|acc[èe]s|auskunft)\b[^.\n]{0,60}\b(rectificaci[óo]n|rectification|"
    r"berichtigung)\b[^.\n]*|[^.\n]*\bderechos arco\b[^.\n]*",
    _I,
)
"""A data-protection footer's list of rights ("derechos de acceso, rectificación, cancelación y
oposición"): its "cancelación" erases data, it cancels no plan."""
OWN_TERMS_NOTICE = re.compile(
    r"\bbitte beachten sie (auch )?unsere [\w-]*( und [\w-]+)?(bedingungen|richtlinien|agb)\b"
    r"[^\n]*",
    _I,
)
"""A footer pointing to the writer's own business terms ("Bitte beachten Sie unsere Storno- und
Erstattungsbedingungen: Stornierungen bis 14 Tage vor dem Event werden voll erstattet."): a
policy of theirs, no write asked of us."""
NOT_BY_EMAIL_NOTICE = re.compile(
    r"(?=[^.\n]*\b(by|per|par|por|via)\s+(e-?mail|courriel|correo)\b)"
    r"(?=[^.\n]*(\b(not|no|cannot|never)\b[^.\n]{0,30}\b(accept\w*|valid|binding|effective|"
    r"aceptan?|aceptamos|v[áa]lid[oa]s?|validez)\b|\bnicht\b[^.\n]{0,20}\b(wirksam|"
    r"rechtswirksam|angenommen|akzeptiert)\b|\bschriftform\b|\bsin validez\b|"
    # French: what the notice says is not done ("ne sont pas acceptées", "aucune résiliation ne
    # sera prise en compte"), not any "ne … pas" ("je ne reçois pas les factures par e-mail")
    r"(\bne\b|\bn'|\baucune?\b)[^.\n]{0,60}\b(accept[ée]e?s?|prise?s? en compte|valables?|"
    r"recevables?|trait[ée]e?s?)\b))"
    r"[^.\n]*",
    _I,
)
"""A company footer saying write instructions by email are not accepted ("does not accept
payment, refund or cancellation instructions by email", "Kündigungen … bedürfen der
Schriftform und sind per E-Mail nicht wirksam"): the writes it names are nobody's ask."""
ADDRESSED_TO_A_COLLEAGUE = re.compile(
    r"^[ \t]*@(?!(support|team|billing|all|everyone|you|here)\b)[^\W\d_][\w.-]*\b[^\n]*",
    _I | re.MULTILINE,
)
"""A line addressed to a colleague by their handle ("@Sven: kannst du bitte das Abo
kündigen?", an internal note sent to us too): asked of them, not of us."""
LINK_ASKED_ABOUT_JA = re.compile(
    r"(リンク|URL)(って|というのは|は)、?(?![^。？?]*(送|くだ|下さ|ほしい|欲しい|いただ|頂|もらえ|"
    r"お願い|ちょうだい|くれ|教え|どこ|どちら|あり|ある))"
)
"""A question about a link, asking none: "支払いリンクって、コンビニ払いにも対応してますか?",
"お支払い用のリンクって、届いてから何日くらい使えるんでしょうか"."""
GOODS_RETURNED = re.compile(
    r"返品|(返金|お金を返して\w*)か交換|交換(して|でも|か)|\bexchange (it|them|this|the item)\b|"
    r"\breturn(ed|ing)? (the|this|these|my) (item|product|parcel|goods|order|shoes)\b|"
    r"\bin( the | |-)?game\b|\bumtausch\w*|\bretour (du|de l'|de mon) ?(colis|article|produit)\b|"
    # batch 31: goods that came faulty, bought from a marketplace
    r"不良品|初期不良|\b(defective|faulty|broken|damaged) (item|product|parcel|goods|order)\b|"
    r"\b(producto|art[íi]culo) (defectuoso|roto|da[ñn]ado)\b|"
    r"\b(produit|article|colis) (d[ée]fectueux|cass[ée]|ab[îi]m[ée])\b|"
    r"\bdefekte[nrs]? (ware|artikel|produkt|ger[äa]t|paket)\b|"
    r"\b(amazon|ebay|aliexpress|temu|mercado ?libre|zalando|rakuten)\b|楽天|アマゾン|メルカリ",
    _I,
)
"""Goods sent back, swapped or faulty, bought from a marketplace, or money spent in a game: a
shop's refund, not the plan's ("ヨガマット…返金か交換してもらえますか", "返品して、お金を返して
ほしい", "refund my gems in the game", 楽天で買ったヨガマットが不良品でした)."""
UNSUBSCRIBING = re.compile(r"(abbestell|abmeld|unsubscrib|d[ée]sabonn|d[ée]sinscri)\w*", _I)
"""The verbs that leave a mailing as often as a plan: with a mailing named in the sentence
(`MAILING`) and no plan (`PLAN_NAMED`), the mailing is what is left ("keine Newsletter mehr
schicken, will das abbestellen"; not "Unsubscribe me from the paid plan (not the newsletter)")."""
PLAN_NAMED = re.compile(
    r"\b(plan|subscription|membership|account|abo|abonnement|cuenta|compte|konto|"
    r"mitgliedschaft|suscripci[óo]n|membres[íi]a)\b",
    _I,
)
ASK_TAKEN_BACK = re.compile(
    r"^\W*(please |pls |oh |sorry,? |ok,? |actually,? )*(never ?mind|nvm|scratch that|"
    r"(ignore|disregard) (this|that|it|my (last |previous |earlier )?(e-?mail|message|request))|"
    r"forget (it|that|about it|i asked|what i (said|asked)))\b"
    # not "actually nvm just do it for me": the question dropped for the ask
    r"(?![^.!?]*\b(do it|go ahead|handle it|sort it|please|pls|can you|could you)\b)|"
    r"^\W*(olv[íi]d(a|e|en)(lo|la)|no importa|ignor(a|e|en) (este|mi) (correo|mensaje))\b|"
    r"^\W*(oubliez|oublie)(-le| [çc]a| ce (message|mail)| mon (message|mail))|"
    r"^\W*(laissez|laisse) tomber\b|^\W*ignorez (ce|mon) (message|mail)\b|"
    r"^\W*(bitte )?(vergessen sie|vergiss) (das|es|meine (nachricht|mail|e-?mail))\b|"
    r"^\W*(bitte )?ignorieren sie (diese|meine) (nachricht|mail|e-?mail)\b|"
    r"(あの|その|この|先ほどの|さっきの|先程の)(依頼|お願い|メール|連絡)は?(取り消|無視|なかったことに)|"
    r"^\W*" + DEFERRED_NOW,  # batch 31: "… a pay link next week. Don't send it yet."
    _I,
)
"""A sentence that takes back what the email asked before it ("please cancel my plan...
actually wait, my partner wants to keep it. ignore this sorry!!", あの依頼は取り消してください):
only what comes after it still asks."""
DENIED_AT_ONCE = re.compile(
    r"(?<![\w'])[\w'-]+( [\w'-]+)?\s*\?\s*(no|nope|nah|non|nein|no way)\s*([.!,;]+|$)", _I | re.M
)
"""A write named as a question and answered no at once ("cancel? no. refund? no. i just want
to know why…"): the writer rules it out."""
ONLY_ENQUIRING = re.compile(
    r"\b(just|only|purely) (out of )?(curious|curiosity|asking for (future )?reference)\b|"
    r"\bfor future reference\b|\bnothing to do (for )?now\b|\bno action (is )?(needed|required)\b|"
    r"\bje me renseigne\b|\bpar (simple )?curiosit[ée]\b|\bpor (pura )?curiosidad\b|"
    r"\b(nur )?aus (reiner )?neugier\b|参考までに|今後の参考|"
    # batch 31: "just asking whats possible, no rush, ill decide end of week"
    r"\bjust (asking|checking|wondering) (what'?s|what is|what would be|if it'?s|if it is|whether "
    r"it'?s) possible\b|\b(i'?ll|i will|we'?ll|we will) decide (later|by|at|on|end|next|after|"
    r"once|when|tomorrow|this|over)\b|\bsolo (estoy )?preguntando\b|\bpregunto nada m[áa]s\b|"
    r"\b(c'est )?juste pour savoir\b|\bich frag(e)? nur\b|\b(erstmal )?nur eine frage\b|"
    # batch 33: "Thinking about it for next time.", "Want to know before I ask for one."
    r"\b(thinking|asking|wondering) (about it )?for (next time|the future|later)\b|"
    r"\bbefore (i|we) (ask|request|apply) for (one|it|a refund)\b",
    _I,
)
"""An email that says it only enquires: its questions ask for no write, however they are
worded ("Could I get a link to pay in instalments? Je me renseigne avant le renouvellement")."""
FEE_OR_STATE_AFTER_JA = re.compile(
    r"^(金|料|手数料|の件|待ち|枠|が出(?!来)|保険|補償)|^(する|の)?前に|^[はをの]?(取り消|撤回)|"
    # batch 26: a figure or a measure named by the write, "解約率の改善", "退会防止"
    r"^(率|件数|者数|防止|抑止|阻止)|"
    r"^、?[^。！？、]{0,10}?(できて|されて|済んで|完了して|受け付けられて|受理されて)(い|お)?(る|ます|り)"
    r"(か|かどうか|なら)|"
    # batch 25: an auto-reply's contact for a topic, a history asked for
    r"^(・[^。、]{0,10})*?(に関する|に関して|についての)[^。、]{0,6}(お問い合わせ|お問合せ|問い合わせ|"
    r"ご連絡|ご用件|ご相談|窓口)|^の(履歴|記録)|"
    # batch 27: a policy asked about, a part taken off a total, a time until the write
    r"^(に関する|についての)(ルール|規定|規約|ポリシー|条件|方針)|^分(を|は)?(差し引|引い|除)|"
    r"^(する|した)?まで(に|の|は|、)|"
    # batch 28: the odds of one, a wish one would only like to voice, a sarcastic "so I should
    # cancel, then?"
    r"^(して)?(もらえる|される|できる)?(確率|可能性|見込み)|^(して|て)?(ほしい|欲しい)と(言|い)いたい|"
    r"^しろって(こと|事)|^しろと(いう|言う)(こと|事)|"
    # batch 29: how far one has got, when to do it, one still to be decided: "返金の進み具合",
    # "解約のタイミングを決めたい", "解約については上長の判断が必要なため"
    r"^の(進み具合|進捗|状況|状態|その後|処理状況|ステータス)|"
    r"^の(タイミング|時期|日程|日取り)(を|は)?[^。]{0,6}(決め|検討|考え|相談|判断)|"
    r"^(について|に関して)(は)?、?[^。]{0,20}(判断|検討|決裁|承認|相談)(が|を)?(必要|中|して|いたし|させ)|"
    # a state, a relation to it, a contact still to come: "解約扱いになっているか",
    # "その返金に関係するものなのか", "その時に解約の連絡をしようと思っている"
    r"^(扱い|済み|処理済み)(に|と)?(なって|なってい)|^(に|と)(関係|関連)(する|している|のある)|"
    r"^の(連絡|手続き|申し込み|申請|お願い)(を|は)?(しよう|する予定|するつもり|させていただく予定)|"
    # batch 30: a request taken back, "昨日お送りした解約のお願いですが、取り下げさせてください"
    r"^の(お願い|依頼|申し出|申請|申し込み|連絡)[^。]{0,10}(取り下げ|撤回|取り消させ|なかったことに)|"
    # considered, not asked: "解約を検討しております", "利用を終了させていただく方向で検討";
    # a question about refunds: "キャンセル料の返金について聞きたいんですが"
    r"^(を|も)?(考え|検討)(たい|中|して|しており|しています)|^(させていただく|する)方向で(検討|考え)|"
    r"^(について|に関して|のことで)(少し|ちょっと)?(聞き|お聞き|伺い|質問し|お尋ねし)たい|"
    # half meant, "半額くらい返してほしいくらいの使い心地", and when one may ask at all
    r"^(ほしい|欲しい)くらい|^の?(申し出|受付|手続き|申し込み)(って|は)、?(いつ|何日|何月|どの)|"
    # a notice that may come from someone else: "夫から解約の連絡があっても、処理しないで"
    r"^の(連絡|申し出|依頼|申し込み|電話)(が|は)?(あって|来て|きて|届いて)も|"
    # done already, or after it: "解約は、先月妻が電話で手続きしてくれたはず", "返金後の請求書"
    r"^は、?[^。？?]{0,30}(して|し)(くれた|もらった|いただいた|た)はず|^(後|以降)の|"
    # batch 32: a time ("その解約の前後で支払い額がどう変わったか"), the talk of it set aside
    # ("メモにある解約の話は、まだ決めていないので無視してください"), what a past refund was for
    # ("それが何に対する返金だったのかも教えてください")
    r"^の(前後|直前|直後|時点|前に|あとに|後に)|"
    r"^の(話|件)(は|も)、?[^。]{0,30}(無視|忘れ|なかったことに|保留|まだ決めて|決めていない)|"
    r"^(だった|でした)(の|ん)?(か|でしょうか)"
)
"""解約金, キャンセル料 (a fee asked about), キャンセル保険 (an insurance), 返金の件 (the
matter of a refund), 返金の履歴 (a history); "返金・請求に関するお問い合わせは…まで" (an
auto-reply's contact); 解約率, 退会防止 (a figure or a measure, a sales pitch's topic);
解約ができてるか, 解約が完了しているか,
返金、もう処理されてるなら (whether it is done, if it is done): reads. 退会前に (before leaving)
names a time; 解約は取り消して (undo the cancellation) asks to stay; キャンセル待ち,
キャンセルが出たら (a waitlist, a booking cancelled by someone) are not the plan's;
返金に関するルール (the rules), 返金分を差し引いた合計 (a total less the refunded part) and
退会するまでに支払った (paid until leaving) are reads too."""
IN_EFFECT_AFTER = re.compile(
    r"^[^.?!,;]{0,25}\b(is|was|has been|will be|ist|wird|wurde|est|sera|a [ée]t[ée]|es|sea|"
    r"fue|sei)\s+(\w+\s+)?(wirksam|effective|in effect|effectiv\w*|efectiv\w*|effectu[ée]e?)\b|"
    r"^[^.?!,;]{0,25}\bwirksam (ist|wird|wurde|sei)\b",
    _I,
)
"""That the cancellation "is effective" (ist wirksam, est effective) is what is asked about."""
THANKS = re.compile(
    r"^\W*(thanks?|thank you|merci(?! (de|d'|par avance de) ?(bien vouloir )?"
    r"(me |nous |le |la |l'|les )?(?!(votre|notre)\b)\w+(er|ir|re)\b)|gracias|"
    r"danke|vielen dank|ありがとう)",
    _I,
)
"""A thank-you; not French "Merci de résilier…", "Merci de bien vouloir rembourser…": a polite
imperative (an infinitive after "merci de") asks."""
QUESTION_END_JA = re.compile(r"(か|かな|かね)[。．\s]*$")
CONFIRMS_A_DONE_WRITE = re.compile(
    r"\b(cancell?ed|refunded|stopped|ended|closed)\b[^.?!]{0,40},\s*(right|correct|yes|no|"
    r"didn'?t you|haven'?t you|wasn'?t it|isn'?t it)\s*\?|"
    r"\b(gek[üu]ndigt|storniert|erstattet|r[üu]ckerstattet|beendet)\b[^.?!]{0,30},\s*(oder|ne|gell|"
    r"nicht wahr|richtig|stimmt'?s|ja)\s*\?|"
    r"\b(r[ée]sili[ée]e?|annul[ée]e?|rembours[ée]e?)\b[^.?!]{0,30},?\s*(n'est-ce pas|non|"
    r"c'est (bien )?[çc]a|hein)\s*\?|"
    r"\b(cancel(aron|[óo]|ado)|dieron de baja|reembols(aron|[óo]|ado)|devolvieron)\b[^.?!]{0,30},?"
    r"\s*(no|verdad|cierto)\s*\?|"
    r"(解約|返金|キャンセル)(され(て|た|まし)|済み|になって|しました|してくれ)[^。？?]{0,10}よね",
    _I,
)
"""A question that only confirms a write done ("ihr habt mein Abo letzte Woche gekündigt,
oder?", "you cancelled it last week, right?"): under a subject naming the write, it asks
about that one, not for a new one."""
SUBJECT_ABOUT_A_PAST_WRITE = re.compile(
    r"\b(status|pending|still|received|arrived|promised|approved|previous|earlier|old|"
    r"not showing|not (yet )?(there|in)|missing|"
    r"estado|pendiente|anterior|prometid\w*|aprobad\w*|recibid\w*|statut|en attente|promis|"
    r"re[çc]u|ancien|pr[ée]c[ée]dent|stand|zugesagt\w*|fr[üu]here\w*|ausstehend\w*|"
    r"angekommen|erhalten|confirm\w*|confirmaci[oó]n|best[äa]tig\w*|no (me )?(llega|lleg[óo])|"
    r"n'arrive|(kommt|kam) nicht|trotz|despite|malgr[ée]|a pesar de|"
    # asked by someone else or never asked: "Kündigung durch Kollegen", "…demandée par mon
    # associé", "Résiliation jamais demandée"
    r"(durch|seitens) (den|die|meine\w*|unsere\w*|kolleg\w*|chef\w*|mitarbeiter\w*|"
    r"gesch[äa]ftsf[üu]hr\w*)|(by|par|por) (my|mon|ma|mi|our|notre|nuestr\w*) (colleague|"
    r"coll[èe]gue|compañer\w*|partner|associ[ée]e?|boss|chef|jefe)|"
    r"(jamais|never|nie|nunca) (demand[ée]e?|requested|asked for|beantragt|solicitad[oa]|"
    r"pedid[oa])|(demand[ée]e?|requested|beantragt|solicitad[oa]|pedid[oa]) (par|by|von|durch|"
    r"por)|"
    # batch 29: one the writer did not ask for, "refund i didnt ask for"
    r"(that )?(i|we) (didn'?t|did not|never|haven'?t|have not) (ask|asked|request|requested|"
    r"want|wanted) (for|it|one|any))\b|"
    r"届かない|届いていない|まだ|着金|反映|状況|済|取り消|されました|"
    # batch 33: "Refund smaller than expected", "解約予約の確認"
    r"\b(smaller|less|lower) than\b|\bsmaller\b|予約|の確認",
    _I,
)  # a subject such as "Refund status" or "Reembolso pendiente" asks about one already made
DONE_AFTER_THE_WRITE = re.compile(
    # what it was of first: "the refund of 29 dollars is done"
    r"^(\s+(of|for)\s+[^.?!,;]{1,25}?)?"
    r"\s*((has|have|was|is|est|a|ist|wurde|bien|fue|ha sido|ya)\s+)?(been\s+)?(bien\s+)?"
    r"(arrived|received|come through|gone through|processed|done|re[çc]ue?s?|arriv[ée]e?s?|"
    r"effectu[ée]e?s?|recibid[oa]|llegad[oa]|procesad[oa]|erhalten|angekommen|eingegangen)\b|"
    # "le remboursement que vous m'avez fait en novembre", "el reembolso que me hicieron"
    r"^\s+que (vous|tu) (m'|nous )?(avez|as) (fait|vers[ée]|effectu[ée]|accord[ée])\b|"
    r"^\s+que (me|nos) (hicieron|hizo|hicisteis|dieron|dio|disteis)\b",
    _I,
)
"""A write named, then said to be done ("Refund received, thanks!", "Remboursement bien reçu",
"Reembolso recibido"): a report, not an ask."""
WAS_DATED_AFTER = re.compile(
    r"^\s+(war|was|fue|[ée]tait)\s+(zum|am|per|ab|on|for|as of|effective|from|el|del|desde|"
    r"au|le|pour|[àa] partir)\b",
    _I,
)
"""A write named, then given the date it took effect ("Kündigung war zum 31.10.", "The
cancellation was effective 1 May"): a past fact, not an ask."""
NOT_THE_PLAN_AFTER = re.compile(
    r"^[\w-]*\s+(reminders?|notifications?|notices?|e-?mails?|alerts?|messages?|newsletters?)\b|"
    # a past cancellation in learner's English: "I cancel before but still pay"
    r"^\s+before\b\s*([,.!?]|$|but\b|and\b)",
    _I,
)
"""What is turned off is the plan's reminders or emails, not the plan ("turn off the
auto-renew reminder emails"), or a cancellation told as done before ("I cancel before but
still pay")."""
FOR_A_WHILE_AFTER = re.compile(
    r"^[^.?!,;]{0,25}?\b(for (a|one|two|three|four|five|six|\d+|the next|a few|a couple of) "
    r"(\w+ )?(days?|weeks?|months?)|while (i'?m|i am|we'?re|we are) (away|travell?ing|abroad|on "
    r"(holiday|vacation|leave))|until (i|we) (get|come) back|over the (summer|holidays?))\b",
    _I,
)
"""A stop for a while ("stop the deliveries while I'm away", "stop my subscription for two
weeks"): a pause, which a person arranges, not the plan ended."""
LINK_WORKED_AFTER = re.compile(
    r"^\s*((you|u) (sent|gave|e-?mailed)( me| us)?\s+)?(works|worked|is working|did work|was fine|"
    r"arrived|came through|opened)\b",
    _I,
)
"""A link named and said to work ("The payment link you sent works, thanks"): no new one is
asked for."""
TOLD_BEFORE = re.compile(
    # batch 30: thanks for one given, "Merci pour le lien de paiement, mais finalement…"
    r"\b(thanks?|thank you|merci|gracias|danke)( (so|very) much)? (for|pour|por|f[üu]r) (the|your|"
    r"le|la|l'|el|den|die|das)\s*$|"
    r"\b(i|we) (had )?(wrote|written|told|emailed|informed) you\b[^.?!]{0,40}\bthat\b|"
    # a date's dot is no sentence's end: "ich hatte Ihnen am 2. Juni geschrieben, dass"
    r"\b(ich|wir) (hatte|hatten|habe|haben) (ihnen|euch|dir) ([^.?!]|(?<=\d)\.){0,30}"
    r"\b(geschrieben|"
    r"mitgeteilt|gesagt)\b,? dass\b|"
    r"\bje vous (avais|ai) (d[ée]j[àa] )?([ée]crit|dit|inform[ée]e?|signal[ée]e?)\b"
    r"[^.?!]{0,30}\bque\b|"
    r"\b(les|le|te) (hab[íi]a )?(escrib[íi]|dije|avis[ée]|coment[ée])\b[^.?!]{0,30}\bque\b",
    _I,
)
"""The writer telling what they wrote before ("ich hatte Ihnen vor drei Wochen geschrieben,
dass ich das Abo beenden will. … Ist die Kündigung jetzt durch?"): a write named after it was
asked then, not now."""
ANOTHER_PARTY_REFUNDS = re.compile(
    r"\b(my|the|our) (insurance|insurer|employer|health fund)( company)?\b[^.?!,]{0,40}"
    r"\b(refund|reimburs)\w* (me|us)\b|"
    r"\b(el seguro|la aseguradora|la empresa|mi empresa|mi trabajo|la obra social|la prepaga|"
    r"el laburo|la pega|el trabajo|la chamba|la oficina)\b"
    r"[^.?!,]{0,40}\b(me |nos )?(lo |la )?(reintegr|devolv|reembols)\w*|"
    r"\b(el seguro|la aseguradora|la empresa|mi empresa|mi trabajo|el laburo|la pega|el trabajo|"
    r"la chamba|la oficina),\s+(que\s+)?(me|nos)\s+(lo |la |los |las )?(reintegra|reintegran|"
    r"reembolsa|reembolsan|devuelve|devuelven)\b|"
    r"\b(l'assurance|mon assurance|la mutuelle|ma mutuelle|mon employeur|mon entreprise|mon ce|"
    r"mon cse|le ce|le cse|mon comit[ée] d'entreprise)\b"
    r"[^.?!,]{0,40}\b(me )?rembours\w*|"
    r"\b(die|meine) (versicherung|krankenkasse)\b[^.?!,]{0,40}\b(erstatt|zur[üu]ckzahl)\w*|"
    r"\b(mein|der) arbeitgeber\b[^.?!,]{0,40}\b(erstatt|zur[üu]ckzahl)\w*|"
    # reimbursed as an expense, or got back from whoever sold it: "me la reembolsan como
    # gasto", "¿Pueden hacer que me devuelvan la plata?", "help me get the money back from them"
    r"\b(reintegr|reembols|devuelv)\w* como gastos?\b|\bhacer que (me|nos) (devuelvan|"
    r"reembolsen|reintegren)\b|"
    r"\bhelp (me|us) (to )?(get|recover|claim) (the |my |our )?(money|it|refund) back from "
    r"(them|him|her|the (bank|seller|shop|store|merchant|airline|vendor|agent))\b",
    _I,
)
"""Money back from someone else, an insurer or an employer ("el seguro me lo pide pa
devolverme parte", "la empresa me reintegra un porcentaje"): the receipt is asked for, not a
refund from the business."""
LINK_BLAMED = re.compile(
    r"\b(because|due to|caused by|vient d[eu]|[àa] cause d[eu]|parce que|porque|debido a|"
    r"por culpa de|se debi[óo] a|weil|wegen|lag an|liegt an)\b[^.?!]{0,60}\b(link|lien|enlace|"
    r"liga|zahlungslink|bezahllink|portal|portail)\w*\b[^.?!]{0,40}\b(didn'?t work|did not "
    r"work|wasn'?t working|was broken|failed|ne (fonctionnait|marchait) pas|n'a pas (fonctionn|"
    r"march)[ée]|no funcion(aba|[óo])|no serv[íi]a|funktionierte nicht|nicht funktionierte|"
    r"ging nicht|defekt war)",
    _I,
)
"""A link blamed for something past ("Le retard vient de votre lien de paiement qui ne
fonctionnait pas"): the sentence explains a complaint and asks for no link."""
PAST_REPORT = re.compile(
    r"\b(i|we) (have |had |just |already )*(updated|changed|added|replaced|switched|got|received|"
    r"entered|clicked)\b|"
    r"\b(ich|wir) (hab|habe|haben|hatte|hatten)\b[^.?!]{0,60}\b(bekommen|erhalten|aktualisiert|"
    r"ge[äa]ndert|hinterlegt|eingetragen|eingegeben|gespeichert|erneuert|ausgetauscht|"
    r"(an)?geklickt|gedr[üu]ckt)\b|"
    r"\b(j'ai|nous avons|on a)\b[^.?!]{0,40}\b(mis [àa] jour|chang[ée]|ajout[ée]|re[çc]u|"
    r"remplac[ée]|cliqu[ée])\b|"
    # what the writer managed to do: "j'ai pu mettre ma carte à jour", "pude cambiar la tarjeta"
    r"\b(j'ai|nous avons|on a) (pu|r[ée]ussi [àa])\b|"
    r"\b(pude|pudimos|logr[ée]|logramos|consegu[íi]|conseguimos) (\w+ )?(cambiar|actualizar|"
    r"a[ñn]adir|agregar|poner)\b|\b(he|hemos)\s+(actualizado|cambiado|a[ñn]adido|recibido|puesto|"
    r"hecho clic|pulsado)\b|"
    r"(更新|変更|登録)(しました|して(い|お)|済)|"
    # batch 31: a change told in a clause that goes on, "変更し、…行いました", "変えたんですけど"
    r"(更新|変更|登録)し[、,][^。?？]{0,40}(ました|た)(?![いく])|"
    r"(変え|替え|切り替え|切替え|入れ替え)(た|ました)(ん|の|けど|が|ので|から|[。、,])|"
    r"\b(cambi[ée]|actualic[ée]|agregu[ée]|a[ñn]ad[íi]|cambiamos|actualizamos) (la|mi|el|los|"
    r"nuestra|de)\b",
    _I,
)
"""A billing detail changed, a card received or a button clicked, told as done ("We updated the
card in the portal yesterday", "Ich habe eine neue Karte bekommen", "Ich hab im Portal auf
„kündigen" geklickt"): no link is asked for in that sentence."""
PROMISED_BACK_DE = re.compile(
    r"\b(sie|ihr|du) (haben|habt|hast) (mir|uns)\b([^.?!]|(?<=\d)\.){0,40}\b(best[äa]tigt|zugesagt|"
    r"versprochen|mitgeteilt|geschrieben|angek[üu]ndigt),? dass\b[^.?!]{0,50}\b(zur[üu]ck\w*|"
    r"(r[üu]ck)?erstattet|gutgeschrieben|r[üu]ck[üu]berwiesen)\b|"
    r"\b(wurde|ist) (mir|uns)\b[^.?!]{0,30}\b(best[äa]tigt|zugesagt|versprochen),? dass\b"
    r"[^.?!]{0,50}\b(zur[üu]ck\w*|(r[üu]ck)?erstattet|gutgeschrieben|r[üu]ck[üu]berwiesen)\b",
    _I,
)
"""Money back our side confirmed before ("Sie haben mir am 2. Juli per Mail bestätigt, dass die
79 € zurückgehen"): under a subject naming the refund, the email asks where it is."""
REPORT_GOES_ON = re.compile(
    r"(?P<report>\b(i|we) (have |had |just |already |then )*(updated|changed|added|replaced|"
    r"switched|got|received|entered|clicked)\b[^.?!,;]{0,40}?)\s+and\b(?!\s+(please|pls|kindly)\b)",
    _I,
)
"""A report that goes on with its own subject ("Then I got new card and put it"): the verb
after "and" is the writer's past act, not an imperative."""
STATUS_ASKED = re.compile(
    r"\bo[ùu] en (est|sont|sommes)\b|\bo[ùu] (ça|cela|c'|le dossier|le remboursement|la "
    r"demande) en est\b|\bwie (ist|sieht) (es )?(da |hier |jetzt |denn )?(der|mit dem) stand\b|"
    r"\bwo (steht|bleibt)\b|\ben qu[ée] (estado|punto) (est[áa]|va)\b|\bwhere (is|'s) (my|the) "
    r"(refund|money)\b|\bany (update|news)\b|"
    # batch 31: "donde esta eso?", "Wo ist das Geld??", "où est mon argent ?"
    r"\bd[óo]nde (est[áa]|qued[óo]|anda|va) (eso|el dinero|la plata|mi dinero|mi plata|el "
    r"reembolso|la devoluci[óo]n)\b|\bwo (ist|bleibt) (das|mein) geld\b|"
    r"\bo[ùu] (est|en est) (mon|l') argent\b|"
    r"\b(ist|sind) (die|das|sie|es|er) (denn |schon |bereits |jetzt )?(durch|durchgegangen|"
    r"bearbeitet|angekommen|eingegangen|erledigt|wirksam)\b|"
    r"\b(has|did|have) (it|that|this|they) (gone|go|been put) through\b|"
    r"\best-(elle|il|ce) (bien )?(pass[ée]e?|prise? en compte|valid[ée]e?|effective?)\b|"
    r"\b(ya )?(se )?(proces[óo]|aplic[óo]|hizo efectiva|hizo efectivo)\b|"
    r"いつ(頃|ごろ)?[^。？?]{0,6}(戻|返金|入金|反映|振り?込)",
    _I,
)
"""A question of how far a write already promised has got ("Pourriez-vous vérifier où ça en
est ?", "Wie ist da der Stand?", いつ頃戻ってきますか): the subject that names it is its
topic."""
ARRIVAL = re.compile(
    r"\b(arrived|received|(has|have|hasn't|haven't) (not )?(come|shown|gone)|llegado|recibid[oa]|"
    r"arriv[ée]e?|re[çc]ue?|angekommen|erhalten|eingegangen)\b|届い|着金|反映",
    _I,
)  # "the refund has not arrived": a write already made
CARD_IN_USE_AFTER = re.compile(r"^\s+(hinterlegt|eingetragen|benutzt|verwendet|genutzt)\b", _I)
CARD_IN_USE_BEFORE = re.compile(
    r"\b(used|added|entered|registered|put in|paid with|with|using|con|avec|mit|mis|ajout[ée]|"
    r"(sent|paid|refunded|credited|returned) (back )?to|"
    r"utilis[ée]|puesto|usado|a[ñn]adido|agregado)\s+"
    r"(a |the |my |our |la |una |mi |une |ma |der |die |einer |meiner )?$",
    _I,
)  # "I used a new card", "pay with another card": a card already in use, not one to change
OWN_LATER_CHANGE_AFTER_JA = re.compile(
    r"^(は|も)、?(後日|後で|あとで|のちほど|改めて)?、?(こちら|自分|私|当方|弊社|こっち)(で|の方で|側で)"
    r"[^。]{0,10}(行い|やり|し|対応し|済ませ)(ます|ておきます|とき|とく)"
)
"""The writer makes the change later themselves (batch 32: "カード情報の登録変更は後日こちらで
行います"): no link asked."""
MONTHS_FEE_BEFORE_JA = re.compile(r"([0-9０-９]+|先|今|前|当)月分の\s*$")
"""One month's fee ("10月分の月額は不要なはずですので、…返金してください", batch 32): a charge
disputed, not the plan stopped."""
OWN_LATER_CHANGE_BEFORE = re.compile(
    r"\b(i|we)('ll| will| shall)\s+((just|then|also|simply|myself|ourselves)\s+)?$", _I
)
"""The writer's own next step ("I need this reversed ASAP — I will add the company card right
after"): a change they will make, no link asked ("I'll need to update my card" still asks)."""
CARD_DROPPED = re.compile(r"^(remove|delete)\b", _I)
"""A card removed or deleted: beside a cancellation in its sentence ("Please close my account
and delete my card details", "Remove my card and don't deduct again") it is part of leaving."""
CANCELLATION_AS_A_TIME_BEFORE = re.compile(
    r"\b(nach|seit|trotz|vor|bei) (der|meiner|unserer|dieser|ihrer|eurer) (\w+ )?$", _I
)
CANCELLATION_NOUN_DE = re.compile(r"(k[üu]ndigung|stornierung|abmeldung|beendigung)\b", _I)
"""A cancellation named as a time or a reason ("nach der Kündigung wurde abgebucht"), not asked."""
EVENT_BEFORE_JA = re.compile(
    r"(打ち合わせ|ミーティング|会議|面談|アポ|商談|予約|セミナー|ウェビナー|イベント|レッスン|説明会)"
    r"[^。]{0,6}(ですが|ですけど|の件ですが|について)[、,]|"
    r"(レッスン|予約|授業|クラス|セッション|面談|体験会?)(?!システム|管理|サービス|アプリ|ツール)(の|を)?、?"
    r"[^。、]{0,20}$|"
    r"[0-9０-９一二三四五]+(人|名|枚|席|泊|部屋)分?の?[、,]?\s*$"
)
"""A meeting named earlier in the sentence ("明日の打ち合わせですが、キャンセルさせてください",
"明日19時からのレッスン、…キャンセルしたいです") or seats counted ("1人分キャンセル"): the
cancellation is the meeting's or the booking's, not the plan's."""
THING_EARLIER_JA = re.compile(
    r"(問い合わせ|問合せ|集荷|配送|発送|出荷|注文|予約|チケット|打ち合わせ|面談|レッスン|送った(メール|依頼)|"
    r"有給|休暇|シフト|勤怠)"  # batch 32: 誤って申請した有給休暇を、…取り消し（キャンセル）したい
    r"(?!システム|管理|サービス|アプリ|ツール|画面|ページ|機能)"
)
"""An inquiry, a pickup or an order named earlier in a Japanese sentence whose キャンセル names
no plan (`PLAN_CONTEXT` nowhere in the sentence: "さっき送った問い合わせ、自己解決したので
キャンセルでお願いします", "明日の集荷依頼を出してしまったのですが、…キャンセルしたいです"): that
thing is cancelled, not the plan."""
OTHER_THING_BEFORE = re.compile(
    r"\b(die|den|das) alte\s+$|"
    r"\b\w*(antrag|anfrage|bestellung|anmeldung|reservierung|zahlung|termin|buchung|erstattung|"
    r"rechnung|[üu]berweisung|"
    r"lastschrift|anruf|mail|newsletter)\s+((?!(und|oder)\b)\w+\s+){0,2}$|"
    r"(打ち合わせ|ミーティング|会議|予約|注文|面談|アポ|ウェビナー|電話|通話|メルマガ|メールマガジン|参加|集荷|"
    r"配信|通知|申請|依頼|リクエスト|申し込み|申込み?|セミナー|イベント|レッスン)\s*(を|は|も|の)?\s*$|"
    r"(\d[\d,]*円|購入|決済)(を|は)\s*$|"
    # a purchase to undo: "Je voudrais que cet achat de 24,90 € soit annulé"
    r"\b(achat|commande|compra|pedido)\b((?<=\d)[,.](?=\d)|[^.?!,]){0,30}\b(soit|soient|sea|"
    r"sean)\s*$",
    _I,
)  # German puts the verb last: "meine Bestellung stornieren"
ORDERED_BEFORE = re.compile(
    r"\b(i|we) (\w+ )?(ordered|bought|purchased|booked|reserved)\b([^.?!]|\.(?=\w))*"
    r"\b(and|but|so)\b",
    _I,
)
PRONOUN_AFTER = re.compile(r"^\s+(it|that|this one)\b", _I)
"""A thing the writer ordered, then "cancel it" in the same sentence (batch 32: "I ordered a
custom dog collar from a shop that uses your website … and I want to cancel it because it's
not shipped"): the order is cancelled, not a plan, unless the sentence names one."""
REQUEST = re.compile(
    r"\b(please|pls|plz|kindly|hereby|requesting|gimme)\b|"
    # batch 30: "Is there any chance I could get back the £20 difference?"
    r"\bany chance (i|we|you) (could|can|might)\b|"
    # batch 28: Spanish commands with their pronoun ("Dadme de baja", "córtenme la suscripción",
    # "devuélvanme"), "no me vuelvan a cobrar", German "muss zurück auf meine Karte", "解約よろ"
    r"\b\w{1,10}[aei]d(me|nos)\b|\b\w{2,12}(en|an)(me|nos)\b|^\W*no (me|nos) vuelvan? a\b|"
    r"\b(muss|m[üu]ssen|soll|sollen) (\w+ ){0,3}zur[üu]ck\b|"
    r"(解約|退会|返金|払い戻し|キャンセル|停止)(を)?よろ|"
    # batch 26: a yes to a write named, taking an offer ("Oui pour la résiliation, non pour le
    # bon d'achat", "Ok, sí, procedan con el reembolso", "je prends le remboursement proposé")
    r"^\W*((ok|okay|bon|vale|pues)\W+)?(oui|sí|yes|ja),? (pour|para|por|to|for|zu[mr]?) |"
    r"\b(proced(an|a|ed)|proc[ée]dez|adelante) (con|au|[àa] la|[àa] l'|avec)\b|"
    r"\b(je (prends|choisis|accepte)|j'accepte)\b(?! (note|acte|connaissance)\b)|"
    r"\b(acepto|elijo|escojo|me quedo con)\b|"
    # batch 22: a demand as an expectation ("I expect something back", "Ich erwarte, dass ihr
    # mir … zurückzahlt", "J'attends que vous me rendiez", "espero verlo de vuelta", "Faut me…")
    r"\b(i|we) (fully )?expect\b|\bich (erwarte|gehe davon aus)\b|\bj'attends (que|de)\b|"
    r"\bje vous remercie de\b|\bfaites (donc |vite )?le n[ée]cessaire\b|\bj'?veux\b|"
    r"\b(3afak|3afakom|bghit|bghina)\b|\bmi demande (a|à) zot\b|"
    r"\bespero (que|verlo|verla|recibir)\b|\b(il )?faut (me|nous)\b|\bxfa\b|"
    r"\b(could|can) (that|this|the|it)\b[^.?!]{0,50}\b(go|come) back (on|to|onto)\b|"
    r"\b(is|are) to be (credited|refunded|returned|paid|put) back\b(?![^.!\n]*\?)|"
    r"\b(schaut'?s?|seht zu|sorgen sie daf[üu]r),? dass\b|(^\W*|\bund )[üu]berweist (mir|uns)\b|"
    r"返して(もらいます|いただきます)|のが筋|べき(では|じゃ|です|だと|でしょう|と(考え|思))|"
    # batch 21's wishes: "Que se me devuelva lo cobrado", "devolveme la plata", "Nos gustaría
    # que nos devolvieran…", "On voudrait être remboursés", "It would really be good to get
    # back…", "返してけろ"
    r"^\W*(y )?que se (me|nos) (devuelva|reembolse|reintegre)\b|"
    r"\b(devolv|reintegr|reembols)(eme|enos|ame|anos)\b|"
    r"\b(me|nos) gustar[íi]a que (me|nos)\b|"
    r"\b(on|nous) (voudrait|voudrions|aimerait|aimerions|souhaiterait|souhaiterions) ([êe]tre|"
    r"se faire)\b|"
    r"\bit would (really |honestly )?be (really |very )?(good|great|nice|fair|appreciated) "
    r"(to|if)\b|"
    r"(返して|戻して)(けろ|けれ|ちょう|ちょうだい|くれや|くれへん|くんない)|"
    # batch 25's dialects: "引き落としやめでけろ" (Tohoku), "会員やめるさ" (Okinawa), "返金して
    # 解約じゃ" (Hiroshima), "今すぐ返せ", "これからはお金引かんでね"
    r"[てで]け[ろれ](?!ど)|(?<!の)(?<!のを)(やめ|辞め)る(さ|さー|わ|けん|けえ|ばい|っちゃ)[。！!]*$|"
    r"(?<![がはをの])(解約|退会|返金)(じゃ|や)[。！!]*$|返せ(よ|や)?[。！!]*$|(取ら|引か|落とさ)ん(で|といて)(ね|な|や)?\W*$|"
    r"(^\W*((hi|hey|hello|yo|ok|okay|so|also)\W+)?|\b(and|then|so|just|now)\s+|[,;:]\s*|"
    r"\s[-–—+&]\s*)"
    r"(please )?(refund|cancel|stop|end|terminate|unsubscribe|reverse|undo|void|give|send|issue|"
    r"process|return|turn|switch|shut|kill|drop|put|pay|credit|charge back|disable|close|"
    r"deactivate|cease|discontinue|halt|put an end to)\b"
    # a noun, not an imperative: "Refund queries take up to 3 days", "Refund policy: …"
    r"(?!\s+(quer(y|ies)|enquir\w+|inquir\w+|requests?|questions?|polic(y|ies))\b)|"
    r"^\W*(no more|no further)\b|(^\W*|[,;:]\s*)need to\b|"
    r"^\W*((just|please|pls|and|but|so|also|then) )((at least|also|just|really) )?(make sure|"
    r"ensure)\b|\b(i'd|i would|we'd|we would) be (much |most |very )?obliged\b|"
    r"\b(i|we) (really )?wanna\b|"
    r"\b(i'?d|i would|we'?d|we would)( therefore| really| much| still)? (rather|prefer)\b|\babeg\b|"
    r"\bbitt(e)?sch[öo]n\b|\b(m[öo]chten|w[üu]rden) (wir|ich) sie (\w+ )?bitten\b|"
    r"\b(je pr[ée]f[ée]rerais|nous pr[ée]f[ée]rerions|preferir[íi]a|preferir[íi]amos|"
    r"(ich|wir) (h[äa]tten?|w[üu]rden?) lieber)\b|"
    r"(^\W*|\b(and|so|then)\s+|[,;:]\s*)(do not|don't|dont|doh) (renew|charge|bill|take|let|"
    r"extend|continue|convert|"
    r"roll)\b|"
    # a claim as fair: "i just think its fair to get that april payment back"
    r"\b(i|we) (just |really |honestly )?(think|feel|believe) (that )?it'?s (only )?fair\b|"
    r"^\W*(make sure|ensure)\b|"
    r"\b(needs?|ought) to be (refunded|reversed|cancell?ed|stopped|returned|ended|terminated)\b|"
    r"\bshould be (refunded|reversed|returned|given back|credited|cancell?ed|stopped|ended|"
    r"terminated)\b|\bdeber[íi]an? (regresar|volver|devolverse|reembolsarse|ser (devuelt|"
    r"reembolsad|reintegrad)\w*)\b|"
    r"\b(i'd|i would|we'd|we would|i should|we should) be (very |most |so |really |extremely )?"
    r"grateful\b|"
    r"(^|[,;:]\s*|\b(y|et|und|que)\s+)(ya )?(no (me |nos )?)?(cobren|renueven|dejen|paren|detengan|"
    r"suspendan|corten|"
    r"qu[íi]ten(me|nos)?|quitad(me|nos)?|desactiven|desactivad|pongan|eviten|terminen|cierren|cerrad|d[ée]n(me|la|lo|nos)|"
    r"cortad|parad|detened|pas[ée]is|cobr[ée]is|n'effectuez|ne faites|"
    r"regr[ée]s(en|enme)|devu[ée]lv(an|anme|ame|edme)|reemb[oó]ls(en|enme|adme)|cancel(en|ad)|"
    r"anul(en|ad)|que no se|arr[êe]tez|stoppez|coupez|supprimez|enlevez|retirez|d[ée]sactivez|"
    r"cl[ôo]turez|fermez|rendez|remboursez|ne me|mettez|doy|dar|d[ée]sabonnez|r[ée]siliez|"
    r"recr[ée]ditez|remettez|reversen|reviertan|c[óo]rten(lo|la)|"
    r"annulez)\b|"
    r"\b(les (pido|solicito|ruego|comunico)|"
    r"nous (souhaitons|voulons|voudrions|aimerions)|solicitamos|pedimos|"
    r"exigimos|(por medio de|mediante) "
    r"(la|el) presente|par la pr[ée]sente|je soussign[ée]|(nous|je) (vous )?(demandons|prions|"
    r"remercions de|sollicite|sollicitons)|je (veux|souhaite|voudrais) que|hiermit|ich k[üu]ndige|"
    r"wir k[üu]ndigen|(wir|ich) fordern?|fordere)\b|"
    r"(ないで(?!す)|ようにして|にして|させて|でお願い|希望|止めて|とめて|戻して|おいて)|"
    r"\b(would|'d) (really |greatly )?appreciate\b|\byou (can|may) (now |just |go ahead and )?"
    r"(stop|cancel|end|close|terminate|refund|reverse|return|give|send|credit)\b|"
    r"\b(writing|wish|want|like) to request\b|\bi (kindly )?ask\b|"
    r"(^\W*|[,;:]\s*)(un|une|le|la|votre)\b[^.?!,;]{0,60}\bserait (tr[èe]s )?(appr[ée]ci[ée]e?|"
    r"bienvenue?)\b|"
    r"\b(os|le|les|te) (lo )?agradecer[íi]a(mos)? (much[oí]simo |mucho |\w+mente )?que\b|"
    r"\bagradecer[ée](mos)? que\b|\bme encantar[íi]a que\b|"
    r"\b(tienen|tiene|deben|debe|ten[ée]is) que (devolv|reembols|reintegr|regres|cancel|anul)\w*|"
    r"\blo (justo|correcto|l[óo]gico|normal) ser[íi]a\b|\bil (serait|semble) (juste|normal|"
    r"logique)\b|\bil faudrait (me|nous|le|la|les)\b|\bkiero\b|\bplease be (informed|advised)\b|"
    r"\b(should|must|needs? to|ought to) come back to (me|us)\b|"
    r"\b(i|we) expect (that|this|the|my|our) (\w+ ){0,2}(charge|payment|money|fee) back\b|"
    r"\bh[äa]tte (ich|wir) (\w+ )?(gern|gerne)\b|"
    r"(返金|払い戻し)を?(至急)?(お)?願い(します|いたします|致します)?|"
    r"(?<!の)(?<!のを)(やめ|辞め|退会し|解約し)ます[。！!]*$|しなくて(いい|大丈夫)です|"
    r"(使う|利用する|つかう)のを(やめ|辞め)ます[。！!]*$|"
    r"(^\W*|[,;:]\s*)(bonjour\W+)?(je dois|nous devons) [êe]tre\b(?![^.?!]*\?)|"
    r"\bre(integr|embols)(adme|adnos|enme|ennos|eme)\b|"
    r"\b(any|is there any|is there a) chance (you|u) (could|can|would)\b|"
    r"\b(any|is there any|is there a) chance (of|to) (getting|get|having|have)\b|"
    r"\b(would be|is|seems|sounds) (only |more than )?fair\b|"
    r"\b(i|we) (think (i|we) )?should (get|receive|be given)\b|"
    r"\bwould it be (fair|reasonable|ok|okay|alright|acceptable) (for you )?to (refund|reimburse|"
    r"get|give|send|have|receive|credit|reverse|return|ask for)\b|"
    r"\b(i|we) (therefore|hereby|formally) (request|ask)\b|"
    r"\b(i'm|i am|we're|we are) writing to\b|\b(les|te|os|le) escribo para\b|"
    r"\bje vous [ée]cris pour\b|"
    r"\bich schreibe,? um\b|^\W*h[öo]r(t|en sie) (bitte )?auf\b|"
    r"\b(i|we)('d| would| will| do| really| respectfully| just| also| kindly| only| simply|"
    r" still)* "
    r"(like|love|want|wish|need|request|require|demand|expect)\b|^\W*need\b|"
    r"^\W*(just |really )?(want|wanna)\b(?! to (make sure|know|check|confirm|ask|understand|see|"
    r"find out|double-check))|"
    r"\b(and|but|so) (would|'d) (really |very much |much )?(like|prefer|appreciate)\b|"
    r"\b(can|could) (the|my|this|that|it|these|those)\b[^.?!]{0,40}\bbe (refunded|reimbursed|"
    r"returned|reversed|cancell?ed|credited|stopped)\b|"
    r"\b(i'm|i am|we're|we are) (requesting|asking for|asking you|asking that)\b|"
    r"\b(can|could|would|will|cn|cud|cld) (you|u|ye|yous|youse|ya)\b|"
    r"\b(can|could|may) (i|we) (please )?(get|have|receive|request|ask for)\b|"
    r"\b(can|could|may) (i|we) (please )?be (refunded|reimbursed|credited|compensated|paid back)\b|"
    r"\b(i|we) (would )?(ask|request) that\b|\b(i'm|i am|we're|we are) (still )?owed\b|"
    r"\byou (still )?owe (me|us)\b|"
    r"\bi('d| would) appreciate\b|\bi want my money back\b|"
    r"\bes w[äa]re (\w+ )?(nett|sch[öo]n|toll|super|lieb|klasse|prima)\b|"
    r"\b(es )?w[äa]r(e|')? (nur |doch |echt |einfach )?(fair|angemessen)\b|"
    # taking what was offered: "Okay, dann nehme ich die anteilige Erstattung"
    r"\b(nehme ich|ich nehme|nehmen wir|wir nehmen) (dann |gern |gerne |lieber )?(die|den|das)\b"
    r"(?![^.?!]*\bzur[üu]ck\b)|"
    # a wish in the passive or the conditional: "Le paiement de mai pourrait-il m'être rendu ?",
    # "les frais devraient m'être rendus", "Ich hätte das Geld gern wieder", "Ich ersuche um …"
    r"\b(pourrai(en)?t|devrai(en)?t)(-(il|elle|ils|elles))? m'[êe]tre\b|"
    r"\b(ich|wir) h[äa]e?tten? (\w+ ){0,3}gerne?\b|\bersuche\w*\b|"
    r"\b(geld|betrag|summe|beitrag)\b[^.?!]{0,10}\bgeh[öo]r(t|en)\b[^.?!]{0,40}\bzur[üu]ck\b|"
    r"^\W*(geld )?zur[üu]ck damit\b|"
    r"\b(it )?(would|'d) be (great|lovely|wonderful|helpful|(much |greatly )?appreciated)\b"
    r"(?!\s+to (know|hear|understand|see|find out|learn))|"
    # a wish ("払いたい", "試してみたい"), not the "みたい" of a guess ("失敗していたみたいです");
    # "くらさい" is "ください" mistyped
    r"く[だら]さ[ー〜~]*い|下さい|お願い|ほしい|欲しい|((?<!み)|(?<=てみ))たい(です)?|希望します|いただけ|頂け|もらえ|求めます|"
    r"(し|返し|戻し|止め|とめ|やめ)て(ね|よ|や|な|くれ\w*)?\W*$|(返金|解約|キャンセル)しろ|いただくこと\W*$|といて|(退会|解約)(する|します)\W*$|"
    r"たく(存じ|、|,|ご連絡|思い|お願い)|"
    # a second-person verb asked as a question: "¿me reembolsan?", "vous me remboursez ?"
    r"\b(me|nos) (reembols|devuelv|devolv|regres|cancel|anul|quit)(an|en|[áa]is|[ée]is)\b|"
    r"\b(me|nos) (dan|dais|das) de baja\b|"
    r"\bvous (me |nous )?(rembours|rend|annul|r[ée]sili|arr[êe]t)ez\b|"
    r"\b(wir|ich) bitten?( sie)?( (h[öo]flich|freundlich|daher|deshalb|hiermit))? um\b|"
    r"\bbitten um\b|\bbitten wir( sie)? um\b|\b(ich|wir) erwarten? (die|den|das|eine|meine?)\b|"
    r"\b(wir|ich) bitten? sie\b|"
    # the act said in the first person: "je résilie mon abonnement", "ich beende das Abo"
    r"\b(je (r[ée]silie|annule|me d[ée]sabonne|mets fin)|nous (r[ée]silions|annulons)|"
    r"(yo )?(cancelo|anulo|me doy de baja)|ich (beende|storniere))\b|"
    r"(^\W*|[,;:]\s*)favor\b|"
    r"\b(por favor|porfa|favor de|quiero|quisiera|me gustar[íi]a|necesito|solicito|pido|exijo|"
    r"necesitamos|queremos|sigo queriendo|(esto|este correo|este mensaje) es para|quero|"
    r"deseo|(les|le|os) ruego|rogamos|(pueden|puede|podr[íi]an|podr[íi]a|pod[ée]is|podr[íi]ais|"
    r"puedes|podr[íi]as|pod[ée]s|habr[íi]a (alguna )?(manera|forma|posibilidad) de)\b|"
    r"(puedo|podr[íi]a) (obtener|tener|recibir|conseguir|pedir)|"
    r"s'il (vous|te) pla[îi]t|svp|stp|merci de|merci d'|veuillez|vous pouvez|je (voudrais|veux|"
    r"souhaite|"
    r"souhaiterais|demande|exige|vous prie|vous demande)|j'aimerais|j'exige|"
    r"(pouvez|pourriez)[- ]vous|(peux|pourrais)[- ]tu|tu (peux|pourrais)|"
    r"(puis|pourrais)-je (avoir|obtenir|recevoir)|"
    r"bitte|ich (m[öo]chte|will|w[üu]rde gerne?|h[äa]tte gerne?|brauche|verlange|fordere|"
    r"w[üu]nsche|beantrage)|\w+en (m[öo]chten?|will|wollen)|(k[öo]nnen|k[öo]nnten|w[üu]rden) sie|"
    r"(kannst|k[öo]nntest|w[üu]rdest) "
    r"du|(k[öo]nnt|k[öo]nntet|koennt|koenntet) ihr|(kann|k[öo]nnte|darf) ich [^.?!]{0,40}"
    r"(bekommen|haben|erhalten)|(k[öo]nnen|k[öo]nnten|d[üu]rfen) wir [^.?!]{0,40}"
    r"(bekommen|haben|erhalten))\b|"
    r"^\W*((et|y|bon|ben|alors|donc|bref|pues|bueno|entonces|ok|okay|vale|dale|oui|sí)\W+){0,3}"
    r"((de toute fa[çc]on|en tout cas|du coup|dans tous les cas|de todas formas|"
    r"de todos modos|en todo caso)\W+)?"
    r"(ne (le |la |l')?renouvelez|no (la |lo )?(renov[ée]is|renueven?)|reembols\w+|devol\w+|"
    r"canc[eé]l[ae]n?(l[oa]s?)?|an[uú]l[ae]n?(l[oa]s?)?|devu[ée]lv\w+|d[ée]n(me)? de baja|"
    r"rembours\w+|"
    r"annul\w+|r[ée]sili\w+|arr[êe]t\w+|envoy\w+|erstatt\w+|k[üu]ndig\w+|stornier\w+|"
    r"beend\w+|schick\w+|senden)\b|" + _ASKS_MORE + "|" + _ASKS_JA_DE,
    _I,
)
CANCEL_REQUEST = re.compile(
    # batch 30: an imperative after a word of assent, "yeah stop my monthly thing"; the plan
    # that "should be finished" from a date
    r"^\W*((yeah|yea|yep|yes|ok|okay|so|right|look|honestly)[,.!]?\s+)+(please\s+)?(stop|cancel|"
    r"end|close|kill|shut|terminate)\b|\bshould be (finished|ended|over|closed|stopped|"
    r"terminated)\b|"
    # taking oneself off the plan, said short: "Quit my plan.", "Opt me out of the renewal"
    r"(^\W*|\b(and|then|so|just|now)\s+|[,;:]\s*|\s[-–—+&]\s*)(please )?(quit|opt|take|withdraw|"
    r"remove|cut|flip|pull|prevent|keep|arrange)\b|^\W*(want|wanna|wish) to\b|"
    r"\bwish(es)? to (terminate|cancel|discontinue|end|stop)\b|"
    # the decision said as a time: "Time to pull the pin on the booking system sub"
    r"^\W*((it'?s|it is) )?(high )?time to\b|"
    r"^\W*no renovar\b|\bis there (any )?way (you|to)\b|"
    r"\b(ne doit|ne devra|ne doivent) (pas|plus) (être |etre )?(prolong|renouvel|reconduit)|"
    r"\bne (souhaite|souhaitons|veux|voulons|d[ée]sire)\b[^.?!]{0,10}\bplus\b|"
    # the writer not going on: "I no longer wish to continue", "we won't be renewing"
    r"\b(i|we)( really| truly)? (no longer|do not|don't|dont|not) (want|wish|need|intend)\b|"
    r"\b(i|we)( really| truly)? (will not|won't|shall not|am not|are not|'m not|'re not) (be )?"
    r"(renewing|continuing)\b|\b(will not|won't) be (renewing|continuing) (its|our|my)\b|"
    r"(^\W*|[,;:]\s*)(just )?(do not|don't|dont) (want|wish) to (be |get )?(billed|charged)\b|"
    # a verbless "no renewal" as its own clause: "Nein danke, keine Verlängerung."
    r"(^\W*|[,;:]\s*)((ab )?(nächste[nm]?|kommende[nm]?) (monat|jahr) )?(no (more |further )?"
    r"(auto-?)?renewals?|keine (\w+ )?(verl[äa]ngerung|"
    r"abbuchung(en)?|lastschrift(en)?)( mehr)?|(pas|plus) de (renouvellement|pr[ée]l[èe]vements?)|"
    r"sin renovaci[oó]n|nada de cobros)(\s*(pour moi|für mich|for me))?(\s*((à partir de|dès) "
    r"maintenant|from now on|ab sofort|desde ahora))?(,?\s*(please|pls|thanks|"
    r"thank you|merci|danke|bitte|gracias))?\W*$|"
    # the writer's own "no more" in French: "je ne souhaite plus renouveler", "ne renouvelez pas"
    r"\b(je|nous) (ne )?(veux|souhaite|souhaiterais|voudrais|voulons|souhaitons) (pas|plus)\b|"
    r"\b(je ne renouvel\w*|nous ne renouvel\w*)\b|"
    r"\bconfirmez (l'arr[êe]t|la r[ée]siliation|l'annulation|la fin)\b(?![^.?!]*\?)|"
    # a wish in the subjunctive: "Que l'essai ne bascule pas en payant", "Que la prueba no pase…"
    r"^\W*que\b[^.?!]{0,30}\b(ne (bascule|passe|devienne)|no (pase|se convierta|cambie))\b|"
    r"\bne (me |nous |le |la |l')?(renouvelez|pr[ée]levez|facturez|d[ée]bitez|reconduisez)\b(?!-)|"
    r"^\W*(stopp(t|en sie)|schalt(et|en sie)|nehm(t|en sie)|setz(t|en sie)|stell(t|en sie)|"
    r"schluss mit)\b|"
    r"\b(mein\w*|unser\w*|das|der|die) ([\w-]+ ){1,2}soll\b|"
    # a notice or a decision that the plan ends: "les comunicamos que no deseamos renovar"
    r"\b(les comunicamos|no (quiero|deseo|deseamos|queremos)|nous vous informons|[ée]vitez)\b|"
    r"\bya no (necesito|necesitamos)\b|"
    r"\b(mi|nuestra|su) (voluntad|decisi[oó]n) de\b|"
    r"(不要|いらない|いりません)(です|でございます)?[。\s]*$|"
    r"\bmust not (continue|renew|be renewed|roll over)\b|"
    r"^\W*(bitte )?nicht (mehr )?verl[äa]ngern\b(?!\s*\?)|"
    r"(^\W*|\bund |[,;:]\s*)(das |mein |dein )?abo weg\b(?!\s*\?)|"
    r"(^\W*|\bund |[,;:]\s*)(das |des |mei |mein |dein )?abo (bitte )?aus(?=\s*([,.!;]|$|bitte\b|"
    r"sofort\b|jetzt\b))|"
    r"(解約|退会)(します|いたします)(?!か)|させていただ(き|く)|"
    r"(^|[\s　、,])(解約|退会)で(お願い\w*)?\W*$|^\W*(la )?baja\W*$|"
    r"^\W*(the |my |our )?([\w-]+ ){0,2}(subscription|plan|membership|account|contract|"
    r"licen[cs]e|service) (is |are )?to be (cancell?ed|terminated|discontinued|ended|closed) "
    r"(effective|as of|from|at|with effect|on)\b|"
    r"\b(i'?m|i am|we'?re|we are) done (after|at the end of|with it after)\b|"
    r"\bno (vamos a|voy a|pensamos|queremos|quiero) (continuar|seguir)\b|"
    r"\b(favor|por favor) no (facturar|cobrar|renovar)\b|\bya no (me|nos) (sigan|vuelvan)\b|"
    r"\bmett(ons|ez|ons donc) fin\b|\bj'?arr[êe]te (apr[èe]s|[àa] la fin|fin)\b|"
    r"\bist (dann )?schluss\b|"
    r"\b(ihr k[öo]nnt|sie k[öo]nnen|du kannst) (mein|unser)\w* [\w-]+ (jetzt |nun |gerne |ruhig |"
    r"dann )?(beenden|k[üu]ndigen|stoppen|einstellen|l[öo]schen|stornieren|schlie(ß|ss)en)\b|"
    r"\bvous pouvez (maintenant |donc )?(r[ée]silier|annuler|arr[êe]ter|cl[ôo]turer|fermer) "
    r"(mon|ma|notre)\b|\b(pueden|puedes|pod[ée]is) (ya )?(cancelar|dar de baja|cerrar|terminar|"
    r"anular) (mi|nuestr[oa])\b|"
    # regional and roundabout asks: "No need to keep my WellTicket going", "bajame la
    # suscripción", "Ya no me manden más cajas", "We will not continue with you after this month"
    r"^\W*(there'?s )?no need to keep\b|\b(don't|do not|dont) take anything\b|"
    r"\b(i|we) (will not|won't|wont) continue with you\b|\bya no me (manden|env[íi]en)\b|"
    r"^\W*(y )?que se (me )?d[ée] de baja\b|^\W*b[áa]ja(me|nos)\b|"
    r"続けないよう(お取り計らい|お願い|にして)",
    _I,
)
"""What makes a sentence ask for a cancellation, beside `REQUEST`: a short imperative ("Quit my
plan"), the writer not going on ("I no longer wish to continue", "je ne renouvelle pas"), a
verbless "no renewal" of its own, a notice that the plan ends. Only for a cancellation: "Keep
the refund" or "I don't want a refund" asks for no money."""
TOPIC = re.compile(
    r"^\W*(refunds|cancell?ations|reembolsos|devoluciones|cancelaciones|"
    r"remboursements|annulations|r[ée]siliations|(r[üu]ck)?erstattungen|k[üu]ndigungen)\W*$|"
    r"^\W*(返金|払い戻し|解約|退会|キャンセル)(前|後|時)?(の|に)?(履歴|件|状況|確認|ついて|規定|ポリシー|着金|"
    r"反映|進捗|状態)|"
    r"^\W*(new|different|another|neue|andere|nueva|otra|nouvelle|autre) (credit |debit )?"
    r"(card|karte|kreditkarte|tarjeta|carte)\W*$",
    _I,
)  # a subject that is only a noun names a topic ("Refunds", "New card"), it asks for nothing
PARTIAL = re.compile(
    r"\bpartial\w*|\bpart of\b|\bhalf\b|\bportion\b|\bsome of\b|\bunused\b|\bprorat\w*|"
    r"\bpro-rat\w*|\bpro[ -]?rata\b|\bthe (\S+ )?difference\b|"
    r"\bremaining (days|time|period|months?)\b|"
    r"\b(extra|additional|removed|unused) (seats?|users?|licen[cs]es?|members?)\b|"
    r"\bthe part (that |which )?(we|i) "
    r"(didn'?t|did not|don'?t|do not|haven'?t|have not|couldn'?t) use\b|"
    r"\bfee only\b|\bonly (want |need )?(the|my) [\w-]+ (fee|charge)\b|"
    r"一部|半額|半分|差額|日割り|未使用|残り(の)?(期間|日数|日)|"
    r"\b(parcial\w*|parte de|una parte|mitad|prorrat\w*|la diferencia|"
    r"(d[íi]as|tiempo|meses) (no (utilizad|usad)\w*|sin usar|restantes|que no (us|utilic)\w*)|"
    r"partiel\w*|une partie|la partie (du|de la|de mon|non)|moiti[ée]|au prorata|la diff[ée]rence|"
    r"(jours|mois|temps) (non utilis[ée]\w*|restants|inutilis[ée]\w*)|"
    r"teilweise|teil\w*erstattung|einen teil|h[äa]lfte|anteilig\w*|(den|meinen|unseren) anteil|"
    r"die differenz|den unterschied|"
    r"restlichen (tage|monate|zeit)|ungenutzte\w* (tage|monate|zeit\w*))\b",
    _I,
)
NOT_PARTIAL = re.compile(
    r"\b(not|no|nicht|pas|ni|kein\w*)\s+(a |an |the |un |une |una |eine? )?"
    r"(partial\w*|parcial\w*|partiel\w*|teil\w*)",
    _I,
)  # "a full refund, not a partial one": the part named is the one not wanted
WHOLE = re.compile(
    r"\b(full|entire|whole|complete|total|all of (it|the|my))\b|全額|"
    r"\b(completo|completa|total|todo el|[íi]ntegro|int[ée]gral\w*|enti[eè]re?|"
    r"vollst[äa]ndig\w*|gesamte\w*|komplett\w*|voll\w*)\b",
    _I,
)
FRACTIONS: tuple[tuple[re.Pattern[str], Fraction], ...] = (
    (re.compile(r"\bhalf\b|半額|半分|\bmitad\b|\bmoiti[ée]\b|\bh[äa]lfte\b", _I), Fraction(1, 2)),
    (
        re.compile(r"\b((a|one) third|un tercio|una tercera parte|un tiers|ein drittel)\b", _I),
        Fraction(1, 3),
    ),
    (
        re.compile(r"\b((a|one) quarter|un cuarto|una cuarta parte|un quart|ein viertel)\b", _I),
        Fraction(1, 4),
    ),
)
PERCENT = re.compile(
    r"(?<![\d.,])(\d{1,2})\s?(%|percent\b|パーセント|por ciento\b|pour ?cent\b|prozent\b)", _I
)
_UNITS = (
    r"(seats?|users?|licen[cs]es?|members?|accounts?|days?|weeks?|months?|years?|"
    r"plazas?|puestos?|usuarios?|licencias?|miembros?|cuentas?|d[íi]as?|semanas?|mes(es)?|a[ñn]os?|"
    r"si[èe]ges?|places?|utilisateurs?|membres?|comptes?|jours?|semaines?|mois|ann[ée]es?|ans?|"
    r"pl[äa]tze?s?|nutzer\w*|benutzer\w*|lizenz\w*|mitglied\w*|konten|kontos?|tage?n?|wochen?|"
    r"monate?n?|jahre?n?)"
)
_COUNT = r"(\d+|one|two|three|four|five|six|uno|una|dos|tres|cuatro|un|une|deux|trois|quatre|"
_COUNT += r"ein(e|en|er|es)?|zwei|drei|vier)"
COUNTED_PART = re.compile(
    # a count out of a bigger one: "one of the two seats", "2 de las 5 licencias"
    rf"\b{_COUNT} (of|out of|de|des|sur|von|der) (the|my|our|those|these|los|las|mis|nuestr[oa]s|"
    rf"les|mes|nos|ces|den|meinen|unseren|meiner|unserer)? ?({_COUNT} |\d+ )?(\w+ )?{_UNITS}\b|"
    # the last or remaining months of a longer period: "the last 3 months", "los últimos 3 meses"
    rf"\b(last|final|remaining|other|[úu]ltim[oa]s|restantes|derniers|derni[èe]res|restants|"
    rf"restantes|letzten|restlichen|[üu]brigen) {_COUNT} {_UNITS}\b|"
    rf"\b{_COUNT} (last|remaining|[úu]ltim[oa]s|restantes|derniers|derni[èe]res|restants|"
    rf"letzten|restlichen) {_UNITS}\b|"
    # the time not used: "the 2 months I didn't use", "rest of my year"
    r"\b(months?|weeks?|days?|time) (i|we) (didn'?t|did not|never|haven'?t|have not|won'?t|"
    r"will not) (use|need)|"
    r"\brest of (the|my|this|our) (year|month|term|subscription|plan|period|contract|licen[cs]e)|"
    r"\bremaining (\d+ )?(days?|weeks?|months?|years?|time|period|term)\b|"
    r"\b(el )?resto (del|de mi) (a[ñn]o|mes|plan|periodo|per[íi]odo|contrato|suscripci[óo]n)|"
    r"\b(le )?reste (de l'|de mon |de ma |du )(ann[ée]e|mois|abonnement|contrat|p[ée]riode)|"
    r"\b(den )?rest (des|meines|meiner|unseres) "
    r"(jahres|monats|abos?|abonnements|vertrags|laufzeit)|"
    # one seat or user: "for one seat", "un puesto"
    r"\b(for|of) (one|a single|1) (seat|user|licen[cs]e|member)\b|"
    # not all of it: "not the whole thing, just that", "the days before I joined"
    r"\bnot (the whole|the full|the entire|all of it|everything)\b|"
    r"\b(days?|weeks?|time) (before|after) (i|we) (joined|signed up|started|subscribed|cancel\w*)|"
    # a count too many: "the 20 days too many", "les 20 jours en trop", "3 extra seats"
    rf"\b\d+ {_UNITS} (too many|extra|en trop|de trop|de m[áa]s|zu viel)\b|"
    rf"\b\d+ (extra|additional|zus[äa]tzliche\w*|suppl[ée]mentaires?|adicionales?) {_UNITS}\b|"
    # in Japanese: "2席のうち1席分", "残り3か月分"
    r"のうち|\d+\s*(日|名|席|人|ユーザー|ライセンス|か月|ヶ月|カ月|ヵ月|週間|年)分",
    _I,
)
"""A part of a payment counted in seats or time: a refund it asks for is partial, so no
whole refund runs for it (`read_requests`)."""
BARE_NUMBER_BACK = re.compile(
    r"\b(refund|send back|give back|pay back|return|reembols\w*|devu[eé]lv\w*|devolver|"
    r"rembours\w*|rend(s|ez|re)|erstatt\w*|zur[üu]ck(zahlen|geben|erstatten|buchen)|gebt|geben)"
    r"(-?(me|nos|moi|nous)|( (me|us|moi|nous|mir|uns|sie)){1,2})?"
    r"( (only|just|solo|s[óo]lo|seulement|nur|lediglich))? (\d+([.,]\d{1,2})?)\b"
    r"(?!\s*(%|percent|por ciento|pour ?cent|prozent|times|veces|fois|mal|charges?|payments?|"
    r"invoices?|cargos?|pagos?|facturas?|pr[ée]l[èe]vements?|paiements?|factures?|zahlungen|"
    r"rechnungen|abbuchungen|[.,]\d))",
    _I,
)
"""`Refund 15 please`, `send back 200`: a bare number asked back is a part, in no currency
the customer named; never read as "refund everything" (a person sizes it)."""
PRORATED = re.compile(
    r"\bprorat\w*|\bpro-rat\w*|\bpro rata\b|"
    r"\bunused (part|portion|time|days|weeks|months|period|remainder|balance|term)\b|"
    r"\b(time|days|months) (i|we) (didn'?t|did not|haven'?t|have not|won'?t|will not) use\b|"
    r"\brest of (the|my|this|our) (year|month|term|subscription|plan|period|contract)\b|"
    r"\bwhat'?s left of (the|my|this|our) (year|month|term|subscription|plan|period)\b|"
    r"\bremaining (time|days|period|term)\b|"
    r"日割り|月割り|未使用(分|期間|の期間|日数)|残り(の)?(期間|日数)|"
    r"\b(prorrat\w*|parte no (utilizada|usada)|(tiempo|d[íi]as|meses|periodo|per[íi]odo) "
    r"(no (utilizad|usad)\w*|sin usar|restantes)|resto (del|de mi) (a[ñn]o|mes|periodo|per[íi]odo|"
    r"plan|contrato|suscripci[óo]n)|"
    r"au prorata|prorata|partie non utilis[ée]e|(temps|jours|mois|p[ée]riode) "
    r"(non utilis[ée]\w*|restants?|inutilis[ée]\w*)|reste de (l'ann[ée]e|mon abonnement|"
    r"la p[ée]riode|mon contrat|du mois)|"
    r"anteilig\w*|ungenutzte\w* (teil|zeit\w*|tage|monate|rest|laufzeit)|"
    r"restliche\w* (laufzeit|zeit)|"
    r"rest (des jahres|meines abos|meines abonnements|der laufzeit))\b",
    _I,
)
"""The unused part of the current period asked back ("a prorated refund", "the rest of my
year", "日割りで"): sized from Stripe's facts (`operations.unused_part`)."""
NOT_PRORATED = re.compile(
    r"\bdiff\w*|\bdiferencia\b|\bdiff[ée]rence\b|\bunterschied\b|差額|"
    r"\b(up|down)grad\w*|\bswitch\w*|\bcambi\w*|\bchangement\b|\bwechsel\w*|\bplan change\b|"
    r"\b(seats?|users?|licen[cs]es?|plazas?|puestos?|usuarios?|licencias?|si[èe]ges?|"
    r"utilisateurs?|pl[äa]tze|nutzer\w*|lizenz\w*)\b|席|ユーザー|ライセンス|プラン変更|"
    r"\d+\s*(days?|weeks?|months?|d[íi]as|meses|jours|mois|tage|monate|日|か月|ヶ月|カ月)|"
    # a date the unused time is counted from ("I cancelled on the 5th"), not now
    r"\b(since|from|after|on|le|am|el|desde|depuis|seit|ab) (the )?\d{1,2}(st|nd|rd|th|er|\.)?\b",
    _I,
)
"""What the unused time is not the measure of: a difference between plans, seats, or a count
the customer gave ("the 3 remaining months"): a person sizes those."""

PAST_BEFORE = re.compile(
    r"(\bj'(ai|avais)|\b(il|elle|qui|[çc]a|m'|t'|l'|on m'|vous m') ?(a|avait)|"
    r"\b(tu|m'|t'|l') ?(as|avais)|\b(ai|avais|avait|avons|avions|avez|aviez|ont|avaient|"
    r"[ée]t[ée]|est|sont|suis))\s+(d[ée]j[àa]\s+|bien\s+|pourtant\s+)?$|"
    r"\b(aunque|porque|pues|ya que|cuando|despu[ée]s de que|desde que|hab[íi]a)\s+(ya\s+)?$|"
    r"\b(a|ai|avons|avez|ont|avait|avais) (d[ée]j[àa] )?(fait|demand[ée]|effectu[ée]|envoy[ée]) "
    r"(la |le |l'|ma |mon |sa |son |notre )$|"
    # batch 26: a Japanese past act done for the writer that names the write, "12月にして
    # もらった返金", "先日ご対応いただいた解約"
    r"(もらっ|いただい|頂い|くれ|くださっ|下さっ)た(はずの|ばかりの)?\s*$",
    _I,
)
"""A French auxiliary ("j'avais résilié") or a Spanish subordinator ("aunque cancelé") before
the mention, or a Japanese past act done for the writer that the write's noun names ("してもらった
返金"): the write is said of the past, even with its accent dropped ("j'avais resilie",
"aunque cancele")."""
PAST_AFTER_ES = re.compile(
    r"^(cancel|anul|desactiv|reembols)e\b[^.?!,]{0,40}\b(ayer|anteayer|pasad[oa]|hace)\b", _I
)
"""Spanish "cancelé el mes pasado" typed without its accent: done, not asked."""
PAST_WITH_SE_ES = re.compile(r"\bse\s+$", _I)
PAST_SE_AFTER_ES = re.compile(r"^(cancel|anul|desactiv|reembols|renov)o\b", _I)
"""Spanish "se canceló" typed without its accent ("se cancelo"): done, not asked."""
GERMAN_ASCII = {
    "kuendig": "kündig",
    "zurueck": "zurück",
    "zruck": "zurück",
    "zrück": "zurück",
    "zrugg": "zurück",
    "z'ruck": "zurück",
    "z'rugg": "zurück",
    "rueck": "rück",
    "verlaeng": "verläng",
    "moecht": "möcht",
    "koennt": "könnt",
    "koenn": "könn",
    "wuerd": "würd",
    "aender": "änder",
    "hoert": "hört",
    "hoeren": "hören",
    "ueberweis": "überweis",
    "gebuehr": "gebühr",
    "fuer": "für",
    "waer": "wär",
}
"""German typed without umlauts ("kuendigen", "zurueck"): the stems the check reads."""
ROMAJI_JA_TEXT = re.compile(
    r"\b(desu|masu|shimasu|itashimasu|onegai|kudasai|sumimasen|yoroshiku|arigatou|gozaimasu|"
    r"onegaishimasu|kaiyaku|henkin|taikai|shitai|iranai|moraemasu|okutte|shiharai|seikyuusho|"
    r"henkou|kaetai)\b",
    _I,
)
"""Japanese typed in romaji, from a PC without Japanese input ("sabusuku no kaiyaku onegai
shimasu"): an email holding two of these words is read in kana (`ROMAJI_JA`)."""
KANA_JA = {
    "へんきん": "返金",
    "はらいもどし": "払い戻し",
    "かいやく": "解約",
    "かーど": "カード",
    "せいきゅうしょ": "請求書",
    "せいきゅう": "請求",
    "りょうしゅうしょ": "領収書",
    "しはらい": "支払い",
    "ひきおとし": "引き落とし",
    "けいやく": "契約",
    "こうしん": "更新",
    "かきん": "課金",
    "らいげつ": "来月",
    "こんげつ": "今月",
    "せんげつ": "先月",
    "じょうほう": "情報",
    "へんこう": "変更",
    "さいしん": "最新",
    "かえたい": "変えたい",
    "おくって": "送って",
    "ほうほう": "方法",
    "かんり": "管理",
    "がめん": "画面",
    "かえる": "変える",
    "おしえて": "教えて",
}
"""Billing words typed in hiragana alone, as phones and older customers type them
("らいげつからせいきゅうしないで"), or romaji read in kana ("card jouhou henkou shitai"): read
in their usual kanji."""
MISCONVERTED_JA = {
    "改訳": "解約",
    "解訳": "解約",
    "返菌": "返金",
    "偏向": "変更",
    "偏光": "変更",
    "行進": "更新",
    "交信": "更新",
    "大会し": "退会し",
    "大会の手続": "退会の手続",
    "引き落さ": "引き落とさ",
    "くだしい": "ください",
    "退款": "返金",
    "信用卡": "クレジットカード",
}
"""Billing words an input method converted to another word of the same reading (かいやく:
改訳, へんきん: 返菌, こうしん: 行進, たいかい: 大会 where a verb follows), a slip of ください,
and the Chinese a learner may write (退款, 信用卡): read as meant."""
ROMAJI_JA = {
    "kaiyaku": "解約",
    "taikai": "退会",
    "henkin": "返金",
    "koushin": "更新",
    "sabusuku": "サブスク",
    "tomete": "止めて",
    "shitai": "したい",
    "onegaishimasu": "お願いします",
    "iranai": "いらない",
    "hikiotoshi": "引き落とし",
    "shinaide": "しないで",
    "okutte": "送って",
    "shiharai": "支払い",
    "link": "リンク",
    "card": "カード",
    "kaado": "カード",
    "portal": "ポータル",
    "yamete": "やめて",
    "onegai": "お願い",
    "shimasu": "します",
    "itashimasu": "いたします",
    "kudasai": "ください",
    "desu": "です",
    "no": "の",
    "wo": "を",
    "wa": "は",
    "ga": "が",
    "kara": "から",
    "de": "で",
    "ni": "に",
}
"""Romaji words of a write, of asking and the particles between them, in kana: "tsugi no
koushin kara tomete kudasai" is read as "tsugi の更新から止めてください"."""
ERSTATTEN_ONE_T = re.compile(
    r"\berstat(?=(e|en|et|est|ung|ungen)\b)|(?<=r[üu]ck)erstat(?=(e|en|et|ung|ungen)\b)", _I
)
"""German "erstatten" typed with one t ("erstatet", "Erstatung", "zurückerstaten")."""
INSTEAD_OF_MINE = re.compile(
    r"\b(rather than|instead of|plut[ôo]t qu'|au lieu de|en lugar de|en vez de|statt)"
    r"( ?[àa]| to| a)? "
    r"(la |le |el |la )?(mine|ours|my own|our own|mienne|mien|n[ôo]tre|m[íi]a|m[íi]o|nuestr[oa]|"
    r"meine)\b",
    _I,
)
"""The writer's own old detail as the alternative ("… à l'adresse de la fiduciaire plutôt qu'à
la mienne"): no negation of the ask."""
IF_YES_OPENING = re.compile(
    r"^\W*(if so|if yes|if that'?s the case|si es as[íi]|si as[íi] es|si oui|si c'est le cas|"
    r"si c'est bien le cas|falls ja|wenn ja|falls dem so ist|wenn dem so ist)\s*,\s*",
    _I,
)
"""A sentence opened on a yes to the writer's own question before ("Estoy en el trial todavía?
Si es así, cancélenlo"): the write is asked on a fact we hold, not on a hypothesis."""
NOT_MINDING = re.compile(
    r"\b(i|we) (\w+ )?(don'?t|do not) mind( which| either( way)?| whichever)?\b", _I
)
"""Either way suits the writer ("Fix it or show me where to fix it, I genuinely don't mind
which"): no negation of the ask."""
QUESTION_BY_ITS_ORDER = re.compile(
    r"^\W*((also|and|so|ok|okay)\W+)?(where|how) (do|can|could|should) (i|we)\b", _I
)
"""A question told by its word order though it ends with a full stop ("Also where do I change
who receives them, I'm going on maternity leave.")."""
IF_SO = re.compile(
    r"(場合|とき|際)の(手順|方法|手続き|やり方)|"
    r"\bif (i|we) (need|have|want) to\b|\bif (i|we) do\b|"
    r"\bif (it|that|this|they) (did|does|has|had|was|is|were)(n'?t| not)?\s*,|"
    r"^\W*(and )?(in (the )?future|next time|"
    r"going forward)\b|\b(if so|if not|if yes|si es as[íi]|si no|si oui|"
    r"si c'est le cas|sinon|falls ja|wenn ja|"
    r"falls nicht|wenn nicht|si non|si ce n'est pas le cas)\b|"
    r"(もし)?そう(なら|であれば|でしたら)[、,]?|その場合(は)?[、,]?|"
    r"(失敗|エラーに?)(してる|している|した|なってる|なっている)(の)?なら[、,]?|"
    # a condition on what is owed or failed: "if it's still unpaid", "si hay algo por pagar"
    r"\b(if|in case)\b[^,.?!]{0,50}?\b(owe|owed|owing|unpaid|pending|outstanding|due|overdue|"
    r"failed|declined|bounced|open|anything|something|(not|isn'?t|hasn'?t|wasn'?t) (yet )?(been )?"
    r"paid)\b|"
    r"\bsi\b[^,.?!]{0,50}?\b(debo|debemos|pendiente|por pagar|falt\w*|fall\w*|rechaz\w*|"
    r"hay algo|dois|devons|d[ûu]e?s?|impay[ée]\w*|[ée]chou[ée]\w*|refus[ée]\w*|reste)\b|"
    r"\b(falls|wenn)\b[^,.?!]{0,50}?\b(offen|schulde\w*|fehlgeschlagen|geplatzt|zur[üu]ckgekommen)\b|"
    r"(未払い|支払われていな|払えてな|払えていな|失敗|エラー)[^。、]{0,12}(たら|なら|れば|場合)[、,]?|"
    r"(もし)?(あれば|あったら|ありましたら|ございましたら|ございますれば|あるようでしたら|"
    r"ございますようでしたら)[、,]?",
    _I,
)
"""A link asked for on the answer to a question ("Did it fail? If so, send me a link") or on
what is owed or failed ("If it's still unpaid, send a link"), or on the page being there
("請求先情報を編集できるページがございましたら、リンクをお送りいただけますでしょうか"): the
condition is a fact we can look up, and a link moves no money (the corpus labels such asks as
links, 66 of 68 in `dev/` on 2026-12-04)."""
MAILING_LIST = re.compile(
    r"\b(mailing list|marketing|newsletters?(?![\w-])|promotional e-?mails?|lista de (correos?|"
    r"distribuci[oó]n)|bolet[íi]n|promociones|liste de diffusion|lettre d'information|"
    r"e-?mails? promotionnels|werbe-?e-?mails?|werbung)\b",
    _I,
)
"""The body names a mailing list: an `UNSUBSCRIBE` subject leaves the list, not the plan."""
UNSUBSCRIBE = re.compile(r"\b(unsubscribe|d[ée]sabonne\w*|d[ée]sinscri\w*|abmelden|baja)\b", _I)
QUOTED_NAME = re.compile(r"(?:[«“\"„]|(?<!\w)')\s*([^«»“”\"'\n]{1,80}?)\s*(?:[»”\"“]|'(?!\w))")
"""A short phrase in quotation marks: a course's or a statement line's name ("Factura curso
'Gestión de Devoluciones y Reembolsos'", «Gérer les remboursements»), a button or our own
words quoted ("I clicked \"Cancel plan\""); in the subject, a name the body quotes ("Cancel
Pro - intégration" beside an app called « Cancel Pro »). Named, not asked."""
QUOTED_SETTING = re.compile(
    r"\b(auf|to) [«“\"„']\s*([^«»“”\"'\n]{1,40}?)\s*[»”\"“'] ?(?=(setzen|stellen|umstellen|"
    r"schalten|gesetzt|gestellt|umgestellt)\b)",
    _I,
)
"""A setting's value in quotation marks ("Abo bitte auf 'nicht verlängern' setzen"): the
writer's own words for what to do, read as words, not as a name."""
LINK_PURPOSE = re.compile(
    r"(?:(?<=myself )|(?<=ourselves ))(in (the )?future|next time|from now on|going forward)\b|"
    r"\b(so|so that|para que|pour que|damit)\s+((i|we|yo|je|ich|wir)\s+)?(next time|in (the )?"
    r"future|from now on|going forward|la pr[óo]xima vez|en el futuro|la prochaine fois|"
    r"[àa] l'avenir|k[üu]nftig|n[äa]chstes mal|in zukunft)\b|"
    r"\bin case (i|we) (ever )?(need|want|have) to\b|,?\s*just in case\W*$|"
    # what the writer wants to look up with it: "…, will checken ob da noch meine alte karte drin
    # ist"
    r"\b(ich )?(will|m[öo]chte|muss) (\w+ )?(checken|nachsehen|nachschauen|schauen|pr[üu]fen|"
    r"sehen),? ob\b",
    _I,
)
"""Why a link is wanted ("a link where I can grab these myself in future", "a link to the
billing portal so next time I can download them", "the portal link in case I need to change
the card", "send me the page to put a different card on, just in case"): the use of a link
asked for now, not a condition on it."""

# English precision: writes named without being asked for.
LINK_USED_BEFORE = re.compile(
    r"\b(paid|pay(ment)? (was )?(sent|made|processed)|(sent|made|processed|submitted) "
    r"(the |a |our |my )?payment|settled)\b[^.?!]{0,80}\b(via|through|thru|using|with|on|from)"
    r"\s+(the |your |a |that )?$|\b(used|clicked|opened)\s+(the |your |a |that )?$",
    _I,
)
"""A link named as the way a payment was made ("We paid INV-1 via the payment link", "I used
the payment link you sent"): a payment told as done, no link asked for."""
OTHERS_PORTAL_BEFORE = re.compile(
    r"\b(supplier|vendor|procurement|purchasing|sourcing|tender|e-?invoicing|ap|"
    r"accounts payable)\s+$|"
    r"\b(shows?|showing|shown|listed|says|marked|appears?) (\w+ ){0,3}(in|on) (the|your|our|my) $|"
    # the portal as the product subscribed to: "mettre fin à notre abonnement au portail client"
    r"\b(abonnement|suscripci[óo]n|abo|subscription) (au|à|al|a|zum|to) (the |our |el |"
    r"nuestro |notre |votre |vuestro )?$|"
    # "… hat über euer Zahlungsportal bezahlt", "das steht auch in Ihrem Kundenportal"
    r"\b[üu]ber (euer|eure|ihr|das|unser|dein|deren) $|"
    r"\b(steht|stand|sieht man|sehe ich|zeigt) (\w+ ){0,2}(in|im) (ihrem|eurem|dem|unserem|"
    r"meinem)? ?$",
    _I,
)
"""The writer's own company's portal ("our supplier portal still shows it as open"), or the
portal as the place something shows ("still shows as unpaid in the billing portal")."""
IN_THE_PORTAL_BEFORE_DE = re.compile(
    r"\b(in|im|auf)\s+((ihrem|eurem|dem|unserem|meinem|ihrer|eurer|der|unserer|meiner)\s+)?$",
    _I,
)
SHOWN_AFTER_DE = re.compile(
    r"\b(angezeigt|aufgef[üu]hrt|gelistet|ausgewiesen|erscheint|erscheinen|steht|stehen|zeigt|"
    r"sieht man|sehe ich|sehen wir)\b",
    _I,
)
"""The portal as the place something shows, the verb after it ("In Ihrem Kundenportal wird die
Rechnung weiterhin als unbezahlt angezeigt"): a fact told, no portal asked for."""
PLAN_TOLD = re.compile(
    r"\b(i'm|i am|we're|we are) (going to|about to)\b|\b(voy|vamos) a\b|\b(je vais|nous allons|"
    r"on va)\b|\b(ich werde|wir werden)\b|予定(です|なので|があり)|つもりです|"
    r"^\W*(je change|on change|nous changeons|cambio|cambiamos|ich wechsle|wir wechseln) "
    r"(de |die )?(banque|banco|bank)\b",
    _I,
)
"""What the writer is about to do, told ("voy a cambiar de banco la semana que viene"): a plan,
not a link asked for."""
PAST_REPORT_NO_SUBJECT = re.compile(
    r"^\W*(just |already )?(updated|changed|added|replaced|switched)\b", _I
)
"""A change told as done with its "I" dropped ("Updated my card in the portal last night")."""
PAY_AGAIN_QUESTION = re.compile(
    r"\b(do|should|must|will|would) (i|we|u) (still )?(need to|have to|hafta|gotta)? ?"
    r"pay (it |this |that |the \w+ )?(again|twice|a second time)\b",
    _I,
)
"""Whether a payment must be made again ("did it go through or do i need to pay again"),
asked with or without a question mark: it asks about a state, not for a link."""
CONFIRM_BEFORE = re.compile(
    r"\b(confirm|check|verify|double[- ]check|make sure i know|confirmer|v[ée]rifier|confirmar|"
    r"verificar|comprobar|best[äa]tigen|pr[üu]fen|[üu]berpr[üu]fen)\b[^.?!]{0,80}$",
    _I,
)
STATE_OF_CANCELLATION = re.compile(
    r"(cancel+ed|terminated|closed|ended|stopped|(won't|will not|wont|doesn't|does not) "
    r"(renew|charge)|not (getting|being|be) (charged|billed|renewed)|"
    r"ne se (renouvellera|reconduira|prolongera) (pas|plus)|no se (renovar[áa]|cobrar[áa])|"
    r"nicht (mehr )?verl[äa]ngert wird)\b",
    _I,
)
"""A cancellation asked to be confirmed as done ("can you confirm my plan is actually cancelled
and won't renew?", "me confirmer … qu'il ne se renouvellera pas"): a read of its state, not a
new request."""
CANCELLATION_AS_A_TIME_BEFORE_EN = re.compile(
    r"\b(following|after|since|despite|upon|before) (the |my |our |this |that )?$", _I
)
"""A cancellation named as a time ("Following our cancellation last month, …")."""
WHETHER_AFTER_JA = re.compile(
    r"^(の|を)?((お願い|依頼|申請|申し込み)(を)?)?(する|しない|した|しよう|するの)?か(どうか|否か|いなか)"
)
"""Whether to do the write ("解約するかどうか決めたい"), not the write asked."""
AFTER_THE_WRITE_BEFORE = re.compile(
    r"\b(despu[ée]s de|tras|luego de)( haber)?\s*$|\bapr[èe]s (avoir )?$|"
    r"\b(after|since) having\s*$|"
    # batch 27: a cancellation still to come ("bevor ich mich um eine Kündigung kümmere, …",
    # "Before I cancel, …")
    r"\b(bevor|ehe) (ich|wir)\b[^.?!,]{0,40}$|\bbefore (i|we)\b[^.?!,]{0,20}$|"
    r"\bavant (de|que (je|nous))\b[^.?!,]{0,20}$|\bantes de\b[^.?!,]{0,20}$",
    _I,
)
"""A cancellation as the time something else happened ("me cobraron después de cancelar",
"prélevé après avoir résilié"), not asked now."""
HYPHEN_COMPOUND_BEFORE = re.compile(r"\w-$")
""""End" inside a compound ("year-end accounts", "month-end closing"), not "end my plan"."""
NOT_A_RETURN_BEFORE = re.compile(r"\b(tax|vat|gst|hst|income|annual|sales)\s+$", _I)
"""A return that is a filing ("For my tax return I need…"), not money back."""
THIRD_PARTY_PAYS_BACK_BEFORE = re.compile(
    r"\b(ils|elles|they|ellos|ellas)\s+((me|nous|us|m'|nos|le|lui|leur|les)\s*)?$|"
    r"\b(mein\w*|unser\w*) (firma|arbeitgeber|chef\w*|krankenkasse|versicherung)\s+$|"
    r"\b(mon|ma|notre|mi|nuestr[oa]) (employeur|entreprise|boulot|travail|mutuelle|assurance|"
    r"empresa|trabajo|jefe|seguro|obra social|aseguradora)\s+$|"
    r"\b(my|our|the|his|her|their) (work|employer|company|boss|job|office|insurance|insurer|"
    r"bank|school|university|firm)('s|s')?\s+((\w+ly|wellness|travel|expenses?|health|benefits?|"
    r"staff|training|education|dependent care|child ?care)( program(me)?| scheme| fund)?\s+)?$|"
    # "so work will reimburse": the employer as the one who pays back
    r"\b(so|and|because|as|since) (my |our |the )?(work|employer|company|job|office|insurance|"
    r"insurer)\s+(will|would|can|could|should|may|might|does|do)\s+$|"
    r"\b(empresa|trabajo|chamba|curro|jefe|oficina|company|employer|work|job|entreprise|"
    r"employeur|boulot|travail|mutuelle|seguro|assurance|insurance|firma|arbeitgeber|"
    r"versicherung|krankenkasse)\b[^.?!]{0,15}\b(que|q|qui|that|who|which|die|der)\s+"
    r"((me|nous|nos|mir|uns|m')\s*)?((lo|la|le|les|los|las|l')\s*)?$|"
    r"\b(submit\w*|claim\w*|file|filing|expens\w*|employer|company|work|trabajo|empresa|oficina|"
    r"travail|boulot|entreprise|employeur|arbeit\w*|firma|arbeitgeber)\b[^.?!]{0,40}\b"
    r"(for|para|pour|f[üu]r|zur)\s+(the |a |my |el |la |le |un |une |die |eine )?"
    r"((work|company|employer|expense|travel|business) )?$|"
    r"\b(for|para|pour|f[üu]r|zur)\s+(my |the |a |our )?(work|company|employer|expense|travel|"
    r"business|office)\s+$|"
    # batch 32: "the amounts I paid you … for my pension fund's health/wellbeing reimbursement"
    r"\bfor (my|our|the|his|her|their) ([\w'’-]+ ){0,2}(pension|fund|insurance|insurer|employer|"
    r"health|wellbeing|wellness|hsa|fsa|scheme|benefits?|medical|dental)(['’]s)?"
    r"([ /][\w'’-]+){0,3}\s+$",
    _I,
)
"""Someone else reimburses the writer ("my work reimburses gym stuff", "need to submit it to
my company for reimbursement", "me la piden en el trabajo para el reintegro")."""
_REIMBURSER = (
    r"(trabajo|empresa|chamba|curro|work|employer|company|job|office|boulot|travail|entreprise|"
    r"employeur|arbeit|arbeitgeber|firma|mutuelle|seguro|insurance|insurer|krankenkasse|"
    r"versicherung|obra social|prepaga|aseguradora)"
)
THIRD_PARTY_PAYS_BACK_AFTER = re.compile(
    r"^\w*\s+((en|de|por|con|at|from|by|through|with|à|au|par|bei|von|über|durch)\s+"
    r"(mi|el|la|my|the|our|mon|ma|le|notre|meinem|meiner|unserem|der|dem|die)|del|du|vom|beim)"
    rf"\s+{_REIMBURSER}\b|"
    rf"^\s+(la|mi|el|ma|mon|le|l'|meine?)\s*{_REIMBURSER}\b",
    _I,
)
"""Someone else reimburses the writer, said after the word ("para reembolsarlo en mi trabajo",
"get it reimbursed by my employer", "mi reembolso del trabajo", "que me lo reembolse la
empresa")."""
ADDRESS_OR_URL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\b(https?://|www\.)\S+", _I)
"""An email address or a web address: a name to read past ("accounts@refundready.co.uk")."""
WRITE_BRAND = re.compile(
    r"\bRefund(?!(s|ed|ing|able|ers?|ier\w*)\b)\w+|\bReFund\w*|"
    r"\b(REFUND|Refund) (?!(ASAP|NOW|PLEASE|PLS|PLZ|ME|IT|THIS|THAT|ALL|MY|OUR|REQUEST|"
    r"NEEDED|PENDING)\b)[A-Z][A-Z0-9*&.-]{3,}\b"
)
"""A write word inside a brand ("Refundly", "RefundReady", "ReFund Capital AG") or opening a
card statement's line ("REFUND ACADEMIAPLUS", "Refund TELEWOLKE -15,00"): a name, not an ask."""
REPORTED_BY_US_AFTER = re.compile(
    r"^\s+(that |which )?(you|u|your (colleague|agent|team|support)) "
    r"(mentioned|said|told me about|wrote about|wrote|confirmed|issued|sent|processed)\b",
    _I,
)
"""The refund our side spoke of ("the refund you mentioned - when was it sent?"): reported."""
WRITE_AS_A_NAME = re.compile(
    r"(?<=[\w,;:(] )(Refunds?|Cancel\w*)((?: [A-Z][a-z][\w-]*)+)|"
    r"^(?i:(refunds?|cancel\w*)((?: [\w-]+){1,3}))(?= (?i:is|was) (?i:the|our|a) name\b)",
    re.MULTILINE,
)
"""A write word opening a Title Case name ("Oliver from Refund Desk", "the Refund Rangers
webinar", "Cancel Knowreply is the name of our channel"): a company or project, not an ask."""
COMPANY_WITH_A_WRITE_WORD = re.compile(
    r"^[^\S\n]*(?:[\w&'.-]+ ){0,3}(refunds?|rembours\w*|reembols\w*|erstatt\w*|cancel\w*|"
    r"annul\w*)(?: [\w&'.-]+){0,3} (sarl|sas|sa|s\.a\.|sl|s\.l\.|gmbh|ag|kg|ug|ltd|llc|inc|"
    r"plc|bv|pty|co|k\.k\.)\.?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
"""A line that names a company by its legal form ("REMBOURSE EXPRESS SARL", "Refund Partners
GmbH"): a signature's company, in any case, not an ask."""
NOT_A_NAME_WORD = re.compile(
    r"^ (My|Our|The|Me|Us|It|This|That|Please|Now|Request|Subscription|Plan|Account|"
    r"Membership|Order|Payment|Charge|Invoice|Everything|All|Immediately|Asap)\b"
)
FOR_OTHERS_CUSTOMERS_AFTER = re.compile(
    r"^\s+(to|for) (our|my|their|your) own (customers?|clients?|users?|buyers?|shoppers?)\b", _I
)
"""Refunds the writer's business gives its own customers ("issue refunds to our own
customers directly from a ticket"): a product question, not a refund to the writer."""
FEATURE_AFTER = re.compile(
    r"^\s+(features?|functionality|module|tool|integration|api|demo|webinar|app|plugin|"
    r"buttons?|tab|screen|flow|workflow|endpoint)\b",  # batch 32: "refund button broken in my shop"
    _I,
)
"""A refund or cancel named as a product's part or an event ("Refunds feature")."""
MAILING_AFTER = re.compile(
    r"^\s*(\||me from (these|those|them|this list|your (list|emails|mailing\w*|newsletters?)))",
    _I,
)
"""An unsubscribe from mailings ("Unsubscribe me from these please", a footer's
"Unsubscribe | View in browser"), not from the plan."""
DETAIL_ALREADY_CHANGED = re.compile(
    r"\b(i|we) (have |'ve )?(already |just )?(updated|changed|replaced|added|entered) (it|them|"
    r"the (new )?card|(my|our) (new )?card|the details)\b|"
    r"\bj'ai (d[ée]j[àa] )?(mis [àa] jour|chang[ée]|modifi[ée]|remplac[ée]) (la|ma|notre|les)\b|"
    r"\bya (he |hemos )?(actualiz|cambi|registr)\w*|"
    r"\b(habe|haben) (die|meine|unsere) (neue )?karte (schon |bereits )?(aktualisiert|ge[äa]ndert|"
    r"hinterlegt|eingetragen)\b|(更新|変更|登録し直)(しました|済み|しております)",
    _I,
)
"""The customer says the card or details were already changed ("I updated it only on 2 May"):
a subject such as "new card" names it, it does not ask for a link."""
TRYING_TO = re.compile(
    r"\b(i'm|i am|im|i've been|ive been) (still )?trying to\b|"
    r"\b(ich habe|ich hab|hab|wir haben) (eben |gerade |grad |schon )?versucht\b",
    _I,
)
CODE_GIVEN = re.compile(r"\bcode\b", _I)
"""An email that hands over a verification code and says what the writer is trying to do
("Code as requested: 847 120. I'm trying to change the card on file"): the code is the
answer, no link is asked for."""
GO_AHEAD = re.compile(r"\b(go ahead|proceed)\b", _I)
"""A go-ahead handed over with a code ("here's the code, go ahead and cancel my plan as I
asked"): the confirmation of a write asked before, not a new request."""
SUBJECT_END_OF = re.compile(r"^\W*(the )?end of\b", _I)
"""A subject naming when something ends ("End of trial"): a topic, not "end my trial"."""

# batch 33: money back and stopping the plan.
FORGOT_BEFORE = re.compile(
    r"(?<!n't )(?<!not )\b(forgot|had forgotten|neglected|failed) (to )?$|"
    r"\bvergessen,? (\w+ ){0,2}(zu )?$|\b(olvid[ée]|se me olvid[óo]|olvidamos|me olvid[ée]) "
    r"(de )?$|\boubli[ée] de $",
    _I,
)
FORGOT_AFTER = re.compile(
    r"^(する|し)?(の|こと)?を?(忘れ|わすれ)|^,?\s*(vergessen|forgot|forgotten)\b", _I
)
"""A write the writer forgot to make ("I forgot to cancel my trial", "vergessen zu
aktualisieren", "解約するのを忘れていて"): why they write, not what they ask."""
TALKED_ABOUT_BEFORE = re.compile(
    r"\b(talk|speak|chat)\w* (to|with) (\w+ ){0,2}about\b[^.?!]{0,30}$|"
    r"\b(to |and )discuss(ing)?\b[^.?!]{0,30}$",  # not "As discussed, please refund…"
    _I,
)
"""A write named as what the writer wants to talk about ("I want to talk to someone about
cancelling and the refund situation. Please call me"): a person answers."""
REFUND_OF_OTHER_THING = re.compile(
    r"\b(refund|money back|reimburs\w*)\b[^.?!]{0,25}\b(flights?|concert|gig|hotel|"
    r"train|airline|holiday|trip|festival|booking ref\w*)\b|"
    r"\b(flights?|concert|gig|hotel|train|holiday|trip|festival)\b[^.?!\n]{0,12}"
    r"\b(refund|money back)\b",
    _I,
)
"""Money back for a flight, a concert or a hotel ("I need refund for my cancelled flight to
Manila"): another business's, not ours."""
CANCELLED_THING_AFTER = re.compile(
    r"^\s+(flights?|concerts?|gigs?|hotel|trains?|trips?|holiday|festival|events?|orders?|"
    r"meetings?|class(es)?|appointments?|bookings?)\b",
    _I,
)
"""A thing told as cancelled ("my cancelled flight", "the cancelled order"), not the plan."""
BANK_ASKED_TO_REFUND = re.compile(
    r"\b(go to|call|contact|ask|tell) (my|the|our) (bank|card issuer|card company)\b"
    r"[^.?!]{0,30}\b(refund|reverse|charge ?back)",
    _I,
)
REFUND_TO_OWN_CUSTOMER_AFTER = re.compile(
    r"^\w*\s+(to\s+)?((one|some) of |a |an )?(my|our) (own )?(customers?|clients?|buyers?|"
    r"shoppers?|guests?|students?|patients?|tenants?|members?)\b|"
    r"^\w*\s+(to\s+)?(a|the) (customer|client|buyer|guest)\b",
    _I,
)
"""A refund the writer gives their own customer ("Refunding one of our customers", "issue a
refund to a client from the dashboard"): how to use the product, not money for them."""
REFUNDS_EXISTED_BEFORE = re.compile(
    r"\bthere (was|were|have been|has been|had been) (\w+ ){0,3}$|"
    r"\b(listado|lista|relaci[oó]n|resumen|historial|extracto|liste|relev[ée]|historique|"
    r"r[ée]capitulatif|aufstellung|[üu]bersicht|auflistung)\b[^.?!]{0,40}$",
    _I,
)
"""Refunds that happened, or listed ("There were a couple of refunds after the seat changes",
"un listado de todos los cargos y de las devoluciones"): a record, not money to move."""
RECORD_AFTER_JA = re.compile(
    r"^(分)?(も|を)?(含め|含む)|^(の)?(一覧|履歴|明細|リスト|内訳|合計|件数|記録|回数)|"
    r"^(が|も)(あっ|ありまし|あり、)|^[^。、]{0,12}とのこと(で|だった|でした|です)|"
    r"^(分)?(が|は)(載|含ま|反映|入っ)|"
    r"^[^。、]{0,12}(と|って)(お)?約束(いただ|頂|して|し)"
)
"""A Japanese refund as a record or a promise ("返金も含めた取引の明細", "支払いと返金の一覧",
"何回か返金があって", "返金していただけるとのことだった", "…返金していただけるとお約束
いただきました")."""
PLANNED_AS_REASON_AFTER_JA = re.compile(
    r"^(を)?(しよう|する予定|するつもり|を考えて|を検討して)[^。、]{0,12}(ので|ため|から)[、,]"
)
"""A write the writer plans, given as the reason for another question ("来月で解約しようと
思っているので、次の更新日がいつか教えてください")."""
STATE_OR_POSSIBILITY_AFTER_JA = re.compile(
    r"^(が|は)?(ちゃんと)?(でき|され|し)てい(る|ない|ます|ません)(の)?か|"
    r"^(に|と)(なる|なります)(の)?か|^(は|も|など|なども)+(あり得る|ありえる|ある|あります|出る|出ます)"
    r"(の)?か|^(する|した)(と(?!(思|考))|前|後|あと|まで|時|とき|際)|"
    r"^の?代わりに|^(は|について(は)?)[^。、]{0,15}に(問い合わせ|問合せ|聞い|確認)"
)
"""A Japanese write asked about, not for: whether one was made ("解約できているのか"), what it
will be ("返金になるのか"), whether there is one ("返金はあるのか"), what happens on or before it
("解約すると", "解約する前の最後の請求書"), instead of one ("返金の代わりに"), or someone else's
to ask ("出展料の返金はイベント事務局に問い合わせるとして")."""
SET_ALREADY_AFTER_JA = re.compile(
    r"^(は|を)?(しない|せず)?(の)?設定に(して|し)(あります|あり|ました|おきました|います)"
)
"""A renewal the writer has already turned off ("更新はしない設定にしてあります")."""
OWN_LATER_SWITCH_AFTER_JA = re.compile(r"^(に|へ)?((切り替え|切替え|変更し|変え)?る)?(予定|つもり)")
CARD_NOT_YET_AFTER = re.compile(
    r"^\s+(arrives|is arriving|is coming|comes|will (arrive|come)|is on (its|the) way|"
    r"should (arrive|come))\b",
    _I,
)
"""A new card still on its way ("New card arrives next week and I'll put it in then")."""
PROMISED_AFTER_JA = re.compile(
    r"(と|って)(お)?約束(いただき|頂き|し|してもらい|してくれ)(ました|た)"
)
"""A write we promised, reported ("解約と同時に、…返金していただけるとお約束いただきました")."""
CHANGE_PAGE_LINK_JA = re.compile(
    r"(カード|支払い方法|お支払い方法|請求先)(の)?(変更|更新|登録)(用)?(の)?(ページ|画面)(の|へ)?(リンク|URL)"
)
"""A link to the page where the card is changed: the portal, not a payment link."""
WRONG_RECIPIENT = re.compile(
    r"\b(this|that|my (e-?mail|message)|it) (went|was sent|got sent) to the wrong (supplier|"
    r"vendor|company|person|recipient|address|e-?mail address|contact|business|people)\b|"
    r"\bsent (this|that|it) to the wrong\b|\bwrong (recipient|addressee)\b",
    _I,
)
"""An email the writer says reached us by mistake: it asks us nothing."""
IF_ANY_ASIDE = re.compile(
    r",?\s*\bif (there is|there's|there are|there were) (one|any)(?=\s*([,.;:)!?]|and\b|$))|"
    r",\s*if any(?=\s*([,.;:)!?]|and\b|$))",
    _I,
)
"""A condition on whether a fee exists, said beside the ask ("Please refund the remaining 4
months, less any admin fee if there is one, and cancel"): no condition on the ask."""
