from handlers.descriptors import fold_descriptors


def test_near_duplicates_fold_keeping_the_fuller_wording_and_every_outlet():
    folded = fold_descriptors(
        [
            ("Kremlin spokesman", "WSJ", 1),
            ("Kremlin Spokesman", "CNN", 3),
            ("Putin spokesman", "Fortune", 2),
            ("founder of consulting firm Eurasia Group", "WSJ", 1),
            ("founder of New York-based consulting firm Eurasia Group", "Fortune", 2),
        ]
    )
    assert [(d.text, d.outlets) for d in folded] == [
        ("founder of New York-based consulting firm Eurasia Group", ["WSJ", "Fortune"]),
        ("Kremlin spokesman", ["WSJ", "CNN"]),
        ("Putin spokesman", ["Fortune"]),
    ]


def test_the_wording_most_articles_use_leads_over_a_longer_one_used_once():
    rows = [("Associated Press update", "FNC-1", 7)] + [("President", "FNC-1", n) for n in range(1, 5)]
    assert [d.text for d in fold_descriptors(rows)] == ["President", "Associated Press update"]
