(async function () {
  'use strict';
  await PF.requireLogin();
  await PF.header('experts.html');
  const catalogue = await PF.catalogue();
  const notice = document.getElementById('notice');
  const body = document.querySelector('#experts tbody');
  const form = document.getElementById('expert-form');
  const formNotice = document.getElementById('form-notice');
  let editing = null;

  ['f-city', 'homeCity'].forEach(id => catalogue.cities.forEach(c => document.getElementById(id).add(new Option(c.label, c.code))));
  catalogue.industries.forEach(i => document.getElementById('f-industry').add(new Option(i.label, i.code)));
  document.getElementById('industries').innerHTML = catalogue.industries.map(i =>
    '<label><input type="checkbox" name="industry" value="' + PF.esc(i.code) + '"> ' + PF.esc(i.label) + '</label>').join('');

  async function load() {
    const q = new URLSearchParams();
    [['homeCity', 'f-city'], ['industry', 'f-industry'], ['active', 'f-active'], ['q', 'f-q']].forEach(([k, id]) => {
      const v = document.getElementById(id).value.trim();
      if (v) q.set(k, v);
    });
    try {
      const list = await PF.api('/api/accounts/experts?' + q);
      body.innerHTML = list.length ? list.map(e => '<tr><td>' + PF.esc(e.username) + '</td><td>' + PF.esc(e.displayName) + '</td><td>'
        + PF.esc(e.homeCityName || '未登记') + '</td><td>' + PF.esc(e.employerName || '') + '</td><td>' + PF.esc(e.title || '') + '</td><td>'
        + PF.esc(e.industryNames.join('、')) + '</td><td>' + PF.esc(e.conflicts.join('、')) + '</td><td><span class="status' + (e.active ? ' ok' : '')
        + '">' + (e.active ? '启用' : '停用') + '</span>' + (e.complete ? '' : '<br>信息不全，不参与抽取') + '</td><td>'
        + '<button type="button" class="link" data-edit="' + PF.esc(e.username) + '">修改</button> '
        + (e.active ? '<button type="button" class="link" data-deactivate="' + PF.esc(e.username) + '">停用</button>'
                    : '<button type="button" class="link" data-activate="' + PF.esc(e.username) + '">启用</button>')
        + '</td></tr>').join('') : '<tr><td colspan="9">没有符合条件的专家</td></tr>';
      body._list = list;
    } catch (error) {
      PF.notify(notice, error.message, 'error');
    }
  }

  function fill(e) {
    editing = e ? e.username : null;
    document.getElementById('form-title').textContent = e ? '修改专家：' + e.username : '新增专家';
    const set = (id, v) => { document.getElementById(id).value = v == null ? '' : v; };
    set('username', e && e.username); set('displayName', e && e.displayName); set('homeCity', e && e.homeCity);
    set('employerName', e && e.employerName); set('employerCreditCode', e && e.employerCreditCode); set('title', e && e.title);
    set('email', e && e.email); set('mobile', e && e.mobile); set('conflicts', e ? e.conflicts.join('\n') : '');
    document.getElementById('username').disabled = !!e;
    form.querySelectorAll('input[name=industry]').forEach(box => { box.checked = !!e && e.industries.includes(box.value); });
  }

  body.addEventListener('click', async e => {
    const edit = e.target.getAttribute('data-edit');
    const off = e.target.getAttribute('data-deactivate');
    const on = e.target.getAttribute('data-activate');
    if (edit) { fill(body._list.find(x => x.username === edit)); document.getElementById('displayName').focus(); return; }
    try {
      if (off) {
        const r = await PF.api('/api/accounts/experts/' + encodeURIComponent(off) + '/deactivate', { method: 'POST' });
        PF.notify(notice, '已停用 ' + off + (r.reassigned.length ? '；改派：' + r.reassigned.map(x => x.description + ' → ' + x.replacement).join('；')
          : '；无待办评审任务'), 'success');
      } else if (on) {
        await PF.api('/api/accounts/experts/' + encodeURIComponent(on) + '/activate', { method: 'POST' });
        PF.notify(notice, '已启用 ' + on, 'success');
      } else {
        return;
      }
      await load();
    } catch (error) {
      PF.notify(notice, error.message, 'error');
    }
  });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    formNotice.hidden = true;
    const value = id => document.getElementById(id).value.trim();
    const json = { username: editing || value('username'), displayName: value('displayName'), homeCity: value('homeCity') || null,
      employerName: value('employerName'), employerCreditCode: value('employerCreditCode').toUpperCase(), title: value('title'),
      email: value('email'), mobile: value('mobile'),
      industries: Array.from(form.querySelectorAll('input[name=industry]:checked')).map(b => b.value),
      conflicts: value('conflicts').split(/\s+/).filter(Boolean) };
    const codeProblem = PF.creditCodeProblem(json.employerCreditCode);
    if (codeProblem) { PF.fieldError(form, 'employerCreditCode', codeProblem); PF.notify(formNotice, '请按提示修改标红的项目', 'error'); return; }
    try {
      if (editing) {
        await PF.api('/api/accounts/experts/' + encodeURIComponent(editing), { method: 'PUT', json });
        PF.notify(formNotice, '已保存 ' + editing, 'success');
      } else {
        const created = await PF.api('/api/accounts/experts', { method: 'POST', json });
        formNotice.className = 'notice success';
        formNotice.hidden = false;
        formNotice.innerHTML = '已创建专家 ' + PF.esc(created.username) + '。一次性初始密码：<code id="initial-password">'
          + PF.esc(created.initialPassword) + '</code>（仅显示这一次，请当面或通过安全渠道告知专家；首次登录须修改）';
        fill(null);
      }
      await load();
    } catch (error) {
      PF.showProblem(form, formNotice, error);
    }
  });
  document.getElementById('expert-new').addEventListener('click', () => { fill(null); document.getElementById('username').focus(); });
  document.getElementById('filter-form').addEventListener('submit', e => { e.preventDefault(); load(); });

  const importForm = document.getElementById('import-form');
  const importNotice = document.getElementById('import-notice');
  importForm.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(importForm);
    const file = document.getElementById('import-file').files[0];
    if (!file) { PF.fieldError(importForm, 'file', '请选择工作簿'); return; }
    const data = new FormData();
    data.append('file', file);
    try {
      const r = await PF.upload('/api/accounts/experts/import', data);
      PF.notify(importNotice, '共 ' + r.total + ' 行：创建 ' + r.created.length + ' 名专家，' + r.rejected.length + ' 行有误未保存。',
        r.rejected.length ? 'error' : 'success');
      document.getElementById('import-result').innerHTML =
        (r.created.length ? '<table><caption>已创建（初始密码仅显示这一次）</caption><thead><tr><th scope="col">行</th><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">一次性初始密码</th></tr></thead><tbody>'
          + r.created.map(c => '<tr><td>' + c.row + '</td><td>' + PF.esc(c.username) + '</td><td>' + PF.esc(c.displayName) + '</td><td><code>' + PF.esc(c.initialPassword) + '</code></td></tr>').join('')
          + '</tbody></table>' : '')
        + (r.rejected.length ? '<table><caption>有误的行</caption><thead><tr><th scope="col">行</th><th scope="col">用户名</th><th scope="col">问题</th></tr></thead><tbody>'
          + r.rejected.map(x => '<tr><td>' + x.row + '</td><td>' + PF.esc(x.username || '') + '</td><td>' + x.errors.map(err => PF.esc(err.field + '：' + err.detail)).join('<br>') + '</td></tr>').join('')
          + '</tbody></table>' : '');
      await load();
    } catch (error) {
      PF.showProblem(importForm, importNotice, error);
    }
  });
  await load();
})();
