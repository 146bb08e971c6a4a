"""Tests for sources/html.py: article extraction with an exact offset map into the markup."""
from __future__ import annotations

import html

import pytest

from sources.html import extract_html

GOV_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>我市2024年城市更新工作取得新进展_乌海市人民政府</title>
<meta name="ArticleTitle" content="我市2024年城市更新工作取得新进展">
<meta name="PubDate" content=" 2024-12-11 09:30 ">
<script>var nav = "</div><p>脚本里的文字</p>";</script>
<style>.zoom p { text-indent: 2em; }</style>
</head>
<body class="nav-open">
<div class="header"><div class="logo"><h1>乌海市人民政府</h1></div></div>
<div id="mainNav" class="main-nav">
  <ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/hdjl/">互动交流</a></li></ul>
</div>
<div class="breadcrumb">您的位置:<a href="/">首页</a> &gt; <a href="/gzdt/">工作动态</a></div>
<div class="container">
  <div class="article">
    <h1 class="article-title">我市2024年城市更新工作取得新进展</h1>
    <div class="article-info">发布时间:2024-12-11&nbsp;&nbsp;来源:市住建局</div>
    <div id="zoom" class="TRS_Editor">
      <p>今年以来，全市改造老旧小区279个，
         惠及53.21万人，完成投资&#x0031;2.5亿元。</p>
      <p>新建改建城市道路&#19975;余米&#12290;下一步，我市将继续推进城市更新行动，
      着力补齐基础设施短板，持续提升群众的获得感、幸福感和安全感。</p>
      <P>全年累计加装电梯86部<BR>新增停车位1,200个
    </div>
    <div class="bdsharebuttonbox"><span>分享到:</span><a class="bds_weixin">微信</a><a>微博</a></div>
  </div>
  <div class="side-list related">
    <h3>相关新闻</h3>
    <ul><li><a href="/1.html">市领导调研城市更新项目</a></li>
    <li><a href="/2.html">老旧小区改造工作推进会召开</a></li></ul>
  </div>
</div>
<div class="footer">
  <p>主办单位:乌海市人民政府办公室　电话:0473-1234567</p>
  <p><a href="https://beian.miit.gov.cn/">蒙ICP备05002755号-2</a></p>
