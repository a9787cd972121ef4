"""A typed name split into surname and given name, for servers that match only `family`/`given`.

FHIR's `name` search parameter covers any part of HumanName, but which parts a server
matches is its own business: some match `family` and `given` and never `text`, so the full
name 张伟 (family 张, given 伟, written together) finds nobody. The client then asks again
with each plausible split, Chinese compound surnames (欧阳, 司马 …) included, and keeps only
the people whose full name is the one typed.
"""

from __future__ import annotations

import unicodedata

#: Two-character Chinese surnames (复姓) in current use; a name starting with one is tried
#: with it first, then with its first character alone (欧阳锋 is 欧阳 + 锋; 欧明 is 欧 + 明).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 "
    "百里 呼延 万俟 闻人 申屠 澹台 太史 公羊 赫连 钟离 濮阳 淳于 单于 左丘 东郭 仲孙 司空 拓跋 "
    "第五 梁丘 谷梁 宰父 乐正 漆雕 壤驷 公良 巫马 公西 颛孙 亓官 司寇 子车 羊舌 微生 梁丘 鲜于 "
    "闾丘 公冶 欧侯 范姜".split()
)


def is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def name_splits(text: str) -> list[tuple[str, str]]:
    """Plausible (family, given) pairs for a typed full name, most likely first; [] for one word.

    Chinese: surname first, no space (compound surname first when it could be one).
    Others: "Given Family" and "Family Given" (and "Family, Given").
    """
    name = " ".join(text.split())
    if not name:
        return []
    if is_cjk(name) and " " in name:   # 李 小明: surname first, as written
        family, _, given = name.partition(" ")
        return [(family, given.replace(" ", ""))]
    if is_cjk(name):
        splits = []
        if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
            splits.append((name[:2], name[2:]))
        if len(name) > 1:
            splits.append((name[:1], name[1:]))
        return splits
    if "," in name:
        family, _, given = name.partition(",")
        return [(family.strip(), given.strip())] if family.strip() and given.strip() else []
    words = name.split(" ")
    if len(words) < 2:
        return []
    return [(words[-1], " ".join(words[:-1])), (words[0], " ".join(words[1:]))]


def normal_name(text: str) -> str:
    """Case-, width- and space-insensitive form for comparing names (Ｚｈａｎｇ = zhang)."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split()).replace(",", "")


def same_name(shown: str, typed: str) -> bool:
    """Is the full name shown for a record the name typed, in either Western order?"""
    if normal_name(shown) == normal_name(typed):
        return True
    words = typed.replace(",", " ").split()
    return len(words) > 1 and normal_name(shown) == normal_name(" ".join(words[1:] + words[:1]))
