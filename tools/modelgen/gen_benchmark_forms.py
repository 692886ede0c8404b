"""Writes the benchmark-selection Camunda Forms (form-js 1.8.7, schemaVersion 16) into ../../forms.

The city recommendation has one select per position (第1位 … 第30位); a position beyond the city's
quota is hidden, so the form cannot recommend more than the quota (the server checks it again).
The province confirmation has up to 10 changes, each an application and its reason.
Run: python3 tools/modelgen/gen_benchmark_forms.py
"""
import json, os

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'forms')
MAX_POSITIONS = 30
MAX_CHANGES = 10


def form(form_id, components):
    return {"id": form_id, "type": "default", "schemaVersion": 16, "executionPlatform": "Camunda Platform",
            "executionPlatformVersion": "7.24.0", "exporter": {"name": "parkflow", "version": "1.0"},
            "components": components}


def write(name, f):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as out:
        json.dump(f, out, ensure_ascii=False, indent=2)
        out.write('\n')


city = [
    {"type": "html", "id": "heading", "content":
        "<h1 style=\"margin:0 0 4px 0\">设区市推荐</h1>\n<h2 style=\"margin:0 0 8px 0\">{{campaignTitle}}</h2>\n"
        "<p style=\"margin:0\">{{cityName}}：申报 {{applicantCount}} 家，推荐名额 <strong>{{quota}}</strong> 个</p>"},
    {"type": "text", "id": "applicants", "text": "### 本市申报\n\n{{applicantsMarkdown}}"},
    {"type": "text", "id": "howto", "text":
        "按推荐顺序从第1位起依次选择，最多 {{quota}} 家（只显示名额以内的顺位）。未选择的申报视为不推荐。"},
    {"type": "separator", "id": "separator"},
]
for i in range(1, MAX_POSITIONS + 1):
    c = {"type": "select", "id": f"recommend{i}", "key": f"recommend{i}", "label": f"第{i}位",
         "valuesKey": "applicantOptions", "searchable": True}
    c["conditional"] = {"hide": f"=quota < {i}" if i == 1 else f"=quota < {i} or recommend{i - 1} = null"}
    city.append(c)
city.append({"type": "textarea", "id": "recommendationComment", "key": "recommendationComment", "label": "推荐说明",
             "description": "可选，最长2000字", "validate": {"maxLength": 2000}})
write('city-recommendation.form', form("CityRecommendationForm", city))

criteria = [("FUTURE_FIT", "未来产业契合度与硬科技属性"), ("INCUBATION_PERFORMANCE", "孵化绩效"),
            ("PROFESSIONAL_SERVICES", "专业服务能力"), ("INVESTMENT", "投融资服务"),
            ("CHAIN_COMPLETENESS", "苗圃—孵化—育成—加速链条完整度")]
scoring = [
    {"type": "html", "id": "heading", "content":
        "<h1 style=\"margin:0 0 4px 0\">专家评分</h1>\n<h2 style=\"margin:0 0 8px 0\">{{carrierName}}</h2>\n"
        "<p style=\"margin:0\">{{campaignTitle}}　（申报编号 {{applicationId}}）</p>\n"
        "<p style=\"margin:0\">{{levelLabel}} · {{cityName}} · 市内推荐第 {{cityRank}} 位</p>\n"
        "<p style=\"margin:0\">运营机构：{{operatorName}}</p>\n<p style=\"margin:0\">产业领域：{{industriesText}}</p>"},
    {"type": "text", "id": "indicators", "text": "### 申报指标\n\n{{indicatorsMarkdown}}"},
    {"type": "text", "id": "rubric", "text": "### 评分细则\n\n{{rubricMarkdown}}\n\n每项按百分制打分；加权总分由系统计算。评分专家达5人及以上时，去掉一个最高分和一个最低分后取平均。"},
    {"type": "separator", "id": "separator"},
]
for key, label in criteria:
    scoring.append({"type": "number", "id": f"score_{key}", "key": f"score_{key}", "label": label,
                    "description": "0–100 之间的整数", "decimalDigits": 0,
                    "validate": {"required": True, "min": 0, "max": 100}})
scoring.append({"type": "textarea", "id": "scoringComment", "key": "scoringComment", "label": "评分意见",
                "description": "可选，最长2000字", "validate": {"maxLength": 2000}})
write('expert-scoring.form', form("ExpertScoringForm", scoring))

confirm = [
    {"type": "html", "id": "heading", "content":
        "<h1 style=\"margin:0 0 4px 0\">省级确认名单</h1>\n<h2 style=\"margin:0 0 8px 0\">{{campaignTitle}}</h2>\n"
        "<p style=\"margin:0\">参与排名 {{rankedCount}} 家，总名额 {{totalQuota}} 个，按排名拟入选 <strong>{{proposedCount}}</strong> 家</p>"},
    {"type": "text", "id": "ranking", "text": "### 全省排名\n\n{{rankingMarkdown}}\n\n排名规则：加权得分（5名及以上专家时去掉最高分和最低分）；同分依次比较未来产业契合度、孵化绩效、在孵高新技术企业数、申报时间。"},
    {"type": "separator", "id": "separator"},
    {"type": "radio", "id": "confirmDecision", "key": "confirmDecision", "label": "确认结论",
     "values": [{"label": "确认拟入选名单", "value": "CONFIRM"}, {"label": "调整名单（逐项说明理由）", "value": "CHANGE"}],
     "validate": {"required": True}},
    {"type": "text", "id": "changeHowto", "text": "选择“【移出】”的载体将移出名单，选择“【增补】”的载体将增补入名单；每项调整须说明理由，调整后入选数不得超过总名额。",
     "conditional": {"hide": "=confirmDecision != \"CHANGE\""}},
]
for i in range(1, MAX_CHANGES + 1):
    hide = "=confirmDecision != \"CHANGE\"" + ("" if i == 1 else f" or change{i - 1} = null")
    confirm.append({"type": "select", "id": f"change{i}", "key": f"change{i}", "label": f"调整{i}：载体",
                    "valuesKey": "rankedOptions", "searchable": True,
                    "validate": {"required": i == 1}, "conditional": {"hide": hide}})
    confirm.append({"type": "textarea", "id": f"change{i}Reason", "key": f"change{i}Reason", "label": f"调整{i}：理由",
                    "validate": {"required": True, "maxLength": 2000},
                    "conditional": {"hide": f"=confirmDecision != \"CHANGE\" or change{i} = null"}})
write('province-confirm.form', form("ProvinceConfirmForm", confirm))
