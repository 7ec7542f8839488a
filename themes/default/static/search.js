// Signpost site search, with no server: reads the static bundle under /search/ that the build
// writes from the same analysis and scores as the tantivy index (src/search/). Only the pieces a
// query needs are fetched: meta.json once, then one dictionary file per first letter, the term
// files holding the query's words, and the result details for the results shown.
// The analysis, the query plan and the ranking repeat src/search/analysis.rs and plan.rs exactly.
// Without JavaScript the search page still lists the ways to browse.
(function (root) {
  'use strict';

  // ---- Snowball English stemmer (as tantivy's) -------------------------------------------------
  var VOWEL = /[aeiouy]/;
  function isVowel(c) { return VOWEL.test(c); }
  function shortSyllableAt(w, i) { // the syllable ending at index i (inclusive) is short
    if (i === 1) return isVowel(w[0]) && !isVowel(w[1]);
    return i >= 2 && !isVowel(w[i - 2]) && isVowel(w[i - 1]) && !isVowel(w[i]) && 'wxY'.indexOf(w[i]) < 0;
  }
  var EXCEPTIONS = { skis: 'ski', skies: 'sky', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
    sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes' };
  var R1_PREFIXES = ['univers', 'commun', 'arsen', 'emerg', 'gener', 'inter', 'later', 'organ', 'past'];
  function longest(w, list) {
    var best = null;
    for (var i = 0; i < list.length; i++) {
      var s = list[i][0];
      if (w.length >= s.length && w.slice(-s.length) === s && (!best || s.length > best[0].length)) best = list[i];
    }
    return best;
  }
  var STEP2 = [['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'], ['izer', 'ize'],
    ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'],
    ['fulness', 'ful'], ['ousli', 'ous'], ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'], ['bli', 'ble'],
    ['ogi', 'og'], ['fulli', 'ful'], ['lessli', 'less'], ['li', ''], ['ogist', 'og']];
  var STEP3 = [['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''],
    ['ness', ''], ['ative', '']];
  var STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion']
    .map(function (s) { return [s, '']; });

  function stem(word) {
    if (word.length <= 2) return word;
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    var w = word.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
    var p1 = w.length, p2 = w.length, i;
    var prefix = R1_PREFIXES.filter(function (p) { return w.indexOf(p) === 0; })[0];
    if (prefix) p1 = prefix.length;
    else for (i = 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) { p1 = i + 1; break; }
    for (i = p1 + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) { p2 = i + 1; break; }
    var inR1 = function (s) { return w.length - s.length >= p1; };
    var inR2 = function (s) { return w.length - s.length >= p2; };
    var m;
    // Step 1a
    m = longest(w, [['sses'], ['ied'], ['ies'], ['s'], ['us'], ['ss']]);
    if (m) {
      var base = w.slice(0, w.length - m[0].length);
      if (m[0] === 'sses') w = base + 'ss';
      else if (m[0] === 'ied' || m[0] === 'ies') w = base + (base.length > 1 ? 'i' : 'ie');
      else if (m[0] === 's' && /[aeiouy]/.test(base.slice(0, -1))) w = base;
    }
    // Step 1b
    m = longest(w, [['eed'], ['eedly'], ['ed'], ['edly'], ['ing'], ['ingly']]);
    if (m) {
      var before = w.slice(0, w.length - m[0].length);
      if (m[0] === 'eed' || m[0] === 'eedly') {
        if (['proc', 'exc', 'succ'].indexOf(before) < 0 && inR1(m[0])) w = before + 'ee';
      } else if ((m[0] === 'ing' || m[0] === 'ingly') && /^[^aeiouy]y$/.test(before)) {
        w = before[0] + 'ie';
      } else if (['inn', 'out', 'cann', 'herr', 'earr', 'even'].indexOf(before) >= 0 && m[0] === 'ing') {
        // inning, outing, canning, herring, earring, evening stay as they are
      } else if (/[aeiouy]/.test(before)) {
        w = before;
        if (/(at|bl|iz)$/.test(w)) w += 'e';
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
        else if (p1 >= w.length && shortSyllableAt(w, w.length - 1)) w += 'e';
      }
    }
    // Step 1c
    if (w.length > 2 && /[yY]$/.test(w) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';
    // Step 2
    m = longest(w, STEP2);
    if (m && inR1(m[0])) {
      var b2 = w.slice(0, w.length - m[0].length);
      if (m[0] === 'ogi') { if (/l$/.test(b2)) w = b2 + 'og'; }
      else if (m[0] === 'li') { if (/[cdeghkmnrt]$/.test(b2)) w = b2; }
      else w = b2 + m[1];
    }
    // Step 3
    m = longest(w, STEP3);
    if (m && inR1(m[0]) && (m[0] !== 'ative' || inR2(m[0]))) w = w.slice(0, w.length - m[0].length) + m[1];
    // Step 4
    m = longest(w, STEP4);
    if (m && inR2(m[0])) {
      var b4 = w.slice(0, w.length - m[0].length);
      if (m[0] !== 'ion' || /[st]$/.test(b4)) w = b4;
    }
    // Step 5
    if (/e$/.test(w) && (inR2('e') || (inR1('e') && !shortSyllableAt(w, w.length - 2)))) w = w.slice(0, -1);
    else if (/ll$/.test(w) && inR2('l')) w = w.slice(0, -1);
    return w.replace(/Y/g, 'y');
  }

  // ---- Analysis (as src/search/analysis.rs) ---------------------------------------------------
  var TOKEN = /[\p{Alphabetic}\p{N}]+/gu;
  var FOLD = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };
  function fold(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[ßæœøłđðþı]/g, function (c) { return FOLD[c]; });
  }
  function utf8Length(s) { return unescape(encodeURIComponent(s)).length; }
  // Words of a text: [{word, stem, start, end}] (start and end index the original text).
  // `plain` (another language's shard, "stem": false in its meta.json): no English stemming, and
  // letters other than Latin ones are composed again as the index keeps them.
  function words(text, stopWords, plain) {
    var out = [], match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text)) !== null) {
      if (utf8Length(match[0]) >= 40) continue;
      var word = fold(match[0].toLowerCase());
      if (plain) word = word.normalize('NFC');
      if (stopWords[word]) continue;
      out.push({ word: word, stem: plain ? word : stem(word), start: match.index, end: match.index + match[0].length });
    }
    return out;
  }
  function withinOneEdit(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return true;
    var ra = a.slice(i), rb = b.slice(i);
    var same = function (x, y) { return x.join('\u0000') === y.join('\u0000'); };
    if (ra.length === rb.length) {
      return same(ra.slice(1), rb.slice(1)) || (ra.length >= 2 && ra[0] === rb[1] && ra[1] === rb[0] && same(ra.slice(2), rb.slice(2)));
    }
    return ra.length > rb.length ? same(ra.slice(1), rb) : same(rb.slice(1), ra);
  }
  // FNV-1a (32 bits) of the UTF-8 bytes, modulo the bucket count (as name_bucket in bundle.rs).
  function nameBucket(name, buckets) {
    var bytes = unescape(encodeURIComponent(name)), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % buckets;
  }
  function dictKey(c) { return /^[a-z0-9]$/.test(c) ? c : 'u' + c.codePointAt(0).toString(16); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  // Rust compares strings by bytes; JavaScript by UTF-16 units. Same order for the code points used here.

  // The site's path on its host ('/' or '/localoffer/') from <html data-base>, so a route in the
  // bundle ('/services/x/') becomes the address under it. Outside a page: '/'.
  function siteAddress(route) {
    var html = typeof document !== 'undefined' && document.documentElement;
    var base = (html && html.getAttribute('data-base')) || '/';
    return base + String(route).replace(/^\//, '');
  }

  // ---- The search engine -----------------------------------------------------------------------
  function createEngine(fetchJson, base) {
    base = base || siteAddress('/search/');
    var cache = {};
    function load(path) {
      if (!cache[path]) cache[path] = fetchJson(base + path).catch(function (e) { delete cache[path]; throw e; });
      return cache[path];
    }
    function alternatives(meta, phrase) {
      var key = phrase.join(' '), out = {}, list = [];
      meta.synonyms.forEach(function (group) {
        if (group.some(function (p) { return p.join(' ') === key; })) {
          group.forEach(function (p) { var k = p.join(' '); if (k !== key && !out[k]) { out[k] = 1; list.push(p); } });
        }
      });
      return list.sort(function (a, b) { return cmp(a.join('\u0000'), b.join('\u0000')) || a.length - b.length; });
    }
    function dictFor(c) { return load('dict/' + dictKey(c) + '.json').catch(function () { return {}; }); }
    function vocabulary(stems, extraChars) {
      var chars = {};
      stems.forEach(function (s) { if (s) chars[Array.from(s)[0]] = 1; });
      (extraChars || []).forEach(function (c) { chars[c] = 1; });
      var keys = Object.keys(chars).sort();
      return Promise.all(keys.map(dictFor)).then(function (dicts) {
        var byChar = {};
        keys.forEach(function (c, i) { byChar[c] = dicts[i]; });
        return byChar;
      });
    }
    function entry(vocab, term) {
      var d = vocab[Array.from(term)[0]];
      return d && Object.prototype.hasOwnProperty.call(d, term) ? d[term] : null;
    }
    function candidates(vocab, c) {
      var d = vocab[c] || {};
      return Object.keys(d).map(function (t) { return [t, d[t][1]]; });
    }
    function mostCommon(list, limit) {
      list.sort(function (a, b) { return b[1] - a[1] || cmp(a[0], b[0]); });
      return list.slice(0, limit);
    }
    // The query plan (as src/search/plan.rs).
    function plan(meta, query, typing) {
      var stop = {};
      meta.stopWords.forEach(function (w) { stop[w] = 1; });
      var ws = words(query, stop, meta.stem === false).slice(0, meta.maxWords);
      var stems = ws.map(function (w) { return w.stem; });
      var longestPhrase = 0;
      meta.synonyms.forEach(function (g) { g.forEach(function (p) { longestPhrase = Math.max(longestPhrase, p.length); }); });
      var firstChars = ws.map(function (w) { return Array.from(w.word)[0]; });
      return vocabulary(stems, firstChars).then(function (vocab) {
        var units = [], i = 0;
        while (i < stems.length) {
          var length = 1;
          for (var l = Math.min(longestPhrase, stems.length - i); l >= 2; l--) {
            if (alternatives(meta, stems.slice(i, i + l)).length) { length = l; break; }
          }
          var unitStems = stems.slice(i, i + length);
          var expansions = [{ stems: unitStems, weight: 1, all: true }];
          alternatives(meta, unitStems).forEach(function (p) { expansions.push({ stems: p, weight: meta.weights.synonym, all: true }); });
          // a phrase's words one by one: any of them may match
          if (length > 1) expansions.push({ stems: unitStems, weight: meta.weights.part, all: false });
          if (length === 1) {
            var word = ws[i].word, st = stems[i], first = Array.from(word)[0];
            if (i + 1 === stems.length && typing) {
              mostCommon(candidates(vocab, first).filter(function (t) {
                return t[0] !== st && (t[0].indexOf(word) === 0 || t[0].indexOf(st) === 0);
              }), meta.prefixMax).forEach(function (t) { expansions.push({ stems: [t[0]], weight: meta.weights.prefix, all: true }); });
            }
            if (!entry(vocab, st) && Array.from(word).length >= meta.fuzzyMinChars) {
              mostCommon(candidates(vocab, first).filter(function (t) {
                return t[0] !== st && withinOneEdit(st, t[0]);
              }), meta.fuzzyMax).forEach(function (t) { expansions.push({ stems: [t[0]], weight: meta.weights.fuzzy, all: true }); });
            }
          }
          var seen = {};
          expansions = expansions.filter(function (e) { var k = e.stems.join(' ') + (e.all ? '' : '|parts'); if (seen[k]) return false; seen[k] = 1; return true; });
          units.push({ stems: unitStems, expansions: expansions });
          i += length;
        }
        return { units: units, vocab: vocab, name: stems.join(' ') };
      });
    }
    function postings(term) {
      return dictFor(Array.from(term)[0]).then(function (d) {
        return Object.prototype.hasOwnProperty.call(d, term) ? shardFor(term, d[term]) : null;
      });
    }
    function shardFor(term, e) {
      return load('terms/' + e[0] + '.json').then(function (shard) {
        var list = shard[term] || [], out = new Map(), doc = 0;
        for (var i = 0; i < list.length; i += 2) { doc += list[i]; out.set(doc, list[i + 1]); }
        return out;
      });
    }
    function passes(facets, filters, doc) {
      var f = facets.docs[doc];
      if (!f) return false;
      if (filters.category && facets.categories[f[0]] !== filters.category) return false;
      if (filters.age !== undefined && filters.age !== null && filters.age !== '' && !(f[1] <= +filters.age && +filters.age <= f[2])) return false;
      if (filters.locality) {
        var wanted = filters.locality.trim().toLowerCase();
        if (!f[3].some(function (l) { return facets.localities[l] === wanted; })) return false;
      }
      if (filters.need && !f[4].some(function (n) { return facets.needs[n] === filters.need || facets.needs[n] === 'all'; })) return false;
      return true;
    }
    function hasFilters(filters) {
      return !!(filters.category || filters.locality || filters.need || (filters.age !== undefined && filters.age !== null && filters.age !== ''));
    }
    // The first `limit` of `ranked` ([doc, score] pairs) with what a result shows.
    function details(meta, ranked, limit, stems) {
      var top = ranked.slice(0, limit);
      var files = {};
      top.forEach(function (r) { files[Math.floor(r[0] / meta.docsPerFile)] = 1; });
      var fileList = Object.keys(files).map(Number).sort(function (a, b) { return a - b; });
      return Promise.all(fileList.map(function (n) { return load('docs/' + n + '.json'); })).then(function (docFiles) {
        var byFile = {};
        fileList.forEach(function (n, i) { byFile[n] = docFiles[i]; });
        var results = top.map(function (r) {
          var d = byFile[Math.floor(r[0] / meta.docsPerFile)][r[0] % meta.docsPerFile];
          return { url: d[0], title: d[1], summary: d[2], category: d[3], easyRead: !!d[4], ages: d[5] || null, cost: d[6] || null,
            locality: d[7] || null, reach: d[8] || null, near: d[9] || null, score: r[1] };
        });
        return { total: ranked.length, results: results, stems: stems, plain: meta.stem === false };
      });
    }
    // Searches; resolves to {total, results: [{url, title, summary, category, easyRead, ages, cost, locality, reach, score}], stems}.
    function search(query, options) {
      options = options || {};
      var filters = options.filters || {};
      var limit = options.limit || 10;
      var typing = options.typing !== undefined ? options.typing : !/\s$/.test(query);
      return load('meta.json').then(function (meta) {
        return plan(meta, String(query || '').slice(0, 1000), typing).then(function (p) {
          if (!p.units.length) {
            // No words: with filters, every service that passes them, in the bundle's order.
            if (!hasFilters(filters)) return { total: 0, results: [], stems: [] };
            return load('facets.json').then(function (facets) {
              var all = [];
              facets.docs.forEach(function (f, doc) { if (f[0] !== -1 && passes(facets, filters, doc)) all.push([doc, 0]); });
              return details(meta, all, limit, []);
            });
          }
          var terms = {};
          p.units.forEach(function (u) { u.expansions.forEach(function (e) { e.stems.forEach(function (s) { terms[s] = 1; }); }); });
          var termList = Object.keys(terms).sort();
          var facetsWanted = hasFilters(filters) ? load('facets.json') : Promise.resolve(null);
          var named = p.name ? load('names/' + nameBucket(p.name, meta.nameBuckets || 1) + '.json').catch(function () { return {}; })
            : Promise.resolve({});
          return Promise.all([Promise.all(termList.map(postings)), facetsWanted, named]).then(function (got) {
            var lists = {};
            termList.forEach(function (t, i) { lists[t] = got[0][i]; });
            var facets = got[1], totals = new Map(), matched = {};
            p.units.forEach(function (u) {
              var best = new Map();
              u.expansions.forEach(function (e) {
                var ls = e.stems.map(function (s) { return lists[s]; });
                var keep = function (doc, score, found) {
                  if (!best.has(doc) || score > best.get(doc)) best.set(doc, score);
                  found.forEach(function (s) { matched[s] = 1; });
                };
                if (!e.all) { // the parts of a phrase: the stems a document holds count
                  var sums = new Map(), found = new Map();
                  ls.forEach(function (l, k) {
                    if (!l) return;
                    l.forEach(function (v, doc) {
                      sums.set(doc, (sums.get(doc) || 0) + v);
                      if (!found.has(doc)) found.set(doc, []);
                      found.get(doc).push(e.stems[k]);
                    });
                  });
                  sums.forEach(function (sum, doc) { keep(doc, e.weight * sum / meta.scoreScale, found.get(doc)); });
                  return;
                }
                if (ls.some(function (l) { return !l; })) return;
                ls[0].forEach(function (_, doc) {
                  var sum = 0;
                  for (var k = 0; k < ls.length; k++) {
                    var v = ls[k].get(doc);
                    if (v === undefined) return;
                    sum += v;
                  }
                  keep(doc, e.weight * sum / meta.scoreScale, e.stems);
                });
              });
              best.forEach(function (score, doc) { totals.set(doc, (totals.get(doc) || 0) + score); });
            });
            // a document whose name is the whole query ranks first (as src/search/plan.rs)
            var names = got[2];
            if (Object.prototype.hasOwnProperty.call(names, p.name)) {
              names[p.name].forEach(function (doc) { if (totals.has(doc)) totals.set(doc, totals.get(doc) + meta.weights.name); });
            }
            var ranked = [];
            totals.forEach(function (score, doc) { if (!facets || passes(facets, filters, doc)) ranked.push([doc, score]); });
            ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
            return details(meta, ranked, limit, Object.keys(matched).sort());
          });
        });
      });
    }
    return { search: search, stem: stem, words: words };
  }

  var api = { createEngine: createEngine, stem: stem, words: words, withinOneEdit: withinOneEdit, nameBucket: nameBucket };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  root.SignpostSearch = api;

  // ---- The search page -------------------------------------------------------------------------
  if (typeof document === 'undefined') return;
  var form = document.querySelector('[data-search-form]');
  if (!form || typeof fetch !== 'function' || typeof Map !== 'function') return;
  // Search works here: show the form, and take away the note that it needs JavaScript.
  form.hidden = false;
  var nojs = document.querySelector('[data-search-nojs]');
  if (nojs) nojs.hidden = true;
  var more = document.querySelector('[data-search-more]');
  var PAGE = 10;
  var limit = PAGE;
  var input = form.querySelector('input[name="q"]');
  var status = document.querySelector('[data-search-status]');
  var list = document.querySelector('[data-search-results]');
  var strings = status ? status.dataset : {};
  var fetchJson = function (url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ': ' + r.status); return r.json(); });
  };
  var english = createEngine(fetchJson);
  // On a search page in another language (/pl/search/), that language's shard of the bundle is
  // searched first and the rest of the site after; only that page ever loads the shard.
  var language = form.getAttribute('data-search-language');
  var own = language ? createEngine(fetchJson, siteAddress('/search/lang/' + language + '/')) : null;
  function mark(found) {
    found.results.forEach(function (r) { r.stems = found.stems; r.plain = found.plain; });
    return found;
  }
  var engine = !own ? english : {
    search: function (query, options) {
      return Promise.all([own.search(query, options).then(mark), english.search(query, options).then(mark)]).then(function (both) {
        var limit = options.limit || 10;
        return {
          total: both[0].total + both[1].total,
          results: both[0].results.concat(both[1].results).slice(0, limit),
          stems: both[1].stems
        };
      });
    }
  };
  // An age from 0 to 25 in whole years; anything else (30, -3, 7.5, typed or in the address) is
  // refused with the message beside the box and left out of the search.
  var ageField = form.elements.age;
  var ageError = document.querySelector('[data-search-age-error]');
  var ageFromAddress = null;
  function checkedAge() {
    if (!ageField) return '';
    var typed = ageFromAddress !== null ? ageFromAddress : (ageField.validity && ageField.validity.badInput ? '?' : String(ageField.value).trim());
    var ok = typed === '' || (/^\d{1,3}$/.test(typed) && +typed >= +(ageField.min || 0) && +typed <= +(ageField.max || 25));
    if (ageError) ageError.hidden = ok;
    if (ok) ageField.removeAttribute('aria-invalid');
    else ageField.setAttribute('aria-invalid', 'true');
    if (ok) ageField.removeAttribute('aria-describedby');
    else ageField.setAttribute('aria-describedby', 'search-age-error');
    return ok && typed !== '' ? String(+typed) : '';
  }
  function filtersFromForm() {
    var get = function (name) { var el = form.elements[name]; return el && el.value ? el.value : ''; };
    return { category: get('category'), age: checkedAge(), locality: get('locality'), need: get('need') };
  }
  function say(template, count, query) {
    return (template || '').replace('{count}', String(count)).replace('{query}', query);
  }
  function highlighted(text, stems, plain) {
    var fragment = document.createDocumentFragment(), wanted = {}, at = 0;
    stems.forEach(function (s) { wanted[s] = 1; });
    words(text, {}, plain).forEach(function (w) {
      if (!wanted[w.stem]) return;
      fragment.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(w.start, w.end);
      fragment.appendChild(mark);
      at = w.end;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }
  function fact(parent, label, value) {
    if (!value) return;
    var row = document.createElement('div');
    var dt = document.createElement('dt');
    dt.textContent = label || '';
    var dd = document.createElement('dd');
    dd.textContent = value;
    row.appendChild(dt);
    row.appendChild(document.createTextNode(' '));
    row.appendChild(dd);
    parent.appendChild(row);
  }
  // "Covers all of Walsall", "Comes to your home", "Online or by phone", or the venue's locality.
  function areaText(r) {
    if (!r.reach) return r.locality;
    var label = strings['reach' + r.reach.charAt(0).toUpperCase() + r.reach.slice(1)] || '';
    return r.locality ? label + ' (' + (strings.reachVenueIn || '{name}').replace('{name}', r.locality) + ')' : label;
  }
  function show(found, query, from) {
    if (!from) list.textContent = '';
    var firstNew = null;
    found.results.slice(from || 0).forEach(function (r) {
      var item = document.createElement('li');
      item.className = 'search-result';
      item.setAttribute('data-near', r.near || ''); // its venues' points, for near-me.js
      // An English result on a page in another language says so, for screen readers and layout.
      if (own && !r.plain) { item.lang = form.getAttribute('data-main-language') || 'en'; item.dir = 'ltr'; }
      var heading = document.createElement('h2');
      heading.className = 'search-result__title';
      var link = document.createElement('a');
      link.href = siteAddress(r.url);
      link.textContent = r.title;
      heading.appendChild(link);
      item.appendChild(heading);
      if (!firstNew) firstNew = link;
      var summary = document.createElement('p');
      summary.className = 'search-result__summary';
      summary.appendChild(highlighted(r.summary, r.stems || found.stems, r.plain));
      item.appendChild(summary);
      if (r.category || r.easyRead) {
        var tags = document.createElement('p');
        tags.className = 'search-result__tags';
        [r.category, r.easyRead ? strings.easyRead : null].forEach(function (t) {
          if (!t) return;
          var tag = document.createElement('span');
          tag.className = 'search-result__tag';
          tag.textContent = t;
          tags.appendChild(tag);
        });
        item.appendChild(tags);
      }
      if (r.ages || r.cost || r.reach || r.locality) {
        var facts = document.createElement('dl');
        facts.className = 'card__facts search-result__facts';
        fact(facts, strings.ages, r.ages);
        fact(facts, strings.cost, r.cost);
        fact(facts, strings.area, areaText(r));
        item.appendChild(facts);
      }
      list.appendChild(item);
    });
    list.hidden = found.results.length === 0;
    var shown = found.results.length;
    var none = query ? strings.none : strings.noneFiltered;
    var which = found.total === 1 ? strings.one : (shown < found.total ? strings.some : strings.many);
    if (!query) which = found.total === 1 ? strings.oneFiltered : (shown < found.total ? strings.someFiltered : strings.manyFiltered);
    status.textContent = found.total === 0 ? say(none, 0, query)
      : say(which, found.total, query).replace('{shown}', String(shown));
    if (more) {
      var left = found.total - shown;
      more.hidden = left <= 0;
      more.textContent = (more.getAttribute('data-label') || '{count}').replace('{count}', String(Math.min(PAGE, left)));
    }
    return firstNew;
  }
  var serial = 0, timer = null;
  function hasChoice(filters) {
    return Object.keys(filters).some(function (k) { return filters[k] !== ''; });
  }
  // Searches with the words and filters in the form; `more`: add the next page of results
  // below those shown and move focus to the first new one.
  function run(showMore) {
    var query = input.value.slice(0, 1000);
    var mine = ++serial;
    var filters = filtersFromForm();
    var from = showMore ? list.children.length : 0;
    limit = showMore ? limit + PAGE : PAGE;
    if (!query.trim() && !hasChoice(filters)) {
      list.textContent = '';
      list.hidden = true;
      status.textContent = '';
      if (more) more.hidden = true;
      return;
    }
    engine.search(query, { filters: filters, limit: limit }).then(function (found) {
      if (mine !== serial) return;
      var first = show(found, query.trim(), from);
      if (showMore && first) first.focus();
    }, function () {
      if (mine === serial) status.textContent = strings.error || '';
    });
  }
  if (more) more.addEventListener('click', function () { run(true); });
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      run(false);
      var params = new URLSearchParams(new FormData(form));
      if (window.history && history.replaceState) history.replaceState(null, '', '?' + params.toString());
    }, 150);
  }
  var params = new URLSearchParams(window.location.search);
  params.forEach(function (value, key) { var el = form.elements[key]; if (el && typeof el.value === 'string') el.value = value.slice(0, 1000); });
  if (ageField && params.has('age') && ageField.value !== params.get('age').trim()) ageFromAddress = params.get('age').trim().slice(0, 100);
  form.addEventListener('input', function (event) { if (event.target === ageField) { ageFromAddress = null; checkedAge(); } });
  form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); run(false); });
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  if (input.value || hasChoice(filtersFromForm())) run(false);
})(typeof window !== 'undefined' ? window : globalThis);
