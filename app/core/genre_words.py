"""The genres a request names in its words: "a warm family film" (Children), "恐怖片" (Horror),
"a funny romantic film" (Comedy and Romance).

A request's meaning alone missed them: "a warm family film" listed The Sixth Sense third and "温馨的家庭电影"
American Beauty first, because "family" is close to films about families, not to films for them. A genre
a request names is a label of the catalogs (the facet filter's), so its nearest items can be taken among
the items with that label (app/services/recommend.py).

Only words that name a genre when a person asks for something to watch or read are here: "family" alone
is what a film is about ("a film about a family falling apart"); "a family film" and 合家欢 are the genre.
"""

from __future__ import annotations

import re

from app.core.kind_words import without_kind_words

__all__ = ["NON_FICTION", "fiction_named", "genre_only", "genres_named", "keyword_zh", "keywords_named_zh"]

# Genre (as the catalogs write it; label_key makes "Children" and "Children's" one) -> what names it.
_WORDS: dict[str, str] = {
    "Children": r"\bfamily[- ](?:films?|movies?|friendly|comed(?:y|ies)|adventures?)\b"
                r"|\bfor (?:the (?:whole )?)?family\b|\bfor (?:kids|children)\b|\bkids'? (?:films?|movies?|books?)\b"
                r"|\bchildren'?s\b|\bpicture books?\b"
                r"|合家欢|亲子|儿童|少儿|童书|绘本|家庭(?:电影|影片|片|喜剧)|全家",
    "Animation": r"\banimated\b|\banimation\b|\bcartoons?\b|\banime\b|动画|动漫|卡通",
    "Horror": r"\bhorror\b|\bscary\b|\bspooky\b|\bfrightening\b|恐怖|鬼片|吓人",
    "Comedy": r"\bcomed(?:y|ies)\b|\bfunny\b|\bhilarious\b|\bhumou?r(?:ous)?\b|喜剧|搞笑|好笑|幽默",
    "Romance": r"\bromance\b|\bromantic\b|\blove stor(?:y|ies)\b|爱情|浪漫|恋爱|言情",
    "Science fiction": r"\bsci[- ]?fi\b|\bscience[- ]fiction\b|\bspace opera\b|科幻",
    "Mystery": r"\bmyster(?:y|ies)\b|\bwhodunn?its?\b|\bdetective\b|悬疑|推理|侦探",
    "Thriller": r"\bthrillers?\b|\bsuspense(?:ful)?\b|惊悚",
    "Crime": r"\bcrime\b|\bgangsters?\b|犯罪|黑帮",
    "War": r"\bwar (?:films?|movies?|novels?|stor(?:y|ies))\b|\bworld war\b|\bww(?:i|ii|1|2)\b|战争|二战|一战|抗战",
    "Western": r"\bwesterns?\b|\bcowboys?\b|西部片|西部电影",
    "Documentary": r"\bdocumentar(?:y|ies)\b|纪录片",
    "Musical": r"\bmusicals?\b|歌舞|音乐剧",
    "Fantasy": r"\bfantasy\b|奇幻|魔幻(?!现实)",
    "Adventure": r"\badventures?\b|冒险",
    "Action": r"\baction\b|动作",
    "Noir": r"\bnoir\b|黑色电影",
    "Young adult": r"\byoung[- ]adult\b|\bYA\b|青少年",
    "Historical fiction": r"\bhistorical (?:fiction|novels?)\b|历史小说",
    "Non-fiction": r"\bnon-?fiction\b|非虚构",
    "Biography": r"\bbiograph(?:y|ies)\b|\bmemoirs?\b|传记|回忆录",
    "Poetry": r"\bpoetry\b|\bpoems?\b|诗集|诗歌",
    "Graphic novels": r"\bgraphic novels?\b|\bcomics?\b|\bmanga\b|漫画",
    "Classics": r"\bclassic (?:novels?|books?|literature)\b|\bthe classics\b|经典(?:小说|名著|文学)|名著",
    "Dystopian": r"\bdystopi(?:a|an)\b|反乌托邦",
    "Self-help": r"\bself[- ]help\b|自我提升|自助",
    "Philosophy": r"\bphilosoph(?:y|ical)\b|哲学",
    "Short stories": r"\bshort stor(?:y|ies)\b|短篇",
    "Magical realism": r"\bmagic(?:al)? realism\b|魔幻现实",
    "Mythology": r"\bmytholog(?:y|ical)\b|\bmyths?\b|神话",
}
_PATTERNS = {genre: re.compile(words, re.IGNORECASE) for genre, words in _WORDS.items()}


def genres_named(text: str) -> tuple[str, ...]:
    """The genres the text names, in a fixed order ("romantic comedy" -> Comedy, Romance)."""
    return tuple(genre for genre, pattern in _PATTERNS.items() if pattern.search(text))


