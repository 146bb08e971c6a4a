"""checks.publication: which documents read as publications, and the usage family's switch."""
from __future__ import annotations

import json

import pytest

import pipeline
from checks.config import ConfigError, parse
from checks.publication import is_publication, line_shape, signal
from sources.reader import document_from_text

PUBLICATIONS = {
    "news release": (
        "城东新区一季度经济运行平稳\n\n"
        "今年一季度,城东新区完成地区生产总值86.4亿元,同比增长6.2%,增速比上年同期加快1.1个百分点。\n"
        "分产业看,第一产业增加值2.1亿元,第二产业增加值31.7亿元,第三产业增加值52.6亿元。\n"
        "新区有关负责人表示,下一步将继续抓好重点项目建设,确保全年目标任务顺利完成。\n"),
    "bulletin with a table": (
        "2024年城东新区国民经济和社会发展统计公报\n"
        "全年全区常住人口38.5万人,比上年末增加0.9万人,城镇化率达到71.3%。\n"
        "全年粮食播种面积12.6万亩,粮食总产量4.8万吨,比上年增长2.4%。\n"
        "表1 主要农产品产量\n"
        "粮食,4.8,2.4%\n"
        "蔬菜,9.1,3.6%\n"
        "水果,1.7,-0.8%\n"
        "全年规模以上工业企业实现营业收入412.3亿元,利润总额27.9亿元,分别增长5.5%和7.1%。\n"
        "全年新增城镇就业人员1.2万人,城镇登记失业率控制在3.1%以内,社会大局保持和谐稳定。\n"),
    "bulletin with a long table": (
        "全年全区完成农作物播种面积25.3万亩,其中粮食作物18.6万亩,经济作物6.7万亩。\n"
        "全年粮食总产量9.4万吨,比上年增长1.8%,连续八年保持稳定。\n"
        + "".join(f"{town},{area},{output},{rate}%\n" for town, area, output, rate in (
            ("城关镇", 2.1, 0.8, 1.2), ("东坝镇", 3.4, 1.3, 2.0), ("西河乡", 1.9, 0.7, -0.4), ("南塘镇", 2.8, 1.1, 3.1),
            ("北岭乡", 1.2, 0.4, 0.9), ("高桥镇", 3.0, 1.2, 1.7), ("石门乡", 1.5, 0.6, 2.2), ("柳林镇", 2.6, 1.0, 1.1),
            ("青山镇", 1.7, 0.6, 0.5), ("白沙乡", 2.2, 0.9, 1.4), ("新华镇", 3.3, 1.3, 2.6), ("三元乡", 1.1, 0.4, -1.0),
            ("永安镇", 2.4, 0.9, 1.9), ("红星乡", 1.6, 0.6, 0.7), ("大寨镇", 2.9, 1.1, 1.5), ("黄土乡", 1.3, 0.5, 0.3)))
        + "全年农村居民人均可支配收入2.1万元,比上年增长6.8%,增速高于城镇居民1.3个百分点。\n"),
    "interview": (
        "问:今年的民生实事项目进展如何?\n"
        "答:截至9月底,十项民生实事已完成八项,其余两项预计在年底前全部完工。\n"
        "问:群众最关心的老旧小区改造呢?\n"
        "答:今年计划改造老旧小区46个,目前已开工41个,惠及居民一万二千余户。\n"),
    "one sentence": "投资9~16亿元,新增就业4千人,会议定于星期5召开。",
    "wrapped lines": (
        "今年以来,全区上下坚持稳中求进工作总基调,统筹\n"
        "推进稳增长、促改革、调结构、惠民生、防风险各项\n"
        "工作,经济运行总体平稳、稳中有进,全年地区生产\n"
        "总值增长5.8%左右。\n"),
}

NOT_PUBLICATIONS = {
    "chat log": (
        "张伟 09:12\n收到,我马上看\n李娜 09:13\n预算表发群里了\n"
        "张伟 09:15\n第3页那个数对吗\n李娜 09:16\n应该是4千,我再核一下\n"),
    "chat lines with speakers": (
        "[10:02] 王强: 明天几点开会\n[10:03] 刘芳: 9点半\n[10:03] 王强: 好的\n[10:05] 刘芳: 带上3月的报表\n"),
    "csv": ("地区,2023年,2024年,增速\n城东,120.5,128.3,6.5%\n城西,98.2,101.7,3.6%\n"
            "城南,76.4,80.9,5.9%\n城北,55.0,57.2,4.0%\n"),
    "python code": (
        "import csv\n\n"
        "def growth(old, new):\n"
        "    \"\"\"增长率。\"\"\"\n"
        "    return (new - old) / old * 100\n\n"
        "rows = list(csv.reader(open(\"data.csv\")))\n"
        "for row in rows[1:]:\n"
        "    print(row[0], growth(float(row[1]), float(row[2])))\n"),
    "log file": (
        "2024-03-01 08:00:01 INFO 开始导入 3 个文件\n"
        "2024-03-01 08:00:02 INFO 读取 城东.xlsx 完成,共 1,204 行\n"
        "2024-03-01 08:00:05 WARN 第 17 行 金额为空\n"
        "2024-03-01 08:00:09 INFO 导入结束,用时 8.2 秒\n"),
    "bullet notes": "# 周会记录\n- 预算 3.2 万\n- 找老王确认场地\n- 下周一交初稿\n- 海报 5、6 张\n",
    "numbers": "12.5\n13.75\n-0.8\n1,204\n3.2%\n",
    "config": "[server]\nhost = \"127.0.0.1\"\nport = 8080\ntimeout = 30\nworkers = 4\n",
}


