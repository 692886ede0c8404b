(async () => {
  await PF.header('registry.html');
  const cat = await PF.catalogue();
  const form = document.getElementById('filters');
  const notice = document.getElementById('notice');
  const all = (select, list) => { select.innerHTML = '<option value="">全部</option>' + list.map(x => '<option value="' + PF.esc(x.code) + '">' + PF.esc(x.label) + '</option>').join(''); };
  all(form.city, cat.cities); all(form.kind, cat.kinds); all(form.level, cat.levels); all(form.status, cat.carrierStatuses); all(form.industry, cat.industries);
  const url = new URLSearchParams(location.search);
  ['q', 'city', 'kind', 'level', 'status', 'industry', 'title', 'size'].forEach(k => { if (url.get(k)) form[k].value = url.get(k); });
  let page = Number(url.get('page') || 0);

  function query(withPage) {
    const p = new URLSearchParams();
    ['q', 'city', 'kind', 'level', 'status', 'industry', 'title'].forEach(k => { const v = form[k].value.trim(); if (v) p.set(k, v); });
    if (withPage) { p.set('page', page); p.set('size', form.size.value); }
    return p;
  }

  async function search() {
    notice.hidden = true;
    const p = query(true);
    history.replaceState(null, '', 'registry.html?' + p);
    const exportQuery = query(false);
    document.getElementById('export-xlsx').href = '/api/registry/carriers/export?format=xlsx&' + exportQuery;
    document.getElementById('export-csv').href = '/api/registry/carriers/export?format=csv&' + exportQuery;
    try {
      const r = await PF.api('/api/registry/carriers?' + p, { allowAnonymous: true });
      document.querySelector('#carriers tbody').innerHTML = r.content.length ? r.content.map(c => '<tr><td><a href="carrier.html?id=' + c.id + '">' + PF.esc(c.name) + '</a></td><td>'
        + PF.esc(c.operatorName) + '<br><small>' + PF.esc(c.creditCode) + '</small></td><td>' + PF.esc(c.kindLabel) + '</td><td>' + PF.esc(c.levelLabel)
        + '</td><td>' + PF.esc(c.cityName) + '</td><td>' + PF.esc(c.statusLabel) + '</td><td>' + (c.titles || []).map(t => t === 'BENCHMARK' ? '标杆孵化器' : PF.esc(t)).join('、')
        + '</td><td>' + PF.esc(c.certifiedSince || '') + '</td></tr>').join('') : '<tr><td colspan="8">没有符合条件的载体</td></tr>';
      document.getElementById('summary').textContent = '共 ' + r.totalElements + ' 个载体';
      document.getElementById('page-info').textContent = '第 ' + (r.totalPages ? r.page + 1 : 0) + ' / ' + r.totalPages + ' 页';
      document.getElementById('prev').disabled = r.page <= 0;
      document.getElementById('next').disabled = r.page + 1 >= r.totalPages;
    } catch (error) {
      PF.showProblem(form, notice, error);
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); page = 0; search(); });
  form.addEventListener('reset', () => setTimeout(() => { page = 0; search(); }, 0));
  document.getElementById('prev').addEventListener('click', () => { page--; search(); });
  document.getElementById('next').addEventListener('click', () => { page++; search(); });
  search();
})();
