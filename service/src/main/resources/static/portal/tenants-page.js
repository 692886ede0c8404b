(async function () {
  'use strict';
  await PF.requireLogin();
  await PF.header('tenants.html');
  const notice = document.getElementById('notice');
  const year = document.getElementById('year');
  const body = document.querySelector('#duplicates tbody');
  const moves = document.querySelector('#moves tbody');
  PF.years(year, false, new URLSearchParams(location.search).get('year'));
  const chart = echarts.init(document.getElementById('chart-chain'), null, { renderer: 'svg' });
  const stay = c => PF.esc(c.carrierName) + '（' + PF.esc(c.cityName) + '）<br>' + PF.esc(c.entryDate) + ' — ' + PF.esc(c.exitDate || '在孵');
  const key = d => [d.creditCode, d.first.carrierId, d.second.carrierId].join('-');

  function verdict(d) {
    const k = PF.esc(key(d));
    const done = d.review ? '<p style="margin:0 0 4px 0"><span class="status ' + (d.review.explained ? 'ACTIVE' : 'REJECTED') + '">'
      + (d.review.explained ? '已说明' : '未说明') + '</span> ' + PF.esc(d.review.note) + '（' + PF.esc(d.review.reviewedBy) + '，'
      + PF.esc(PF.time(d.review.reviewedAt)) + '）</p>' : '';
    return done + '<label class="visually-hidden" for="note-' + k + '">核实情况</label>'
      + '<input type="text" id="note-' + k + '" placeholder="核实情况" maxlength="1000"> '
      + '<button type="button" data-explained="true" data-key="' + k + '">已说明</button> '
      + '<button type="button" class="secondary" data-explained="false" data-key="' + k + '">未说明</button>';
  }

  let shown = [];
  async function load() {
    body.innerHTML = '<tr><td colspan="5">正在加载…</td></tr>';
    try {
      const [duplicates, chain] = await Promise.all([PF.api('/api/tenants/duplicates?year=' + year.value), PF.api('/api/tenants/chain?year=' + year.value)]);
      shown = duplicates.filter(d => d.overlapDays > 0);
      const moved = duplicates.length - shown.length;
      body.innerHTML = (shown.length ? shown.map(d => '<tr><td>' + PF.esc(d.name) + '<br><code>' + PF.esc(d.creditCode) + '</code></td><td>'
        + stay(d.first) + '</td><td>' + stay(d.second) + '</td><td class="nowrap">' + PF.esc(d.overlapDays) + ' 天<br>' + PF.esc(d.overlapFrom) + ' — '
        + PF.esc(d.overlapUntil) + '</td><td>' + verdict(d) + '</td></tr>').join('') : '<tr><td colspan="5">没有重复在孵企业</td></tr>')
        + (moved ? '<tr><td colspan="5">另有 ' + PF.esc(moved) + ' 家企业同年度先后在两个载体在孵、时间不重叠，见下方流动明细。</td></tr>' : '');
      chart.setOption(PFChain.option(chain), true);
      document.getElementById('chain-table').innerHTML = PFChain.flowTable(chain);
      moves.innerHTML = chain.moves.length ? chain.moves.map(m => '<tr><td>' + PF.esc(m.name) + '<br><code>' + PF.esc(m.creditCode) + '</code></td><td>'
        + PF.esc(m.from.carrierName) + '（' + PF.esc(m.from.kindName) + '，' + PF.esc(m.from.cityName) + '）</td><td>' + PF.esc(m.to.carrierName)
        + '（' + PF.esc(m.to.kindName) + '，' + PF.esc(m.to.cityName) + '）</td><td class="nowrap">' + PF.esc(m.movedOn) + '</td></tr>').join('')
        : '<tr><td colspan="4">无</td></tr>';
      if (chain.truncated) moves.innerHTML += '<tr><td colspan="4">仅列出前 ' + PF.esc(chain.moves.length) + ' 次，共 ' + PF.esc(chain.total) + ' 次。</td></tr>';
    } catch (error) {
      body.innerHTML = '<tr><td colspan="5">无法加载</td></tr>';
      PF.notify(notice, error.status === 403 ? '在孵企业核查仅供设区市科技局和省科技厅使用。' : error.message, 'error');
    }
  }

  body.addEventListener('click', async e => {
    const k = e.target.getAttribute('data-key');
    if (!k) return;
    const d = shown.find(x => key(x) === k);
    if (!d) return;
    try {
      await PF.api('/api/tenants/duplicates/' + year.value + '/' + encodeURIComponent(d.creditCode) + '/review', { method: 'PUT', json: {
        firstCarrierId: d.first.carrierId, secondCarrierId: d.second.carrierId, explained: e.target.getAttribute('data-explained') === 'true',
        note: document.getElementById('note-' + k).value.trim() } });
      PF.notify(notice, '已标记 ' + d.name + '。', 'success');
      await load();
    } catch (error) {
      const fields = ((error.problem || {}).errors || []).map(x => x.detail);
      PF.notify(notice, fields.length ? fields.join('；') : error.message, 'error');
      document.getElementById('note-' + k).focus();
    }
  });
  year.addEventListener('change', load);
  window.addEventListener('resize', () => chart.resize());
  await load();
})();
