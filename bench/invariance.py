"""How often a change that keeps an email's meaning changes what the agent reads in it.

Real mail reaches the agent rewrapped, with curly quotes, in capitals, under a greeting and
above a signature or an older thread. None of that changes what the customer asked, so none
of it should change which writes the explicit-request check reads (`read_requests`, the gate
of every write) nor, with `--understand`, the intent `understand` reads. Each `dev/` email is
read as written and after each change below; a reading that changes is counted by whether it
was right before (against the email's labels) and right after. Both are read as the mail
pipeline reads an email that arrives: the new words apart from the thread they quote
(`AgentInput.written`). `--split heldout` counts the same on emails no rule was taught from,
once a change is made; it never shows them.

    .venv/bin/python bench/invariance.py [--sample N] [--jobs 2] [--understand] [--show CHANGE]
"""

from __future__ import annotations

import argparse
import html
import random
import re
import textwrap
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from knowreply.agent.brains.rules import Intent, understand
from knowreply.agent.brains.rules.examples import LANGUAGES, Example, load
from knowreply.agent.brains.rules.intent_model import WRITE_KINDS
from knowreply.agent.intake import read_requests
from knowreply.agent.run import only_asked_writes
from knowreply.agent.trace import AgentInput
from knowreply.mail.parse import parse_message

SEED = 20261205
TODAY = date(2026, 11, 27)
Change = Callable[[Example], Example | None]
"""A meaning-keeping change of an email, or None where it does not apply."""

GREETINGS = {
    "en": ("Hi there,\n\n", "\n\nThanks,\nSam"),
    "ja": ("お世話になっております。\n\n", "\n\nよろしくお願いいたします。\n山田"),
    "es": ("Hola,\n\n", "\n\nGracias,\nLucía"),
    "fr": ("Bonjour,\n\n", "\n\nMerci,\nCamille"),
    "de": ("Hallo,\n\n", "\n\nViele Grüße\nJonas"),
}
SIGNATURE = (
    "\n\n--\nSam Carter | Head of Operations | Northwind Ltd\nT +44 20 7946 0958\n"
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended "
    "solely for the addressee. If you have received it in error, please notify the sender "
    "immediately and delete it. Please consider the environment before printing this e-mail."
    "\n\nSent from my iPhone"
)
EARLIER_THREAD = (
    "\n\nOn Tue, 3 Nov 2026 at 10:14, Billing <billing@example.com> wrote:\n"
    "> Hi,\n>\n> Thanks for getting in touch. Your invoice for October was paid on 1 November.\n"
    ">\n> Best,\n> The billing team\n"
)


def wrapped(example: Example) -> Example | None:
    """Hard-wrapped at 72 columns, as plain-text mail clients send it."""
    if example.lang == "ja" or all(len(line) <= 72 for line in example.body.splitlines()):
        return None
    lines = [
        textwrap.fill(line, 72) if line.strip() and not line.startswith(">") else line
        for line in example.body.split("\n")
    ]
    return _with(example, "\n".join(lines))


def wrapped_ja(example: Example) -> Example | None:
    """Japanese broken by hand every 35 characters, as business mail often is."""
    if example.lang != "ja" or all(len(line) <= 35 for line in example.body.splitlines()):
        return None
    lines = [
        "\n".join(line[i : i + 35] for i in range(0, len(line), 35))
        if line and not line.startswith(">")
        else line
        for line in example.body.split("\n")
    ]
    return _with(example, "\n".join(lines))


def curly(example: Example) -> Example | None:
    """Typographic quotes and apostrophes (phones and word processors type them)."""
    if "'" not in example.body and '"' not in example.body:
        return None
    body = re.sub(r'"(\S[^"]*)"', "\u201c\\1\u201d", example.body.replace("'", "\u2019"))
    return _with(example, body)


def shouted(example: Example) -> Example | None:
    """All in capitals."""
    if example.lang == "ja":
        return None
    return Example(
        example.id, example.lang, example.intents, example.subject.upper(), example.body.upper()
    )


def lowered(example: Example) -> Example | None:
    """All in small letters."""
    if example.lang == "ja":
        return None
    return Example(
        example.id, example.lang, example.intents, example.subject.lower(), example.body.lower()
    )


