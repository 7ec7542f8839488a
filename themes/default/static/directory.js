// Signpost default theme: filters on category pages (the shortlist is shortlist.js).
// Progressive enhancement only: every service is listed, linked and printable without this file.
// All words come from the page (data-* attributes written from theme.toml), none from here.
// The "open now" decision (SignpostOpenNow) also runs under Node for tests/browser/open-now.mjs.
(function (root) {
  'use strict';

  var DAY = 1440;
  var WEEK = 7 * DAY;

  // ---------- Open now (the same decision as src/render/open_now.rs) ----------

  // 'YYYY-MM-DD' -> days since 1970-01-01.
  function dayNumber(iso) {
    var p = String(iso).split('-');
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000);
  }
  function isoOf(days) {
    return new Date(days * 86400000).toISOString().slice(0, 10);
  }
  // Monday 0 … Sunday 6.
  function weekdayOf(iso) {
    return (new Date(dayNumber(iso) * 86400000).getUTCDay() + 6) % 7;
  }
  // 'from/to from/to' (the page's data-terms) -> [{from, to}].
  function parseTerms(text) {
    return String(text || '').split(/\s+/).filter(Boolean).map(function (pair) {
      var p = pair.split('/');
      return { from: p[0], to: p[1] || p[0] };
    }).filter(function (t) { return /^\d{4}-\d{2}-\d{2}$/.test(t.from) && /^\d{4}-\d{2}-\d{2}$/.test(t.to); });
  }
  // true in term, false in the holidays, null when the terms do not say.
  function inTerm(iso, terms) {
    if (!terms.length) return null;
    var first = terms[0].from, last = terms[0].to;
    terms.forEach(function (t) { if (t.from < first) first = t.from; if (t.to > last) last = t.to; });
    if (iso < first || iso > last) return null;
    return terms.some(function (t) { return t.from <= iso && iso <= t.to; });
  }
  function seasonAllows(season, iso, terms) {
    if (season === 'term') return inTerm(iso, terms) === true;
    if (season === 'holiday') return inTerm(iso, terms) === false;
    return true;
  }
  // Is a service with these rules (the cards' data-open) open at `minute` of the local day `iso`?
  function isOpen(rules, terms, iso, minute) {
    var today = weekdayOf(iso);
    var now = today * DAY + minute;
    var day = dayNumber(iso);
    return (rules || []).some(function (rule) {
      return (rule.w || []).some(function (span) {
        var start = span[0], end = span[1], started = null;
        if (start <= now && now < end) started = isoOf(day - (today - Math.floor(start / DAY)));
        else if (end > WEEK && now + WEEK < end && start <= now + WEEK) started = isoOf(day - (today + 7 - Math.floor(start / DAY)));
        if (started === null) return false;
        if (rule.f && started < rule.f) return false;
        if (rule.t && started > rule.t) return false;
        return seasonAllows(rule.s, started, terms);
      });
    });
  }
  // The family's clock in Europe/London: {date: 'YYYY-MM-DD', minute: 0..1439}.
  function londonNow(when) {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(when || new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return { date: parts.year + '-' + parts.month + '-' + parts.day, minute: (+parts.hour % 24) * 60 + +parts.minute };
  }

  var openNow = { isOpen: isOpen, inTerm: inTerm, parseTerms: parseTerms, londonNow: londonNow, weekdayOf: weekdayOf };
  if (typeof module !== 'undefined' && module.exports) module.exports = openNow;
  root.SignpostOpenNow = openNow;
  if (typeof document === 'undefined') return;

  // The site's path on its host ('/' or '/localoffer/') from <html data-base>, so a route
  // ('/shortlist/') becomes the address under it.
  function siteAddress(route) {
    var base = document.documentElement.getAttribute('data-base') || '/';
    return base + String(route).replace(/^\//, '');
  }

  // 'Short Heath' -> 'short-heath': how a locality is written in the address.
  function slug(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  // ---------- Filters on category pages ----------
  // The choices live in the address (?age=7&locality=bloxwich&need=autism&cost=free&
  // delivery=online&open=now). Each finished choice (a list picked, the box ticked, a chip
  // removed, an age typed) is one step in the browser's history, so Back undoes the last choice
  // and reload or a shared link shows the same list. Other parts of the address are kept.
  // Matching reads only each card's own data-* attributes, never the order of the list, and the
  // list is never re-sorted here (near me may reorder it).

  function setUpFilters(form) {
    var list = document.querySelector('.card-list');
    var status = document.querySelector('[data-filter-status]');
    if (!list || !status) return;
    var cards = list.querySelectorAll('[data-service]');
    var count = document.getElementById('result-count');
    var total = cards.length;
    var timer = null;
    var panel = document.querySelector('[data-filter-panel]');
    var toggle = document.querySelector('[data-filter-toggle]');
    var chips = document.querySelector('[data-filter-chips]');
    var ageField = form.elements.age;
    var ageError = form.querySelector('[data-filter-age-error]');
    var ageFromAddress = null;
    var terms = parseTerms(form.getAttribute('data-terms'));
    var openLabel = form.getAttribute('data-open-label') || '';

    var empty = document.querySelector('[data-filter-empty]');
    var emptyText = empty ? empty.querySelector('[data-filter-empty-text]') : null;
    var removeButton = empty ? empty.querySelector('button') : null;
    var NAMES = ['age', 'need', 'locality', 'cost', 'delivery', 'open'];
    var lastChanged = null;
    var removing = null;

    // Each card's opening rules, read once.
    var rules = [];
    for (var c = 0; c < cards.length; c++) {
      try {
        rules.push(JSON.parse(cards[c].getAttribute('data-open') || '[]'));
      } catch (e) {
        rules.push([]);
      }
    }
    var openField = form.querySelector('[data-filter-open-field]');
    if (openField) openField.hidden = !rules.some(function (r) { return r.length > 0; });
    var openCards = [];

    // Which cards are open at this moment on the family's clock; marks them "Open now".
    function markOpen() {
      var now = londonNow(new Date());
      openCards = [];
      for (var i = 0; i < cards.length; i++) {
        var open = isOpen(rules[i], terms, now.date, now.minute);
        openCards.push(open);
        var badge = cards[i].querySelector('.card__open');
        if (open && !badge && openLabel) {
          badge = document.createElement('p');
          badge.className = 'card__open';
          badge.textContent = openLabel;
          var title = cards[i].querySelector('.card__title');
          if (title && title.nextSibling) cards[i].insertBefore(badge, title.nextSibling);
          else cards[i].appendChild(badge);
        } else if (!open && badge) {
          badge.parentNode.removeChild(badge);
        }
      }
    }

    var AGE_MIN = parseInt(ageField ? ageField.getAttribute('min') : '0', 10) || 0;
    var AGE_MAX = parseInt(ageField ? ageField.getAttribute('max') : '25', 10) || 25;

    // What was typed in the age box, or read from the address ('' for nothing).
    function ageTyped() {
      if (!ageField) return '';
      if (ageFromAddress !== null) return ageFromAddress;
      if (ageField.validity && ageField.validity.badInput) return '?';
      return String(ageField.value).trim();
    }
    function ageValid(text) {
      if (!/^\d{1,3}$/.test(text)) return false;
      var n = parseInt(text, 10);
      return n >= AGE_MIN && n <= AGE_MAX;
    }
    function ageProblem() {
      var text = ageTyped();
      return text !== '' && !ageValid(text);
    }
    function showAgeProblem() {
      if (!ageField || !ageError) return;
      var bad = ageProblem();
      ageError.hidden = !bad;
      ageError.textContent = bad
        ? (ageError.getAttribute('data-template') || '').replace('{min}', AGE_MIN).replace('{max}', AGE_MAX)
        : '';
      if (bad) {
        ageField.setAttribute('aria-invalid', 'true');
        ageField.setAttribute('aria-describedby', 'filter-age-error filter-age-hint');
      } else {
        ageField.removeAttribute('aria-invalid');
        ageField.setAttribute('aria-describedby', 'filter-age-hint');
      }
    }

    // A choice's value as the filters use it: '' when not chosen (or an age that is refused).
    function value(name) {
      if (name === 'age') {
        var age = ageTyped();
        return ageValid(age) ? String(parseInt(age, 10)) : '';
      }
      var field = form.elements[name];
      if (!field) return '';
      if (field.type === 'checkbox') return field.checked ? field.value : '';
      return String(field.value).trim();
    }

    // The words for a choice: the option's own text, or the age typed.
    function choiceText(name) {
      var field = form.elements[name];
      if (!field) return '';
      if (field.tagName === 'SELECT') {
        var option = field.options[field.selectedIndex];
        return option ? option.textContent.replace(/^-\s*/, '').trim() : '';
      }
      if (field.type === 'checkbox') return openLabel;
      return value(name);
    }

    function chosen() {
      return NAMES.filter(function (name) { return value(name) !== ''; });
    }

    function clearChoice(name) {
      var field = form.elements[name];
      if (name === 'age') ageFromAddress = null;
      if (!field) return;
      if (field.type === 'checkbox') field.checked = false;
      else field.value = '';
    }

    // How many would show with the choice `without` taken away.
    function countWithout(without) {
      var n = 0;
      for (var i = 0; i < cards.length; i++) if (matches(i, without)) n++;
      return n;
    }

    // The choice that emptied the list: the last one changed, if taking it away brings
    // services back; else the one whose removal brings back the most.
    function culprit() {
      var names = chosen();
      if (!names.length) return null;
      if (lastChanged && names.indexOf(lastChanged) !== -1 && countWithout(lastChanged) > 0) return lastChanged;
      var best = null, most = 0;
      names.forEach(function (name) {
        var n = countWithout(name);
        if (n > most) { most = n; best = name; }
      });
      return best;
    }

    function emptyMessage() {
      if (!empty) return '';
      var parts = chosen().map(function (name) {
        return (empty.getAttribute('data-choice-' + name) || '{value}').replace('{value}', choiceText(name));
      });
      var text = (empty.getAttribute('data-template') || '{choices}')
        .replace('{choices}', parts.join(' '));
      removing = culprit();
      if (removeButton) {
        var label = removing === 'age' ? (empty.getAttribute('data-age-label') || '{value}').replace('{value}', value('age')) : choiceText(removing || '');
        removeButton.textContent = removing
          ? (empty.getAttribute('data-remove') || '{value}').replace('{value}', label)
          : (empty.getAttribute('data-clear') || '');
      }
      return text;
    }

    // Does card number i match every choice (but `without`)?
    function matches(i, without) {
      var card = cards[i];
      var pick = function (name) { return name === without ? '' : value(name); };
      var age = pick('age');
      if (age !== '') {
        var n = parseInt(age, 10);
        var range = (card.getAttribute('data-ages') || '0-25').split('-');
        if (n < parseInt(range[0], 10) || n > parseInt(range[1], 10)) return false;
      }
      var need = pick('need');
      if (need !== '') {
        var needs = ' ' + (card.getAttribute('data-needs') || '') + ' ';
        if (needs.indexOf(' ' + need + ' ') === -1) return false;
      }
      var locality = pick('locality');
      if (locality !== '') {
        // Names are compared as they are written in the address: the list offers each once.
        var places = (card.getAttribute('data-localities') || '').split('|').map(slug);
        // A service that covers the whole area (or comes to you, or is online) is available in every locality.
        if (places.indexOf(slug(locality)) === -1 && card.getAttribute('data-whole-area') !== 'true') return false;
      }
      if (pick('cost') === 'free' && card.getAttribute('data-free') !== 'true') return false;
      var delivery = pick('delivery');
      if (delivery === 'online' && card.getAttribute('data-online') !== 'true') return false;
      if (delivery === 'in-person' && card.getAttribute('data-in-person') !== 'true') return false;
      if (pick('open') !== '' && !openCards[i]) return false;
      return true;
    }

    // ---- The address ----

    function query() {
      var params = new URLSearchParams(window.location.search);
      NAMES.forEach(function (name) { params.delete(name); });
      NAMES.forEach(function (name) {
        var v = value(name);
        if (v !== '') params.set(name, name === 'locality' ? slug(v) : v);
      });
      var text = params.toString();
      return text ? '?' + text : '';
    }
    // 'push': a finished choice, one step in history; 'replace': still typing.
    function remember(how) {
      if (!window.history || !history.replaceState) return;
      var next = query();
      if (next === window.location.search) return;
      var address = window.location.pathname + next + window.location.hash;
      if (how === 'push') history.pushState({ filters: next }, '', address);
      else history.replaceState({ filters: next }, '', address);
    }
    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      NAMES.forEach(function (name) {
        var field = form.elements[name];
        if (!field) return;
        var wanted = (params.get(name) || '').trim().slice(0, 100);
        if (name === 'age') {
          // An age the box cannot hold ('abc', '7.5') is still refused with the message.
          field.value = /^\d{1,3}$/.test(wanted) ? wanted : '';
          ageFromAddress = wanted !== '' && field.value !== wanted ? wanted : null;
        } else if (field.type === 'checkbox') {
          field.checked = wanted === field.value;
        } else if (field.tagName === 'SELECT') {
          var found = '';
          for (var i = 0; i < field.options.length; i++) {
            var v = field.options[i].value;
            if (v !== '' && (v === wanted || slug(v) === slug(wanted))) found = v;
          }
          field.value = found;
        }
      });
    }

    // ---- What the family sees ----

    function renderToggle(n) {
      if (!toggle) return;
      toggle.textContent = n
        ? (toggle.getAttribute('data-label-count') || '{count}').replace('{count}', n)
        : (toggle.getAttribute('data-label') || '');
    }

    function renderChips(names) {
      if (!chips) return;
      chips.textContent = '';
      names.forEach(function (name) {
        var item = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'filter-chip';
        button.setAttribute('data-chip', name);
        var hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = (chips.getAttribute('data-remove') || '') + ' ';
        var words = name === 'age' ? (chips.getAttribute('data-age') || '{value}').replace('{value}', value('age')) : choiceText(name);
        var cross = document.createElement('span');
        cross.setAttribute('aria-hidden', 'true');
        cross.className = 'filter-chip__cross';
        cross.textContent = '×';
        button.appendChild(hidden);
        button.appendChild(document.createTextNode(words + ' '));
        button.appendChild(cross);
        item.appendChild(button);
        chips.appendChild(item);
      });
      chips.hidden = names.length === 0;
    }

    function apply(announce) {
      showAgeProblem();
      var shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var show = matches(i, null);
        cards[i].hidden = !show;
        if (show) shown++;
      }
      var names = chosen();
      renderToggle(names.length);
      renderChips(names);
      var text = (status.getAttribute('data-template') || '{shown} / {total}')
        .replace('{shown}', shown)
        .replace('{total}', total);
      // One message at a time: the count, or (when nothing matches) what emptied the list.
      var said = text;
      if (shown === 0) {
        said = emptyMessage();
        if (emptyText) emptyText.textContent = said;
      }
      if (empty) empty.hidden = shown !== 0;
      if (count) {
        count.textContent = text;
        count.hidden = shown === 0;
      }
      if (ageProblem() && ageError) said = ageError.textContent;
      if (!announce) return;
      // A polite live region: wait until typing pauses, so each change is announced once.
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = said;
      }, 400);
    }

    var typing = null;
    form.addEventListener('input', function (event) {
      var name = event.target && event.target.name;
      if (!name) return;
      lastChanged = name;
      if (name === 'age') ageFromAddress = null;
      apply(true);
      if (event.target.tagName === 'INPUT' && event.target.type !== 'checkbox') {
        // The first key of an age is a new step in history; the keys after it refine it.
        remember(typing === name ? 'replace' : 'push');
        typing = name;
      }
    });
    form.addEventListener('change', function (event) {
      var name = event.target && event.target.name;
      if (!name) return;
      lastChanged = name;
      apply(true);
      remember(typing === name ? 'replace' : 'push');
      typing = null;
    });
    if (removeButton) {
      removeButton.addEventListener('click', function () {
        if (removing && form.elements[removing]) {
          var field = form.elements[removing];
          clearChoice(removing);
          lastChanged = null;
          apply(true);
          remember('push');
          field.focus();
        } else {
          form.reset();
        }
      });
    }
    if (chips) {
      chips.addEventListener('click', function (event) {
        var button = event.target && event.target.closest ? event.target.closest('[data-chip]') : null;
        if (!button) return;
        var items = chips.querySelectorAll('[data-chip]');
        var at = Array.prototype.indexOf.call(items, button);
        clearChoice(button.getAttribute('data-chip'));
        lastChanged = null;
        typing = null;
        apply(true);
        remember('push');
        // Focus stays in the chips (the next one, else the one before), else goes to the Filter button.
        var left = chips.querySelectorAll('[data-chip]');
        var next = left[Math.min(at, left.length - 1)];
        if (next) next.focus();
        else if (toggle) toggle.focus();
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      typing = null;
      apply(true);
      remember('push');
      // On a phone, "Show services" closes the panel and goes to the results.
      if (panel && !wide()) {
        panel.open = false;
        if (count && !count.hidden) count.focus();
        else if (empty && !empty.hidden && removeButton) removeButton.focus();
      }
    });
    form.addEventListener('reset', function () {
      ageFromAddress = null;
      setTimeout(function () {
        typing = null;
        apply(true);
        remember('push');
      }, 0);
    });
    window.addEventListener('popstate', function () {
      readAddress();
      typing = null;
      lastChanged = null;
      apply(true);
    });

    function wide() {
      return !!(window.matchMedia && window.matchMedia('(min-width: 40em)').matches);
    }
    var nojs = document.querySelector('[data-filters-nojs]');
    if (nojs) nojs.hidden = true;
    form.hidden = false;
    // Phones: results first, the filters behind the Filter button. Wider screens: open.
    if (panel && wide()) panel.open = true;
    readAddress();
    markOpen();
    apply(false);
    // An age in the address that is refused: open the filters so its message is seen.
    if (panel && ageProblem()) panel.open = true;
    // Opening times change with the clock: look again every minute.
    setInterval(function () {
      markOpen();
      if (value('open') !== '') apply(false);
    }, 60000);
  }

  var form = document.querySelector('[data-filters]');
  if (form) setUpFilters(form);
})(typeof window !== 'undefined' ? window : globalThis);
