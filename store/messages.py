"""What the store tells people and its log: named, coded messages (see ``domain/messages.py``).

The store raises its own errors (``store/errors.py``) with these; the CLI and the handlers show them.
"""

from domain.messages import Message

FOREIGN_TABLES = Message("S001", "it holds other tables: {tables}; it was left unchanged")
FOREIGN_TABLES_APPEARED = Message("S002", "it holds other tables: {tables}")
DUPLICATE = Message("S003", "already stored as article {article_id}")
NOT_SQLITE = Message("S004", "SQLite cannot open it: {reason}")
INGEST_STOPPED = Message("S005", "the bot is stopping; the article was not stored")
ENTITY_MERGED_AWAY = Message("S006", "entity #{entity_id} no longer exists; ingest again")
LINKS_MISMATCH = Message("S007", "one link per local entity is needed: {links} links for {entities} entities")
REBUILD_FINISHED = Message("S008", "this rebuild is finished already")
REBUILD_UNFINISHED = Message("S009", "a rebuild must end with finish(); nothing was written")

# Log lines
MIGRATED = Message("L201", "applied migrations: {names}")