def greeted(example: Example) -> Example | None:
    """Under a greeting and above a sign-off in the email's language (an email that quotes a
    thread is left: a sign-off under the quote would be new words of its own)."""
    if _quotes_a_thread(example):
        return None
    hello, bye = GREETINGS[example.lang]
    return _with(example, f"{hello}{example.body.strip()}{bye}")


def signed(example: Example) -> Example | None:
    """Above a company signature with a legal notice and "Sent from my iPhone"."""
    return _with(example, example.body.rstrip() + SIGNATURE)


def over_a_thread(example: Example) -> Example | None:
    """Above an older, unrelated reply of ours, quoted (emails that quote one already keep
    theirs: a second thread would change what a short answer answers)."""
    if _quotes_a_thread(example):
        return None
    return _with(example, example.body.rstrip() + EARLIER_THREAD)


def spaced(example: Example) -> Example | None:
    """Non-breaking and doubled spaces, as mail converted from HTML carries them."""
    if example.lang == "ja" or " " not in example.body:
        return None
    rng = random.Random(f"{SEED}{example.id}")
    body = re.sub(" ", lambda _: rng.choice((" ", " ", "\u00a0", "  ")), example.body)
    return _with(example, body)


def crlf(example: Example) -> Example | None:
    """Windows line ends."""
    if "\n" not in example.body:
        return None
    return _with(example, example.body.replace("\n", "\r\n"))


def as_html_mail(example: Example) -> Example | None:
    """Sent as HTML only (paragraphs and <br>, as webmail composes), read by `parse_message`."""
    if _quotes_a_thread(example):
        return None
    paragraphs = re.split(r"\n\s*\n", example.body.strip())
    markup = "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )
    return _through_the_parser(example, f"<html><body>{markup}</body></html>", "html")


def as_flowed_mail(example: Example) -> Example | None:
    """Sent as `format=flowed` plain text (Thunderbird, Apple Mail), read by `parse_message`."""
    if _quotes_a_thread(example) or all(len(line) <= 72 for line in example.body.splitlines()):
        return None
    lines = []
    for line in example.body.split("\n"):
        cut = textwrap.wrap(line, 71, break_on_hyphens=False) or [""]
        lines.extend(part + " " for part in cut[:-1])
        lines.append(cut[-1])
    return _through_the_parser(example, "\n".join(lines), "plain", flowed=True)


def _through_the_parser(
    example: Example, body: str, subtype: str, *, flowed: bool = False
) -> Example:
    message = EmailMessage()
    message["From"] = "customer@example.com"
    message["To"] = "billing@example.com"
    message["Subject"] = example.subject
    message["Message-ID"] = f"<{example.id}@example.com>"
    message.set_content(body, subtype=subtype, cte="quoted-printable")
    if flowed:
        message.set_param("format", "flowed")
    return _with(example, parse_message(message.as_bytes()).new_text)


def full_width(example: Example) -> Example | None:
    """Japanese typed with full-width digits and Latin letters (an IME's default)."""
    if example.lang != "ja" or not re.search(r"[0-9A-Za-z]", example.body):
        return None
    return _with(example, example.body.translate(_FULL_WIDTH))


_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


CHANGES: dict[str, Change] = {
    "wrapped": wrapped,
    "wrapped_ja": wrapped_ja,
    "curly": curly,
    "shouted": shouted,
    "lowered": lowered,
    "greeted": greeted,
    "signed": signed,
    "over_a_thread": over_a_thread,
    "spaced": spaced,
    "crlf": crlf,
    "full_width": full_width,
    "html_mail": as_html_mail,
    "flowed_mail": as_flowed_mail,
}


def _quotes_a_thread(example: Example) -> bool:
    return bool(_THREAD.search(example.body))


_THREAD = re.compile(r"^\s*>|wrote:|schrieb|a écrit|escribió|-----|:\n>", re.MULTILINE)


def _with(example: Example, body: str) -> Example:
    return Example(example.id, example.lang, example.intents, example.subject, body)


def _as_arrived(example: Example) -> AgentInput:
    return AgentInput.written(
        workspace_id=0, sender="customer@example.com", subject=example.subject, text=example.body
    )


def asked_kinds(example: Example) -> frozenset[str]:
    """The writes the explicit-request check reads."""
    email = _as_arrived(example)
    return read_requests(email.text, subject=email.subject, thread=email.thread).kinds


