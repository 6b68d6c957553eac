"""Score the parser and the checker against meeting notes that come with answer keys.

Run from the project root:

    .venv/bin/python benchmarks/score_notes.py [DIR] [--note SUBSTR] [-v] [--json] [--check-goals]

DIR holds notes ``NN-name.md``, each with its answer key ``NN-name.expect.json``
(schema and comparison conventions: README.md and KEY-NOTES.md of the real-notes
corpus); files without a key are ignored. Each note goes through the public API
(``parsers.load_meeting``, then ``pipeline.check.check_meeting`` with the built-in
configuration) and is compared with its key: action items (matched one-to-one,
with owner, due date and done state), meeting fields, attendees, agenda,
decisions, required findings and findings on lines that must stay clean.

Output: one row per note, the totals, the goals of the project with a pass/fail
mark each, and a four-line summary as the last lines. A note that cannot be read
or parsed is reported on its own line and counts as nothing found.

Options:
  --note SUBSTR   only the notes whose file name contains SUBSTR
  -v, --verbose   per note: missed and extra items, wrong owners/dues, wrong fields,
                  missed attendees, agenda titles, missed decisions and findings, false alarms
  --json          the per-note and total figures as JSON instead of the table
  --check-goals   exit 1 when a goal is missed (otherwise the exit status is 0)

DIR defaults to the development corpus beside the project (../shared/real-notes);
without DIR and without that corpus the script says so and exits 0, so that
``make bench`` passes on machines without it. Exit status 2 when a given DIR is
missing or holds no note with a key.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import load_meeting  # noqa: E402
from pipeline.check import Finding, check_meeting, load_config  # noqa: E402
from pipeline.model import ActionItem, Meeting, Person  # noqa: E402

KEY_SUFFIX = ".expect.json"
# The development corpus sits beside the project: /work/shared/real-notes for /work/main.
DEFAULT_CORPUS = ROOT.parent / "shared" / "real-notes"
NAME_WIDTH = 28
# Markdown emphasis and code markers: keys are written without them, notes keep them.
MARKDOWN_MARKERS = str.maketrans("", "", "*_`~")
TITLE_TRAILING_PUNCTUATION = "。.，,；;：:、"
# A title that merely contains the other (or is contained) is right only when the shorter
# is most of the longer: "周会" inside a long sentence is not the title.
TITLE_MIN_SHARE = 0.6
DECISION_LINE_SLACK = 2
# Verbose details are "label       text"; a second line of the same detail starts under the text.
CONTINUED = " " * 12
MEETING_FIELDS = ("title", "date", "start_time", "end_time", "location", "host", "recorder")

Key = dict[str, Any]
Analysis = tuple[Meeting, list[Finding]]


# ---------------------------------------------------------------- text comparison


def normalise(text: str | None) -> str:
    """NFKC, no whitespace, no Markdown markers, lower case: how keys and output are compared."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).translate(MARKDOWN_MARKERS)
    return "".join(folded.split()).lower()


def normalise_title(text: str | None) -> str:
    return normalise(text).rstrip(TITLE_TRAILING_PUNCTUATION)


def contains_either_way(a: str, b: str) -> bool:
    """Both already normalised; an empty side never matches (it is contained in everything)."""
    return bool(a and b) and (a in b or b in a)


def titles_match(expected: str, produced: str | None) -> bool:
    want, got = normalise_title(expected), normalise_title(produced)
    if not want or not got:
        return want == got
    if want == got:
        return True
    shorter, longer = sorted((want, got), key=len)
    return shorter in longer and len(shorter) >= TITLE_MIN_SHARE * len(longer)


def person_labels(person: Person | None) -> list[str]:
    """The normalised ways to read a person: the name, and department + name."""
    if person is None:
        return []
    labels = [normalise(person.name), normalise(f"{person.department or ''}{person.name or ''}")]
    return [label for label in labels if label]


def person_matches(expected: str, person: Person | None) -> bool:
    want = normalise(expected)
    return any(contains_either_way(want, label) for label in person_labels(person))


def is_empty(person: Person | None) -> bool:
    return person is None or person.is_empty()


def show_person(person: Person | None) -> str:
    if is_empty(person):
        return "-"
    assert person is not None
    return " ".join(part for part in (person.department, person.name) if part)


