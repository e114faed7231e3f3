from handlers.digest import build_digest
from handlers.disputes import judge_new_articles
from handlers.values import Channel


def _disputed_view(ctx) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(r[0], r[1]) for r in ctx.store.db.execute("SELECT denied_by, denial_outlet FROM disputed_claims")}


def test_the_browsers_disputed_claims_are_the_digests(seeded_ctx):
    assert judge_new_articles(seeded_ctx) == 3
    view = _disputed_view(seeded_ctx)
    assert ("Dmitry Peskov", "CNN") in view  # his denial, which /compare and the digest show
    digest = build_digest(seeded_ctx, Channel("console", "console"), with_chart=False)
    said = {
        (s["speaker"], s["outlet"]) for c in digest["disputed_claims"] for s in c["sides"] if s["stance"] == "disputes"
    }
    assert view <= said | {(d, o) for d, o in view if d is None}
    assert judge_new_articles(seeded_ctx) == 0  # nothing new since


def test_a_claim_the_judge_does_not_find_disputed_stays_out_of_the_view(seeded_ctx):
    judge_new_articles(seeded_ctx)

    def verdicts() -> dict[tuple[int, int], str]:
        rows = seeded_ctx.store.db.execute("SELECT claim_id, denial_id, verdict FROM claim_verdicts")
        return {(c, d): v for c, d, v in rows}

    def listed() -> set[tuple[int, int]]:
        return {(c, d) for c, d in seeded_ctx.store.db.execute("SELECT claim_id, denial_id FROM disputed_claims")}

    assert listed() == {pair for pair, verdict in verdicts().items() if verdict == "disputed"}
    claim_id, denial_id = sorted(listed())[0]
    # the judge reads the pair again and no longer finds it disputed (say, a later article confirms it)
    seeded_ctx.store.record_verdict(claim_id, denial_id, "the claim", "supported", "Supported by …", "2026-01-01")
    assert (claim_id, denial_id) not in listed()
    assert listed() == {pair for pair, verdict in verdicts().items() if verdict == "disputed"}
