"""Find word lists still written in Python source (issue #17).

A word list is any literal collection of more than ``LIMIT`` strings (a set, tuple, list or
the string keys of a dict) or a regular-expression alternation of more than ``LIMIT`` plain
words (``(?:one|two|three|...)``). Such lists belong in ``claimcheck/lexicons/*.txt``.

Run ``python -m tests.word_list_scan`` to print what it finds; ``tests/test_word_lists.py``
fails when it finds anything that is not on its allow-list.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LIMIT = 12
PACKAGE = Path(__file__).resolve().parent.parent / "claimcheck"

# Regex decorations that keep an alternative a word or phrase: optional parts, nested
# groups of words, "\s+", "\b", "\.", "['’]", "[- ]".
_DECORATION = re.compile(r"\(\?(?::|<?[=!])|\\[sb.\-'’]|\[[-\s\\s'’.]+\]|[()|?*+]")
_WORDISH = re.compile(r"[A-Za-z'’.\- ]*[A-Za-z]{2}[A-Za-z'’.\- ]*")


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the repository root
    line: int
    kind: str  # "collection" or "regex"
    size: int
    sample: str

    def key(self) -> str:
        """A stable name for the allow-list: path and the first words of the list."""
        return f"{self.path}:{self.kind}:{self.sample}"


def _strings(node: ast.AST) -> list[str]:
    """The plain string elements of a literal collection."""
    if isinstance(node, ast.Dict):
        elts = [k for k in node.keys if k is not None]
    elif isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        elts = list(node.elts)
    else:
        return []
    out = []
    for e in elts:
        if isinstance(e, (ast.Tuple, ast.List)) and e.elts:  # a table row: its first cell
            e = e.elts[0]
        if isinstance(e, ast.Constant) and isinstance(e.value, str):
            out.append(e.value)
    return out


def _split_words(node: ast.AST) -> list[str]:
    """The words of a string that the code splits into a list: ``"a b c".split()`` or an
    argument of a helper named like ``_words("a b c")``."""
    if not isinstance(node, ast.Call):
        return []
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "split" and not node.args:
        target: ast.AST | None = func.value
    elif isinstance(func, (ast.Name, ast.Attribute)) and node.args and (
        (func.id if isinstance(func, ast.Name) else func.attr).endswith("words")
    ):
        target = node.args[0]
    else:
        return []
    if isinstance(target, ast.Constant) and isinstance(target.value, str):
        return re.split(r"[\s|]+", target.value.strip())
    return []


def _folded(node: ast.AST) -> str | None:
    """The text of a string constant, an f-string (placeholders as "\\x00") or a "+" of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            if isinstance(v, ast.Constant) and isinstance(v.value, str):
                parts.append(v.value)
            else:
                parts.append("\x00")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _folded(node.left), _folded(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def alternations(pattern: str) -> Iterator[list[str]]:
    """Every group of ``|``-separated alternatives in ``pattern`` (the whole pattern too)."""
    stack: list[list[str]] = [[""]]
    openers: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            stack[-1][-1] += pattern[i : i + 2]
            i += 2
            continue
        if ch == "[":  # a character class is one unit: copy it whole
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            stack[-1][-1] += pattern[i : j + 1]
            i = j + 1
            continue
        if ch == "(":
            j = i + 1
            if pattern.startswith("?", j):  # (?:  (?P<name>  (?=  (?<!  (?i) ...
                m = re.match(r"\?(?:P<\w+>|<[=!]|[:=!>]|[aiLmsux-]+[:)]?)", pattern[j:])
                j += m.end() if m else 1
            stack.append([""])
            openers.append(pattern[i:j])
            i = j
            continue
        if ch == ")" and len(stack) > 1:
            alts = stack.pop()
            yield alts
            stack[-1][-1] += openers.pop() + "|".join(alts) + ")"
            i += 1
            continue
        if ch == "|":
            stack[-1].append("")
            i += 1
            continue
        stack[-1][-1] += ch
        i += 1
    for alts in stack:
        yield alts


def _word_alternatives(alts: list[str]) -> list[str]:
    return [a for a in alts if _WORDISH.fullmatch(_DECORATION.sub("", a))]


def scan_source(text: str, path: str) -> list[Finding]:
    """Word lists longer than ``LIMIT`` in the Python source ``text``."""
    tree = ast.parse(text)
    found: list[Finding] = []
    seen_strings: set[int] = set()
    for node in ast.walk(tree):
        strings = _strings(node)
        if len(strings) > LIMIT:
            found.append(Finding(path, node.lineno, "collection", len(strings), " ".join(strings[:3])))
        split = _split_words(node)
        if len(split) > LIMIT:
            found.append(Finding(path, node.lineno, "split", len(split), " ".join(split[:3])))
        if id(node) in seen_strings:
            continue
        pattern = _folded(node)
        if pattern is None:
            continue
        for sub in ast.walk(node):
            seen_strings.add(id(sub))
        for alts in alternations(pattern):
            words = _word_alternatives(alts)
            if len(words) > LIMIT:
                found.append(Finding(path, node.lineno, "regex", len(words), "|".join(words[:3])))
    return found


def scan_package(root: Path = PACKAGE) -> list[Finding]:
    """Word lists longer than ``LIMIT`` in every module of the package."""
    found: list[Finding] = []
    base = root.parent
    for file in sorted(root.rglob("*.py")):
        found.extend(scan_source(file.read_text(encoding="utf-8"), str(file.relative_to(base))))
    return found


if __name__ == "__main__":
    for f in scan_package():
        print(f"{f.path}:{f.line}\t{f.kind}\t{f.size}\t{f.sample}")
