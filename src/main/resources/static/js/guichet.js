// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Shows a message above the page, in its flash region: an alert of Bootstrap's kind ('warning',
// 'danger', 'info'), in place of the messages there unless `alongside`; `id` and `role` are set when
// given. Gives whether it was shown (not when the page has no region or the text is empty).
function showFlash(text, kind, id, role, alongside) {
  var region = document.getElementById('flash-region');
  if (!region || !text) {
    return false;
  }
  if (!alongside) {
    region.innerHTML = '';
  }
  var alert = document.createElement('div');
  alert.className = 'alert alert-' + kind;
  if (id) {
    alert.id = id;
  }
  if (role) {
    alert.setAttribute('role', role);
  }
  alert.textContent = text;
  region.appendChild(alert);
  return true;
}
// A link marked data-history-back goes back in the history, where the browser gives a form back
// with what was typed (the page that says a form was opened before signing in again); its
// address is the way when there is no history.
document.addEventListener('click', function (event) {
  var back = event.target.closest && event.target.closest('a[data-history-back]');
  if (back && history.length > 1) {
    event.preventDefault();
    history.back();
  }
});
// An htmx request sent from a page opened before the person signed in again (403 with
// X-Guichet-Stale-Form): the page's own message, in its language, goes above the page, which
// stays as it is, text included. Capturing, so that no other handler shows the error instead.
document.addEventListener('htmx:responseError', function (event) {
  var xhr = event.detail.xhr;
  var message = document.querySelector('meta[name="guichet-stale-form"]');
  if (xhr.status !== 403 || !xhr.getResponseHeader('X-Guichet-Stale-Form') || !message) {
    return;
  }
  if (showFlash(message.content, 'warning', 'stale-form-alert', 'alert')) {
    event.stopImmediatePropagation();
  }
}, true);
// Opens and closes the navigation menu on a phone without Bootstrap's script.
document.addEventListener('click', function (event) {
  var toggler = event.target.closest('.navbar-toggler');
  if (toggler) {
    var menu = document.getElementById(toggler.getAttribute('data-bs-target').substring(1));
    var open = menu.classList.toggle('show');
    toggler.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
});
// Sends a form once: while its request runs, its submit buttons are disabled, with their text
// unchanged, and a second submission (double click, Enter pressed twice) goes nowhere. The
// server processes each form's one-time token once anyway; this spares the second request.
(function () {
  function setBusy(form, busy) {
    if (busy) {
      form.setAttribute('aria-busy', 'true');
    } else {
      form.removeAttribute('aria-busy');
    }
    Array.prototype.forEach.call(form.elements, function (element) {
      if (element.type === 'submit') {
        element.disabled = busy;
      }
    });
  }
  // Capturing, so that it runs before htmx's own listener on the form.
  document.addEventListener('submit', function (event) {
    if (event.target.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // Bubbling, once every listener had its say: a submission nobody cancelled leaves the page.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented) {
      return;
    }
    form.setAttribute('aria-busy', 'true');
    // Later, once the browser has read the fields: a disabled button would not send its name.
    setTimeout(function () { setBusy(form, true); }, 0);
  });
  // Forms sent by htmx stay on the page: ready again when the answer arrives.
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (event.detail.elt.tagName === 'FORM') {
      setBusy(event.detail.elt, true);
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.elt.tagName === 'FORM') {
      setBusy(event.detail.elt, false);
    }
  });
  // A page the back button brings back from the cache shows its forms ready again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[aria-busy="true"]').forEach(function (form) { setBusy(form, false); });
    }
  });
})();
// The agent's ticket page (data-in-place): its forms are sent by htmx and the answer's page
// region replaces this one, without a page load and with the scroll kept; the address stays the
// ticket's (after a redirect htmx keeps the final address, after a refusal the server names it
// with HX-Replace-Url). Forms with an hx-* verb of their own, and dialog forms, are left alone.
(function () {
  var PAGE = '[data-in-place]';
  var VERBS = ['hx-get', 'hx-post', 'hx-put', 'hx-patch', 'hx-delete'];
  document.addEventListener('htmx:beforeProcessNode', function (event) {
    var form = event.target;
    var page = form.closest && form.closest(PAGE);
    if (form.tagName !== 'FORM' || !page || form.getAttribute('method') === 'dialog'
        || VERBS.some(function (verb) { return form.hasAttribute(verb); })) {
      return;
    }
    form.setAttribute('data-sent-in-place', '');
    form.setAttribute('hx-post', form.getAttribute('action'));
    form.setAttribute('hx-target', '#' + page.id);
    form.setAttribute('hx-select', '#' + page.id);
    form.setAttribute('hx-swap', 'outerHTML show:none');
    form.setAttribute('hx-select-oob', '#flash-region:innerHTML');
    form.setAttribute('hx-replace-url', 'true');
    // A widget inside the form (a search, a picker) makes requests of its own, inheriting none of these.
    form.setAttribute('hx-disinherit', '*');
  });
  // An answer the page cannot show in place (an error page, or another page the action led to)
  // is shown as a plain post would show it: the whole page, at its address.
  function showWhole(xhr) {
    if (xhr.responseURL) {
      history.replaceState(null, '', xhr.responseURL);
    }
    document.open();
    document.write(xhr.responseText);
    document.close();
  }
  // A file too large for the server (413): its message goes above the form, which keeps its text.
  function tooLarge(xhr) {
    var answer = new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('[role=alert]');
    return !!answer && showFlash(answer.textContent.trim(), 'danger');
  }
  document.addEventListener('htmx:responseError', function (event) {
    if (event.detail.elt.closest && event.detail.elt.closest(PAGE) && event.detail.elt.tagName === 'FORM') {
      if (event.detail.xhr.status !== 413 || !tooLarge(event.detail.xhr)) {
        showWhole(event.detail.xhr);
      }
    }
  });
  document.addEventListener('htmx:beforeSwap', function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    // only the forms sent as the page (above): a form with a verb of its own swaps its own target
    var page = form && form.tagName === 'FORM' && form.hasAttribute('data-sent-in-place') && form.closest(PAGE);
    if (page && event.detail.xhr.status < 400
        && event.detail.serverResponse.indexOf('id="' + page.id + '"') < 0) {
      event.detail.shouldSwap = false;
      showWhole(event.detail.xhr);
    }
  });
  // Nothing reached the server: say so, and leave the form as it is, text included.
  document.addEventListener('htmx:sendError', function (event) {
    var page = event.detail.elt.closest && event.detail.elt.closest(PAGE);
    if (page) {
      showFlash(page.getAttribute('data-offline'), 'danger');
    }
  });

  // Tabs of the composer (reply, internal note), with the arrow keys between them.
  function showTab(name) {
    var shown = null;
    document.querySelectorAll('[data-tab]').forEach(function (tab) {
      var on = tab.getAttribute('data-tab') === name;
      tab.classList.toggle('active', on);
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(tab.getAttribute('aria-controls'));
      panel.toggleAttribute('data-closed', !on);
      if (on) {
        shown = panel;
      }
    });
    return shown;
  }
  // One action form open at a time below the action bar; opening one puts the focus in it.
  function open(id) {
    if (id === 'reply' || id === 'note') {
      var panel = showTab(id);
      if (panel) {
        panel.scrollIntoView({ block: 'nearest' });
        panel.querySelector('textarea').focus();
      }
      return;
    }
    var target = document.getElementById(id);
    if (!target) {
      return;
    }
    var opening = target.hasAttribute('data-closed');
    document.querySelectorAll('.action-panel').forEach(function (other) {
      if (other !== target && other.parentElement === target.parentElement) {
        other.setAttribute('data-closed', '');
      }
    });
    target.toggleAttribute('data-closed', !opening);
    document.querySelectorAll('[data-opens][aria-controls]').forEach(function (button) {
      var controlled = document.getElementById(button.getAttribute('aria-controls'));
      button.setAttribute('aria-expanded', controlled && !controlled.hasAttribute('data-closed') ? 'true' : 'false');
    });
    if (opening) {
      target.scrollIntoView({ block: 'nearest' });
      var first = target.querySelector('textarea, select, input:not([type=hidden]), button');
      if (first) {
        first.focus();
      }
    }
  }
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-opens]');
    if (opener) {
      open(opener.getAttribute('data-opens'));
    }
    var tab = event.target.closest('[data-tab]');
    if (tab) {
      showTab(tab.getAttribute('data-tab'));
    }
    if (event.target.closest('[data-shortcuts]')) {
      showShortcuts();
    }
  });
  document.addEventListener('keydown', function (event) {
    var tab = event.target.closest && event.target.closest('[data-tab]');
    if (tab && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      var tabs = Array.prototype.slice.call(document.querySelectorAll('[data-tab]'));
      var next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      showTab(next.getAttribute('data-tab'));
      next.focus();
      event.preventDefault();
    }
  });

  function showShortcuts() {
    var dialog = document.getElementById('shortcuts');
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }

  // The queue a ticket was opened from, for "next" and "previous" on the ticket page.
  var QUEUE = 'guichet.queue';
  function queueLinks() {
    var results = document.getElementById('queue-results');
    if (!results) {
      return [];
    }
    var seen = {};
    return Array.prototype.filter.call(results.querySelectorAll('a[href*="/agent/tickets/"]'), function (link) {
      var id = link.pathname.split('/').pop();
      if (!/^\d+$/.test(id) || seen[id]) {
        return false;
      }
      seen[id] = true;
      return true;
    });
  }
  function rememberQueue() {
    var links = queueLinks();
    if (links.length) {
      sessionStorage.setItem(QUEUE, JSON.stringify({
        url: location.pathname + location.search,
        tickets: links.map(function (link) { return link.pathname; })
      }));
    }
  }
  document.addEventListener('DOMContentLoaded', rememberQueue);
  document.addEventListener('htmx:afterSettle', rememberQueue);
  function step(delta) {
    var links = queueLinks();
    if (links.length) {
      var index = links.indexOf(document.activeElement);
      links[Math.max(0, Math.min(links.length - 1, index < 0 ? 0 : index + delta))].focus();
      return;
    }
    var page = document.querySelector('[data-ticket-id]');
    var queue = JSON.parse(sessionStorage.getItem(QUEUE) || 'null');
    if (page && queue) {
      var here = queue.tickets.indexOf(location.pathname);
      var next = queue.tickets[here + delta];
      if (here >= 0 && next) {
        location.assign(next);
      }
    }
  }
  function click(selector) {
    var element = document.querySelector(selector);
    if (element) {
      element.click();
    }
    return !!element;
  }
  // Single keys, never while typing in a field (Escape leaves the field).
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      if (event.key === 'Escape') {
        target.blur();
      }
      return;
    }
    var queue = JSON.parse(sessionStorage.getItem(QUEUE) || 'null');
    switch (event.key) {
      case '?': showShortcuts(); break;
      case 'Escape':
        var dialog = document.getElementById('shortcuts');
        if (!dialog || !dialog.open) {
          return;
        }
        dialog.close();
        break;
      case 'j': step(1); break;
      case 'k': step(-1); break;
      case 'r': click('#open-reply'); break;
      case 'n': click('#open-note'); break;
      case 'a': click('#action-take'); break;
      case 's': click('#open-resolve'); break;
      case 'e': click('#open-fields'); break;
      case 'u':
        if (!document.querySelector('[data-ticket-id]')) {
          return;
        }
        location.assign(queue ? queue.url : document.getElementById('back-to-queue').href);
        break;
      case '/':
        var search = document.querySelector('#filters input[name="text"]');
        if (search) {
          search.focus();
          search.select();
        } else if (document.querySelector('[data-ticket-id]')) {
          location.assign((queue ? queue.url : document.getElementById('back-to-queue').getAttribute('href')) + '#search');
        } else {
          return;
        }
        break;
      default: return;
    }
    event.preventDefault();
  });
  // Arriving from "/" on a ticket page: the queue's search box has the focus.
  document.addEventListener('DOMContentLoaded', function () {
    var search = document.querySelector('#filters input[name="text"]');
    if (location.hash === '#search' && search) {
      search.focus();
    }
  });
})();
// The requester's card opens on hover and on keyboard focus too, not only on click.
(function () {
  var timer;
  function card(event) {
    var host = event.target.closest && event.target.closest('.requester-card-host');
    return host && host.querySelector('[popover]');
  }
  document.addEventListener('mouseover', function (event) {
    var popover = card(event);
    if (popover && !popover.matches(':popover-open')) {
      clearTimeout(timer);
      timer = setTimeout(function () { popover.showPopover(); }, 300);
    }
  });
  document.addEventListener('mouseout', function (event) {
    var popover = card(event);
    if (popover && !(event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest('.requester-card-host'))) {
      clearTimeout(timer);
      if (popover.matches(':popover-open')) {
        popover.hidePopover();
      }
    }
  });
})();
// A floating confirmation leaves after ten seconds, or at a click on it.
(function () {
  function dismissLater() {
    var flash = document.querySelector('#flash-region .alert');
    if (flash) {
      setTimeout(function () { flash.remove(); }, 10000);
    }
  }
  document.addEventListener('DOMContentLoaded', dismissLater);
  document.addEventListener('htmx:oobAfterSwap', dismissLater);
  document.addEventListener('click', function (event) {
    var flash = event.target.closest('#flash-region .alert');
    if (flash) {
      flash.remove();
    }
  });
})();

