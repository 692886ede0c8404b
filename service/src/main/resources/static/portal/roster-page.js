(async function () {
  'use strict';
  await PF.requireLogin();
  await PF.header('index.html');
  const notice = document.getElementById('notice');
  const form = document.getElementById('upload');
  const year = document.getElementById('year');
  const params = new URLSearchParams(location.search);
  const id = params.get('carrier');
  PF.years(year, false, params.get('year'));
  let carrier;
  try {
    carrier = (await PF.api('/api/tenants/mine')).find(c => String(c.carrierId) === id);
  } catch (error) {
    PF.notify(notice, error.status === 403 ? '在孵企业名单由载体的运营机构报送。' : error.message, 'error');
    form.hidden = true;
    return;
  }
  if (!carrier) { PF.notify(notice, '该载体不存在或不是本机构运营的载体。', 'error'); form.hidden = true; return; }
  document.getElementById('title').textContent = carrier.name + ' · 在孵企业名单';
  const path = () => '/api/registry/carriers/' + encodeURIComponent(id) + '/tenants/' + year.value;
  const table = (caption, head, rows) => '<table><caption>' + caption + '</caption><thead><tr>' + head.map(h => '<th scope="col">' + h + '</th>').join('')
    + '</tr></thead><tbody>' + (rows.length ? rows.map(r => '<tr>' + r.map(v => '<td>' + PF.esc(v == null ? '—' : v) + '</td>').join('') + '</tr>').join('')
      : '<tr><td colspan="' + head.length + '">无</td></tr>') + '</tbody></table>';

  async function show() {
    const figures = document.getElementById('figures');
    const roster = document.getElementById('roster');
    try {
      const [f, r] = await Promise.all([PF.api(path() + '/figures'), PF.api(path())]);
      const cat = await PF.catalogue();
      const label = code => (cat.indicators.find(i => i.code === code) || { label: code }).label;
      figures.innerHTML = '<h2 style="margin-top:0">' + PF.esc(year.value) + '年度名单所证明的指标（截至 ' + PF.esc(f.asOf) + '）</h2>'
        + table('按名单计算', ['指标', '数值'], Object.keys(f.indicators).map(k => [label(k), f.indicators[k]]))
        + table('需要注意的企业', ['企业', '统一社会信用代码', '情况'], f.findings.map(x => [x.name, x.creditCode, x.problemText]));
      roster.innerHTML = '<h2 style="margin-top:0">已报送的名单（' + PF.esc(r.tenantCount) + ' 家，' + PF.esc(PF.time(r.importedAt)) + ' 由 ' + PF.esc(r.importedBy) + ' 报送）</h2>'
        + table('在孵企业', ['统一社会信用代码', '企业名称', '成立日期', '入孵时间', '产业领域', '高新技术企业', '毕业', '离孵'], r.tenants.map(t => [t.creditCode,
          t.name, t.foundedDate, t.entryDate, t.industryLabel, t.highTech ? '是' : '否',
          t.graduatedDate ? t.graduatedDate + (t.graduationCriterionLabel ? '（' + t.graduationCriterionLabel + '）' : '') : null, t.exitDate]));
      figures.hidden = roster.hidden = false;
    } catch (error) {
      figures.hidden = roster.hidden = true;
      if (error.status !== 404) PF.notify(notice, error.message, 'error');
    }
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    const file = document.getElementById('file').files[0];
    if (!file) { PF.fieldError(form, 'file', '请选择名单文件（CSV 或 xlsx）'); document.getElementById('file').focus(); return; }
    const data = new FormData();
    data.append('file', file);
    const result = document.getElementById('result');
    try {
      const r = await PF.upload(path(), data, null, 'PUT');
      result.innerHTML = '<h2 style="margin-top:0">报送结果</h2><p>' + PF.esc('共 ' + r.total + ' 行：接受 ' + r.accepted.length + ' 行，有误 ' + r.rejected.length + ' 行。'
        + (r.accepted.length ? (r.replaced ? '已替换' : '已保存') + year.value + '年度名单。' : '没有可接受的行，名单未作更改。')) + '</p>'
        + (r.rejected.length ? table('有误的行（未保存）', ['行号', '统一社会信用代码', '问题'], r.rejected.map(x => [x.row, x.creditCode,
          x.errors.map(err => err.detail).join('；')])) : '');
      result.hidden = false;
      PF.notify(notice, r.rejected.length ? '名单已处理，有 ' + r.rejected.length + ' 行需要修改后重新报送。' : '名单已报送。', r.rejected.length ? 'error' : 'success');
      await show();
    } catch (error) {
      PF.showProblem(form, notice, error);
    }
  });
  year.addEventListener('change', show);
  await show();
})();
