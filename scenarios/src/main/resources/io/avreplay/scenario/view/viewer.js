// avreplay viewer: one page, no dependencies. The data is inlined (#avreplay-data) or fetched from data.json.
(function () {
  'use strict';
  var LAYER = { ignored: 0, truth: 1, gt: 1, missed: 1, fp: 2, tp: 2 };
  var LABELLED = { tp: true, fp: true, missed: true, truth: true };
  var state = { data: null, frame: -1, playing: false, timer: null, colours: {}, points: [] };
  var api = { frame: -1, ready: false, drawn: { bev: {}, cameras: {} }, counts3d: {}, counts2d: {} };
  window.avreplayViewer = api;

  function $(id) { return document.getElementById(id); }

  function fail(message) {
    var e = $('error');
    e.textContent = message;
    e.hidden = false;
  }

  function load() {
    var inline = $('avreplay-data');
    if (inline) {
      return Promise.resolve(JSON.parse(inline.textContent));
    }
    return fetch('data.json').then(function (r) {
      if (!r.ok) { throw new Error('data.json: HTTP ' + r.status); }
      return r.json();
    });
  }

  function decodePoints(b64) {
    var bin = atob(b64 || '');
    var view = new DataView(new ArrayBuffer(bin.length));
    for (var i = 0; i < bin.length; i++) { view.setUint8(i, bin.charCodeAt(i)); }
    var n = bin.length / 6, out = new Float32Array(n * 3);
    for (var k = 0; k < n * 3; k++) { out[k] = view.getInt16(k * 2, true) / 100; }
    return out;
  }

  function fmt(v) { return v === undefined ? '–' : v.toFixed(2); }

  function setup(data) {
    state.data = data;
    $('log-id').textContent = data.log.id;
    data.legend.forEach(function (l) { state.colours[l.key] = l.colour; });
    var shown = data.withRun ? ['tp', 'fp', 'missed', 'gt', 'ignored'] : ['truth', 'ignored'];
    data.legend.filter(function (l) { return shown.indexOf(l.key) >= 0; }).forEach(function (l) {
      var li = document.createElement('li');
      var sw = document.createElement('i');
      sw.style.background = l.colour;
      li.appendChild(sw);
      li.appendChild(document.createTextNode(l.label));
      li.dataset.key = l.key;
      $('legend').appendChild(li);
    });
    if (data.withRun && data.minScore > 0) {
      var floor = document.createElement('li');
      floor.className = 'floor';
      floor.textContent = 'detections scoring \u2265 ' + data.minScore.toFixed(2);
      $('legend').appendChild(floor);
    }
    data.cameras.forEach(function (cam) {
      var box = document.createElement('div');
      box.className = 'cam';
      var img = document.createElement('img');
      img.alt = 'camera ' + cam;
      img.id = 'img-' + cam;
      var cv = document.createElement('canvas');
      cv.id = 'cam-' + cam;
      cv.className = 'cam-overlay';
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = cam;
      box.appendChild(img);
      box.appendChild(cv);
      box.appendChild(name);
      $('cameras').appendChild(box);
      img.addEventListener('load', function () { drawCamera(cam); });
    });
    var scrub = $('scrub');
    scrub.max = String(Math.max(0, data.frames.length - 1));
    scrub.addEventListener('input', function () { stop(); show(+scrub.value); });
    $('play').addEventListener('click', function () { if (state.playing) { stop(); } else { play(); } });
    var dur = Math.max(data.log.durationS, 1e-9);
    data.scenarios.forEach(function (s) {
      var band = document.createElement('div');
      band.className = 'band';
      band.style.left = (100 * s.startS / dur) + '%';
      band.style.width = Math.max(0.3, 100 * (s.endS - s.startS) / dur) + '%';
      band.title = s.id + ': ' + s.title + ' (' + s.startS.toFixed(1) + '–' + s.endS.toFixed(1) + ' s)';
      band.addEventListener('click', function () { stop(); seekSeconds(s.startS); });
      $('bands').appendChild(band);
      var li = document.createElement('li');
      li.dataset.id = s.id;
      var a = document.createElement('a');
      a.href = '#t=' + s.startS.toFixed(3) + 's';
      a.textContent = s.id;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + s.startS.toFixed(1) + '–' + s.endS.toFixed(1) + ' s: ' + s.title));
      $('scenario-list').appendChild(li);
    });
    if (!data.scenarios.length) {
      var none = document.createElement('li');
      none.textContent = 'none (view --catalog DIR)';
      $('scenario-list').appendChild(none);
    }
    window.addEventListener('hashchange', fromHash);
    document.addEventListener('keydown', function (e) {
      if (e.key === ' ') { e.preventDefault(); if (state.playing) { stop(); } else { play(); } }
      if (e.key === 'ArrowRight') { stop(); show(Math.min(state.frame + 1, data.frames.length - 1)); }
      if (e.key === 'ArrowLeft') { stop(); show(Math.max(state.frame - 1, 0)); }
    });
    if (!fromHash()) { show(0); }
    api.ready = true;
  }

  // #t=12.5s (seconds from the log start) or #ns=<timestamp ns>
  function fromHash() {
    var m = /(?:^#|&)t=([0-9.]+)s?/.exec(location.hash);
    if (m) { seekSeconds(parseFloat(m[1])); return true; }
    m = /(?:^#|&)ns=([0-9]+)/.exec(location.hash);
    if (m) { seekSeconds((Number(m[1]) - state.data.log.startNs) / 1e9); return true; }
    return false;
  }

  function seekSeconds(t) {
    var frames = state.data.frames, best = 0;
    for (var i = 1; i < frames.length; i++) {
      if (Math.abs(frames[i].t - t) < Math.abs(frames[best].t - t)) { best = i; }
    }
    show(best);
  }

  function play() {
    var frames = state.data.frames;
    if (frames.length < 2) { return; }
    if (state.frame >= frames.length - 1) { show(0); }
    state.playing = true;
    $('play').innerHTML = '&#10074;&#10074;';
    $('play').setAttribute('aria-label', 'pause');
    step();
  }

  function step() {
    var frames = state.data.frames;
    if (!state.playing) { return; }
    if (state.frame >= frames.length - 1) { stop(); return; }
    var dt = (frames[state.frame + 1].t - frames[state.frame].t) * 1000 / +$('speed').value;
    state.timer = setTimeout(function () { show(state.frame + 1); step(); }, Math.max(10, dt));
  }

  function stop() {
    state.playing = false;
    clearTimeout(state.timer);
    $('play').innerHTML = '&#9654;';
    $('play').setAttribute('aria-label', 'play');
  }

  function show(i) {
    var data = state.data, f = data.frames[i];
    if (!f) { return; }
    state.frame = i;
    api.frame = i;
    $('scrub').value = String(i);
    $('clock').textContent = 't = ' + f.t.toFixed(3) + ' s  (frame ' + (i + 1) + '/' + data.frames.length + ')';
    history.replaceState(null, '', '#t=' + f.t.toFixed(3) + 's');
    state.points = decodePoints(f.points);
    drawBev(f);
    data.cameras.forEach(function (cam) {
      var c = f.cams[cam], img = $('img-' + cam);
      if (!c) { return; }
      var src = data.images[c.image];
      if (img.getAttribute('src') !== src) { img.src = src; } else { drawCamera(cam); }
    });
    metrics(f);
    Array.prototype.forEach.call($('scenario-list').children, function (li) {
      var s = data.scenarios.filter(function (x) { return x.id === li.dataset.id; })[0];
      li.classList.toggle('active', !!s && f.t >= s.startS && f.t <= s.endS);
    });
    api.counts3d = f.counts3d || {};
    api.counts2d = f.counts2d || {};
  }

  function metrics(f) {
    var body = $('metrics').tBodies[0];
    body.innerHTML = '';
    [['3D (lidar)', f.counts3d], ['2D (cameras)', f.counts2d]].forEach(function (row) {
      if (!row[1]) { return; }
      var tr = document.createElement('tr');
      var c = row[1];
      [row[0], c.tp, c.fp, c.missed, fmt(c.precision), fmt(c.recall)].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = String(v);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function ordered(boxes) {
    return boxes.slice().sort(function (a, b) { return LAYER[a.st] - LAYER[b.st]; });
  }

  function tally(drawn, st) { drawn[st] = (drawn[st] || 0) + 1; }

  function publish(el, drawn, frame) {
    ['tp', 'fp', 'missed', 'gt', 'truth', 'ignored'].forEach(function (k) { el.dataset[k] = String(drawn[k] || 0); });
    el.dataset.frame = String(frame);
  }

  function drawBev(f) {
    var cv = $('bev'), g = cv.getContext('2d'), W = cv.width, range = state.data.bevRangeM;
    var s = (W / 2) / range, cx = W / 2, cy = W / 2;
    function px(x, y) { return [cx - y * s, cy - x * s]; }
    g.fillStyle = '#101010';
    g.fillRect(0, 0, W, W);
    var p = state.points;
    for (var i = 0; i < p.length; i += 3) {
      var h = Math.max(0, Math.min(1, (p[i + 2] + 0.3) / 3));
      g.fillStyle = 'rgb(' + Math.round(60 + 160 * h) + ',' + Math.round(90 + 150 * h) + ',' + Math.round(120 + 100 * h) + ')';
      var q = px(p[i], p[i + 1]);
      g.fillRect(q[0], q[1], 1.5, 1.5);
    }
    g.strokeStyle = '#5a5a5a';
    g.fillStyle = '#9a9a9a';
    g.font = '14px sans-serif';
    for (var r = 10; r <= range; r += 10) {
      g.beginPath();
      g.arc(cx, cy, r * s, 0, 2 * Math.PI);
      g.stroke();
      var d = r * s / Math.SQRT2;
      g.fillText(r + ' m', cx + d + 3, cy + d - 3);
    }
    g.strokeStyle = '#ffffff';
    g.strokeRect(cx - 0.95 * s, cy - 2.3 * s, 1.9 * s, 4.6 * s);
    var drawn = {};
    ordered(f.boxes3d || []).forEach(function (b) {
      var c = Math.cos(b.yaw), sn = Math.sin(b.yaw), hl = b.l / 2, hw = b.w / 2;
      var k = [[hl, hw], [-hl, hw], [-hl, -hw], [hl, -hw]].map(function (o) {
        return px(b.x + o[0] * c - o[1] * sn, b.y + o[0] * sn + o[1] * c);
      });
      g.strokeStyle = state.colours[b.st];
      g.lineWidth = b.st === 'gt' || b.st === 'ignored' ? 1 : 2;
      g.beginPath();
      g.moveTo(k[0][0], k[0][1]);
      for (var e = 1; e < 4; e++) { g.lineTo(k[e][0], k[e][1]); }
      g.closePath();
      var ctr = px(b.x, b.y), front = px(b.x + c * hl, b.y + sn * hl);
      g.moveTo(ctr[0], ctr[1]);
      g.lineTo(front[0], front[1]);
      g.stroke();
      if (LABELLED[b.st]) {
        g.fillStyle = state.colours[b.st];
        g.fillText(b.label, k[0][0] + 4, k[0][1] - 4);
      }
      tally(drawn, b.st);
    });
    g.lineWidth = 1;
    api.drawn.bev = drawn;
    publish(cv, drawn, state.frame);
  }

  function drawCamera(cam) {
    var f = state.data.frames[state.frame], c = f && f.cams[cam];
    var img = $('img-' + cam), cv = $('cam-' + cam);
    if (!c || !img.naturalWidth) { return; }
    cv.width = img.naturalWidth;
    cv.height = img.naturalHeight;
    var g = cv.getContext('2d');
    g.clearRect(0, 0, cv.width, cv.height);
    g.font = '16px sans-serif';
    var drawn = {};
    ordered(c.boxes).forEach(function (b) {
      g.strokeStyle = state.colours[b.st];
      g.lineWidth = b.st === 'gt' || b.st === 'ignored' ? 1 : 2;
      g.strokeRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
      if (LABELLED[b.st] && b.y2 - b.y1 >= 24) {
        g.fillStyle = state.colours[b.st];
        g.fillText(b.label, b.x1, Math.max(12, b.y1 - 4));
      }
      tally(drawn, b.st);
    });
    api.drawn.cameras[cam] = drawn;
    publish(cv, drawn, state.frame);
  }

  load().then(setup).catch(function (e) { fail('cannot load the viewer data: ' + e.message); throw e; });
})();
