// Signpost default theme. Everything works without this file: it only adds a
// "Print this page" button on service pages, where a printout is handy to take
// to an appointment.
(function () {
  'use strict';
  if (typeof window.print !== 'function') return;
  var holders = document.querySelectorAll('[data-print-button]');
  for (var i = 0; i < holders.length; i++) {
    var holder = holders[i];
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'print-button';
    button.textContent = holder.getAttribute('data-label') || 'Print this page';
    button.addEventListener('click', function () {
      window.print();
    });
    holder.appendChild(button);
    holder.hidden = false;
  }
})();
