(async function () {
  'use strict';
  await PF.requireLogin();
  await PF.header('registrations.html');
  const notice = document.getElementById('notice');
  const filter = document.getElementById('status-filter');
  const body = document.querySelector('#registrations tbody');

  async function load() {
    body.innerHTML = '<tr><td colspan="9">正在加载…</td></tr>';
    try {
      const list = await PF.api('/api/accounts/operators' + (filter.value ? '?status=' + filter.value : ''));
      if (!list.length) { body.innerHTML = '<tr><td colspan="9">没有注册申请</td></tr>'; return; }
      body.innerHTML = list.map(r => {
        const user = encodeURIComponent(r.username);
        const licence = r.licence
          ? '<a href="/api/accounts/operators/' + user + '/licence" target="_blank" rel="noopener">' + PF.esc(r.licence.fileName) + '</a>'
          : '尚未上传';
        const decide = r.status !== 'PENDING' ? PF.esc(r.reason || '') + (r.decidedBy ? '（' + PF.esc(r.decidedBy) + '）' : '')
          : '<button type="button" data-approve="' + PF.esc(r.username) + '"' + (r.licence ? '' : ' disabled title="尚未上传营业执照"') + '>批准</button> '
            + '<label class="visually-hidden" for="reason-' + PF.esc(r.username) + '">不予通过的理由</label>'
            + '<input type="text" id="reason-' + PF.esc(r.username) + '" placeholder="不予通过的理由" maxlength="500"> '
            + '<button type="button" class="secondary" data-reject="' + PF.esc(r.username) + '">不予通过</button>';
        return '<tr><td>' + PF.esc(r.username) + '</td><td>' + PF.esc(r.operatorName) + '</td><td>' + PF.esc(r.creditCode) + '</td><td class="nowrap">'
          + PF.esc(r.cityName) + '</td><td>' + PF.esc(r.displayName) + '<br>' + PF.esc(r.mobile) + '<br>' + PF.esc(r.email) + '</td><td>'
          + PF.time(r.registeredAt) + '</td><td>' + licence + '</td><td><span class="status ' + PF.esc(r.status) + '">'
          + PF.esc(r.statusLabel) + '</span></td><td>' + decide + '</td></tr>';
      }).join('');
    } catch (error) {
      body.innerHTML = '<tr><td colspan="9">无法加载</td></tr>';
      PF.notify(notice, error.message, 'error');
    }
  }

  body.addEventListener('click', async e => {
    const approve = e.target.getAttribute('data-approve');
    const reject = e.target.getAttribute('data-reject');
    if (!approve && !reject) return;
    try {
      if (approve) {
        await PF.api('/api/accounts/operators/' + encodeURIComponent(approve) + '/approve', { method: 'POST' });
        PF.notify(notice, '已批准 ' + approve + '：账号已绑定其统一社会信用代码，可以申报。', 'success');
      } else {
        const reason = document.getElementById('reason-' + reject).value.trim();
        await PF.api('/api/accounts/operators/' + encodeURIComponent(reject) + '/reject', { method: 'POST', json: { reason } });
        PF.notify(notice, '已不予通过 ' + reject + '，理由注册人可见。', 'success');
      }
      await load();
    } catch (error) {
      PF.notify(notice, error.message, 'error');
    }
  });
  filter.addEventListener('change', load);
  await load();
})();
