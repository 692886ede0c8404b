"""Writes the annual-evaluation Camunda Forms (form-js 1.8.7, schemaVersion 16) into ../../forms.
Run: python3 tools/modelgen/gen_evaluation_forms.py"""
import json, os

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'forms')
MAX_CHANGES = 10


def form(form_id, components):
    return {"id": form_id, "type": "default", "schemaVersion": 16, "executionPlatform": "Camunda Platform",
            "executionPlatformVersion": "7.24.0", "exporter": {"name": "parkflow", "version": "1.0"}, "components": components}


def write(name, f):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as out:
        json.dump(f, out, ensure_ascii=False, indent=2)
        out.write('\n')


RATED = [("tenantCount", "在孵企业数", 0), ("graduatedCount", "累计毕业企业数", 0), ("highTechTenants", "在孵高新技术企业数", 0),
         ("investmentRaised", "在孵企业当年获得投融资总额（元）", 0), ("mentorCount", "创业导师数", 0),
         ("eventsPerYear", "年举办创新创业活动次数", 0), ("professionalStaffShare", "专业孵化服务人员占比（0–1）", 2)]
report = [{"type": "html", "id": "heading", "content":
           "<h1 style=\"margin:0 0 4px 0\">报送年度报告</h1>\n<h2 style=\"margin:0 0 8px 0\">{{carrierName}}</h2>\n"
           "<p style=\"margin:0\">{{yearText}} · {{kindLabel}} · {{cityName}}</p>"},
          {"type": "text", "id": "howto", "text": "火炬统计已导入的载体无需填报。期满未报送的，年度考核评为不合格（D）。"},
          {"type": "separator", "id": "separator"}]
for key, label, digits in RATED:
    c = {"type": "number", "id": key, "key": key, "label": label, "decimalDigits": digits, "validate": {"required": True, "min": 0}}
    if digits:
        c["validate"]["max"] = 1
    report.append(c)
report.append({"type": "textarea", "id": "narrative", "key": "narrative", "label": "年度自评（可选）", "validate": {"maxLength": 4000},
               "description": "最长4000字"})
write('annual-report.form', form("AnnualReportForm", report))

city = [{"type": "html", "id": "heading", "content":
         "<h1 style=\"margin:0 0 4px 0\">确认年度考核结果</h1>\n<h2 style=\"margin:0 0 8px 0\">{{cityName}} · {{yearText}}</h2>\n"
         "<p style=\"margin:0\">参评载体 {{carrierCount}} 家：{{ratingCountsText}}</p>"},
        {"type": "text", "id": "results", "text": "### 考核结果\n\n{{resultsMarkdown}}"},
        {"type": "separator", "id": "separator"},
        {"type": "radio", "id": "confirmDecision", "key": "confirmDecision", "label": "确认结论",
         "values": [{"label": "全部确认", "value": "CONFIRM"}, {"label": "调整个别等级（逐项说明理由）", "value": "CHANGE"}],
         "validate": {"required": True}}]
for i in range(1, MAX_CHANGES + 1):
    hide = "=confirmDecision != \"CHANGE\"" + ("" if i == 1 else f" or change{i - 1} = null")
    city.append({"type": "select", "id": f"change{i}", "key": f"change{i}", "label": f"调整{i}：载体", "valuesKey": "carrierOptions",
                 "searchable": True, "validate": {"required": i == 1}, "conditional": {"hide": hide}})
    shown = f"=confirmDecision != \"CHANGE\" or change{i} = null"
    city.append({"type": "select", "id": f"change{i}Rating", "key": f"change{i}Rating", "label": f"调整{i}：调整为",
                 "values": [{"label": "A 优秀", "value": "A"}, {"label": "B 良好", "value": "B"}, {"label": "C 合格", "value": "C"},
                            {"label": "D 不合格", "value": "D"}], "validate": {"required": True}, "conditional": {"hide": shown}})
    city.append({"type": "textarea", "id": f"change{i}Reason", "key": f"change{i}Reason", "label": f"调整{i}：理由",
                 "validate": {"required": True, "maxLength": 2000}, "conditional": {"hide": shown}})
write('city-confirm.form', form("CityConfirmForm", city))

revocation = [{"type": "html", "id": "heading", "content":
               "<h1 style=\"margin:0 0 4px 0\">撤销资格审批</h1>\n<h2 style=\"margin:0 0 8px 0\">{{carrierName}}</h2>\n"
               "<p style=\"margin:0\">{{kindLabel}} · {{cityName}}</p>"},
              {"type": "text", "id": "why", "text": "{{revocationText}}"},
              {"type": "separator", "id": "separator"},
              {"type": "radio", "id": "revoke", "key": "revoke", "label": "审批结论",
               "values": [{"label": "撤销资格", "value": "true"}, {"label": "不予撤销（保留警示）", "value": "false"}],
               "validate": {"required": True}},
              {"type": "textarea", "id": "revocationReason", "key": "revocationReason", "label": "审批意见",
               "validate": {"required": True, "maxLength": 2000}}]
write('revocation.form', form("RevocationForm", revocation))
