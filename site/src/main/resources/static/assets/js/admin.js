/* 管理后台 — plain ES5 (WeChat's X5 browser and old Android WebViews), no library. Every form works without this
   script; it adds checks as you type, photo previews, the body editor's toolbar and its sanitized preview. */
(function () {
  'use strict';

  function closest(el, selector) {
    while (el && el.nodeType === 1) {
      if (el.matches ? el.matches(selector) : el.msMatchesSelector(selector)) { return el; }
      el = el.parentNode;
    }
    return null;
  }

  function each(list, fn) { for (var i = 0; i < list.length; i++) { fn(list[i], i); } }

  // --- submit once: the clicked button's name/value must still be sent, so disable after the event
  each(document.querySelectorAll('form[data-once]'), function (form) {
    form.addEventListener('submit', function (e) {
      if (form.getAttribute('data-busy')) { e.preventDefault(); return; }
      // after every other listener: a submit the field checks stopped leaves the form usable
      setTimeout(function () {
        if (e.defaultPrevented) { return; }
        form.setAttribute('data-busy', '1');
        each(form.querySelectorAll('button[type=submit]'), function (b) { b.disabled = true; });
      }, 0);
    });
  });

  each(document.querySelectorAll('form[data-confirm]'), function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });

  each(document.querySelectorAll('button[data-status=WITHDRAWN]'), function (b) {
    b.addEventListener('click', function (e) {
      if (!window.confirm('下架后房源不再公开，确定下架？')) { e.preventDefault(); }
    });
  });

  // --- field checks (the server checks again; its messages land in the same place)
  function halfWidth(s) {
    return s.replace(/[\uff10-\uff19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\uff0e\u3002]/g, '.').replace(/\uff0d/g, '-');
  }

  function problemOf(input) {
    var v = (input.value || '').replace(/^\s+|\s+$/g, '');
    if (input.type === 'checkbox' || input.type === 'file' || input.type === 'hidden') { return null; }
    if (!v) { return input.required ? '必填' : null; }
    var kind = input.getAttribute('data-kind');
    if (kind) {
      var n = Number(halfWidth(v).replace(/,/g, ''));
      if (isNaN(n)) { return '请输入数字'; }
      if (kind === 'INTEGER' && Math.floor(n) !== n) { return '请输入整数'; }
      var min = input.getAttribute('data-min'), max = input.getAttribute('data-max');
      if ((min !== null && n < Number(min)) || (max !== null && n > Number(max))) { return '应在 ' + min + ' 到 ' + max + ' 之间'; }
    }
    var pattern = input.getAttribute('pattern');
    if (pattern && !new RegExp('^(?:' + pattern + ')$').test(v)) { return '格式不正确'; }
    return null;
  }

  function show(field, message) {
    var p = field.querySelector('.field__error');
    if (message) {
      if (!p) { p = document.createElement('p'); p.className = 'field__error'; field.appendChild(p); }
      p.textContent = message;
      field.className = field.className.replace(/\s*is-invalid/g, '') + ' is-invalid';
    } else {
      if (p) { field.removeChild(p); }
      field.className = field.className.replace(/\s*is-invalid/g, '');
    }
  }

  function check(input) {
    var field = closest(input, '.field');
    if (!field) { return true; }
    var message = problemOf(input);
    show(field, message);
    return !message;
  }

  each(document.querySelectorAll('form[data-validate]'), function (form) {
    each(form.querySelectorAll('input, select, textarea'), function (input) {
      input.addEventListener('blur', function () { check(input); });
      input.addEventListener('change', function () { if (closest(input, '.is-invalid')) { check(input); } });
    });
    form.addEventListener('submit', function (e) {
      var first = null;
      each(form.querySelectorAll('input, select, textarea'), function (input) {
        if (!check(input) && !first) { first = input; }
      });
      if (first) {
        e.preventDefault();
        first.focus();
        if (first.scrollIntoView) { first.scrollIntoView({ block: 'center' }); }
      }
    });
    var invalid = form.querySelector('.is-invalid input, .is-invalid select, .is-invalid textarea');
    if (invalid && invalid.scrollIntoView) { invalid.scrollIntoView({ block: 'center' }); }
  });

  // --- land area: ㎡ ⇄ 亩 hint
  each(document.querySelectorAll('[data-lot-unit]'), function (unit) {
    var field = closest(unit, '.field');
    var input = field.querySelector('input');
    var hint = field.querySelector('.field__hint');
    var base = hint ? hint.textContent : '';
    function update() {
      var n = Number(halfWidth(input.value || ''));
      if (!hint) { return; }
      if (!input.value || isNaN(n) || n <= 0) { hint.textContent = base; return; }
      hint.textContent = unit.value === 'MU'
        ? '约 ' + (Math.round(n * 666.67 * 100) / 100) + ' ㎡'
        : '约 ' + (Math.round(n / 666.67 * 100) / 100) + ' 亩';
    }
    unit.addEventListener('change', update);
    input.addEventListener('input', update);
    update();
  });

  // --- photo upload: preview and size check before the upload
  each(document.querySelectorAll('form[data-upload]'), function (form) {
    var file = form.querySelector('input[type=file]');
    var preview = form.querySelector('[data-preview]');
    var label = form.querySelector('[data-upload-label]');
    file.addEventListener('change', function () {
      var f = file.files && file.files[0];
      if (!f) { return; }
      if (f.size > 10 * 1024 * 1024) {
        window.alert('照片不能超过 10 MB');
        file.value = '';
        return;
      }
      if (window.URL && URL.createObjectURL && preview) {
        preview.src = URL.createObjectURL(f);
        preview.hidden = false;
      }
      if (label) { label.textContent = f.name + '（' + Math.round(f.size / 1024) + ' KB）'; }
    });
  });

  // --- article body editor
  var editor = document.querySelector('[data-editor]');
  if (editor) {
    var text = editor.querySelector('textarea');
    var pane = editor.querySelector('[data-preview-pane]');
    var csrf = closest(editor, 'form').querySelector('input[name=_csrf]').value;

    var insert = function (before, after, placeholder) {
      var start = text.selectionStart, end = text.selectionEnd;
      var selected = text.value.substring(start, end) || placeholder;
      text.value = text.value.substring(0, start) + before + selected + after + text.value.substring(end);
      text.focus();
      text.selectionStart = start + before.length;
      text.selectionEnd = start + before.length + selected.length;
    };
    each(editor.querySelectorAll('[data-wrap]'), function (b) {
      b.addEventListener('click', function () {
        var tag = b.getAttribute('data-wrap');
        insert('<' + tag + '>', '</' + tag + '>', '文字');
      });
    });
    each(editor.querySelectorAll('[data-list]'), function (b) {
      b.addEventListener('click', function () { insert('<ul>\n  <li>', '</li>\n</ul>', '列表项'); });
    });
    each(editor.querySelectorAll('[data-link]'), function (b) {
      b.addEventListener('click', function () {
        var url = window.prompt('链接地址（https://…）', 'https://');
        if (url) { insert('<a href="' + url.replace(/"/g, '&quot;') + '">', '</a>', '链接文字'); }
      });
    });
    each(editor.querySelectorAll('[data-image]'), function (b) {
      b.addEventListener('click', function () {
        var url = window.prompt('图片地址（https://… 或 /…）', 'https://');
        if (url) { insert('<img src="' + url.replace(/"/g, '&quot;') + '" alt="', '">', '图片说明'); }
      });
    });

    var tabs = editor.querySelectorAll('[data-tab]');
    var select = function (name) {
      each(tabs, function (t) { t.className = t.getAttribute('data-tab') === name ? 'is-active' : ''; });
      text.parentNode.hidden = name !== 'edit';
      pane.hidden = name !== 'preview';
    };
    each(tabs, function (t) {
      t.addEventListener('click', function () {
        var name = t.getAttribute('data-tab');
        select(name);
        if (name !== 'preview') { return; }
        pane.innerHTML = '<p class="muted">正在生成预览…</p>';
        var xhr = new XMLHttpRequest();
        xhr.open('POST', t.getAttribute('data-preview-url'));
        xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
        xhr.setRequestHeader('X-CSRF-Token', csrf);
        xhr.onload = function () {
          var answer = {};
          try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = {}; }
          if (xhr.status === 200) {
            // the sanitizer's output: the HTML content-service would store and show
            pane.innerHTML = answer.html || '<p class="muted">（正文为空）</p>';
          } else {
            pane.innerHTML = '';
            var p = document.createElement('p');
            p.className = 'field__error';
            p.textContent = answer.error || '预览失败，请稍后再试';
            pane.appendChild(p);
          }
        };
        xhr.onerror = function () { pane.innerHTML = '<p class="field__error">网络错误，预览失败</p>'; };
        xhr.send('body=' + encodeURIComponent(text.value));
      });
    });
  }
}());
