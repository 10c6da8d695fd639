"""Name normalisation and the matcher behind every "did you mean" (stdlib only: it runs on every query)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUALIFIER = re.compile(r"\([^()]*\)$")
_BRACKETED = re.compile(r"(.+?)\s*[(（]([^()（）]+)[)）]")

# Traditional -> simplified, character by character, for exactly the characters of the names in the
# shipped data (scripts/gen_traditional.py writes it with OpenCC; tests/test_names.py checks with
# OpenCC that every name's traditional form folds back and that no key is a character the data uses).
# A fixed table rather than OpenCC at run time: names are matched, not prose converted, so the phrase
# tables a library carries would change nothing here, and its import would cost every query.
_TRAD = (
    "並亞來係俱倉備傢傳傷僞價儀優儲兒內冊凍別創劃劇劑動務勞勸匯區協員問單噴國園圓圖團執堅報場塊塗墾壓妝娛婦嬰學孿實審寵寶專對"
    "導層屬島崗嶺巖師帶庫廠廢廣廳張強彈後從復態應戰戲戶採揀換揮損撈撥撫擊據擠擬擴擺攝攤數時晉書會條業極榮構槳樁樂樓標樹橋機橫"
    "檔檢檸櫃權歷殘殯氣氫決沖減測準溫溼滌滲滷漁漬漿潔潛潤澆澱濟濾災烴無煉煙熱燈燒營爐爭牀牆牽狀獎獸獻現環產畢畫當療發監盤矯碩"
    "確碼磚礎礦祕禮稅種稱穫競筆節範築籤糧紀約紉紋純紗紙級紡終組結絕絡絨統絲經綜綠維網緊線緣編緯練縣縫縮縱總繅織繡繩繪繼纖纜羣"
    "義習聞聯聲職聽脫腦腫腳腸膚膠臨臺與艙華菸葉蓋薦藍藝藥處虛號蝕蟲蠟衆術衛補裝製複覈規視覺覽觀觸計訓託記設診註評詞詢試認語課"
    "調諮講證識譯議護譽變負貨責貴貸費貼貿賃資賠賣質購車軋軌軍軟軸載輔輕輛輪輯輸輻轉辦農連進遊運過達遙遞適選遺郵鄉醃醫醬釀針釩"
    "鈣鈦鈮鉀鉗鉚鉛鉬鉭銀銑銨銷鋁鋰鋼錄錢錶鍋鍍鍛鍵鍼鎂鎖鎢鎮鏈鏜鏟鏡鐘鐵鑄鑑鑽鑿長門開閒間閘閥關陳陽隊際險雜離雲電靜響頁項預"
    "頒領頭頻顏類顧顯風飛飲飼飾養餘餞館餾馴駕駛驗體髮鳴鹼鹽麥麪黃點黨齒"
)
_SIMP = (
    "并亚来系具仓备家传伤伪价仪优储儿内册冻别创划剧剂动务劳劝汇区协员问单喷国园圆图团执坚报场块涂垦压妆娱妇婴学孪实审宠宝专对"
    "导层属岛岗岭岩师带库厂废广厅张强弹后从复态应战戏户采拣换挥损捞拨抚击据挤拟扩摆摄摊数时晋书会条业极荣构桨桩乐楼标树桥机横"
    "档检柠柜权历残殡气氢决冲减测准温湿涤渗卤渔渍浆洁潜润浇淀济滤灾烃无炼烟热灯烧营炉争床墙牵状奖兽献现环产毕画当疗发监盘矫硕"
    "确码砖础矿秘礼税种称获竞笔节范筑签粮纪约纫纹纯纱纸级纺终组结绝络绒统丝经综绿维网紧线缘编纬练县缝缩纵总缫织绣绳绘继纤缆群"
    "义习闻联声职听脱脑肿脚肠肤胶临台与舱华烟叶盖荐蓝艺药处虚号蚀虫蜡众术卫补装制复核规视觉览观触计训托记设诊注评词询试认语课"
    "调咨讲证识译议护誉变负货责贵贷费贴贸赁资赔卖质购车轧轨军软轴载辅轻辆轮辑输辐转办农连进游运过达遥递适选遗邮乡腌医酱酿针钒"
    "钙钛铌钾钳铆铅钼钽银铣铵销铝锂钢录钱表锅镀锻键针镁锁钨镇链镗铲镜钟铁铸鉴钻凿长门开闲间闸阀关陈阳队际险杂离云电静响页项预"
    "颁领头频颜类顾显风飞饮饲饰养余饯馆馏驯驾驶验体发鸣碱盐麦面黄点党齿"
)
_FOLD = str.maketrans(_TRAD, _SIMP)

# Short forms people write for a name the data spells out, where a document or common usage fixes
# the meaning. Consulted only when no name matches; several targets make the short form ambiguous,
# and the registry then refuses it listing them. 初级职称 and 高级职称 each span two tiers (《关于深化
# 职称制度改革的意见》: 高级职称分为正高级和副高级, 初级职称分为助理级和员级); 正处 and the like name a
# 公务员 leadership post and a 事业单位 rank (处级正职, which maps to 五级职员) alike.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "初级职称": ("职称层级:员级", "职称层级:助理级"),
    "初级": ("职称层级:员级", "职称层级:助理级"),
    "高级职称": ("职称层级:副高级", "职称层级:正高级"),
    "注会": ("注册会计师",),
    "正处": ("公务员领导职务:县处级正职", "事业单位行政级别:处级正职"),
    "副处": ("公务员领导职务:县处级副职", "事业单位行政级别:处级副职"),
    "正科": ("公务员领导职务:乡科级正职", "事业单位行政级别:科级正职"),
    "副科": ("公务员领导职务:乡科级副职", "事业单位行政级别:科级副职"),
    "正处级": ("公务员领导职务:县处级正职", "事业单位行政级别:处级正职"),
    "副处级": ("公务员领导职务:县处级副职", "事业单位行政级别:处级副职"),
    "正科级": ("公务员领导职务:乡科级正职", "事业单位行政级别:科级正职"),
    "副科级": ("公务员领导职务:乡科级副职", "事业单位行政级别:科级副职"),
    "研究生": ("硕士",),  # 博士 is named when meant (博士研究生 is 博士's own alias)
    "研究生学历": ("硕士",),
}


# Education as HR forms write it (see profile.resolve_education), on the education ladders only: a
# study mode before the name (全日制本科, 在职研究生) and a lower bound after it (本科及以上学历; rules
# set minimums, so the bound never claims more than was stated); and the values that mean none.
STUDY_MODES = ("非全日制", "全日制", "在职")  # (longest first: 非全日制 holds 全日制)
LOWER_BOUNDS = ("及以上学历", "以上学历", "及以上", "以上")
NO_EDUCATION = frozenset(("无", "没有", "—", "——", "-", "--", "/"))  # normalized
# Not one education: which 技工院校 class (the techschool ladder) is asked for instead.
TECH_SCHOOL_WORDS = frozenset(("技校", "技工学校", "中技"))


def education_name(key: str) -> str:
    """A normalized education value without a study mode and a lower bound: '全日制本科及以上' -> '本科'."""
    mode = next((m for m in STUDY_MODES if key.startswith(m) and len(key) > len(m)), "")
    key = key[len(mode):]
    bound = next((b for b in LOWER_BOUNDS if key.endswith(b) and len(key) > len(b)), "")
    return key[:len(key) - len(bound)]


def normalize(name: str) -> str:
    """Fold full-width forms, traditional characters, spaces and case: '技師 （卫生）' -> '技师(卫生)'."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold().translate(_FOLD)


