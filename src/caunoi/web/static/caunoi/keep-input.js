// A form whose text is larger than the server accepts is not sent: the server could not read it back, and the
// text would be lost behind an error page. The text stays in the form, with a message at its top.
(function () {
  document.addEventListener('submit', function (event) {
    var limit = parseInt(document.body.dataset.maxFormBytes || '0', 10);
    var form = event.target;
    if (!limit) { return; }
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') { return; }
    var size = 0;
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') { size += encodeURIComponent(name).length + encodeURIComponent(value).length + 2; }
    });
    var shown = form.querySelector('.too-big');
    if (size <= limit) {
      if (shown) { shown.remove(); }
      return;
    }
    event.preventDefault();
    if (!shown) {
      shown = document.createElement('p');
      shown.className = 'error too-big';
      shown.setAttribute('role', 'alert');
      form.insertBefore(shown, form.firstChild);
    }
    shown.textContent = document.body.dataset.tooBig;
    shown.scrollIntoView({block: 'center'});
  }, true);
})();
