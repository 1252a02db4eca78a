"""Numbered measures on notice layouts the seed pages do not show (extract/measures.py).

Each text is written the way gov.cn and provincial sites print notices, 实施意见, 工作方案 and
meeting readouts; the expected values follow fixtures/gold/README.md (levels 一、=1, （一）=2,
1./1、=3, （1）=4; 一是/第一， one deeper than their parent; heading = the lead phrase up to the
first 。；： when the item opens with one).
"""
from __future__ import annotations

import pytest

import policyextract


def _measures(text: str):
    docs = policyextract.parse(text).documents
    assert len(docs) == 1
    return docs[0].measures


def _flat(measures, depth=0):
    for m in measures:
        yield depth, m
        yield from _flat(m.children, depth + 1)


def _rows(text: str):
    """(depth, level, label, heading) for every measure, in order."""
    return [(d, m.level, m.label, m.heading) for d, m in _flat(_measures(text))]


IMPLEMENTATION_OPINION = """关于进一步做好稳就业工作的实施意见
各市、县（市、区）人民政府，省政府各部门、各直属机构：
为深入贯彻落实党中央、国务院决策部署，全力做好稳就业工作，结合我省实际，提出如下实施意见。
一、总体要求
以习近平新时代中国特色社会主义思想为指导，坚持把就业工作摆在更加突出的位置。
二、重点任务
（一）支持企业稳定岗位。对不裁员或少裁员的参保企业，返还其上年度实际缴纳失业保险费的50%。
1.加大稳岗返还力度。对中小微企业返还比例最高可提至90%，所需资金从失业保险基金列支。
2.降低社保费率。阶段性降低失业保险费率至1%，执行期限延长至2021年4月30日。
（1）对招用登记失业人员的小微企业，给予每人1.5万元的一次性吸纳就业补贴。
（2）按照（一）项要求落实的企业，可按规定享受税收优惠。
（二）拓宽就业渠道
1、鼓励创业带动就业。对首次创业的高校毕业生给予1万元创业补贴，增长2.3%的部分由财政承担。
2、扩大公益性岗位安置。各地要统筹开发一批公益性岗位，优先安置就业困难人员。
三、保障措施
（一）加强组织领导。各级政府要把稳就业作为重中之重，主要负责同志亲自抓。
（二）强化资金保障。依照《条例》第1.2条规定执行，确保资金及时足额到位。
附件：1.稳岗返还申请表
2.一次性吸纳就业补贴申请表
XX省人民政府
2020年5月6日
"""


def test_mixed_levels_make_one_tree():
    assert _rows(IMPLEMENTATION_OPINION) == [
        (0, 1, "一、", "总体要求"),
        (0, 1, "二、", "重点任务"),
        (1, 2, "(一)", "支持企业稳定岗位"),
        (2, 3, "1.", "加大稳岗返还力度"),
        (2, 3, "2.", "降低社保费率"),
        (3, 4, "(1)", None),
        (3, 4, "(2)", None),
        (1, 2, "(二)", "拓宽就业渠道"),
        (2, 3, "1、", "鼓励创业带动就业"),
        (2, 3, "2、", "扩大公益性岗位安置"),
        (0, 1, "三、", "保障措施"),
        (1, 2, "(一)", "加强组织领导"),
        (1, 2, "(二)", "强化资金保障"),
    ]


def test_attachment_list_ends_the_last_item():
    last = _measures(IMPLEMENTATION_OPINION)[-1].children[-1]
    assert last.text == "(二)强化资金保障。依照《条例》第1.2条规定执行,确保资金及时足额到位。"


