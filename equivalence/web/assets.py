"""The pages' style and their few scripts: suggestions as one types, another holding row, the roster's
upload with progress. Every script writes text with DOM calls (``textContent``), never as markup.
"""

from __future__ import annotations

from .words import W

CSS = """
body{font:15px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0;color:#111827;background:#f9fafb}
header{background:#1e3a8a;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
header a{color:#fff;text-decoration:none}header a.site{font-weight:700;font-size:1.1rem}
header nav{display:flex;gap:.9rem;flex-wrap:wrap}header .right{margin-left:auto;display:flex;gap:.9rem}
main{max-width:1440px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.4rem 0 .8rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff;margin:.4rem 0}
th,td{border:1px solid #e5e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600;white-space:nowrap}td.nw{white-space:nowrap}td small{color:#6b7280}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0}
label{display:flex;flex-direction:column;font-size:.85rem;color:#374151}
input,select,button{font:inherit;padding:.3rem .45rem;border:1px solid #9ca3af;border-radius:4px}
button{background:#1e3a8a;color:#fff;border:none;padding:.4rem .9rem;cursor:pointer}
.search{position:relative;max-width:640px;display:block}.search input{width:100%;box-sizing:border-box;font-size:1.05rem}
ul.suggest{position:absolute;z-index:5;left:0;right:0;margin:0;padding:0;list-style:none;background:#fff;
border:1px solid #9ca3af;border-top:none;box-shadow:0 4px 10px rgba(0,0,0,.08)}
ul.suggest:empty{display:none}table.fields td:first-child{white-space:nowrap;color:#374151;width:6em}
ul.suggest li a{display:block;padding:.3rem .5rem;color:#111827;text-decoration:none}
ul.suggest li a:hover,ul.suggest li a:focus{background:#e0e7ff}ul.suggest small{color:#6b7280;margin-left:.5rem}
.verdict{font-size:1.15rem;font-weight:700;padding:.5rem .8rem;border-radius:6px;display:inline-block}
.yes{background:#dcfce7;color:#166534}.no{background:#fef3c7;color:#92400e}.never{background:#fee2e2;color:#991b1b}.none{background:#f3f4f6;color:#374151}
.error{background:#fee2e2;color:#991b1b;padding:.6rem .8rem;border-radius:6px}
.muted{color:#6b7280}.twin{font-size:.85rem}.chart{overflow-x:auto;background:#fff;border:1px solid #e5e7eb}
.holds-row{display:flex;gap:.4rem;margin:.2rem 0}fieldset{border:1px solid #d1d5db;background:#fff;margin:.5rem 0}
blockquote{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid #93c5fd;background:#eff6ff}
progress{width:320px}input,select{max-width:100%;box-sizing:border-box}.holds-row input{min-width:0;flex:0 1 auto}fieldset{min-width:0}
form.inline>.search{flex:0 1 36rem}
@media (min-width:641px){.chart svg{max-width:100%;height:auto}}
@media (max-width:640px){
table:not(.fields) thead{display:none}table:not(.fields),table:not(.fields) tbody,table:not(.fields) tr{display:block}
table:not(.fields) tr{border:1px solid #d1d5db;border-radius:6px;margin:.5rem 0;background:#fff}
table:not(.fields) td{display:block;border:none;border-top:1px solid #f3f4f6}table:not(.fields) td:first-child{border-top:none}
table:not(.fields) td[data-label]::before{content:attr(data-label);display:block;font-size:.75rem;color:#6b7280}
table:not(.fields) td:empty{display:none}td,a{overflow-wrap:anywhere}}
"""

# Suggestions as one types: /api/search, rendered with DOM calls (textContent), never as markup.
JS = """
document.querySelectorAll('input[data-suggest]').forEach(function (box) {
  var list = document.getElementById(box.dataset.suggest), timer = null, lang = box.dataset.lang || 'zh';
  box.setAttribute('autocomplete', 'off');
  box.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = box.value.trim();
      if (!text) { list.replaceChildren(); return; }
      fetch('/api/search?limit=8&text=' + encodeURIComponent(text)).then(function (r) { return r.json(); })
        .then(function (answer) {
          if (box.value.trim() !== text) return;
          list.replaceChildren.apply(list, (answer.results || []).map(function (hit) {
            var li = document.createElement('li'), a = document.createElement('a'), small = document.createElement('small');
            var page = hit.kind === 'occupation' ? '/search?text=' : '/lookup?level=';
            a.href = page + encodeURIComponent(hit.kind === 'occupation' ? hit.name : hit.id) + '&lang=' + lang;
            a.textContent = hit.name; small.textContent = hit.context;
            a.appendChild(small); li.appendChild(a); return li;
          }));
        }).catch(function () {});
    }, 120);
  });
});
document.querySelectorAll('button[data-add-hold]').forEach(function (button) {
  button.addEventListener('click', function () {
    var rows = document.getElementById(button.dataset.addHold), last = rows.lastElementChild;
    var copy = last.cloneNode(true);
    copy.querySelectorAll('input').forEach(function (i) { i.value = ''; });
    rows.appendChild(copy);
  });
});
"""


def roster_js(lang: str) -> str:
    """The roster form's script: upload as a job, poll its progress, offer the answered file."""
    import json

    w = W[lang]
    texts = json.dumps({"progress": w["progress"], "rows": w["rows"], "failed": w["failed_rows"], "error": w["error"]},
                       ensure_ascii=False).replace("<", "\\u003c")
    return """
(function () {
  var T = %s, form = document.getElementById('roster-form'), status = document.getElementById('roster-status');
  var bar = document.getElementById('roster-progress'), down = document.getElementById('roster-download');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    down.hidden = true; bar.hidden = false; bar.removeAttribute('value'); status.textContent = T.progress + '…';
    fetch('/api/roster/jobs', {method: 'POST', body: new FormData(form)}).then(function (r) { return r.json(); })
      .then(function poll(job) {
        if (job.error && !job.job) { throw job.error; }
        if (job.total) { bar.max = job.total; bar.value = job.done; }
        status.textContent = T.progress + ' ' + job.done + ' / ' + (job.total || '?') + ' ' + T.rows;
        if (job.state === 'done') {
          bar.max = 1; bar.value = 1; down.href = job.file; down.hidden = false;
          status.textContent = job.total + ' ' + T.rows + (job.failed_rows ? ' · ' + job.failed_rows + ' ' + T.failed : '');
          (job.notes || []).forEach(function (note) {
            var p = document.createElement('small'); p.className = 'muted'; p.textContent = note;
            status.appendChild(document.createElement('br')); status.appendChild(p);
          });
          return;
        }
        if (job.state === 'failed') { throw job.error; }
        return new Promise(function (ok) { setTimeout(ok, 250); })
          .then(function () { return fetch('/api/roster/jobs/' + job.job); }).then(function (r) { return r.json(); }).then(poll);
      }).catch(function (error) {
        bar.hidden = true; status.textContent = T.error + ': ' + ((error && error.message) || error);
      });
  });
})();
""" % texts
