(async () => {
  await PF.header('publications.html');
  const notice = document.getElementById('notice');
  const form = document.getElementById('objection');
  let target = null;
  const list = await PF.api('/api/publications', { allowAnonymous: true });
  document.querySelector('#publications tbody').innerHTML = list.length ? list.map(p => '<tr><td>' + PF.esc(p.carrierName) + '</td><td>'
    + PF.esc(p.operatorName) + '</td><td>' + PF.esc(p.kindLabel) + '</td><td>' + PF.esc(p.levelLabel) + '</td><td>' + PF.esc(p.cityName)
    + '</td><td>' + PF.esc(p.address) + '</td><td>' + PF.time(p.publicationEnd) + '</td><td><button type="button" class="secondary" data-id="'
    + p.applicationId + '" data-name="' + PF.esc(p.carrierName) + '">对此提出异议</button></td></tr>').join('')
    : '<tr><td colspan="8">目前没有正在公示的载体</td></tr>';
  document.querySelectorAll('#publications button[data-id]').forEach(b => b.addEventListener('click', () => {
    target = b.dataset.id;
    form.hidden = false;
    PF.clearErrors(form);
    document.getElementById('objection-title').textContent = '对“' + b.dataset.name + '”提出异议';
    document.getElementById('objection-title').focus();
  }));
  document.getElementById('cancel').addEventListener('click', () => { form.hidden = true; target = null; });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    const body = { objectorName: form.objectorName.value.trim(), contact: form.contact.value.trim(), text: form.text.value.trim() };
    let problems = 0;
    if (!body.objectorName) { PF.fieldError(form, 'objectorName', '请填写异议人真实姓名'); problems++; }
    if (!body.contact) { PF.fieldError(form, 'contact', '请填写联系方式'); problems++; }
    if (!body.text) { PF.fieldError(form, 'text', '请填写异议内容及理由'); problems++; }
    if (problems) { form.querySelector('[aria-invalid=true]').focus(); return; }
    try {
      await PF.api('/api/applications/' + target + '/objections', { method: 'POST', json: body, allowAnonymous: true });
      form.reset();
      form.hidden = true;
      PF.notify(notice, '异议已收到，省科技厅将核实处理。', 'success');
      notice.focus();
    } catch (error) {
      PF.showProblem(form, notice, error);
    }
  });
})();
