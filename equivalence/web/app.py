"""The ASGI application of ``equivalence serve`` (FastAPI): ``/api/NAME`` answers as JSON, ``/NAME``
renders the same answer as a page, both with one query string; ``/openapi.json`` documents the API.

Errors are the CLI's JSON errors (``{"schema_version", "error": {"type", "message", "candidates"}}``)
or a page saying the same; an unexpected failure is logged and answered as an ``internal`` error,
never with a traceback.
"""

# (no "from __future__ import annotations": FastAPI reads the parameter models from the annotations)

import logging
import threading
from typing import Annotated

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..contract import SCHEMA_VERSION, error_payload
from ..errors import EquivalenceError, MappingErrors, one_line
from ..messages import render
from . import answers, pages
from .limits import MAX_UPLOAD_BYTES, BodyLimit
from .rosterjobs import BusyError, RosterJobs

log = logging.getLogger("equivalence.web")

REGISTRIES_KEPT = 40  # the national rules, each province's and a few more: bounded memory


class Registries:
    """The registry of the server's mappings and layers, and one per region asked for (loaded once).

    Queries run one at a time under ``lock``: the library is CPU-bound Python (the GIL allows no
    more), and its lazily built parts need no locking of their own this way.
    """

    def __init__(self, mappings=None, region=None, layers=()):
        from ..registry import Registry

        self.mappings, self.region, self.layers = mappings, region, list(layers)
        self.lock = threading.RLock()
        self._loaded = {region: Registry.load(mappings, region=region, layers=self.layers)}

    def get(self, region: str | None):
        from ..registry import Registry

        key = region or self.region
        with self.lock:
            if key not in self._loaded:
                if len(self._loaded) >= REGISTRIES_KEPT:
                    self._loaded.pop(next(k for k in self._loaded if k != self.region))
                self._loaded[key] = Registry.load(self.mappings, region=key, layers=self.layers)
            return self._loaded[key]


class NotFoundError(Exception):
    """No such page or endpoint (JSON error type ``not_found``)."""


class HttpError(Exception):
    """A request HTTP itself refuses (method, size): JSON error type ``http``."""


class InternalError(Exception):
    """What went wrong unexpectedly is in the server's log, not in the answer: type ``internal``."""


def status_of(exc: BaseException) -> int:
    if isinstance(exc, answers.UsageError):
        return 400
    if isinstance(exc, BusyError):
        return 503
    if isinstance(exc, LookupError):  # unknown or ambiguous level, ladder, rule
        return 404
    return 422 if isinstance(exc, EquivalenceError) else 500


def message_of(exc: BaseException, lang: str) -> str:
    """The error in the request's language, as the command line says it under --lang."""
    from ..messages import message, render

    if isinstance(exc, MappingErrors):  # the first problem, without the command line's 'run validate'
        return one_line(render("mappings_invalid", {"first": ("mapping_line", exc.errors[0].params), "more": ("", {})},
                               lang))
    return one_line(message(exc, lang))


