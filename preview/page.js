// The page's one script (allowed by the nonce of its Content-Security-Policy):
// theme switch, filter box, grouping switch, page-to-source links, and on a
// live page the refresh when the document changes. It never evaluates text.
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var store = { get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* file:// or a sandbox */ } } };

  // Theme: system, light, dark.
  var themes = ['auto', 'light', 'dark'];
  var titles = { auto: 'Theme: follows the system', light: 'Theme: light', dark: 'Theme: dark' };
  function setTheme(t) {
    root.setAttribute('data-theme', t);
    var b = doc.getElementById('theme');
    if (b) { b.title = titles[t]; b.textContent = t === 'auto' ? '◐' : t === 'light' ? '☀' : '☾'; }
  }
  setTheme(themes.indexOf(store.get('asyncapi-theme')) >= 0 ? store.get('asyncapi-theme') : 'auto');
  doc.getElementById('theme').addEventListener('click', function () {
    var t = themes[(themes.indexOf(root.getAttribute('data-theme')) + 1) % themes.length];
    store.set('asyncapi-theme', t);
    setTheme(t);
  });
  doc.getElementById('toc-toggle').addEventListener('click', function () {
    var nav = doc.querySelector('.sidebar');
    var open = nav.classList.toggle('open');
    this.setAttribute('aria-expanded', String(open));
  });

  // Filter: hides channels, operations, messages, servers and schemas whose
  // text does not contain every word typed; a channel stays when one of its
  // operations matches, and shows all of them when it matches itself.
  var input = doc.getElementById('filter');
  function show(el, on) { if (on) el.removeAttribute('data-hidden'); else el.setAttribute('data-hidden', ''); }
  function applyFilter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var match = function (el) {
      var text = el.getAttribute('data-filter') || '';
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    };
    var shown = 0, total = 0;
    doc.querySelectorAll('#content [data-filter]').forEach(function (el) {
      if (el.classList.contains('op') || el.closest('.oplist')) return;
      var on = match(el);
      if (el.classList.contains('channel')) {
        var any = false;
        el.querySelectorAll('.op').forEach(function (op) { var m = on || match(op); any = any || m; show(op, m); });
        on = on || any;
        total++; if (on) shown++;
      }
      show(el, on);
      var toc = doc.querySelector('[data-toc="' + el.id + '"]');
      if (toc) show(toc, on);
    });
    doc.querySelectorAll('.oplist li').forEach(function (li) { show(li, match(li)); });
    doc.querySelectorAll('.taggroup').forEach(function (g) { show(g, !!g.querySelector('li:not([data-hidden])')); });
    var status = doc.getElementById('filter-status');
    status.textContent = words.length ? shown + ' of ' + total + ' channels match' : '';
  }
  input.addEventListener('input', applyFilter);
  input.addEventListener('keydown', function (e) { if (e.key === 'Escape') { input.value = ''; applyFilter(); } });

  // Operations by channel or by tag.
  function setGroup(g) {
    if (!doc.getElementById('by-tag')) g = 'channel';
    doc.querySelectorAll('.switch button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.group === g)); });
    var byChannel = doc.getElementById('by-channel'), byTag = doc.getElementById('by-tag');
    if (byChannel) byChannel.hidden = g !== 'channel';
    if (byTag) byTag.hidden = g !== 'tag';
  }
  var group = store.get('asyncapi-group') === 'tag' && doc.getElementById('by-tag') ? 'tag' : 'channel';
  doc.addEventListener('click', function (e) {
    var b = e.target.closest('.switch button');
    if (b) { group = b.dataset.group; store.set('asyncapi-group', group); setGroup(group); }
  });
  setGroup(group);

  // Following a link into a closed diagram group (or to an operation while
  // the tag view shows) opens what hides it.
  function reveal(id) {
    var el = id && doc.getElementById(id);
    if (!el) return;
    if (el.closest('#by-channel') && group !== 'channel') setGroup('channel');
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    if (el.tagName === 'DETAILS') el.open = true;
  }
  function revealHash() { reveal(decodeURIComponent(location.hash.slice(1))); }
  window.addEventListener('hashchange', revealHash);
  revealHash();

  // A named schema inside another is filled in from its own section when
  // opened: the page holds each named schema once.
  doc.addEventListener('toggle', function (e) {
    var d = e.target;
    if (!d.open || !d.classList || !d.classList.contains('lazy') || d.hasAttribute('data-filled')) return;
    var src = doc.querySelector('#' + CSS.escape(d.getAttribute('data-ref')) + ' .schema-tree > .snode');
    if (!src) return;
    d.setAttribute('data-filled', '');
    Array.prototype.forEach.call(src.children, function (c) {
      if (c.tagName !== 'SUMMARY') d.appendChild(c.cloneNode(true));
    });
  }, true);

  // Page to source: an editor that hosts the page (the VS Code webview)
  // announces itself and gets reveal requests; elsewhere a click copies
  // "file:line".
  var host = null;
  window.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'asyncapi-preview-host' && e.source === window.parent) {
      host = e.source;
      root.classList.add('can-reveal');
    }
  });
  if (window.parent !== window) window.parent.postMessage({ type: 'asyncapi-preview-ready' }, '*');
  function openSource(el) {
    var r = (el.getAttribute('data-range') || '').split(':').map(Number);
    if (host) {
      host.postMessage({ type: 'asyncapi-reveal', uri: el.getAttribute('data-file'),
        range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } } }, '*');
      return;
    }
    var text = el.textContent;
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () {
      el.classList.add('copied');
      setTimeout(function () { el.classList.remove('copied'); }, 1200);
    }, function () {});
  }
  doc.addEventListener('click', function (e) { var s = e.target.closest('.src'); if (s) openSource(s); });
  doc.addEventListener('keydown', function (e) {
    var s = e.target.closest && e.target.closest('.src');
    if (s && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); openSource(s); }
  });

  // Live: when the document (or a file it references) changes, the new
  // content replaces the page's in place, keeping the scroll position, the
  // open details and the filter.
  if (!doc.body.hasAttribute('data-live') || !window.fetch) return;
  var status = doc.getElementById('live-status');
  function openState() {
    var open = {};
    doc.querySelectorAll('#content details').forEach(function (d, i) { open[(d.id || '') + '#' + i] = d.open; });
    return open;
  }
  var busy = false, again = false;
  function refresh() {
    // One fetch at a time; changes that come meanwhile make one more.
    if (busy) { again = true; return; }
    busy = true;
    fetch('content', { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      // The fragment holds markup only (no script, no style): the parsed
      // nodes are put in place of the page's own.
      var next = new DOMParser().parseFromString(html, 'text/html');
      var content = next.getElementById('content'), toc = next.getElementById('toc');
      if (!content) return;
      var y = window.scrollY, open = openState();
      doc.getElementById('content').replaceWith(doc.adoptNode(content));
      if (toc) doc.getElementById('toc').replaceWith(doc.adoptNode(toc));
      var brand = next.getElementById('brand');
      if (brand) doc.getElementById('brand').replaceWith(doc.adoptNode(brand));
      var h1 = next.querySelector('#content h1');
      if (h1) doc.title = h1.textContent.trim();
      doc.querySelectorAll('#content details').forEach(function (d, i) {
        var k = (d.id || '') + '#' + i;
        if (k in open) d.open = open[k];
      });
      setGroup(group);
      applyFilter();
      window.scrollTo(0, y);
      status = doc.getElementById('live-status');
      setStatus('live · updated ' + new Date().toLocaleTimeString());
      doc.body.setAttribute('data-version', String(Number(doc.body.getAttribute('data-version') || 0) + 1));
    }).catch(function () { setStatus('live · update failed', true); })
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  // Ask the server, again and again, whether the page changed since the
  // stamp it was rendered with; it answers at once on a change, else after
  // a while with the same stamp.
  var stamp = doc.body.getAttribute('data-stamp') || '';
  function setStatus(text, stale) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('stale', !!stale);
  }
  function watch() {
    fetch('events?since=' + encodeURIComponent(stamp), { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (answer) {
      if (answer.stamp !== stamp || answer.changed) {
        stamp = answer.stamp;
        refresh();
      }
      watch();
    }).catch(function () {
      setStatus('live · disconnected, retrying', true);
      setTimeout(watch, 1000);
    });
  }
  watch();
})();
