"""Tell Simplified Chinese, Traditional Chinese and English notes apart.

Counts characters that exist in only one of the two scripts (a small table of
frequent pairs); notes with little CJK text are English.
"""

from __future__ import annotations

from collections import Counter

from pipeline.model import Language

# Frequent characters whose Simplified and Traditional forms differ, as pairs.
_PAIRS = (
    "会會 议議 论論 时時 间間 点點 员員 与與 项項 务務 责責 进進 决決 结結 论論 讨討 记記 录錄 "
    "参參 席席 缺缺 经經 理理 发發 设設 计計 产產 销銷 售售 场場 门門 财財 计計 划劃 标標 准準 "
    "资資 源源 风風 险險 阶階 段段 这這 个個 们們 为為 说說 对對 从從 们們 过過 还還 后後 于於 "
    "动動 种種 实實 现現 问問 题題 办辦 处處 单單 报報 传傳 达達 认認 确確 长長 总總 质質 获獲 "
    "运運 营營 务務 负負 协協 调調 节節 编編 辑輯 预預 审審 核核 签簽 约約 购購 库庫 车車 网網 "
    "线線 电電 话話 邮郵 维維 护護 开開 关關 这這 样樣 应應 该該 并並 让讓 给給 没沒 请請 "
    "规規 范範 态態 状狀 级級 优優 续續 织織 组組 图圖 书書 页頁 体體 数數 据據 统統 系係 "
    "东東 华華 苏蘇 浙浙 广廣 汉漢 云雲 层層 头頭 备備 围圍 围圍 势勢 竞競 争爭 众眾 团團 队隊"
)
_SIMPLIFIED_ONLY = frozenset(pair[0] for pair in _PAIRS.split() if pair[0] != pair[1])
_TRADITIONAL_ONLY = frozenset(pair[1] for pair in _PAIRS.split() if pair[0] != pair[1])


def detect_language(text: str) -> Language:
    """'zh-Hans', 'zh-Hant' or 'en' for the notes' text."""
    # One pass over the distinct characters (Counter counts in C), not over the text
    cjk = letters = simplified = traditional = 0
    for ch, n in Counter(text).items():
        if ch.isascii():
            if ch.isalpha():
                letters += n
        elif "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            cjk += n
            if ch in _SIMPLIFIED_ONLY:
                simplified += n
            elif ch in _TRADITIONAL_ONLY:
                traditional += n
    # An English word is ~5 letters; a Chinese word 1–2 characters.
    if cjk * 4 < letters or cjk < 5:
        return "en"
    return "zh-Hant" if traditional > simplified else "zh-Hans"
