"""Limits on what a client may send: a request body is at most ``MAX_UPLOAD_BYTES``.

Checked before the body is read (``Content-Length``) and again while it is read (a chunked body
declares no length), so an oversized upload is refused without being held in memory or on disk.
"""

from __future__ import annotations

import json

MAX_UPLOAD_BYTES = 8 * 1024 * 1024  # a roster of ~50,000 rows as CSV; xlsx compresses far more


class TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 with the JSON error shape for a request body over ``limit`` bytes."""

    def __init__(self, app, limit: int = MAX_UPLOAD_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._refuse(send)
        seen, over, refused = 0, False, False

        async def counted():
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    over = True
                    raise TooLarge()  # whatever the app makes of this, its answer is replaced below
            return message

        async def answered(message):
            nonlocal refused
            if not over:
                return await send(message)
            if not refused:  # the app's answer to the broken body becomes the 413
                refused = True
                await self._refuse(send)

        try:
            await self.app(scope, counted, answered)
        except TooLarge:
            if not refused:
                await self._refuse(send)

    async def _refuse(self, send):
        from ..contract import SCHEMA_VERSION

        mb = self.limit // (1024 * 1024)
        body = json.dumps({"schema_version": SCHEMA_VERSION, "error": {
            "type": "too_large", "message": f"the request is larger than {mb} MB", "candidates": []}},
            ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
