/* 中山厂房网 — the inquiry form. Validates on blur, solves the ALTCHA proof of work in the background while the
   visitor types (SHA-256 over salt + number, as lead-service's org.altcha library verifies), posts JSON to the
   gateway's POST /api/leads, shows the API's ProblemDetail field errors at their fields, and a success state.
   Plain ES5 for WeChat's X5 browser; WebCrypto where the page is a secure context, a small SHA-256 otherwise. */
(function () {
  'use strict';

  var form = document.querySelector('[data-inquiry-form]');
  if (!form) { return; }
  var root = form.parentNode;
  var successBox = root.querySelector('[data-success]');
  var formError = form.querySelector('[data-form-error]');
  var submitButton = form.querySelector('[data-submit]');
  var MIN_FILL_MS = 3200; /* lead-service refuses forms sent < 3 s after they were shown */
  var CHALLENGE_MAX_AGE_MS = 9 * 60 * 1000; /* challenges expire after 10 minutes */
  var HOTLINE = '400 0123 021';

  var MESSAGES = {
    intent: '请选择求租或求购',
    propertyType: '请选择物业类型',
    town: '请选择所在镇街',
    contactName: '请填写联系人',
    phoneRequired: '请填写手机号码',
    phoneInvalid: '请输入有效的11位中国大陆手机号码',
    consent: '请勾选同意我们与您联系',
    areaNumber: '面积应为大于0的合理数值',
    areaOrder: '最小面积不能大于最大面积',
    tax: '预计年纳税额（万元）应为不小于0的数字',
    height: '层高应为 1–50 米之间的数字',
    power: '配电应为大于0的数字（kVA）',
    crane: '行车吨位应为大于0的数字，不需要请留空',
    budget: '预算应为大于0的数字',
    moveIn: '请选择今天或以后的日期',
    term: '租期应为 1–600 之间的整数（月）'
  };

  form.hidden = false;
  var startedAt = Date.now();

  /* A link such as /?town=小榄镇#inquiry (the home page's town chips) preselects the town. */
  var wanted = /[?&]town=([^&#]*)/.exec(location.search);
  if (wanted && form.elements.town) {
    var town = decodeURIComponent(wanted[1].replace(/\+/g, ' '));
    for (var o = 0; o < form.elements.town.options.length; o++) {
      if (form.elements.town.options[o].value === town) { form.elements.town.selectedIndex = o; }
    }
  }

  /* ---------- SHA-256 and the ALTCHA solver ---------- */

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) { out += (bytes[i] + 0x100).toString(16).substring(1); }
    return out;
  }

  function ascii(text) {
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i) & 0xff; }
    return bytes;
  }

  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1,
    0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
    0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3,
    0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb,
    0xbef9a3f7, 0xc67178f2];

  /** SHA-256 of an ASCII string, hex; for browsers without crypto.subtle (plain-HTTP pages in old WebViews). */
  function sha256Sync(text) {
    var bytes = ascii(text);
    var bitLength = bytes.length * 8;
    var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    padded[padded.length - 4] = (bitLength >>> 24) & 0xff;
    padded[padded.length - 3] = (bitLength >>> 16) & 0xff;
    padded[padded.length - 2] = (bitLength >>> 8) & 0xff;
    padded[padded.length - 1] = bitLength & 0xff;
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var offset = 0; offset < padded.length; offset += 64) {
      for (var t = 0; t < 16; t++) {
        var p = offset + t * 4;
        w[t] = (padded[p] << 24) | (padded[p + 1] << 16) | (padded[p + 2] << 8) | padded[p + 3];
      }
      for (t = 16; t < 64; t++) {
        var x = w[t - 15], y = w[t - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var t1 = (k + S1 + ch + K[t] + w[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (S0 + maj) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    var out = '';
    for (var i = 0; i < 8; i++) { out += ('00000000' + (h[i] >>> 0).toString(16)).slice(-8); }
    return out;
  }

  var subtle = window.crypto && window.crypto.subtle && window.isSecureContext !== false ? window.crypto.subtle : null;

  /** Finds n in [0, max] with sha256(salt + n) == challenge, in batches so the page stays responsive. */
  function solve(challenge, done) {
    var BATCH = subtle ? 500 : 1500;
    var next = 0;
    function step() {
      if (next > challenge.maxnumber) { done(null); return; }
      var from = next;
      var to = Math.min(from + BATCH - 1, challenge.maxnumber);
      next = to + 1;
      if (!subtle) {
        for (var n = from; n <= to; n++) {
          if (sha256Sync(challenge.salt + n) === challenge.challenge) { done(n); return; }
        }
        setTimeout(step, 0);
        return;
      }
      var digests = [];
      for (var m = from; m <= to; m++) { digests.push(subtle.digest('SHA-256', ascii(challenge.salt + m))); }
      Promise.all(digests).then(function (results) {
        for (var i = 0; i < results.length; i++) {
          if (hex(results[i]) === challenge.challenge) { done(from + i); return; }
        }
        setTimeout(step, 0);
      }, function () { subtle = null; next = from; setTimeout(step, 0); });
    }
    step();
  }

  /* One call to lead-service: done(status, the parsed answer or null). A body is sent as JSON, and its refusal comes
     as a ProblemDetail (application/problem+json), so a POST also accepts that. */
  function callJson(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    if (body !== null) { xhr.setRequestHeader('Content-Type', 'application/json'); }
    xhr.setRequestHeader('Accept', body !== null ? 'application/json, application/problem+json' : 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      done(xhr.status, answer);
    };
    xhr.send(body !== null ? JSON.stringify(body) : null);
  }

  /* The current proof of work: {payload, fetchedAt} once solved; waiting callbacks get it when it is ready. */
  var pow = { state: 'idle', payload: null, fetchedAt: 0, waiting: [] };

  function startProofOfWork() {
    if (pow.state === 'solving') { return; }
    pow.state = 'solving';
    pow.payload = null;
    form.setAttribute('data-altcha', 'solving');
    callJson('GET', '/api/leads/challenge', null, function (status, challenge) {
      if (status !== 200 || !challenge || !challenge.salt) { finishProofOfWork(null); return; }
      var fetchedAt = Date.now();
      solve(challenge, function (number) {
        if (number === null) { finishProofOfWork(null); return; }
        pow.fetchedAt = fetchedAt;
        finishProofOfWork(btoa(JSON.stringify({
          algorithm: challenge.algorithm || 'SHA-256', challenge: challenge.challenge, number: number,
          salt: challenge.salt, signature: challenge.signature
        })));
      });
    });
  }

  function finishProofOfWork(payload) {
    pow.state = payload ? 'solved' : 'failed';
    pow.payload = payload;
    form.setAttribute('data-altcha', pow.state);
    var waiting = pow.waiting;
    pow.waiting = [];
    for (var i = 0; i < waiting.length; i++) { waiting[i](payload); }
  }

  /** Calls back with a fresh solved payload (solving again if the last one is used or about to expire). */
  function withProofOfWork(callback) {
    if (pow.state === 'solved' && Date.now() - pow.fetchedAt < CHALLENGE_MAX_AGE_MS) {
      var payload = pow.payload;
      pow.state = 'used';
      callback(payload);
      return;
    }
    pow.waiting.push(callback);
    if (pow.state !== 'solving') { startProofOfWork(); }
  }

  /* Start right away: the visitor reads and types for longer than the work takes. */
  startProofOfWork();

  /* ---------- Field validation ---------- */

  function normalizePhone(raw) {
    var s = String(raw || '').replace(/[\uFF10-\uFF19]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48);
    }).replace(/\uFF0B/g, '+').replace(/[\s\u3000\-()（）]/g, '');
    if (s.indexOf('+86') === 0) { s = s.substring(3); } else if (s.indexOf('0086') === 0) { s = s.substring(4); } else if (s.length === 13 && s.indexOf('86') === 0) { s = s.substring(2); }
    return /^1[3-9]\d{9}$/.test(s) ? s : null;
  }

  function value(name) {
    var el = form.elements[name];
    if (!el) { return ''; }
    if (el.length !== undefined && el.tagName !== 'SELECT') {
      for (var i = 0; i < el.length; i++) { if (el[i].checked) { return el[i].value; } }
      return '';
    }
    if (el.type === 'checkbox') { return el.checked ? el.value : ''; }
    return String(el.value || '').replace(/^\s+|\s+$/g, '');
  }

  function number(name) {
    var v = value(name);
    if (v === '') { return null; }
    var n = Number(v.replace(/[\uFF10-\uFF19]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48); }));
    return isNaN(n) ? NaN : n;
  }

  /** The message for one field (the keys are the API's field names, plus "area"), or null when it is fine. */
  function check(field) {
    switch (field) {
      case 'intent': return value('intent') ? null : MESSAGES.intent;
      case 'propertyType': return value('propertyType') ? null : MESSAGES.propertyType;
      case 'town': return value('town') ? null : MESSAGES.town;
      case 'contactName': return value('contactName') ? null : MESSAGES.contactName;
      case 'phone':
        if (!value('phone')) { return MESSAGES.phoneRequired; }
        return normalizePhone(value('phone')) ? null : MESSAGES.phoneInvalid;
      case 'consent': return value('consent') ? null : MESSAGES.consent;
      case 'area':
        var min = number('areaMin'), max = number('areaMax');
        if ((min !== null && (isNaN(min) || min < 0)) || (max !== null && (isNaN(max) || max <= 0))) { return MESSAGES.areaNumber; }
        if (min !== null && max !== null && min > max) { return MESSAGES.areaOrder; }
        return null;
      case 'expectedAnnualTaxWan':
        var tax = number('expectedAnnualTaxWan');
        return tax !== null && isNaN(tax) ? MESSAGES.tax : null;
      case 'requirements.minClearHeightM':
        var height = number('minClearHeightM');
        return height !== null && (isNaN(height) || height <= 0 || height > 50) ? MESSAGES.height : null;
      case 'requirements.minPowerKva': return positiveOrEmpty('minPowerKva') ? null : MESSAGES.power;
      case 'requirements.craneTonnage': return positiveOrEmpty('craneTonnage') ? null : MESSAGES.crane;
      case 'requirements.budget': return positiveOrEmpty('budgetAmount') ? null : MESSAGES.budget;
      case 'requirements.moveInDate':
        var date = value('moveInDate');
        return date && !/^\d{4}-\d{2}-\d{2}$/.test(date) || (date && date < today()) ? MESSAGES.moveIn : null;
      case 'requirements.leaseTermMonths':
        var term = number('leaseTermMonths');
        return term !== null && (isNaN(term) || term < 1 || term > 600 || Math.floor(term) !== term) ? MESSAGES.term : null;
      default: return null;
    }
  }

  function positiveOrEmpty(name) {
    var n = number(name);
    return n === null || (!isNaN(n) && n > 0);
  }

  /* Today in China (UTC+8), as yyyy-MM-dd: the move-in date may not be in the past. */
  function today() {
    var d = new Date(Date.now() + 8 * 3600 * 1000);
    var m = d.getUTCMonth() + 1, day = d.getUTCDate();
    return d.getUTCFullYear() + '-' + (m < 10 ? '0' + m : m) + '-' + (day < 10 ? '0' + day : day);
  }

  var FIELDS = ['intent', 'propertyType', 'town', 'area', 'expectedAnnualTaxWan', 'contactName', 'phone', 'consent',
    'requirements.minClearHeightM', 'requirements.minPowerKva', 'requirements.craneTonnage', 'requirements.budget',
    'requirements.moveInDate', 'requirements.leaseTermMonths'];
  var API_FIELD = {
    areaSqm: 'area', areaMu: 'area', 'areaSqm.min': 'area', 'areaSqm.max': 'area', 'areaMu.min': 'area', 'areaMu.max': 'area',
    'requirements.budget.amount': 'requirements.budget', 'requirements.budget.unit': 'requirements.budget'
  };

  function fieldBox(field) { return form.querySelector('[data-field="' + field + '"]'); }

  function showError(field, message) {
    var box = fieldBox(field);
    var slot = form.querySelector('[data-error-for="' + field + '"]');
    if (!box || !slot) { return false; }
    box.className = box.className.replace(/\s*is-invalid/g, '') + (message ? ' is-invalid' : '');
    /* An error inside the collapsed 更多要求 step must be seen: open it. */
    if (message) {
      for (var up = box.parentNode; up && up !== form; up = up.parentNode) {
        if (up.tagName === 'DETAILS') { up.open = true; }
      }
    }
    slot.textContent = message || '';
    slot.hidden = !message;
    var inputs = box.querySelectorAll('input, select, textarea');
    for (var i = 0; i < inputs.length; i++) {
      if (message) { inputs[i].setAttribute('aria-invalid', 'true'); } else { inputs[i].removeAttribute('aria-invalid'); }
    }
    return true;
  }

  function fieldOf(element) {
    var box = element;
    while (box && box !== form && !box.getAttribute('data-field')) { box = box.parentNode; }
    return box && box !== form ? box.getAttribute('data-field') : null;
  }

  /* On blur: say what is wrong with the field just left. While typing: clear an error as soon as it is fixed.
     A blur caused by a tap waits until the tap is over: a message appearing between touchstart and touchend shifts
     the page, and the tap would land beside the checkbox or button the visitor aimed at. */
  var pointerDown = false;
  var pending = [];
  function pressed() { pointerDown = true; }
  function released() {
    pointerDown = false;
    setTimeout(function () {
      var fields = pending;
      pending = [];
      for (var i = 0; i < fields.length; i++) { showError(fields[i], check(fields[i])); }
    }, 0);
  }
  document.addEventListener('mousedown', pressed, true);
  document.addEventListener('touchstart', pressed, true);
  document.addEventListener('mouseup', released, true);
  document.addEventListener('touchend', released, true);
  document.addEventListener('touchcancel', released, true);
  form.addEventListener('focusout', function (event) {
    var field = fieldOf(event.target);
    if (field && event.target.name !== 'areaUnit' && (event.target.value || field === 'phone' || field === 'contactName' || field === 'town')) {
      if (pointerDown) { pending.push(field); } else { showError(field, check(field)); }
    }
  }, true);
  function clearWhenFixed(event) {
    var field = fieldOf(event.target);
    if (field && fieldBox(field).className.indexOf('is-invalid') >= 0 && !check(field)) { showError(field, null); }
  }
  form.addEventListener('input', clearWhenFixed);
  form.addEventListener('change', clearWhenFixed);

  function setFormError(message) {
    formError.textContent = message || '';
    formError.hidden = !message;
  }

  /* ---------- Submit ---------- */

  var busy = false;

  function setBusy(on) {
    busy = on;
    submitButton.disabled = on;
    submitButton.setAttribute('aria-busy', on ? 'true' : 'false');
    submitButton.textContent = on ? '正在提交…' : '免费提交需求';
  }

  function payload(altcha) {
    var unit = value('areaUnit') === 'mu' ? 'areaMu' : 'areaSqm';
    var body = {
      intent: value('intent'), propertyType: value('propertyType'), town: value('town'),
      use: value('use') || null, expectedAnnualTaxWan: number('expectedAnnualTaxWan'),
      company: value('company') || null, contactName: value('contactName'),
      phone: normalizePhone(value('phone')) || value('phone'), message: value('message') || null,
      sourceArticle: form.getAttribute('data-source-article') || null,
      visitorId: window.ZSSite ? window.ZSSite.visitorId : null,
      consent: value('consent') === 'true', marketingSmsConsent: value('marketingSmsConsent') === 'true',
      website: form.elements.website ? form.elements.website.value : '', formStartedAt: startedAt, altcha: altcha
    };
    var min = number('areaMin'), max = number('areaMax');
    if (min !== null || max !== null) { body[unit] = { min: min, max: max }; }
    var listing = value('sourceListing');
    if (listing) { body.sourceListing = listing; }
    var needs = requirements();
    if (needs) { body.requirements = needs; }
    return body;
  }

  /** The 更多要求 step as the API's "requirements", or null when the visitor left it empty. */
  function requirements() {
    var r = {};
    var any = false;
    function put(key, v) { if (v !== null && v !== '' && !(typeof v === 'number' && isNaN(v))) { r[key] = v; any = true; } }
    put('minClearHeightM', number('minClearHeightM'));
    put('minPowerKva', number('minPowerKva'));
    put('floor', value('floor'));
    put('fireClass', value('fireClass'));
    put('craneTonnage', number('craneTonnage'));
    var amount = number('budgetAmount');
    if (amount !== null && !isNaN(amount)) { r.budget = { amount: amount, unit: value('budgetUnit') }; any = true; }
    put('moveInDate', value('moveInDate'));
    put('leaseTermMonths', number('leaseTermMonths'));
    put('industry', value('industry'));
    return any ? r : null;
  }

  function mask(phone) { return phone && phone.length === 11 ? phone.substring(0, 3) + '****' + phone.substring(7) : '您的手机'; }

  function succeed(answer, phone) {
    successBox.querySelector('[data-reference]').textContent = 'ZS-' + String(answer.id).substring(0, 8).toUpperCase();
    successBox.querySelector('[data-phone-masked]').textContent = mask(phone);
    successBox.setAttribute('data-lead-id', answer.id);
    if (answer.duplicate) {
      successBox.querySelector('[data-success-title]').textContent = '您的需求我们已经收到，无需重复提交';
    }
    form.hidden = true;
    successBox.hidden = false;
    successBox.focus();
    if (successBox.scrollIntoView) { successBox.scrollIntoView(); }
  }

  function fail(status, answer, retry) {
    var errors = answer && answer.errors ? answer.errors : [];
    var first = null;
    var unplaced = [];
    for (var i = 0; i < errors.length; i++) {
      var field = API_FIELD[errors[i].field] || errors[i].field;
      if (field === 'altcha' && retry) { retry(); return; }
      if (showError(field, errors[i].message)) {
        if (!first) { first = field; }
      } else {
        unplaced.push(errors[i].message);
      }
    }
    if (status === 429) {
      setFormError('提交过于频繁，请稍后再试，或直接致电 ' + HOTLINE + '。');
    } else if (status === 400 && errors.length === 0) {
      setFormError((answer && answer.detail) || '提交未被接受，请稍后重试。');
    } else if (unplaced.length) {
      setFormError(unplaced.join('；'));
    } else if (status !== 400) {
      setFormError('网络繁忙，提交未成功。请稍后重试，或直接致电 ' + HOTLINE + '。');
    }
    focusField(first);
    setBusy(false);
  }

  function focusField(field) {
    if (!field) { return; }
    var box = fieldBox(field);
    var input = box && box.querySelector('input, select, textarea');
    if (input) { input.focus(); }
  }

  function hasAltchaError(errors) {
    for (var i = 0; i < errors.length; i++) { if (errors[i].field === 'altcha') { return true; } }
    return false;
  }

  function send(triesLeft) {
    withProofOfWork(function (altcha) {
      if (!altcha) { fail(0, null, null); return; }
      var body = payload(altcha);
      /* A person who fills in very fast (autofill) waits the rest of the minimum fill time instead of failing. */
      var wait = Math.max(0, startedAt + MIN_FILL_MS - Date.now());
      setTimeout(function () {
        callJson('POST', '/api/leads', body, function (status, answer) {
          if ((status === 201 || status === 200) && answer && answer.id) {
            succeed(answer, body.phone);
          } else {
            /* Field errors are found before the proof of work is checked: the solution is still unused. */
            if (status === 400 && answer && answer.errors && answer.errors.length && !hasAltchaError(answer.errors)) {
              pow.state = 'solved';
              pow.payload = altcha;
            }
            fail(status, answer, triesLeft > 0 ? function () { send(triesLeft - 1); } : null);
          }
        });
      }, wait);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) { return; }
    setFormError(null);
    var first = null;
    for (var i = 0; i < FIELDS.length; i++) {
      var message = check(FIELDS[i]);
      showError(FIELDS[i], message);
      if (message && !first) { first = FIELDS[i]; }
    }
    if (first) { focusField(first); return; }
    setBusy(true);
    send(1);
  });
})();
