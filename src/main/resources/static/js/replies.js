// Canned replies on the agent's ticket page (part: canned replies and macros), and the generative
// help's reply draft (a button with data-text-from, the id of the field holding it). A picker's button
// fetches the reply expanded for the ticket and inserts it into its textarea where the cursor
// was, or at the end when the agent has not been in the textarea yet; what was typed stays.
(function () {
  if (window.guichetCannedReplies) {
    return;
  }
  window.guichetCannedReplies = true;

  document.addEventListener('focusout', function (event) {
    if (event.target.tagName === 'TEXTAREA') {
      event.target.dataset.cursorKnown = 'true';
    }
  });

  function insert(textarea, text) {
    var value = textarea.value;
    var start = value.length;
    var end = value.length;
    if (textarea.dataset.cursorKnown === 'true') {
      start = textarea.selectionStart;
      end = textarea.selectionEnd;
    }
    var before = value.substring(0, start);
    var after = value.substring(end);
    var separator = before.length > 0 && !/\n$/.test(before) ? '\n' : '';
    textarea.value = before + separator + text + after;
    var cursor = before.length + separator.length + text.length;
    textarea.focus();
    textarea.setSelectionRange(cursor, cursor);
    textarea.dataset.cursorKnown = 'true';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-canned-reply]');
    if (!button) {
      return;
    }
    var textarea = document.getElementById(button.dataset.target);
    if (!textarea) {
      return;
    }
    if (button.dataset.textFrom) {
      // a text already on the page (the generative help's draft): nothing to fetch
      insert(textarea, document.getElementById(button.dataset.textFrom).value);
      return;
    }
    // found now: a search typed meanwhile may redraw the list and take the button out of the page
    var picker = button.closest('details');
    var error = button.closest('[data-canned-list]').querySelector('[data-canned-error]');
    button.disabled = true;
    fetch(button.dataset.url, { headers: { 'Accept': 'text/plain' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (text) {
        insert(textarea, text);
        if (picker) {
          picker.open = false;
        }
      })
      .catch(function () {
        if (error) {
          error.hidden = false;
        }
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