@pytest.mark.parametrize("line,labels", [
    ("1、各地要落实一、二级医院的功能定位，三级医院要减少普通门诊。", ["1、"]),
    ("2、对第3、4季度考核不合格的单位予以通报。", ["2、"]),
    ("3、坚持一是一、二是二的工作作风，如实报告情况。", ["3、"]),
    ("4、给予每人1.5万元补贴，增长2.3%的部分由财政承担。", ["4、"]),
    ("5、依照《条例》第1.2条规定执行。", ["5、"]),
    ("6、按照（一）项要求落实的企业，可按规定享受税收优惠。", ["6、"]),
    ("7、各地在第一、二季度完成摸底排查。", ["7、"]),
], ids=["one-two-grade", "quarters-3-4", "idiom-yishiyi", "amounts", "article-1.2", "reference-(一)", "di-yi-er-quarter"])
def test_numerals_inside_a_sentence_are_not_labels(line, labels):
    prefix = "关于做好医疗机构管理工作的通知\n各县（市、区）卫生健康局：\n"
    body = "".join(f"{k}、第{k}项工作安排。\n" for k in range(1, int(line[0])))
    ms = _measures(prefix + body + line + "\n")
    assert [m.label for m in ms][-1:] == labels
    assert len(ms) == int(line[0])


@pytest.mark.parametrize("text,expected", [
    ("会议确定，一是加大出口信用保险支持力度，扩大承保规模。二是加快海外仓发展。三是进一步便利跨境贸易。",
     [(1, "一是"), (1, "二是"), (1, "三是")]),
    ("会议强调，一是压实党政领导责任，二是压实部门监管责任，三是压实企业主体责任。",
     [(1, "一是"), (1, "二是"), (1, "三是")]),
    ("会议强调，第一，要抓好疫情防控，第二，要抓好复工复产，第三，要抓好民生保障。",
     [(1, "第一,"), (1, "第二,"), (1, "第三,")]),
    ("会议指出，统一是前提，协同是关键。", []),
], ids=["opened-after-comma", "continued-after-commas", "di-yi-after-comma", "no-list"])
def test_readout_list_after_a_comma(text, expected):
    page = "国务院常务会议部署稳外贸稳外资举措\n" + text + "\n会议还研究了其他事项。\n"
    assert [(m.level, m.label) for m in _measures(page)] == expected


def test_yi_shi_list_nests_in_a_di_yi_paragraph():
    page = ("省政府召开全省安全生产电视电话会议\n会议要求，要重点抓好以下几方面工作。\n"
            "第一，压实安全生产责任。一是压实党政领导责任，二是压实部门监管责任，三是压实企业主体责任。\n"
            "第二，深化专项整治。要聚焦危化品、矿山等重点行业领域，开展专项整治。\n")
    assert _rows(page) == [
        (0, 1, "第一,", "压实安全生产责任"),
        (1, 2, "一是", None),
        (1, 2, "二是", None),
        (1, 2, "三是", None),
        (0, 1, "第二,", "深化专项整治"),
    ]


COLLAPSED = ("关于做好春节期间疫情防控工作的通知\n各区县：\n"
             "一、严格落实防控措施一是加强人员排查，对返乡人员逐一登记。二是做好重点场所消杀，每日不少于2次。"
             "二、做好物资保障（一）储备防疫物资。各区县要储备不少于30天的防疫物资。（二）保障生活物资供应。确保米面粮油价格稳定。"
             "三、加强值班值守各单位要严格执行24小时值班制度，确保信息畅通。\n")


def test_collapsed_page_first_child_after_a_bare_heading():
    assert _rows(COLLAPSED) == [
        (0, 1, "一、", "严格落实防控措施"),
        (1, 2, "一是", None),
        (1, 2, "二是", None),
        (0, 1, "二、", "做好物资保障"),
        (1, 2, "(一)", "储备防疫物资"),
        (1, 2, "(二)", "保障生活物资供应"),
        (0, 1, "三、", "加强值班值守"),
    ]


def test_collapsed_page_single_child_after_a_bare_heading():
    page = ("关于加强新时代文明实践工作的实施方案\n一、重点任务（一）理想信念教育。深化中国梦学习宣传教育。"
            "（二）文明培育1.加强思想道德建设。贯彻《新时代公民道德建设实施纲要》。\n")
    assert _rows(page) == [
        (0, 1, "一、", "重点任务"),
        (1, 2, "(一)", "理想信念教育"),
        (1, 2, "(二)", "文明培育"),
        (2, 3, "1.", "加强思想道德建设"),
    ]


