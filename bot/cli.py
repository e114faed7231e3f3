"""The ``newsroom`` command line: ingest, who, analyze, console and run."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from bot import logs, messages
from bot.export import FORMATS, write_rows
from bot.render_json import render_json
from bot.render_text import render_text
from bot.settings import Settings, load_dotenv
from handlers import Context, Reply, entity
from handlers.analyze import analyze
from handlers.compare import compare
from handlers.digest import digest
from handlers.export import KINDS, export
from handlers.ingest import IngestRequest, ingest
from handlers.rebuild import rebuild
from handlers.story import story
from handlers.who import who
from ingest import IngestError
from ingest.manifest import read_manifest
from nlp import Analyzer, ModelNotInstalled
from store import Store
from store.errors import NotADatabase

logger = logging.getLogger(__name__)


def _iso_date(text: str) -> str:
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(messages.NOT_A_DATE(text=text)) from None


def _iso_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.NOT_A_TIME(text=text)) from None
    return (moment.astimezone(UTC) if moment.tzinfo else moment).isoformat()  # stored times are UTC


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom", description=__doc__)
    parser.add_argument("--db", help="SQLite database file (default: $NEWSROOM_DB or data/newsroom.db)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("ingest", help="store articles from files, URLs or stdin (-)")
    p.add_argument("sources", nargs="*", metavar="PATH|URL|-")
    p.add_argument("--outlet", help="outlet name, overriding page metadata and domain")
    p.add_argument("--published", type=_iso_date, help="publication date, YYYY-MM-DD")
    p.add_argument("--manifest", type=Path, help="JSON manifest of files with outlet and date")
    p.add_argument(
        "--manifest-root", type=Path, help="folder a manifest's files may come from (default: the manifest's own)"
    )
    p.add_argument("--if-empty", action="store_true", help="do nothing when the store has articles")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = commands.add_parser("who", help="who a person or organisation is, with evidence")
    p.add_argument("name", nargs="+")
    p.add_argument("--page", type=int, default=1, help="page of sentences (default 1)")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = commands.add_parser("compare", help="who supports, disputes or cannot verify a claim")
    p.add_argument("claim", nargs="*")
    p.add_argument("--batch", type=Path, help="a file of claims, one per line: one JSON object per line")
    p.add_argument("--page", type=int, default=1, help="page of evidence (default 1)")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = commands.add_parser("story", help="a claim or a name through time, article by article")
    p.add_argument("query", nargs="+")
    p.add_argument("--page", type=int, default=1, help="page of articles (default 1)")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = commands.add_parser("digest", help="what is new since a channel's last digest (sends nothing)")
    p.add_argument("--channel", help="PLATFORM:CHANNEL (default console:console)")
    p.add_argument(
        "--since", type=_iso_time, help="ingested since this ISO date or time, instead of since the last digest"
    )
    p.add_argument("--mark-sent", action="store_true", help="advance the channel's watermark past this digest")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    p = commands.add_parser("analyze", help="analyse texts without storing them")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON document")

    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="print one JSON document")
    p = commands.add_parser("entity", help="correct the bot: merge, split or rename entities")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("merge", help="B is the same as A", parents=[json_flag])
    a.add_argument("keep", metavar="A")
    a.add_argument("absorbed", metavar="B")
    a = actions.add_parser("split", help="ALIAS names someone other than NAME", parents=[json_flag])
    a.add_argument("name", metavar="NAME")
    a.add_argument("alias", metavar="ALIAS")
    a = actions.add_parser("rename", help="call NAME's entity NEW", parents=[json_flag])
    a.add_argument("name", metavar="NAME")
    a.add_argument("new_name", metavar="NEW")

    p = commands.add_parser("entities", help="re-link every stored mention with the current linker")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("rebuild", help="re-link all entities (keeps reporters' corrections)", parents=[json_flag])

    p = commands.add_parser("export", help="stream entities, mentions or statements as JSON lines or CSV")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="jsonl (default) or csv")
    p.add_argument("--out", type=Path, help="write to FILE instead of standard output")

    p = commands.add_parser("backup", help="a consistent copy of the database, safe while the bot runs")
    p.add_argument("path", type=Path, help="the new file (must not exist)")
    p = commands.add_parser("browse", help="the store in the browser, read-only (Datasette)")
    p.add_argument("--port", type=int, default=8001, help="port to serve on (default 8001)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument(
        "--no-judge",
        dest="judge",
        action="store_false",
        help="serve at once, without first judging the claims of articles stored since the last time",
    )
    commands.add_parser("console", help="chat with the bot in this terminal")
    commands.add_parser("run", help="start the chat platforms configured in the environment")
    return parser


def _context(settings: Settings, db_path: str) -> Context:
    return Context(
        store=Store.open(db_path),
        analyzer=Analyzer(settings.get("NEWSROOM_SPACY_MODEL")),
        policy=settings.fetch_policy(),
        n_process=max(1, settings.integer("NEWSROOM_PROCESSES")),
        timezone=settings.timezone(),
        watch_limit=max(0, settings.integer("NEWSROOM_WATCH_LIMIT")),
    )


def _ingest_requests(args: argparse.Namespace) -> list[IngestRequest]:
    requests = [IngestRequest(source=s, outlet=args.outlet, published=args.published) for s in args.sources]
    if args.manifest:
        requests += [
            IngestRequest(
                source=str(e.path),
                outlet=args.outlet or e.outlet,
                published=args.published or e.published,
            )
            for e in read_manifest(args.manifest, args.manifest_root)
        ]
    return requests


def _emit(reply: Reply, as_json: bool) -> int:
    print(render_json(reply) if as_json else render_text(reply))
    if reply.ok:
        return 0
    return 2 if isinstance(reply.data, dict) and reply.data.get("usage") else 1


def _compare(ctx: Context, args: argparse.Namespace) -> int:
    if args.batch:
        try:
            claims = [line.strip() for line in args.batch.read_text(encoding="utf-8").splitlines() if line.strip()]
        except OSError as exc:
            print(messages.CANNOT_READ_BATCH(path=args.batch, reason=exc.strerror), file=sys.stderr)
            return 2
        for claim in claims:
            reply = compare(ctx, claim)
            print(json.dumps(reply.data, ensure_ascii=False) if args.json else render_text(reply) + "\n")
        return 0
    if not args.claim:
        print(messages.COMPARE_NEEDS_CLAIM(), file=sys.stderr)
        return 2
    return _emit(compare(ctx, " ".join(args.claim), page=args.page), args.json)


def _export(ctx: Context, args: argparse.Namespace) -> int:
    fields, rows = export(ctx, args.kind)
    with closing(rows):  # the cursor closes before the store does, even when the reader stops early
        if args.out is None:
            write_rows(rows, fields, sys.stdout, args.format)
            return 0
        try:
            with args.out.open("w", encoding="utf-8", newline="") as out:
                count = write_rows(rows, fields, out, args.format)
        except OSError as exc:
            print(messages.CANNOT_WRITE_EXPORT(path=args.out, reason=exc.strerror), file=sys.stderr)
            return 2
    print(f"{count} {args.kind} written to {args.out}", file=sys.stderr)
    return 0


#: Commands that only read: on a database that does not exist they say so instead of creating one.
READING = {"who", "compare", "story", "browse", "digest", "export", "entity", "entities", "backup"}


def _backup(ctx: Context, target: Path) -> int:
    if target.exists():
        print(messages.BACKUP_EXISTS(path=target), file=sys.stderr)
        return 2
    if not target.parent.is_dir():
        print(messages.BACKUP_NO_FOLDER(folder=target.parent), file=sys.stderr)
        return 2
    ctx.store.backup(target)
    print(f"backed up to {target} ({target.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


def execute(args: argparse.Namespace, settings: Settings) -> int:
    db_path = args.db or settings.get("NEWSROOM_DB")
    if args.command in READING and db_path != ":memory:" and not Path(db_path).is_file():
        print(messages.NO_DATABASE(path=db_path), file=sys.stderr)
        return 2
    try:
        ctx = _context(settings, db_path)
    except NotADatabase as exc:
        print(messages.NOT_NEWSROOM_DATABASE(path=db_path, reason=exc), file=sys.stderr)
        return 2
    try:
        if args.command == "ingest":
            requests = _ingest_requests(args)
            if not requests:
                print(messages.INGEST_NEEDS_SOURCE(), file=sys.stderr)
                return 2
            if args.if_empty and ctx.store.article_count():
                return 0
            progress = None if args.json else (lambda note: print(f"… {note}", file=sys.stderr))
            return _emit(ingest(ctx, requests, progress=progress), args.json)
        if args.command == "who":
            return _emit(who(ctx, " ".join(args.name), page=args.page), args.json)
        if args.command == "digest":
            return _emit(digest(ctx, args.channel, args.since, args.mark_sent), args.json)
        if args.command == "compare":
            return _compare(ctx, args)
        if args.command == "story":
            return _emit(story(ctx, " ".join(args.query), page=args.page), args.json)
        if args.command == "entity":
            if args.action == "merge":
                reply = entity.merge(ctx, args.keep, args.absorbed)
            elif args.action == "split":
                reply = entity.split(ctx, args.name, args.alias)
            else:
                reply = entity.rename(ctx, args.name, args.new_name)
            return _emit(reply, args.json)
        if args.command == "entities":
            return _emit(rebuild(ctx), args.json)
        if args.command == "export":
            return _export(ctx, args)
        if args.command == "backup":
            return _backup(ctx, args.path)
        if args.command == "analyze":
            return _emit(analyze(ctx, args.paths), args.json)
        if args.command == "browse":
            from handlers.disputes import judge_new_articles

            if args.judge:  # the browser's disputed_claims: what the digest's judge calls disputed
                judge_new_articles(ctx)
            ctx.store.close()  # opening it brought the schema (and its views) up to date
            from bot.browse import serve_browser

            serve_browser(Path(db_path), args.host, args.port)
            return 0
        if args.command in ("console", "run"):
            from bot.run import run

            return run(ctx, settings, console_only=args.command == "console")
    finally:
        ctx.store.close()
    return 2


def main(argv: list[str] | None = None) -> int:
    load_dotenv(Path(".env"), os.environ)  # type: ignore[arg-type]
    settings = Settings.from_env()
    args = build_parser().parse_args(argv)
    form = settings.get("NEWSROOM_LOG_FORMAT").lower()
    if form not in ("text", "json"):
        print(messages.BAD_LOG_FORMAT(form=form), file=sys.stderr)
        return 2
    # INFO suits a bot serving chat platforms; in the terminal (one-shot commands, the console chat)
    # log lines would crowd the answers, so those log at WARNING unless the level is set.
    serving = args.command == "run" and bool(settings.get("SLACK_BOT_TOKEN") or settings.get("DISCORD_TOKEN"))
    level = settings.get("NEWSROOM_LOG_LEVEL") if serving or os.environ.get("NEWSROOM_LOG_LEVEL") else "WARNING"
    logs.configure("INFO" if args.verbose and level.upper() != "DEBUG" else level, form)
    try:
        return execute(args, settings)
    except ModelNotInstalled as exc:
        print(messages.COMMAND_FAILED(reason=exc), file=sys.stderr)
        return 3
    except IngestError as exc:
        print(messages.COMMAND_FAILED(reason=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
