// plancorpus review site: the corpus index (search by title and region, 50 rows a page). Classic script: works from file://.
(function () {
  'use strict';
  var data = window.__INDEX__;
  var PAGE = 50;
  var state = { q: '', status: 'all', page: 0 };
  var app = document.getElementById('app');
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) { if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); }
    (kids || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  var docs = data.documents;
  var ok = docs.filter(function (d) { return d.status === 'ok'; }).length;
  app.appendChild(el('header', { class: 'top' }, [
    el('h1', { text: 'plancorpus review' }),
    el('span', { class: 'sub', text: docs.length + ' documents · ' + ok + ' built · ' + (docs.length - ok) + ' failed · ' + data.tool.name + ' ' + data.tool.version }),
  ]));
  var main = el('main', { class: 'index' });
  app.appendChild(main);
  var search = el('input', { type: 'search', id: 'search', placeholder: '搜索标题或地区 / search title or region' });
  var status = el('select', { id: 'status' }, [el('option', { value: 'all', text: 'all' }), el('option', { value: 'ok', text: 'built' }), el('option', { value: 'failed', text: 'failed' })]);
  var shown = el('span', { class: 'meta', id: 'shown' });
  main.appendChild(el('div', { class: 'toolbar' }, [search, status, shown]));
  var table = el('table', { class: 'list', id: 'documents' });
  main.appendChild(table);
  var pager = el('div', { class: 'pager' });
  main.appendChild(pager);
  var lower = docs.map(function (d) { return ((d.title || '') + ' ' + d.region + ' ' + d.id + ' ' + d.source).toLowerCase(); });
  function matches() {
    var q = state.q.trim().toLowerCase();
    var out = [];
    for (var i = 0; i < docs.length; i++) {
      if (state.status !== 'all' && docs[i].status !== state.status) continue;
      if (q && lower[i].indexOf(q) < 0) continue;
      out.push(docs[i]);
    }
    return out;
  }
  function render() {
    var list = matches();
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var slice = list.slice(state.page * PAGE, state.page * PAGE + PAGE);
    shown.textContent = list.length + ' shown';
    table.textContent = '';
    table.appendChild(el('tr', null, ['Document', 'Region', 'Type', 'Year', 'Sections', 'Boxes', 'Tables', 'Facts', 'Corrections', 'Warnings', 'Status'].map(function (h) { return el('th', { text: h }); })));
    slice.forEach(function (d) {
      var name = d.page ? el('a', { href: d.page, text: d.title || d.id }) : el('span', { text: d.title || d.id });
      var c = d.counts || {};
      var num = function (v) { return el('td', { class: 'num', text: v == null ? '–' : String(v) }); };
      table.appendChild(el('tr', { 'data-id': d.id }, [
        el('td', null, [name, el('div', { class: 'code', text: d.source }), d.error ? el('div', { class: 'err', text: d.error.code + ': ' + d.error.message }) : null]),
        el('td', { text: d.region || '–' }),
        el('td', null, [d.docType ? el('span', { class: 'badge', text: d.docType }) : '–']),
        num(d.year), num(c.sections), num(c.boxes), num(c.tables), num(c.facts), num(c.corrections), num(d.warnings),
        el('td', null, [el('span', { class: 'badge ' + d.status, text: d.status })]),
      ]));
    });
    pager.textContent = '';
    var prev = el('button', { id: 'prev', text: '‹ previous' });
    var next = el('button', { id: 'next', text: 'next ›' });
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.onclick = function () { state.page--; render(); };
    next.onclick = function () { state.page++; render(); };
    pager.appendChild(prev);
    pager.appendChild(el('span', { text: 'page ' + (state.page + 1) + ' of ' + pages }));
    pager.appendChild(next);
  }
  search.addEventListener('input', function () { state.q = search.value; state.page = 0; render(); });
  status.addEventListener('change', function () { state.status = status.value; state.page = 0; render(); });
  render();
})();
