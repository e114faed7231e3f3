"""Is this text prose? News is sentences; a file of fields, code, a log or a table is lines of another shape.

``newsroom ingest /etc/passwd`` once stored the password file as an article: the length and language
checks cannot see it, the file being long enough and English enough. Its shape gives it away. News is
mostly words in runs of prose, while a password file, a CSV, a log, a configuration file or a program
is lines that each follow a pattern (cells split by a delimiter, a timestamp first, ``key = value``,
a statement ending in a bracket). Each line is read alone, so hard-wrapped plain text is still prose;
short lines (a headline, a credit, a list item) and rows of a results table count for neither side.

No library fits: Pygments' ``guess_lexer`` names a lexer for any text, prose included, and language
identifiers (CLD2) call a CSV of English words English. The thresholds were chosen on the FNC-1
training bodies (which must pass) and on files of this machine that are not news (which must not);
``bench/eval_article_check.py`` measures both.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

#: Only the start of a long text is read: enough lines to see a pattern, in bounded time.
SAMPLE_CHARS = 20_000
#: A line holds prose when it has a run of this many words with only spaces, punctuation and single
#: figures between them. A field label, a name or a log message stays under five; a line of news
#: rarely does. Chosen on the FNC-1 training bodies and this machine's files.
PROSE_RUN_WORDS = 5
#: A run of prose has at least this many lower-case words of two letters or more ("said", "the"): a
#: row of codes or a title in capitals has none. Set by hand: any clause of five words has three.
LOWER_CASE_WORDS = 3
#: A line is prose when at least this share of its words are in runs: a statement of code or a
#: minified script holding a sentence in a string is not. Set by hand.
PROSE_LINE_SHARE = 0.5
#: Prose has its lines flush or with one paragraph indent (every FNC-1 training body has at most two
#: widths of indent); code, YAML and nested lists have more, and their indented prose is a comment or
#: a value, not an article's.
MAX_INDENT_WIDTHS = 2
#: A delimiter makes a table when at least this share of the lines hold it twice or more: a CSV's
#: comma, a password file's colon. Set by hand; prose lines are read as prose before as cells.
TABLE_LINE_SHARE = 0.5
#: A text is named a list only when its short lines outnumber its lines of other shapes this many
#: times over (a configuration file has short lines too). Set by hand; it names, it never decides.
LIST_OVER_PATTERNS = 2
#: A line of this many words or fewer without a run of prose is a headline, a credit or a list item:
#: it counts for neither side. Set by hand: a headline without a run of five is short.
SHORT_LINE_WORDS = 8
#: At least this share of the words (short lines aside) must be in lines of prose. FNC-1 training
#: bodies are at 0.65 or more (but one in Chinese); this machine's configuration files, logs,
#: tables and sources are at 0.39 or less. Set between the two.
MIN_PROSE_SHARE = 0.5
#: At most this share of the lines may have another shape (code, fields, log lines, table rows,
#: comments, markup) once there are MIN_PATTERN_LINES of them. FNC-1 training bodies with that many
#: are at 0.23 or less; most of this machine's files are at 0.5 or more (the rest are lists, with
#: little prose). A second guard: on those files the share of prose alone already decides.
MAX_PATTERN_SHARE = 0.4
#: Fewer lines of another shape are a news body's dateline, credits and links (FNC-1 training bodies
#: have up to five among a dozen lines: "Claim:", "Example:", an advert's script); they say nothing
#: of the whole. Chosen on those bodies.
MIN_PATTERN_LINES = 6

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
#: A word of prose with its quotes, brackets and punctuation ("(who", "U.S.", "front),", "``Deep").
_PROSE_WORD = re.compile(r"[\"'`“‘(\[]*[^\W\d_]+(?:['’.-][^\W\d_]+)*[.,;:!?\"'`”’)\]]*")
_LOWER_WORD = re.compile(r"\W*[a-z]{2,}\W*")
#: A figure in prose ("$2.5", "7.5%", "1995,", "85-year-old"); two in a row are a row of values.
_PROSE_FIGURE = re.compile(r"[(\"'“$£€]*\d[\w.,:/%'’-]*[.,;:!?%)\"'”’]*")
#: Dashes, ellipses and ampersands stand between words of prose without being words.
_PROSE_JOINER = re.compile(r"[-–—&/…]{1,3}|\.{3}")
#: A row of a results or standings table as a newsroom types it: rank, name, country, figures
#: ("1. Noah Lyles (USA) 9.79", "Manchester City 12 8 2 2 +20 26"). Readers' tables are news.
_RESULT_ROW = re.compile(
    r"\s*(?:\d{1,3}[.)]?\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:\([A-Z]{2,3}\)\s+)?(?:[-+]?\d[\d.:,]*\s*){1,10}"
)

_TIMESTAMP = re.compile(
    r"\s*(?:[\w.-]+(?:\[\d+\])?:?\s+)?[\[(]?\s*(?:"  # perhaps after the program's name
    r"\d{4}[-/]\d\d[-/]\d\d[ T]\d\d:\d\d"  # 2024-05-01 12:00, ISO 8601
    r"|[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d"  # syslog: May  1 12:00:00
    r"|\d{1,2}/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d"  # web server: 01/May/2024:12:00:00
    r"|\d\d:\d\d:\d\d"  # a time of day first
    r"|\d+\.\d+\]"  # kernel: [   12.345]
    r")"
)
#: A path and then more: a tool's message about a file ("/usr/share/fonts: caching", "x.c:12: error").
_PATH_FIRST = re.compile(r"\s*(?:[~.]?(?:/[\w.+@-]+){2,}/?|[\w.-]+/[\w./-]+:\d+):?\s+\S")
_COMMENT = re.compile(r"\s*(?:#(?:[\s#!]|$)|\"\s|//|/\*|\*/|;|--\s|%|REM\s|::)")
_SECTION = re.compile(r"\s*\[[^\]]{1,80}\]\s*$")
_MARKUP = re.compile(r"\s*(?:</?[A-Za-z][\w:.-]*(?:\s[^>]*)?/?>|<!--|[{}\[\]],?\s*$|\"[^\"]+\"\s*:)")
_CODE_START = re.compile(
    r"\s*(?:def|class|import|from\s+\S+\s+import|return|if|elif|else|for|while|try|except|finally|with|raise"
    r"|function|var|let|const|public|private|protected|static|package|use|sub|my|local|fi|done|esac|then|do"
    r"|case|echo|export|unset|#include|#define|#!)\b"
)
_CODE_END = re.compile(r"(?:[{};(\[\\]|\belse:|\btry:|=>|->)\s*$")
_CODE_INSIDE = re.compile(r"\w\(\)|\w\.\w+\(|==|!=|&&|\|\||\$\{?[A-Za-z_]|\bself\.|\w\[\w*\]|\s=\s[\w\"'(\[{]")
#: ``key = value`` or ``key: value`` (perhaps commented out) with a plain value; a call or a list
#: after ``=`` is code.
_FIELD = re.compile(r"\s*[#;]?(?:-\s+)?[\w.@/$-]+(?:\s[\w.@/$-]+){0,2}\s*(?:=|:(?!//))\s*[^\s(\[{][^(\[{]*")
#: A key, then its value after a tab or a run of spaces (``PASS_MAX_DAYS   99999``).
_KEY_VALUE = re.compile(r"\s*[A-Za-z_][\w.-]*(?:\t+|\s{2,})\S")
_DELIMITERS = (",", "\t", "|", ";", ":")
#: Blocks whose lines belong to a program: opener, closer (after the opener on its line, or on a later
#: line) and the shape they give their lines.
_BLOCK_MARKS = (
    (re.compile(r'"""'), re.compile(r'"""'), "code"),
    (re.compile(r"'''"), re.compile(r"'''"), "code"),
    (re.compile(r"/\*"), re.compile(r"\*/"), "code"),
    (re.compile(r"#\[=*\["), re.compile(r"\]=*\]"), "code"),
    (re.compile(r"<!--"), re.compile(r"-->"), "markup"),
)

#: What a text looks like, by the shape most of its lines have.
_LOOKS_LIKE = {
    "table": "a table of values",
    "code": "program code",
    "log": "a log",
    "configuration": "a configuration file",
    "markup": "structured data (JSON, XML or YAML)",
    "list": "a list of values",
}


@dataclass(frozen=True)
class Shape:
    """What a text is made of: the share of its words in prose, and its lines of other shapes."""

    prose_share: float  # of the words outside short lines, those in lines of prose or results rows
    pattern_lines: int  # lines of another shape (table, code, log, configuration, markup)
    pattern_share: float  # of all lines, those of another shape
    kinds: dict[str, int]  # lines of each other shape, and "list" for short lines

    @property
    def is_prose(self) -> bool:
        patterned = self.pattern_lines >= MIN_PATTERN_LINES and self.pattern_share > MAX_PATTERN_SHARE
        return self.prose_share >= MIN_PROSE_SHARE and not patterned

    @property
    def looks_like(self) -> str:
        """The shape most lines have, in words for a reporter (see LIST_OVER_PATTERNS)."""
        patterned = {kind: n for kind, n in self.kinds.items() if kind != "list"}
        if not patterned or LIST_OVER_PATTERNS * sum(patterned.values()) < self.kinds.get("list", 0):
            return _LOOKS_LIKE["list"]
        return _LOOKS_LIKE[max(patterned, key=lambda kind: patterned[kind])]


def not_an_article(text: str) -> str | None:
    """None when the text reads as prose; else what it looks like instead ("a table of values").

    The one entry point: ``ingest.extract.check_text`` calls it on every text, and
    ``bench/eval_article_check.py`` measures it.
    """
    shape = measure(text)
    return None if shape.is_prose else shape.looks_like


def measure(text: str) -> Shape:
    """The figures ``not_an_article`` decides on, for the bench to show."""
    lines = [line for line in text[:SAMPLE_CHARS].splitlines() if line.strip()]
    delimiter = _table_delimiter(lines)
    nested = len({_indent(line) for line in lines}) > MAX_INDENT_WIDTHS
    kinds: Counter[str] = Counter()
    prose_words = counted_words = 0
    for line, block in zip(lines, _blocks(lines), strict=True):
        words = len(_WORD.findall(line))
        in_runs = _words_in_runs(line)
        kind = block or _line_kind(line, delimiter, in_runs)
        if kind == "prose" and nested and _indent(line):
            kind = "markup"  # prose nested in a structure: YAML's text, a comment inside code
        if kind in ("prose", "results"):
            prose_words += words
        elif kind is None and words <= SHORT_LINE_WORDS:
            kinds["list"] += 1
            continue
        elif kind is not None:
            kinds[kind] += 1
        counted_words += words
    pattern_lines = sum(n for kind, n in kinds.items() if kind != "list")
    return Shape(
        prose_share=prose_words / counted_words if counted_words else 0.0,
        pattern_lines=pattern_lines,
        pattern_share=pattern_lines / len(lines) if lines else 0.0,
        kinds=dict(kinds),
    )


def _line_kind(line: str, delimiter: str | None, in_runs: int) -> str | None:
    """The shape of one line: prose, a results row, one of the patterns, or None for neither."""
    if _TIMESTAMP.match(line) or _PATH_FIRST.match(line):
        return "log"
    if _COMMENT.match(line) or _SECTION.match(line):
        return "configuration"
    if _MARKUP.match(line):
        return "markup"
    if _CODE_END.search(line) or (_CODE_START.match(line) and (line.rstrip().endswith(":") or not in_runs)):
        return "code"  # a keyword first is code only without prose: "for the first time" may wrap to a line
    if in_runs >= PROSE_RUN_WORDS and in_runs >= PROSE_LINE_SHARE * len(line.split()):
        return "prose"
    if _RESULT_ROW.fullmatch(line):
        return "results"
    if delimiter and line.count(delimiter) >= 2:
        return "table"
    if _FIELD.match(line) or _KEY_VALUE.match(line):
        return "configuration"
    if _CODE_INSIDE.search(line):
        return "code"
    return None


def _blocks(lines: list[str]) -> list[str | None]:
    """For each line, the shape of the block it is in (a docstring or block comment is code, an XML
    comment markup), or None outside blocks. Their prose is a program's, not an article's."""
    shapes: list[str | None] = []
    closer: re.Pattern[str] | None = None
    shape = None
    for line in lines:
        if closer is None:
            for opener, closing, kind in _BLOCK_MARKS:
                if (found := opener.search(line)) and not closing.search(line, found.end()):
                    closer, shape = closing, kind
                    shapes.append(kind)
                    break
            else:
                shapes.append(None)
            continue
        shapes.append(shape)
        if closer.search(line):
            closer = None
    return shapes


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _words_in_runs(line: str) -> int:
    """The words of the line in runs of PROSE_RUN_WORDS or more, with LOWER_CASE_WORDS among them, and
    only spaces, punctuation and single figures between them: a sentence is one long run, a row of
    cells or a statement of code has short ones, and a row of codes ("R K 2008 o - Au lastTh") no
    lower-case words."""
    total = run = lower = 0
    after_figure = False
    for token in [*line.split(), "\0"]:  # the sentinel ends the last run
        if _PROSE_WORD.fullmatch(token):
            run += 1
            lower += bool(_LOWER_WORD.fullmatch(token))
            after_figure = False
        elif _PROSE_FIGURE.fullmatch(token) and not after_figure:
            after_figure = True
        elif not _PROSE_JOINER.fullmatch(token):
            if run >= PROSE_RUN_WORDS and lower >= LOWER_CASE_WORDS:
                total += run
            run = lower = 0
            after_figure = False
    return total


def _table_delimiter(lines: list[str]) -> str | None:
    """The delimiter TABLE_LINE_SHARE of the lines hold twice or more, if any."""
    needed = max(2, math.ceil(TABLE_LINE_SHARE * len(lines)))
    best, best_lines = None, 0
    for delimiter in _DELIMITERS:
        holding = sum(1 for line in lines if line.count(delimiter) >= 2)
        if holding >= needed and holding > best_lines:
            best, best_lines = delimiter, holding
    return best
