"""The digest: what a channel has not yet been told: new articles, new names, disputed claims."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from handlers import messages
from handlers.compare import compare_claim, read_claim
from handlers.context import Context
from handlers.descriptors import fold_groups
from handlers.digest_grid import TITLE, who_named_whom
from handlers.reply import Field, Grid, Reply, Section
from handlers.sources import plain_speakers
from handlers.statements import public_link, statement_terms
from handlers.values import Channel
from handlers.wording import plural, snippet
from judge.cues import stance_of
from store.records import StatementRow

MAX_CLAIMS = 5
#: What the text of a digest shows, so that a day of ten articles reads in under 3,000 characters;
#: the JSON keeps everything.
NAMES_SHOWN = 8
DESCRIPTOR_CHARS = 60
CLAIMS_SHOWN = 3
CLAIM_CHARS = 160
STORY_QUERY_CHARS = 90
SIDES_SHOWN = 3
NUMBERS_SHOWN = 2


def _side(row: StatementRow, stance: str) -> dict:
    speaker = row.speaker if row.kind == "attributed" and row.speaker else row.outlet
    return {
        "stance": stance,
        "speaker": speaker,
        "speaker_type": row.speaker_type if row.kind == "attributed" else "outlet",
        "outlet": row.outlet,
        "text": row.text,
    }


def _answered(ctx: Context, claim: str, answer: StatementRow) -> str:
    """The part of a claim a denial answers: when the claim tells of someone else's words ("Bremmer
    wrote that Musk had told him ..."), the denial answers what was said, not that it was said."""
    shape = read_claim(ctx, claim).shape
    if shape.kind == "speech" and shape.content and not (answer.speaker and shape.speaker in answer.speaker):
        return shape.content
    return claim


def disputed_claims(ctx: Context, article_ids: list[int]) -> list[dict]:
    """Claims a denial in the window answers: for each denial or restriction ("only one call"), the
    stored statements naming the same people are its candidate claims; a claim is disputed when the
    denial's stance toward it is a dispute and the judge (through /compare on the claim) finds it
    disputed; its verdict, why and other sides are the judge's. Every verdict is stored
    (``claim_verdicts``): the browser's ``disputed_claims`` lists the pairs judged disputed.

    Args:
        ctx: the request's context (store, analyzer, clock).
        article_ids: the window's articles, whose denials are read.

    Returns:
        At most ``MAX_CLAIMS`` claims, each a dict with ``claim``, ``story`` (the /story line to
        follow it), ``raised_by`` (the denial's sentence), ``verdict``, ``why``,
        ``original_report``, ``sides`` (stance, speaker, outlet and text of each voice) and
        ``numbers`` (the figures the outlets give differently).
    """
    claims: dict[int, dict] = {}
    now = ctx.now_text()
    for statement_id, sentence in ctx.store.window_disagreements(article_ids):
        answer = ctx.store.statements([statement_id])[0]
        for claim_id, claim_text in ctx.store.claims_disputed_by(statement_id):
            claimed = ctx.store.statements([claim_id])[0]
            claim_terms, answer_terms = statement_terms(ctx.analyzer, [claimed, answer])
            stance = stance_of(claim_terms, answer_terms, answer.text, answer.cue_lemma or "", answer.cue or "", 1.0)
            if stance.stance != "disputes":
                continue
            if claim_id in claims:  # another voice against a claim already listed
                listed = claims[claim_id]
                ctx.store.record_verdict(claim_id, statement_id, listed["claim"], "disputed", listed["why"], now)
                side = _side(plain_speakers(ctx, [answer])[0], "disputes")
                if side not in claims[claim_id]["sides"]:
                    claims[claim_id]["sides"].append(side)
                break
            result = compare_claim(ctx, _answered(ctx, " ".join(claim_text.split()), answer))
            claim = " ".join(claim_text.split())
            ctx.store.record_verdict(claim_id, statement_id, claim, result.verdict, result.why, now)
            if result.verdict != "disputed":  # the judge, reading all the evidence, does not find it disputed
                continue
            plain_claim, plain_answer = plain_speakers(ctx, [claimed, answer])
            sides = [_side(plain_claim, "supports"), _side(plain_answer, "disputes")]
            sides += [
                _side(j.row, j.stance.stance)
                for j in result.judged
                if j.stance.stance in ("supports", "disputes") and j.row.statement_id not in (claim_id, statement_id)
            ]
            claims[claim_id] = {
                "claim": " ".join(claim_text.split()),
                "story": f"/story {' '.join(claim_text.split())}",
                "raised_by": " ".join(sentence.split()),
                "verdict": result.verdict,
                "why": result.why,
                "original_report": result.original_report or claimed.outlet,
                "sides": sides,
                "numbers": result.numbers,
            }
            break
        if len(claims) >= MAX_CLAIMS:
            break
    return list(claims.values())