# Words that frame a request and say nothing of what the work is ("I want a good ...", "推荐一部...").
_FRAME = re.compile(
    r"\b(?:a|an|the|some|any|good|great|best|classic|new|old|recent|popular|famous|well-known|nice|fun|to|for|me"
    r"|watch|read|i|want|would|like|please|recommend|something|show|give|find|tonight|weekend|movies?|films?"
    r"|books?|novels?|kind|of|one|more|really|very)\b"
    r"|推荐|一部|一本|几部|几本|一些|部|本|想看|想读|我|给|看|读|好看|好的|经典|的|吧|来|有没有|什么|。|，|！|？|\?|!|,|\.",
    re.IGNORECASE,
)


def genre_only(text: str) -> bool:
    """Whether the text names a genre and nothing more of what it wants: "科幻小说", "a horror movie", "a good
    science fiction novel", not "a scary movie with ghosts" nor "a war film about a submarine". Such words say
    nothing to rank a genre's works by: their nearness to "科幻小说" put Star Wars tie-ins first."""
    if not genres_named(text):
        return False
    rest = without_kind_words(text)
    for pattern in _PATTERNS.values():
        rest = pattern.sub(" ", rest)
    return not _FRAME.sub(" ", rest).strip()


# What a request for fiction leaves out: the catalogs' labels of books that tell what happened.
NON_FICTION = ("Non-fiction", "Biography", "Memoir")
_FICTION = re.compile(r"\bnovels?\b|\bnovellas?\b|\bfiction\b|小说", re.IGNORECASE)
_NOT_FICTION = re.compile(r"\bnon-?fiction\b|非虚构", re.IGNORECASE)


def fiction_named(text: str) -> bool:
    """Whether the text asks for fiction: "a war novel", "关于友谊的小说" ("historical fiction" too)."""
    return bool(_FICTION.search(_NOT_FICTION.sub(" ", text)))


# Chinese words for the catalogs' English keywords (as label_key writes them): a Chinese request names them
# too ("二战电影" listed Zulu and Kagemusha as war films; its keyword is world war ii).
_KEYWORDS_ZH = {
    "二战": "worldwarii", "第二次世界大战": "worldwarii", "抢劫": "heist", "劫案": "heist", "飞车": "carchase",
    "追车": "carchase", "吸血鬼": "vampire", "僵尸": "zombie", "丧尸": "zombie", "时间旅行": "timetravel",
    "穿越时空": "timetravel", "机器人": "robot", "太空": "space", "魔法": "magic", "龙": "dragon", "鬼": "ghost",
    "圣诞": "christmas", "狗": "dog", "监狱": "prison", "复仇": "revenge", "巴黎": "paris", "高中": "highschool",
    "友谊": "friendship", "超级英雄": "superhero", "武术": "martialarts", "功夫": "kungfu", "连环杀手": "serialkiller",
    "外星人": "alien", "反乌托邦": "dystopia", "武士": "samurai", "间谍": "spy", "侦探": "detective",
    "海盗": "pirate", "女巫": "witch", "恐龙": "dinosaur", "公路": "roadtrip", "舞蹈": "dance", "音乐": "music",
    "育儿": "parenting", "养育": "parenting", "教养孩子": "parenting", "反转": "twistending",
    "人工智能": "artificialintelligence", "成长": "comingofage", "末日": "postapocalyptic", "孤独": "loneliness",
    "梦境": "dream", "婚姻": "marriage", "生存": "survival", "黑手党": "mafia", "政治": "politics",
    "新闻": "journalism", "体育": "sports", "癌症": "cancer", "奴隶": "slavery", "大屠杀": "holocaust",
    "冷战": "coldwar", "恐怖主义": "terrorism", "外星入侵": "alieninvasion", "怪兽": "monster", "婚礼": "wedding",
    "美食": "food", "烹饪": "cooking", "艺术": "art", "爵士": "jazz", "黑客": "hacker", "虚拟现实": "virtualreality",
    "背叛": "betrayal", "腐败": "corruption", "警察": "police", "律师": "lawyer", "法庭": "courtroom",
    "越狱": "escape", "童话": "fairytale", "心理学": "psychology", "商业": "business", "领导力": "leadership",
    "旅行": "travel", "动物": "animals", "谋杀": "murder", "未来": "future",
}


def keywords_named_zh(text: str) -> list[str]:
    """The catalog keywords (label_key) a text's Chinese words name, the longest words first."""
    found, rest = [], text
    for word in sorted(_KEYWORDS_ZH, key=len, reverse=True):
        if word in rest:
            found.append(_KEYWORDS_ZH[word])
            rest = rest.replace(word, " ")
    return list(dict.fromkeys(found))


# Each keyword's first word in the glossary: 二战, not 第二次世界大战.
_ZH_OF = {key: word for word, key in reversed(_KEYWORDS_ZH.items())}


def keyword_zh(key: str) -> str | None:
    """The Chinese word of a catalog keyword (as label_key writes it), where the glossary has one."""
    return _ZH_OF.get(key)
