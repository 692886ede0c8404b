(async () => {
  await PF.requireLogin();
  await PF.header('inbox.html');
  const body = document.querySelector('#messages tbody');
  const unreadOnly = document.getElementById('unread-only');
  const notice = document.getElementById('notice');

  async function load() {
    const page = await PF.api('/api/inbox?limit=200' + (unreadOnly.checked ? '&unread=true' : ''));
    notice.textContent = '共' + page.unread + '条未读';
    body.innerHTML = page.items.length ? page.items.map(m => '<tr data-id="' + m.id + '"' + (m.read ? '' : ' class="unread"') + '><td>'
      + PF.time(m.createdAt) + '</td><td>' + (m.link ? '<a href="' + PF.esc(m.link) + '">' + PF.esc(m.subject) + '</a>' : PF.esc(m.subject))
      + '</td><td><details><summary>查看</summary><pre class="message">' + PF.esc(m.body) + '</pre></details></td><td>'
      + (m.read ? '已读' : '<button type="button" class="secondary read">标为已读</button>') + '</td></tr>').join('')
      : '<tr><td colspan="4">暂无消息</td></tr>';
    body.querySelectorAll('button.read').forEach(b => b.addEventListener('click', async () => {
      await PF.api('/api/inbox/' + b.closest('tr').dataset.id + '/read', { method: 'POST' });
      await load();
    }));
  }

  unreadOnly.addEventListener('change', load);
  document.getElementById('read-all').addEventListener('click', async () => {
    await PF.api('/api/inbox/read-all', { method: 'POST' });
    await load();
  });
  await load();
})();
