(async () => {
  const me = await PF.header('home.html');
  if (me) { // a logged-in user is pointed to its own place first
    const place = document.getElementById('workplace');
    place.innerHTML = '您已登录：<a href="' + PF.esc(PF.home(me)) + '" id="go-home">进入我的工作台</a>';
    place.hidden = false;
  }
})();