def intents_read(example: Example) -> tuple[Intent, ...]:
    """What the rules brain plans: `understand`, then the explicit-request check."""
    email = _as_arrived(example)
    understanding = understand(email.text, subject=email.subject, today=TODAY, thread=email.thread)
    asked = read_requests(email.text, subject=email.subject, thread=email.thread)
    checked = only_asked_writes(understanding, asked)
    return (checked.intent, *checked.secondary_intents)


def labelled_kinds(example: Example) -> frozenset[str]:
    return frozenset(WRITE_KINDS[i] for i in example.intents if i in WRITE_KINDS)


@dataclass
class Tally:
    tried: int = 0
    changed: int = 0
    broken: int = 0
    """Right before the change, wrong after."""
    mended: int = 0
    unasked: int = 0
    """A write the email does not ask for, read only after the change."""


def _read_kinds(example: Example) -> object:
    return asked_kinds(example)


def _read_intents(example: Example) -> object:
    return intents_read(example)


def _right(example: Example, reading: object, understand_too: bool) -> bool:
    if understand_too:
        assert isinstance(reading, tuple)
        return bool(reading) and reading[0] in example.intents
    return reading == labelled_kinds(example)


def _unasked(example: Example, before: object, after: object, understand_too: bool) -> bool:
    labelled = labelled_kinds(example)
    if understand_too:
        assert isinstance(before, tuple) and isinstance(after, tuple)
        new = {i for i in after if i in WRITE_KINDS} - set(before)
        return any(WRITE_KINDS[i] not in labelled for i in new)
    assert isinstance(before, frozenset) and isinstance(after, frozenset)
    return bool((after - before) - labelled)


def measure(
    examples: Sequence[Example],
    *,
    changes: Sequence[str],
    jobs: int,
    understand_too: bool,
    show: str | None,
) -> dict[str, Tally]:
    """Each email is read once as written, then once per change that applies to it."""
    reader = _read_intents if understand_too else _read_kinds
    changed = [(name, e, CHANGES[name](e)) for name in changes for e in examples]
    changed = [(name, e, after) for name, e, after in changed if after is not None]
    with ProcessPoolExecutor(jobs) as pool:
        before = dict(
            zip((e.id for e in examples), pool.map(reader, examples, chunksize=64), strict=True)
        )
        after = list(pool.map(reader, [e for _, _, e in changed], chunksize=64))
    tallies = {name: Tally() for name in changes}
    for (name, example, changed_email), reading in zip(changed, after, strict=True):
        tally, original = tallies[name], before[example.id]
        tally.tried += 1
        if reading == original:
            continue
        tally.changed += 1
        right_before = _right(example, original, understand_too)
        right_after = _right(example, reading, understand_too)
        tally.broken += right_before and not right_after
        tally.mended += right_after and not right_before
        tally.unasked += _unasked(example, original, reading, understand_too)
        if show == name:
            print(f"--- {example.id} {example.intents}: {original} -> {reading}")
            print(changed_email.subject, "|", changed_email.body[:600])
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, help="a seeded sample of this many dev emails")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--understand", action="store_true", help="the intents, not the asks")
    parser.add_argument("--only", nargs="+", choices=sorted(CHANGES), help="these changes")
    parser.add_argument("--show", choices=sorted(CHANGES), help="print each changed email")
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args()
    if args.split == "heldout" and args.show:
        parser.error("held-out emails are counted, never shown: they must not teach anything")
    examples = load(args.split, languages=LANGUAGES)
    if args.sample:
        examples = random.Random(SEED).sample(examples, min(args.sample, len(examples)))
    started = time.monotonic()
    tallies = measure(
        examples,
        changes=args.only or list(CHANGES),
        jobs=args.jobs,
        understand_too=args.understand,
        show=args.show,
    )
    what = "intents (understand + check)" if args.understand else "asked writes (read_requests)"
    print(f"{len(examples)} {args.split} emails, {what}, {time.monotonic() - started:.0f} s")
    print("| change | emails | reading changed | right -> wrong | wrong -> right | new unasked |")
    print("|---|---|---|---|---|---|")
    for name, t in tallies.items():
        print(f"| {name} | {t.tried} | {t.changed} | {t.broken} | {t.mended} | {t.unasked} |")


if __name__ == "__main__":
    main()
