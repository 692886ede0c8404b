/* parkflow portal: the 苗圃—孵化—育成—加速 chain as an ECharts sankey (moves between carrier kinds), shared by the dashboard and the tenant page. */
(function () {
  'use strict';
  const FROM = '离开：';
  const TO = '进入：';
  /** One colour per kind of carrier, the same on both sides. */
  const COLORS = { NURSERY: '#5b8ff9', INCUBATOR: '#1e6b3a', GROWTH_CENTER: '#f0a400', ACCELERATOR: '#b3261e', FUTURE_INDUSTRY_PARK: '#7b3fa0' };

  /** The sankey option of GET /api/tenants/chain: a node per kind left and per kind entered (so moves within one stage draw too). */
  function option(chain) {
    const nodes = [];
    const seen = new Set();
    const node = (name, kind) => { if (!seen.has(name)) { seen.add(name); nodes.push({ name, itemStyle: { color: COLORS[kind] || '#5f6368' } }); } return name; };
    const links = chain.flows.map(f => ({ source: node(FROM + f.fromKindName, f.fromKind), target: node(TO + f.toKindName, f.toKind), value: f.moves }));
    return {
      tooltip: { trigger: 'item', formatter: p => p.dataType === 'edge' ? PF.esc(p.data.source.slice(FROM.length)) + ' → '
        + PF.esc(p.data.target.slice(TO.length)) + '：' + p.data.value + ' 家' : PF.esc(p.name) },
      series: [{ type: 'sankey', data: nodes, links, left: 10, right: 190, top: 10, bottom: 10, nodeGap: 14, emphasis: { focus: 'adjacency' },
        label: { formatter: '{b}' }, lineStyle: { color: 'gradient', curveness: 0.5 } }],
      graphic: links.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '所选范围内没有企业在载体之间流动', fontSize: 16, fill: '#5f6368' } }]
    };
  }

  /** The flows as a table (the chart's data for those who do not read charts). */
  function flowTable(chain) {
    return '<table><caption>载体类型之间的流动（共 ' + PF.esc(chain.total) + ' 次）</caption><thead><tr><th scope="col">离开的载体类型</th>'
      + '<th scope="col">进入的载体类型</th><th scope="col">企业数</th></tr></thead><tbody>'
      + (chain.flows.length ? chain.flows.map(f => '<tr><td>' + PF.esc(f.fromKindName) + '</td><td>' + PF.esc(f.toKindName) + '</td><td>'
        + PF.esc(f.moves) + '</td></tr>').join('') : '<tr><td colspan="3">无</td></tr>') + '</tbody></table>';
  }

  window.PFChain = { option, flowTable };
})();