def test_collapsed_page_label_after_a_colon():
    page = ("关于做好2022年春季学期开学工作的通知 各县（市、区）教育局：为做好春季学期开学工作，现将有关事项通知如下："
            "1.严格落实返校条件。师生返校前14天要做好健康监测。2.做好校园环境整治。开学前要对校园进行全面清洁消毒。"
            "（1）教室、宿舍每日通风不少于3次。（2）食堂餐具每餐消毒。3.加强应急处置。各校要制定应急预案。\n")
    assert [(d, m.level, m.label) for d, m in _flat(_measures(page))] == [
        (0, 3, "1."), (0, 3, "2."), (1, 4, "(1)"), (1, 4, "(2)"), (0, 3, "3."),
    ]


@pytest.mark.parametrize("item,heading", [
    ("一、高度重视安全生产 各乡镇要切实提高政治站位，把安全生产摆在突出位置。", "高度重视安全生产"),
    ("一、全面排查隐患\u3000要组织力量对辖区内企业开展拉网式排查，做到不留死角。", "全面排查隐患"),
    ("一、提高政治站位，坚决克服形式主义、官僚主义 各地要深入学习习近平总书记重要指示精神。", "提高政治站位,坚决克服形式主义、官僚主义"),
    ("一、2021年 全县地区生产总值增长8.2%，高于全市平均水平。", None),
    ("一、市人民医院 感染科", None),
], ids=["ascii-space", "ideographic-space", "parallel-heading", "year-then-space", "name-list"])
def test_heading_then_a_space_then_the_body(item, heading):
    page = "关于加强安全生产工作的通知\n各乡镇人民政府：\n" + item + "\n二、严格落实责任。要落实企业主体责任。\n"
    assert _measures(page)[0].heading == heading


def test_list_of_names_carries_no_heading():
    page = ("关于表彰2021年度先进个人的决定\n各单位：\n一、先进个人\n1.张三 市卫健委\n2.李四明 市疾控中心\n"
            "二、工作要求 各单位要以先进为榜样，再接再厉。\n")
    assert _rows(page) == [
        (0, 1, "一、", "先进个人"), (1, 3, "1.", None), (1, 3, "2.", None), (0, 1, "二、", "工作要求"),
    ]


@pytest.mark.parametrize("item,heading", [
    ("1.本文概述在《疫情下医疗机构感染控制的思考》一文中，作者分析了面临的挑战。", "本文概述"),
    ("1.医疗机构感染控制现状分析随着疫情的全球大流行，感染控制呈现出许多特点。", "医疗机构感染控制现状分析"),
    ("1.感染控制面临的挑战在新型冠状病毒肺炎疫情形势下，医疗机构面临一系列严峻挑战。", "感染控制面临的挑战"),
    ("1.强化组织保障各区、各部门要切实加强组织领导，明确责任分工。", "强化组织保障"),
    ("1.健全联防联控工作机制按照分级负责的原则，明确各方职责。", "健全联防联控工作机制"),
    ("1.指导思想以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。", "指导思想"),
    ("1.工作目标到2025年，农业农村现代化取得重要进展。", "工作目标"),
    ("1.发展乡村产业为深入推进农业供给侧结构性改革，大力发展特色产业。", "发展乡村产业"),
    ("1.加强人才支撑当前，乡村人才短缺问题突出。", "加强人才支撑"),
    ("1.基本情况2021年，全县实现地区生产总值150.6亿元，同比增长8.2%。", "基本情况"),
    ("1.主要做法截至2021年11月底，累计完成投资32.5亿元。", "主要做法"),
    ("1.提高政治站位，坚决克服形式主义、官僚主义各地要深入学习习近平总书记重要指示精神。",
     "提高政治站位,坚决克服形式主义、官僚主义"),  # headings are normalised text (NFKC)
    ("1.加强部门沟通，实现信息与数据共享在疫情防控工作中，各部门要强化数据共享。", "加强部门沟通,实现信息与数据共享"),
    ("1.完善监测预警机制各医疗卫生单位要以“四类人员”为重点，实行早发现、早报告。", "完善监测预警机制"),
], ids=["zai-zhong", "suizhe", "zai-xia", "gedi-yao", "anzhao", "yi-wei-zhidao", "dao-2025", "wei-shenru", "dangqian",
        "year", "jiezhi-month", "parallel-heading-gedi", "parallel-heading-zai",
        "ge-danwei-yao"])
