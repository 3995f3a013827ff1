"""What page junk looks like: one-line patterns, section headers, scraped dumps.

Every test here looks at one whole line (whitespace already normalised) and
answers with a kind of junk or ``None``. The patterns are deliberately
narrow: a line is junk only when it is *nothing but* the marker ("Read also:
...", "Advertisement", "Facebook Twitter WhatsApp"), never because a marker
word occurs inside a sentence.
"""
from __future__ import annotations

import re

__all__ = [
    "line_junk",
    "is_comments_header",
    "is_related_header",
    "dump_start",
    "dump_depth",
    "trailing_dump_start",
    "INLINE_JUNK",
    "words",
    "is_prose",
    "is_headline_like",
]

_I = re.IGNORECASE
_SEP = r"\s*[:\-\u2013\u2014|»>.]*"  # what may follow a header word

# "Read also: 10 killed in Raqqa", "Related: ...", "Also read - ..."
_READ_ALSO = re.compile(
    r"^(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:article|story|news|post|link)s?)?"
    r"|more\s+on\s+this(?:\s+story)?|recommended|watch)\s*[:\-\u2013\u2014|»>]",
    _I,
)
_RELATED_HEADER = re.compile(
    r"^(?:related(?:\s+(?:articles?|news|stories|posts|content|coverage|reading|topics|links))?"
    r"|read\s+(?:also|more|next)|also\s+read|see\s+also|more\s+(?:on\s+this(?:\s+story)?|stories|news|from\s+[\w ]{1,30})"  # noqa: E501
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|articles|reading))?"
    r"|most\s+(?:read|popular|viewed|shared|commented)|top\s+stories|latest(?:\s+(?:news|stories|articles))?"
    r"|trending(?:\s+now)?|editor'?s\s+picks?|in\s+other\s+news|what\s+to\s+read\s+next|further\s+reading"
    rf"|related\s+topics){_SEP}$",
    _I,
)
_COMMENTS_HEADER = re.compile(
    r"^(?:comments?|reader\s+comments|\d+\s+comments?|comments?\s*\(\d+\)|leave\s+a\s+(?:comment|reply)"
    r"|post\s+a\s+comment|add\s+(?:a\s+|your\s+)?comment|show\s+(?:all\s+)?comments|view\s+(?:all\s+)?comments"
    r"|(?:join|start)\s+the\s+(?:discussion|conversation)|have\s+your\s+say"
    r"|comments?\s+via\s+\w+(?:\s+\w+)?|comments\s+are\s+(?:closed|moderated\b.*)"
    rf"|commenting\s+(?:is|has\s+been)\s+(?:closed|disabled)){_SEP}$",
    _I,
)
_AD = re.compile(
    r"^[\s\-\u2013\u2014*\[(]*(?:advertisements?|sponsored(?:\s+(?:content|links?|stories|posts?))?|ads?|promoted"
    r"|paid\s+(?:content|post)|story\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?"
    r"|continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+to\s+continue(?:\s+with\s+content)?"
    r"|\[?ad_\d+\]?(?:\s*source\s+link)?|source\s+link)[\s\-\u2013\u2014*\])]*$",
    _I,
)
_TAGS = re.compile(r"^(?:tags?|tagged(?:\s+with)?|keywords|topics|filed\s+under|categories)\b\s*[:\-\u2013]?(?:\s|$)", _I)  # noqa: E501
_SHARE = re.compile(
    r"^(?:(?:share(?:\s+(?:this|the)(?:\s+(?:article|story|page|post))?|\s+on\s+\w+|\s+via)?|tweet|facebook"
    r"|twitter|x|whatsapp|e-?mail|print|pinterest|linkedin|telegram|reddit|copy\s+link|messenger|vk|sms"
    r"|google\+?)\b[\s|•·,/:\-]*)+$",
    _I,
)
_PHOTO = re.compile(
    r"^(?:(?:photo|photos|photograph|picture|pic|image|file\s+photo|illustration)(?:\s+credits?)?\s*[:/|]"
    r"|\(?(?:photo|photograph|picture|image)s?\s+(?:by|courtesy|credit)\b"
    r"|(?:afp|ap|epa|reuters|anadolu(?:\s+agency)?|aa|sana|getty)(?:\s+(?:photo|images?))?\s*/"
    r"|getty\s+images\b)",
    _I,
)
_CAPTION = re.compile(r"^(?:image|media|video)\s+(?:caption|copyright|source)\b", _I)
_PHOTO_TAIL = re.compile(r"(?:/|\bvia|\bby)\s*getty\s+images\)?$|^\(.*\bgetty\s+images\)$", _I)
_SOCIAL = re.compile(
    r"^(?:follow\s+us\s+on|subscribe\s+(?:to|for)|sign\s+up\s+(?:for|to)|click\s+here\b|get\s+short\s+url"
    r"|all\s+rights\s+reserved|©|\(c\)\s*\d{4}|copyright\b.*(?:\d{4}|reserved))",
    _I,
)
_URL = re.compile(r"^(?:[-*•]\s*)?(?:https?://|www\.)\S+$|^(?:[-*•]\s*)?\[[^\]]+\]\([^)]+\)$", _I)

