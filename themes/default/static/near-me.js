// "Near you": sorts the services on a page by distance from a postcode or from the device's
// location, entirely in the browser. The postcode is never sent anywhere: the script fetches only
// the static file of the postcode's sector (places/postcodes/WS3-2.json, named after the first
// part of the postcode and one more digit, never the whole postcode) and the list of districts,
// and never puts the postcode in an address. The device's location is asked for only when
// "Use my location" is pressed, and is not sent anywhere either.
//
// Services are sorted by moving their list items; filters (directory.js) show and hide the same
// items, so the two work independently. When the order changes, `near-me:sorted` is fired on the
// document (detail: {place}), and `near-me:cleared` when it goes back.
//
// The postcode and distance logic is the same as the build's (src/content/places): a Node test
// feeds both the same cases (tests/browser/near-me-logic.mjs).
(function (root) {
  'use strict';

  // The Earth's mean radius (IUGG), 6,371.0088 km, in miles.
  var EARTH_RADIUS_MILES = 6371.0088 / 1.609344;

  // True for an outward code: one or two letters, a digit, and an optional letter or digit.
  function isOutward(text) { return /^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(text); }

  // A postcode or district as typed (any case, any spaces): {outward, inward, written, sector},
  // inward and sector null for a district alone; null when it cannot be one.
  function parsePostcode(text) {
    var squashed = String(text == null ? '' : text).replace(/\s+/g, '');
    if (/[^\x00-\x7f]/.test(squashed)) return null;
    squashed = squashed.toUpperCase();
    if (isOutward(squashed)) return { outward: squashed, inward: null, written: squashed, sector: null };
    if (squashed.length < 5) return null;
    var outward = squashed.slice(0, -3), inward = squashed.slice(-3);
    if (!isOutward(outward) || !/^[0-9][A-Z]{2}$/.test(inward)) return null;
    return { outward: outward, inward: inward, written: outward + ' ' + inward, sector: outward + '-' + inward.charAt(0) };
  }

  // A full postcode written the one way: ' ws32xq ' -> 'WS3 2XQ'; null for anything else.
  function normalisePostcode(text) {
    var parsed = parsePostcode(text);
    return parsed && parsed.inward ? parsed.written : null;
  }

  // The great-circle (haversine) distance between two [lat, lon] points, in miles.
  function miles(a, b) {
    var rad = Math.PI / 180;
    var lat1 = a[0] * rad, lat2 = b[0] * rad;
    var dLat = lat2 - lat1, dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // "About 2 miles away": whole miles, "Less than 1 mile away" below one.
  function distanceText(distance, strings) {
    if (distance < 1) return strings.underOne;
    var whole = Math.round(distance);
    return whole === 1 ? strings.one : strings.many.replace('{miles}', String(whole));
  }

  // The points in a `data-near` value: "52.6174,-2.0064 52.61,-1.99" -> [[52.6174, -2.0064], …].
  function points(text) {
    return String(text || '').split(' ').map(function (pair) {
      var parts = pair.split(',');
      return [Number(parts[0]), Number(parts[1])];
    }).filter(function (p) { return p.length === 2 && isFinite(p[0]) && isFinite(p[1]) && p.join() !== '0,0'; });
  }

  // The order for items [{points, index}] from `from`: those with a venue by their nearest
  // venue's distance (ties by their first order), then the rest in their first order. Returns
  // [{item, distance}] (distance null for the rest).
  function byDistance(items, from) {
    var placed = [], rest = [];
    items.forEach(function (item) {
      if (!item.points.length) { rest.push({ item: item, distance: null }); return; }
      var nearest = Math.min.apply(null, item.points.map(function (p) { return miles(from, p); }));
      placed.push({ item: item, distance: nearest });
    });
    placed.sort(function (a, b) { return a.distance - b.distance || a.item.index - b.item.index; });
    rest.sort(function (a, b) { return a.item.index - b.item.index; });
    return placed.concat(rest);
  }

  var api = { parsePostcode: parsePostcode, normalisePostcode: normalisePostcode, miles: miles,
    distanceText: distanceText, points: points, byDistance: byDistance, EARTH_RADIUS_MILES: EARTH_RADIUS_MILES };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  var box = document.querySelector('[data-near-me]');
  if (!box || !root.fetch || !root.Promise) return;
  var form = box.querySelector('[data-near-me-form]');
  var input = box.querySelector('#near-me-postcode');
  var error = box.querySelector('[data-near-me-error]');
  var status = box.querySelector('[data-near-me-status]');
  var locate = box.querySelector('[data-near-me-locate]');
  var clear = box.querySelector('[data-near-me-clear]');
  var attr = function (name) { return box.getAttribute('data-' + name) || ''; };
  var distanceStrings = { many: attr('distance'), one: attr('distance-one'), underOne: attr('distance-under-one') };

  // The list being sorted: the search results, the cards of a listing, or (on the directory
  // page, which lists no services) the nearest services, filled in from places/nearest/.
  var nearestList = box.querySelector('[data-near-me-nearest]');
  var list = document.querySelector('[data-search-results]') || document.querySelector('.card-list [data-service]') && document.querySelector('.card-list [data-service]').parentNode || nearestList;
  if (!list) return;
  var html = document.documentElement;
  var base = (html && html.getAttribute('data-base')) || '/';
  function siteAddress(route) { return base.replace(/\/$/, '') + route; }

  // A listing's cards get their venues' points from the section's data-venues (route=points;).
  var venues = {};
  attr('venues').split(';').forEach(function (entry) {
    var at = entry.indexOf('=');
    if (at > 0) venues[siteAddress(entry.slice(0, at))] = entry.slice(at + 1);
  });
  var counter = 0;
  function items() {
    return Array.prototype.filter.call(list.children, function (el) { return el.tagName === 'LI'; }).map(function (el) {
      if (!el.hasAttribute('data-near-index')) el.setAttribute('data-near-index', String(counter++));
      if (!el.hasAttribute('data-near')) {
        var link = el.querySelector('a[href]');
        var near = link && venues[link.getAttribute('href')];
        el.setAttribute('data-near', near || '');
      }
      return { el: el, index: Number(el.getAttribute('data-near-index')), points: points(el.getAttribute('data-near')) };
    });
  }

  var current = null; // {point, place} while sorted
  // Search results are drawn again for each query: sort the new ones too. The records of the
  // script's own moves are taken away after each, so they do not start another sort.
  var observer = root.MutationObserver ? new MutationObserver(function () { if (current) apply(false); }) : null;
  if (observer) observer.observe(list, { childList: true });
  function moved() { if (observer) observer.takeRecords(); }
  function apply(announce) {
    if (!current) return;
    var all = items();
    var order = byDistance(all, current.point);
    var others = 0;
    order.forEach(function (entry) {
      var el = entry.item.el;
      var shown = el.querySelector('[data-near-distance]');
      if (entry.distance === null) {
        others += 1;
        if (shown) shown.parentNode.removeChild(shown);
      } else {
        if (!shown) {
          shown = document.createElement('p');
          shown.className = 'card__distance';
          shown.setAttribute('data-near-distance', '');
          el.appendChild(shown);
        }
        shown.textContent = distanceText(entry.distance, distanceStrings);
      }
      list.appendChild(el);
    });
    moved();
    if (announce) {
      var said = attr(list === nearestList ? 'nearest-said' : 'sorted').replace('{place}', current.place);
      if (others && others < order.length) said += ' ' + attr('sorted-others').replace('{count}', String(others));
      status.textContent = said;
      clear.hidden = false;
      document.dispatchEvent(new CustomEvent('near-me:sorted', { detail: { place: current.place } }));
    }
  }
  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  }
  function sortFrom(point, place, outward) {
    showError('');
    if (list === nearestList) return showNearest(point, place, outward);
    current = { point: point, place: place };
    apply(true);
    return null;
  }

  // The directory page: the services with a venue nearest the district's middle, measured again
  // from the point itself, the nearest NEAREST_SHOWN of them listed.
  var NEAREST_SHOWN = 10;
  function nearestDistrict(known, point) {
    var best = null;
    Object.keys(known.districts || {}).forEach(function (code) {
      var d = miles(point, known.districts[code]);
      if (!best || d < best.d) best = { code: code, d: d };
    });
    return best && best.code;
  }
  function showNearest(point, place, outward) {
    return districts().then(function (known) {
      var code = outward || nearestDistrict(known, point);
      if (!code) throw new Error('no districts');
      return getJson(attr('nearest') + code + '.json');
    }).then(function (rows) {
      var candidates = rows.map(function (row, index) { return { row: row, index: index, points: points(row[3]) }; });
      var chosen = byDistance(candidates, point).slice(0, NEAREST_SHOWN);
      current = null;
      nearestList.textContent = '';
      chosen.forEach(function (entry) {
        var row = entry.item.row;
        var item = document.createElement('li');
        item.setAttribute('data-near', row[3]);
        var link = document.createElement('a');
        link.href = siteAddress(row[0]);
        link.textContent = row[1];
        item.appendChild(link);
        if (row[2]) item.appendChild(document.createTextNode(' (' + row[2] + ')'));
        nearestList.appendChild(item);
      });
      moved();
      nearestList.hidden = chosen.length === 0;
      var note = box.querySelector('[data-near-me-nearest-note]');
      if (note) note.hidden = false;
      current = { point: point, place: place };
      apply(true);
    });
  }

  var districtsFile = null;
  function getJson(address) {
    return fetch(address, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }
  function districts() {
    if (!districtsFile) districtsFile = getJson(attr('districts')).catch(function (e) { districtsFile = null; throw e; });
    return districtsFile;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var code = parsePostcode(input.value);
    if (!code) { showError(attr('invalid')); input.focus(); return; }
    input.value = code.written;
    districts().then(function (known) {
      var middle = known.districts && known.districts[code.outward];
      if (!middle) { showError(attr('unknown').replace('{postcode}', code.written)); input.focus(); return null; }
      if (!code.inward || (known.sectors || []).indexOf(code.sector) < 0) return sortFrom(middle, code.outward, code.outward);
      return getJson(attr('postcodes') + code.sector + '.json').then(function (sector) {
        var exact = sector[code.inward];
        return exact ? sortFrom(exact, code.written, code.outward) : sortFrom(middle, code.outward, code.outward);
      });
    }).catch(function () { showError(attr('failed')); });
  });

  if (!navigator.geolocation) locate.hidden = true;
  locate.addEventListener('click', function () {
    status.textContent = attr('locating');
    navigator.geolocation.getCurrentPosition(function (position) {
      var done = sortFrom([position.coords.latitude, position.coords.longitude], attr('your-location'), null);
      if (done) done.catch(function () { status.textContent = ''; showError(attr('failed')); });
    }, function () {
      status.textContent = '';
      showError(attr('location-failed'));
    }, { maximumAge: 600000, timeout: 20000 });
  });

  clear.addEventListener('click', function () {
    current = null;
    if (list === nearestList) {
      nearestList.textContent = '';
      nearestList.hidden = true;
      moved();
      var note = box.querySelector('[data-near-me-nearest-note]');
      if (note) note.hidden = true;
    }
    items().sort(function (a, b) { return a.index - b.index; }).forEach(function (item) {
      var shown = item.el.querySelector('[data-near-distance]');
      if (shown) shown.parentNode.removeChild(shown);
      list.appendChild(item.el);
    });
    moved();
    clear.hidden = true;
    status.textContent = list === nearestList ? '' : attr('cleared');
    input.focus();
    document.dispatchEvent(new CustomEvent('near-me:cleared'));
  });

  box.hidden = false;
  // Closed on a phone, so the first results stay on the first screen; open where there is room.
  if (window.matchMedia && window.matchMedia('(min-width: 40em)').matches) box.open = true;
})(typeof window !== 'undefined' ? window : globalThis);
