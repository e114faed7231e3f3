"""The one form of everything the bot says to a person or writes to its log: a named message.

Each layer that speaks to people keeps a catalogue module (``ingest/messages.py``, ``nlp/messages.py``,
``store/messages.py``, ``handlers/messages.py``, ``bot/messages.py``) of ``Message`` entries, so one
``grep`` finds every refusal, error and log line, and a code seen in a reporter's screenshot or an
operator's log leads to the one line that wrote it. The idea is spaCy's ``Errors`` (a stable code per
message) and bolt-python's ``logger/messages.py`` (named, parameterised log lines).

Codes: ``I`` ingest, ``S`` store, ``N`` nlp, ``H`` handlers, ``B`` bot for what people are told;
``L`` for log lines (``L1xx`` ingest, ``L2xx`` store, ``L3xx`` handlers, ``L4xx`` bot, ``L5xx`` nlp).
A code is never reused: a message that is dropped takes its code with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: What a code looks like: its layer's letter and three digits.
CODE = re.compile(r"^[ISHBNL]\d{3}$")
_TRAILING_CODE = re.compile(r"\[([ISHBNL]\d{3})\]$")


@dataclass(frozen=True)
class Message:
    """A named message: a stable code and a ``str.format`` template of named fields.

    Calling it fills the fields and appends the code in brackets, the one convention everywhere:
    ``Message("I999", "Empty: there is no text to ingest")()`` →
    ``"Empty: there is no text to ingest [I999]"``. The code goes last so a chat reply still reads as
    a sentence and the reader meets the words first.
    """

    code: str
    template: str

    def __post_init__(self) -> None:
        if not CODE.match(self.code):
            raise ValueError(f"a message code is a layer letter and three digits, not {self.code!r}")

    def __call__(self, **fields: Any) -> str:
        """The message with its fields filled in and its code appended.

        Args:
            **fields: a value for every ``{name}`` in the template.

        Returns:
            One line: the filled template, a space and ``[CODE]``.

        Raises:
            KeyError: a field of the template was not given.
        """
        return f"{self.template.format(**fields)} [{self.code}]"


def code_of(text: str) -> str | None:
    """The code a message ends with, for the places that file it apart (``--json``, JSON logs).

    Args:
        text: a line, as a ``Message`` call wrote it or not.

    Returns:
        The last code (``H999`` of ``"Cannot schedule …: … [B999] [H999]"``: the outer message,
        the place that answered), or None when the line carries none.
    """
    found = _TRAILING_CODE.search(text.rstrip())
    return found.group(1) if found else None
