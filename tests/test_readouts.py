"""Officials and meetings on readout sentences written the way government sites write them
(not from the seed pages): 国务院常务会议, 省委常委会会议, 市政府常务会议, 专题会/调度会/电视电话会议
readouts, with the gold conventions of fixtures/gold/README.md."""
from __future__ import annotations

import pytest

import policyextract


def officials(text: str) -> dict:
    """name -> titles of the officials of the parsed ``text`` (all documents)."""
    out: dict = {}
    for doc in policyextract.parse(text).documents:
        for o in doc.officials:
            out.setdefault(o.name, []).extend(t for t in o.titles if t not in out.get(o.name, []))
    return out


def meetings(text: str) -> list:
    """(date, chair, {attendee: role}) of every meeting of the parsed ``text``."""
    return [(m.date, m.chair, {a.name: a.role for a in m.attendees})
            for d in policyextract.parse(text).documents for m in d.meetings]


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("text, name, titles", [
    # 中/才 are common in given names
    ("3月15日，省委书记黄坤明主持会议。省领导王伟中、林克庆、张福海出席会议。", "王伟中", ["省领导"]),
    ("2024年7月12日，国务院总理李强主持召开国务院常务会议。国务院副总理刘国中出席会议。", "刘国中", ["国务院副总理"]),
    ("2024年8月9日，县长马晓东主持召开县政府常务会议，副县长王德才出席会议。", "王德才", ["副县长"]),
    ("2024年7月8日，市委书记王学斌主持召开市委常委会会议，市政协主席吴再明出席。", "吴再明", ["市政协主席"]),
])
def test_given_names_with_common_function_chars(text, name, titles):
    assert officials(text)[name] == titles


@pytest.mark.parametrize("text, name, titles", [
    ("2024年5月16日，省委常委、常务副省长王浩主持召开全省重大项目推进会。", "王浩", ["省委常委", "常务副省长"]),
    ("2024年5月20日，区委副书记张建出席会议。", "张建", ["区委副书记"]),
])
def test_post_heads_are_not_names(text, name, titles):
    got = officials(text)
    assert got == {name: titles}


# --------------------------------------------------------------------------- meetings

@pytest.mark.parametrize("text, want", [
    # an attendance written before the sentence's 主持 still belongs to the meeting
    ("2024年6月18日下午，省政府召开全省防汛工作视频调度会议。省长许昆林出席并讲话，副省长胡广杰主持会议，"
     "省政府秘书长陈少军参加会议。",
     [("2024-06-18", "胡广杰", {"许昆林": "出席", "陈少军": "参加"})]),
    ("2024年7月12日，李强在北京主持召开国务院常务会议。丁薛祥、张国清、刘国中出席会议。",
     [("2024-07-12", "李强", {"丁薛祥": "出席", "张国清": "出席", "刘国中": "出席"})]),
])
def test_attendees_of_a_readout(text, want):
    assert meetings(text) == want


@pytest.mark.parametrize("text, name, titles", [
    ("2024年1月18日，自治区党委书记马兴瑞主持召开座谈会，自治区主席艾尔肯·吐尼亚孜，自治区领导李邑飞出席。",
     "艾尔肯·吐尼亚孜", ["自治区主席"]),
    ("2024年5月20日，区委书记买买提·艾力主持召开区委常委会会议，区长古丽娜尔·吐尔逊出席会议。",
     "古丽娜尔·吐尔逊", ["区长"]),
    ("2024年5月20日，区委书记买买提·艾力主持召开区委常委会会议。", "买买提·艾力", ["区委书记"]),
    # 都 inside a transliterated name is no boundary
    ("2024年5月21日，县长阿不都热依木·阿不都克力木主持召开县政府常务会议。", "阿不都热依木·阿不都克力木", ["县长"]),
    ("2024年6月3日，吐尔洪•阿不都热依木同志主持会议。", "吐尔洪•阿不都热依木", []),
])
def test_dotted_names(text, name, titles):
    assert officials(text)[name] == titles


def test_dotted_names_as_chair_and_attendee():
    text = ("2024年5月20日，区委书记买买提·艾力主持召开区委常委会会议，区长古丽娜尔·吐尔逊、"
            "区委副书记张建出席会议。")
    assert meetings(text) == [("2024-05-20", "买买提·艾力", {"古丽娜尔·吐尔逊": "出席", "张建": "出席"})]


