(async function () {
  'use strict';
  const me = await PF.requireLogin();
  await PF.header('password.html');
  document.getElementById('initial-notice').hidden = !me.passwordChangeRequired;
  const form = document.getElementById('password-form');
  const notice = document.getElementById('notice');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    notice.hidden = true;
    const currentPassword = form.currentPassword.value;
    const newPassword = form.newPassword.value;
    let ok = true;
    if (!currentPassword) { PF.fieldError(form, 'currentPassword', '请输入当前密码'); ok = false; }
    if (!newPassword) { PF.fieldError(form, 'newPassword', '请输入新密码'); ok = false; }
    if (newPassword !== form.newPassword2.value) { PF.fieldError(form, 'newPassword2', '两次输入的新密码不一致'); ok = false; }
    if (!ok) { form.querySelector('[aria-invalid=true]').focus(); return; }
    try {
      await PF.api('/api/session/password', { method: 'POST', json: { currentPassword, newPassword } });
      form.reset();
      PF.notify(notice, '密码已修改，正在进入平台…', 'success');
      setTimeout(() => { location.href = PF.home(me); }, 800);
    } catch (error) {
      PF.showProblem(form, notice, error);
    }
  });
  form.currentPassword.focus();
})();
