"""Small helpers for the words of replies."""

#: What a user typed, quoted back in a reply, is cut to this many characters: more than any name or
#: claim runs to, too few for a pasted page to fill the reply. Set by hand.
ECHO_CHARS = 100
#: A claim is a sentence, quoted back whole when it is one: a long one runs to some 250 characters.
#: Longer input (a pasted page given to /compare) is cut here. Set by hand.
CLAIM_ECHO_CHARS = 300


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


def echoed(text: str, limit: int = ECHO_CHARS) -> str:
    """What the user typed, as a reply quotes it: cut to ``limit`` characters with an ellipsis.

    Args:
        text: what the user typed.
        limit: the most characters quoted.

    Returns:
        The quote.
    """
    return snippet(text, limit)


def next_page(command: str, query: str, page: int) -> str:
    """How to ask for the next page: the command to type, when the query is short enough to repeat.

    Args:
        command: the command's name, without the slash.
        query: what the user asked.
        page: the page to ask for.

    Returns:
        "/command query --page N", or a hint to add ``--page N`` when the query is long.
    """
    if len(query) <= CLAIM_ECHO_CHARS:
        return f"/{command} {query} --page {page}"
    return f"add --page {page} to your /{command}"
