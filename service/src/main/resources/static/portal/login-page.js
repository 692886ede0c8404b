  const form = document.getElementById('login-form');
  const notice = document.getElementById('notice');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    PF.clearErrors(form);
    notice.hidden = true;
    const username = form.username.value.trim();
    const password = form.password.value;
    let ok = true;
    if (!username) { PF.fieldError(form, 'username', '请输入用户名'); ok = false; }
    if (!password) { PF.fieldError(form, 'password', '请输入密码'); ok = false; }
    if (!ok) { form.querySelector('[aria-invalid=true]').focus(); return; }
    try {
      const me = await PF.login(username, password);
      const next = new URLSearchParams(location.search).get('next');
      let target = null;
      try { if (next) { const u = new URL(next, location.origin); if (u.origin === location.origin) target = u.pathname + u.search + u.hash; } } catch (ignored) { target = null; }
      location.href = me.passwordChangeRequired ? 'password.html' : target ? target : PF.home(me);
    } catch (error) {
      // a refusal says why: wrong password, or locked until when
      PF.showProblem(form, notice, error.status === 401 && !(error.problem || {}).detail ? new Error('用户名或密码错误') : error);
    }
  });
  form.username.focus();