def test_heading_run_into_its_body_ends_at_a_sentence_opener(item, heading):
    page = "关于加强医疗机构感染控制工作的通知\n各医疗机构：\n" + item + "\n2.其他事项。另行通知。\n"
    assert _measures(page)[0].heading == heading


@pytest.mark.parametrize("item", [
    "（一）社区卫生服务中心根据疫情防控需要，合理安排门诊时间。",
    "（一）各级医疗机构在疫情防控期间，要严格落实预检分诊制度。",
    "（一）积极支持各地要素市场化配置改革，促进要素自由流动。",
    "（一）统筹做好当前疫情防控和经济社会发展工作，在确保安全的前提下，有序推动复工复产。",
    "（一）坚持在发展中保障和改善民生，按照尽力而为、量力而行的原则，办好民生实事。",
    "（一）督促指导各地各部门落实防控责任，各地要每日报送工作进展。",
    "（一）全面落实以奖代补政策为主线的扶持机制，确保资金到位。",
    "（一）统筹做好为民服务，到2025年实现全覆盖。",
    "（一）完成2021年重点任务，确保全年目标实现。",
    "（一）坚持统筹兼顾，在做好疫情防控的前提下，有序推进复工复产。",
    "（一）加强组织领导，各地要成立工作专班。",
    "（一）统筹各方资源要素，全力保障重点项目建设。",
    "（一）做好各项工作应急准备，确保关键时刻拉得出、用得上。",
    "（一）严格落实各级领导干部须知事项，规范从政行为。",
    "（一）各地要加强统筹在疫情防控期间，确保物资供应。",
], ids=["subject-genju", "subject-zai", "yaosu", "zai-qianti-after-comma", "zai-fazhanzhong", "gedi-after-comma",
        "yi-wei-zhuxian-de", "dao-after-comma", "year-inside-heading", "comma-then-zai", "comma-then-gedi",
        "ge-yaosu", "ge-yingji", "ge-xuzhi", "opens-with-gedi-yao"])
def test_single_sentence_item_keeps_no_heading(item):
    page = "关于做好当前重点工作的通知\n各单位：\n" + item + "\n（二）其他事项另行通知。\n"
    assert _measures(page)[0].heading is None


def test_heading_line_opening_with_a_year():
    page = ("XX县2021年工作总结和2022年工作安排\n一、2021年工作开展情况\n今年以来，我县坚持稳中求进工作总基调。\n"
            "（一）经济运行稳中向好。全年实现地区生产总值150.6亿元，增长8.2%。\n"
            "二、2022年工作安排\n（一）聚焦项目建设。谋划储备一批重大项目。\n")
    assert [(d, m.label, m.heading) for d, m in _flat(_measures(page))] == [
        (0, "一、", "2021年工作开展情况"),
        (1, "(一)", "经济运行稳中向好"),
        (0, "二、", "2022年工作安排"),
        (1, "(一)", "聚焦项目建设"),
    ]


@pytest.mark.parametrize("attachments,head", [
    ("附件：1.XX项目资金管理细则\n      2.XX项目验收细则\n", "附件{}"),
    ("附件：\n1.XX项目资金管理细则\n2.XX项目验收细则\nXX市财政局\n2021年5月8日\n", "附件{}"),
    ("附件：1.XX项目资金管理细则\n      2.XX项目验收细则\n", "附件{}："),
], ids=["list-on-its-line", "list-below-with-signature", "attached-text-head-with-colon"])
def test_attachment_list_skipped_attached_texts_kept(attachments, head):
    page = ("关于印发两个实施细则的通知\n各有关单位：\n现将有关细则印发给你们，请遵照执行。\n" + attachments
            + head.format(1) + "\nXX项目资金管理细则\n一、资金来源\n省级财政专项资金。\n二、使用范围\n（一）设备购置。\n"
            "（二）人员培训。\n" + head.format(2) + "\nXX项目验收细则\n一、验收组织\n由市局统一组织。\n")
    assert [(d, m.label) for d, m in _flat(_measures(page))] == [
        (0, "一、"), (0, "二、"), (1, "(一)"), (1, "(二)"), (0, "一、"),
    ]


