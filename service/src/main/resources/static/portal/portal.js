/* parkflow portal: shared helpers. No framework, no CDN: every asset is served by parkflow. */
(function () {
  'use strict';
  const CSRF_KEY = 'parkflow.csrf';
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let cataloguePromise = null;

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** A refused call: its HTTP status and RFC 9457 problem. */
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('请求失败（' + status + '）'));
      this.status = status;
      this.problem = problem || {};
    }
  }

  function headers(extra) {
    const h = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' }, extra || {});
    const token = sessionStorage.getItem(CSRF_KEY);
    if (token) h['X-Parkflow-Csrf'] = token;
    return h;
  }

  async function api(path, options) {
    const o = options || {};
    const init = { method: o.method || 'GET', credentials: 'same-origin', headers: headers(o.headers) };
    if (o.json !== undefined) {
      init.body = JSON.stringify(o.json);
      init.headers['Content-Type'] = 'application/json';
    } else if (o.body !== undefined) {
      init.body = o.body;
    }
    const response = await fetch(path, init);
    const type = response.headers.get('Content-Type') || '';
    const body = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      if (response.status === 401 && !o.allowAnonymous) {
        sessionStorage.removeItem(CSRF_KEY);
      }
      throw new ApiError(response.status, typeof body === 'object' ? body : { detail: body });
    }
    return body;
  }

  /** Uploads a form with progress (fetch has no upload progress): resolves with the JSON answer. */
  function upload(path, formData, onProgress, method) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method || 'POST', path);
      const h = headers();
      Object.keys(h).forEach(k => xhr.setRequestHeader(k, h[k]));
      xhr.upload.onprogress = e => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = { detail: xhr.responseText }; }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body); else reject(new ApiError(xhr.status, body));
      };
      xhr.onerror = () => reject(new ApiError(0, { detail: '网络错误，上传未完成' }));
      xhr.send(formData);
    });
  }

  async function session() {
    try {
      return await api('/api/session', { allowAnonymous: true });
    } catch (e) {
      if (e.status === 401) return null;
      throw e;
    }
  }

  async function login(username, password) {
    const me = await api('/api/session', { method: 'POST', json: { username, password }, allowAnonymous: true });
    sessionStorage.setItem(CSRF_KEY, me.csrfToken);
    return me;
  }

  async function logout() {
    try { await api('/api/session', { method: 'DELETE', allowAnonymous: true }); } finally {
      sessionStorage.removeItem(CSRF_KEY);
      location.href = 'login.html';
    }
  }

  /** The logged-in user, or a redirect to the login page (back here afterwards). */
  async function requireLogin() {
    const me = await session();
    if (!me) {
      location.href = 'login.html?next=' + encodeURIComponent(location.pathname + location.search);
      return new Promise(() => {});
    }
    if (me.csrfToken) sessionStorage.setItem(CSRF_KEY, me.csrfToken);
    return me;
  }

  function catalogue() {
    if (!cataloguePromise) cataloguePromise = api('/api/catalogue', { allowAnonymous: true });
    return cataloguePromise;
  }

  function label(list, code) {
    const found = (list || []).find(x => x.code === code);
    return found ? found.label : code;
  }

  /** Why a 统一社会信用代码 is not valid (GB 32100-2015), or null; the server checks the same. */
  function creditCodeProblem(value) {
    if (!value) return '统一社会信用代码不能为空';
    if (value.length !== 18) return '统一社会信用代码应为18位';
    let sum = 0;
    for (let i = 0; i < 17; i++) {
      const v = ALPHABET.indexOf(value.charAt(i));
      if (v < 0) return '统一社会信用代码第' + (i + 1) + '位含非法字符';
      sum += v * WEIGHTS[i];
    }
    if ('123456789ANY'.indexOf(value.charAt(0)) < 0) return '统一社会信用代码第1位（登记管理部门代码）无效';
    if (!/^[0-9]{6}$/.test(value.substring(2, 8))) return '统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字';
    if (value.charAt(17) !== ALPHABET.charAt((31 - sum % 31) % 31)) return '统一社会信用代码校验位错误';
    return null;
  }

  /** Why an indicator value is not acceptable (same rules as the server), or null. */
  function indicatorProblem(indicator, value) {
    if (value === null || value === undefined || value === '') return null;
    if (indicator.unit === 'BOOLEAN') return typeof value === 'boolean' ? null : indicator.label + '应为是/否';
    if (typeof value !== 'number' || !isFinite(value)) return indicator.label + '应为数字';
    if (value < 0) return indicator.label + '不能为负数';
    if (indicator.unit === 'SHARE' && value > 1) return indicator.label + '应在0到1之间';
    if (indicator.unit === 'COUNT' && value !== Math.round(value)) return indicator.label + '应为整数';
    return null;
  }

  const UNITS = { YEARS: '年', SQUARE_METRES: '平方米', SHARE: '0–1 之间的比例', COUNT: '个', RMB: '元', BOOLEAN: '' };

  /** Clears and shows field errors: each field has an element id "err-<name>" and an input whose data-field is the name. */
  function clearErrors(root) {
    root.querySelectorAll('[aria-invalid=true]').forEach(el => el.removeAttribute('aria-invalid'));
    root.querySelectorAll('.error[id^=err-]').forEach(el => { el.textContent = ''; });
  }

  function fieldError(root, field, detail) {
    const box = root.querySelector('[id="err-' + field + '"]');
    const input = root.querySelector('[data-field="' + field + '"]');
    if (input) input.setAttribute('aria-invalid', 'true');
    if (box) { box.textContent = detail; return true; }
    return false;
  }

  /** Shows a refusal: field errors next to their fields, the rest in the notice box. */
  function showProblem(root, notice, error) {
    const problem = error.problem || {};
    const errors = problem.errors || [];
    const unplaced = [];
    errors.forEach(e => { if (!fieldError(root, e.field, e.detail)) unplaced.push(e.field + '：' + e.detail); });
    const text = errors.length ? (unplaced.length ? unplaced.join('；') : '请按提示修改标红的项目') : (error.message || '操作失败');
    notify(notice, text, 'error');
    const first = root.querySelector('[aria-invalid=true]');
    if (first) first.focus(); else notice.focus();
  }

  function notify(notice, text, kind) {
    notice.className = 'notice' + (kind ? ' ' + kind : '');
    notice.textContent = text;
    notice.hidden = false;
    notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  function time(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString('zh-CN', { hour12: false });
  }

  function size(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  /** Fills a year select with the roster years (this year back to 2000, the earliest a roster may be), last year chosen. */
  function years(select, everyYear, chosen) {
    const now = new Date().getFullYear();
    const options = [];
    for (let y = now; y >= 2000; y--) options.push('<option value="' + y + '">' + y + '年</option>');
    select.innerHTML = (everyYear ? '<option value="">全部年度</option>' : '') + options.join('');
    select.value = chosen || String(now - 1);
  }

  /** A self-registered operator account not yet approved: says so under the header (others have no registration). */
  async function registrationNotice(me, header) {
    const reg = await api('/api/accounts/operators/' + encodeURIComponent(me.userId)).catch(() => null);
    if (!reg || reg.status === 'ACTIVE') return;
    const note = document.createElement('p');
    note.className = 'notice';
    note.setAttribute('role', 'status');
    note.id = 'registration-status';
    note.textContent = reg.status === 'PENDING'
      ? '账号' + reg.statusLabel + '：请上传营业执照，所在设区市科技局核实后即可申报。'
      : '账号注册' + reg.statusLabel + '：' + (reg.reason || '');
    header.after(note);
  }

  /** Where a user lands after logging in: an operator its filings, the province the dashboard, others Tasklist. */
  function home(me) {
    const groups = me.groups || [];
    if (groups.includes('applicant')) return 'index.html';
    if (groups.some(g => g.startsWith('province-') || g === 'camunda-admin')) return 'dashboard.html';
    return '/camunda/app/tasklist/';
  }

  /** The number of unread notices next to 消息中心 in the header. */
  async function unreadBadge(el) {
    const page = await api('/api/inbox?unread=true&limit=1').catch(() => null);
    const link = el.querySelector('a[href="inbox.html"]');
    if (page && link && page.unread > 0) {
      link.insertAdjacentHTML('beforeend', ' <span class="badge" id="unread-count" aria-label="' + page.unread + '条未读">' + page.unread + '</span>');
    }
  }

  /** The page header: skip link, navigation for the user's roles, login or logout. */
  async function header(active) {
    const me = await session().catch(() => null);
    if (me && me.csrfToken) sessionStorage.setItem(CSRF_KEY, me.csrfToken);
    const groups = (me && me.groups) || [];
    const province = groups.some(g => g === 'province-reviewer' || g === 'province-approver' || g === 'camunda-admin');
    if (me && me.passwordChangeRequired && !location.pathname.endsWith('/password.html')) {
      location.href = 'password.html'; // an initial password is changed before anything else
      return new Promise(() => {});
    }
    const city = groups.some(g => g.startsWith('city-'));
    const links = [['home.html', '首页'], ['registry.html', '载体名录'], ['publications.html', '公示']];
    if (me && groups.includes('applicant')) links.unshift(['index.html', '我的申报']);
    if (province) links.push(['dashboard.html', '省级看板']);
    if (city || province) links.push(['registrations.html', '注册审核']);
    if (city || province) links.push(['tenants.html', '在孵企业核查']);
    if (groups.includes('province-reviewer') || groups.includes('camunda-admin')) links.push(['experts.html', '专家库']);
    if (me) links.push(['/camunda/app/tasklist/', '待办任务（Tasklist）']);
    if (me) links.push(['inbox.html', '消息中心']);
    if (me) links.push(['password.html', '修改密码']);
    const el = document.createElement('header');
    el.className = 'top';
    el.innerHTML = '<a class="skip" href="#main">跳到正文</a><span class="brand">江苏省科技企业孵化载体管理平台</span>'
      + '<nav aria-label="主导航"><ul>' + links.map(([href, text]) => '<li><a href="' + href + '"'
        + (href === active ? ' aria-current="page"' : '') + '>' + text + '</a></li>').join('') + '</ul></nav>'
      + (me ? '<span>' + esc(me.name) + '（' + esc(me.userId) + '）</span> <button type="button" class="link" id="logout">退出</button>'
            : '<a href="login.html?next=' + encodeURIComponent(location.pathname + location.search) + '">登录</a>');
    document.body.prepend(el);
    const out = el.querySelector('#logout');
    if (out) out.addEventListener('click', logout);
    if (me && groups.includes('applicant')) registrationNotice(me, el);
    if (me) unreadBadge(el);
    return me;
  }

  window.PF = { api, upload, session, login, logout, requireLogin, catalogue, label, creditCodeProblem, indicatorProblem, UNITS,
    clearErrors, fieldError, showProblem, notify, esc, time, size, header, home, years, ApiError };
})();
