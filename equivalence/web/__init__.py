"""``equivalence serve``: the answers of the command line as web pages and as an HTTP API.

Every endpoint calls the library function that builds the CLI's ``--format json`` answer
(:mod:`equivalence.api`, :mod:`equivalence.rosterrun`) and either returns it as JSON (``/api/...``)
or renders it as a page (same path without ``/api``, same query string). Nothing here decides an
answer. Imported only by the ``serve`` command and its tests: the web stack (FastAPI, uvicorn) is the
optional extra ``equivalence[web]`` and never loads on the query path of the command line.
"""
