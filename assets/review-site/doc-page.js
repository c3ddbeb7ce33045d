// plancorpus review site: one document beside its raw text. Classic script (works from file://); data in window.__DOC__.
(function () {
  'use strict';
  var D = window.__DOC__;
  var STORE = 'plancorpus-review-decisions';
  var app = document.getElementById('app');
  app.className = 'docapp';
  var spans = [];
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) { if (attrs[k] == null) continue; if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); }
    (kids || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  // an element that, clicked, highlights a raw span in the source pane
  function jump(tag, attrs, kids, span) {
    var e = el(tag, attrs, kids);
    if (span) { e.classList.add('jump'); e.setAttribute('data-span', String(spans.length)); spans.push(span); }
    return e;
  }
  function at(s) { return s ? 'L' + s.line + ':' + s.column + (s.page ? ' · p.' + s.page : '') : '–'; }

  // ---- header and panes
  var m = D.meta;
  app.appendChild(el('header', { class: 'top' }, [
    el('a', { href: '../index.html', text: '‹ corpus' }),
    el('h1', { text: D.title }),
    el('span', { class: 'sub', text: [m.region, m.docType, m.year, m.period, m.date, m.format + ' · ' + m.path].filter(Boolean).join(' · ') }),
  ]));
  var left = el('section', { class: 'pane left', id: 'extraction' });
  var right = el('section', { class: 'pane right', id: 'source' });
  app.appendChild(el('div', { class: 'split' }, [left, right]));

  // ---- source pane: the raw lines
  var lines = D.raw == null ? [] : D.raw.split(/\r\n|\r|\n/);
  var head = el('span', { id: 'source-head', text: D.raw == null ? 'raw text not available' : 'raw text · ' + lines.length + ' lines · click an item on the left to see its source' });
  var bar = el('div', { class: 'source-head' }, [head]);
  right.appendChild(bar);
  if (m.format === 'pdf' && !D.pdf) right.appendChild(el('div', { class: 'note', text: 'PDF: the extracted text the positions refer to; the PDF itself was not found when the site was generated, so there is no page view.' }));
  var src = el('div', { class: 'src', id: 'src' });
  var pdfView = null;
  if (D.pdf) {
    var textBtn = el('button', { id: 'view-text', class: 'active', text: 'Extracted text' });
    var pageBtn = el('button', { id: 'view-page', text: 'PDF page' });
    pdfView = el('div', { id: 'pdf-view', class: 'pdf-view', hidden: 'hidden' });
    bar.insertBefore(el('span', { class: 'source-tabs' }, [textBtn, pageBtn]), head);
    textBtn.onclick = function () { textBtn.classList.add('active'); pageBtn.classList.remove('active'); pdfView.hidden = true; src.hidden = false; };
    pageBtn.onclick = function () { pageBtn.classList.add('active'); textBtn.classList.remove('active'); pdfView.hidden = false; src.hidden = true; showPage(current); };
    right.appendChild(pdfView);
  }
  right.appendChild(src);
  if (D.raw == null) src.appendChild(el('div', { class: 'note', text: D.rawNote }));
  var rows = lines.map(function (t, i) {
    var body = el('span', { text: t });
    var row = el('div', { class: 'ln', id: 'L' + (i + 1) }, [el('i', { text: String(i + 1) }), body]);
    src.appendChild(row);
    return row;
  });
  // ---- PDF page view: pdf.js (one classic script) and the PDF (base64) loaded on first use
  var current = null;
  var pdfDoc = null;
  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var sc = document.createElement('script');
      sc.src = url;
      sc.onload = resolve;
      sc.onerror = function () { reject(new Error('cannot load ' + url)); };
      document.head.appendChild(sc);
    });
  }
  function openPdf() {
    if (!pdfDoc) pdfDoc = loadScript(D.pdf.lib).then(function () { return loadScript(D.pdf.data); }).then(function () {
      var bin = atob(window.__PDF__);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return window.pdfjsLib.getDocument({ data: bytes, isEvalSupported: false }).promise;
    });
    return pdfDoc;
  }
  var rendering = Promise.resolve();
  var numPages = 0;
  function showPage(s) {
    if (!pdfView || pdfView.hidden) return;
    var n = s && s.page ? s.page : 1;
    var boxes = !s ? [] : s.placements ? s.placements.filter(function (p) { return p.page === n; }).map(function (p) { return p.bbox; }) : s.bbox ? [s.bbox] : [];
    rendering = rendering.then(function () { return openPdf(); }).then(function (pdf) { numPages = pdf.numPages; return pdf.getPage(n); }).then(function (page) {
      var width = Math.max(200, pdfView.clientWidth - 24);
      var vp = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
      var canvas = el('canvas');
      var ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(vp.width * ratio);
      canvas.height = Math.floor(vp.height * ratio);
      canvas.style.width = Math.floor(vp.width) + 'px';
      canvas.style.height = Math.floor(vp.height) + 'px';
      var sheet = el('div', { class: 'pdf-sheet' }, [canvas]);
      return page.render({ canvasContext: canvas.getContext('2d'), viewport: vp, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise.then(function () {
        boxes.forEach(function (b) {
          var r = vp.convertToViewportRectangle(b);
          var x = Math.min(r[0], r[2]), y = Math.min(r[1], r[3]);
          var box = el('div', { class: 'pdf-box', 'data-bbox': b.join(' ') });
          box.style.left = x + 'px'; box.style.top = y + 'px';
          box.style.width = Math.abs(r[2] - r[0]) + 'px'; box.style.height = Math.abs(r[3] - r[1]) + 'px';
          sheet.appendChild(box);
        });
        pdfView.textContent = '';
        pdfView.appendChild(el('div', { class: 'meta', text: 'page ' + n + ' of ' + numPages }));
        pdfView.appendChild(sheet);
        pdfView.setAttribute('data-page', String(n));
        var first = sheet.querySelector('.pdf-box');
        if (first) right.scrollTop = Math.max(0, pdfView.offsetTop + first.offsetTop - right.clientHeight / 3);
      });
    }).catch(function (e) { pdfView.textContent = 'cannot show the PDF page: ' + e.message; });
  }
  var lit = [];
  function highlight(s) {
    current = s;
    showPage(s);
    lit.forEach(function (n) { var r = rows[n - 1]; r.classList.remove('hl'); r.lastChild.textContent = lines[n - 1]; });
    lit = [];
    head.textContent = 'raw span ' + s.line + ':' + s.column + ' – ' + s.endLine + ':' + s.endColumn + ' (offsets ' + s.offset + '–' + s.endOffset + ')' + (s.page ? ' · page ' + s.page : '') + (s.bbox ? ' · bbox ' + s.bbox.map(function (x) { return Math.round(x); }).join(' ') : '');
    if (!rows.length) return;
    var last = Math.min(s.endLine, s.line + 200, rows.length);
    for (var n = s.line; n <= last; n++) {
      var t = lines[n - 1];
      var a = n === s.line ? s.column : 0;
      var b = n === s.endLine ? s.endColumn : t.length;
      var body = rows[n - 1].lastChild;
      body.textContent = '';
      body.appendChild(document.createTextNode(t.slice(0, a)));
      body.appendChild(el('mark', { text: t.slice(a, b) }));
      body.appendChild(document.createTextNode(t.slice(b)));
      rows[n - 1].classList.add('hl');
      lit.push(n);
    }
    // scroll the source pane only (scrollIntoView would move the whole page)
    var r = rows[s.line - 1];
    if (r) right.scrollTop = Math.max(0, r.offsetTop - right.clientHeight / 2);
  }
  left.addEventListener('click', function (ev) {
    var t = ev.target.closest ? ev.target.closest('[data-span]') : null;
    if (!t || ev.target.tagName === 'BUTTON') return;
    var sel = left.querySelector('.jump.selected');
    if (sel) sel.classList.remove('selected');
    t.classList.add('selected');
    highlight(spans[Number(t.getAttribute('data-span'))]);
  });

  // ---- tabs
  var tabs = el('nav', { class: 'tabs' });
  left.appendChild(el('p', { class: 'meta', text: [m.issuer, 'id ' + D.id].filter(Boolean).join(' · ') }));
  left.appendChild(tabs);
  var body = el('div', { id: 'tab-body' });
  left.appendChild(body);
  var views = [];
  function tab(id, label, render) {
    var b = el('button', { id: 'tab-' + id, text: label });
    var panel = el('div', { id: 'panel-' + id });
    panel.hidden = true;
    body.appendChild(panel);
    var done = false;
    b.onclick = function () {
      views.forEach(function (v) { v.b.classList.remove('active'); v.panel.hidden = true; });
      b.classList.add('active');
      panel.hidden = false;
      if (!done) { render(panel); done = true; }
    };
    views.push({ b: b, panel: panel });
    tabs.appendChild(b);
  }

  function countText(c) {
    var p = [];
    if (c.paragraphs) p.push(c.paragraphs + ' ¶');
    if (c.boxes) p.push(c.boxes + ' 专栏');
    if (c.tables) p.push(c.tables + ' 表');
    if (c.facts) p.push(c.facts + ' facts');
    return p.join(' · ');
  }
  function outline(nodes) {
    return el('ul', { class: 'outline' }, nodes.map(function (n) {
      return el('li', null, [jump('span', { 'data-id': n.id }, [n.label, el('span', { class: 'counts', text: countText(n.counts) })], n.span), n.children.length ? outline(n.children) : null]);
    }));
  }
  tab('outline', 'Outline', function (p) {
    p.appendChild(D.outline.length ? outline(D.outline) : el('p', { class: 'meta', text: 'no headings found' }));
  });
  tab('boxes', '专栏 ' + D.boxes.length, function (p) {
    if (!D.boxes.length) p.appendChild(el('p', { class: 'meta', text: 'no 专栏 boxes' }));
    D.boxes.forEach(function (b) {
      p.appendChild(el('div', { class: 'card box', 'data-id': b.id }, [
        jump('h3', null, [b.title], b.source),
        el('div', null, b.items.map(function (it) { return jump('p', { class: 'box-item' }, [it.title ? el('b', { text: it.title + ' ' }) : null, it.title && it.text.indexOf(it.title) === 0 ? it.text.slice(it.title.length) : it.text], it.source); })),
      ]));
    });
  });
  function quantityCell(q) {
    if (!q) return el('td', { class: 'val' });
    var kind = q.kind + (q.qualifier && q.qualifier !== q.kind ? ' · ' + q.qualifier : '') + (q.value != null && String(q.value) !== q.raw ? ' · ' + q.value : '') + (q.period ? ' · ' + q.period.start + '–' + q.period.end : '');
    return jump('td', { class: 'val', title: kind }, [q.raw, el('span', { class: 'kind', text: kind })], q.source);
  }
  tab('tables', '表 ' + D.tables.length, function (p) {
    if (!D.tables.length) p.appendChild(el('p', { class: 'meta', text: 'no tables' }));
    D.tables.forEach(function (t) {
      var card = el('div', { class: 'card table', 'data-id': t.id }, [jump('h3', null, [(t.number != null ? '表' + t.number + ' ' : '') + t.title], t.source)]);
      if (t.kind === 'indicators') {
        var tbl = el('table', { class: 'ind' });
        tbl.appendChild(el('tr', null, ['序号', '指标', '单位'].concat(t.columns.filter(function (c) { return c.role !== 'unit' && c.role !== 'attribute'; }).map(function (c) { return c.header; })).concat(['属性']).map(function (h) { return el('th', { text: h }); })));
        var keys = t.columns.filter(function (c) { return c.role !== 'unit' && c.role !== 'attribute'; }).map(function (c) { return c.key; });
        t.indicators.forEach(function (i) {
          tbl.appendChild(el('tr', { 'data-id': i.id }, [
            el('td', { text: i.seq }),
            jump('td', null, [i.name, i.category ? el('span', { class: 'kind', text: i.category }) : null], i.source),
            el('td', { class: 'nw', text: (i.unit || '') + (i.unitNote ? '（' + i.unitNote + '）' : '') }),
          ].concat(keys.map(function (k) { return quantityCell(i.values[k]); })).concat([el('td', { class: 'nw', text: i.attributeText || '' })])));
        });
        card.appendChild(el('div', { class: 'tablewrap' }, [tbl]));
      } else {
        card.appendChild(el('div', { class: 'src' }, t.rows.map(function (r) { return jump('div', null, [r.text], r.source); })));
      }
      t.notes.forEach(function (n) { card.appendChild(jump('p', { class: 'meta' }, [n.text], n.source)); });
      p.appendChild(card);
    });
  });
  tab('facts', 'Facts ' + D.facts.length, function (p) {
    if (!D.facts.length) p.appendChild(el('p', { class: 'meta', text: 'no facts' }));
    var tbl = el('table', { class: 'ind' });
    tbl.appendChild(el('tr', null, ['metric', 'value', 'change', 'period', 'polarity', 'statement'].map(function (h) { return el('th', { text: h }); })));
    D.facts.forEach(function (f) {
      tbl.appendChild(jump('tr', { 'data-id': f.id }, [
        el('td', { text: f.metric }),
        el('td', { text: f.value.raw + (f.unit && f.value.raw.indexOf(f.unit) < 0 ? ' ' + f.unit : '') }),
        el('td', { text: f.change ? f.change.kind + ' ' + f.change.quantity.raw : '' }),
        el('td', { text: f.period ? f.period.start + (f.period.end !== f.period.start ? '–' + f.period.end : '') : '' }),
        el('td', { text: f.polarity + (f.qualifiers.length ? ' · ' + f.qualifiers.join(', ') : '') }),
        el('td', { class: 'kind', text: f.raw }),
      ], f.source));
    });
    if (D.facts.length) p.appendChild(el('div', { class: 'tablewrap' }, [tbl]));
  });
  if (D.links.length) tab('links', 'Links ' + D.links.length, function (p) {
    D.links.forEach(function (l) {
      var mine = l.target.docId === D.id ? l.target : l.reported;
      p.appendChild(jump('div', { class: 'card' }, [el('b', { text: l.metric + ' · ' + l.region }), el('p', { text: 'target ' + l.target.value.raw + ' (' + l.target.docId + ') → reported ' + l.reported.value.raw + ' (' + l.reported.docId + '): ' + l.verdict }), el('p', { class: 'meta', text: l.rule })], mine.source));
    });
  });

  // ---- review: corrections and warnings, decisions, rules-file export
  function load() { try { return JSON.parse(localStorage.getItem(STORE) || '{}'); } catch (e) { return {}; } }
  function save(v) { try { localStorage.setItem(STORE, JSON.stringify(v)); } catch (e) { /* storage off: decisions live until the page closes */ } }
  var decisions = load();
  function rulesFile() {
    var all = decisions, protectedList = [], forced = [], seen = {};
    Object.keys(all).sort().forEach(function (k) {
      var d = all[k];
      if (!d.entry) return;
      if (d.entry.kind === 'protected' && d.decision === 'reject' && !seen['p' + d.entry.text]) { seen['p' + d.entry.text] = 1; protectedList.push({ text: d.entry.text, note: d.entry.note }); }
      if (d.entry.kind === 'forced' && d.decision === 'accept' && !seen['f' + d.entry.from]) { seen['f' + d.entry.from] = 1; forced.push({ from: d.entry.from, to: d.entry.to, note: d.entry.note }); }
    });
    return { source: 'plancorpus review site decisions', protected: protectedList, forced: forced };
  }
  var items = D.corrections.map(function (c) { return { key: c.key, group: 'correction: ' + c.rule, what: c.from + ' → ' + c.to, ctx: c.context, span: c.span, entry: c.entry, label: c.rule }; })
    .concat(D.warnings.map(function (w) { return { key: w.key, group: 'warning: ' + w.code, what: w.message, ctx: '', span: w.span, entry: w.entry, label: w.code + ' · ' + w.rule }; }));
  tab('review', 'Review ' + items.length, function (p) {
    var groups = {};
    items.forEach(function (i) { groups[i.group] = (groups[i.group] || 0) + 1; });
    var filter = el('select', { id: 'review-filter' }, [el('option', { value: '', text: 'all (' + items.length + ')' })].concat(Object.keys(groups).sort().map(function (g) { return el('option', { value: g, text: g + ' (' + groups[g] + ')' }); })));
    var exportBtn = el('button', { id: 'export-rules', text: 'Export rules file' });
    var link = el('a', { id: 'rules-link', download: 'plancorpus-rules.json', hidden: 'hidden' }, ['download']);
    var preview = el('pre', { id: 'rules-preview', class: 'code', hidden: 'hidden' });
    p.appendChild(el('div', { class: 'toolbar' }, [filter, exportBtn, link]));
    p.appendChild(el('p', { class: 'meta', text: 'Reject an OCR correction to keep the text as printed (a protected form); accept an ocr-suspect to apply it (a forced correction). Export writes a file for plancorpus build --rules FILE. Other corrections and warnings are listed for checking only.' }));
    p.appendChild(preview);
    var list = el('div', { id: 'review-list' });
    p.appendChild(list);
    function render() {
      list.textContent = '';
      items.filter(function (i) { return !filter.value || i.group === filter.value; }).forEach(function (i) {
        var acts = el('div', { class: 'acts' });
        if (i.entry) {
          ['accept', 'reject'].forEach(function (d) {
            var b = el('button', { 'data-decision': d, text: d });
            if (decisions[i.key] && decisions[i.key].decision === d) b.className = 'on-' + d;
            b.onclick = function () {
              if (decisions[i.key] && decisions[i.key].decision === d) delete decisions[i.key];
              else decisions[i.key] = { decision: d, entry: i.entry };
              save(decisions);
              render();
            };
            acts.appendChild(b);
          });
        }
        list.appendChild(jump('div', { class: 'review-row', 'data-key': i.key }, [
          el('div', null, [el('div', { class: 'what', text: i.what }), i.ctx ? el('div', { class: 'ctx', text: i.ctx }) : null, el('div', { class: 'code', text: i.label + ' · ' + at(i.span) })]),
          acts,
        ], i.span));
      });
    }
    filter.addEventListener('change', render);
    exportBtn.onclick = function () {
      var json = JSON.stringify(rulesFile(), null, 2) + '\n';
      preview.textContent = json;
      preview.hidden = false;
      if (link.href) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      link.click();
    };
    render();
  });
  views[0].b.onclick();
})();
