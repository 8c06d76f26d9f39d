"""Chinese names of the catalogs' genres, for the Chinese templates (the bundled model writes English only).
A genre without a name here is shown as the catalog writes it."""

from __future__ import annotations

from app.core.text import label_key

__all__ = ["genre_zh"]

_GENRES = {
    "Action": "动作", "Adventure": "冒险", "Animation": "动画", "Biography": "传记", "Business": "商业",
    "Chick lit": "女性小说", "Children": "儿童", "Children's": "儿童", "Classics": "经典", "Comedy": "喜剧",
    "Contemporary": "当代", "Crime": "犯罪", "Documentary": "纪录片", "Drama": "剧情", "Dystopian": "反乌托邦",
    "Fantasy": "奇幻", "Film-Noir": "黑色", "Graphic novels": "图像小说", "Historical fiction": "历史小说",
    "History": "历史", "Horror": "恐怖", "Humor": "幽默", "Literary fiction": "纯文学",
    "Magical realism": "魔幻现实主义",
    "Musical": "歌舞", "Mystery": "悬疑", "Mythology": "神话", "New adult": "新成人", "Non-fiction": "非虚构",
    "Paranormal": "超自然", "Philosophy": "哲学", "Plays": "戏剧", "Poetry": "诗歌", "Politics": "政治",
    "Psychology": "心理学", "Religion": "宗教", "Romance": "爱情", "Sci-Fi": "科幻", "Science": "科学",
    "Science fiction": "科幻", "Self-help": "自助", "Short stories": "短篇小说", "Thriller": "惊悚", "Travel": "旅行",
    "Urban fantasy": "都市奇幻", "War": "战争", "Western": "西部", "Young adult": "青少年",
}
_BY_KEY = {label_key(k): v for k, v in _GENRES.items()}
_BY_NAME = {k.casefold(): v for k, v in _GENRES.items()}


def genre_zh(name: str) -> str:
    """A genre's Chinese name: by its own name first (label_key makes Comedy and Humor one key, but a
    comedy film is 喜剧, not 幽默), then by its key. Film-Noir is 黑色: "一部犯罪、黑色电影" adds 电影."""
    return _BY_NAME.get(name.casefold()) or _BY_KEY.get(label_key(name), name)
