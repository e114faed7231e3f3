"""A Datasette plugin for `newsroom browse`: a request that could write is refused with 405, before routing.

The browser only reads. Datasette 0.65 has no write routes, so ``POST …/articles/1/-/delete`` fell
through to its not-found page, whose handler failed outside an ``except`` block (it asks Rich to
print the exception there) and answered 500. Only GET, HEAD and OPTIONS reach Datasette now; any
other method is answered here with 405, the methods allowed, and one line saying why.
A module of its own because Datasette registers plugins as modules."""

from __future__ import annotations

from datasette import hookimpl

READ_METHODS = ("GET", "HEAD", "OPTIONS")
REFUSAL = b"The newsroom store is read-only in the browser; corrections are made in chat or with `newsroom entity`.\n"


@hookimpl
def asgi_wrapper(datasette):  # noqa: ANN001, ANN201 - Datasette's hook
    def wrap(app):  # noqa: ANN001, ANN202
        async def read_only(scope, receive, send):  # noqa: ANN001, ANN202
            if scope["type"] != "http" or scope["method"] in READ_METHODS:
                await app(scope, receive, send)
                return
            headers = [(b"allow", ", ".join(READ_METHODS).encode()), (b"content-type", b"text/plain; charset=utf-8")]
            await send({"type": "http.response.start", "status": 405, "headers": headers})
            await send({"type": "http.response.body", "body": REFUSAL})

        return read_only

    return wrap
