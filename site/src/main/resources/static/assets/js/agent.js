// 询盘工作台: countdowns to the acknowledgement deadline, the full number on tap, no double submits, the
// sign-in confirmation. Plain ES5-level DOM code: WeChat's and WeChat Work's in-app browsers run it.
(function () {
  'use strict';

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function tick() {
    var now = Date.now();
    var nodes = document.querySelectorAll('[data-deadline]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var deadline = Date.parse(el.getAttribute('data-deadline'));
      if (isNaN(deadline)) { continue; }
      var s = Math.round((deadline - now) / 1000);
      if (s >= 0) {
        el.textContent = '剩余 ' + Math.floor(s / 60) + ':' + pad(s % 60) + ' 确认';
        el.className = el.className.replace(' is-late', '');
      } else {
        var late = Math.ceil(-s / 60);
        el.textContent = '已超时 ' + late + ' 分钟';
        if (el.className.indexOf('is-late') < 0) { el.className += ' is-late'; }
      }
    }
  }

  function once(form) {
    form.addEventListener('submit', function () {
      var buttons = form.querySelectorAll('button[type=submit]');
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].disabled = true;
        buttons[i].setAttribute('aria-busy', 'true');
      }
    });
  }

  function reveal(form) {
    form.addEventListener('submit', function (e) {
      if (!window.fetch) { return; } // the form posts and the page comes back with the number
      e.preventDefault();
      var button = form.querySelector('button');
      button.disabled = true;
      button.textContent = '加载中…';
      var csrf = form.querySelector('input[name=_csrf]').value;
      fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
      }).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (c) {
        document.getElementById('contact-name').textContent = c.contactName;
        document.getElementById('contact-phone').textContent = c.phone;
        var call = document.getElementById('call-button');
        call.setAttribute('href', 'tel:' + c.phone);
        call.className = call.className.replace(' is-hidden', '').replace('is-hidden', '');
        form.parentNode.removeChild(form);
      }).catch(function () {
        button.disabled = false;
        button.textContent = '重试';
      });
    });
  }

  var forms = document.querySelectorAll('form[data-once]');
  for (var i = 0; i < forms.length; i++) { once(forms[i]); }
  var reveals = document.querySelectorAll('form[data-reveal]');
  for (var j = 0; j < reveals.length; j++) { reveal(reveals[j]); }
  var auto = document.querySelector('form[data-autosubmit]');
  if (auto) {
    var b = auto.querySelector('button');
    if (b) { b.disabled = true; b.textContent = '正在登录…'; }
    auto.submit();
  }
  // right after a claim lead-service may need a moment to hear of it: look again a few times
  var retry = document.querySelector('[data-retry]');
  if (retry) {
    var tries = Number(sessionStorage.getItem('zs-retry') || '0');
    if (tries < 5) {
      sessionStorage.setItem('zs-retry', String(tries + 1));
      setTimeout(function () { location.reload(); }, 1500);
    }
  } else if (window.sessionStorage) {
    sessionStorage.removeItem('zs-retry');
  }
  tick();
  setInterval(tick, 1000);
})();
