/**
 * The chat app page's style and script, inline (no framework, nothing to load; the page
 * must open fast inside the messenger's frame). The script speaks the messenger's
 * documented frame protocol (api-reference/chats/outdated/iframe.md): it waits for the
 * parent's `init` (only from the portal's own origin), then answers with JSON messages
 * carrying its uniqueLoadId — here `{action: 'put', message}`, which puts a text into the
 * operator's message box for them to edit and send.
 */

export const PAGE_STYLE = `
*{box-sizing:border-box}body{margin:0;padding:10px;font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;background:#fff}
h1,h2{font-size:14px;margin:12px 0 6px}h1{margin-top:0}section{border-bottom:1px solid #e4e7eb;padding-bottom:8px}
.status{margin:0 0 6px;padding:6px 8px;border-radius:6px;background:#e6f6ff}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;margin:0}dt{color:#52606d}dd{margin:0;overflow-wrap:anywhere}dd ul{margin:0;padding-left:16px}
input[type=search],select{width:100%;padding:6px;border:1px solid #cbd2d9;border-radius:6px;font:inherit}
#answers{list-style:none;margin:6px 0 0;padding:0;max-height:220px;overflow:auto}
.answer{display:block;width:100%;text-align:left;margin:0 0 4px;padding:6px 8px;border:1px solid #cbd2d9;border-radius:6px;background:#f5f7fa;font:inherit;cursor:pointer}
.answer:hover,.answer:focus{border-color:#2fa4e7;outline:none}.answer.put{background:#e3f9e5}
.label{display:block;font-weight:600}.label small{font-weight:400;color:#7b8794}.text{display:block;white-space:pre-wrap;overflow-wrap:anywhere}
form{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:4px}form label{width:100%}
form select{flex:1 1 180px}form button{padding:6px 12px;border:0;border-radius:6px;background:#2fa4e7;color:#fff;font:inherit;cursor:pointer}
[hidden]{display:none}`;

export const PAGE_SCRIPT = `
(function () {
  var params = new URLSearchParams(location.search);
  var portalOrigin = '';
  try { portalOrigin = new URL(params.get('DOMAIN')).origin; } catch (e) {}
  var link = { id: null, source: null, origin: null, waiting: [] };
  function send(data) {
    if (!link.source) { link.waiting.push(data); return; }
    data.uniqueLoadId = link.id;
    link.source.postMessage(JSON.stringify(data), link.origin);
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== portalOrigin) return;
    var data = {};
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data.action !== 'init') return;
    link.id = data.uniqueLoadId; link.source = event.source; link.origin = event.origin;
    link.waiting.splice(0).forEach(send);
  });
  var list = document.getElementById('answers');
  list.addEventListener('click', function (event) {
    var button = event.target.closest('button.answer');
    if (!button) return;
    send({ action: 'put', message: button.getAttribute('data-text') });
    button.classList.add('put');
    setTimeout(function () { button.classList.remove('put'); }, 800);
  });
  document.getElementById('search').addEventListener('input', function (event) {
    var words = event.target.value.toLowerCase().split(/\\s+/).filter(Boolean);
    list.querySelectorAll('li').forEach(function (item) {
      var text = item.textContent.toLowerCase();
      item.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  });
  document.getElementById('resume').addEventListener('submit', function (event) {
    event.preventDefault();
    var note = document.getElementById('resumed');
    note.textContent = 'Giving the chat back…';
    var body = new URLSearchParams({ menu: document.getElementById('menu').value });
    fetch(location.pathname.replace(/\\/$/, '') + '/resume' + location.search, { method: 'POST', body: body })
      .then(function (response) {
        note.textContent = response.ok ? 'The bot has the chat again: it showed the customer the menu.' : 'Could not give the chat back (' + response.status + ').';
      })
      .catch(function () { note.textContent = 'Could not give the chat back: no answer.'; });
  });
})();`;
