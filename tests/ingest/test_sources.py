"""Where articles come from: links we do not fetch are named, not mistaken for file names."""

import pytest

from ingest import FetchPolicy, IngestError
from ingest.sources import load_source


@pytest.mark.parametrize("link", ["file:///etc/passwd", "ftp://example.org/story.txt", "FTP://x/y", "gopher://a"])
def test_an_unsupported_scheme_is_named(link):
    with pytest.raises(IngestError, match=r"links are not supported") as refused:
        load_source(link, FetchPolicy())
    assert link.split(":")[0].lower() in str(refused.value)


def test_a_missing_file_is_still_no_such_file(tmp_path):
    with pytest.raises(IngestError, match="No such file"):
        load_source(str(tmp_path / "nothing.txt"), FetchPolicy())