def test_items_of_an_article_end_at_the_next_article():
    page = ("XX省物业管理条例\n第一章 总则\n第一条 为了规范物业管理活动，制定本条例。\n"
            "第三条 业主在物业管理活动中，享有下列权利：\n（一）按照物业服务合同的约定，接受物业服务；\n"
            "（二）参加业主大会会议，行使投票权。\n第四条 业主应当履行下列义务：\n（一）遵守管理规约；\n")
    ms = _measures(page)
    assert [(m.level, m.label) for m in ms] == [(2, "(一)"), (2, "(二)"), (2, "(一)")]
    assert ms[1].text == "(二)参加业主大会会议,行使投票权。"


@pytest.mark.parametrize("labels,expected", [
    (["１．", "２．"], ["1.", "2."]),
    (["1、", "2、"], ["1、", "2、"]),
    (["1．", "2．"], ["1.", "2."]),
    (["(1)", "(2)"], ["(1)", "(2)"]),
    (["（1）", "（2）"], ["(1)", "(2)"]),
    (["⒈", "⒉"], ["1.", "2."]),
    (["⑴", "⑵"], ["(1)", "(2)"]),
    (["㈠", "㈡"], ["(一)", "(二)"]),
], ids=["fullwidth-digits", "dun-hao", "fullwidth-dot", "ascii-parens", "fullwidth-parens",
        "digit-full-stop-chars", "parenthesized-digit-chars", "parenthesized-ideograph-chars"])
def test_label_forms(labels, expected):
    page = "关于开展安全生产大检查的通知\n各有关单位：\n" + "".join(
        f"{lab}检查内容。重点检查第{k}项责任落实情况。\n" for k, lab in enumerate(labels, 1))
    ms = _measures(page)
    assert [m.label for m in ms] == expected
    assert [m.source[:len(lab)] for m, lab in zip(ms, labels)] == labels
    assert len({m.level for m in ms}) == 1


@pytest.mark.parametrize("page", [IMPLEMENTATION_OPINION, COLLAPSED], ids=["lines", "collapsed"])
def test_spans_slice_back(page):
    result = policyextract.parse(page)
    for _, m in _flat(result.documents[0].measures):
        assert result.text[m.span[0]:m.span[1]] == m.source


@pytest.mark.parametrize("line", [
    "一、按照本通知第（一）项规定执行，第（二）项另行规定。",
    "一、落实相关政策按照（一）（二）项要求执行的企业，可享受优惠。",
    "一、依照第（一）至（三）款的规定办理。",
], ids=["di-(一)-xiang", "(一)(二)-xiang", "(一)-zhi-(三)-kuan"])
def test_bracketed_references_are_not_labels(line):
    page = "关于落实减税降费政策的通知\n各有关单位：\n" + line + "\n二、其他事项另行通知。\n"
    assert [(d, m.label) for d, m in _flat(_measures(page))] == [(0, "一、"), (0, "二、")]


def test_labels_after_a_space_where_line_breaks_became_spaces():
    page = ("关于做好春节期间疫情防控工作的通知\n各区县：\n"
            "一、做好物资保障 （一）储备防疫物资 各区县要储备不少于30天的防疫物资 （二）保障生活物资供应 确保价格稳定 "
            "（三）按照 （四）项要求执行\n")
    assert _rows(page) == [
        (0, 1, "一、", "做好物资保障"),
        (1, 2, "(一)", "储备防疫物资"),
        (1, 2, "(二)", None),
        (1, 2, "(三)", None),
    ]
