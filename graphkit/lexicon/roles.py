"""Role titles -> structural relation ("deputy prime minister" -> member_of)."""
from __future__ import annotations

from .normalize import name_key

_PREPOSITIONS = ("of", "for", "to", "at", "in", "on")


class RoleMatcher:
    """Finds the longest known title at the end of a phrase and applies its modifiers.

    titles:    normalised title -> relation
    modifiers: normalised word/phrase -> "demote" | "keep" | "none"
    """

    def __init__(self, titles: dict[str, str], modifiers: dict[str, str]) -> None:
        self.titles = titles
        self.modifiers = modifiers
        self._longest = max((len(t.split()) for t in titles), default=1)

    def role_of(self, words: str) -> str | None:
        tokens = name_key(words).split()
        if not tokens or self._has_modifier(tokens, "none"):
            return None
        for candidate in self._candidates(tokens):
            found = self._match_tail(candidate)
            if found is None:
                found = self._match_tail(candidate[:-1] + [_singular(candidate[-1])])
            if found is not None:
                start, relation = found
                if relation == "leader_of" and self._has_modifier(candidate[:start], "demote"):
                    return "member_of"
                return relation
        return None

    def holds_no_role(self, words: str) -> bool:
        """'former', 'opposition' among the words: no current office ('former defence minister')."""
        return self._has_modifier(name_key(words).split(), "none")

    def is_title(self, words: str) -> bool:
        """The whole phrase is a title ('supreme leader'), not only its end ('White House spokesman')."""
        tokens = name_key(words).split()
        if not tokens:
            return False
        return " ".join(tokens) in self.titles or " ".join(tokens[:-1] + [_singular(tokens[-1])]) in self.titles

    def _candidates(self, tokens: list[str]) -> list[list[str]]:
        """The whole phrase, then the part before each preposition, longest first."""
        out = [tokens]
        for i in range(len(tokens) - 1, 0, -1):
            if tokens[i] in _PREPOSITIONS:
                out.append(tokens[:i])
        return out

    def _match_tail(self, tokens: list[str]) -> tuple[int, str] | None:
        for start in range(max(0, len(tokens) - self._longest), len(tokens)):
            relation = self.titles.get(" ".join(tokens[start:]))
            if relation is not None:
                return start, relation
        return None

    def _has_modifier(self, tokens: list[str], effect: str) -> bool:
        for i in range(len(tokens)):
            for j in range(i + 1, min(len(tokens), i + 3) + 1):
                if self.modifiers.get(" ".join(tokens[i:j])) == effect:
                    return True
        return False


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
