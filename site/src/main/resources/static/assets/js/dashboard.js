// 实时数据看板: renders the board JSON into the page and the ECharts charts, and keeps it live from
// /dashboard/stream (Server-Sent Events; falls back to polling /dashboard/board when a stream cannot get through).
(function () {
  'use strict';

  var INK2 = '#a9b8d0', LINE = '#223a63', BLUE = '#3b8cff', ORANGE = '#ff8a3d';
  var PALETTE = ['#3b8cff', '#ff8a3d', '#35c46a', '#ffc53d', '#b37feb', '#36cfc9', '#ff5a5a', '#7187a8'];
  var charts = {};
  var topKey = 'topNow';
  var lastBoard = null;
  var lastLeadId = null;
  var lastMessageAt = 0;
  /* The server's clock minus this computer's, from each board's "at": the wall clock shows server time. */
  var serverSkewMs = 0;

  function $(id) { return document.getElementById(id); }
  function text(el, value) { if (el) { el.textContent = value; } }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  /* Times in Zhongshan (UTC+8, no daylight saving), whatever zone the wall screen's computer is set to:
     the date is shifted by eight hours and read with the UTC getters. */
  var CHINA_OFFSET_MS = 8 * 3600 * 1000;
  function china(ms) { return new Date(ms + CHINA_OFFSET_MS); }
  function hhmm(iso) {
    if (!iso) { return '—'; }
    var d = china(new Date(iso).getTime());
    return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  function ms(v) {
    if (v == null) { return '—'; }
    if (v < 1000) { return v + ' 毫秒'; }
    if (v < 60000) { return (v / 1000).toFixed(1) + ' 秒'; }
    return (v / 60000).toFixed(1) + ' 分钟';
  }

  function chart(id) {
    if (!window.echarts) { return null; }
    if (!charts[id]) {
      var el = $(id);
      if (!el) { return null; }
      charts[id] = window.echarts.init(el, null, { renderer: 'canvas' });
    }
    return charts[id];
  }

  var axisStyle = {
    axisLine: { lineStyle: { color: LINE } },
    axisLabel: { color: INK2 },
    splitLine: { lineStyle: { color: LINE, type: 'dashed' } }
  };

  function drawTraffic(b) {
    var c = chart('c-traffic');
    if (!c) { return; }
    c.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: Object.assign({ type: 'category', boundaryGap: false, data: b.traffic.map(function (p) { return hhmm(p.at); }) }, axisStyle),
      yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle),
      series: [{
        name: '浏览量', type: 'line', smooth: true, symbol: 'none', data: b.traffic.map(function (p) { return p.views; }),
        lineStyle: { color: BLUE, width: 3 },
        areaStyle: { color: new window.echarts.graphic.LinearGradient(0, 0, 0, 1, [{ offset: 0, color: 'rgba(59,140,255,.45)' }, { offset: 1, color: 'rgba(59,140,255,0)' }]) }
      }]
    });
  }

  function drawTowns(b) {
    var c = chart('c-town');
    if (!c) { return; }
    var rows = b.byTown.slice(0, 8).reverse();
    c.setOption({
      animation: false,
      grid: { left: 70, right: 30, top: 8, bottom: 20 },
      tooltip: {},
      xAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle),
      yAxis: Object.assign({ type: 'category', data: rows.map(function (r) { return r.label; }) }, axisStyle),
      series: [{ type: 'bar', data: rows.map(function (r) { return r.count; }), itemStyle: { color: ORANGE, borderRadius: [0, 4, 4, 0] }, label: { show: true, position: 'right', color: '#fff' }, barMaxWidth: 22 }],
      graphic: rows.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '今日暂无询盘', fill: INK2, fontSize: 14 } }]
    }, true);
  }

  function drawTypes(b) {
    var c = chart('c-type');
    if (!c) { return; }
    var empty = !b.byType.length && !b.byIntent.length;
    c.setOption({
      animation: false,
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, textStyle: { color: INK2 }, itemWidth: 10, itemHeight: 10 },
      series: [
        { name: '物业类型', type: 'pie', radius: ['0%', '38%'], center: ['50%', '44%'], label: { color: '#fff', position: 'inner', formatter: '{b}' }, data: b.byType.map(function (r) { return { name: r.label, value: r.count }; }) },
        { name: '意向', type: 'pie', radius: ['50%', '66%'], center: ['50%', '44%'], label: { color: INK2, formatter: '{b} {c}' }, data: b.byIntent.map(function (r) { return { name: r.label, value: r.count }; }) }
      ],
      graphic: empty ? [{ type: 'text', left: 'center', top: 'middle', style: { text: '今日暂无询盘', fill: INK2, fontSize: 14 } }] : []
    }, true);
  }

  function list(id, items, render, emptyHtml) {
    var el = $(id);
    if (!el) { return; }
    el.innerHTML = items.length ? items.map(render).join('') : emptyHtml;
  }

  function drawTop(b) {
    list('top', b[topKey] || [], function (a) {
      return '<li><span title="' + esc(a.title) + '">' + esc(a.title || a.slug) + '</span><b>' + a.views + '</b></li>';
    }, '<li class="muted">暂无浏览</li>');
  }

  function render(b) {
    lastBoard = b;
    if (b.at) {
      var skew = new Date(b.at).getTime() - Date.now();
      if (!isNaN(skew)) { serverSkewMs = skew; }
    }
    text($('k-views'), b.viewsLastHour);
    text($('k-active'), b.activeVisitors);
    var before = $('k-today').textContent;
    text($('k-today'), b.leadsToday);
    if (before !== String(b.leadsToday) && before !== '') { bump($('k-today').parentNode); }
    text($('k-week'), '近 7 日 ' + b.leadsWeek);
    text($('k-notify'), ms(b.speedToday.notifyP50) + ' / ' + ms(b.speedToday.notifyP90));
    text($('k-notify-week'), '7 日 ' + ms(b.speedWeek.notifyP50) + ' / ' + ms(b.speedWeek.notifyP90));
    text($('k-ack'), ms(b.speedToday.ackP50) + ' / ' + ms(b.speedToday.ackP90));
    text($('k-ack-week'), '7 日 ' + ms(b.speedWeek.ackP50) + ' / ' + ms(b.speedWeek.ackP90));
    text($('k-missed'), b.missed.length);
    $('k-missed-box').classList.toggle('kpi--alarm', b.missed.length > 0);
    text($('k-fail'), b.failedDeliveries + ' / ' + (b.dlqDepth == null ? '—' : b.dlqDepth));
    $('k-fail-box').classList.toggle('kpi--alarm', b.failedDeliveries > 0 || (b.dlqDepth || 0) > 0);

    var newest = b.recentLeads.length ? b.recentLeads[0].leadId : null;
    list('feed', b.recentLeads, function (l, i) {
      var fresh = newest && newest !== lastLeadId && i === 0 && lastLeadId !== null;
      return '<li data-lead-id="' + esc(l.leadId) + '"' + (fresh ? ' class="is-new"' : '') + '><b>' + esc(l.town) + '</b> <span>' + esc(l.what) +
        '</span><em>评分 ' + (l.score == null ? '—' : l.score) + '</em><time>' + hhmm(l.receivedAt) + '</time></li>';
    }, '<li class="feed__empty">等待新询盘…（新询盘 5 秒内出现在这里）</li>');
    if (newest && lastLeadId !== null && newest !== lastLeadId) {
      toast('新询盘：' + b.recentLeads[0].town + ' ' + b.recentLeads[0].what);
    }
    lastLeadId = newest || '';

    drawTop(b);
    list('missed', b.missed, function (m) {
      return '<li><b>' + esc(m.town) + '</b> <span>' + esc(m.what) + '</span> <span>' + esc(m.assignee) + '</span><em>超时 ' + m.lateMinutes + ' 分钟</em></li>';
    }, '<li class="ok">全部询盘均已按时确认 ✓</li>');
    list('failures', b.failures, function (f) {
      return '<li><span>' + esc(f.channel) + '</span> <span>' + esc(f.status) + '</span> <time>' + hhmm(f.at) + '</time></li>';
    }, '<li class="ok">推送正常 ✓</li>');
    var conv = $('conversion').tBodies[0];
    conv.innerHTML = b.conversion.length ? b.conversion.map(function (c) {
      return '<tr><td title="' + esc(c.title) + '">' + esc(c.title || c.slug) + '</td><td>' + c.views + '</td><td>' + c.leads + '</td><td>' + (c.rate * 100).toFixed(1) + '%</td></tr>';
    }).join('') : '<tr><td colspan="4" class="muted">暂无数据</td></tr>';
    var agents = $('agents').tBodies[0];
    agents.innerHTML = b.agents.length ? b.agents.map(function (a) {
      return '<tr><td>' + esc(a.name) + '</td><td>' + a.open + '</td><td' + (a.awaiting > 0 ? ' class="warn"' : '') + '>' + a.awaiting + '</td></tr>';
    }).join('') : '<tr><td colspan="3" class="muted">暂无在手询盘</td></tr>';

    $('town-table').tBodies[0].innerHTML = b.byTown.map(function (c) {
      return '<tr><th scope="row">' + esc(c.label) + '</th><td>' + c.count + '</td></tr>';
    }).join('');

    drawTraffic(b);
    drawTowns(b);
    drawTypes(b);
  }

  function bump(el) {
    el.classList.remove('is-bumped');
    void el.offsetWidth;
    el.classList.add('is-bumped');
  }

  var toastTimer;
  function toast(message) {
    var t = $('toast');
    t.textContent = message;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, 8000);
  }

  function state(on, label) {
    var el = $('live-state');
    el.className = 'live ' + (on ? 'is-on' : 'is-off');
    el.querySelector('span').textContent = label;
  }

  function onBoard(data) {
    lastMessageAt = Date.now();
    try { render(JSON.parse(data)); } catch (e) { /* a broken message: the next one repairs the screen */ }
  }

  var polling = null;
  function poll() {
    if (polling) { return; }
    polling = setInterval(function () {
      fetch('/dashboard/board', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (r.status === 401) { location.reload(); } return r.ok ? r.text() : null; })
        .then(function (t) { if (t) { onBoard(t); state(true, '实时（轮询）'); } })
        .catch(function () { state(false, '重连中'); });
    }, 5000);
  }

  function connect() {
    if (!window.EventSource) { poll(); return; }
    var source = new EventSource('/dashboard/stream');
    source.addEventListener('board', function (e) { onBoard(e.data); state(true, '实时'); });
    source.onopen = function () { state(true, '实时'); };
    // a proxy may end a long stream now and then; the browser reconnects at once and gets the whole board again,
    // so "reconnecting" is shown only when nothing has arrived for a while
    source.onerror = function () {
      setTimeout(function () { if (Date.now() - lastMessageAt > 6000) { state(false, '重连中'); } }, 6000);
    };
    // a proxy that buffers the stream delivers nothing: then poll instead
    setTimeout(function () { if (!lastMessageAt) { source.close(); poll(); } }, 12000);
  }

  function clock() {
    var d = china(Date.now() + serverSkewMs);
    text($('clock'), d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()));
  }

  var tabs = document.querySelectorAll('[data-top]');
  for (var i = 0; i < tabs.length; i++) {
    tabs[i].addEventListener('click', function (e) {
      topKey = e.currentTarget.getAttribute('data-top');
      for (var j = 0; j < tabs.length; j++) { tabs[j].setAttribute('aria-selected', tabs[j] === e.currentTarget ? 'true' : 'false'); }
      if (lastBoard) { drawTop(lastBoard); }
    });
  }
  window.addEventListener('resize', function () { for (var k in charts) { charts[k].resize(); } });

  try { render(JSON.parse($('board-data').textContent)); } catch (e) { /* server-rendered figures stay */ }
  clock();
  setInterval(clock, 1000);
  connect();
})();