def strip_qualifier(normalized: str) -> str:
    """Drop a trailing bracketed qualifier: '讲师(高校)' -> '讲师' (used once the ladder is named)."""
    return _QUALIFIER.sub("", normalized)


def split_qualifier(name: str) -> tuple[str, str] | None:
    """A name and the qualifier in brackets after it ('技师（二级）' -> ('技师', '二级')), else None."""
    match = _BRACKETED.fullmatch(name.strip())
    return (match[1].strip(), match[2].strip()) if match and match[1].strip() and match[2].strip() else None


def closest(name: str, candidates: dict[str, str], n: int = 5) -> list[str]:
    """Up to ``n`` display names whose normalized key is closest to ``name``.

    ``candidates`` maps normalized key -> display text. Keys containing the query (or contained in
    it) come first, then difflib's ratio order.
    """
    key = normalize(name)
    if not key:
        return []
    contained = [k for k in candidates if key in k or (len(k) > 1 and k in key)]
    contained.sort(key=lambda k: (abs(len(k) - len(key)), k))
    import difflib  # only when a name is unknown

    fuzzy = difflib.get_close_matches(key, list(candidates), n=n, cutoff=0.5)
    out: list[str] = []
    for k in contained + fuzzy:
        shown = candidates[k]
        if shown not in out:
            out.append(shown)
        if len(out) == n:
            break
    return out


def resolve_code(value: str, names: dict[str, tuple[str, ...]]) -> str | None:
    """The code that ``value`` names: the code itself or one of its names (zh, en …), folded like
    every name; a bracketed qualifier may be left out ('推导' for '推导（非文件所述）'), and each part
    of a name written 'A/B' names it too. None when nothing matches.

    >>> resolve_code("职称评审", {"title_review": ("职称评审", "Professional title review")})
    'title_review'
    """
    key = normalize(value)
    for code, words in names.items():
        keys = {normalize(code)}
        for word in words:
            folded = normalize(word)
            keys |= {folded, strip_qualifier(folded), *folded.split("/")}
        if key in keys:
            return code
    return None
