import html
H = lambda s: html.escape(s, quote=True)

def table(decision_id, name, hit, inputs, outputs, rules, annotation, path, collect_output=None, aggregation=None):
    # inputs: list of (id, label, expr, typeRef); outputs: list of (name, label, typeRef)
    # rules: list of (entries dict input_id->unary test, outputs list, annotation)
    x = []
    x.append('<?xml version="1.0" encoding="UTF-8"?>')
    x.append('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" '
             'xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" '
             f'id="{decision_id}Definitions" name="{H(name)}" namespace="http://parkflow.cn/dmn">')
    x.append(f'  <decision id="{decision_id}" name="{H(name)}" camunda:historyTimeToLive="3650">')
    x.append(f'    <description>{H(annotation)}</description>')
    x.append(f'    <decisionTable id="{decision_id}Table" hitPolicy="{hit}"' + (f' aggregation="{aggregation}"' if aggregation else '') + '>')
    for (iid, label, expr, t) in inputs:
        x.append(f'      <input id="{decision_id}_in_{iid}" label="{H(label)}" camunda:inputVariable="{iid}Input">')
        tr = f' typeRef="{t}"' if t else ''
        x.append(f'        <inputExpression id="{decision_id}_ie_{iid}"{tr}><text>{H(expr)}</text></inputExpression>')
        x.append('      </input>')
    for (oname, label, t) in outputs:
        x.append(f'      <output id="{decision_id}_out_{oname}" label="{H(label)}" name="{oname}" typeRef="{t}" />')
    for n, (entries, outs, note) in enumerate(rules, 1):
        x.append(f'      <rule id="{decision_id}_r{n}">')
        x.append(f'        <description>{H(note)}</description>')
        for (iid, _, _, _) in inputs:
            x.append(f'        <inputEntry id="{decision_id}_r{n}_{iid}"><text>{H(entries.get(iid, ""))}</text></inputEntry>')
        for j, o in enumerate(outs):
            x.append(f'        <outputEntry id="{decision_id}_r{n}_o{j}"><text>{H(o)}</text></outputEntry>')
        x.append('      </rule>')
    x.append('    </decisionTable>')
    x.append('  </decision>')
    x.append('  <dmndi:DMNDI><dmndi:DMNDiagram id="' + decision_id + 'Diagram">')
    x.append(f'    <dmndi:DMNShape id="{decision_id}Shape" dmnElementRef="{decision_id}"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape>')
    x.append('  </dmndi:DMNDiagram></dmndi:DMNDI>')
    x.append('</definitions>')
    open(path, 'w').write('\n'.join(x) + '\n')

q = lambda s: '"' + s + '"'
OUT = '/work/main/processes/dmn/'

# ---------- rule set selection ----------
sel_inputs = [('kind', '载体类型', 'kind', 'string'), ('level', '申报级别', 'level', 'string'),
              ('filingDate', '申报日期', 'date(filingDate)', None)]
sel_outputs = [('ruleSet', '规则集', 'string'), ('ruleSetName', '规则集名称', 'string'), ('effectiveFrom', '生效日期', 'string')]
def sel(kind, level, date, rs, nm, note):
    e = {'kind': q(kind), 'filingDate': f'>= date("{date}")'}
    if level: e['level'] = level
    return (e, [q(rs), q(nm), q(date)], note)
