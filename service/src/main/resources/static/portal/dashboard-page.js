(async () => {
  await PF.header('dashboard.html');
  await PF.requireLogin();
  const notice = document.getElementById('notice');
  let d;
  try {
    d = await PF.api('/api/dashboard');
  } catch (error) {
    PF.notify(notice, error.status === 403 ? '看板仅供省科技厅查看。' : error.message, 'error');
    document.querySelector('.charts').hidden = true;
    return;
  }
  const cat = await PF.catalogue();
  const font = { fontFamily: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif' };
  const charts = [];
  const chart = (id, option) => { const c = echarts.init(document.getElementById(id), null, { renderer: 'svg' }); c.setOption(Object.assign({ textStyle: font, animation: false }, option)); charts.push(c); return c; };
  const cities = d.carriersByCity.map(c => c.cityName.replace('市', ''));
  const overdue = d.tasksByCity.reduce((n, c) => n + c.overdue, 0);
  document.getElementById('figures').innerHTML = [['在册载体', d.carriers], ['在办申报', d.applicationsByStage.filter(s => !['DRAFT', 'CERTIFIED', 'REJECTED', 'WITHDRAWN'].includes(s.code)).reduce((n, s) => n + s.count, 0)],
    ['设区市逾期任务', overdue], ['省级逾期任务', d.overdueProvinceTasks]].map(([t, n]) => '<div class="figure"><strong>' + n + '</strong>' + t + '</div>').join('');
  chart('chart-city', { tooltip: { trigger: 'axis' }, legend: { bottom: 0, type: "scroll" }, grid: { left: 40, right: 10, top: 10, bottom: 95 },
    xAxis: { type: 'category', data: cities, axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'value', minInterval: 1 },
    series: cat.kinds.map(k => ({ name: k.label, type: 'bar', stack: 'kind', data: d.carriersByCity.map(c => c.byKind[k.code] || 0) })) });
  chart('chart-level', { tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}\n{c}（{d}%）' }, data: d.carriersByLevel.map(l => ({ name: l.label, value: l.count })) }] });
  chart('chart-stage', { tooltip: { trigger: 'axis' }, grid: { left: 110, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: d.applicationsByStage.map(s => s.label), inverse: true },
    series: [{ type: 'bar', data: d.applicationsByStage.map(s => s.count), label: { show: true, position: 'right' } }] });
  chart('chart-overdue', { tooltip: { trigger: 'axis' }, legend: { bottom: 0, type: "scroll" }, grid: { left: 40, right: 10, top: 10, bottom: 95 },
    xAxis: { type: 'category', data: d.tasksByCity.map(c => c.cityName.replace('市', '')), axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '待办', type: 'bar', data: d.tasksByCity.map(c => c.open) }, { name: '逾期', type: 'bar', data: d.tasksByCity.map(c => c.overdue), itemStyle: { color: '#b3261e' } }] });
  const q = d.benchmarkQuotas;
  if (q.title) document.getElementById('quota-title').textContent = '标杆孵化器名额使用：' + q.title;
  chart('chart-quota', { tooltip: { trigger: 'axis' }, legend: { bottom: 0, type: "scroll" }, grid: { left: 40, right: 10, top: 10, bottom: 95 },
    xAxis: { type: 'category', data: q.cities.map(c => c.cityName.replace('市', '')), axisLabel: { interval: 0, rotate: 30 } }, yAxis: { type: 'value', minInterval: 1 },
    series: [['名额', 'quota'], ['申报', 'applicants'], ['推荐', 'recommended'], ['入选', 'selected']].map(([n, k]) => ({ name: n, type: 'bar', data: q.cities.map(c => c[k]) })),
    graphic: q.cities.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '尚未开展遴选', fontSize: 16, fill: '#5f6368' } }] });
  const r = d.lastEvaluation;
  if (r.year) document.getElementById('rating-title').textContent = r.year + '年度考核等级分布';
  chart('chart-rating', { tooltip: { trigger: 'item' }, legend: { bottom: 0 }, color: ['#1e6b3a', '#1f4e8c', '#f0a400', '#b3261e'],
    series: [{ type: 'pie', radius: '65%', label: { formatter: '{b}\n{c}（{d}%）' }, data: r.byRating.map(x => ({ name: x.code + ' ' + x.label, value: x.count })) }],
    graphic: r.year ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '尚无考核结果', fontSize: 16, fill: '#5f6368' } }] });
  const chainYear = document.getElementById('chain-year');
  const chainCity = document.getElementById('chain-city');
  PF.years(chainYear, true);
  chainCity.innerHTML += cat.cities.map(c => '<option value="' + PF.esc(c.code) + '">' + PF.esc(c.label) + '</option>').join('');
  const chainChart = chart('chart-chain', PFChain.option({ flows: [], total: 0 }));
  async function loadChain() {
    const query = [chainYear.value && 'year=' + chainYear.value, chainCity.value && 'city=' + chainCity.value].filter(Boolean).join('&');
    try {
      const chain = await PF.api('/api/tenants/chain' + (query ? '?' + query : ''));
      chainChart.setOption(PFChain.option(chain), true);
      document.getElementById('chain-table').innerHTML = PFChain.flowTable(chain);
    } catch (error) {
      PF.notify(notice, error.message, 'error');
    }
  }
  chainYear.addEventListener('change', loadChain);
  chainCity.addEventListener('change', loadChain);
  await loadChain();
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  const table = (caption, head, rows) => '<table><caption>' + caption + '</caption><thead><tr>' + head.map(h => '<th scope="col">' + h + '</th>').join('')
    + '</tr></thead><tbody>' + rows.map(row => '<tr>' + row.map(v => '<td>' + PF.esc(v) + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
  document.getElementById('tables').innerHTML =
    table('各设区市载体数', ['设区市', '合计'].concat(cat.kinds.map(k => k.label)), d.carriersByCity.map(c => [c.cityName, c.total].concat(cat.kinds.map(k => c.byKind[k.code] || 0))))
    + table('申报环节', ['环节', '数量'], d.applicationsByStage.map(s => [s.label, s.count]))
    + table('各设区市任务', ['设区市', '待办', '逾期'], d.tasksByCity.map(c => [c.cityName, c.open, c.overdue]))
    + table('标杆孵化器名额', ['设区市', '名额', '申报', '推荐', '入选'], q.cities.map(c => [c.cityName, c.quota, c.applicants, c.recommended, c.selected]))
    + table('年度考核等级', ['等级', '数量'], r.byRating.map(x => [x.code + ' ' + x.label, x.count]));
})();