# Scraped JSON / PHP serialisations: the start of a dump line or block.
_DUMP_START = re.compile(
    r"^(?:string\(\d+\)\s*\"|array\s*\(\s*\d*\s*\)?\s*[{(]?|object\([\w\\]+\)|a:\d+:\{|O:\d+:\""
    r"|\{\s*\"|\{\s*$|\[\s*[{\[\"]|\[\s*$|var_dump\b)",
)
# Inside a paragraph: where a dump that runs to its end may start.
_INLINE_DUMP = re.compile(r"(?:string\(\d+\)\s*\"|\[\s*\{\s*\"|\{\s*\"[\w\-]+\"\s*:|a:\d+:\{s:\d+:\")")
_DUMP_SIGNS = re.compile(r"\"\s*[:;,]\s*[\"\d\[{]|[{\[]\s*\"")

#: Spans removed inside a paragraph: photo credits in brackets, ad tokens.
INLINE_JUNK = re.compile(
    r"\s*\((?:photo|photograph|picture|image|file\s+photo)s?(?:\s*:|\s+(?:by|credit|courtesy)\b)[^()]{0,160}\)"
    r"|\s*\[ad_\d+\]",
    _I,
)

# Arabic page furniture (the same kinds, as Arabic pages word them)
_AR_READ_ALSO = re.compile(r"^(?:[اإ]قر[أا]\s+(?:[أا]يض[اً]+|المزيد)|(?:مواضيع|[أا]خبار|مقالات)\s+(?:ذات\s+صلة|متعلقة)"  # noqa: E501
                           r"|ذات\s+صلة)\s*[:\-\u2013|»]")
_AR_RELATED_HEADER = re.compile(r"^(?:(?:مواضيع|[أا]خبار|مقالات|قصص)\s+(?:ذات\s+صلة|متعلقة|[أا]خرى)|ذات\s+صلة"
                                r"|[اإ]قر[أا]\s+(?:[أا]يض[اً]+|المزيد)|الأكثر\s+(?:قراءة|مشاهدة|تداولا)|آخر\s+الأخبار"
                                r"|[أا]خبار\s+عاجلة|قد\s+يعجبك\s+[أا]يض[اً]+)\s*[:\-\u2013|».]*$")
_AR_COMMENTS = re.compile(r"^(?:التعليقات|تعليقات(?:\s+القراء)?|[أا]ضف\s+تعليق[اً]*|اترك\s+تعليق[اً]*|\d+\s+تعليق[اًات]*)"  # noqa: E501
                          r"\s*[:\-\u2013|»]*$")
_AR_TAGS = re.compile(r"^(?:الوسوم|وسوم|كلمات\s+مفتاحية|الكلمات\s+المفتاحية|تاغ|الموضوعات|مواضيع)\s*[:\-\u2013](?:\s|$)")  # noqa: E501
_AR_SHARE = re.compile(r"^(?:(?:شارك(?:\s+(?:الخبر|المقال|على))?|مشاركة|فيسبوك|فيس\s+بوك|تويتر|واتساب|واتس\s+[أا]ب|تلغرام"  # noqa: E501
                       r"|تيليجرام|طباعة|البريد\s+الإلكتروني|[إا]نستغرام|لينكد\s+[إا]ن|نسخ\s+الرابط)[\s|•·,،/:\-]*)+$")
