"""Generate government-readout / notice sentences with PER/ORG/LOC char offsets.

The MSRA news corpus has few sentences shaped like the pages this library reads: long title
chains before a name ("中共中央政治局常委、国务院总理李克强主持召开…"), collective titles before
name lists ("省领导A、B、C出席"), long organ names ("…联防联控机制", "…领导小组"), dates like
1月25日 next to names, traditional script and "spun" (synonym-swapped) copies of the same text.

Annotation follows MSRA's conventions (checked on MSRA train): the organ part of a title is
ORG ("国务院总理X" -> 国务院 ORG, X PER; "中共中央政治局常委" -> 中共中央政治局 ORG), a province
before 副省长/省长 is LOC ("陕西省副省长X" -> 陕西省 LOC), a party committee is ORG ("辽宁省委").
Names are drawn from broad surname / given-name character lists (not from the seed pages), so the
model learns the shape, not a list.

Output: training/domain/domain.jsonl, one {"text", "entities": [[start, end, label]], "kind"} per
line. Deterministic for a given --seed.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "training" / "domain" / "domain.jsonl"

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝") + [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "夏侯"]
GIVEN = list(
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛"
    "昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固"
    "之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟英华慧巧美"
    "娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐"
    "娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭"
    "冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛"
    "媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟坤捷克志赞昆仑")
PROVINCES = ["北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
             "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
             "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "内蒙古自治区", "广西壮族自治区",
             "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"]
CITIES = ["石家庄市", "太原市", "沈阳市", "大连市", "长春市", "哈尔滨市", "南京市", "苏州市", "无锡市", "杭州市",
          "宁波市", "温州市", "合肥市", "芜湖市", "福州市", "厦门市", "泉州市", "南昌市", "赣州市", "济南市",
          "青岛市", "烟台市", "郑州市", "洛阳市", "武汉市", "宜昌市", "襄阳市", "长沙市", "岳阳市", "广州市",
          "深圳市", "珠海市", "东莞市", "佛山市", "海口市", "三亚市", "成都市", "绵阳市", "贵阳市", "遵义市",
          "昆明市", "大理市", "西安市", "宝鸡市", "兰州市", "西宁市", "呼和浩特市", "包头市", "南宁市", "桂林市",
          "拉萨市", "银川市", "乌鲁木齐市", "喀什市", "黄冈市", "孝感市", "十堰市", "荆州市", "邯郸市", "保定市",
          "廊坊市", "唐山市", "临沂市", "潍坊市", "徐州市", "扬州市", "绍兴市", "金华市", "台州市", "九江市"]
COUNTIES = ["{c}县".format(c=c) for c in ["阜平", "平山", "兰考", "正定", "宁都", "井冈山", "延川", "安吉", "晋江",
                                         "昆山", "义乌", "慈溪", "寿光", "仁怀", "凤凰", "巫山", "会宁", "临夏"]]
NATIONAL_ORGS = ["国务院", "全国人大常委会", "全国政协", "中共中央", "中央军委", "国务院办公厅", "国家卫生健康委员会",
                 "国家卫生健康委", "国家发展和改革委员会", "国家发展改革委", "教育部", "科技部", "工业和信息化部",
                 "公安部", "民政部", "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部",
                 "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "应急管理部", "中国人民银行",
                 "审计署", "国务院国有资产监督管理委员会", "海关总署", "国家税务总局", "国家市场监督管理总局",
                 "国家统计局", "国家医疗保障局", "国家中医药管理局", "国家疾病预防控制局", "国家药品监督管理局",
                 "中国民用航空局", "国家铁路局", "国家邮政局", "中央宣传部", "中央组织部", "中央统战部",
                 "中央网信办", "最高人民法院", "最高人民检察院", "中国红十字会总会", "中华全国总工会", "共青团中央",
                 "全国妇联", "中国科学院", "中国工程院", "中国疾病预防控制中心"]
PROV_ORG_SUFFIX = ["人民政府", "人民政府办公厅", "卫生健康委员会", "卫生健康委", "发展和改革委员会", "教育厅",
                   "公安厅", "财政厅", "商务厅", "交通运输厅", "市场监督管理局", "应急管理厅", "人大常委会",
                   "政协", "疾病预防控制中心", "新型冠状病毒感染的肺炎疫情防控工作领导小组",
                   "新冠肺炎疫情防控指挥部", "应对新型冠状病毒肺炎疫情工作领导小组", "防汛抗旱指挥部",
                   "安全生产委员会", "纪委监委"]
LONG_ORGS = ["国务院应对新型冠状病毒肺炎疫情联防联控机制", "国务院联防联控机制", "中央应对新型冠状病毒感染肺炎疫情工作领导小组",
             "国务院安全生产委员会", "国家防汛抗旱总指挥部", "国务院扶贫开发领导小组", "国务院深化医药卫生体制改革领导小组",
             "中央全面深化改革委员会", "中央财经委员会", "国务院促进中小企业发展工作领导小组",
             "全国爱国卫生运动委员会", "国务院抗震救灾指挥部", "国务院食品安全委员会", "国家减灾委员会"]
# (org-part kind, title) ; kind: N = national org, P = province (LOC for 省长-type, ORG for 省委), none
TITLES_NATIONAL = [("中共中央政治局", "常委"), ("中共中央政治局", "委员"), ("中共中央", "总书记"), ("国务院", "总理"),
                   ("国务院", "副总理"), ("国务院", "秘书长"), ("中央书记处", "书记"), ("全国人大常委会", "委员长"),
                   ("全国人大常委会", "副委员长"), ("全国政协", "主席"), ("全国政协", "副主席"), ("中央军委", "主席"),
                   ("中央军委", "副主席"), ("中央纪委", "书记")]
TITLES_BARE = ["国家主席", "国务委员", "国家副主席", "总理", "副总理", "组长", "副组长", "常务副组长", "主任", "副主任",
               "部长", "副部长", "局长", "副局长", "秘书长", "党组书记", "指挥长", "副指挥长", "院士", "首席专家"]
MINISTRY_TITLES = ["部长", "副部长", "主任", "副主任", "局长", "副局长", "党组书记", "新闻发言人", "司长"]
VERBS = ["主持召开{org}会议", "主持召开{org}常务会议", "主持召开专题会议", "出席会议并讲话", "在{loc}调研",
         "在{loc}考察调研", "赴{loc}检查疫情防控工作", "在{loc}主持召开现场办公会", "主持会议并讲话",
         "召开电视电话会议", "会见{per2}一行", "在{loc}会见{per2}", "作重要批示", "强调，要坚决打赢疫情防控阻击战",
         "出席开幕式并致辞", "听取{org}工作汇报", "视频连线{loc}", "率队督查{loc}防控工作"]
MEETINGS = ["常务会议", "全体会议", "专题会议", "工作会议", "电视电话会议", "领导小组会议", "视频会议", "第十次会议"]
COLLECTIVE = ["省领导", "市领导", "中共中央政治局委员", "国务院领导同志", "中央领导同志", "县领导", "省委常委",
              "副省长", "副市长", "领导小组成员"]
SPIN = {"召开": "举行", "主持": "主持了", "会议": "会", "出席": "参加", "强调": "指出", "研究": "探讨",
        "部署": "安排", "调研": "考察", "要求": "请求", "坚决": "坚定", "工作": "事情", "检查": "查看",
        "讲话": "发言", "会见": "接见", "防控": "防治", "疫情": "病情", "重要": "重大"}


def name(rng: random.Random) -> str:
    s = rng.choice(SURNAMES)
    g = "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2, 2])))
    return s + g


class B:
    """Sentence builder: pieces of (text, label-or-None)."""

    def __init__(self):
        self.pieces: list[tuple[str, str | None]] = []

    def add(self, text: str, label: str | None = None) -> "B":
        self.pieces.append((text, label))
        return self

    def render(self, conv=None, spin: dict | None = None, rng=None):
        text = ""
        ents = []
        for piece, label in self.pieces:
            if label is None and spin:
                for k, v in spin.items():
                    if k in piece and rng.random() < 0.6:
                        piece = piece.replace(k, v)
            if conv is not None:
                c = conv.convert(piece)
                piece = c if len(c) == len(piece) else piece
            start = len(text)
            text += piece
            if label:
                ents.append([start, len(text), label])
        return text, ents


def title_chain(rng, b: B):
    """Appends 1-3 titles joined by 、 to b."""
    n = rng.choice([1, 1, 2, 2, 3])
    for i in range(n):
        if i:
            b.add("、")
        kind = rng.random()
        if kind < 0.35:
            org, t = rng.choice(TITLES_NATIONAL)
            b.add(org, "ORG").add(t)
        elif kind < 0.5:
            prov = rng.choice(PROVINCES)
            short = prov.replace("省", "").replace("市", "") if rng.random() < 0.3 else prov
            if rng.random() < 0.5:
                b.add(short + "委", "ORG").add(rng.choice(["书记", "副书记", "常委"]))
            else:
                b.add(prov, "LOC").add(rng.choice(["省长", "副省长", "市长", "副市长", "主席"]))
        elif kind < 0.7:
            b.add(rng.choice(NATIONAL_ORGS), "ORG").add(rng.choice(MINISTRY_TITLES))
        elif kind < 0.82:
            org = rng.choice(LONG_ORGS + [rng.choice(PROVINCES) + rng.choice(PROV_ORG_SUFFIX)])
            b.add(org, "ORG").add(rng.choice(["组长", "副组长", "主任", "指挥长", "成员"]))
        else:
            b.add(rng.choice(TITLES_BARE))


def date(rng):
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    if rng.random() < 0.4:
        return f"{rng.randint(2015, 2024)}年{m}月{d}日"
    return f"{m}月{d}日"


def fill(rng, b: B, tmpl: str):
    """Append a verb template, with {org}/{loc}/{per2} slots."""
    parts = tmpl.replace("{", "\x00{").replace("}", "}\x00").split("\x00")
    for p in parts:
        if p == "{org}":
            b.add(rng.choice(NATIONAL_ORGS + LONG_ORGS), "ORG")
        elif p == "{loc}":
            b.add(rng.choice(PROVINCES + CITIES + COUNTIES), "LOC")
        elif p == "{per2}":
            b.add(name(rng), "PER")
        elif p:
            b.add(p)


def s_readout(rng):
    b = B()
    if rng.random() < 0.5:
        b.add(date(rng) + rng.choice(["，", "上午，", "下午，", "晚，"]))
    title_chain(rng, b)
    b.add(name(rng), "PER")
    fill(rng, b, rng.choice(VERBS))
    b.add(rng.choice(["。", "，研究部署下一步工作。", "，强调要落实落细各项措施。", "。"]))
    if rng.random() < 0.4:
        n = rng.randint(2, 5)
        b.add(rng.choice(COLLECTIVE) if rng.random() < 0.6 else "")
        for i in range(n):
            if i:
                b.add("、")
            b.add(name(rng), "PER")
        b.add(rng.choice(["出席会议。", "参加会议。", "出席。", "列席会议。", "参加。"]))
    return b


def s_list(rng):
    b = B()
    b.add(rng.choice(COLLECTIVE))
    n = rng.randint(2, 7)
    for i in range(n):
        if i:
            b.add(rng.choice(["、", "、", "、", "，"]))
        b.add(name(rng), "PER")
    b.add(rng.choice(["出席", "参加", "出席会议", "参加调研", "陪同考察", "分别出席"]))
    b.add(rng.choice(["。", "。", "，", "活动。"]))
    return b


def s_notice(rng):
    b = B()
    r = rng.random()
    if r < 0.4:
        b.add(rng.choice(LONG_ORGS + NATIONAL_ORGS), "ORG")
    elif r < 0.8:
        b.add(rng.choice(PROVINCES + CITIES) + rng.choice(PROV_ORG_SUFFIX), "ORG")
    else:
        b.add(rng.choice(PROVINCES), "LOC").add(rng.choice(["各级", "全省"]))
    b.add(rng.choice(["印发《关于做好", "发布《关于进一步加强", "下发通知，要求做好", "关于印发《", "召开会议，部署"]))
    b.add(rng.choice(["疫情防控工作", "春节期间值班值守工作", "复工复产工作", "安全生产工作", "冬春季农业生产工作"]))
    b.add(rng.choice(["的通知》。", "的意见》。", "。", "方案》的通知。"]))
    return b


def s_meeting(rng):
    b = B()
    b.add(date(rng) + "，")
    b.add(rng.choice(["", "省委", "市委"]))
    b.add(rng.choice(LONG_ORGS + [rng.choice(PROVINCES) + rng.choice(PROV_ORG_SUFFIX)]), "ORG")
    b.add("召开" + rng.choice(MEETINGS) + "。")
    title_chain(rng, b)
    b.add(name(rng), "PER")
    b.add(rng.choice(["主持会议并讲话。", "出席会议并讲话。", "主持。", "传达学习有关精神。"]))
    return b


def s_place(rng):
    b = B()
    b.add(date(rng) + "，")
    b.add(name(rng), "PER")
    b.add(rng.choice(["来到", "深入", "前往", "在"]))
    b.add(rng.choice(PROVINCES + CITIES), "LOC")
    if rng.random() < 0.5:
        b.add(rng.choice(COUNTIES), "LOC")
    b.add(rng.choice(["，看望慰问一线医务人员。", "调研脱贫攻坚工作。", "检查防汛工作。", "，实地察看企业复工情况。"]))
    return b


GENERATORS = [(s_readout, 0.4), (s_list, 0.2), (s_notice, 0.15), (s_meeting, 0.15), (s_place, 0.1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=6000, help="base sentences")
    ap.add_argument("--trad", type=float, default=0.25, help="fraction with a traditional copy")
    ap.add_argument("--spun", type=float, default=0.25, help="fraction with a spun copy")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    import opencc
    s2t = opencc.OpenCC("s2t")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fns, weights = zip(*GENERATORS)
    n = 0
    with open(OUT, "w", encoding="utf-8") as fh:
        for _ in range(args.n):
            gen = rng.choices(fns, weights)[0]
            b = gen(rng)
            variants = [("base", b.render())]
            if rng.random() < args.trad:
                variants.append(("trad", b.render(conv=s2t)))
            if rng.random() < args.spun:
                variants.append(("spun", b.render(spin=SPIN, rng=rng)))
            for kind, (text, ents) in variants:
                fh.write(json.dumps({"text": text, "entities": ents, "kind": f"{gen.__name__}:{kind}"},
                                    ensure_ascii=False) + "\n")
                n += 1
    print(f"wrote {n} sentences to {OUT}")


if __name__ == "__main__":
    main()