sel_rules = [
  sel('INCUBATOR', '"NATIONAL"', '2018-12-10', 'NATIONAL-2018', '国家级科技企业孵化器认定条件（国科发区〔2018〕300号）', '国科发区〔2018〕300号；2025年新规（工信部科〔2025〕131号）的条件公布后在此前插入新行'),
  sel('INCUBATOR', '"PROVINCIAL","CITY"', '2019-10-01', 'JIANGSU-2019', '江苏省科技企业孵化器认定条件（苏科技规〔2019〕206号）', '苏科技规〔2019〕206号；生效日期为假设值（assumed）；市级认定暂参照省级条件（assumed）'),
  sel('NURSERY', '"NATIONAL"', '2017-07-01', 'NATIONAL-NURSERY-2017', '国家备案众创空间条件（国科火字〔2017〕120号）', '国科火字〔2017〕120号'),
  sel('NURSERY', '"PROVINCIAL","CITY"', '2019-10-01', 'JIANGSU-NURSERY-2019', '江苏省众创空间备案条件（苏科技规〔2019〕207号）', '苏科技规〔2019〕207号；生效日期为假设值（assumed）'),
  sel('GROWTH_CENTER', None, '2024-01-01', 'ASSUMED-GROWTH_CENTER-2024', '育成中心认定条件（假设值，可修改）', '未找到省级文件：假设值（assumed），可在本表修改'),
  sel('ACCELERATOR', None, '2024-01-01', 'ASSUMED-ACCELERATOR-2024', '科技企业加速器认定条件（假设值，可修改）', '未找到省级文件：假设值（assumed），可在本表修改'),
  sel('FUTURE_INDUSTRY_PARK', None, '2024-01-01', 'ASSUMED-FUTURE_INDUSTRY_PARK-2024', '未来产业科技园认定条件（假设值，可修改）', '未找到省级文件：假设值（assumed），可在本表修改'),
]
table('RuleSetSelection', '认定规则选择', 'FIRST', sel_inputs, sel_outputs, sel_rules,
      '按载体类型、申报级别和申报日期选择生效的认定规则集；同一类型多个规则集并存，按生效日期由新到旧排列（FIRST）。', OUT + 'rule-set-selection.dmn')

FAIL = [('failedCriterion', '未满足的条件', 'string')]
def rule(rs, note, text, **e):
    entries = {'ruleSet': q(rs)}
    entries.update(e)
    return (entries, [q(text)], note)