@pytest.mark.parametrize("text, want", [
    # "Y会议由X主持" with no convening verb
    ("（2024年1月10日）市长办公会议由市长李明主持，副市长王刚、赵丽，市长助理孙伟参加。",
     [("2024-01-10", "李明", {"王刚": "参加", "赵丽": "参加", "孙伟": "参加"})]),
    # attending a dated meeting says it was held; its chair comes later
    ("2024年6月1日，钟南山院士、李兰娟院士出席座谈会。会议由国家卫生健康委主任马晓伟主持。",
     [("2024-06-01", "马晓伟", {"钟南山": "出席", "李兰娟": "出席"})]),
])
def test_meetings_without_convening_verb(text, want):
    assert meetings(text) == want


@pytest.mark.parametrize("text", [
    "2024年3月5日，各地要组织干部参加培训会议，市长王刚要求各部门主要负责同志参加会议。",
    "通知要求，2024年3月10日前，各单位主要负责同志须出席全市工作会议。",
    "2024年9月12日，国家主席习近平在人民大会堂会见美国国务卿布林肯。王毅参加会见。",
    "2024年9月10日，省委书记梁言顺在宜宾调研。副省长左永祥陪同调研。",
    "会议指出，2024年要召开全省工作会议，由省长李华主持。",
    "2024年4月1日，张勇说：“我们参加了很多次座谈会。”",
])
def test_no_meeting_in_plans_visits_and_speech(text):
    assert meetings(text) == []


@pytest.mark.parametrize("text, name, titles", [
    ("（2024年1月10日）市长办公会议由市长李明主持，市长助理孙伟参加。", "孙伟", ["市长助理"]),
    ("2024年5月9日，省委召开常委会议，省委书记信长星同志主持会议。", "信长星", ["省委书记"]),
])
def test_lexicon_rows(text, name, titles):
    assert officials(text)[name] == titles


@pytest.mark.parametrize("text, want", [
    ("2024年4月3日，市委书记 王刚 主持召开市委常委会会议。市长 李华 出席会议。",
     [("2024-04-03", "王刚", {"李华": "出席"})]),
    ("2024年4月3日上午，市委常委会召开会议，市委书记\u3000王刚\u3000主持会议。", [("2024-04-03", "王刚", {})]),
])
def test_space_between_post_and_name(text, want):
    assert meetings(text) == want


@pytest.mark.parametrize("text, want", [
    ("2024年6月12日，在王宁同志主持下，省委常委会召开会议，王予波同志出席。",
     [("2024-06-12", "王宁", {"王予波": "出席"})]),
])
def test_chair_written_before_the_meeting(text, want):
    assert meetings(text) == want


def test_attending_a_delegation_session_is_no_meeting():
    assert meetings("2024年3月9日上午，习近平总书记参加十四届全国人大二次会议江苏代表团审议。") == []


@pytest.mark.parametrize("text, name", [
    ("2024年8月30日，省长李炳军主持召开省政府常务会议，省领导吴胜华、陈少波、时光辉出席会议。", "时光辉"),
    ("2024年8月30日，市长李华主持召开市政府常务会议，副市长洪涛出席会议。", "洪涛"),
])
def test_surnames(text, name):
    assert name in officials(text)


@pytest.mark.parametrize("text, want", [
    ("2024年3月4日，市长刘洪建主持召开市政府常务会议，副市长马凯以视频方式参加会议。",
     [("2024-03-04", "刘洪建", {"马凯": "视频连线"})]),
    ("2024年3月4日上午，省委书记王宁主持召开省委常委会会议。省委副书记、省长王予波，省委副书记石玉钢通过视频连线参加会议。",
     [("2024-03-04", "王宁", {"王予波": "视频连线", "石玉钢": "视频连线"})]),
])
def test_video_link_attendees(text, want):
    assert meetings(text) == want


def test_attendees_listed_after_haiyou():
    # "出席会议的还有…": the list after 还有 is attendees, 还有 is no part of their title
    text = ("2024年5月6日，县委书记张华主持召开县委常委会会议。县人大常委会主任刘建华、县政协主席陈志强列席会议。"
            "出席会议的还有县委常委赵刚、孙丽。")
    assert meetings(text) == [("2024-05-06", "张华", {"刘建华": "列席", "陈志强": "列席", "赵刚": "出席", "孙丽": "出席"})]
    assert officials(text)["赵刚"] == ["县委常委"]


