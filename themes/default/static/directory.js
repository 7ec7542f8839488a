// Signpost default theme: filters on category pages (the shortlist is shortlist.js).
// Progressive enhancement only: every service is listed, linked and printable without this file.
// All words come from the page (data-* attributes written from theme.toml), none from here.
(function () {
  'use strict';

  // The site's path on its host ('/' or '/localoffer/') from <html data-base>, so a route
  // ('/shortlist/') becomes the address under it.
  function siteAddress(route) {
    var base = document.documentElement.getAttribute('data-base') || '/';
    return base + String(route).replace(/^\//, '');
  }

  // ---------- Filters on category pages ----------

  function setUpFilters(form) {
    var list = document.querySelector('.card-list');
    var status = document.querySelector('[data-filter-status]');
    if (!list || !status) return;
    var cards = list.querySelectorAll('[data-service]');
    var count = document.getElementById('result-count');
    var total = cards.length;
    var timer = null;

    function value(name) {
      var field = form.elements[name];
      return field ? String(field.value).trim() : '';
    }

    var empty = document.querySelector('[data-filter-empty]');
    var emptyText = empty ? empty.querySelector('[data-filter-empty-text]') : null;
    var removeButton = empty ? empty.querySelector('button') : null;
    var NAMES = ['locality', 'age', 'need', 'cost', 'delivery'];
    var lastChanged = null;
    var removing = null;

    // The words for a choice: the option's own text, or the age typed.
    function choiceText(name) {
      var field = form.elements[name];
      if (!field) return '';
      if (field.tagName === 'SELECT') {
        var option = field.options[field.selectedIndex];
        return option ? option.textContent.replace(/^-\s*/, '').trim() : '';
      }
      return value(name);
    }

    function chosen() {
      return NAMES.filter(function (name) { return value(name) !== ''; });
    }

    // How many would show with the choice `without` taken away.
    function countWithout(without) {
      var field = form.elements[without];
      var kept = field.value;
      field.value = '';
      var n = 0;
      for (var i = 0; i < cards.length; i++) if (matches(cards[i])) n++;
      field.value = kept;
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

    function matches(card) {
      var age = value('age');
      if (age !== '') {
        var n = parseInt(age, 10);
        var range = (card.getAttribute('data-ages') || '0-25').split('-');
        if (isNaN(n) || n < parseInt(range[0], 10) || n > parseInt(range[1], 10)) return false;
      }
      var need = value('need');
      if (need !== '') {
        var needs = ' ' + (card.getAttribute('data-needs') || '') + ' ';
        if (needs.indexOf(' ' + need + ' ') === -1) return false;
      }
      var locality = value('locality');
      if (locality !== '') {
        // Names are compared without case: the list offers each locality once, in one spelling.
        var places = (card.getAttribute('data-localities') || '').toLowerCase().split('|');
        // A service that covers the whole area (or comes to you, or is online) is available in every locality.
        if (places.indexOf(locality.toLowerCase()) === -1 && card.getAttribute('data-whole-area') !== 'true') return false;
      }
      if (value('cost') === 'free' && card.getAttribute('data-free') !== 'true') return false;
      var delivery = value('delivery');
      if (delivery === 'online' && card.getAttribute('data-online') !== 'true') return false;
      if (delivery === 'in-person' && card.getAttribute('data-in-person') !== 'true') return false;
      return true;
    }

    function apply(announce) {
      var shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var show = matches(cards[i]);
        cards[i].hidden = !show;
        if (show) shown++;
      }
      var text = (status.getAttribute('data-template') || '{shown} / {total}')
        .replace('{shown}', shown)
        .replace('{total}', total);
      var said = text;
      if (shown === 0) {
        var message = emptyMessage();
        if (emptyText) emptyText.textContent = message;
        said = text + '. ' + message;
      }
      if (empty) empty.hidden = shown !== 0;
      if (count) count.textContent = text;
      if (!announce) return;
      // A polite live region: wait until typing pauses, so each change is announced once.
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = said;
      }, 400);
    }

    form.addEventListener('input', function (event) {
      if (event.target && event.target.name) lastChanged = event.target.name;
      apply(true);
    });
    form.addEventListener('change', function (event) {
      if (event.target && event.target.name) lastChanged = event.target.name;
      apply(true);
    });
    if (removeButton) {
      removeButton.addEventListener('click', function () {
        if (removing && form.elements[removing]) {
          var field = form.elements[removing];
          field.value = '';
          lastChanged = null;
          apply(true);
          field.focus();
        } else {
          form.reset();
        }
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener('reset', function () {
      setTimeout(function () {
        apply(true);
      }, 0);
    });
    form.hidden = false;
    apply(false);
  }

  var form = document.querySelector('[data-filters]');
  if (form) setUpFilters(form);
})();