</div>
<!-- 统计代码 <p>注释里的文字</p> -->
</body>
</html>
"""


def assert_exact(markup: str, text: str, starts, ends) -> None:
    """Every derived character is what its span of markup decodes to (spaces: whitespace)."""
    assert len(starts) == len(ends) == len(text)
    for i, char in enumerate(text):
        start, end = int(starts[i]), int(ends[i])
        if start == end:
            assert char in "\n| ", (i, char)  # a block break, or a table row's cell marks
            continue
        decoded = html.unescape(markup[start:end])
        if char == " ":
            assert decoded in (" ", "\t", "\n", "\r", "\f"), (i, decoded)
        else:
            assert decoded == char, (i, char, markup[start:end])


def test_government_page_text_title_and_date() -> None:
    result = extract_html(GOV_PAGE)
    assert result.text == (
        "我市2024年城市更新工作取得新进展\n"
        "发布时间:2024-12-11\xa0\xa0来源:市住建局\n"
        "今年以来，全市改造老旧小区279个， 惠及53.21万人，完成投资12.5亿元。\n"
        "新建改建城市道路万余米。下一步，我市将继续推进城市更新行动， "
        "着力补齐基础设施短板，持续提升群众的获得感、幸福感和安全感。\n"
        "全年累计加装电梯86部\n新增停车位1,200个"
    )
    assert result.title == "我市2024年城市更新工作取得新进展"
    assert result.published == "2024-12-11 09:30"


def test_government_page_furniture_is_gone() -> None:
    text = extract_html(GOV_PAGE).text
    for furniture in (
        "乌海市人民政府", "您的位置", "政务公开", "分享到", "相关新闻", "市领导调研",
        "0473-1234567", "蒙ICP备05002755号-2", "脚本里的文字", "注释里的文字", "text-indent",
    ):
        assert furniture not in text


def test_government_page_offsets_exact_for_every_character() -> None:
    result = extract_html(GOV_PAGE)
    assert_exact(GOV_PAGE, result.text, result.offsets.starts, result.offsets.ends)
    number = result.text.index("53.21万人")
    start, end = result.offsets.span(number, number + len("53.21万人"))
    assert GOV_PAGE[start:end] == "53.21万人"
    number = result.text.index("12.5亿元")
    start, end = result.offsets.span(number, number + len("12.5亿元"))
    assert GOV_PAGE[start:end] == "&#x0031;2.5亿元"


def test_whitespace_run_maps_to_its_first_character() -> None:
    result = extract_html(GOV_PAGE)
    space = result.text.index("， 惠及") + 1
    start, end = int(result.offsets.starts[space]), int(result.offsets.ends[space])
    run = GOV_PAGE.index("，\n         惠及") + 1
    assert (start, end) == (run, run + 1)
    assert GOV_PAGE[start] == "\n"


def test_decimal_reference_maps_to_whole_reference() -> None:
    markup = "<p>新建道路&#19975;余米</p>"
    result = extract_html(markup)
    assert result.text == "新建道路万余米"
    i = result.text.index("万")
    assert markup[result.offsets.starts[i]:result.offsets.ends[i]] == "&#19975;"


def test_hex_and_named_references() -> None:
    markup = "<p>&#x4E07;元&amp;&lt;5&gt;&amp 与&copy</p>"
    result = extract_html(markup)
    assert result.text == "万元&<5>& 与©"
    spans = [markup[s:e] for s, e in zip(result.offsets.starts, result.offsets.ends, strict=True)]
    assert spans == ["&#x4E07;", "元", "&amp;", "&lt;", "5", "&gt;", "&amp", " ", "与", "&copy"]


def test_unknown_and_partial_references_stay_exact() -> None:
    markup = "<p>A&foo;B &notit; C&#;D</p>"
    result = extract_html(markup)
    assert result.text == "A&foo;B ¬it; C&#;D"
    assert_exact(markup, result.text, result.offsets.starts, result.offsets.ends)
    i = result.text.index("¬")
    assert markup[result.offsets.starts[i]:result.offsets.ends[i]] == "&not"


def test_nbsp_and_ideographic_space_are_kept() -> None:
    markup = "<p>投资&nbsp;12.5亿元\xa0共\u30003项</p>"
    result = extract_html(markup)
    assert result.text == "投资\xa012.5亿元\xa0共\u30003项"
    assert markup[result.offsets.starts[2]:result.offsets.ends[2]] == "&nbsp;"


def test_blocks_are_separated_by_one_inserted_newline() -> None:
    markup = "<div>\n  <p> 第一段 </p>\n\n<p></p><br><br><div><p>第二段</p></div>  </div>"
    result = extract_html(markup)
    assert result.text == "第一段\n第二段"
    i = result.text.index("\n")
    assert result.offsets.starts[i] == result.offsets.ends[i]
    assert markup[result.offsets.starts[i]:].startswith("</p>")


def test_a_table_row_of_inline_cells_is_one_markdown_row() -> None:
    markup = ("<p>各区新建充电站</p><table><tr><th>地区</th><th>新建</th></tr>"
              "<tr><td> 昆都仑区 </td><td>20座</td></tr><tr><td>合计</td><td>50座</td></tr></table><p>完</p>")
    result = extract_html(markup)
    assert result.text == "各区新建充电站\n| 地区 | 新建 |\n| 昆都仑区 | 20座 |\n| 合计 | 50座 |\n完"
    assert_exact(markup, result.text, result.offsets.starts, result.offsets.ends)
    start, end = result.offsets.span(result.text.index("50座"), result.text.index("50座") + 3)
    assert markup[start:end] == "50座"


def test_a_table_row_with_blocks_in_its_cells_stays_in_lines() -> None:
    markup = "<table><tr><td><p>昆都仑区</p></td><td><p>20座</p></td></tr></table>"
    assert extract_html(markup).text == "昆都仑区\n20座"


def test_inline_tags_do_not_break_and_whitespace_collapses() -> None:
    markup = "<p>增长<b> 8.2</b>% ,\t\r\n<span>同比</span>提高</p>"
    assert extract_html(markup).text == "增长 8.2% , 同比提高"


def test_nested_boilerplate_is_removed() -> None:
    markup = """<body><nav><ul><li>导航一</li><li>导航二<div><p>导航三</p></div></li></ul></nav>
    <main><p>正文第一段，全市新增就业岗位1.2万个。</p>
    <aside><div><p>侧栏内容</p></div></aside>
    <script>document.write("<p>脚本输出</p>")</script><noscript>请启用脚本</noscript>
    <p>正文第二段。</p><form><select><option>选项</option></select><button>提交</button></form></main>
    <footer><div><p>版权所有</p></div></footer></body>"""
    text = extract_html(markup).text
    assert text == "正文第一段，全市新增就业岗位1.2万个。\n正文第二段。"


def test_article_header_kept_site_header_dropped() -> None:
    markup = """<body><header><h1>某某市人民政府</h1><p>网站首页</p></header>
    <article><header><h1>文章标题</h1><time>2024-12-11</time></header>
    <p>正文内容，今年新增城镇就业1.2万人。</p></article></body>"""
    result = extract_html(markup)
    assert result.text == "文章标题\n2024-12-11\n正文内容，今年新增城镇就业1.2万人。"
    assert result.title == "文章标题"


def test_class_keywords_match_whole_words_only() -> None:
    markup = """<body class="nav-open"><div class="content-main">
    <div class="subheader-title">小标题</div><div class="navigation-bar">导航</div>
    <div class="shareBox">分享</div><div class="header">页眉</div>
    <p>正文内容保留。</p></div></body>"""
    assert extract_html(markup).text == "小标题\n正文内容保留。"


def test_content_container_preferred_over_other_text() -> None:
    sidebar = "<div class='intro'><p>" + "本站介绍文字不属于文章。" * 8 + "</p></div>"
    body = "".join(f"<p>第{i}段：全市完成植树造林{i}万亩，森林覆盖率稳步提升。</p>" for i in range(9))
    markup = f"<body>{sidebar}<div class='wrap'><div id='zoom'>{body}</div></div></body>"
    text = extract_html(markup).text
    assert "本站介绍" not in text
    assert text.startswith("第0段：") and text.endswith("第8段：全市完成植树造林8万亩，森林覆盖率稳步提升。")


def test_core_keeps_nearby_headline_and_date_line() -> None:
    body = "<p>" + "城市更新行动持续推进，" * 20 + "</p>"
    markup = (
        "<body><div class='links'><p>" + "友情链接介绍文字。" * 30 + "</p></div>"
        "<div class='box'><h2>标题</h2><p>发布日期:2024-01-05</p>"
        f"<div class='TRS_Editor'>{body}</div></div>"
        "</body>"
    )
    text = extract_html(markup).text
    assert text.startswith("标题\n发布日期:2024-01-05\n城市更新行动")
    assert "友情链接" not in text


def test_link_dense_menu_removed_without_container() -> None:
    markup = """<body>
    <div class="top-links"><a href="/a">首页</a> | <a href="/b">机构概况</a> | <a href="/c">政策文件</a></div>
    <table><tr><td><a href="/d">信息公开</a></td><td><a href="/e">办事服务</a></td></tr></table>
    <div class="text"><p>全市生产总值增长6.1%，规模以上工业增加值增长9.3%。</p>
    <p>详见<a href="/f.pdf">统计公报全文</a>及附表，数据来源于市统计局年度统计调查。</p></div>
    </body>"""
    text = extract_html(markup).text
    assert text == (
        "全市生产总值增长6.1%，规模以上工业增加值增长9.3%。\n"
        "详见统计公报全文及附表，数据来源于市统计局年度统计调查。"
    )


@pytest.mark.parametrize(
    "markup, expected",
    [
        ("", ""),
        ("<html><head><title>空</title></head><body></body></html>", ""),
        ("<br><hr><img src=a.png><!-- 只有注释 -->", ""),
        ("只有文字，没有标签。", "只有文字，没有标签。"),
        ("<p>第一段<p>第二段<ul><li>甲<li>乙</ul>", "第一段\n第二段\n甲\n乙"),
        ("</div></p>游离的结束标签</span><p>正文", "游离的结束标签\n正文"),
        ("<DIV CLASS=zoom><P>大写标签</P></DIV>", "大写标签"),
        ("<p class=a id=b data-x=1>无引号属性</p>", "无引号属性"),
        ("<script>if (a < b) { x = '</div>'; }</script><p>脚本之后</p>", "脚本之后"),
        ("<p>前<![CDATA[数据段]]>后</p>", "前后"),
        ("<p>条件<![if !IE]>注释<![endif]>之后</p>", "条件注释之后"),
        ("<p>未知段<![foo[ x ]]>之后</p>", "未知段之后"),
        ("<p>未闭合<div", "未闭合"),
        ("<p>a < b & c</p>", "a < b & c"),
        ("<title>标题</title>正文在head之后", "正文在head之后"),
    ],
)
def test_malformed_input(markup: str, expected: str) -> None:
    result = extract_html(markup)
    assert result.text == expected
    assert len(result.offsets) == len(result.text)
    assert_exact(markup, result.text, result.offsets.starts, result.offsets.ends)


def test_deep_unclosed_nesting_does_not_recurse() -> None:
    markup = "<div>" * 5000 + "<span>" * 5000 + "深层文字"
    assert extract_html(markup).text == "深层文字"


@pytest.mark.parametrize(
    "head, expected",
    [
        ('<meta property="og:title" content="通知 - 某某网"><title>别的_站点</title>', "通知"),
        ("<title>关于做好冬季供暖工作的通知_乌海市人民政府</title>", "关于做好冬季供暖工作的通知"),
        ("<title>A_B | 某某政府网</title>", "A_B"),
        ("<title>乌海市人民政府</title>", "乌海市人民政府"),
        ("<title>&lt;标题&gt;</title>", "<标题>"),
    ],
)
def test_title_sources(head: str, expected: str) -> None:
    assert extract_html(f"<html><head>{head}</head><body><p>正文</p></body></html>").title == expected


def test_title_prefers_h1_over_title_element() -> None:
    markup = "<title>站点_网站</title><body><h1> 文章 标题 </h1><p>正文</p></body>"
    assert extract_html(markup).title == "文章 标题"


def test_published_meta_names() -> None:
    for name in ("publishdate", "pubdate", "article:published_time", "weibo: article:create_at"):
        attribute = "property" if ":" in name and " " not in name else "name"
        markup = f'<head><meta {attribute}="{name}" content="2024-12-11"></head><p>正文</p>'
        assert extract_html(markup).published == "2024-12-11"
    assert extract_html("<p>正文</p>").published is None
    assert extract_html("<p>正文</p>").title is None


def test_a_one_megabyte_page_is_read_whole() -> None:
    """Every repeat of the article survives; the time it takes is benchmarks/bench_html.py's."""
    markup = GOV_PAGE.replace("<div id=\"zoom\"", "<div") * (1_000_000 // len(GOV_PAGE))
    result = extract_html(markup)
    assert result.text.count("惠及53.21万人") == 1_000_000 // len(GOV_PAGE)


def test_an_html_table_total_row_is_checked_against_its_rows(tmp_path) -> None:
    import pipeline
    from checks.config import Config

    page = tmp_path / "table.html"
    page.write_text("<p>2024年各区新建充电站</p><table><tr><th>地区</th><th>新建充电站</th></tr>"
                    "<tr><td>昆都仑区</td><td>20座</td></tr><tr><td>青山区</td><td>15座</td></tr>"
                    "<tr><td>合计</td><td>50座</td></tr></table>", encoding="utf-8")
    documents = pipeline.read([page])
    findings = pipeline.check(pipeline.extract(documents), Config(select=("AR01",))).findings
    assert [documents[0].original[f.start:f.end] for f in findings] == ["50座"]
