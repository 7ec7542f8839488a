// Signpost default theme: the What's on page. Hides sessions that finished after the site was
// built, and filters the list by age, area and type. Without this file every coming session is
// listed. All words come from the page (data-* attributes written from theme.toml).
(function () {
  'use strict';

  var list = document.querySelector('[data-whats-on]');
  if (!list) return;
  var items = list.querySelectorAll('[data-occurrence]');
  var days = list.querySelectorAll('[data-day]');

  // Sessions whose end has passed are taken off the page for good.
  var now = Date.now();
  for (var i = 0; i < items.length; i++) {
    var end = Date.parse(items[i].getAttribute('data-end') || '');
    if (!isNaN(end) && end < now) {
      items[i].setAttribute('data-past', 'true');
      items[i].hidden = true;
    }
  }

  var form = document.querySelector('[data-event-filters]');
  var status = document.querySelector('[data-filter-status]');
  var count = document.getElementById('result-count');
  var timer = null;

  function value(name) {
    var field = form && form.elements[name];
    return field ? String(field.value).trim() : '';
  }

  function matches(item) {
    if (item.getAttribute('data-past') === 'true') return false;
    var age = value('age');
    if (age !== '') {
      var n = parseInt(age, 10);
      var range = (item.getAttribute('data-ages') || '0-25').split('-');
      if (isNaN(n) || n < parseInt(range[0], 10) || n > parseInt(range[1], 10)) return false;
    }
    var locality = value('locality');
    if (locality !== '' && item.getAttribute('data-locality') !== locality) return false;
    var kind = value('kind');
    if (kind !== '' && item.getAttribute('data-kind') !== kind) return false;
    return true;
  }

  function apply(announce) {
    var shown = 0;
    var total = 0;
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-past') !== 'true') total++;
      var show = matches(items[i]);
      items[i].hidden = !show;
      if (show) shown++;
    }
    for (var d = 0; d < days.length; d++) {
      days[d].hidden = days[d].querySelector('[data-occurrence]:not([hidden])') === null;
    }
    if (!status) return;
    var text = (status.getAttribute('data-template') || '{shown} / {total}')
      .replace('{shown}', shown)
      .replace('{total}', total);
    if (shown === 0) text += ' ' + (status.getAttribute('data-none') || '');
    if (count) count.textContent = text;
    if (!announce) return;
    // A polite live region: wait until typing pauses, so each change is announced once.
    clearTimeout(timer);
    timer = setTimeout(function () {
      status.textContent = text;
    }, 400);
  }

  if (form) {
    form.addEventListener('input', function () { apply(true); });
    form.addEventListener('change', function () { apply(true); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener('reset', function () {
      setTimeout(function () { apply(true); }, 0);
    });
    form.hidden = false;
  }
  apply(false);
})();