# ---------- incubator ----------
inc_inputs = [
  ('ruleSet', '规则集', 'ruleSet', 'string'), ('remoteArea', '边远地区', 'remoteArea', 'boolean'),
  ('specialised', '专业孵化器', 'specialised', 'boolean'),
  ('operatingYears', '运营年限（年）', 'operatingYears', 'double'), ('statisticsYears', '连续报送统计年数', 'statisticsYears', 'double'),
  ('incubationArea', '孵化场地面积（㎡）', 'incubationArea', 'double'), ('tenantAreaShare', '在孵企业使用面积占比', 'tenantAreaShare', 'double'),
  ('seedFund', '孵化资金（元）', 'seedFund', 'double'), ('fundedTenantShare', '获投在孵企业占比', 'fundedTenantShare', 'double'),
  ('fundUseCases', '孵化资金使用案例', 'fundUseCases', 'double'), ('staffCount', '运营机构人员数', 'staffCount', 'double'),
  ('professionalStaffShare', '专业孵化服务人员占比', 'professionalStaffShare', 'double'), ('mentorCount', '创业导师数', 'mentorCount', 'double'),
  ('tenantCount', '在孵企业数', 'tenantCount', 'double'),
  ('tenantsPerProfessional', '每名专业人员对应在孵企业数（派生）', 'if staffCount * professionalStaffShare > 0 then tenantCount / (staffCount * professionalStaffShare) else 999999', 'double'),
  ('tenantsPerMentor', '每名创业导师对应在孵企业数（派生）', 'if mentorCount > 0 then tenantCount / mentorCount else 999999', 'double'),
  ('tenantsPer1000m2', '每千平方米在孵企业数（派生）', 'if incubationArea > 0 then tenantCount / incubationArea * 1000 else 0', 'double'),
  ('patentTenantShare', '申请专利的在孵企业占比', 'patentTenantShare', 'double'), ('validIpTenantShare', '拥有有效知识产权的在孵企业占比', 'validIpTenantShare', 'double'),
  ('graduatedCount', '累计毕业企业数', 'graduatedCount', 'double'),
]
N = 'NATIONAL-2018'; NS = '国科发区〔2018〕300号'
J = 'JIANGSU-2019'; JS = '苏科技规〔2019〕206号'
inc_rules = [
  rule(N, NS, '运营时间不足3年（国科发区〔2018〕300号）', operatingYears='< 3'),
  rule(N, NS, '连续报送统计数据不足2年（国科发区〔2018〕300号）', statisticsYears='< 2'),
  rule(N, NS, '孵化场地面积不足10000平方米（国科发区〔2018〕300号）', remoteArea='false', incubationArea='< 10000'),
  rule(N, NS + '；边远地区放宽20%', '孵化场地面积不足8000平方米（边远地区，国科发区〔2018〕300号）', remoteArea='true', incubationArea='< 8000'),
  rule(N, NS, '在孵企业使用面积占比不足75%（国科发区〔2018〕300号）', tenantAreaShare='< 0.75'),
  rule(N, NS, '孵化资金不足500万元（国科发区〔2018〕300号）', remoteArea='false', seedFund='< 5000000'),
  rule(N, NS + '；边远地区放宽20%', '孵化资金不足400万元（边远地区，国科发区〔2018〕300号）', remoteArea='true', seedFund='< 4000000'),
  rule(N, NS, '获得投融资的在孵企业占比不足10%（国科发区〔2018〕300号）', fundedTenantShare='< 0.1'),
  rule(N, NS, '孵化资金使用案例不足3个（国科发区〔2018〕300号）', fundUseCases='< 3'),
  rule(N, NS, '专业孵化服务人员占比不足80%（国科发区〔2018〕300号）', professionalStaffShare='< 0.8'),
  rule(N, NS, '每10家在孵企业专业孵化服务人员不足1名（国科发区〔2018〕300号）', tenantsPerProfessional='> 10'),
  rule(N, NS, '每10家在孵企业创业导师不足1名（国科发区〔2018〕300号）', tenantsPerMentor='> 10'),
  rule(N, NS, '申请专利的在孵企业占比不足50%且拥有有效知识产权的在孵企业占比不足30%（国科发区〔2018〕300号）', remoteArea='false', patentTenantShare='< 0.5', validIpTenantShare='< 0.3'),
  rule(N, NS + '；边远地区放宽20%', '申请专利的在孵企业占比不足40%且拥有有效知识产权的在孵企业占比不足24%（边远地区，国科发区〔2018〕300号）', remoteArea='true', patentTenantShare='< 0.4', validIpTenantShare='< 0.24'),
  rule(N, NS, '在孵企业不足50家（国科发区〔2018〕300号）', remoteArea='false', specialised='false', tenantCount='< 50'),
  rule(N, NS + '；边远地区放宽20%', '在孵企业不足40家（边远地区，国科发区〔2018〕300号）', remoteArea='true', specialised='false', tenantCount='< 40'),
  rule(N, NS + '；专业孵化器', '在孵企业不足30家（专业孵化器，国科发区〔2018〕300号）', remoteArea='false', specialised='true', tenantCount='< 30'),
  rule(N, NS + '；专业孵化器，边远地区放宽20%', '在孵企业不足24家（专业孵化器，边远地区，国科发区〔2018〕300号）', remoteArea='true', specialised='true', tenantCount='< 24'),
  rule(N, NS, '每千平方米在孵企业不足3家（国科发区〔2018〕300号）', specialised='false', tenantsPer1000m2='< 3'),
  rule(N, NS + '；专业孵化器', '每千平方米在孵企业不足2家（专业孵化器，国科发区〔2018〕300号）', specialised='true', tenantsPer1000m2='< 2'),
  rule(N, NS, '累计毕业企业不足20家（国科发区〔2018〕300号）', remoteArea='false', specialised='false', graduatedCount='< 20'),
  rule(N, NS + '；边远地区放宽20%', '累计毕业企业不足16家（边远地区，国科发区〔2018〕300号）', remoteArea='true', specialised='false', graduatedCount='< 16'),
  rule(N, NS + '；专业孵化器', '累计毕业企业不足15家（专业孵化器，国科发区〔2018〕300号）', remoteArea='false', specialised='true', graduatedCount='< 15'),
  rule(N, NS + '；专业孵化器，边远地区放宽20%', '累计毕业企业不足12家（专业孵化器，边远地区，国科发区〔2018〕300号）', remoteArea='true', specialised='true', graduatedCount='< 12'),
  rule(J, JS, '在江苏运营时间不足2年（苏科技规〔2019〕206号）', operatingYears='< 2'),
  rule(J, JS, '未报送上年度统计数据（苏科技规〔2019〕206号）', statisticsYears='< 1'),
  rule(J, JS, '孵化场地面积不足5000平方米（苏科技规〔2019〕206号）', incubationArea='< 5000'),
  rule(J, JS + '；2/3 按 0.6667 计', '在孵企业使用面积占比不足2/3（苏科技规〔2019〕206号）', tenantAreaShare='< 0.6667'),
  rule(J, JS, '孵化资金不足300万元（苏科技规〔2019〕206号）', seedFund='< 3000000'),
  rule(J, JS, '获得投融资的在孵企业占比不足10%（苏科技规〔2019〕206号）', fundedTenantShare='< 0.1'),
  rule(J, JS, '无孵化资金使用案例（苏科技规〔2019〕206号）', fundUseCases='< 1'),
  rule(J, JS, '专业孵化服务人员占比不足60%（苏科技规〔2019〕206号）', professionalStaffShare='< 0.6'),
  rule(J, JS, '每15家在孵企业专业孵化服务人员不足1名（苏科技规〔2019〕206号）', tenantsPerProfessional='> 15'),
  rule(J, JS, '每15家在孵企业创业导师不足1名（苏科技规〔2019〕206号）', tenantsPerMentor='> 15'),
  rule(J, '假设值（assumed），可在本表修改', '在孵企业不足30家（假设值）', tenantCount='< 30'),
  rule(J, '假设值（assumed），可在本表修改', '累计毕业企业不足10家（假设值）', graduatedCount='< 10'),
  rule(J, '假设值（assumed），可在本表修改', '拥有有效知识产权的在孵企业占比不足40%（假设值）', validIpTenantShare='< 0.4'),
]
table('EligibilityIncubator', '科技企业孵化器认定条件', 'COLLECT', inc_inputs, FAIL, inc_rules,
      '每条规则描述一项未满足的条件（COLLECT）：结果为空即符合认定条件。国家级依据国科发区〔2018〕300号，省级依据苏科技规〔2019〕206号；标注“假设值”的条件未见公开文件，可直接在本表修改。阈值本身视为满足。', OUT + 'eligibility-incubator.dmn')

