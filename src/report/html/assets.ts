/**
 * The report's only style sheet and script, inlined and allowed by hash in the page's Content-Security-Policy.
 * The script is plain ES2017 written as a string (not compiled from TypeScript) so its bytes, and so the hash, are
 * the same whatever tool built factlint.
 */

import type { Category } from '../../model/finding.js';

/** One colour per category, shared by the chart and the category chips (class c-<category>). */
export const CATEGORY_COLORS: Record<Category, string> = {
  'entity-mismatch': '#c2255c',
  'number-mismatch': '#e8590c',
  'date-mismatch': '#9c36b5',
  'event-mismatch': '#1971c2',
  'attribution-mismatch': '#0c8599',
  'modality-mismatch': '#5f3dc4',
  'negation-mismatch': '#c92a2a',
  omission: '#868e96',
  addition: '#2b8a3e',
  'unsourced-claim': '#a61e4d',
  'internal-contradiction': '#364fc7',
};

/** Chip colours, generated from CATEGORY_COLORS. */
export const categoryCss = (): string =>
  Object.entries(CATEGORY_COLORS).map(([c, color]) => `.c-${c}{background:${color}}`).join('\n');

export const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--err:#c92a2a;--warn:#d9480f;--info:#1864ab;
--mark:#ffd43b;--hl:#e7f5ff;--hlline:#1c7ed6;--om:#fff0f0;--omline:#e03131;--ad:#ebfbee;--adline:#2f9e44;font-size:15px}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:12px 20px;border-bottom:1px solid var(--line);background:var(--soft);display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}
header.top h1{font-size:1.25rem;margin:0}
header.top .meta{color:var(--muted)}
h2{font-size:1.15rem;margin:18px 0 8px}h3{font-size:1.02rem;margin:16px 0 6px}h4{font-size:.95rem;margin:14px 0 6px}
a{color:#0b5cad}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);font-size:.85rem}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.none{color:var(--muted);font-style:italic}
.lang{display:inline-block;min-width:1.9em;padding:0 4px;border-radius:4px;background:#343a40;color:#fff;font:600 .72rem/1.5 ui-monospace,monospace;text-align:center;text-transform:uppercase}
ul.inline{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px}
ul.warn{margin:0;padding-left:16px;color:var(--warn);font-size:.85rem}
.notice{margin:8px 16px;padding:8px 12px;border-left:4px solid var(--warn);background:#fff8e1}
.pages p{margin:0 0 4px}
.pages ul{display:flex;flex-wrap:wrap;gap:4px 10px;margin:0;padding:0;list-style:none}
.pages [aria-current]{font-weight:600}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#summary{padding:0 20px}
.cards{display:flex;gap:16px;flex-wrap:wrap;align-items:stretch}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;background:#fff}
.card h3{margin:0 0 4px}.card .big{font-size:2rem;font-weight:700;margin:0}
.sevcounts{list-style:none;padding:0;margin:4px 0 0;display:flex;gap:10px}
.sevcount .n{font-weight:700}
.s-error{--sev:var(--err)}.s-warning{--sev:var(--warn)}.s-info{--sev:var(--info)}
.sevcount{color:var(--sev)}
figure.chart{margin:0}figure.chart figcaption{color:var(--muted);font-size:.8rem}
svg .cl{font:12px system-ui,sans-serif;fill:#343a40}svg .cn{font:bold 12px system-ui,sans-serif;fill:#1f2328}
.workspace{display:grid;grid-template-columns:minmax(340px,38%) 1fr;gap:0;border-top:1px solid var(--line);margin-top:16px}
.findings{position:sticky;top:0;max-height:100vh;overflow:auto;padding:0 14px 20px 20px;border-right:1px solid var(--line);background:var(--soft)}
#stories{padding:0 20px 40px;min-width:0}
.filters fieldset{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 8px 6px;display:flex;flex-wrap:wrap;gap:2px 12px;background:#fff}
.filters legend{font-size:.8rem;font-weight:600;color:var(--muted);padding:0 4px}
.chk{display:inline-flex;gap:4px;align-items:center;font-size:.85rem;cursor:pointer}
.chk .cnt{color:var(--muted);font-variant-numeric:tabular-nums}
.filters .row{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
.fld{display:inline-flex;flex-direction:column;font-size:.8rem;font-weight:600;color:var(--muted);gap:2px}
.fld select,.fld input{font:inherit;font-size:.9rem;font-weight:400;color:var(--fg);padding:3px 6px;border:1px solid #8c959f;border-radius:5px;background:#fff;min-width:12em}
.btn{font:inherit;font-size:.85rem;padding:4px 12px;border:1px solid #8c959f;border-radius:5px;background:#fff;cursor:pointer}
.count{margin:6px 0;font-weight:600}
.hint{margin:0 0 6px;color:var(--muted);font-size:.82rem}
:focus-visible{outline:3px solid #1c7ed6;outline-offset:2px}
.flist{list-style:none;margin:0;padding:0}
.finding{background:#fff;border:1px solid var(--line);border-left:5px solid var(--sev);border-radius:6px;padding:6px 10px;margin:0 0 8px;cursor:pointer}
.finding:hover{border-color:#8c959f;border-left-color:var(--sev)}
.finding.sel{background:#fffbe6;box-shadow:0 0 0 2px var(--sev)}
.finding .fh{display:flex;flex-wrap:wrap;gap:4px 6px;align-items:center;font-size:.8rem}
.sev{font-weight:700;text-transform:uppercase;color:#fff;background:var(--sev);border-radius:4px;padding:0 5px;font-size:.72rem}
.chip{border-radius:10px;padding:0 7px;font-size:.76rem;color:#fff;background:#495057}
.rule{color:var(--muted)}.fstory{color:var(--muted);font-size:.78rem}.fnum{font-weight:700;color:var(--muted);font-variant-numeric:tabular-nums}
.msg{margin:4px 0;font-weight:600}
.q{display:flex;flex-direction:column;font-size:.88rem;border-top:1px dashed var(--line);padding:3px 0}
.q .where{font-size:.75rem;color:var(--muted)}
.ctx{overflow-wrap:anywhere}
mark{color:inherit;border-radius:2px;padding:0 1px}
mark.d{background:var(--mark);box-shadow:inset 0 -3px 0 var(--sev);font-weight:700}
mark[data-n]::after{content:attr(data-n);display:inline;margin-left:2px;padding:0 3px;border-radius:6px;background:var(--sev);color:#fff;font:700 .62rem/1.3 system-ui,sans-serif;vertical-align:super}
mark.u{background:#ffe3e3;border-bottom:2px dotted var(--sev)}
mark.o,mark.a{background:transparent}
mark.d.cur,mark.u.cur{outline:3px solid #000;outline-offset:1px;background:#ff922b}
mark.o.cur,mark.a.cur{background:#ffe8cc}
.legend{color:var(--muted);font-size:.82rem}
.legend .lg{padding:0 4px}.lg.omitted{background:var(--om);border-left:3px solid var(--omline)}.lg.added{background:var(--ad);border-left:3px solid var(--adline)}
.story{border-top:1px solid var(--line);padding-top:4px}
.story h3 .rel{font-weight:400;color:var(--muted);font-size:.85rem}
.pairpick{margin:4px 0 8px}
table.sbs{width:100%;table-layout:fixed;border:1px solid var(--line)}
table.sbs td{width:50%;border-right:1px solid var(--line);padding:4px 8px}
table.sbs thead th{position:sticky;top:0;z-index:1;border-right:1px solid var(--line)}
p.s{margin:0;padding:2px 4px 2px 6px;border-left:4px solid transparent;overflow-wrap:anywhere;border-radius:3px}
p.s+p.s{margin-top:4px}
p.s.title{font-weight:700}
p.s.has-f{cursor:pointer}
p.s .sn{display:inline-block;min-width:2.2em;color:#8c959f;font-size:.72rem;font-variant-numeric:tabular-nums;user-select:none}
p.s.hl{background:var(--hl);border-left-color:var(--hlline);box-shadow:0 0 0 2px var(--hlline)}
tr.omitted td.a{background:var(--om)}
tr.omitted td.a{border-left:4px solid var(--omline)}
tr.added td.b{background:var(--ad);border-left:4px solid var(--adline)}
tr.unpaired td.a:not(.gap),tr.unpaired td.b:not(.gap){background:#f6f8fa}
td.gap{background:repeating-linear-gradient(135deg,#fff 0 6px,#f1f3f5 6px 12px)}
.tag{display:inline-block;font-size:.7rem;font-weight:700;text-transform:uppercase;letter-spacing:.02em;border-radius:4px;padding:0 5px;margin:2px 0}
.omitted .tag{background:var(--omline);color:#fff}.added .tag{background:var(--adline);color:#fff}.unpaired .tag{background:#6e7781;color:#fff}
.matrix table.corr th[scope=row]{font-weight:400;max-width:32em;font-size:.88rem}
.corr td{white-space:nowrap;font-size:.85rem}
.m-states{background:#ebfbee}.m-differs{background:#fff4e6}.m-silent{background:#f8f9fa;color:var(--muted)}
.goto{font:inherit;border:1px solid #8c959f;border-radius:5px;background:#fff;padding:0 6px;cursor:pointer}
.goto.m-diff{border-color:var(--warn);color:var(--warn);font-weight:700}.goto.m-unsourced{border-color:#a61e4d;color:#a61e4d}
footer{padding:10px 20px;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line)}
@media (max-width:900px){.workspace{grid-template-columns:1fr}.findings{position:static;max-height:none;border-right:0}}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important}}
@media print{
:root{font-size:11pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.filters,.hint,.pairpick{display:none!important}.goto{border:0;background:none;padding:0}
.workspace{display:block}.findings{position:static;max-height:none;overflow:visible;border:0;background:#fff;padding:0 0 0 20px}
.pairview[hidden]{display:block!important}.pairview{break-inside:auto;margin-bottom:12px}
.finding,tr{break-inside:avoid}.finding.sel,p.s.hl{box-shadow:none}
table.sbs thead th{position:static}a{color:inherit;text-decoration:none}
}
`;


export const SCRIPT = `
(function () {
  'use strict';
  var doc = document;
  var list = doc.getElementById('findings-list');
  var form = doc.getElementById('filters');
  var countEl = doc.getElementById('visible-count');
  var items = list ? Array.prototype.slice.call(list.children) : [];
  var total = items.length;
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var meta = null, sentenceIndex = null, current = null, lit = [];

  function prepare() {
    if (meta) return meta;
    meta = items.map(function (el) {
      return { sev: el.getAttribute('data-sev'), cat: el.getAttribute('data-cat'),
        src: (el.getAttribute('data-src') || '').split(' '), text: null };
    });
    return meta;
  }
  function sentenceEls(id) {
    if (!sentenceIndex) {
      sentenceIndex = new Map();
      var all = doc.querySelectorAll('[data-sentence]');
      for (var i = 0; i < all.length; i++) {
        var k = all[i].getAttribute('data-sentence');
        var a = sentenceIndex.get(k);
        if (!a) { a = []; sentenceIndex.set(k, a); }
        a.push(all[i]);
      }
    }
    return sentenceIndex.get(id) || [];
  }
  function checkedValues(name) {
    var set = new Set();
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) set.add(inputs[i].value);
    return { set: set, all: inputs.length === 0 };
  }
  function showPair(story, key) {
    if (!story || !key) return null;
    var views = story.querySelectorAll('.pairview');
    var shown = null;
    for (var i = 0; i < views.length; i++) {
      var on = views[i].getAttribute('data-pair') === key;
      if (on) shown = views[i];
    }
    if (!shown) return null;
    for (var j = 0; j < views.length; j++) views[j].hidden = views[j] !== shown;
    var sel = story.querySelector('select.pairsel');
    if (sel) sel.value = key;
    return shown;
  }
  function applyFilters() {
    if (!form) return;
    var m = prepare();
    var sev = checkedValues('sev'), cat = checkedValues('cat');
    var pairSel = form.elements.namedItem('pair');
    var pair = pairSel ? pairSel.value : '';
    var pairSrc = pair ? pair.split('-') : null;
    var qEl = form.elements.namedItem('q');
    var q = qEl ? qEl.value.trim().toLowerCase() : '';
    var shown = 0;
    for (var i = 0; i < total; i++) {
      var d = m[i], ok = (sev.all || sev.set.has(d.sev)) && (cat.all || cat.set.has(d.cat));
      if (ok && pairSrc) for (var j = 0; j < d.src.length; j++) if (pairSrc.indexOf(d.src[j]) < 0) { ok = false; break; }
      if (ok && q) {
        if (d.text === null) d.text = items[i].textContent.toLowerCase();
        ok = d.text.indexOf(q) >= 0;
      }
      if (items[i].hidden === ok) items[i].hidden = !ok;
      if (ok) shown++;
    }
    if (countEl) countEl.textContent = 'Showing ' + shown + ' of ' + total + ' findings';
    if (pair) {
      var stories = doc.querySelectorAll('section.story');
      for (var k = 0; k < stories.length; k++) showPair(stories[k], pair);
    }
  }
  function clear() {
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove('hl', 'cur');
    lit = [];
    if (current) { current.classList.remove('sel'); current.setAttribute('aria-pressed', 'false'); }
    current = null;
  }
  function select(el, revealInList, scrollSentences) {
    clear();
    current = el;
    el.classList.add('sel');
    el.setAttribute('aria-pressed', 'true');
    var story = doc.getElementById('story-' + el.getAttribute('data-story'));
    var view = showPair(story, el.getAttribute('data-pair'));
    var ids = [];
    try { ids = JSON.parse(el.getAttribute('data-sents') || '[]'); } catch (e) { ids = []; }
    var target = null;
    for (var i = 0; i < ids.length; i++) {
      var els = sentenceEls(ids[i]);
      for (var j = 0; j < els.length; j++) {
        els[j].classList.add('hl');
        lit.push(els[j]);
        if (!target && (!view || view.contains(els[j]))) target = els[j];
      }
    }
    var marks = (view || doc).querySelectorAll('mark[data-f~="' + el.getAttribute('data-finding') + '"]');
    for (var k = 0; k < marks.length; k++) { marks[k].classList.add('cur'); lit.push(marks[k]); }
    if (target && scrollSentences) target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    if (revealInList && !el.hidden) {
      el.scrollIntoView({ block: 'nearest' });
      el.focus({ preventScroll: true });
    }
  }
  function byIndex(i) { return doc.getElementById('f-' + i); }
  function step(from, dir) {
    var i = items.indexOf(from);
    for (i += dir; i >= 0 && i < total; i += dir) if (!items[i].hidden) return items[i];
    return null;
  }

  if (list) {
    list.addEventListener('click', function (e) {
      var el = e.target.closest('[data-finding]');
      if (el) select(el, false, true);
    });
    list.addEventListener('keydown', function (e) {
      var el = e.target.closest('[data-finding]');
      if (!el || e.target !== el) return;
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(el, false, true); }
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        var next = step(el, e.key === 'ArrowDown' ? 1 : -1);
        if (next) { e.preventDefault(); next.focus(); }
      }
    });
  }
  doc.addEventListener('click', function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    var go = t.closest('[data-goto]');
    var mk = go ? null : t.closest('[data-f]');
    var idx = go ? go.getAttribute('data-goto') : mk && !mk.closest('#findings-list') ? (mk.getAttribute('data-f') || '').split(' ')[0] : null;
    var el = idx !== null && idx !== '' ? byIndex(idx) : null;
    if (el) select(el, true, !!go);
  });
  doc.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.matches && t.matches('select.pairsel')) showPair(t.closest('section.story'), t.value);
  });
  if (form) {
    var timer = 0;
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('change', applyFilters);
    form.addEventListener('input', function (e) {
      if (e.target && e.target.name === 'q') { clearTimeout(timer); timer = setTimeout(applyFilters, 120); }
    });
    form.addEventListener('reset', function () { setTimeout(applyFilters, 0); });
  }
})();
`;
