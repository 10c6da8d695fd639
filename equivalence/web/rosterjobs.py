"""Rosters uploaded to the web page: answered by :func:`equivalence.rosterrun.answer_roster` (what the
``roster`` command calls), directly or as a job whose progress the page polls.

An upload is held in memory (at most ``MAX_UPLOAD_BYTES``), written for the reader into a private
scratch folder (``tempfile.mkdtemp``: mode 0700, a random name) under a fixed name whose suffix says
only the format, and the folder is removed when the answer is made. The name the client gave is used
for nothing but telling the format; the answered file is returned in the same format.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field

from ..errors import EquivalenceError
from .answers import UsageError
from .limits import MAX_UPLOAD_BYTES

JOBS_KEPT = 20  # finished answers kept for download, oldest dropped first
JOBS_RUNNING = 2  # at most this many rosters answered at once
KEPT_SECONDS = 30 * 60
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class BusyError(EquivalenceError):
    """As many rosters as allowed are being answered (HTTP 503: try again shortly)."""


class UnknownJobError(EquivalenceError, LookupError):
    """No roster job of that id (finished long ago, or never started)."""


@dataclass
class RosterJob:
    id: str
    fmt: str
    state: str = "queued"  # queued, running, done, failed
    done: int = 0
    total: int = 0
    failed_rows: int = 0
    error: dict | None = None
    http_status: int = 200  # of the download: the error's status when the job failed
    result: bytes = b""
    notes: list[str] = field(default_factory=list)
    finished: float = 0.0

    def status(self) -> dict:
        from ..contract import SCHEMA_VERSION

        return {"schema_version": SCHEMA_VERSION, "job": self.id, "state": self.state, "done": self.done,
                "total": self.total, "failed_rows": self.failed_rows, "error": self.error, "notes": self.notes,
                "file": f"/api/roster/jobs/{self.id}/file" if self.state == "done" else None}


def format_of_upload(filename: str | None, data: bytes) -> str:
    """csv, xlsx or jsonl: by the upload's suffix, else by its first bytes (an xlsx is a zip)."""
    from ..rosterio import FORMATS

    suffix = os.path.splitext(filename or "")[1].lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    return "xlsx" if data[:2] == b"PK" else "csv"


class RosterJobs:
    def __init__(self):
        self._jobs: dict[str, RosterJob] = {}
        self._guard = threading.Lock()

    async def read_upload(self, upload) -> bytes:
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise UsageError(f"the roster is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        if not data:
            raise UsageError("the roster file is empty")
        return data

    def _new(self, filename: str | None, data: bytes) -> RosterJob:
        job = RosterJob(secrets.token_urlsafe(16), format_of_upload(filename, data))
        with self._guard:
            now = time.time()
            for old in [j for j in self._jobs.values() if j.finished and now - j.finished > KEPT_SECONDS]:
                del self._jobs[old.id]
            if sum(1 for j in self._jobs.values() if not j.finished) >= JOBS_RUNNING:
                raise BusyError(f"{JOBS_RUNNING} rosters are being answered; try again in a moment")
            while len(self._jobs) >= JOBS_KEPT:
                oldest = min((j for j in self._jobs.values() if j.finished), key=lambda j: j.finished)
                del self._jobs[oldest.id]
            self._jobs[job.id] = job
        return job

    def _run(self, job: RosterJob, data: bytes, options: dict, lock) -> RosterJob:
        from ..contract import error_payload
        from ..rosterio import write_table
        from ..rosterrun import answer_roster

        job.state = "running"
        scratch = tempfile.mkdtemp(prefix="equivalence-roster-")
        try:
            source = os.path.join(scratch, "roster." + job.fmt)
            with open(source, "wb") as fh:
                fh.write(data)

            def progress(done: int, total: int) -> None:
                job.done, job.total = done, total

            reg, excel = options["reg"], options.get("excel", False)
            with lock:
                answer = answer_roster(reg, source, to=options["to"], as_of=options["as_of"], lang=options["lang"],
                                       columns=options.get("columns"), progress=progress, name="the roster")
                target = os.path.join(scratch, "answers." + job.fmt)
                write_table(target, answer.header, answer.rows, excel=excel)
            with open(target, "rb") as fh:
                job.result = fh.read()
            job.failed_rows, job.notes, job.done, job.total = answer.failed, answer.notes, len(answer.rows), len(answer.rows)
            job.state = "done"
        except EquivalenceError as exc:
            from ..errors import one_line
            from ..messages import message

            job.error = error_payload(exc, one_line(message(exc, options["lang"])))["error"]
            job.state = "failed"
            job.http_status = 400 if isinstance(exc, UsageError) else 404 if isinstance(exc, LookupError) else 422
        except Exception:  # noqa: BLE001 - a job's failure is its state, logged, never a traceback to the client
            import logging

            logging.getLogger("equivalence.web").exception("roster job %s failed", job.id)
            job.error = {"type": "internal", "message": "internal error (logged on the server)", "candidates": []}
            job.state, job.http_status = "failed", 500
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            job.finished = time.time()
        return job

    def run_now(self, data: bytes, filename: str | None, options: dict, lock) -> RosterJob:
        job = self._run(self._new(filename, data), data, options, lock)
        with self._guard:
            self._jobs.pop(job.id, None)  # answered in this request: nothing to keep
        return job

    def start(self, data: bytes, filename: str | None, options: dict, lock) -> RosterJob:
        job = self._new(filename, data)
        threading.Thread(target=self._run, args=(job, data, options, lock), daemon=True,
                         name=f"roster-{job.id[:6]}").start()
        return job

    def get(self, job_id: str) -> RosterJob:
        job = self._jobs.get(job_id)
        if job is None:
            raise UnknownJobError("no such roster job (answers are kept 30 minutes)")
        return job

    def download(self, job: RosterJob):
        from fastapi.responses import JSONResponse, Response

        if job.state == "failed":
            from ..contract import SCHEMA_VERSION

            return JSONResponse({"schema_version": SCHEMA_VERSION, "error": job.error}, status_code=job.http_status)
        if job.state != "done":
            raise UsageError("the roster is not answered yet")
        headers = {"Content-Disposition": f'attachment; filename="answers.{job.fmt}"',
                   "X-Failed-Rows": str(job.failed_rows), "X-Rows": str(job.total)}
        return Response(job.result, media_type=MEDIA[job.fmt], headers=headers)