def new_entities(ctx: Context, article_ids: list[int]) -> list[dict]:
    """People and organisations first named in these articles, each with its best descriptor.

    Args:
        ctx: the request's context.
        article_ids: the window's articles.

    Returns:
        One dict per entity: ``name``, ``type``, ``descriptor`` (the first folded wording, or
        None) and ``first_article_id``.
    """
    entities = []
    for entity_id, name, type_, first_article, _mentions in ctx.store.first_seen_entities(article_ids):
        folded = fold_groups(ctx.store.ranked_descriptors(entity_id))
        entities.append(
            {
                "name": name,
                "type": type_,
                "descriptor": folded[0].text if folded else None,
                "first_article_id": first_article,
            }
        )
    return entities


def build_digest(
    ctx: Context, channel: Channel, since: str | None = None, with_chart: bool = True, after: int | None = None
) -> dict:
    """Everything after article ``after`` (default: the channel's watermark), or ingested since
    ``since``; sends nothing. A poster passes the watermark its window claim read.

    The window is fixed by the article ids read first: an article stored while this runs waits for
    the next digest rather than slipping past the watermark.

    Args:
        ctx: the request's context.
        channel: the channel the digest is for (its watermark, settings and name).
        since: if given, the articles ingested at or after this time (ISO 8601), whatever the
            watermark says.
        with_chart: whether to choose the who-named-whom grid.
        after: the last article already covered; None reads the channel's watermark (or 0 with
            ``since``).

    Returns:
        The digest as data (the JSON output): ``channel``, ``channel_label``, ``since``, ``until``,
        ``after_article_id``, ``until_article_id``, ``articles``, ``new_entities``,
        ``disputed_claims``, ``numbers``, ``anonymous_statements`` and ``chart`` (or None).
    """
    if after is None:
        after = 0 if since else ctx.store.channel_watermark(channel.platform, channel.channel)
    rows = ctx.store.window_articles(after, since)
    article_ids = [r[0] for r in rows]
    entities = new_entities(ctx, article_ids)
    claims = disputed_claims(ctx, article_ids)
    numbers = [n for claim in claims for n in claim["numbers"]]
    until_id = article_ids[-1] if article_ids else after
    grid = None
    if article_ids and with_chart:
        grid = who_named_whom(ctx.store.outlet_mentions(article_ids), str(channel), until_id)
    name = channel.name or ctx.store.channel_settings(channel.platform, channel.channel).get("name")
    return {
        "channel": str(channel),
        "channel_label": Channel(channel.platform, channel.channel, name).label,
        "since": rows[0][5] if rows else since,
        "until": rows[-1][5] if rows else None,
        "after_article_id": after,
        "until_article_id": until_id,
        "articles": [
            {
                "article_id": r[0],
                "outlet": r[1],
                "title": r[2],
                "source": r[3],
                "link": public_link(r[3] if r[3].startswith(("http://", "https://")) else None, r[3]),
                "published": r[4],
            }
            for r in rows
        ],
        "new_entities": entities,
        "disputed_claims": claims,
        "numbers": numbers,
        "anonymous_statements": ctx.store.anonymous_count(article_ids),
        "chart": {"names": grid.rows, "outlets": grid.columns, "counts": grid.counts, "name": grid.name}
        if grid
        else None,
    }


def _grid(chart: dict) -> Grid:
    return Grid(TITLE, chart["name"], chart["names"], chart["outlets"], chart["counts"])


def _side_label(side: dict) -> str:
    """ "Dmitry Peskov in CNN"; "The Wall Street Journal's own report"; "The Wall Street Journal,
    as Fortune cites it"."""
    speaker, outlet = side["speaker"] or "an unnamed source", side["outlet"]
    if not outlet or speaker == outlet:
        return f"{speaker}'s own report" if side["speaker_type"] == "outlet" else speaker
    if side["speaker_type"] == "outlet":
        return f"{speaker}, as {outlet} cites it"
    return f"{speaker} in {outlet}"


def _claim_section(claim: dict) -> Section:
    sides: dict[str, list[str]] = defaultdict(list)
    for side in claim["sides"]:
        sides[side["stance"]].append(_side_label(side))
    lines = []
    for stance, labels in sides.items():
        labels = list(dict.fromkeys(labels))
        lines.append(f"{stance}: {_listed(labels, SIDES_SHOWN)}")
    if claim["original_report"]:
        lines.append(f"reported first by {claim['original_report']}")
    lines.append(f"the story so far: /story {snippet(claim['claim'], STORY_QUERY_CHARS).rstrip('…')}")
    return Section(heading=f"Disputed: “{snippet(claim['claim'], CLAIM_CHARS)}”", text="\n".join(lines))


