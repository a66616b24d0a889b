// Attachment previews (part: rich text). A link marked data-image-preview shows its image in a
// dialog over the page instead of leaving it; Escape or "Close" gives the focus back to the link.
(function () {
  if (window.guichetAttachmentPreview) {
    return;
  }
  window.guichetAttachmentPreview = true;
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-image-preview]');
    var dialog = document.getElementById('attachment-dialog');
    if (!link || !dialog || typeof dialog.showModal !== 'function' || event.ctrlKey || event.metaKey
        || event.shiftKey) {
      return;
    }
    event.preventDefault();
    var item = link.closest('li');
    var name = item ? item.querySelector('a:not([aria-label])') : null;
    var title = name ? name.textContent : link.getAttribute('href');
    document.getElementById('attachment-dialog-title').textContent = title;
    var image = document.getElementById('attachment-dialog-image');
    image.src = link.getAttribute('href');
    image.alt = title;
    document.getElementById('attachment-dialog-open').href = link.getAttribute('href');
    dialog.showModal();
  });
  document.addEventListener('click', function (event) {
    if (event.target.id === 'attachment-dialog-close') {
      document.getElementById('attachment-dialog').close();
    }
  });
})();
