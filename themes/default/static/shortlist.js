// Signpost default theme: a shortlist of services kept in this browser (localStorage), saved from
// service pages and listed on /shortlist/. The shortlist page holds no services: it fetches one
// small JSON file per saved service (/shortlist/data/<id>.json), so it stays small however big
// the directory is. A shared link (/shortlist/?ids=a,b) reproduces a list on another device.
// Progressive enhancement only: without this file every service page still works and prints.
// All words come from the page (data-* attributes written from theme.toml), none from here.
(function () {
  'use strict';

  var STORE = 'signpost-shortlist';
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // The site's path on its host ('/' or '/localoffer/') from <html data-base>, so a route
  // ('/shortlist/') becomes the address under it.
  function siteAddress(route) {
    var base = document.documentElement.getAttribute('data-base') || '/';
    return base + String(route).replace(/^\//, '');
  }

  function validIds(ids) {
    var seen = {};
    return ids.filter(function (id) {
      if (typeof id !== 'string' || !ID.test(id) || seen[id]) return false;
      seen[id] = true;
      return true;
    });
  }

  // When this browser cannot store anything (storage full or blocked), a shared list still
  // shows: it is kept in the page instead.
  var inPage = null;

  function readShortlist() {
    if (inPage) return inPage.slice();
    try {
      var ids = JSON.parse(window.localStorage.getItem(STORE) || '[]');
      return Array.isArray(ids) ? validIds(ids) : [];
    } catch (e) {
      return [];
    }
  }

  function writeShortlist(ids) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(ids));
      inPage = null;
      return true;
    } catch (e) {
      inPage = ids.slice();
      return false;
    }
  }

  function storageWorks() {
    try {
      window.localStorage.setItem(STORE + '-test', '1');
      window.localStorage.removeItem(STORE + '-test');
      return true;
    } catch (e) {
      return false;
    }
  }

  // ---------- "Add to my shortlist" on a service page ----------

  function setUpSave(holder) {
    if (!storageWorks()) return;
    var id = holder.getAttribute('data-id');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'print-button shortlist-toggle__button';
    var link = document.createElement('a');
    link.href = siteAddress('/shortlist/');
    link.textContent = holder.getAttribute('data-link');
    link.className = 'shortlist-toggle__link';

    function render() {
      var saved = readShortlist().indexOf(id) !== -1;
      button.setAttribute('aria-pressed', saved ? 'true' : 'false');
      button.textContent = holder.getAttribute(saved ? 'data-added' : 'data-add');
    }

    button.addEventListener('click', function () {
      var ids = readShortlist();
      var at = ids.indexOf(id);
      if (at === -1) ids.push(id);
      else ids.splice(at, 1);
      writeShortlist(ids);
      render();
    });
    holder.appendChild(button);
    holder.appendChild(document.createTextNode(' '));
    holder.appendChild(link);
    holder.hidden = false;
    render();
  }

  // ---------- The shortlist page ----------

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = text;
    return el;
  }

  // A link only to an address that is safe to follow: http(s), tel: or mailto:.
  function safeLink(href, text, className) {
    if (!/^(https?:\/\/|tel:|mailto:)/i.test(String(href))) return null;
    var a = element('a', className, text);
    a.href = href;
    return a;
  }

  // A link to another website, marked the way the site marks them for screen readers.
  function externalLink(page, href, text) {
    var a = safeLink(href, text, 'external');
    if (!a) return null;
    a.appendChild(document.createTextNode(' '));
    a.appendChild(element('span', 'visually-hidden', page.getAttribute('data-external')));
    return a;
  }

  function fact(list, label, content) {
    var row = element('div', 'shortlist-fact');
    row.appendChild(element('dt', null, label));
    var dd = element('dd');
    if (typeof content === 'string') dd.textContent = content;
    else dd.appendChild(content);
    row.appendChild(dd);
    list.appendChild(row);
  }

  function lines(texts) {
    var p = element('p');
    texts.forEach(function (text, i) {
      if (i) p.appendChild(element('br'));
      p.appendChild(document.createTextNode(text));
    });
    return p;
  }

  function card(page, s, onRemove) {
    var say = function (name) { return page.getAttribute('data-' + name) || ''; };
    var item = element('li', 'card card--service shortlist-item');
    item.setAttribute('data-shortlist-item', s.id);
    var title = element('h2', 'card__title');
    var name = element('a', null, s.name);
    name.href = siteAddress(s.url);
    title.appendChild(name);
    item.appendChild(title);
    item.appendChild(element('p', null, s.summary));

    if (s.call) {
      var call = safeLink(s.call.href, s.call.text, 'button shortlist-item__call');
      if (call) item.appendChild(element('p')).appendChild(call);
    }
    var facts = element('dl', 'card__facts shortlist-item__facts');
    fact(facts, say('ages'), s.ages);
    fact(facts, say('cost'), s.cost);
    if (s.times && s.times.length) fact(facts, say('when'), lines(s.times));
    if ((s.venues && s.venues.length) || s.reach) {
      var where = element('div');
      (s.venues || []).forEach(function (venue) {
        where.appendChild(lines(venue.lines));
        if (venue.directions) {
          var go = externalLink(page, venue.directions, say('directions'));
          if (go) {
            go.insertBefore(element('span', 'visually-hidden', ' ' + say('directions-to').replace('{place}', venue.lines[0] || '')), go.childNodes[1]);
            where.appendChild(element('p', 'shortlist-item__directions')).appendChild(go);
          }
        }
      });
      if (s.reach) where.appendChild(element('p', null, s.reach));
      fact(facts, say('where'), where);
    }
    if (s.ways_in) fact(facts, say('how'), s.ways_in);
    item.appendChild(facts);

    var contact = element('p', 'shortlist-item__contact');
    if (s.email) {
      var mail = safeLink('mailto:' + s.email, say('email').replace('{email}', s.email));
      if (mail) contact.appendChild(mail);
    }
    if (s.website) {
      var site = externalLink(page, s.website, say('website'));
      if (site) {
        if (contact.firstChild) contact.appendChild(document.createTextNode(' '));
        contact.appendChild(site);
      }
    }
    if (contact.firstChild) item.appendChild(contact);
    // On paper the service's own web address, so it can be typed in later.
    var address = element('p', 'shortlist-item__address', say('address') + ' ' + name.href);
    item.appendChild(address);

    var remove = element('button', 'print-button shortlist-remove', say('remove'));
    remove.type = 'button';
    remove.setAttribute('aria-label', say('remove') + ': ' + s.name);
    remove.addEventListener('click', function () { onRemove(s); });
    item.appendChild(remove);
    return item;
  }

  function fetchService(source, id) {
    return fetch(source + id + '.json', { credentials: 'same-origin' }).then(function (response) {
      if (response.status === 404) return { id: id, missing: true };
      if (!response.ok) throw new Error(String(response.status));
      return response.json().then(function (data) { return { id: id, data: data }; });
    }).catch(function () {
      return { id: id, failed: true };
    });
  }

  function setUpShortlistPage(page) {
    var source = page.getAttribute('data-source') || siteAddress('/shortlist/data/');
    var list = page.querySelector('[data-shortlist-list]');
    var count = page.querySelector('[data-shortlist-count]');
    var share = page.querySelector('[data-shortlist-share]');
    var shareLink = page.querySelector('.shortlist-share__link');
    var fallback = page.querySelector('[data-shortlist-fallback]');
    var said = page.querySelector('[data-shortlist-said]');
    var copy = page.querySelector('[data-shortlist-copy]');
    var nativeShare = page.querySelector('[data-shortlist-native-share]');
    var nojs = page.querySelector('[data-shortlist-nojs]');
    if (nojs) nojs.hidden = true;
    var printed = document.querySelector('[data-shortlist-printed]');
    if (printed) {
      var lang = document.documentElement.lang || undefined;
      var today = new Date().toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
      printed.textContent = (printed.getAttribute('data-template') || '{date}').replace('{date}', today);
      printed.hidden = false;
    }

    // A shared link (?ids=a,b) adds its services to this browser's shortlist.
    var params = new URLSearchParams(window.location.search);
    if (params.has('ids')) {
      var shared = validIds(params.get('ids').split(','));
      var own = readShortlist();
      writeShortlist(own.concat(shared.filter(function (id) { return own.indexOf(id) === -1; })));
    }

    var loaded = {};
    var failed = false;

    function shareAddress(ids) {
      return window.location.origin + window.location.pathname + '?ids=' + ids.map(encodeURIComponent).join(',');
    }

    function remove(s) {
      writeShortlist(readShortlist().filter(function (other) { return other !== s.id; }));
      render(page.getAttribute('data-removed') + ': ' + s.name + '.');
      var heading = document.querySelector('main h1');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }

    function render(announce) {
      var ids = readShortlist().filter(function (id) { return loaded[id]; });
      list.textContent = '';
      ids.forEach(function (id) { list.appendChild(card(page, loaded[id], remove)); });
      var text = ids.length
        ? (count.getAttribute('data-template') || '{count}').replace('{count}', ids.length)
        : page.getAttribute('data-empty');
      if (failed) text += ' ' + page.getAttribute('data-failed');
      count.textContent = announce ? announce + ' ' + text : text;
      share.hidden = ids.length === 0;
      shareLink.value = shareAddress(ids);
      page.setAttribute('data-state', 'ready');
    }

    function tell(text) {
      said.textContent = '';
      // A fresh text node each time, so the same message is announced again.
      setTimeout(function () { said.textContent = text; }, 50);
    }

    function showFallback() {
      fallback.hidden = false;
      tell(page.getAttribute('data-copy-fallback'));
      shareLink.focus();
      shareLink.select();
    }

    copy.addEventListener('click', function () {
      var url = shareLink.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () {
          fallback.hidden = true;
          tell(page.getAttribute('data-copied'));
        }, showFallback);
      } else {
        showFallback();
      }
    });
    if (nativeShare && typeof navigator.share === 'function') {
      nativeShare.hidden = false;
      nativeShare.addEventListener('click', function () {
        navigator.share({ title: document.title, url: shareLink.value }).catch(function () {});
      });
    }

    var ids = readShortlist();
    page.setAttribute('data-state', 'loading');
    page.setAttribute('aria-busy', 'true');
    count.textContent = ids.length ? page.getAttribute('data-loading') : '';
    Promise.all(ids.map(function (id) { return fetchService(source, id); })).then(function (results) {
      var gone = [];
      results.forEach(function (result) {
        if (result.data) loaded[result.id] = result.data;
        else if (result.missing) gone.push(result.id);
        else failed = true;
      });
      // A service that is no longer in the directory leaves the list.
      if (gone.length) writeShortlist(readShortlist().filter(function (id) { return gone.indexOf(id) === -1; }));
      page.removeAttribute('aria-busy');
      render(null);
    });
  }

  var saves = document.querySelectorAll('[data-shortlist-save]');
  for (var i = 0; i < saves.length; i++) setUpSave(saves[i]);
  var page = document.querySelector('[data-shortlist]');
  if (page) setUpShortlistPage(page);
})();
