(async function () {
  'use strict';
  await PF.header('register.html');
  const form = document.getElementById('register-form');
  const notice = document.getElementById('notice');
  const catalogue = await PF.catalogue();
  const city = document.getElementById('city');
  catalogue.cities.forEach(c => city.add(new Option(c.label, c.code)));

  const creditCode = document.getElementById('creditCode');
  creditCode.addEventListener('blur', () => {
    const value = creditCode.value.trim().toUpperCase();
    creditCode.value = value;
    const box = document.getElementById('err-creditCode');
    const problem = value ? PF.creditCodeProblem(value) : null;
    box.textContent = problem || '';
    if (problem) creditCode.setAttribute('aria-invalid', 'true'); else creditCode.removeAttribute('aria-invalid');
  });

  let registered = null;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    notice.hidden = true;
    const value = id => document.getElementById(id).value.trim();
    const body = { username: value('username'), password: document.getElementById('password').value, displayName: value('displayName'),
      operatorName: value('operatorName'), creditCode: value('creditCode').toUpperCase(), city: city.value || null,
      mobile: value('mobile'), email: value('email') };
    const problems = [];
    if (!body.username) problems.push(['username', '请填写用户名']);
    if (!body.password) problems.push(['password', '请填写密码']);
    if (body.password !== document.getElementById('password2').value) problems.push(['password2', '两次输入的密码不一致']);
    if (!body.displayName) problems.push(['displayName', '请填写联系人姓名']);
    if (!body.operatorName) problems.push(['operatorName', '请填写运营机构名称']);
    const codeProblem = PF.creditCodeProblem(body.creditCode);
    if (codeProblem) problems.push(['creditCode', codeProblem]);
    if (!body.city) problems.push(['city', '请选择所在设区市']);
    if (!/^1[3-9][0-9]{9}$/.test(body.mobile)) problems.push(['mobile', '请填写中国大陆11位手机号码']);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email)) problems.push(['email', '电子邮箱格式不正确']);
    if (problems.length) {
      problems.forEach(([field, detail]) => PF.fieldError(form, field, detail));
      PF.notify(notice, '请按提示修改标红的项目', 'error');
      form.querySelector('[aria-invalid=true]').focus();
      return;
    }
    const button = document.getElementById('register-submit');
    button.disabled = true;
    try {
      registered = await PF.api('/api/accounts/operators', { method: 'POST', json: body, allowAnonymous: true });
      await PF.login(body.username, body.password);
      document.querySelector('header.top').remove(); // now logged in: the header says so, and that the account is pending
      await PF.header('register.html');
      document.getElementById('register-card').hidden = true;
      document.getElementById('licence-card').hidden = false;
      document.getElementById('licence').focus();
    } catch (error) {
      PF.showProblem(form, notice, error);
    } finally {
      button.disabled = false;
    }
  });

  const licenceForm = document.getElementById('licence-form');
  const licenceNotice = document.getElementById('licence-notice');
  licenceForm.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(licenceForm);
    const file = document.getElementById('licence').files[0];
    if (!file) { PF.fieldError(licenceForm, 'file', '请选择营业执照文件'); return; }
    const data = new FormData();
    data.append('file', file);
    try {
      const doc = await PF.upload('/api/accounts/operators/' + encodeURIComponent(registered.username) + '/licence', data);
      PF.notify(licenceNotice, '已上传“' + doc.fileName + '”（' + PF.size(doc.size) + '）。请等待所在设区市科技局审核，审核通过后即可申报。', 'success');
    } catch (error) {
      PF.showProblem(licenceForm, licenceNotice, error);
    }
  });
})();