@pytest.mark.parametrize("text, name, titles", [
    ("2024年4月1日下午，刘强书记主持召开专题会议，张平县长、王勇副县长参加会议。", "王勇", ["副县长"]),
    ("2024年4月1日，王刚副市长主持召开专题会议。", "王刚", ["副市长"]),
    ("2024年4月1日，李华秘书长出席会议。", "李华", ["秘书长"]),
])
def test_post_written_after_the_name(text, name, titles):
    assert officials(text)[name] == titles


def test_placeholders_attending_make_no_meeting():
    assert meetings("2024年3月12日，张某某、李某参加会议。") == []


@pytest.mark.parametrize("text, name, titles", [
    ("2024年1月11日，自治区主席嘎玛泽登主持召开自治区政府常务会议。", "嘎玛泽登", ["自治区主席"]),
    ("2024年1月12日，州委书记尼玛次仁主持召开州委常委会会议。", "尼玛次仁", ["州委书记"]),
    ("2024年1月10日，自治区党委书记王君正主持召开自治区党委常委会会议，自治区党委副书记、拉萨市委书记洛桑江村出席会议。",
     "洛桑江村", ["自治区党委副书记", "拉萨市委书记"]),
])
def test_names_without_han_surname_after_a_post(text, name, titles):
    # read where the NER model tags a person right after a post
    assert officials(text)[name] == titles


@pytest.mark.parametrize("text, name, titles", [
    # the name follows a word that is no delimiter: read by the model, the post after it is a title
    ("2024年4月26日，省长赵刚主持召开省政府常务会议。会议要求，要落实好李强总理在国务院常务会议上的部署要求。",
     "李强", ["总理"]),
])
def test_post_after_a_name_read_by_the_model(text, name, titles):
    assert officials(text)[name] == titles


def test_post_after_a_repeated_name_is_a_title():
    text = "2024年4月3日，省委书记王宁主持召开省委常委会会议。会议强调，要认真落实好王宁书记的要求。"
    assert officials(text)["王宁"] == ["省委书记", "书记"]


@pytest.mark.parametrize("text, want", [
    ("2024年4月3日，市政府召开第五次常务会议，会议由市委副书记、市长张伟主持，副市长李明，王芳，赵强出席会议。",
     [("2024-04-03", "张伟", {"李明": "出席", "王芳": "出席", "赵强": "出席"})]),
    ("2024年4月3日，市长张伟主持召开市政府常务会议，市委常委、常务副市长李明，王芳，赵强出席会议。",
     [("2024-04-03", "张伟", {"李明": "出席", "王芳": "出席", "赵强": "出席"})]),
])
def test_attendees_listed_with_commas(text, want):
    assert meetings(text) == want


@pytest.mark.parametrize("text, want", [
    ("2024年4月1日上午，省委书记王宁主持召开省委常委会会议；下午，王宁主持召开省委财经委员会会议，省长王予波出席。",
     [("2024-04-01", "王宁", {}), ("2024-04-01", "王宁", {"王予波": "出席"})]),
    ("领导活动\n2024年4月1日\n上午，市长张伟主持召开市政府党组会议，副市长李明参加。\n"
     "下午，张伟主持召开全市安全生产工作会议，副市长赵强出席。",
     [("2024-04-01", "张伟", {"李明": "参加"}), ("2024-04-01", "张伟", {"赵强": "出席"})]),
])
def test_same_chair_same_day_morning_and_afternoon_are_two_meetings(text, want):
    assert meetings(text) == want


@pytest.mark.parametrize("text, name, titles", [
    ("2024年4月1日，国务院副总理兼国务院办公厅主任张国清主持召开会议。", "张国清", ["国务院副总理", "国务院办公厅主任"]),
    ("2024年4月1日，市委副书记兼市委政法委书记刘强主持召开会议。", "刘强", ["市委副书记", "市委政法委书记"]),
])
def test_concurrent_posts_are_two_titles(text, name, titles):
    assert officials(text)[name] == titles


@pytest.mark.parametrize("text, titles", [
    ("2024年4月1日，省委副书记、省长，省政府党组书记王予波主持召开省政府党组会议。", ["省委副书记", "省长", "省政府党组书记"]),
    ("2024年4月1日，省长，省政府党组书记王予波主持召开省政府党组会议。", ["省长", "省政府党组书记"]),
])
def test_titles_clause_before_a_comma(text, titles):
    assert officials(text) == {"王予波": titles}
    assert meetings(text) == [("2024-04-01", "王予波", {})]


def test_names_listed_with_commas_keep_their_own_titles():
    got = officials("2024年4月1日上午，省委书记王宁，省长王予波出席会议。")
    assert got == {"王宁": ["省委书记"], "王予波": ["省长"]}


