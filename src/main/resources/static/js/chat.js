// The live chat (templates/chat): the conversation's event stream adds each message as text (never
// as HTML) once, in order of id; the browser reconnects by itself and sends the last id it had
// (Last-Event-ID), so that the server sends what it missed. A change of state reloads the page,
// which reads the whole conversation from the database. Messages are sent without leaving the
// page; a refusal is shown under the field, the text kept, as is the text sent after the page's
// session ended. The agents' queue reloads when it changes.
(function () {
  function post(url, body) {
    var headers = { 'X-Requested-With': 'fetch' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: headers });
  }

  // A form that leaves the page (take, close, turn into a ticket) wins over a reload its own
  // action causes: the streams close as it is sent.
  var sources = [];
  var leaving = false;
  document.addEventListener('submit', function (event) {
    if (!event.defaultPrevented) {
      leaving = true;
      sources.forEach(function (source) { source.close(); });
    }
  });
  function reload() {
    if (!leaving) {
      window.location.reload();
    }
  }
  function listen(url) {
    var source = new EventSource(url);
    sources.push(source);
    return source;
  }

  var queue = document.querySelector('[data-queue-stream]');
  if (queue) {
    listen(queue.getAttribute('data-queue-stream')).addEventListener('queue', reload);
  }

  var chat = document.getElementById('chat');
  if (!chat) {
    return;
  }
  var list = document.getElementById('chat-messages');
  var frame = list.parentElement;
  // the agent's id on the agent's side; none on the requester's or visitor's, whose messages are those no agent wrote
  var me = chat.getAttribute('data-me');
  var last = Number(chat.getAttribute('data-last') || '0');
  var typing = document.getElementById('chat-typing');
  var typingTimer = null;

  function scrollDown() {
    frame.scrollTop = frame.scrollHeight;
  }

  function show(message) {
    if (message.id <= last) {
      return;
    }
    last = message.id;
    if (message.note) {
      var note = document.createElement('li');
      note.className = 'chat-note small text-secondary text-center';
      note.setAttribute('data-id', String(message.id));
      note.textContent = message.time + ' ' + message.text;
      list.appendChild(note);
      scrollDown();
      return;
    }
    var mine = me === null ? !message.fromAgent : String(message.authorId) === me;
    var item = document.createElement('li');
    item.className = 'chat-message border rounded p-2' + (mine ? ' mine' : '');
    item.setAttribute('data-id', String(message.id));
    var head = document.createElement('span');
    head.className = 'small text-secondary';
    var author = document.createElement('strong');
    author.textContent = message.author;
    var time = document.createElement('time');
    time.setAttribute('datetime', message.sentAt);
    time.textContent = message.time;
    head.appendChild(author);
    head.appendChild(document.createTextNode(' '));
    head.appendChild(time);
    var text = document.createElement('p');
    text.className = 'mb-0';
    text.textContent = message.text;
    item.appendChild(head);
    item.appendChild(text);
    list.appendChild(item);
    if (!mine) {
      typing.hidden = true;
    }
    scrollDown();
  }

  var stream = chat.getAttribute('data-stream');
  var events = listen(stream + (stream.indexOf('?') < 0 ? '?' : '&') + 'after=' + last);
  events.addEventListener('message', function (event) { show(JSON.parse(event.data)); });
  events.addEventListener('typing', function () {
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typing.hidden = true; }, 4000);
  });
  events.addEventListener('state', reload);
  scrollDown();

  var form = document.getElementById('chat-form');
  if (!form) {
    return;
  }
  var field = document.getElementById('chat-text');
  var error = document.getElementById('chat-error');
  var lastTyping = 0;
  field.addEventListener('input', function () {
    var now = Date.now();
    if (now - lastTyping > 3000 && field.value.trim() !== '') {
      lastTyping = now;
      post(chat.getAttribute('data-typing-url'), new FormData());
    }
  });
  // A suggested article's link goes into the reply where the cursor is, the agent sends it.
  document.querySelectorAll('[data-insert-link]').forEach(function (button) {
    button.addEventListener('click', function () {
      var link = button.getAttribute('data-title') + ': ' + window.location.origin + button.getAttribute('data-insert-link');
      var start = field.selectionStart;
      var before = field.value.slice(0, start);
      var after = field.value.slice(field.selectionEnd);
      var space = before === '' || /\s$/.test(before) ? '' : ' ';
      field.value = before + space + link + (after === '' || /^\s/.test(after) ? '' : ' ') + after;
      var caret = (before + space + link).length;
      field.focus();
      field.setSelectionRange(caret, caret);
    });
  });
  field.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  // The message is kept in the field, marked as refused, the reason read with it (aria-describedby).
  function refuse(reason) {
    error.textContent = reason;
    field.classList.add('is-invalid');
    field.setAttribute('aria-invalid', 'true');
  }
  // On the form itself, so that it runs before guichet.js marks the page as leaving.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (field.value.trim() === '') {
      return;
    }
    var button = document.getElementById('chat-send');
    button.disabled = true;
    post(form.action, new FormData(form)).then(function (answer) {
      // Sent is 204 only: a session that ended answers a refusal of the security (403) or, followed
      // by fetch, the login page (200), neither of which took the message.
      if (answer.status === 204) {
        field.value = '';
        error.textContent = '';
        field.classList.remove('is-invalid');
        field.removeAttribute('aria-invalid');
        lastTyping = 0;
        return null;
      }
      var reasoned = (answer.headers.get('Content-Type') || '').indexOf('text/plain') === 0;
      return answer.text().then(function (refusal) {
        refuse(reasoned && !answer.redirected ? refusal : chat.getAttribute('data-session-ended'));
      });
    }).catch(function () {
      refuse(chat.getAttribute('data-offline'));
    }).finally(function () {
      button.disabled = false;
      field.focus();
    });
  });
})();
