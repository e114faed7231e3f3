"""The one error ingest raises: its message is a short line fit to show a reporter."""


class IngestError(ValueError):
    """Input that cannot become an article (empty, binary, too large, refused, unreachable...)."""
