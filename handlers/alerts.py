"""Watch alerts: what each watcher on a platform has not yet been told, one message per watcher.

Each alert is claimed in the store before it is built into a message (a sighting by its (watch,
article) row, a claim's new verdict by a conditional update), so of all the instances sharing the
database exactly one tells it. A message the platform did not take is released with ``release``
and told at the next delivery.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.compare import compare_claim
from handlers.context import Context
from handlers.reply import Reply, Section
from handlers.statements import cite, statement_citation
from handlers.wording import plural
from store.records import Sighting, WatchRow

EVIDENCE_SHOWN = 3  # statements from the new articles cited under a changed verdict
DECIDING_STANCE = {"disputed": "disputes", "supported": "supports", "unverified": "unverified"}


@dataclass(frozen=True)
class VerdictChange:
    """A claim's new verdict as claimed in the store, with what to restore if it is not delivered."""

    watch_id: int
    told: str | None  # the verdict the watcher had heard
    checked: int  # the newest article it had been judged on
    verdict: str
    article_id: int  # the new article with the deciding evidence


@dataclass
class Alert:
    """One private message to one watcher, and what it claimed (to release if it is not delivered)."""

    user: str
    sections: list[Section] = field(default_factory=list)
    sightings: list[tuple[int, int]] = field(default_factory=list)  # (watch id, article id)
    changes: list[VerdictChange] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def add(self, line: str, section: Section) -> None:
        """Add one item (a sighting or a verdict change) to the message.

        Args:
            line: the item in one line, for the title and ``data``.
            section: the item as the message shows it, with its citations.
        """
        self.lines.append(line)
        self.sections.append(section)

    @property
    def reply(self) -> Reply:
        """The message as a Reply: its one item as the title, or a count of the new items."""
        title = self.lines[0] if len(self.lines) == 1 else f"Your watchlist: {plural(len(self.lines), 'new item')}"
        return Reply(
            title=title,
            sections=self.sections,
            footer="/watching lists what you watch; /unwatch N stops one.",
            data={"alerts": self.lines},
        )


def _sighting_section(sighting: Sighting) -> tuple[str, Section]:
    outlet = f" {sighting.outlet}" if sighting.outlet else ""
    line = f"{sighting.name} is named in a new{outlet} article"
    return line, Section(heading=line, citations=[cite(sighting)])


def _claim_change(
    ctx: Context, watch: WatchRow, newest: int, instance: str
) -> tuple[VerdictChange, Section, str] | None:
    """The claim's new verdict, when the articles since it was last judged changed it."""
    result = compare_claim(ctx, watch.query)
    if result.verdict == watch.verdict:
        ctx.store.mark_checked(watch.id, newest)
        return None
    fresh = [j for j in result.judged if j.row.article_id > watch.checked_article_id]
    deciding = [j for j in fresh if j.stance.stance == DECIDING_STANCE.get(result.verdict)] or fresh
    article_id = deciding[0].row.article_id if deciding else newest
    if not ctx.store.change_verdict(watch.id, watch.verdict, result.verdict, newest):
        return None  # another instance told it first
    ctx.store.claim_alert(watch.id, article_id, instance, ctx.now_text())
    was = f" (was {watch.verdict})" if watch.verdict else ""
    line = f"“{watch.query}” is now {result.verdict}{was}"
    section = Section(
        heading=line,
        text=result.why,
        citations=[statement_citation(j.row, j.stance.why) for j in deciding[:EVIDENCE_SHOWN]],
    )
    change = VerdictChange(watch.id, watch.verdict, watch.checked_article_id, result.verdict, article_id)
    return change, section, line


def collect_alerts(ctx: Context, platform: str, instance: str) -> list[Alert]:
    """Claim and build every alert due to watchers on ``platform``, one Alert per watcher.

    Sightings are claimed by their (watch, article) row; a watched claim is judged again only when
    articles came after its last check, and its new verdict is claimed by a conditional update.

    Args:
        ctx: the store, the analyzer and the judging models.
        platform: the platform whose watchers are alerted.
        instance: this process's instance id, recorded with each claim.

    Returns:
        The alerts this instance must send; empty when nothing is due or others claimed it all.
    """
    alerts: dict[str, Alert] = {}
    now = ctx.now_text()
    for sighting in ctx.store.sightings(platform):
        if ctx.store.claim_alert(sighting.watch_id, sighting.article_id, instance, now):
            alert = alerts.setdefault(sighting.user, Alert(sighting.user))
            alert.add(*_sighting_section(sighting))
            alert.sightings.append((sighting.watch_id, sighting.article_id))
    newest = ctx.store.newest_article_id()
    for watch in ctx.store.claim_watches(platform):
        if watch.checked_article_id >= newest:
            continue
        changed = _claim_change(ctx, watch, newest, instance)
        if changed is not None:
            change, section, line = changed
            alert = alerts.setdefault(watch.user, Alert(watch.user))
            alert.add(line, section)
            alert.changes.append(change)
    return list(alerts.values())


def release(ctx: Context, alert: Alert, instance: str) -> None:
    """An alert the platform did not take: claimable again, told at the next delivery.

    Its sightings are released and each verdict change is undone, back to what the watcher heard.

    Args:
        ctx: the store.
        alert: the alert not delivered.
        instance: the instance that claimed it.
    """
    ctx.store.release_alerts(alert.sightings, instance)
    for change in alert.changes:
        ctx.store.release_alerts([(change.watch_id, change.article_id)], instance)
        ctx.store.undo_verdict(change.watch_id, change.verdict, change.told, change.checked)