_AR_PHOTO = re.compile(r"^(?:صورة(?:\s+[أا]رشيفية)?|الصورة|صور|تصوير|[أا]رشيفية)\s*[:/(\-|]"
                       r"|(?:[أا]\.\s?ف\.\s?ب|ا\s?ف\s?ب|رويترز|الأناضول|[أا]سوشيتد\s+برس|[إا]ي\s?بي\s?[أا])[)\].]*$")
_AR_AD = re.compile(r"^[\s\-*\[(]*(?:[إا]علان|[إا]علانات|محتوى\s+(?:مدعوم|ممول|برعاية))[\s\-*\])]*$")
_AR_SOCIAL = re.compile(r"^(?:تابعونا\s+على|تابعنا\s+على|اشترك\s+(?:في|ب)|جميع\s+الحقوق\s+محفوظة|حقوق\s+النشر|للاشتراك)")  # noqa: E501
_ARABIC = re.compile(r"[\u0621-\u064a]")


def _arabic_junk(line: str, n: int) -> str | None:
    """:func:`line_junk` for a line in Arabic."""
    if _AR_AD.match(line) and n <= 8:
        return "ad"
    if _AR_SHARE.match(line) and n <= 12:
        return "share"
    if n <= 30 and _AR_READ_ALSO.match(line):
        return "read-also"
    if n <= 40 and _AR_TAGS.match(line) and not is_prose(line):
        return "tags"
    if n <= 15 and _AR_PHOTO.search(line) and (_AR_PHOTO.match(line) or not is_prose(line.rstrip(".") + "x")):
        return "photo"
    if n <= 20 and _AR_SOCIAL.match(line):
        return "boilerplate"
    return None


_TERMINAL = re.compile(r"[.!?\u2026](?:[\"'\u201d\u2019)\]]+)?$|[.!?\u2026][\"'\u201d\u2019]$")


def words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """Ends like a sentence (``.``, ``!``, ``?``, possibly inside a closing quote)."""
    return bool(_TERMINAL.search(line))


def is_headline_like(line: str, lo: int = 2, hi: int = 20) -> bool:
    """A short line that does not end like a sentence (a headline, a link text)."""
    if is_prose(line) or line.endswith((":", ",", ";", "\u201d", '"', "\u2019")):
        return False
    return lo <= words(line) <= hi and ". " not in line


def is_comments_header(line: str) -> bool:
    return words(line) <= 12 and bool(_COMMENTS_HEADER.match(line) or _AR_COMMENTS.match(line))


def is_related_header(line: str) -> bool:
    return words(line) <= 8 and bool(_RELATED_HEADER.match(line) or _AR_RELATED_HEADER.match(line))


def dump_start(line: str) -> bool:
    return bool(_DUMP_START.match(line))


def dump_depth(line: str, depth: int = 0) -> int:
    """Bracket depth after ``line``, ignoring brackets inside double-quoted strings."""
    in_string = escaped = False
    for ch in line:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
    return depth


def trailing_dump_start(paragraph: str) -> int | None:
    """Offset where a JSON/PHP dump begins and runs to the end of ``paragraph``."""
    for m in _INLINE_DUMP.finditer(paragraph):
        if len(_DUMP_SIGNS.findall(paragraph, m.start())) >= 3:
            return m.start()
    return None


def line_junk(line: str) -> str | None:
    """The kind of junk ``line`` is by itself (``"read-also"``, ``"ad"``...), or ``None``."""
    n = words(line)
    if _ARABIC.search(line[:40]):
        found = _arabic_junk(line, n)
        if found:
            return found
    if _AD.match(line) and n <= 8:
        return "ad"
    if _SHARE.match(line) and n <= 12:
        return "share"
    if _URL.match(line):
        return "link"
    if n <= 30 and _READ_ALSO.match(line):
        return "read-also"
    if n <= 40 and _TAGS.match(line) and not is_prose(line):
        return "tags"
    if n <= 15 and (_PHOTO.match(line) or _PHOTO_TAIL.search(line)):
        return "photo"
    if n <= 60 and _CAPTION.match(line):
        return "photo"
    if n <= 20 and _SOCIAL.match(line):
        return "boilerplate"
    return None
