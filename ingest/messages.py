"""What ingest tells people: every refusal of an input, named and coded (see ``domain/messages.py``).

Ingest raises ``IngestError`` with one of these; the handlers and the CLI show it as it is.
"""

from domain.messages import Message

# Empty, binary or unreadable input
EMPTY = Message("I001", "Empty: there is no text to ingest")
BINARY = Message("I002", "Not text: the file is binary")
BINARY_KIND = Message("I003", "Not text: the file looks like {what}")
NO_ENCODING = Message("I004", "Not text: the file is in no encoding the bot can read")
NO_ARTICLE_TEXT = Message("I005", "No article text found on that page")

# Size
TOO_LARGE = Message("I006", "Too large: {size_mb:.1f} MB; the limit is {limit_mb:g} MB")
TOO_LARGE_PAGE = Message("I007", "Too large: the page is {size_mb:.1f} MB; the limit is {limit_mb:g} MB")
TOO_LARGE_PAGE_OVER = Message("I008", "Too large: the page is over {limit_mb:g} MB; the limit is {limit_mb:g} MB")
TOO_LARGE_STDIN = Message("I009", "Too large: {size_mb:.1f} MB on standard input; the limit is {limit_mb:g} MB")
TOO_LARGE_STDIN_OVER = Message(
    "I034", "Too large: more than {size_mb:.1f} MB on standard input; the limit is {limit_mb:g} MB"
)
TOO_LARGE_FILE = Message("I010", "Too large: {name} is {size_mb:.1f} MB; the limit is {limit_mb:g} MB")
TOO_LONG = Message("I011", "Too long: {chars:,} characters; the limit is {limit:,}")

# Not an article
TOO_SHORT = Message("I012", "Too short to be an article: send the article's text or a link to it")
NOT_ENGLISH = Message("I013", "Not English: the bot analyses English articles only")
LOOKS_LIKE = Message("I014", "This looks like {looks_like}, not an article")

# Links and fetching
NOT_HTTP = Message("I015", "Only http and https links can be fetched, not {url}")
TIMED_OUT_READING = Message("I016", "Gave up: the page took longer than {timeout_s:g} s to arrive")
NO_ANSWER = Message("I017", "Gave up on {host}: no answer in time")
UNREACHABLE = Message("I018", "Could not reach {host}: {reason}")
TOO_MANY_REDIRECTS = Message("I019", "Too many redirects (more than {limit}) from {url}")
HTTP_STATUS = Message("I020", "{host} answered {status}")
NOT_ARTICLE_TYPE = Message("I021", "Not an article: {host} sent {mime}")
UNRESOLVED = Message("I022", "Could not resolve {host}")
UNRESOLVED_BECAUSE = Message("I023", "Could not resolve {host}: {reason}")
PRIVATE_ADDRESS = Message("I024", "Refused to fetch {host}: it resolves to a private or local address ({address})")
OTHER_SCHEME = Message("I025", "{scheme}:// links are not supported; give an http(s) link or a file path")

# Files and manifests
NO_SUCH_FILE = Message("I026", "No such file: {path}")
NOT_A_FILE = Message("I027", "Not a file: {path}")
NO_SUCH_MANIFEST = Message("I028", "No such manifest: {path}")
MANIFEST_NOT_JSON = Message("I029", "Manifest {name} is not valid JSON: {reason}")
MANIFEST_NO_LIST = Message("I030", 'Manifest {name} has no "articles" list')
MANIFEST_NO_FILE = Message("I031", 'Manifest {name}, entry {number} has no "file"')
MANIFEST_OUTSIDE = Message("I032", "Manifest {name}, entry {number}: {file} is outside {allowed}")
MANIFEST_BAD_DATE = Message(
    "I033", 'Manifest {name}, entry {number}: "published" is not a date (YYYY-MM-DD): {value!r}'
)

# Log lines
REDIRECT = Message("L101", "redirect to {url}")