def _listed(items: list[str], shown: int) -> str:
    more = len(items) - shown
    return "; ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


def digest_reply(data: dict) -> Reply:
    """The digest as a reporter reads it: a day of ten articles in under 3,000 characters; every
    name, claim and figure stays in the JSON (``data``).

    Args:
        data: the digest as ``build_digest`` gives it.

    Returns:
        The reply: a title with the counts, the articles by outlet, new names, disputed claims,
        differing numbers and the grid; "Nothing new since the last digest." with no articles.
    """
    if not data["articles"]:
        return Reply(title="Nothing new since the last digest.", data=data)
    by_outlet: dict[str, int] = defaultdict(int)
    for article in data["articles"]:
        by_outlet[article["outlet"] or "unknown outlet"] += 1
    outlets = sorted(by_outlet.items(), key=lambda pair: (-pair[1], pair[0]))
    dates = sorted(a["published"] for a in data["articles"] if a["published"])
    span = f" ({dates[0]}{f' to {dates[-1]}' if dates[-1] != dates[0] else ''})" if dates else ""
    sections = [
        Section(
            fields=[
                Field("Articles", f"{len(data['articles'])}{span}: " + ", ".join(f"{o} ({n})" for o, n in outlets)),
                Field(
                    "Anonymous sources", plural(data["anonymous_statements"], "statement") + " rest on unnamed sources"
                ),
            ]
        )
    ]
    people = [e for e in data["new_entities"] if e["descriptor"]][:NAMES_SHOWN] or data["new_entities"][:NAMES_SHOWN]
    if people:
        lines = [
            e["name"] + (f", {snippet(e['descriptor'], DESCRIPTOR_CHARS)}" if e["descriptor"] else "") for e in people
        ]
        more = len(data["new_entities"]) - len(people)
        sections.append(Section(heading="New names" + (f" ({more} more)" if more > 0 else ""), text="\n".join(lines)))
    claims = data["disputed_claims"]
    sections += [_claim_section(claim) for claim in claims[:CLAIMS_SHOWN]]
    if len(claims) > CLAIMS_SHOWN:
        sections.append(Section(text=f"{len(claims) - CLAIMS_SHOWN} more disputed claims in the full digest (--json)."))
    for difference in data["numbers"][:NUMBERS_SHOWN]:
        sections.append(
            Section(
                heading=f"Numbers differ: {difference['counts']}",
                text="\n".join(f"“{v['text']}”: {', '.join(v['outlets'])}" for v in difference["variants"]),
            )
        )
    name = data.get("channel_label") or data["channel"]
    return Reply(
        grids=[_grid(data["chart"])] if data.get("chart") else [],
        title=f"Digest for {name}: {plural(len(data['articles']), 'new article')}, "
        f"{plural(len(data['new_entities']), 'new name')}, {plural(len(claims), 'disputed claim')}",
        sections=sections,
        data=data,
    )


# Who holds a channel's window while `newsroom digest --mark-sent` runs (a bot instance uses its id).
MARKING_INSTANCE = "newsroom-digest-cli"
MARKING_LEASE = timedelta(minutes=30)


def digest(ctx: Context, channel: str | None = None, since: str | None = None, mark_sent: bool = False) -> Reply:
    """/digest — what is new since this channel's last digest: articles, new names, disputed claims.

    ``mark_sent`` moves the channel's watermark past them, holding the channel's window meanwhile so
    a digest the bot posts at the same moment cannot cover the same articles.

    Args:
        ctx: the request's context.
        channel: "platform:channel", a bare channel name, or None for the console's.
        since: if given, the articles ingested at or after this time (ISO 8601) instead of those
            after the watermark.
        mark_sent: advance the watermark past the articles shown.

    Returns:
        The digest reply, or an error reply when another digest for the channel is being posted.
    """
    where = Channel.parse(channel)
    if not mark_sent:
        return digest_reply(build_digest(ctx, where, since))
    now = ctx.clock()
    after = ctx.store.claim_window(
        where.platform,
        where.channel,
        MARKING_INSTANCE,
        now.isoformat(timespec="seconds"),
        (now + MARKING_LEASE).isoformat(timespec="seconds"),
    )
    if after is None:
        return Reply.error(messages.DIGEST_BEING_POSTED(where=where))
    until = None
    try:
        data = build_digest(ctx, where, since, after=None if since else after)
        until = data["until_article_id"] if data["articles"] else None
        return digest_reply(data)
    finally:
        done = ctx.now_text()
        ctx.store.release_window(where.platform, where.channel, MARKING_INSTANCE, until, done)