def lang_of(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "zh"


def create_app(*, mappings=None, region: str | None = None, layers=()) -> FastAPI:
    """The application over the shipped mappings (or ``mappings``), with ``region`` and ``layers``
    on top as ``equivalence --region … --layer …`` has them."""
    regs = Registries(mappings, region, layers)
    jobs = RosterJobs()
    app = FastAPI(title="equivalence", version=__version__, docs_url="/api/docs", redoc_url=None,
                  openapi_url="/openapi.json",
                  description="The answers of the `equivalence` command line over HTTP: each `/api/NAME` returns "
                              "what `equivalence NAME --format json` prints (schema_version " + SCHEMA_VERSION + ").")
    app.add_middleware(BodyLimit, limit=MAX_UPLOAD_BYTES)
    app.state.registries, app.state.jobs = regs, jobs

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    def failure(request: Request, exc: BaseException, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse(error_payload(exc, message), status_code=status)
        lang = lang_of(request)
        bad = (getattr(exc, "params", None) or {}).get("name")
        text = pages.error_page(request, error_payload(exc, message)["error"], lang, bad if isinstance(bad, str) else None)
        return HTMLResponse(text, status_code=status, headers=pages.page_headers(request))

    @app.exception_handler(EquivalenceError)
    async def on_domain_error(request: Request, exc: EquivalenceError):
        return failure(request, exc, status_of(exc), message_of(exc, lang_of(request)))

    @app.exception_handler(RequestValidationError)
    async def on_bad_request(request: Request, exc: RequestValidationError):
        parts = [f"{'.'.join(str(x) for x in e['loc'][1:]) or 'request'}: {e['msg']}" for e in exc.errors()]
        message = "invalid " + "; ".join(parts)
        if not wants_json(request) and lang_of(request) == "zh":  # a page says it in its language: field and value
            message = "；".join(render("usage_invalid_value", {"name": ".".join(str(x) for x in e["loc"][1:]) or "请求",
                                                               "reason": f"'{e.get('input', '')}'"}, "zh")
                               for e in exc.errors())
        return failure(request, answers.UsageError("; ".join(parts)), 400, one_line(message))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException):
        error = (NotFoundError if exc.status_code == 404 else HttpError)(str(exc.detail))
        detail = str(exc.detail)
        if exc.status_code == 404 and not wants_json(request):  # a page in its language (the API keeps HTTP's words)
            detail = pages.words(lang_of(request))["not_found"]
        return failure(request, error, exc.status_code, one_line(detail))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception):
        log.exception("unexpected failure on %s", request.url.path)
        return failure(request, InternalError(), 500, "internal error (logged on the server)")

    def answer(name: str, params):
        function = answers.QUESTIONS[name][0]
        reg = regs.get(params.region)
        with regs.lock:
            return function(reg, params)

    # -- the API: one GET per question of the CLI, and POST with a JSON body where one fits ------------
    from ..schemas import models

    def api_route(name: str):
        function, model, schema = answers.QUESTIONS[name]
        documented = {200: {"model": getattr(models, schema)}, 400: {"model": models.Error},
                      404: {"model": models.Error}, 422: {"model": models.Error}}
        summary = f"equivalence {name} --format json"

        def get(params: Annotated[model, Query()]):  # noqa: B008 - FastAPI's idiom
            return JSONResponse(answer(name, params))

        app.get(f"/api/{name}", responses=documented, summary=summary, tags=["questions"])(get)
        if issubclass(model, answers.WorkerParams):
            def post(params: model):
                return JSONResponse(answer(name, params))

            app.post(f"/api/{name}", responses=documented, summary=summary + " (worker as a JSON body)",
                     tags=["questions"])(post)

    for question in answers.QUESTIONS:
        api_route(question)

    @app.get("/api/chart", tags=["questions"], summary="equivalence chart -o chart.svg",
             responses={200: {"content": {"image/svg+xml": {}}}})
    def api_chart(params: Annotated[answers.ChartParams, Query()]):
        reg = regs.get(params.region)
        with regs.lock:
            return Response(answers.chart(reg, params), media_type="image/svg+xml")

    @app.get("/api/schema/{name}", tags=["contract"], summary="equivalence schema NAME")
    def api_schema(name: str):
        from ..schemas import schema_text

        text = schema_text(name)
        if text is None:
            from ..schemas import names

            raise answers.UsageError(f"no schema '{name}' (one of: {', '.join(names())})")
        return Response(text, media_type="application/schema+json")

    # -- roster: a file in, the answered file out (directly, or as a job whose progress can be asked) --
    class RosterForm(BaseModel):
        """The roster command's options, as form fields beside the file."""

        to: list[str] = Field([], description="Add a to:LADDER column per ladder (roster --to).")
        as_of: str | None = None
        columns: str | None = Field(None, description="FIELD=COLUMN,… as roster --columns (holds=证书,education=学历).")
        excel: bool = Field(False, description="CSV with a byte-order mark and CRLF (roster --excel).")
        lang: answers.Lang = "zh"
        region: str | None = None

    def roster_options(form: RosterForm) -> dict:
        from ..rostercolumns import parse_overrides

        try:
            columns = parse_overrides(form.columns or None)
        except ValueError as exc:
            raise answers.UsageError(f"invalid columns: {exc}") from None
        return {"reg": regs.get(form.region or None), "to": [t for t in form.to if t], "as_of": answers.date(form.as_of),
                "columns": columns, "excel": form.excel, "lang": form.lang}

    @app.post("/api/roster", tags=["roster"], summary="equivalence roster FILE -o answers (same format)",
              responses={200: {"content": {"text/csv": {}, "application/octet-stream": {}}}})
    async def api_roster(file: Annotated[UploadFile, File()], form: Annotated[RosterForm, Form()]):
        data = await jobs.read_upload(file)
        options = roster_options(form)
        from starlette.concurrency import run_in_threadpool

        done = await run_in_threadpool(jobs.run_now, data, file.filename, options, regs.lock)
        return jobs.download(done)

    @app.post("/api/roster/jobs", tags=["roster"], summary="start answering a roster; poll its progress")
    async def api_roster_job(file: Annotated[UploadFile, File()], form: Annotated[RosterForm, Form()]):
        data = await jobs.read_upload(file)
        job = jobs.start(data, file.filename, roster_options(form), regs.lock)
        return JSONResponse(job.status(), status_code=202)

    @app.get("/api/roster/jobs/{job_id}", tags=["roster"], summary="a roster job's progress")
    def api_roster_status(job_id: str):
        return JSONResponse(jobs.get(job_id).status())

    @app.get("/api/roster/jobs/{job_id}/file", tags=["roster"], summary="a finished roster job's answered file")
    def api_roster_file(job_id: str):
        return jobs.download(jobs.get(job_id))

    # -- pages: the same answers, rendered; the query string is the state (shareable URLs) -------------
    def page(name: str, model, renderer):
        def get(request: Request, params: Annotated[model, Query()]):
            with regs.lock:
                text = renderer(request, regs.get(params.region), params)
            return HTMLResponse(text, headers=pages.page_headers(request))

        app.get("/" if name == "home" else f"/{name}", response_class=HTMLResponse, include_in_schema=False)(get)

    for name, (model, renderer) in pages.PAGES.items():
        page(name, model, renderer)

    @app.get("/chart", response_class=HTMLResponse, include_in_schema=False)
    def chart_page(request: Request, params: Annotated[answers.ChartParams, Query()]):
        with regs.lock:
            text = pages.chart_page(request, regs.get(params.region), params)
        return HTMLResponse(text, headers=pages.page_headers(request))

    @app.get("/roster", response_class=HTMLResponse, include_in_schema=False)
    def roster_page(request: Request, params: Annotated[answers.Params, Query()]):
        return HTMLResponse(pages.roster_page(request, params), headers=pages.page_headers(request))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    return app
