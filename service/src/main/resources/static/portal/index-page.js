  (async () => {
    await PF.header('index.html');
    await PF.requireLogin();
    const notice = document.getElementById('notice');
    const cat = await PF.catalogue();
    try {
      const page = await PF.api('/api/applications?size=200');
      const body = document.querySelector('#applications tbody');
      body.innerHTML = page.content.length ? page.content.map(a => '<tr><td><a href="application.html?id=' + a.id + '">'
          + PF.esc(a.carrierName) + '</a></td><td>' + PF.esc(PF.label(cat.kinds, a.kind)) + '</td><td>' + PF.esc(PF.label(cat.levels, a.level))
          + '</td><td>' + PF.esc(PF.label(cat.cities, a.city)) + '</td><td><span class="status ' + PF.esc(a.status) + '">'
          + PF.esc(a.statusLabel) + '</span></td><td>' + PF.time(a.updatedAt) + '</td></tr>').join('')
        : '<tr><td colspan="6">暂无申报。点击“新建申报”开始填报。</td></tr>';
      const tasks = await PF.api('/api/evaluations/report-tasks');
      document.querySelector('#reports tbody').innerHTML = tasks.length ? tasks.map(t => '<tr><td>' + PF.esc(t.carrierName)
          + '</td><td>' + t.year + '年度</td><td>' + PF.time(t.due) + '</td><td><a href="report.html?task=' + encodeURIComponent(t.taskId)
          + '">填写年度报告</a></td></tr>').join('') : '<tr><td colspan="4">暂无待报送的年度报告。</td></tr>';
    } catch (error) {
      PF.notify(notice, error.message, 'error');
    }
    try {
      const own = await PF.api('/api/tenants/mine');
      document.querySelector('#carriers tbody').innerHTML = own.length ? own.map(c => '<tr><td>' + PF.esc(c.name) + '</td><td>' + PF.esc(c.kindName)
          + '</td><td>' + PF.esc(c.cityName) + '</td><td>' + PF.esc(c.rosters.length ? c.rosters.map(r => r.year + '年（' + r.tenantCount + '家）').join('、') : '尚未报送')
          + '</td><td><a href="roster.html?carrier=' + encodeURIComponent(c.carrierId) + '">报送名单</a></td></tr>').join('')
        : '<tr><td colspan="5">本机构尚无在册载体；认定后可在此报送在孵企业名单。</td></tr>';
    } catch (error) {
      document.querySelector('#carriers tbody').innerHTML = '<tr><td colspan="5">' + (error.status === 403 ? '仅运营机构账号报送在孵企业名单。' : '无法加载') + '</td></tr>';
      if (error.status !== 403) PF.notify(notice, error.message, 'error');
    }
  })();