// A drop-down panel ([data-keep-in-window]) of a <details> menu opens to the side where it fits in
// the window: rightwards from its button when there is room, else leftwards, else along the
// window's left edge (a phone). The action bar wraps, so a menu's place on it is not known in advance.
document.addEventListener('toggle', function (event) {
  var menu = event.target;
  if (!(menu instanceof HTMLDetailsElement) || !menu.open) {
    return;
  }
  var panel = menu.querySelector(':scope > [data-keep-in-window]');
  if (!panel) {
    return;
  }
  var margin = 8;
  var room = document.documentElement.clientWidth;
  var button = menu.getBoundingClientRect();
  var width = panel.offsetWidth;
  panel.style.right = 'auto';
  if (button.left + width <= room - margin) {
    panel.style.left = '0';
  }
  else if (button.right - width >= margin) {
    panel.style.left = (button.width - width) + 'px';
  }
  else {
    panel.style.left = (margin - button.left) + 'px';
  }
}, true);

// What a person sends is kept in this tab until the answer comes (sessionStorage), so that a
// session that had ended loses nothing typed: the login page says it is kept, the login leads
// back to the form's page (SessionEnded) and there the fields get back what was typed, the form's
// version included (a record changed meanwhile is then refused as any stale change is). Never the
// hidden tokens, passwords or files; never for another account than the one that typed it.
(function () {
  var KEY = 'guichet.unsent';
  var RECENT_MS = 60 * 1000;
  var SKIPPED = ['hidden', 'password', 'file', 'submit', 'button', 'image', 'reset'];

  function read() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) || 'null');
    } catch (ignored) {
      return null;
    }
  }

  function write(unsent) {
    try {
      if (unsent) {
        sessionStorage.setItem(KEY, JSON.stringify(unsent));
      } else {
        sessionStorage.removeItem(KEY);
      }
    } catch (ignored) {
      // storage full or refused: nothing is kept, as before
    }
  }

  function account() {
    var meta = document.querySelector('meta[name="guichet-account"]');
    return meta ? meta.content : null;
  }

  function kept(element) {
    if (!element.name || element.disabled) {
      return false;
    }
    if (element.type === 'hidden') {
      return element.name === 'version';
    }
    return SKIPPED.indexOf(element.type) < 0;
  }

  function actionOf(form) {
    return form.getAttribute('action') || form.getAttribute('hx-post') || '';
  }

  function keep(form) {
    if ((form.getAttribute('method') || 'get').toLowerCase() === 'get' && !form.matches('[hx-post],[hx-put],[hx-patch],[hx-delete]')) {
      return;
    }
    if (!account() || form.querySelector('input[type="password"]')) {
      return;
    }
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element)) {
        return;
      }
      if (element.type === 'checkbox' || element.type === 'radio') {
        fields.push({ name: element.name, value: element.value, checked: element.checked });
      } else if (element.multiple) {
        fields.push({ name: element.name, values: Array.prototype.filter.call(element.options, function (option) {
          return option.selected;
        }).map(function (option) { return option.value; }) });
      } else {
        fields.push({ name: element.name, value: element.value });
      }
    });
    write({ page: location.pathname + location.search, action: actionOf(form),
      account: account(), at: Date.now(), fields: fields });
  }

  function formOf(unsent) {
    return Array.prototype.find.call(document.forms, function (form) {
      return actionOf(form) === unsent.action;
    });
  }

  // Puts the fields back; the first one given a text is brought into view, with the focus.
  function putBack(form, unsent) {
    var first = null;
    var groups = {};
    unsent.fields.forEach(function (field) {
      (groups[field.name] = groups[field.name] || []).push(field);
    });
    Object.keys(groups).forEach(function (name) {
      var elements = Array.prototype.filter.call(form.elements, function (element) {
        return element.name === name && kept(element);
      });
      groups[name].forEach(function (field, i) {
        elements.forEach(function (element) {
          if (element.type === 'checkbox' || element.type === 'radio') {
            if (element.value === field.value) {
              element.checked = field.checked;
            }
          } else if (element.multiple && field.values) {
            Array.prototype.forEach.call(element.options, function (option) {
              option.selected = field.values.indexOf(option.value) >= 0;
            });
          } else if (elements.indexOf(element) === i && field.value !== undefined) {
            element.value = field.value;
            element.dispatchEvent(new Event('input', { bubbles: true }));
            if (!first && field.value && element.type !== 'hidden') {
              first = element;
            }
          }
        });
      });
    });
    if (first) {
      first.scrollIntoView({ block: 'center', behavior: 'instant' });
      first.focus({ preventScroll: true });
    }
  }

  // Capturing, as the busy guard: before htmx sends the form.
  document.addEventListener('submit', function (event) {
    if (event.target instanceof HTMLFormElement && event.target.getAttribute('aria-busy') !== 'true') {
      keep(event.target);
    }
  }, true);
  // The session had ended: htmx is about to leave the page for the login page (HX-Redirect), be it
  // for a form sent or for a part of the page asked meanwhile (suggestions, a refresh).
  document.addEventListener('htmx:beforeOnLoad', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 401 && xhr.getResponseHeader('HX-Redirect')) {
      var form = event.detail.elt.closest('form') || (document.activeElement && document.activeElement.form);
      if (form) {
        keep(form);
      }
    }
  });
  // An answer came: what was sent was received (accepted, or refused with the form kept by the page).
  document.addEventListener('htmx:afterRequest', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status !== 0 && xhr.status !== 401) {
      write(null);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var unsent = read();
    if (!unsent) {
      return;
    }
    var notice = document.getElementById('unsent-kept');
    if (notice) {
      // the login page: only right after the form was sent is it what the session's end stopped
      if (unsent.interrupted || Date.now() - unsent.at < RECENT_MS) {
        unsent.interrupted = true;
        write(unsent);
        notice.hidden = false;
      } else {
        write(null);
      }
      return;
    }
    write(null);
    if (!unsent.interrupted || unsent.account !== account() || unsent.page !== location.pathname + location.search) {
      return;
    }
    var form = formOf(unsent);
    if (form) {
      putBack(form, unsent);
      var message = document.querySelector('meta[name="guichet-unsent-restored"]');
      showFlash(message && message.content, 'info', 'unsent-restored', 'status', true);
    }
  });
})();
