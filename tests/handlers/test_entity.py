"""Reporters' corrections persist, and later ingests respect them."""

from handlers import entity
from handlers.ingest import IngestRequest, ingest
from handlers.who import who

FIRST = "Kremlin spokesman Dmitry Peskov said there had been one call. Peskov declined to say more."
SECOND = "Dmitri Peskov denied the report on Friday. Peskov called it false, Dmitri Peskov said."
THIRD = "Anna Peskov, a figure skater, won the cup. Peskov thanked her coach."


def paste(ctx, text: str) -> None:
    assert ingest(ctx, [IngestRequest("pasted", text=text)]).data["new"] == 1


def entity_of(ctx, name: str) -> dict | None:
    return who(ctx, name).data["entity"]


def test_spelling_variants_join_and_a_different_peskov_stays_apart(ctx):
    paste(ctx, FIRST)
    paste(ctx, SECOND)
    paste(ctx, THIRD)
    dmitry = entity_of(ctx, "Dmitry Peskov")
    assert entity_of(ctx, "Dmitri Peskov")["id"] == dmitry["id"]
    assert entity_of(ctx, "Anna Peskov")["id"] != dmitry["id"]
    reasons = {r["alias"]: r["reason"] for r in dmitry["merge_reasons"]}
    assert reasons["Dmitri Peskov"].startswith("spelling variant of Dmitry Peskov")


def test_split_persists_and_later_articles_respect_it(ctx):
    paste(ctx, FIRST)
    paste(ctx, SECOND)
    reply = entity.split(ctx, "Dmitry Peskov", "Dmitri Peskov")
    assert reply.ok, reply.title
    apart = reply.data["new_entity_id"]
    assert entity_of(ctx, "Dmitri Peskov")["id"] == apart
    paste(ctx, "Dmitri Peskov spoke again on Monday, and Dmitry Peskov did too.")
    assert entity_of(ctx, "Dmitri Peskov")["id"] == apart
    assert entity_of(ctx, "Dmitry Peskov")["id"] != apart


def test_merge_and_rename_persist(ctx):
    paste(ctx, "Volodymyr Zelensky spoke in Kyiv on Monday about the war.")
    paste(ctx, "Volodymyr Zelenskyy travelled to Washington on Tuesday for talks.")
    first, second = entity_of(ctx, "Volodymyr Zelensky"), entity_of(ctx, "Volodymyr Zelenskyy")
    if first["id"] != second["id"]:
        assert entity.merge(ctx, "Volodymyr Zelensky", "Volodymyr Zelenskyy").ok
    assert entity_of(ctx, "Volodymyr Zelenskyy")["id"] == entity_of(ctx, "Volodymyr Zelensky")["id"]
    assert entity.rename(ctx, "Zelensky", "Volodymyr Zelenskyy").ok
    paste(ctx, "Zelensky met President Volodymyr Zelensky's advisers in Kyiv on Friday.")
    assert entity_of(ctx, "Zelensky")["name"] == "Volodymyr Zelenskyy"


def test_corrections_name_the_entity_clearly(ctx):
    paste(ctx, FIRST)
    assert entity.merge(ctx, "Nobody Atall", "Dmitry Peskov").title == "Nobody named “Nobody Atall”. [H024]"
    assert not entity.split(ctx, "Dmitry Peskov", "Sergei Lavrov").ok
    assert not entity.merge(ctx, "Dmitry Peskov", "Peskov").ok  # already one entity


WHO_TEXT = (
    "The World Health Organization (WHO) said on Monday that cholera cases had doubled. "
    "WHO officials in Geneva asked donors for more money, and the WHO expects more cases."
)
WEEKS = [
    "Tony Weeks stopped the fight in the ninth round. Tony Weeks said the boxer could not defend himself.",
    "Referee Tony Weeks waved it off after a barrage of punches in Las Vegas on Saturday night.",
]


def test_names_a_reporter_would_type_find_the_entity_in_any_case(ctx):
    paste(ctx, WHO_TEXT)
    for query in ("WHO", "who", "World Health Organization", "world health organization"):
        found = entity_of(ctx, query)
        assert found is not None and found["name"] == "World Health Organization", query


def test_the_name_stays_the_full_form_the_articles_use_most(ctx):
    for text in WEEKS:
        paste(ctx, text)
    assert entity_of(ctx, "Weeks")["name"] == "Tony Weeks"


def test_credentials_make_no_fuller_name(ctx):
    paste(ctx, "Regina Benjamin runs a rural clinic in Alabama. Benjamin was nominated on Monday.")
    paste(ctx, "Regina Benjamin, MD, was honoured in Alabama. Staff cheered Regina Benjamin, MD, at the clinic.")
    paste(ctx, "Regina Benjamin, MD, spoke in Alabama on Friday. Benjamin thanked the nurses.")
    found = entity_of(ctx, "Regina Benjamin, MD")
    assert found is not None and found["name"] == "Regina Benjamin"
    assert entity_of(ctx, "Benjamin")["id"] == found["id"]


def test_british_and_american_spellings_of_one_organisation_join(ctx):
    paste(ctx, "The World Health Organization declared an emergency on Monday in Geneva. Officials agreed.")
    paste(ctx, "The World Health Organisation said on Tuesday in Geneva that the emergency would last.")
    found = entity_of(ctx, "World Health Organization")
    assert entity_of(ctx, "World Health Organisation")["id"] == found["id"]
