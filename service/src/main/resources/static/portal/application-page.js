(async () => {
  await PF.header('index.html');
  const me = await PF.requireLogin();
  const cat = await PF.catalogue();
  // the city's reviewers add the site check report (and only that) while the site check is open
  const cityReviewer = (me.groups || []).some(g => /^city-\d{6}$/.test(g));
  // the province's reviewers add the ministry's decision file to a recommended national application
  const provinceReviewer = (me.groups || []).includes('province-reviewer');
  const $ = id => document.getElementById(id);
  const notice = $('notice');
  const form = $('draft');
  const params = new URLSearchParams(location.search);
  let id = params.get('id');
  if (id !== null && !/^\d+$/.test(id)) id = 'x'; // only numeric ids reach the API paths
  let view = null;

  const options = (select, list, placeholder) => {
    select.innerHTML = '<option value="">' + placeholder + '</option>'
      + list.map(x => '<option value="' + PF.esc(x.code) + '">' + PF.esc(x.label) + '</option>').join('');
  };
  options($('kind'), cat.kinds, '请选择');
  options($('level'), cat.levels, '请选择');
  options($('city'), cat.cities, '请选择');
  const reviewerTypes = ['SITE_CHECK_REPORT', 'MINISTRY_DECISION', 'CHANGE_EVIDENCE'];
  const operatorTypes = cat.documentTypes.filter(t => !reviewerTypes.includes(t.code));
  options($('doc-type'), operatorTypes, '请选择材料类型');
  $('max-size').textContent = PF.size(cat.maxDocumentBytes);
  form.querySelector('#industries .options').innerHTML = cat.industries.map(i =>
    '<label><input type="checkbox" name="industries" value="' + i.code + '"> ' + PF.esc(i.label) + '</label>').join('');
  $('indicators').innerHTML = cat.indicators.map(i => i.unit === 'BOOLEAN'
    ? '<div class="field"><label><input type="checkbox" id="ind-' + i.code + '" data-field="indicators.' + i.code + '" data-indicator="'
      + i.code + '"> ' + PF.esc(i.label) + '</label><div class="error" id="err-indicators.' + i.code + '"></div></div>'
    : '<div class="field"><label for="ind-' + i.code + '">' + PF.esc(i.label) + '</label><input type="number" min="0" step="any" id="ind-'
      + i.code + '" data-field="indicators.' + i.code + '" data-indicator="' + i.code + '" aria-describedby="hint-' + i.code
      + ' err-indicators.' + i.code + '"><span class="hint" id="hint-' + i.code + '">' + PF.UNITS[i.unit] + '</span><div class="error" id="err-indicators.'
      + i.code + '"></div></div>').join('');

  function read() {
    const indicators = {};
    cat.indicators.forEach(i => {
      const input = $('ind-' + i.code);
      if (i.unit === 'BOOLEAN') { indicators[i.code] = input.checked; return; }
      if (input.value !== '') indicators[i.code] = Number(input.value);
    });
    return {
      kind: form.kind.value || null, level: form.level.value || null, city: form.city.value || null,
      carrierName: form.carrierName.value.trim(), operatorName: form.operatorName.value.trim(),
      creditCode: form.creditCode.value.trim().toUpperCase(), address: form.address.value.trim(),
      industries: Array.from(form.querySelectorAll('input[name=industries]:checked')).map(x => x.value), indicators
    };
  }

  /** The server's rules, checked before sending: required fields, allowed values, the credit code, indicator ranges. */
  function check(d) {
    const problems = [];
    const allowed = (list, v) => list.some(x => x.code === v);
    if (!d.kind || !allowed(cat.kinds, d.kind)) problems.push(['kind', '请选择载体类型']);
    if (!d.level || !allowed(cat.levels, d.level)) problems.push(['level', '请选择申报级别']);
    if (!d.city || !allowed(cat.cities, d.city)) problems.push(['city', '请选择所在设区市']);
    if (!d.carrierName) problems.push(['carrierName', '请填写载体名称']);
    if (!d.operatorName) problems.push(['operatorName', '请填写运营机构名称']);
    const cc = PF.creditCodeProblem(d.creditCode);
    if (cc) problems.push(['creditCode', cc]);
    if (!d.address) problems.push(['address', '请填写地址']);
    if (!d.industries.length) problems.push(['industries', '请至少选择一个产业领域']);
    cat.indicators.forEach(i => {
      const p = PF.indicatorProblem(i, d.indicators[i.code]);
      if (p) problems.push(['indicators.' + i.code, p]);
    });
    return problems;
  }

  function fill(v) {
    form.kind.value = v.kind; form.level.value = v.level; form.city.value = v.city;
    form.carrierName.value = v.carrierName; form.operatorName.value = v.operatorName;
    form.creditCode.value = v.creditCode; form.address.value = v.address;
    form.querySelectorAll('input[name=industries]').forEach(x => { x.checked = v.industries.includes(x.value); });
    cat.indicators.forEach(i => {
      const input = $('ind-' + i.code);
      const value = v.indicators[i.code];
      if (i.unit === 'BOOLEAN') input.checked = value === true; else input.value = value == null ? '' : value;
    });
  }

  function render(v) {
    view = v;
    const editable = v.status === 'DRAFT' || v.status === 'CORRECTION_REQUESTED';
    $('title').textContent = v.carrierName;
    document.title = v.carrierName + ' · 认定申报';
    $('state').hidden = false;
    $('state').innerHTML = '<p>状态：<span class="status ' + PF.esc(v.status) + '" id="status">' + PF.esc(v.statusLabel) + '</span>'
      + (v.stage ? '　当前环节：' + PF.esc(v.stage) : '') + (v.certificationNumber ? '　认定编号：' + PF.esc(v.certificationNumber) : '')
      + '</p><p>申报编号 ' + v.id + '，创建于 ' + PF.time(v.createdAt) + (v.submittedAt ? '，提交于 ' + PF.time(v.submittedAt) : '') + '</p>';
    fill(v);
    form.querySelectorAll('input, select, button').forEach(el => { el.disabled = !editable; });
    form.hidden = false;
    $('documents').hidden = false;
    const reviewerType = v.status === 'SITE_CHECK' && cityReviewer ? 'SITE_CHECK_REPORT'
      : v.status === 'RECOMMENDED' && provinceReviewer ? 'MINISTRY_DECISION' : null;
    $('upload').hidden = !editable && !reviewerType;
    options($('doc-type'), reviewerType ? cat.documentTypes.filter(t => t.code === reviewerType) : operatorTypes, '请选择材料类型');
    $('upload').querySelectorAll('input, select, button').forEach(el => { el.disabled = !editable && !reviewerType; });
    $('submit').hidden = !editable;
    $('submit').textContent = v.status === 'CORRECTION_REQUESTED' ? '补正后重新提交' : '提交申报';
    const required = cat.requiredDocuments[v.kind] || [];
    const present = new Set(v.documents.map(d => d.type));
    $('checklist').innerHTML = required.map(t => '<li class="' + (present.has(t) ? 'done' : '') + '" data-type="' + t + '">'
      + PF.esc(PF.label(cat.documentTypes, t)) + '<span class="visually-hidden">' + (present.has(t) ? '（已上传）' : '（未上传）') + '</span></li>').join('');
    document.querySelector('#document-list tbody').innerHTML = v.documents.length ? v.documents.map(d => '<tr><td>' + PF.esc(d.typeLabel)
      + '</td><td><a target="_blank" rel="noopener" href="/api/applications/' + v.id + '/documents/' + d.id + '">' + PF.esc(d.fileName)
      + '</a></td><td>' + PF.size(d.size) + '</td><td><code title="' + d.sha256 + '">' + d.sha256.substring(0, 12) + '…</code></td><td>'
      + PF.time(d.uploadedAt) + '</td></tr>').join('') : '<tr><td colspan="5">尚未上传材料</td></tr>';
    if (v.eligibility) {
      $('eligibility').hidden = false;
      $('eligibility').innerHTML = '<h2 style="margin-top:0">条件判定（' + PF.esc(v.eligibility.ruleSet) + '）</h2>' + (v.eligibility.eligible
        ? '<p class="status ok">符合申报条件</p>' : '<p>未满足的条件：</p><ul>' + v.eligibility.failedCriteria.map(c => '<li>' + PF.esc(c) + '</li>').join('') + '</ul>');
    }
    $('timeline-card').hidden = !v.timeline.length;
    $('timeline').innerHTML = v.timeline.map(t => '<li><strong>' + PF.esc(t.action) + '</strong>　' + PF.time(t.at) + '　' + PF.esc(t.actor)
      + (t.comment ? '<br>' + PF.esc(t.comment) : '') + '</li>').join('');
    const returned = v.status === 'CORRECTION_REQUESTED' ? v.timeline.filter(t => t.comment).slice(-1)[0] : null;
    $('correction').hidden = !returned;
    if (returned) $('correction-text').textContent = '审核意见（' + returned.actor + '，' + PF.time(returned.at) + '）：' + returned.comment;
  }

  async function load() {
    render(await PF.api('/api/applications/' + id));
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    notice.hidden = true;
    const d = read();
    const problems = check(d);
    if (problems.length) {
      problems.forEach(([f, m]) => PF.fieldError(form, f, m));
      PF.notify(notice, '有 ' + problems.length + ' 项需要修改，请查看标红的项目', 'error');
      form.querySelector('[aria-invalid=true]').focus();
      return;
    }
    try {
      const saved = id ? await PF.api('/api/applications/' + id, { method: 'PUT', json: d })
                       : await PF.api('/api/applications', { method: 'POST', json: d });
      if (!id) { id = saved.id; history.replaceState(null, '', 'application.html?id=' + id); }
      render(saved);
      PF.notify(notice, '已保存。请上传必备材料后提交。', 'success');
    } catch (error) {
      PF.showProblem(form, notice, error);
    }
  });

  const uploadForm = $('upload');
  uploadForm.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(uploadForm);
    notice.hidden = true;
    const type = uploadForm.type.value;
    const file = $('doc-file').files[0];
    let ok = true;
    if (!type) { PF.fieldError(uploadForm, 'type', '请选择材料类型'); ok = false; }
    if (!file) { PF.fieldError(uploadForm, 'file', '请选择要上传的文件'); ok = false; }
    else if (file.size > cat.maxDocumentBytes) { PF.fieldError(uploadForm, 'file', '文件超过大小上限 ' + PF.size(cat.maxDocumentBytes)); ok = false; }
    if (!ok) { uploadForm.querySelector('[aria-invalid=true]').focus(); return; }
    const data = new FormData();
    data.append('type', type);
    data.append('file', file);
    $('progress-box').hidden = false;
    $('upload-progress').value = 0;
    $('upload-submit').disabled = true;
    try {
      const doc = await PF.upload('/api/applications/' + id + '/documents', data, f => { $('upload-progress').value = Math.round(f * 100); });
      $('upload-progress').value = 100;
      PF.notify(notice, '已上传：' + doc.typeLabel + '（' + doc.fileName + '）', 'success');
      uploadForm.reset();
      await load();
    } catch (error) {
      const message = error.status === 413 ? '文件过大：' + error.message : error.status === 415 ? '文件格式不符：' + error.message : error.message;
      PF.fieldError(uploadForm, 'file', message);
      PF.notify(notice, message, 'error');
    } finally {
      $('upload-submit').disabled = false;
    }
  });

  $('submit').addEventListener('click', async () => {
    notice.hidden = true;
    try {
      await PF.api('/api/applications/' + id + '/submit', { method: 'POST' });
      await load();
      PF.notify(notice, '已提交，请在办理记录中跟踪进度。', 'success');
      notice.focus();
    } catch (error) {
      const missing = error.problem && error.problem.missingDocumentTypes;
      PF.notify(notice, missing && missing.length ? '缺少必备材料：' + missing.map(t => PF.label(cat.documentTypes, t)).join('、') : error.message, 'error');
      notice.focus();
    }
  });

  if (id) {
    try { await load(); } catch (error) { PF.notify(notice, error.message, 'error'); form.hidden = true; }
  }
})();