@pytest.mark.parametrize("text, want", [
    ("2024年4月1日，市长张伟主持召开市政府常务会议，李明、王芳等市领导出席。",
     [("2024-04-01", "张伟", {"李明": "出席", "王芳": "出席"})]),
    ("2024年4月1日，全国双拥模范城表彰大会在京举行。习近平、李强、赵乐际等党和国家领导人出席大会。",
     [("2024-04-01", None, {"习近平": "出席", "李强": "出席", "赵乐际": "出席"})]),
])
def test_enumeration_before_etc_and_a_collective_role(text, want):
    assert meetings(text) == want


@pytest.mark.parametrize("text, want", [
    ("2024年4月1日，省委书记王宁主持召开省委常委会，传达学习中央有关会议精神。省长王予波出席。",
     [("2024-04-01", "王宁", {"王予波": "出席"})]),
    ("2024年4月1日，市长李华主持召开市政府常务会，副市长王强出席。", [("2024-04-01", "李华", {"王强": "出席"})]),
    ("2024年4月1日，副省长张国华在昆明主持召开全省高标准农田建设现场会，省农业农村厅厅长谢晓玲参加。",
     [("2024-04-01", "张国华", {"谢晓玲": "参加"})]),
    ("2024年4月1日，局党委书记、局长王刚主持召开局党委会，局党委委员、副局长李明参加。",
     [("2024-04-01", "王刚", {"李明": "参加"})]),
])
def test_short_meeting_nouns(text, want):
    assert meetings(text) == want


def test_standing_committee_as_organ_is_no_meeting():
    assert meetings("2024年4月1日，全国人大常委会举行宪法宣誓仪式，委员长赵乐际监誓。") == []


def test_meeting_name_runs_past_an_organ_named_like_a_meeting():
    text = "2024年4月1日，全国人大常委会委员长赵乐际主持召开十四届全国人大常委会第二十九次委员长会议。"
    [m] = [m for d in policyextract.parse(text).documents for m in d.meetings]
    assert (m.chair, m.name) == ("赵乐际", "十四届全国人大常委会第二十九次委员长会议")


def test_two_char_names_with_zhong_or_cai_after_a_post():
    # 中/才 make a bare two-char candidate no name (过程中); after a post, the model decides
    got = officials("2024年4月1日，市长王中主持召开市政府常务会议，副市长李才出席。")
    assert got == {"王中": ["市长"], "李才": ["副市长"]}


def test_a_clause_ending_with_a_post_after_a_name_is_no_title_of_the_next_person():
    got = officials("2024年4月1日，王予波省长，省委副书记石玉钢出席会议。")
    assert got == {"王予波": ["省长"], "石玉钢": ["省委副书记"]}


@pytest.mark.parametrize("text, name, titles", [
    # organs listed before one post share it: one title
    ("2024年9月12日，王沪宁在北京会见台湾客人。中共中央台办、国务院台办主任宋涛参加会见。",
     "宋涛", ["中共中央台办、国务院台办主任"]),
    # "X在…陪同下": the title run stops at 在
    ("2024年3月18日，习近平在湖南省委书记沈晓明和省长毛伟明陪同下，先后来到常德、长沙等地考察调研。",
     "沈晓明", ["湖南省委书记"]),
])
def test_title_runs(text, name, titles):
    assert officials(text)[name] == titles


@pytest.mark.parametrize("text, want", [
    ("2024年4月1日，市长李华主持召开市政府常务会议。出席：王强、张军、赵刚。列席：刘明、陈红。",
     [("2024-04-01", "李华", {"王强": "出席", "张军": "出席", "赵刚": "出席", "刘明": "列席", "陈红": "列席"})]),
    ("2024年4月1日，市长李华主持召开市政府常务会议。参会人员：副市长王强、张军。",
     [("2024-04-01", "李华", {"王强": "参加", "张军": "参加"})]),
    ("2024年4月1日，市长李华主持召开市政府常务会议。出席：（按姓氏笔画为序）王强、张军。",
     [("2024-04-01", "李华", {"王强": "出席", "张军": "出席"})]),
    ("2024年4月1日，市长李华主持召开市政府常务会议。出席会议的领导：王强、张军。",
     [("2024-04-01", "李华", {"王强": "出席", "张军": "出席"})]),
    ("2024年4月1日，市长李华主持召开市政府常务会议。列席会议的同志：市发展改革委主任刘明，市财政局局长陈红。",
     [("2024-04-01", "李华", {"刘明": "列席", "陈红": "列席"})]),
])
def test_attendees_listed_after_a_colon(text, want):
    assert meetings(text) == want


