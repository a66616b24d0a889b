// Issue 8: an image pasted into a text area with data-paste-into="<id of a file input>" (the
// agent's reply and note) becomes that input's file, the comment's attachment: the size check
// of the input runs on it (accessibility.js listens to its change), and the element
// "<input id>-pasted" says, politely, which file is attached now. A paste that holds text as
// well (from a document, a web page) is left to the browser: the text is what was meant.
(function () {
  'use strict';

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function nameFor(type) {
    var now = new Date();
    var extension = (type.split('/')[1] || 'png').replace('jpeg', 'jpg');
    return 'pasted-' + now.getFullYear() + pad(now.getMonth() + 1) + pad(now.getDate()) + '-' + pad(now.getHours())
      + pad(now.getMinutes()) + pad(now.getSeconds()) + '.' + extension;
  }

  document.addEventListener('paste', function (event) {
    var area = event.target;
    var input = area && area.dataset && area.dataset.pasteInto ? document.getElementById(area.dataset.pasteInto) : null;
    var data = event.clipboardData;
    if (!input || !data || Array.prototype.indexOf.call(data.types, 'text/plain') >= 0) {
      return;
    }
    var image = Array.prototype.find.call(data.files, function (file) { return file.type.indexOf('image/') === 0; });
    if (!image || typeof DataTransfer === 'undefined') {
      return;
    }
    event.preventDefault();
    var before = input.files.length ? input.files[0].name : null;
    var file = new File([image], nameFor(image.type), { type: image.type });
    var files = new DataTransfer();
    files.items.add(file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    var note = document.getElementById(input.id + '-pasted');
    if (note) {
      var template = before ? area.dataset.pastedInstead : area.dataset.pasted;
      note.textContent = template.replace('{0}', file.name).replace('{1}', before || '');
    }
  });
})();