def clip(text: str | None, width: int = 48) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    """Left-justify by display columns, so that Chinese file names keep the table aligned."""
    return text + " " * max(0, width - display_width(text))


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def fraction(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "-"


# ---------------------------------------------------------------- per-note score


@dataclass
class NoteScore:
    note: str
    error: str | None = None
    ai_expected: int = 0
    ai_matched: int = 0
    ai_produced: int = 0
    ai_false_positives: int = 0
    ai_false_positives_known_negative: int = 0
    ai_owner_right: int = 0
    ai_due_right: int = 0
    ai_owner_due_right: int = 0
    ai_done_right: int = 0
    co_owners_given: int = 0
    co_owners_right: int = 0
    fields_given: int = 0
    fields_right: int = 0
    field_results: dict[str, bool] = field(default_factory=dict)
    attendees_expected: int = 0
    attendees_found: int = 0
    attendees_extra: int = 0
    agenda_count_expected: int | None = None
    agenda_count_produced: int = 0
    agenda_count_exact: bool | None = None
    agenda_titles_expected: int = 0
    agenda_titles_found: int = 0
    decisions_expected: int = 0
    decisions_found: int = 0
    findings_required: int = 0
    findings_raised: int = 0
    false_alarms: int = 0
    # Human-readable diagnosis for --verbose; not part of the figures.
    details: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        figures = asdict(self)
        del figures["details"]
        return figures

    def nothing_found(self) -> None:
        """A note the tool could not handle: keep what was expected, count nothing as found."""
        self.ai_matched = self.ai_produced = self.ai_false_positives = 0
        self.ai_false_positives_known_negative = 0
        self.ai_owner_right = self.ai_due_right = self.ai_owner_due_right = self.ai_done_right = 0
        self.co_owners_right = self.fields_right = 0
        self.field_results = dict.fromkeys(self.field_results, False)
        self.attendees_found = self.attendees_extra = 0
        self.agenda_count_produced = 0
        self.agenda_count_exact = None if self.agenda_count_expected is None else False
        self.agenda_titles_found = self.decisions_found = 0
        self.findings_raised = self.false_alarms = 0
        self.details = []


def covers(item: ActionItem, line: int) -> bool:
    return item.line <= line <= (item.end_line or item.line)


def match_action_items(expected: list[Key], produced: list[ActionItem]) -> dict[int, int]:
    """Pair expected items with produced ones, one-to-one: {expected index: produced index}.

    First pass: the produced item covers the expected line and its task contains
    ``task_contains``. Second pass, for what is left: line alone, but only for an
    expected item that is the only unmatched one on its line; otherwise the line
    cannot tell which of them the produced item is.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for e_index, want in enumerate(expected):
        needle = normalise(want.get("task_contains"))
        candidates = sorted(
            (abs(item.line - want["line"]), p_index)
            for p_index, item in enumerate(produced)
            if p_index not in used and covers(item, want["line"]) and needle in normalise(item.task)
        )
        if candidates:
            pairs[e_index] = candidates[0][1]
            used.add(candidates[0][1])
    unmatched_per_line = Counter(
        want["line"] for e_index, want in enumerate(expected) if e_index not in pairs
    )
    # Nearest start line first, so that an item spanning several expected lines goes to
    # the one it starts on.
    line_only = sorted(
        (abs(item.line - want["line"]), e_index, p_index)
        for e_index, want in enumerate(expected)
        if e_index not in pairs and unmatched_per_line[want["line"]] == 1
        for p_index, item in enumerate(produced)
        if p_index not in used and covers(item, want["line"])
    )
    for _, e_index, p_index in line_only:
        if e_index not in pairs and p_index not in used:
            pairs[e_index] = p_index
            used.add(p_index)
    return pairs


def owner_right(want: Key, item: ActionItem) -> bool:
    owner = item.owner
    if want.get("owner_name_contains"):
        needle = normalise(want["owner_name_contains"])
        texts = (
            (item.owner_text,) if owner is None else (owner.name, owner.department, item.owner_text)
        )
        return any(needle in normalise(text) for text in texts if text)
    if want.get("owner_department"):
        # The key names only a department or collective: naming nobody is as right as naming it.
        if is_empty(owner):
            return True
        assert owner is not None
        needle = normalise(want["owner_department"])
        return needle in normalise(owner.department) or needle in normalise(owner.name)
    return is_empty(owner)


def due_right(want: Key, item: ActionItem) -> bool:
    return want.get("due") == (item.due.isoformat() if item.due else None)


def done_right(want: Key, item: ActionItem) -> bool:
    return bool(want.get("done")) == (item.status == "done")


def co_owners_right(want: Key, item: ActionItem) -> bool:
    return all(
        any(person_matches(name, person) for person in item.co_owners)
        for name in want.get("co_owners") or []
    )


def show_expected_item(want: Key) -> str:
    owner = want.get("owner_name_contains") or (
        f"[{want['owner_department']}]" if want.get("owner_department") else "-"
    )
    extra = f" +{','.join(want['co_owners'])}" if want.get("co_owners") else ""
    done = " done" if want.get("done") else ""
    return f'L{want["line"]} "{clip(want.get("task_contains"))}" owner {owner}{extra} due {want.get("due") or "-"}{done}'


def show_lines(item: ActionItem) -> str:
    end = item.end_line or item.line
    return f"L{item.line}" if end == item.line else f"L{item.line}-{end}"


def score_action_items(score: NoteScore, key: Key, meeting: Meeting) -> None:
    expected: list[Key] = key.get("action_items") or []
    produced = meeting.action_items
    negatives = {entry["line"]: entry.get("why", "") for entry in key.get("not_action_items") or []}
    pairs = match_action_items(expected, produced)
    score.ai_expected = len(expected)
    score.ai_produced = len(produced)
    score.ai_matched = len(pairs)
    for e_index, want in enumerate(expected):
        if e_index not in pairs:
            score.details.append(f"AI missed   {show_expected_item(want)}")
            continue
        item = produced[pairs[e_index]]
        owner_ok = owner_right(want, item)
        due_ok = due_right(want, item)
        done_ok = done_right(want, item)
        score.ai_owner_right += owner_ok
        score.ai_due_right += due_ok
        score.ai_owner_due_right += owner_ok and due_ok
        score.ai_done_right += done_ok
        if want.get("co_owners"):
            score.co_owners_given += 1
            score.co_owners_right += co_owners_right(want, item)
        wrong = []
        if not owner_ok:
            got = show_person(item.owner)
            if item.owner_text and normalise(item.owner_text) != normalise(got):
                got += f' (as written "{clip(item.owner_text, 24)}")'
            wrong.append(f"owner {got}")
        if not due_ok:
            wrong.append(f"due {item.due.isoformat() if item.due else '-'}")
        if not done_ok:
            wrong.append(f"status {item.status}")
        if wrong:
            score.details.append(f"AI wrong    {show_expected_item(want)}")
            score.details.append(
                f'{CONTINUED}got {show_lines(item)} "{clip(item.task)}": {"; ".join(wrong)}'
            )
    matched = set(pairs.values())
    for p_index, item in enumerate(produced):
        if p_index in matched:
            continue
        score.ai_false_positives += 1
        note = ""
        if item.line in negatives:
            score.ai_false_positives_known_negative += 1
            note = f"  [known negative: {clip(negatives[item.line], 40)}]"
        score.details.append(
            f'AI extra    {show_lines(item)} "{clip(item.task)}" owner {show_person(item.owner)}{note}'
        )


def field_right(name: str, want: Any, meeting: Meeting) -> bool:
    got = getattr(meeting, name)
    if want is None:  # the key says the note has none
        return got is None or (isinstance(got, Person) and got.is_empty()) or got == ""
    if name == "title":
        return titles_match(want, got)
    if name == "date":
        return got is not None and got.isoformat() == want
    if name == "location":
        return contains_either_way(normalise(want), normalise(got))
    if name in ("host", "recorder"):
        return person_matches(want, got)
    return bool(got == want)


def show_field(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, Person):
        return show_person(value)
    return f'"{clip(str(value), 40)}"' if isinstance(value, str) else str(value)


def score_fields(score: NoteScore, key: Key, meeting: Meeting) -> None:
    for name in MEETING_FIELDS:
        if name not in key:
            continue
        right = field_right(name, key[name], meeting)
        score.field_results[name] = right
        score.fields_given += 1
        score.fields_right += right
        if not right:
            score.details.append(
                f"field       {name}: want {show_field(key[name])} got {show_field(getattr(meeting, name))}"
            )


def score_attendees(score: NoteScore, key: Key, meeting: Meeting) -> None:
    expected: list[str] = key.get("attendees") or []
    present = [person for person in meeting.attendees if person.role == "attendee"]
    missed = [name for name in expected if not any(person_matches(name, p) for p in present)]
    # Without a list in the key there is nothing to call extra.
    extra = [p for p in present if expected and not any(person_matches(n, p) for n in expected)]
    score.attendees_expected = len(expected)
    score.attendees_found = len(expected) - len(missed)
    score.attendees_extra = len(extra)
    if missed:
        score.details.append(f"attendees   missed: {', '.join(missed)}")
    if extra:
        score.details.append(f"attendees   extra:  {', '.join(show_person(p) for p in extra)}")


def score_agenda(score: NoteScore, key: Key, meeting: Meeting) -> None:
    produced = [normalise_title(item.title) for item in meeting.agenda]
    score.agenda_count_produced = len(meeting.agenda)
    if key.get("agenda_count") is not None:
        score.agenda_count_expected = key["agenda_count"]
        score.agenda_count_exact = len(meeting.agenda) == key["agenda_count"]
    expected: list[str] = key.get("agenda_titles") or []
    missed = [
        title
        for title in expected
        if not any(contains_either_way(normalise_title(title), got) for got in produced)
    ]
    score.agenda_titles_expected = len(expected)
    score.agenda_titles_found = len(expected) - len(missed)
    if score.agenda_count_exact is False or missed:
        count = f"count {len(meeting.agenda)}, want {key.get('agenda_count', '-')}"
        score.details.append(
            f"agenda      {count}; missed: {' | '.join(clip(t, 30) for t in missed) or '-'}"
        )
        got = " | ".join(clip(item.title, 30) for item in meeting.agenda) or "-"
        score.details.append(f"{CONTINUED}got: {got}")


class DecisionEntry(NamedTuple):
    text: str
    line: int | None
    end_line: int | None


def decision_entries(meeting: Meeting) -> list[DecisionEntry]:
    """Every decision the tool recorded, with the source lines it came from (None if unknown).

    The one place that knows where decisions live in the model, so that a future
    ``Meeting.decisions`` list needs a change here only.
    """
    entries = []
    for item in (*meeting.agenda, *getattr(meeting, "other_sections", [])):
        spans = {span.index: span for span in item.spans if span.field == "resolutions"}
        for index, text in enumerate(item.resolutions):
            span = spans.get(index)
            entries.append(
                DecisionEntry(text, span.line if span else None, span.end_line if span else None)
            )
    return entries


def decision_found(want: Key, entries: list[DecisionEntry]) -> bool:
    needle, line = normalise(want.get("text_contains")), want["line"]
    # (first line, last line) of every entry with the text; an entry without lines cannot be placed.
    spans = [
        (entry.line, entry.end_line or entry.line)
        for entry in entries
        if entry.line is not None and needle in normalise(entry.text)
    ]
    return any(first <= line <= last for first, last in spans) or any(
        abs(first - line) <= DECISION_LINE_SLACK for first, _ in spans
    )


def score_decisions(score: NoteScore, key: Key, meeting: Meeting) -> None:
    expected: list[Key] = key.get("decisions") or []
    entries = decision_entries(meeting)
    score.decisions_expected = len(expected)
    for want in expected:
        if decision_found(want, entries):
            score.decisions_found += 1
            continue
        nearby = [
            f'L{entry.line} "{clip(entry.text, 30)}"'
            for entry in entries
            if entry.line is not None and abs(entry.line - want["line"]) <= DECISION_LINE_SLACK
        ]
        hint = f"  (resolutions near: {'; '.join(nearby)})" if nearby else ""
        score.details.append(
            f'decision    missed L{want["line"]} "{clip(want.get("text_contains"))}"{hint}'
        )


def score_findings(score: NoteScore, key: Key, findings: list[Finding]) -> None:
    raised = {(finding.rule, finding.line) for finding in findings}
    required: list[Key] = key.get("findings_required") or []
    score.findings_required = len(required)
    for want in required:
        if (want["rule"], want["line"]) in raised:
            score.findings_raised += 1
        else:
            score.details.append(f"finding     missed L{want['line']} {want['rule']}")
    forbidden = set(key.get("findings_forbidden_lines") or [])
    for finding in findings:
        if finding.line in forbidden:
            score.false_alarms += 1
            score.details.append(
                f"false alarm L{finding.line} {finding.rule} ({finding.severity}): {clip(finding.message, 60)}"
            )


def score_note(note: str, key: Key, meeting: Meeting, findings: list[Finding]) -> NoteScore:
    """Compare the tool's output for one note with its key."""
    score = NoteScore(note)
    score_action_items(score, key, meeting)
    score_fields(score, key, meeting)
    score_attendees(score, key, meeting)
    score_agenda(score, key, meeting)
    score_decisions(score, key, meeting)
    score_findings(score, key, findings)
    return score


# ---------------------------------------------------------------- corpus


def analyse(path: Path) -> Analysis:
    """The tool's output for one note, through the public API only."""
    meeting, source = load_meeting(path)
    # The built-in defaults: a minutes.toml lying in the corpus folder must not change the result.
    return meeting, check_meeting(meeting, source, str(path), load_config(None))


def find_notes(folder: Path) -> list[tuple[Path, Path | None]]:
    """(key, note) pairs in name order; note is None when a key has no note beside it."""
    files = sorted(path for path in folder.iterdir() if path.is_file())
    pairs: list[tuple[Path, Path | None]] = []
    for key_path in files:
        if not key_path.name.endswith(KEY_SUFFIX):
            continue
        stem = key_path.name[: -len(KEY_SUFFIX)]
        notes = [p for p in files if p.stem == stem and not p.name.endswith(".json")]
        notes.sort(key=lambda p: (p.suffix != ".md", p.name))
        pairs.append((key_path, notes[0] if notes else None))
    return pairs


def score_file(
    key_path: Path, note_path: Path | None, analyse: Callable[[Path], Analysis] = analyse
) -> NoteScore:
    name = note_path.name if note_path else key_path.name[: -len(KEY_SUFFIX)] + ".md"
    try:
        key = json.loads(key_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return NoteScore(name, error=f"bad key {key_path.name}: {error}")
    if note_path is None:
        failure = f"no note file beside {key_path.name}"
    else:
        try:
            meeting, findings = analyse(note_path)
        except Exception as error:  # any failure of the tool is a result to report, not a crash
            failure = f"{type(error).__name__}: {' '.join(str(error).split())}"
        else:
            try:
                return score_note(name, key, meeting, findings)
            except Exception as error:
                return NoteScore(name, error=f"cannot score against {key_path.name}: {error!r}")
    try:
        # Scored against an empty meeting only to learn what the key expects.
        score = score_note(name, key, Meeting(), [])
    except Exception:
        return NoteScore(name, error=failure)
    score.nothing_found()
    score.error = failure
    return score


def score_folder(
    folder: Path, only: str | None = None, analyse: Callable[[Path], Analysis] = analyse
) -> list[NoteScore]:
    return [
        score_file(key_path, note_path, analyse)
        for key_path, note_path in find_notes(folder)
        if only is None or only in (note_path.name if note_path else key_path.name)
    ]


# ---------------------------------------------------------------- totals and goals

# Every plain count of a note adds up over the corpus (the produced agenda length means nothing summed).
COUNTED = [
    spec.name
    for spec in dataclass_fields(NoteScore)
    if spec.type in ("int", int) and spec.name != "agenda_count_produced"
]


def totals(scores: list[NoteScore]) -> dict[str, Any]:
    total: dict[str, Any] = {name: sum(getattr(s, name) for s in scores) for name in COUNTED}
    total["notes"] = len(scores)
    total["load_errors"] = sum(s.error is not None for s in scores)
    total["agenda_notes"] = sum(s.agenda_count_exact is not None for s in scores)
    total["agenda_exact_notes"] = sum(s.agenda_count_exact is True for s in scores)
    total["per_field"] = {
        name: {
            "right": sum(s.field_results.get(name) is True for s in scores),
            "given": sum(name in s.field_results for s in scores),
        }
        for name in MEETING_FIELDS
    }
    total["ai_recall"] = ratio(total["ai_matched"], total["ai_expected"])
    total["ai_precision"] = ratio(total["ai_matched"], total["ai_produced"])
    total["ai_owner_due"] = ratio(total["ai_owner_due_right"], total["ai_expected"])
    total["ai_done"] = ratio(total["ai_done_right"], total["ai_matched"])
    total["fields"] = ratio(total["fields_right"], total["fields_given"])
    total["attendees"] = ratio(total["attendees_found"], total["attendees_expected"])
    total["agenda_exact"] = ratio(total["agenda_exact_notes"], total["agenda_notes"])
    total["agenda_titles"] = ratio(total["agenda_titles_found"], total["agenda_titles_expected"])
    total["decisions"] = ratio(total["decisions_found"], total["decisions_expected"])
    total["findings_recall"] = ratio(total["findings_raised"], total["findings_required"])
    total["false_alarms_per_note"] = ratio(total["false_alarms"], total["notes"])
    return total


class Goal(NamedTuple):
    short: str
    label: str
    figure: str  # a key of totals()
    target: float
    at_most: bool = False

    def met(self, value: float | None) -> bool | None:
        if value is None:  # nothing to measure in this corpus
            return None
        return value <= self.target if self.at_most else value >= self.target


GOALS = (
    Goal("recall", "action-item recall ≥ 90%", "ai_recall", 0.90),
    Goal("precision", "action-item precision ≥ 90%", "ai_precision", 0.90),
    Goal("owner+due", "owner and due both right ≥ 85% of items", "ai_owner_due", 0.85),
    Goal("fields", "meeting fields ≥ 95%", "fields", 0.95),
    Goal("attendees", "attendees ≥ 90%", "attendees", 0.90),
    Goal("agenda", "agenda count exact on ≥ 80% of notes", "agenda_exact", 0.80),
    Goal("decisions", "decisions ≥ 85%", "decisions", 0.85),
    Goal("findings", "findings recall ≥ 90%", "findings_recall", 0.90),
    Goal("false alarms", "≤ 0.3 false alarms a note", "false_alarms_per_note", 0.3, at_most=True),
)


def goal_results(total: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "goal": goal.short,
            "label": goal.label,
            "value": total[goal.figure],
            "target": goal.target,
            "met": goal.met(total[goal.figure]),
        }
        for goal in GOALS
    ]


# ---------------------------------------------------------------- report

HEADER = (
    f"{pad('note', NAME_WIDTH)} {'AI':^7} {'FP(neg)':>7} {'own+due':>7} {'fields':>6} "
    f"{'attend':>7} {'agenda':>6} {'decis':>6} {'finding':>7} {'FA':>3}"
)


def short_name(note: str) -> str:
    stem = note[:-3] if note.endswith(".md") else note
    return stem[:NAME_WIDTH]


def row(score: NoteScore) -> str:
    name = pad(short_name(score.note), NAME_WIDTH)
    if score.error is not None:
        return f"{name} load error: {score.error}"
    agenda = {None: "-", True: "✓", False: "✗"}[score.agenda_count_exact]
    false_positives = f"{score.ai_false_positives}({score.ai_false_positives_known_negative})"
    return (
        f"{name} {score.ai_matched:>3}/{score.ai_expected:<3} {false_positives:>7} "
        f"{fraction(score.ai_owner_due_right, score.ai_expected):>7} "
        f"{fraction(score.fields_right, score.fields_given):>6} "
        f"{fraction(score.attendees_found, score.attendees_expected):>7} {agenda:>6} "
        f"{fraction(score.decisions_found, score.decisions_expected):>6} "
        f"{fraction(score.findings_raised, score.findings_required):>7} {score.false_alarms:>3}"
    )


def total_row(total: dict[str, Any]) -> str:
    false_positives = f"{total['ai_false_positives']}({total['ai_false_positives_known_negative']})"
    agenda = fraction(total["agenda_exact_notes"], total["agenda_notes"])
    return (
        f"{pad('TOTAL', NAME_WIDTH)} {total['ai_matched']:>3}/{total['ai_expected']:<3} "
        f"{false_positives:>7} {fraction(total['ai_owner_due_right'], total['ai_expected']):>7} "
        f"{fraction(total['fields_right'], total['fields_given']):>6} "
        f"{fraction(total['attendees_found'], total['attendees_expected']):>7} {agenda:>6} "
        f"{fraction(total['decisions_found'], total['decisions_expected']):>6} "
        f"{fraction(total['findings_raised'], total['findings_required']):>7} "
        f"{total['false_alarms']:>3}"
    )


def summary(total: dict[str, Any], goals: list[dict[str, Any]]) -> list[str]:
    """Exactly four lines: a hook shows only the last four lines of the output."""
    missing = [goal["goal"] for goal in goals if goal["met"] is False]
    measured = [goal for goal in goals if goal["met"] is not None]
    per_note = total["false_alarms_per_note"]
    return [
        f"action items  recall {percent(total['ai_recall'])} ({total['ai_matched']}/{total['ai_expected']})"
        f"  precision {percent(total['ai_precision'])} ({total['ai_matched']}/{total['ai_produced']})"
        f"  owner+due {percent(total['ai_owner_due'])}  done {percent(total['ai_done'])}",
        f"meeting fields {percent(total['fields'])} ({total['fields_right']}/{total['fields_given']})"
        f"  attendees {percent(total['attendees'])} ({total['attendees_found']}/{total['attendees_expected']})"
        f"  agenda exact {percent(total['agenda_exact'])} ({total['agenda_exact_notes']}/{total['agenda_notes']})"
        f"  decisions {percent(total['decisions'])} ({total['decisions_found']}/{total['decisions_expected']})",
        f"findings recall {percent(total['findings_recall'])} ({total['findings_raised']}/{total['findings_required']})"
        f"  false alarms {'n/a' if per_note is None else f'{per_note:.2f}'}/note"
        f" ({total['false_alarms']}/{total['notes']})",
        f"goals met: {len(measured) - len(missing)}/{len(measured)}"
        + (f" (missing: {', '.join(missing)})" if missing else ""),
    ]


def report(scores: list[NoteScore], verbose: bool) -> list[str]:
    total = totals(scores)
    goals = goal_results(total)
    lines = [HEADER]
    for score in scores:
        lines.append(row(score))
        if verbose:
            lines.extend(f"    {detail}" for detail in score.details)
    lines.append(total_row(total))
    per_field = "  ".join(
        f"{name} {fraction(count['right'], count['given'])}"
        for name, count in total["per_field"].items()
        if count["given"]
    )
    lines.append(f"fields: {per_field or '-'}")
    lines.append(
        f"for information: {total['ai_false_positives_known_negative']} of "
        f"{total['ai_false_positives']} false positives on known negative lines; "
        f"owner right {fraction(total['ai_owner_right'], total['ai_expected'])}, "
        f"due right {fraction(total['ai_due_right'], total['ai_expected'])}, "
        f"co-owners right {fraction(total['co_owners_right'], total['co_owners_given'])}; "
        f"agenda titles {fraction(total['agenda_titles_found'], total['agenda_titles_expected'])}; "
        f"extra attendees {total['attendees_extra']}; load errors {total['load_errors']}"
    )
    lines.append("goals:")
    for goal in goals:
        mark = {None: "-", True: "✓", False: "✗"}[goal["met"]]
        value = goal["value"]
        shown = (
            "n/a"
            if value is None
            else f"{value:.2f}/note"
            if goal["goal"] == "false alarms"
            else percent(value)
        )
        lines.append(f"  {mark} {pad(goal['label'], 42)} {shown}")
    lines.extend(summary(total, goals))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "dir",
        type=Path,
        nargs="?",
        help=f"folder of notes with NN-name{KEY_SUFFIX} keys (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument("--note", metavar="SUBSTR", help="only notes whose file name contains it")
    parser.add_argument("-v", "--verbose", action="store_true", help="details for each note")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    parser.add_argument("--check-goals", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    if args.dir is None:
        # `make bench` runs every benchmark without arguments: without the corpus there is
        # nothing to measure, which is not a failure of the tool.
        if not DEFAULT_CORPUS.is_dir():
            print(f"score_notes: skipped, no corpus at {DEFAULT_CORPUS} (give DIR)")
            return 0
        args.dir = DEFAULT_CORPUS
    if not args.dir.is_dir():
        print(f"score_notes: no such folder: {args.dir}", file=sys.stderr)
        return 2
    scores = score_folder(args.dir, args.note)
    if not scores:
        which = f" matching {args.note!r}" if args.note else ""
        print(f"score_notes: no note with a {KEY_SUFFIX} key{which} in {args.dir}", file=sys.stderr)
        return 2
    total = totals(scores)
    goals = goal_results(total)
    if args.json:
        document = {"notes": [s.figures() for s in scores], "totals": total, "goals": goals}
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print("\n".join(report(scores, args.verbose)))
    missed = any(goal["met"] is False for goal in goals)
    return 1 if args.check_goals and missed else 0


if __name__ == "__main__":
    sys.exit(main())
