/* 中山厂房网 — every visitor page: first-party visitorId cookie, one view beacon per article page view, copy link.
   Plain ES5 for WeChat's built-in browser (X5): no arrow functions, no let/const, fetch only with an XHR fallback. */
(function () {
  'use strict';

  var COOKIE = 'visitorId';
  var ONE_YEAR = 365 * 24 * 3600;

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === name) {
        return decodeURIComponent(parts[i].substring(eq + 1));
      }
    }
    return null;
  }

  function randomId() {
    var bytes = new Array(16);
    var c = window.crypto || window.msCrypto;
    if (c && c.getRandomValues) {
      var a = new Uint8Array(16);
      c.getRandomValues(a);
      for (var i = 0; i < 16; i++) { bytes[i] = a[i]; }
    } else {
      for (var j = 0; j < 16; j++) { bytes[j] = Math.floor(Math.random() * 256); }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; /* UUID version 4 */
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = '';
    for (var k = 0; k < 16; k++) {
      hex += (bytes[k] + 0x100).toString(16).substring(1);
      if (k === 3 || k === 5 || k === 7 || k === 9) { hex += '-'; }
    }
    return hex;
  }

  /** The visitor's id: one year, first party, sent with same-site navigations only (SameSite=Lax). */
  function visitorId() {
    var id = readCookie(COOKIE);
    if (!id || !/^[0-9a-f-]{36}$/.test(id)) {
      id = randomId();
    }
    document.cookie = COOKIE + '=' + id + '; Max-Age=' + ONE_YEAR + '; Path=/; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
    return id;
  }

  function postJson(url, body, done) {
    var text = JSON.stringify(body);
    if (window.fetch) {
      window.fetch(url, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text,
        credentials: 'same-origin', keepalive: true
      }).then(function (r) { if (done) { done(r.status); } }, function () { if (done) { done(0); } });
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url, true);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onreadystatechange = function () { if (xhr.readyState === 4 && done) { done(xhr.status); } };
    xhr.send(text);
  }

  var site = window.ZSSite = { visitorId: visitorId(), postJson: postJson };

  /* One beacon per page view; repeats within 30 minutes are deduplicated by content-service itself. */
  var main = document.getElementById('main');
  var slug = main && main.getAttribute('data-article-slug');
  if (slug && !site.viewSent) {
    site.viewSent = true;
    postJson('/api/content/articles/' + encodeURIComponent(slug) + '/views',
      { visitorId: site.visitorId, referrer: document.referrer ? document.referrer.substring(0, 500) : null },
      function (status) {
        if (main) { main.setAttribute('data-view-beacon', String(status)); }
        if (status === 202) { refreshViews(slug, 0); }
      });
  }

  /* The count the page was rendered with does not include this view; content-service counts an accepted beacon a
     moment later (its counter is fed asynchronously). Ask for the real figure a few times and show it when it moved,
     rather than adding one in the browser: a reload within 30 minutes is not counted again, and +1 would lie. */
  function refreshViews(articleSlug, attempt) {
    var shown = document.querySelector('[data-views]');
    if (!shown || attempt > 4) { return; }
    setTimeout(function () {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', '/api/content/articles/' + encodeURIComponent(articleSlug), true);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.onreadystatechange = function () {
        if (xhr.readyState !== 4) { return; }
        var views = null;
        try { views = JSON.parse(xhr.responseText).views; } catch (e) { views = null; }
        if (xhr.status === 200 && typeof views === 'number' && views > Number(shown.textContent)) {
          shown.textContent = String(views);
          shown.setAttribute('data-views', 'updated');
        } else {
          refreshViews(articleSlug, attempt + 1);
        }
      };
      xhr.send();
    }, 800 + attempt * 700);
  }

  /* Copy link: Clipboard API where it exists, the selection trick in older WebViews. */
  var copy = document.querySelector('[data-copy-link]');
  var share = document.querySelector('[data-share-url]');
  if (copy && share) {
    var url = share.getAttribute('data-share-url');
    var status = share.querySelector('.share__status');
    var say = function (text) { if (status) { status.textContent = text; } };
    copy.hidden = false;
    copy.addEventListener('click', function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { say('链接已复制，可粘贴发送给朋友'); },
          function () { fallbackCopy(url, say); });
      } else {
        fallbackCopy(url, say);
      }
    });
  }

  function fallbackCopy(text, say) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    say(ok ? '链接已复制，可粘贴发送给朋友' : '请长按地址栏复制链接：' + text);
  }
})();