def test_same_day_meetings_of_different_kinds_and_the_date_in_force():
    text = ("2024年4月1日，省长王予波主持召开省政府常务会议。\n同日，副省长张国华主持召开全省农业生产调度会。\n"
            "当天下午，王予波主持召开专题会议，副省长李石松参加。")
    assert meetings(text) == [("2024-04-01", "王予波", {}), ("2024-04-01", "张国华", {}),
                              ("2024-04-01", "王予波", {"李石松": "参加"})]


def test_enumeration_after_a_title_chain_shares_the_whole_chain():
    text = ("2024年4月1日，中共中央总书记习近平主持召开中央全面深化改革委员会第四次会议。中共中央政治局常委、"
            "中央全面深化改革委员会副主任李强、王沪宁、蔡奇出席会议。")
    got = officials(text)
    for name in ("李强", "王沪宁", "蔡奇"):
        assert got[name] == ["中共中央政治局常委", "中央全面深化改革委员会副主任"]


def test_attending_a_meeting_with_a_long_name():
    text = "2024年4月1日，国务院副总理刘国中在北京出席全国春季农业生产暨森林草原防灭火工作会议并讲话。"
    assert meetings(text) == [("2024-04-01", None, {"刘国中": "出席"})]


@pytest.mark.parametrize("text", [
    "欢迎使用市长信箱。书记信箱：mayor@example.gov.cn",
    "2024年4月1日，习近平在担任福州市委书记时期，就提出了要求。",
])
def test_words_after_a_post_that_open_with_a_surname_are_no_names(text):
    got = officials(text)
    assert not {"信箱", "时期"} & set(got)


def test_meeting_name_with_quotes():
    text = "2024年6月20日，国务院副总理张国清在河南郑州主持召开全国“三夏”生产工作现场推进会。"
    [m] = [m for d in policyextract.parse(text).documents for m in d.meetings]
    assert (m.date, m.chair, m.name) == ("2024-06-20", "张国清", "全国“三夏”生产工作现场推进会")


def test_collective_role_clause_inside_an_attendee_list():
    text = ("2024年6月20日，省委书记楼阳生主持召开省委常委会会议。省委副书记、省长王凯，省委常委，"
            "省人大常委会、省政府、省政协党员负责同志出席会议。")
    assert meetings(text) == [("2024-06-20", "楼阳生", {"王凯": "出席"})]


@pytest.mark.parametrize("text, want", [
    ("2020年5月21日，全国政协十三届三次会议在人民大会堂开幕。", [("2020-05-21", None, {})]),
    ("2024年3月5日，第十四届全国人民代表大会第二次会议在北京人民大会堂开幕。习近平、李强、赵乐际等党和国家领导人出席开幕会。",
     [("2024-03-05", None, {"习近平": "出席", "李强": "出席", "赵乐际": "出席"})]),
    ("2024年11月5日，第七届中国国际进口博览会在上海开幕。", []),
])
def test_a_session_opening_is_a_meeting(text, want):
    assert meetings(text) == want


def test_minutes_closing_lists_after_numbered_items():
    text = ("县政府第12次常务会议纪要\n2024年4月1日，县长王刚主持召开县政府第12次常务会议，研究了有关事项。现纪要如下：\n"
            "一、关于防汛工作\n会议要求各乡镇做好准备。\n出席：李明、张军、赵强\n列席：刘洋、陈红\n记录：孙丽")
    assert meetings(text) == [("2024-04-01", "王刚", {"李明": "出席", "张军": "出席", "赵强": "出席",
                                                       "刘洋": "列席", "陈红": "列席"})]
    assert "孙丽" not in officials(text)


def test_minutes_header_with_labelled_time_and_chair():
    text = ("市长办公会议纪要\n会议时间：2024年4月1日上午\n会议地点：市政府1号会议室\n主持人：市长李华\n"
            "出席人员：副市长王强、张军\n列席人员：市发展改革委主任刘明")
    assert meetings(text) == [("2024-04-01", "李华", {"王强": "出席", "张军": "出席", "刘明": "列席"})]


def test_joining_an_inspection_is_no_attendance():
    text = "2024年4月1日，市委书记张三在调研时主持召开座谈会，听取意见。市领导李四、王五参加调研。"
    assert meetings(text) == [("2024-04-01", "张三", {})]


