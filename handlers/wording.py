"""Small helpers for the words of replies."""

#: What a user typed, quoted back in a reply, is cut to this many characters: more than any name or
#: claim runs to, too few for a pasted page to fill the reply. Set by hand.
ECHO_CHARS = 100


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "article")`` → "1 article"; ``plural(3, "article")`` → "3 articles".

    Args:
        count: how many.
        word: the singular.
        many: the plural when it is not ``word`` + "s" ("entities").

    Returns:
        The count and the word.
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def snippet(text: str, limit: int = 80) -> str:
    """The opening words of a text, cut at a word boundary.

    Args:
        text: the text; runs of white space become one space.
        limit: the most characters kept before the ellipsis.

    Returns:
        The text whole when it fits, else its opening words and "…".
    """
    first = " ".join(text.split())
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def echoed(text: str) -> str:
    """What the user typed, as a reply quotes it: cut to ECHO_CHARS with an ellipsis.

    Args:
        text: what the user typed.

    Returns:
        The quote.
    """
    return snippet(text, ECHO_CHARS)
