"""The parts of a court's judgment (判決, 決定), which it names in set words rather than numbers.

A Japanese judgment is written to a form.  After its caption it prints 「主　　文」 (the disposition)
and 「理　　由」 (or 「事実及び理由」, a lower court's 「事実」 and 「理由」), each a word alone on its line,
letter-spaced, in the text's own face and size: nothing but the word sets them off.  The reasons
of an appeal court answer each ground of appeal under a line of its own, 「上告代理人○○の上告理由に
ついて」 (「抗告人の抗告理由について」, 「…の上告受理申立て理由について」), over the reasons' own numbered
parts 「第１　…」.  A Supreme Court judgment then prints each justice's separate opinion after the
judges' decision, opened by the set sentence 「裁判官○○の補足意見は，次のとおりである。」 (意見,
反対意見; 「共同補足意見」 for two), over its own numbered parts.

So those lines are the judgment's outline: the disposition, the reasons and each opinion its
outermost parts, siblings of one another; a ground of appeal inside the reasons, outer to their
numbering.  They are read as such only in a judgment — a document that prints both 主文 and 理由
(or 事実及び理由) alone on their lines, in that order: elsewhere 「理由」 alone is a form's field.
"""

from __future__ import annotations

import re

from ..model.document import Line

# The outermost parts (主文, 理由, each opinion), and a ground of appeal inside the reasons.
DIVISION_RANK = 2
GROUND_RANK = 3

_DISPOSITION = "主文"
_REASONS = ("理由", "事実及び理由")
_DIVISIONS = (_DISPOSITION, "事実", *_REASONS)
# 「上告代理人○○ほかの上告理由について」「抗告人の抗告理由について」「…の上告受理申立て理由について」
_GROUND = re.compile(
    r"(?:上告|抗告|再抗告|申立|被上告|相手方)[^。，、]{0,60}理由(?:[（(][^）)]*[）)])?(?:第\S{1,6}点)?について")
# 「裁判官○○の補足意見は，次のとおりである。」「裁判官○○，同△△の共同補足意見は、次のとおりである。」
_OPINION = re.compile(r"裁判官[^。]{1,40}の(?:共同)?(?:補足意見|意見|反対意見)は[，、]次のとおりである。")


def judgment_parts(lines: list[Line]) -> dict[int, int]:
    """Line index → rank of the parts a judgment names in set words (see the module's docstring);
    empty for a document that is no judgment."""
    body = [index for index, line in enumerate(lines) if line.kind == "body"]
    words = {index: re.sub(r"\s", "", lines[index].text) for index in body}
    disposition = next((index for index in body if words[index] == _DISPOSITION), None)
    if disposition is None or not any(words[index] in _REASONS for index in body if index > disposition):
        return {}
    parts: dict[int, int] = {}
    for index in body:
        if index < disposition:
            continue
        word = words[index]
        if word in _DIVISIONS or _OPINION.fullmatch(word):
            parts[index] = DIVISION_RANK
        elif _GROUND.fullmatch(word):
            parts[index] = GROUND_RANK
    return parts
