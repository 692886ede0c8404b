(async () => {
  await PF.header('index.html');
  await PF.requireLogin();
  const cat = await PF.catalogue();
  const notice = document.getElementById('notice');
  const form = document.getElementById('report');
  const taskId = new URLSearchParams(location.search).get('task');
  const task = (await PF.api('/api/evaluations/report-tasks')).find(t => t.taskId === taskId);
  if (!task) { PF.notify(notice, '该年度报告任务不存在或已报送。', 'error'); return; }
  const indicators = task.indicators.map(code => cat.indicators.find(i => i.code === code));
  document.getElementById('title').textContent = task.carrierName + ' · ' + task.year + '年度报告';
  document.getElementById('intro').innerHTML = PF.esc('请按' + task.year + '年度火炬统计口径填写，报送截止 ' + PF.time(task.due) + '；逾期未报送的评为不合格（D）。')
    + '已报送' + task.year + '年度<a href="roster.html?carrier=' + encodeURIComponent(task.carrierId) + '&amp;year=' + task.year
    + '">在孵企业名单</a>的，在孵企业数、毕业企业数、高新技术企业数、投融资额等以名单为准。';
  document.getElementById('indicators').innerHTML = indicators.map(i => '<div class="field"><label for="ind-' + i.code + '">' + PF.esc(i.label)
    + '</label><input type="number" min="0" step="any" required id="ind-' + i.code + '" data-field="indicators.' + i.code
    + '" aria-describedby="hint-' + i.code + ' err-indicators.' + i.code + '"><span class="hint" id="hint-' + i.code + '">' + PF.UNITS[i.unit]
    + '</span><div class="error" id="err-indicators.' + i.code + '"></div></div>').join('');
  form.hidden = false;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    const values = {};
    let problems = 0;
    indicators.forEach(i => {
      const raw = document.getElementById('ind-' + i.code).value;
      const value = raw === '' ? null : Number(raw);
      const p = value === null ? '请填写' + i.label : PF.indicatorProblem(i, value);
      if (p) { PF.fieldError(form, 'indicators.' + i.code, p); problems++; }
      values[i.code] = value;
    });
    if (problems) { PF.notify(notice, '有 ' + problems + ' 项需要修改', 'error'); form.querySelector('[aria-invalid=true]').focus(); return; }
    try {
      await PF.api('/api/evaluations/report-tasks/' + encodeURIComponent(taskId), { method: 'POST', json: { indicators: values, narrative: form.narrative.value } });
      form.hidden = true;
      PF.notify(notice, '年度报告已报送，等待评定。', 'success');
      notice.focus();
    } catch (error) {
      PF.showProblem(form, notice, error);
    }
  });
})();