# ---------- nursery ----------
nur_inputs = [
  ('ruleSet', '规则集', 'ruleSet', 'string'), ('operatingYears', '运营年限（年）', 'operatingYears', 'double'),
  ('incubationArea', '场地面积（㎡）', 'incubationArea', 'double'), ('workstations', '工位数', 'workstations', 'double'),
  ('tenantAreaShare', '工位及公共服务面积占比', 'tenantAreaShare', 'double'), ('teamsAdmittedPerYear', '年服务创业团队和企业数', 'teamsAdmittedPerYear', 'double'),
  ('newCompaniesPerYear', '年新注册企业数', 'newCompaniesPerYear', 'double'), ('fundedTeamsPerYear', '年获得投资的团队和企业数', 'fundedTeamsPerYear', 'double'),
  ('incubationCases', '典型孵化案例数', 'incubationCases', 'double'), ('staffCount', '专职人员数', 'staffCount', 'double'),
  ('mentorCount', '创业导师数', 'mentorCount', 'double'), ('eventsPerYear', '年举办活动次数', 'eventsPerYear', 'double'),
]
NN = 'NATIONAL-NURSERY-2017'; NNS = '国科火字〔2017〕120号'
JN = 'JIANGSU-NURSERY-2019'; JNS = '苏科技规〔2019〕207号'
nur_rules = [
  rule(NN, NNS, '运营时间不足18个月（国科火字〔2017〕120号）', operatingYears='< 1.5'),
  rule(NN, NNS, '场地面积不足500平方米且工位不足30个（国科火字〔2017〕120号）', incubationArea='< 500', workstations='< 30'),
  rule(NN, NNS, '工位及公共服务面积占比不足75%（国科火字〔2017〕120号）', tenantAreaShare='< 0.75'),
  rule(NN, NNS, '年服务创业团队和企业不足20个（国科火字〔2017〕120号）', teamsAdmittedPerYear='< 20'),
  rule(NN, NNS, '年新注册企业不足10家且获得投资的团队和企业不足5个（国科火字〔2017〕120号）', newCompaniesPerYear='< 10', fundedTeamsPerYear='< 5'),
  rule(NN, NNS, '典型孵化案例不足3个（国科火字〔2017〕120号）', incubationCases='< 3'),
  rule(NN, NNS, '专职人员不足3名（国科火字〔2017〕120号）', staffCount='< 3'),
  rule(NN, NNS, '创业导师不足3名（国科火字〔2017〕120号）', mentorCount='< 3'),
  rule(NN, NNS, '年举办创新创业活动不足10次（国科火字〔2017〕120号）', eventsPerYear='< 10'),
  rule(JN, JNS, '运营时间不足1年（苏科技规〔2019〕207号）', operatingYears='< 1'),
  rule(JN, JNS, '场地面积不足300平方米（苏科技规〔2019〕207号）', incubationArea='< 300'),
  rule(JN, JNS, '工位不足30个（苏科技规〔2019〕207号）', workstations='< 30'),
]
table('EligibilityNursery', '众创空间（创业苗圃）备案条件', 'COLLECT', nur_inputs, FAIL, nur_rules,
      '每条规则描述一项未满足的条件（COLLECT）。国家备案依据国科火字〔2017〕120号，省级备案依据苏科技规〔2019〕207号（入驻与退出制度以“管理制度”材料审查）。', OUT + 'eligibility-nursery.dmn')