# From the blind readout probes (fixtures/blind/readouts r04): 参加座谈 after a convened 座谈会
# is attendance of it; 参加座谈 during an inspection with no meeting convened makes none.
@pytest.mark.parametrize("text,expected", [
    ("当天上午，杜庆云主持召开专家座谈会。院士钱守仁、院长苗雨晨参加座谈。", [("杜庆云", ["钱守仁", "苗雨晨"])]),
    ("3月5日，市长王强到某区调研，参加座谈并听取意见。", []),
])
def test_参加座谈(text, expected):
    doc = policyextract.parse(text).documents[0]
    assert [(m.chair, [a.name for a in m.attendees]) for m in doc.meetings] == expected


# bug caught by the blind readouts (r05: 华容县长江岸线 gave an official 华容 with title 县长):
# 省长/县长 at the start of a place name (长春, 长治, 长江…) is no post.
@pytest.mark.parametrize("text,expected", [
    ("吉林省长春市委书记张三主持会议。", [("张三", ["吉林省长春市委书记"])]),
    ("山西省长治市副市长李四出席会议。", [("李四", ["山西省长治市副市长"])]),
    ("华容县长江岸线综合整治现场会在华容召开。", []),
    ("副省长江小涓出席会议。", [("江小涓", ["副省长"])]),   # a name starting with 江 after the post
    ("王宁省长主持会议。", [("王宁", ["省长"])]),
])
def test_post_that_starts_a_place_name(text, expected):
    doc = policyextract.parse(text).documents[0]
    assert [(o.name, o.titles) for o in doc.officials] == expected


# From the blind minutes (m03): roster lines continued below the role label, one name a line.
ROSTER = ("关于成立县农村人居环境整治提升工作领导小组的通知\n各乡镇人民政府：\n领导小组组成人员如下：\n"
          "组  长：陈志远（县长）\n副组长：吴海涛（县委常委、常务副县长）\n        林秀梅（副县长）\n"
          "成  员：郑国平（县政府办公室主任）\n        何丽华（县住房和城乡建设局局长）\n\n"
          "领导小组下设办公室。\n")


def test_roster_continuation_lines_keep_the_role():
    doc = policyextract.parse(ROSTER).documents[0]
    got = {o.name: o.titles for o in doc.officials}
    assert got["林秀梅"] == ["副组长", "副县长"]
    assert got["何丽华"] == ["成员", "县住房和城乡建设局局长"]


def test_roster_continuation_ends_at_a_sentence():
    doc = policyextract.parse(ROSTER + "李明（办公室主任）负责日常工作。\n").documents[0]
    assert "李明" not in {o.name for o in doc.officials if "成员" in o.titles}


# From the blind minutes (m01): the 出席： header of a 纪要 with titles in brackets
def test_attendance_list_with_bracketed_titles():
    page = ("关于研究老旧小区改造有关问题的会议纪要\n时间：5月12日下午\n主持：周建国（市长）\n"
            "出席：刘明辉（常务副市长）、陈雅琴（副市长）\n5月12日下午，周建国市长主持召开专题会议。\n发布时间：2023-05-19\n")
    doc = policyextract.parse(page).documents[0]
    assert {o.name: o.titles for o in doc.officials} == {"周建国": ["市长"], "刘明辉": ["常务副市长"], "陈雅琴": ["副市长"]}
    assert [(m.date, m.chair, [a.name for a in m.attendees]) for m in doc.meetings] == [
        ("2023-05-12", "周建国", ["刘明辉", "陈雅琴"])]


# From the blind minutes (m02, m04): words that open the run before a title are not part of it
@pytest.mark.parametrize("text,name,titles", [
    ("国务院总理李强在北京会见来访的新西兰总理安德鲁·福特。", "安德鲁·福特", ["新西兰总理"]),
    ("督查发现，该县分管副县长李建华对问题整改不力。", "李建华", ["分管副县长"]),
])
def test_title_openers_are_stripped(text, name, titles):
    doc = policyextract.parse(text).documents[0]
    assert {o.name: o.titles for o in doc.officials}[name] == titles


def test_consul_general_is_a_title_before_a_name():
    """blind readouts2 k01: 法国驻广州总领事杜蓓琳 — diplomatic posts other than 大使 were dropped."""
    page = "省委书记周海明会见法国驻华大使白乐德。\n法国驻广州总领事杜蓓琳，省委常委、秘书长林振宇参加会见。\n"
    doc = policyextract.parse(page).documents[0]
    titles = {o.name: o.titles for o in doc.officials}
    assert titles.get("杜蓓琳") == ["法国驻广州总领事"]
