"""What the handlers tell people when a request fails: usage errors and refusals, named and coded.

See ``domain/messages.py`` for the form and the codes. Normal answers (the titles and sections of
/who, /compare, /digest...) are not here: they are the handler's own output. Everything a reporter is
told instead of an answer is.
"""

from domain.messages import Message

# Usage: how to write a command
USAGE_WHO = Message("H001", "Usage: /who NAME (for example /who Kiriyenko)")
USAGE_COMPARE = Message(
    "H002", "Usage: /compare CLAIM (for example /compare Musk and Putin have been in regular contact)"
)
USAGE_STORY = Message("H003", "Usage: /story CLAIM or /story NAME (for example /story Kiriyenko)")
USAGE_INGEST = Message("H004", "Usage: /ingest URL or /ingest followed by the article's text")
USAGE_WATCH = Message("H005", "Usage: /watch NAME or /watch claim CLAIM (for example /watch Kiriyenko)")
USAGE_UNWATCH = Message("H006", "Usage: /unwatch N, with the number /watching shows (for example /unwatch 3)")
USAGE_NEWSROOM = Message(
    "H007",
    "Usage: /newsroom settings · /newsroom ingest on|off · /newsroom nothing-new on|off · "
    "/newsroom tz Europe/Berlin · /newsroom forget 12",
)
USAGE_FORGET = Message("H008", "Usage: /newsroom forget ARTICLE_NUMBER, as in /newsroom forget 12")
USAGE_DIGEST = Message(
    "H009",
    'Usage: /digest daily 08:00 · /digest weekdays 07:30 · /digest cron "0 8 * * 1-5" · '
    "/digest off · /digest status · /digest now",
)
PAGE_NOT_A_NUMBER = Message("H010", "--page needs a number, as in /who Putin --page 2")
PAGE_NOT_POSITIVE = Message("H011", "--page needs a positive number, not “{value}”")
NOT_A_TIME = Message("H012", "“{text}” is not a time of day; write it as 08:00")
UNKNOWN_TIMEZONE = Message("H013", "Unknown time zone “{name}”; use a name such as Europe/Berlin or UTC")
DIGEST_WORDS_UNREADABLE = Message("H014", "Could not read the digest words: {reason}")
CANNOT_SCHEDULE = Message("H015", "Cannot schedule “{label}”: {reason}")

# Commands
NO_SUCH_COMMAND = Message("H016", "No command /{topic}. Try /help.")
UNKNOWN_COMMAND = Message("H017", "Unknown command /{name}. Try /help.")
EDITORS_ONLY = Message(
    "H018", "Only the newsroom's editors may do that here; ask one, or use /who and /compare, which are for everyone."
)
NEEDS_THE_BOT = Message(
    "H019", "Scheduling and posting digests need the bot running (make run); try /digest to preview."
)
DIGEST_BEING_POSTED = Message("H020", "A digest for {where} is being posted right now; try again in a minute.")
NO_SUCH_ARTICLE = Message("H021", "There is no article #{number}.")
UNKNOWN_EXPORT = Message("H022", "cannot export {kind!r}: choose one of {kinds}")

# Names and entities
NO_ENTITY = Message("H023", "No entity {text}.")
NOBODY_NAMED = Message("H024", "Nobody named “{text}”.")
SEVERAL_FIT = Message("H025", "“{text}” fits several entities: {listed}. Name one by #ID.")
ALREADY_ONE = Message("H026", "{first} and {second} are already one entity (#{entity_id}).")
NOT_WRITTEN_SO = Message("H027", "{name} is not written “{alias}” anywhere; nothing to split.")
ONLY_NAME = Message("H028", "“{alias}” is {name}'s only name; rename it instead.")
NO_NEW_NAME = Message("H029", "Give the new name.")
NAME_TAKEN = Message(
    "H030",
    "#{other_id} {other} is already called {new_name}. If they are the same, "
    'merge them: newsroom entity merge "{name}" "{other}".',
)
STORY_NOTHING = Message("H031", "Nobody named “{query}” in the stored articles, and it claims nothing to follow.")

# Watches
WATCH_LIMIT = Message(
    "H032", "You already watch {held} things, the most allowed here; /unwatch one first (/watching lists them)."
)
WATCH_NO_ENTITY = Message("H033", "No entity #{entity_id}; /who NAME finds one.")
WATCH_NOBODY = Message(
    "H034",
    "Nobody named “{name}” in the stored articles, so there is nothing to watch yet. "
    "To hear when a claim's verdict changes, use /watch claim {name}.",
)
WATCH_CLAIM_TOO_LONG = Message("H035", "A claim to watch is one sentence; this one has {chars} characters.")
WATCH_NOT_A_CLAIM = Message(
    "H036",
    "“{claim}” names things but claims nothing about them. "
    "Watch a name with /watch NAME, or a claim such as /watch claim Musk and Putin spoke regularly.",
)
NO_SUCH_WATCH = Message("H037", "You have no watch #{number}; /watching lists yours.")
CLAIM_NOT_ENGLISH = Message(
    "H039", "That claim reads as {language}: the bot reads English articles, so it judges claims written in English"
)

# Ingest from chat
LINK_SCHEME_REFUSED = Message(
    "H038", "{scheme}:// links are not accepted in chat: send an http(s) link or paste the article's text"
)

# Log lines
COALESCED = Message("L301", "waiting for the same request already in flight: {key!r}")
INGESTED = Message("L302", "ingested #{article_id} ({outlet}): {entities} entities in {duration_ms} ms")
