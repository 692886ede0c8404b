(async () => {
  await PF.header('registry.html');
  const id = new URLSearchParams(location.search).get('id');
  const notice = document.getElementById('notice');
  try {
    const back = new URL(document.referrer);
    if (back.origin === location.origin && back.pathname.endsWith('/registry.html')) document.getElementById('back').href = back.pathname + back.search;
  } catch (ignored) { /* no referrer: the plain registry link stays */ }
  let d;
  try {
    d = await PF.api('/api/registry/carriers/' + encodeURIComponent(id), { allowAnonymous: true });
  } catch (error) {
    PF.notify(notice, error.message, 'error');
    return;
  }
  const c = d.carrier;
  document.getElementById('title').textContent = c.name;
  document.title = c.name + ' · 载体详情';
  const summary = document.getElementById('summary');
  summary.hidden = false;
  summary.innerHTML = '<dl class="grid">' + [['运营机构', c.operatorName], ['统一社会信用代码', c.creditCode], ['类型', c.kindLabel], ['级别', c.levelLabel],
    ['设区市', c.cityName], ['地址', c.address], ['状态', c.statusLabel], ['认定时间', c.certifiedSince || '—']]
    .map(([k, v]) => '<div><dt><strong>' + k + '</strong></dt><dd style="margin:0">' + PF.esc(v) + '</dd></div>').join('') + '</dl>';
  const table = (caption, head, rows) => '<section class="card"><table><caption>' + caption + '</caption><thead><tr>'
    + head.map(h => '<th scope="col">' + h + '</th>').join('') + '</tr></thead><tbody>'
    + (rows.length ? rows.map(r => '<tr>' + r.map(v => '<td>' + (v && v.html ? v.html : PF.esc(v == null ? '—' : v)) + '</td>').join('') + '</tr>').join('')
                   : '<tr><td colspan="' + head.length + '">无</td></tr>') + '</tbody></table></section>';
  document.getElementById('tables').innerHTML =
    table('认定', ['认定编号', '类型', '级别', '规则集', '生效日期', '有效期至', '认定证书', '证书 SHA-256'], d.certifications.map(x => [x.number, x.kindLabel,
      x.levelLabel, x.ruleSet, x.validFrom, x.validUntil,
      { html: '<a href="/api/registry/carriers/' + encodeURIComponent(c.id) + '/certifications/' + encodeURIComponent(x.number)
        + '/certificate.pdf" type="application/pdf">下载证书（PDF）</a>' },
      { html: x.certificateSha256 ? '<code class="digest">' + PF.esc(x.certificateSha256) + '</code>' : '首次下载时生成' }]))
    + table('称号', ['称号', '来源', '起始', '截止', '当前有效'], d.titles.map(t => [t.title === 'BENCHMARK' ? '标杆孵化器' : t.title, t.source, t.validFrom, t.validUntil, t.current ? '是' : '否']))
    + table('年度考核', ['年度', '等级', '得分', '备注'], d.evaluations.map(e => [e.year, e.rating, e.score, e.remark]))
    + table('变更记录', ['时间', '操作人', '事项', '说明'], d.history.map(h => [PF.time(h.at), h.actor, h.action, h.detail]));
  // tenant data is not public: the operator, its city and the province see where the carrier's firms went
  let g = null;
  try {
    g = await PF.api('/api/registry/carriers/' + encodeURIComponent(id) + '/graduates', { allowAnonymous: true });
  } catch (ignored) { /* anonymous or not allowed: nothing to show */ }
  if (g) {
    const kinds = Object.keys(g.byDestinationKind).map(k => k + ' ' + g.byDestinationKind[k] + ' 家').join('、');
    const section = document.createElement('div');
    section.id = 'graduates';
    section.innerHTML = '<p>毕业及离孵企业 ' + g.departed + ' 家（其中毕业 ' + g.graduated + ' 家），其后进入其他载体的 ' + g.followed + ' 家'
      + (kinds ? '：' + PF.esc(kinds) : '') + '。本节仅运营机构、所在设区市科技局和省科技厅可见。</p>'
      + table('毕业及离孵企业去向', ['企业', '统一社会信用代码', '入孵', '毕业（条件）', '离孵（原因）', '其后进入'], g.departures.map(x => [x.name, x.creditCode,
        x.entryDate, x.graduatedDate ? x.graduatedDate + (x.graduationCriterion ? '（' + x.graduationCriterion + '）' : '（未注明条件）') : null,
        x.exitDate ? x.exitDate + (x.exitReason ? '（' + x.exitReason + '）' : '') : null,
        x.movedTo ? x.movedTo.carrierName + '（' + x.movedTo.kindName + '，' + x.movedTo.cityName + '，' + x.movedTo.entryDate + '）' : null]));
    document.getElementById('tables').append(section);
  }
})();
