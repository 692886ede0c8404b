// parkflow: the webapp in Chinese for the platform's reviewers (locales/zh.json, written by the team); English stays
// available for an English browser. Replaces the webjar's own config.js of this app.
export default {
  app: {
    name: '监控中心',
    vendor: '江苏省科技企业孵化载体管理平台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
