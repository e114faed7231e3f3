from ingest.urls import canonical_url, find_urls, is_url


def test_canonical_url_folds_what_does_not_name_a_different_page():
    assert canonical_url("HTTPS://www.WSJ.com:443/world/story/?utm_source=tw&id=3#comments") == (
        "https://wsj.com/world/story?id=3"
    )
    assert canonical_url("http://example.com:8080//a//b/") == "http://example.com:8080/a/b"


def test_urls_in_chat_text():
    assert find_urls("read this <https://a.example/x>, and https://b.example/y.") == [
        "https://a.example/x",
        "https://b.example/y",
    ]
    assert is_url(" https://a.example ") and not is_url("see https://a.example")
