"""Batch 26, Japanese: writes asked in keigo notices, in romaji, drawn out or as a polite
"if you could", the portal asked beside a page that may be there, and answers to our offers
(an option by its write, reasons after a choice); writes only named (a churn rate, a refund
no longer needed or done for the writer, a card fact over a payment link). Each ask comes with
near misses that must keep reading as they did."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

OFFER = (
    "\n\n2025年3月12日(水) 18:30 サポート <support@example.jp>:\n"
    "> 今回に限り、3月分のご請求（8,800円）を全額返金させていただくことが可能ですが、"
    "ご希望されますでしょうか。"
)
CHOICE = (
    "\n\n2025年6月1日(日) 10:02 サポート <support@example.jp>:\n> 5月分のご利用料金について、\n"
    "> ご返金、または次回使えるクーポンでの補填のどちらをご希望ですか？"
)
OPTIONS = (
    "\n\n> 山下様\n> 以下のいずれかをお選びください。\n"
    "> 1. 今すぐ解約（日割りでのご返金はございません）\n"
    "> 2. 現在の期間終了時（6月30日）に解約\n> ご返信にて番号をお知らせください。"
)

ASKS = [
    # kept from moving to a paid plan, a term ended, a formal notice of non-renewal
    ("トライアル終了後に有料プランへ移行しないようにしてください。", "", {"cancellation"}),
    (
        "トライアル終了後は自動で有料プランに切り替わらないようにしてください。",
        "",
        {"cancellation"},
    ),
    ("現在の契約期間の満了をもって終了とさせてください。", "", {"cancellation"}),
    (
        "契約期間満了日（2025年10月31日）をもって更新しない旨、本メールにてご通知申し上げます。",
        "",
        {"cancellation"},
    ),
    ("自動更新おふにしてください。来年はたぶん使わないので。", "", {"cancellation"}),
    ("自動更新OFFでお願いします", "", {"cancellation"}),
    # a subject that asks beside an address ("info@…" is no "info")
    ("よろしくお願いいたします。", "【解約希望】アカウント: info@example.jp", {"cancellation"}),
    # romaji from a PC without Japanese input
    (
        "sabusuku no kaiyaku onegai shimasu.\ntsugi no koushin kara tomete kudasai.",
        "kaiyaku",
        {"cancellation"},
    ),
    ("henkin onegai shimasu. machigaete kaimashita.", "", {"refund"}),
    # money back drawn out, or asked as a polite "if you could"
    ("2,000円分だけ返して〜 残りはポイントでいいよ", "", {"refund"}),
    (
        "今月引き落とされた分も、もしお返しいただけましたら大変ありがたく思います。",
        "",
        {"refund"},
    ),
    ("返金していただけたら助かります。", "", {"refund"}),
    # a relative's card, the writer's own account
    (
        "妻のカードで払ったんですが、私のアカウントの先月分を返金してください。",
        "",
        {"refund"},
    ),
    # the portal: a page that may be there, one to do it oneself, a page asked like a link
    (
        "弊社の登録番号を請求書に記載したいです。請求先情報を編集できるページがございましたら、"
        "リンクをお送りいただけますでしょうか。",
        "",
        {"portal_link"},
    ),
    (
        "支払い方法をクレカからPayPalに変えたいです。\n自分でできる画面あったら教えてほしい",
        "",
        {"portal_link"},
    ),
    ("クレカの有効期限更新したいです。どこからやればいい？", "", {"portal_link"}),
    (
        "カードの登録って自分でできるんですか？できるならそのページ教えてください",
        "",
        {"portal_link"},
    ),
    # answers to our offers: a yes with thanks, an option by its write, reasons after a choice
    (
        "はい、ぜひお願いいたします。\nご配慮いただきありがとうございます。" + OFFER,
        "Re: ご請求について",
        {"refund"},
    ),
    ("はい、ただちにお願いします。" + OFFER, "Re: ご請求について", {"refund"}),
    (
        "返金で。\nクーポンもらっても、たぶんもう使わないので。" + CHOICE,
        "Re: ご返金について",
        {"refund"},
    ),
    ("Refund.\n\n> Would you like a refund or a credit for May?", "Re: May", {"refund"}),
    (
        "2番目でお願いします。\n6月末まではレッスン受けたいので。" + OPTIONS,
        "Re: 解約方法のご案内",
        {"cancellation"},
    ),
    # a card fact in the subject over a link to pay with the new card
    (
        "新しいカードで払いたいので、支払いのリンクいただけますか？",
        "カードの期限切れ",
        {"payment_link"},
    ),
    ("新しいカードに変更したいです。", "カードの期限切れ", {"portal_link"}),
    ("どこで更新できますか？", "カードの期限切れ", {"portal_link"}),
    # a heading of the customer's own with a date and a colon is still their words
    ("2025年3月12日 18:30の請求について:\n二重になっているので返金してください。", "", {"refund"}),
    # a past act of the customer's own is no benefactive: still asked
    ("12月に払った分を返金してください。", "", {"refund"}),
    ("二重に引き落とされた分を返してもらえますか？", "", {"refund"}),
]

NOT_ASKED = [
    # a figure or a measure named by the write: a sales pitch, a feature
    (
        "御社サービスの解約率改善にお役立ていただける事例がございますので、"
        "ぜひご説明のお時間をいただけないでしょうか。",
        "業務提携のご提案",
        set(),
    ),
    ("退会防止のためのクーポン機能について教えてください。", "", set()),
    # a refund no longer needed, or done for the writer before
    (
        "結局返金はしていただかなくて大丈夫になりましたので、その件は忘れてください。",
        "",
        set(),
    ),
    ("返金はしていただかなくても結構です。請求書だけください。", "", set()),
    ("去年の12月にしてもらった返金って、ちゃんと処理されてましたっけ？", "", set()),
    ("先日ご対応いただいた解約の件、ありがとうございました。", "", set()),
    # a how-to, a question about the term, a notice told as past, someone else's campaign
    ("有料プランへ移行しないようにするにはどうすればいいですか？", "", set()),
    ("契約期間の満了をもって終了となりますか？", "", set()),
    ("キャンペーンは月末をもって終了とのことですが、本当ですか？", "", set()),
    ("先月、更新しない旨をご連絡しましたが、今月も請求が来ています。", "", set()),
    ("自動更新をおふにしたはずなのに請求が来ました。", "", set()),
    ("よろしくお願いいたします。", "解約についての質問 info@example.jp", set()),
    # romaji negated; English "no" is no romaji particle
    ("kaiyaku wa shimasen. arigatou gozaimasu.", "", set()),
    ("No refund needed, thanks. Just the invoice please.", "", set()),
    # a real condition, a question: no polite "if you could"
    ("前に2,000円分だけ返してもらったよね〜", "", set()),
    ("もし解約したら、返金していただけますか？", "", set()),
    ("もし返金していただけるなら、継続を考えます。", "", set()),
    ("もし二重請求でしたら、返金していただけましたら助かります。", "", set()),
    # someone else's account
    ("妻のアカウントの先月分を返金してください。", "", set()),
    ("私のアカウントではなく、母のアカウントを解約してください。", "", set()),
    # no detail to change beside the page; an invoice's page; a mere question
    ("自分でできる画面あったら教えてほしい", "", set()),
    ("請求書のページを教えてください", "", set()),
    ("カードの登録って自分でできるんですか？", "", set()),
    ("もし返金の手続きページがございましたら、リンクをお送りください。", "", set()),
    ("クレカの有効期限が切れてて決済失敗したみたい。通ってますか？", "", set()),
    # answers that take nothing: a "but", the other option, no offer, a question after
    ("はい、ただクーポンの方がいいかもしれません。" + OFFER, "Re: ご請求について", set()),
    ("クーポンで。" + CHOICE, "Re: ご返金について", set()),
    ("返金で。", "", set()),
    ("Credit.\n\n> Would you like a refund or a credit for May?", "Re: May", set()),
    ("2番目でお願いします。\nでも返金はありますか？" + OPTIONS, "Re: 解約方法のご案内", set()),
]


@pytest.mark.parametrize(("text", "subject", "kinds"), ASKS)
def test_b26_ja_asks(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


@pytest.mark.parametrize(("text", "subject", "kinds"), NOT_ASKED)
def test_b26_ja_near_misses(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds
