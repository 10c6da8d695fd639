"""Building HTML safely: every value is escaped by one helper unless it is already :class:`Html`.

Names, levels, notes and quotes come from layer files anyone may write (an employer's layer), and
search text comes from the request: none of it may become markup. Pages are built from small
templates whose ``{placeholders}`` are filled by :func:`render`, which escapes every value that is
not itself an :class:`Html` fragment built the same way. That is the one rule; nothing here writes
a value into a page any other way.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Html(str):
    """Text that is markup already (built by :func:`render` or :func:`join`): not escaped again."""

    __slots__ = ()


def esc(value) -> Html:
    """``value`` as text inside HTML (element content or a quoted attribute); ``None`` is empty.

    >>> esc('"><img src=x onerror=alert(1)>')
    '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
    >>> esc(Html("<b>kept</b>"))
    '<b>kept</b>'
    """
    if isinstance(value, Html):
        return value
    return Html(html.escape("" if value is None else str(value), quote=True))


def render(template: str, **values) -> Html:
    """``template`` with each ``{name}`` replaced by the escaped ``values[name]``.

    >>> render('<a href="{href}">{text}</a>', href="/lookup?level=a&b", text="<script>")
    '<a href="/lookup?level=a&amp;b">&lt;script&gt;</a>'
    """
    return Html(template.format(**{k: esc(v) for k, v in values.items()}))


def join(parts, sep: str = "") -> Html:
    """Fragments joined; plain strings among them are escaped."""
    return Html(esc(sep).join(esc(p) for p in parts))


def url(path: str, **query) -> str:
    """``path`` with a query string of the non-empty values (a list gives the key once per value).

    >>> url("/lookup", level="技师", to=["eng", "tier"], include_derived=False)
    '/lookup?level=%E6%8A%80%E5%B8%88&to=eng&to=tier'
    """
    pairs = []
    for key, value in query.items():
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if v is not None and v != "" and v is not False:
                pairs.append((key, "1" if v is True else str(v)))
    return path + ("?" + urlencode(pairs) if pairs else "")


def link(href: str, text) -> Html:
    return render('<a href="{href}">{text}</a>', href=href, text=text)


def table(headers: list | None, rows: list[list], cls: str = "") -> Html:
    """A table (``headers`` None: a field/value table without a heading row); each cell is escaped
    unless it is :class:`Html`."""
    head = join(render("<th>{h}</th>", h=h) for h in headers or [])
    labels = [str(h) for h in headers] if headers else []

    def cell(c, i: int) -> Html:  # a date is never broken across lines
        # each cell names its column (data-label): on a phone a row is shown as a card (see assets.CSS)
        label = render(' data-label="{h}"', h=labels[i]) if i < len(labels) else Html("")
        if isinstance(c, str) and not isinstance(c, Html) and _DATE.fullmatch(c):
            return render('<td class="nw"{label}>{c}</td>', label=label, c=c)
        return render("<td{label}>{c}</td>", label=label, c=c)

    body = join(Html("<tr>" + join(cell(c, i) for i, c in enumerate(row)) + "</tr>") for row in rows)
    thead = render("<thead><tr>{head}</tr></thead>", head=head) if headers else Html("")
    return render('<table class="{cls}">{thead}<tbody>{body}</tbody></table>', cls=cls, thead=thead, body=body)
