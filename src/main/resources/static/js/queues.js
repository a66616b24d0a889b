// Issue 8, queues: the agent's lists. Opens the filters on wide screens (a phone keeps them
// folded), scrolls the active tab into view, shows the bulk action's own fields, counts the
// selection (the bulk form shows once a ticket is selected), moves the column picker's rows,
// and refreshes the list every 25 seconds while the tab is visible, keeping the selection, the
// focus and the scroll, and telling screen readers how many new tickets arrived and the list's new total.
(function () {
  'use strict';
  var REFRESH_MS = 25000;
  var refreshing = false;

  var panel = document.getElementById('filters-panel');
  if (panel && window.matchMedia('(min-width: 768px)').matches) {
    panel.open = true;
  }

  // The tabs scroll sideways when they do not fit: the active one is brought into their view,
  // again once the page has loaded (its fonts change the tabs' widths).
  function activeTabInView() {
    var tabs = document.querySelector('.queue-tabs');
    var active = tabs && tabs.querySelector('.nav-link.active');
    if (active) {
      var box = tabs.getBoundingClientRect();
      var tab = active.getBoundingClientRect();
      if (tab.left < box.left || tab.right > box.right) {
        tabs.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
      }
    }
  }
  activeTabInView();
  window.addEventListener('load', activeTabInView);

  function rows() {
    return document.getElementById('queue-rows');
  }

  function boxes() {
    var body = rows();
    return body ? Array.prototype.slice.call(body.querySelectorAll('input[name="ticket"]')) : [];
  }

  function updateCount() {
    var all = boxes();
    var checked = all.filter(function (box) { return box.checked; }).length;
    var count = document.getElementById('bulk-count');
    if (count) {
      count.textContent = checked > 0 ? count.getAttribute('data-template').replace('{n}', checked) : '';
    }
    var form = document.getElementById('bulk-form');
    if (form) {
      if (checked > 0) {
        form.setAttribute('data-selected', checked);
      } else {
        form.removeAttribute('data-selected');
      }
    }
    var page = document.getElementById('select-page');
    if (page) {
      page.checked = all.length > 0 && checked === all.length;
      page.indeterminate = checked > 0 && checked < all.length;
    }
  }

  function showBulkFields() {
    var action = document.getElementById('bulk-action');
    if (!action) {
      return;
    }
    document.querySelectorAll('.bulk-field').forEach(function (field) {
      field.hidden = field.getAttribute('data-for').split(' ').indexOf(action.value) < 0;
    });
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.id === 'select-page') {
      boxes().forEach(function (box) { box.checked = target.checked; });
    }
    if (target.id === 'select-page' || target.name === 'ticket') {
      updateCount();
    }
    if (target.id === 'bulk-action') {
      showBulkFields();
    }
  });
  var bulkForm = document.getElementById('bulk-form');
  if (bulkForm) {
    bulkForm.setAttribute('data-counting', '');
  }
  // the column picker's move buttons: the row moves in place, the focus stays on the button
  // pressed and screen readers hear the new place; "Show these columns" saves the order
  document.addEventListener('click', function (event) {
    var button = event.target.closest('#column-order [data-move]');
    if (!button) {
      return;
    }
    event.preventDefault();
    var row = button.closest('li');
    var list = row.parentElement;
    if (button.getAttribute('data-move') === 'up' && row.previousElementSibling) {
      list.insertBefore(row, row.previousElementSibling);
    } else if (button.getAttribute('data-move') === 'down' && row.nextElementSibling) {
      list.insertBefore(row.nextElementSibling, row);
    }
    button.focus();
    var rows = Array.prototype.slice.call(list.children);
    var moved = document.getElementById('column-moved');
    if (moved) {
      moved.textContent = list.getAttribute('data-moved').replace('{0}', row.getAttribute('data-label'))
        .replace('{1}', rows.indexOf(row) + 1).replace('{2}', rows.length);
    }
  });
  document.addEventListener('htmx:afterSwap', updateCount);
  showBulkFields();
  // the tickets a refused bulk action kept selected
  updateCount();

  function idsOf(body) {
    return Array.prototype.map.call(body.querySelectorAll('tr[data-ticket-id]'), function (row) {
      return row.getAttribute('data-ticket-id');
    });
  }

  function announce(count) {
    var live = document.getElementById('queue-live');
    if (!live || count === 0) {
      return;
    }
    live.textContent = '';
    setTimeout(function () {
      live.textContent = live.getAttribute('data-template').replace('{n}', count);
    }, 50);
  }

  function refresh() {
    var results = document.getElementById('queue-results');
    if (document.hidden || refreshing || !results) {
      return;
    }
    var url = results.getAttribute('data-refresh-url');
    refreshing = true;
    fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var current = document.getElementById('queue-results');
        if (!html || !current || current.getAttribute('data-refresh-url') !== url) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var freshRows = fresh.getElementById('queue-rows');
        var body = rows();
        if (!freshRows || !body) {
          return;
        }
        var selected = boxes().filter(function (box) { return box.checked; }).map(function (box) {
          return box.closest('tr').getAttribute('data-ticket-id');
        });
        var focused = document.activeElement && body.contains(document.activeElement) ? document.activeElement.id : null;
        var before = idsOf(body);
        var arrived = idsOf(freshRows).filter(function (id) { return before.indexOf(id) < 0; }).length;
        body.replaceWith(document.importNode(freshRows, true));
        var freshPager = fresh.querySelector('#queue-results > nav');
        var pager = current.querySelector(':scope > nav');
        if (pager) {
          pager.remove();
        }
        if (freshPager) {
          current.appendChild(document.importNode(freshPager, true));
        }
        boxes().forEach(function (box) {
          box.checked = selected.indexOf(box.closest('tr').getAttribute('data-ticket-id')) >= 0;
        });
        if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus({ preventScroll: true });
        }
        var freshTotal = fresh.getElementById('queue-total');
        var total = document.getElementById('queue-total');
        // only a changed total is written, so that screen readers hear it once, not every round
        if (freshTotal && total && freshTotal.textContent !== total.textContent) {
          total.textContent = freshTotal.textContent;
        }
        updateCount();
        announce(arrived);
      })
      .catch(function () { /* the next round tries again */ })
      .finally(function () { refreshing = false; });
  }

  setInterval(refresh, REFRESH_MS);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      refresh();
    }
  });
})();