def assumed(did, name, rs, items, path):
    ins = [('ruleSet', '规则集', 'ruleSet', 'string')]
    rules = []
    for code, label, op, text in items:
        if code not in [i[0] for i in ins]:
            ins.append((code, label, code, 'double'))
        rules.append(rule(rs, '假设值（assumed），可在本表修改', text, **{code: op}))
    table(did, name, 'COLLECT', ins, FAIL, rules, '未找到省级认定文件，全部条件为假设值（assumed），可直接在本表修改。', path)

assumed('EligibilityGrowthCenter', '育成中心认定条件（假设值）', 'ASSUMED-GROWTH_CENTER-2024', [
  ('operatingYears', '运营年限（年）', '< 1', '运营时间不足1年（假设值）'),
  ('incubationArea', '场地面积（㎡）', '< 3000', '场地面积不足3000平方米（假设值）'),
  ('tenantCount', '在育企业数', '< 10', '在育企业不足10家（假设值）'),
  ('graduatedCount', '累计毕业企业数', '< 5', '承接毕业企业不足5家（假设值）'),
  ('mentorCount', '创业导师数', '< 5', '创业导师不足5名（假设值）')], OUT + 'eligibility-growth-center.dmn')
assumed('EligibilityAccelerator', '科技企业加速器认定条件（假设值）', 'ASSUMED-ACCELERATOR-2024', [
  ('operatingYears', '运营年限（年）', '< 1', '运营时间不足1年（假设值）'),
  ('incubationArea', '场地面积（㎡）', '< 10000', '场地面积不足10000平方米（假设值）'),
  ('tenantCount', '入驻企业数', '< 15', '入驻企业不足15家（假设值）'),
  ('annualRevenue', '入驻企业年总收入（元）', '< 100000000', '入驻企业年总收入不足1亿元（假设值）'),
  ('highTechTenants', '高新技术企业数', '< 5', '高新技术企业不足5家（假设值）')], OUT + 'eligibility-accelerator.dmn')
assumed('EligibilityFutureIndustryPark', '未来产业科技园认定条件（假设值）', 'ASSUMED-FUTURE_INDUSTRY_PARK-2024', [
  ('incubationArea', '园区面积（㎡）', '< 50000', '园区可支配面积不足50000平方米（假设值）'),
  ('tenantCount', '入驻企业数', '< 30', '入驻企业不足30家（假设值）'),
  ('seedFund', '孵化（引导）资金（元）', '< 20000000', '孵化（引导）资金不足2000万元（假设值）'),
  ('highTechTenants', '高新技术企业数', '< 10', '高新技术企业不足10家（假设值）')], OUT + 'eligibility-future-industry-park.dmn')
print('ok')

# ---------- annual evaluation (assumed weights; DOMAIN.md §4: not published) ----------
score_inputs = [('kind', '载体类型', 'kind', 'string'), ('tenantCount', '在孵企业数', 'tenantCount', 'double'),
                ('graduatedCount', '累计毕业企业数', 'graduatedCount', 'double'), ('highTechTenants', '在孵高新技术企业数', 'highTechTenants', 'double'),
                ('investmentRaised', '当年获得投融资总额（元）', 'investmentRaised', 'double'), ('mentorCount', '创业导师数', 'mentorCount', 'double'),
                ('eventsPerYear', '年举办创新创业活动次数', 'eventsPerYear', 'double'),
                ('professionalStaffShare', '专业孵化服务人员占比', 'professionalStaffShare', 'double')]