def _doc(text: str):
    return document_from_text(text, doc_id="d0", path="d0.txt")


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_publications_are_publications(name):
    assert is_publication(_doc(PUBLICATIONS[name])), signal(_doc(PUBLICATIONS[name]))


@pytest.mark.parametrize("name", NOT_PUBLICATIONS)
def test_other_documents_are_not(name):
    assert not is_publication(_doc(NOT_PUBLICATIONS[name])), signal(_doc(NOT_PUBLICATIONS[name]))


def test_line_shapes():
    assert [line_shape(line) for line in (
        "2024-03-01 08:00:01 INFO 开始导入", "return (new - old) / old", "城东,120.5,128.3,6.5%", "- 找老王确认场地",
        "刘芳: 9点半", "今年计划改造老旧小区46个,目前已开工41个。", "表1 主要农产品产量")] == [
        "stamped", "code", "data", "fragment", "chat", "prose", "other"]


def _usage(text: str, table: dict) -> list[str]:
    config = parse({"select": ["usage"], **table}, "run-checks.toml")
    findings = pipeline.check(pipeline.extract([_doc(text)]), config).findings
    return sorted(finding.rule for finding in findings)


def test_usage_family_is_quiet_on_a_chat_log_unless_switched():
    chat = NOT_PUBLICATIONS["chat log"]
    assert _usage(chat, {}) == []
    assert _usage(chat, {"options": {"usage": {"publications_only": False}}}) == ["US02"]
    assert _usage(chat, {"options": {"US02": {"publications_only": False}}}) == ["US02"]
    assert _usage(PUBLICATIONS["one sentence"], {}) == ["US01", "US02", "US06"]


def test_family_options_are_validated():
    with pytest.raises(ConfigError, match="publications"):
        parse({"options": {"usage": {"publication_only": False}}}, "run-checks.toml")


def test_family_option_from_pyproject_and_a_rule_overriding_it(tmp_path):
    from checks.config import load_config

    (tmp_path / "pyproject.toml").write_text(
        "[tool.run-checks.options.usage]\npublications_only = false\n"
        "[tool.run-checks.options.US14]\npublications_only = true\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.rule_options("US02")["publications_only"] is False
    assert config.rule_options("US14") == {"publications_only": True}
    assert config.rule_options("CS01") == {}


@pytest.mark.parametrize("jobs", ["1", "2"])  # with 2, the usage rules run in a forked copy (parallel.beside)
def test_the_run_says_which_documents_the_usage_family_left_alone(tmp_path, jobs):
    from tests.test_cli import run

    (tmp_path / "chat.txt").write_text(NOT_PUBLICATIONS["chat log"], encoding="utf-8")
    (tmp_path / "csv.txt").write_text(NOT_PUBLICATIONS["csv"], encoding="utf-8")
    (tmp_path / "news.txt").write_text(PUBLICATIONS["news release"], encoding="utf-8")
    args = ("check", "chat.txt", "news.txt", "csv.txt", "--select", "usage", "--format", "json", "--jobs", jobs,
            "--isolated")
    result = run(*args, cwd=tmp_path)
    assert json.loads(result.stdout)["not_publications"] == ["chat", "csv"]
    assert result.stderr.splitlines() == [
        "run-checks: note: the usage rules left 2 documents alone: they read as chat, code, data, logs or notes, "
        "not publications (options.usage.publications_only = false checks them)"]
    chinese = run(*args, "--lang", "zh", cwd=tmp_path)
    assert chinese.stderr.startswith("run-checks: 提示：2个文档像聊天记录") and chinese.stdout == result.stdout
    (tmp_path / "run-checks.toml").write_text("[options.usage]\npublications_only = false\n", encoding="utf-8")
    everything = run(*args[:-1], cwd=tmp_path)
    assert "not_publications" not in json.loads(everything.stdout) and everything.stderr == ""
    assert run(*args[:-1], "--select", "CS01", cwd=tmp_path).stderr == ""  # no usage rule ran: nothing left alone