NOT_NURSERY = 'not("NURSERY")'
def pts(points, note, **e):
    return (e, [str(points)], note)
score_rules = [
  pts(20, '在孵企业数 ≥ 50（众创空间以外）', kind=NOT_NURSERY, tenantCount='>= 50'),
  pts(15, '在孵企业数 30–49', kind=NOT_NURSERY, tenantCount='[30..50['),
  pts(10, '在孵企业数 15–29', kind=NOT_NURSERY, tenantCount='[15..30['),
  pts(20, '众创空间：服务团队和企业数 ≥ 30', kind='"NURSERY"', tenantCount='>= 30'),
  pts(15, '众创空间：服务团队和企业数 15–29', kind='"NURSERY"', tenantCount='[15..30['),
  pts(10, '众创空间：服务团队和企业数 5–14', kind='"NURSERY"', tenantCount='[5..15['),
  pts(15, '累计毕业企业数 ≥ 30', graduatedCount='>= 30'),
  pts(10, '累计毕业企业数 15–29', graduatedCount='[15..30['),
  pts(5, '累计毕业企业数 5–14', graduatedCount='[5..15['),
  pts(20, '在孵高新技术企业数 ≥ 10（众创空间以外）', kind=NOT_NURSERY, highTechTenants='>= 10'),
  pts(12, '在孵高新技术企业数 5–9', kind=NOT_NURSERY, highTechTenants='[5..10['),
  pts(6, '在孵高新技术企业数 1–4', kind=NOT_NURSERY, highTechTenants='[1..5['),
  pts(20, '众创空间：高新技术企业 ≥ 3', kind='"NURSERY"', highTechTenants='>= 3'),
  pts(12, '众创空间：高新技术企业 1–2', kind='"NURSERY"', highTechTenants='[1..3['),
  pts(15, '当年获得投融资 ≥ 5000万元', investmentRaised='>= 50000000'),
  pts(10, '当年获得投融资 1000万–5000万元', investmentRaised='[10000000..50000000['),
  pts(5, '当年获得投融资 100万–1000万元', investmentRaised='[1000000..10000000['),
  pts(10, '创业导师 ≥ 20', mentorCount='>= 20'),
  pts(6, '创业导师 10–19', mentorCount='[10..20['),
  pts(3, '创业导师 5–9', mentorCount='[5..10['),
  pts(10, '年举办活动 ≥ 24 次', eventsPerYear='>= 24'),
  pts(6, '年举办活动 12–23 次', eventsPerYear='[12..24['),
  pts(3, '年举办活动 6–11 次', eventsPerYear='[6..12['),
  pts(10, '专业孵化服务人员占比 ≥ 50%', professionalStaffShare='>= 0.5'),
  pts(6, '专业孵化服务人员占比 30%–49%', professionalStaffShare='[0.3..0.5['),
]
table('AnnualScore', '年度考核评分', 'COLLECT', score_inputs, [('points', '得分', 'double')], score_rules,
      '年度考核评分：各项指标按区间计分后求和（满分100）。权重与区间均为假设值（assumed，未公布），可直接在本表修改；缺报的指标不得分。',
      OUT + 'annual-score.dmn', aggregation='SUM')
rating_inputs = [('kind', '载体类型', 'kind', 'string'), ('score', '考核得分', 'score', 'double')]
def grade(kind, test, rating, label, note):
    e = {'score': test}
    if kind: e['kind'] = kind
    return (e, [q(rating), q(label)], note)
rating_rules = [
  grade(None, '>= 85', 'A', '优秀', '85分及以上为优秀（假设值）'),
  grade(None, '[70..85[', 'B', '良好', '70–84.99分为良好（假设值）'),
  grade(None, '[60..70[', 'C', '合格', '60–69.99分为合格（假设值）'),
  grade(None, '< 60', 'D', '不合格', '60分以下为不合格（假设值）；未报送年度报告的直接评为不合格，不经本表'),
]
table('AnnualRating', '年度考核等级', 'FIRST', rating_inputs, [('rating', '等级', 'string'), ('ratingLabel', '等级名称', 'string')],
      rating_rules, '按载体类型和考核得分确定等级 A/B/C/D。分档为假设值（assumed），可按类型增加行（类型列为空表示所有类型）。',
      OUT + 'annual-rating.dmn')
