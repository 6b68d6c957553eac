"""Build many notes files at once: find them, skip the unchanged, build the rest in parallel.

The flow is a stream, so memory stays flat however large the archive:

    inputs ──walk (lazy)──▶ sources ──hash + manifest──▶ tasks ──workers──▶ outcomes
                                         │ unchanged                           │
                                         ▼                                     ▼
                                      summary ◀──────────────── manifest journal, progress

A note is recorded in its manifest only after its documents are renamed into
place, one flushed journal line per note, so a run killed at any point is
finished by the next one without redoing what was done. With ``--pdf`` a built
note first waits, in the parent, for LibreOffice to convert its documents: the
waiting notes are converted in groups, by at most one LibreOffice process per
worker at a time (:mod:`pipeline.pdf`), and each is recorded with its PDFs or
fails naming the documents not converted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import functools
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from pipeline import __version__
from pipeline.atomic import is_temporary_name, write_text_atomically
from pipeline.build import MAX_STEM_CHARS, safe_stem
from pipeline.errors import MinutesError, UsageError
from pipeline.manifest import (
    JOURNAL_NAME,
    MANIFEST_NAME,
    Entry,
    Manifest,
    Setup,
    file_sha256,
    folder_sha256,
)
from pipeline.notes_files import NOTES_SUFFIX, shown, walk_notes
from pipeline.signals import handle_sigterm, ignore_signals, restore_signals, signals_held

if TYPE_CHECKING:  # the pool (and multiprocessing) is imported only when workers are started
    from pipeline.batch_pool import Crash, WorkerPool
    from pipeline.check.config import CheckConfig
    from pipeline.pdf import Converter

LOCK_NAME = ".minutes-build.lock"
# The folder a PDF conversion works in, inside the output folder (pipeline.pdf.WORK_PREFIX;
# not imported from there so that a build without --pdf does not load it).
PDF_WORK_PREFIX = ".minutes-pdf.minutes-tmp-"
# The most notes one LibreOffice call converts, and how many must be waiting before a
# call is started while notes are still being built (the .docx are made a hundred times
# faster than LibreOffice converts them: what waits at the end is shared out evenly).
PDF_GROUP_NOTES = 32


class BuildFunction(Protocol):
    def __call__(
        self,
        notes: Path,
        out_dir: Path,
        *,
        profile: str = ...,
        template_dir: Path | None = ...,
        encoding: str | None = ...,
        strict: bool = ...,
        config: Path | None = ...,
    ) -> Any: ...


@dataclass(frozen=True)
class BuildOptions:
    profile: str = "business"
    template_dir: Path | None = None
    encoding: str | None = None
    strict: bool = False
    config: Path | None = None


@dataclass(frozen=True)
class Source:
    """One notes file found, and where its documents and its manifest entry go."""

    notes: Path
    out_dir: Path
    root: Path  # the folder holding the manifest
    key: str  # the notes' path relative to the root's mirror, POSIX form
    named: bool  # named on the command line: its findings are printed
    # Recorded in a manifest and skipped when unchanged. Not so for a note named on
    # its own with no -o: the recorder asked for its documents, next to the notes,
    # and a manifest file would appear among (perhaps version-controlled) notes.
    tracked: bool = True
    # The documents' name when the notes' own would clash with another note's
    # (``a.md`` and ``a.MD``): ``a~2`` gives ``a~2.minutes.docx``. None: the notes' stem.
    stem: str | None = None


@dataclass(frozen=True)
class Task:
    source: Source
    notes_sha256: str


@dataclass
class Outcome:
    task: Task
    ok: bool
    outputs: list[str] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    reason: str = ""
    line: int | None = None


@dataclass
class Failure:
    notes: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.notes}:{self.line}" if self.line is not None else self.notes
        return f"{where}: {self.reason}"


@dataclass
class Summary:
    built: int = 0
    documents: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    notes_with_errors: int = 0
    unchanged_with_errors: int = 0  # as recorded when they were built
    elapsed: float = 0.0
    interrupted: bool = False
    stopped_by: int = 0  # the signal that interrupted the build (SIGINT for Ctrl-C, SIGTERM)
    # What is not one note's failure but must not pass in silence: a folder that could
    # not be read, a link not followed, a manifest that could not be written.
    problems: list[Failure] = field(default_factory=list)
    total: int = 0
    # Filled only when a report is asked for, so that memory stays flat otherwise.
    built_notes: list[dict[str, Any]] | None = None
    unchanged_notes: list[str] | None = None

    @property
    def done(self) -> int:
        return self.built + self.unchanged + len(self.failed)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": __version__,
            "interrupted": self.interrupted,
            "elapsed_seconds": round(self.elapsed, 3),
            "counts": {
                "notes": self.total,
                "built": self.built,
                "documents": self.documents,
                "unchanged": self.unchanged,
                "failed": len(self.failed),
            },
            "findings": {
                "total": sum(self.findings.values()),
                **self.findings,
                "notes_with_errors": self.notes_with_errors,
                "unchanged_notes_with_errors": self.unchanged_with_errors,
            },
            "failed": [{"notes": f.notes, "line": f.line, "reason": f.reason} for f in self.failed],
            "problems": [{"path": p.notes, "reason": p.reason} for p in self.problems],
            "built": self.built_notes if self.built_notes is not None else [],
            "unchanged": self.unchanged_notes if self.unchanged_notes is not None else [],
        }


# --------------------------------------------------------------------------- finding notes


def check_inputs(inputs: Sequence[Path], out_dir: Path | None) -> None:
    """Refuse, before any work, what cannot be right (exit status 2)."""
    if not inputs:
        raise UsageError("no notes file or folder given")
    for path in inputs:
        if not path.exists():
            raise UsageError("no such file or folder", path)
        if not (path.is_file() or path.is_dir()):
            raise UsageError("not a file or folder", path)
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise UsageError("the output path exists and is not a folder", out_dir)
    if out_dir is not None:
        blocker = _first_existing(out_dir)
        if blocker is not None and not blocker.is_dir():
            raise UsageError(f"the output folder cannot be made: {shown(blocker)} is a file", out_dir)


def check_report(
    report: Path,
    inputs: Sequence[Path],
    out_dir: Path | None,
    others: Sequence[Path | None] = (),
) -> None:
    """Refuse (exit status 2) a ``--report`` path that would replace something of the user's."""
    if report.is_dir():
        raise UsageError("--report names a folder; give the name of a file", report)
    blocker = _first_existing(report.parent)
    if blocker is not None and not blocker.is_dir():
        raise UsageError(f"--report cannot be written: {shown(blocker)} is a file", report)
    real = os.path.realpath(report)
    for path in [*inputs, *(p for p in others if p is not None)]:
        if os.path.realpath(path) == real:
            raise UsageError(f"--report would overwrite {shown(path)}, named on the command line", report)
    if report.exists() and report.name.lower().endswith(NOTES_SUFFIX):
        raise UsageError("--report would overwrite a Markdown file (notes?); give a .json name", report)
    if out_dir is not None and report.name in (MANIFEST_NAME, JOURNAL_NAME, LOCK_NAME):
        raise UsageError("--report would overwrite a file the build keeps", report)


def _first_existing(path: Path) -> Path | None:
    """``path`` or its nearest ancestor that exists."""
    for candidate in (path, *path.absolute().parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return None


def discover(
    inputs: Sequence[Path],
    out_dir: Path | None,
    problem: Callable[[str, str], None] | None = None,
) -> Iterator[Source]:
    """Every notes file under ``inputs``, lazily (one folder listing at a time), in a stable order."""
    for path in inputs:
        if path.is_dir():
            root = out_dir if out_dir is not None else path
            for folder, names in walk_notes(path, out_dir, problem):
                relative = os.path.relpath(folder, path)
                prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
                folder_path = Path(folder)
                target = root if relative == "." else root / relative
                for name in names:
                    yield Source(folder_path / name, target, root, prefix + name, named=False)
        else:
            root = out_dir if out_dir is not None else path.parent
            yield Source(
                notes=path, out_dir=root, root=root, key=path.name, named=True,
                tracked=out_dir is not None,
            )


def count_notes(inputs: Sequence[Path], out_dir: Path | None) -> int:
    return survey(inputs, out_dir)[0]


def survey(inputs: Sequence[Path], out_dir: Path | None) -> tuple[int, list[Path]]:
    """How many notes files there are, and one of them per folder holding notes (each
    folder's ``minutes.toml`` is found from it)."""
    total = 0
    samples: list[Path] = []
    for path in inputs:
        if path.is_dir():
            for folder, names in walk_notes(path, out_dir):
                if names:
                    total += len(names)
                    samples.append(Path(folder) / names[0])
        else:
            total += 1
            samples.append(path)
    return total, samples


def check_configs(notes: Iterable[Path], config: Path | None) -> None:
    """Load every checker configuration the build will use, once, before anything is built.

    A broken ``minutes.toml`` is then refused in one line naming it and its line (exit
    status 2) instead of failing every note under it."""
    from pipeline.check.config import find_config

    if config is not None:
        config_or_refuse(config)
        return
    seen: set[Path] = set()
    for path in notes:
        found = find_config(path)
        if found is not None and found not in seen:
            seen.add(found)
            config_or_refuse(found)


def config_or_refuse(path: Path) -> CheckConfig:
    """The ``minutes.toml`` at ``path``; a broken one is bad usage (exit 2), naming its line."""
    from pipeline.check.config import load_config

    try:
        return load_config(path)
    except UsageError:
        raise
    except MinutesError as error:
        raise UsageError(error.message, shown(error.path or path), error.line) from None


def check_templates(options: BuildOptions) -> None:
    """Prepare the templates the build will use, once, before anything is built, and
    render each once with a sample meeting under the trial budget (as ``minutes templates
    validate`` does): a template that cannot be read or compiled, or that fails or runs
    away when rendered, is refused in one line naming it (exit 2)."""
    from renderers import engine, template_paths
    from renderers.validate import trial_render

    try:
        for path in template_paths(options.profile, options.template_dir).values():
            # The built-in templates are tried too: a trial render of both costs a cold
            # build of one note about 5 ms.
            problem = trial_render(engine.load_template(path))
            if problem is not None:
                raise UsageError(problem.message, shown(path))
    except UsageError:
        raise
    except MinutesError as error:
        where = shown(error.path) if error.path is not None else None
        raise UsageError(error.message, where, error.line) from None


# --------------------------------------------------------------------------- temp files


def is_stray_temp(name: str) -> bool:
    """A temporary file left by a killed run: ours, or a document being written."""
    if is_temporary_name(name):
        return True
    return name.startswith(".") and ".docx" in name and name.endswith(".tmp")


def remove_stray_temps(folder: Path) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if is_stray_temp(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
        elif entry.name.startswith(PDF_WORK_PREFIX) and entry.is_dir(follow_symlinks=False):
            import shutil  # only when a killed run left a PDF conversion folder

            shutil.rmtree(entry.path, ignore_errors=True)


# --------------------------------------------------------------------------- the work


def run_task(task: Task, build: BuildFunction, options: BuildOptions) -> Outcome:
    """Build one note; never raises: a failure becomes an :class:`Outcome` with a reason."""
    source = task.source
    try:
        source.out_dir.mkdir(parents=True, exist_ok=True)
        result = build(
            source.notes,
            source.out_dir,
            profile=options.profile,
            template_dir=options.template_dir,
            encoding=options.encoding,
            strict=options.strict,
            config=options.config,
            **({"stem": source.stem} if source.stem is not None else {}),
        )
        return Outcome(
            task,
            ok=True,
            outputs=[str(p) for p in result.outputs],
            findings=list(result.findings),
        )
    except KeyboardInterrupt:
        raise
    except MinutesError as error:
        return Outcome(
            task,
            ok=False,
            reason=" ".join(error.message.split()),
            line=error.line,
            findings=list(getattr(error, "findings", None) or []),  # a --strict refusal's
        )
    except MemoryError:
        return Outcome(task, ok=False, reason="out of memory while building this note")
    except RecursionError:
        return Outcome(task, ok=False, reason="the notes are nested too deeply to build")
    except OSError as error:
        reason = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename else ""
        return Outcome(task, ok=False, reason=f"cannot write the documents: {reason}{where}")
    except BaseException as error:  # one bad note never stops the batch
        detail = " ".join(str(error).split())
        reason = f"internal error: {type(error).__name__}" + (f": {detail}" if detail else "")
        return Outcome(task, ok=False, reason=reason)


def _crash_outcome(crash: Crash[Task]) -> Outcome:
    return Outcome(crash.task, ok=False, reason=f"{crash.reason} while building this note")


# --------------------------------------------------------------------------- progress


class Progress:
    """A bar with ETA on a terminal; otherwise a line now and then (every 10 % or minute)."""

    def __init__(self, stream: IO[str], interactive: bool | None = None):
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._last_line_done = 0
        self._last_line_time = self.start
        self._bar_shown = False

    def update(self, summary: Summary, force: bool = False) -> None:
        now = time.monotonic()
        if self.interactive:
            if force or now - self._last_draw >= 0.1:
                self._last_draw = now
                self.stream.write("\r\x1b[K" + self._bar(summary, now))
                self.stream.flush()
                self._bar_shown = True
        elif summary.total >= 100 and summary.done < summary.total:
            step = max(1, summary.total // 10)
            if summary.done - self._last_line_done >= step or now - self._last_line_time >= 60:
                self._last_line_done = summary.done
                self._last_line_time = now
                self.stream.write(f"minutes build: {self._figures(summary, now)}\n")
                self.stream.flush()

    def line(self, text: str) -> None:
        """Print a line without breaking the bar."""
        if self._bar_shown:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()
        self._last_draw = 0.0

    def finish(self) -> None:
        if self.interactive and self._bar_shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._bar_shown = False

    def _figures(self, summary: Summary, now: float) -> str:
        done, total = summary.done, summary.total
        percent = 100 * done // total if total else 100
        elapsed = max(now - self.start, 1e-6)
        worked = summary.built + len(summary.failed)
        text = f"{done}/{total} notes ({percent}%)"
        if worked:
            rate = worked / elapsed
            text += f", {rate:.1f} notes/s, ETA {format_duration((total - done) / rate)}"
        if summary.failed:
            text += f", {len(summary.failed)} failed"
        return text

    def _bar(self, summary: Summary, now: float) -> str:
        width = 24
        filled = width * summary.done // summary.total if summary.total else width
        return "[" + "#" * filled + "." * (width - filled) + "] " + self._figures(summary, now)


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


# --------------------------------------------------------------------------- the runner


@dataclass
class BatchSettings:
    inputs: list[Path]
    out_dir: Path | None = None
    jobs: int | None = None  # None: every core
    force: bool = False
    options: BuildOptions = field(default_factory=BuildOptions)
    setup: Setup | None = None  # None: computed from the options
    keep_lists: bool = False  # list every note in the summary (for --report)
    pdf: bool = False  # also a PDF/A of each document, through LibreOffice


class BatchRunner:
    """Runs one ``minutes build`` over files and folders and returns its :class:`Summary`."""

    def __init__(
        self,
        settings: BatchSettings,
        build: BuildFunction,
        *,
        progress_stream: IO[str] | None = None,
        findings_stream: IO[str] | None = None,
        format_findings: Callable[[list[Any]], str] | None = None,
        warm_up: Callable[[], None] | None = None,
        interactive: bool | None = None,
        started: Callable[[], None] | None = None,
    ):
        self.settings = settings
        self.build = build
        self.progress_stream = progress_stream if progress_stream is not None else sys.stderr
        self.findings_stream = findings_stream if findings_stream is not None else sys.stdout
        self.format_findings = format_findings
        self.warm_up = warm_up
        self.interactive = interactive
        # Called once, when the first note is settled (built, failed or unchanged): the
        # start-up (imports, templates) is over.
        self.started = started
        self.setup = settings.setup or setup_for(settings.options)
        self.summary = Summary()
        if settings.keep_lists:
            self.summary.built_notes = []
            self.summary.unchanged_notes = []
        self._manifests: dict[Path, Manifest] = {}
        self._cleaned: set[Path] = set()
        self._claimed: dict[tuple[str, str], str] = {}
        self._seen: set[str] = set()
        self._names: dict[str, str] = {}  # documents' names taken in this run → their notes
        self._real_dirs: dict[Path, str] = {}
        self._warm = False
        self._templates_checked = False
        self._progress: Progress | None = None
        # --pdf: built notes wait here, per output root, for LibreOffice to convert them
        self._pdf_waiting: dict[Path, list[Outcome]] = {}
        self._converter: Converter[list[Outcome]] | None = None
        self._pdf_slots = 1
        self._pdf_missing = False
        self._pdf_converting = 0  # notes in a LibreOffice call now

    def run(self) -> Summary:
        settings = self.settings
        check_inputs(settings.inputs, settings.out_dir)
        locks = lock_roots(output_roots(settings.inputs, settings.out_dir))
        try:
            return self._run()
        finally:
            for lock in locks:
                release_lock(lock)

    def _run(self) -> Summary:
        settings = self.settings
        started = time.monotonic()
        progress = self._progress = Progress(self.progress_stream, self.interactive)
        jobs = settings.jobs or available_cores()
        pool: WorkerPool[Task, Outcome] | None = None
        previous = handle_sigterm()  # SIGTERM stops the build as Ctrl-C does
        handlers: tuple[Any, Any] | None = None
        try:
            total, samples = survey(settings.inputs, settings.out_dir)
            self.summary.total = total
            check_configs(samples, settings.options.config)
            tasks = self._tasks(progress)
            self._pdf_slots = max(1, min(jobs, total))
            if jobs == 1 or total <= 1:
                outcomes: Iterable[Outcome | Crash[Task]] = self._in_process(tasks)
            else:
                from pipeline.batch_pool import WorkerPool

                work = functools.partial(run_task, build=self.build, options=settings.options)
                chunk = max(1, min(16, total // (jobs * 8)))
                pool = WorkerPool(work, jobs, chunk_size=chunk)
                outcomes = pool.imap_unordered(self._warming(tasks))
            for outcome in outcomes:
                if not isinstance(outcome, Outcome):  # a Crash: the worker died on it
                    outcome = _crash_outcome(outcome)
                if self._wants_pdf(outcome):
                    self._pdf_waiting.setdefault(outcome.task.source.root, []).append(outcome)
                else:
                    with signals_held():  # recorded and counted together, or neither: a
                        # signal between the two would leave a note the rerun finds
                        # unchanged but the report does not count
                        self._settle(outcome, progress)
                self._convert(progress, last=False)
                self._start_over()
                progress.update(self.summary)
            if pool is not None:
                pool.close()
            while self._pdf_waiting or (self._converter is not None and self._converter.busy()):
                self._convert(progress, last=True, wait=0.5)
                progress.update(self.summary)
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (raised as a KeyboardInterrupt)
            handlers = ignore_signals()  # a second one must not cut the clean-up short
            self.summary.interrupted = True
            self.summary.stopped_by = int(getattr(stop, "signum", signal.SIGINT))
            if pool is not None:
                in_flight = pool.in_flight()
                pool.terminate()
                for task in in_flight:
                    remove_stray_temps(task.source.out_dir)
        finally:
            # What was done is recorded whatever arrives now; a signal meanwhile is ignored.
            if handlers is None:
                handlers = ignore_signals()
            if pool is not None:
                pool.terminate()
            if self._converter is not None:
                self._converter.close()  # stops LibreOffice if still running, removes its folders
            progress.finish()
            for manifest in self._manifests.values():
                manifest.compact()
                self._drain(manifest)
            self.summary.elapsed = time.monotonic() - started
            restore_signals(handlers)
            with contextlib.suppress(ValueError):
                signal.signal(signal.SIGTERM, previous)
        return self.summary

    def _tasks(self, progress: Progress) -> Iterator[Task]:
        """The notes that need building; the unchanged and unreadable are settled here."""
        # One folder cannot list a file twice nor give two notes the same key: the checks
        # for overlapping inputs are needed (and paid for) only when there are several.
        overlapping = len(self.settings.inputs) > 1
        problem = functools.partial(self._problem, progress=progress)
        for found in discover(self.settings.inputs, self.settings.out_dir, problem):
            if overlapping and not self._first_claim(found, progress):
                continue
            source = self._place(found, progress)
            if source is None:
                continue
            self._clean_once(source.out_dir)
            try:
                digest = file_sha256(source.notes)
            except OSError as error:
                self._fail(str(source.notes), f"cannot read: {error.strerror}", None, progress)
                continue
            if not source.tracked:
                self._check_templates()
                yield Task(source, digest)
                continue
            manifest = self._manifest(source.root)
            expected = expected_outputs(source, pdf=self.settings.pdf)
            if not self.settings.force and self._is_unchanged(manifest, source, digest, expected):
                self.summary.unchanged += 1
                if manifest.entries[source.key].errors:
                    self.summary.unchanged_with_errors += 1
                if self.summary.unchanged_notes is not None:
                    self.summary.unchanged_notes.append(shown(source.notes))
                self._start_over()
                progress.update(self.summary)
                continue
            if not self.settings.force:
                foreign = next((o for o in expected if self._is_foreign(manifest, o)), None)
                if foreign is not None:
                    reason = (
                        f"{source.root / foreign} exists and was not written by minutes build;"
                        " not replacing it (--force does)"
                    )
                    self._fail(str(source.notes), reason, None, progress)
                    continue
            manifest.claim(expected)
            self._drain(manifest)
            self._check_templates()
            yield Task(source, digest)

    def _place(self, source: Source, progress: Progress) -> Source | None:
        """``source`` with a name for its documents that no other note of this run has
        (compared as Windows and macOS compare names: case-insensitively), or None when
        its documents would be written outside the output folder (a link inside it)."""
        real_dir = self._real_dirs.get(source.out_dir)
        if real_dir is None:
            real_dir = self._real_dirs[source.out_dir] = os.path.realpath(source.out_dir)
            real_root = os.path.realpath(source.root)
            if real_dir != real_root and not real_dir.startswith(real_root.rstrip(os.sep) + os.sep):
                real_dir = self._real_dirs[source.out_dir] = ""
        if not real_dir:
            reason = (
                f"its output folder {source.out_dir} leads outside {source.root}"
                " (a link); not writing there"
            )
            self._fail(str(source.notes), reason, None, progress)
            return None
        base = safe_stem(source.notes.stem)
        stem, number = base, 1
        while (claim := f"{real_dir}\0{stem}".casefold()) in self._names:
            number += 1
            tag = f"~{number}"
            stem = base[: MAX_STEM_CHARS - len(tag)].rstrip(". ") + tag
        self._names[claim] = str(source.notes)
        if number == 1:
            return source
        first = self._names[f"{real_dir}\0{base}".casefold()]
        progress.line(
            f"minutes build: {shown(source.notes)}: documents named {shown(stem)}.minutes.docx"
            f" and …tasks.docx ({shown(base)}.… are those of {shown(first)})"
        )
        return dataclasses.replace(source, stem=stem)

    def _is_foreign(self, manifest: Manifest, output: str) -> bool:
        """A file at ``output`` that no build here wrote: the user's, not to be replaced."""
        path = os.path.join(manifest.root, output)
        return os.path.lexists(path) and not manifest.owns(output)

    def _first_claim(self, source: Source, progress: Progress) -> bool:
        """False for a note named twice, or whose documents another note already claimed."""
        real = os.path.realpath(source.notes)
        if real in self._seen:
            self.summary.total -= 1  # named twice: once is enough
            return False
        self._seen.add(real)
        claim = (os.path.realpath(source.root), source.key)
        if claim in self._claimed:
            reason = f"its documents would overwrite those of {self._claimed[claim]}"
            self._fail(str(source.notes), reason, None, progress)
            return False
        self._claimed[claim] = shown(source.notes)
        return True

    def _is_unchanged(
        self, manifest: Manifest, source: Source, digest: str, expected: tuple[str, ...]
    ) -> bool:
        # False too when its documents are to take another name now, or when --pdf asks
        # for PDFs it was built without.
        if not manifest.is_unchanged(source.key, digest, self.setup, expected):
            return False
        # --strict must refuse notes with errors even when they were built before.
        return not (self.settings.options.strict and manifest.entries[source.key].errors)

    def _manifest(self, root: Path) -> Manifest:
        manifest = self._manifests.get(root)
        if manifest is None:
            self._clean_once(root)  # a manifest or report half-written by a killed run
            manifest = self._manifests[root] = Manifest(root)
            self._drain(manifest)
        return manifest

    def _drain(self, manifest: Manifest) -> None:
        """Name, once each, the problems met reading or writing ``manifest``."""
        while manifest.problems:
            message = manifest.problems.pop(0)
            path, _, reason = message.partition(": ")
            if self._progress is not None:
                self._problem(path, reason, self._progress)

    def _problem(self, path: str, reason: str, progress: Progress) -> None:
        problem = Failure(shown(path), shown(reason))
        self.summary.problems.append(problem)
        progress.line(f"minutes build: {problem}")

    def _clean_once(self, folder: Path) -> None:
        """Remove what a killed run left in ``folder``, the first time the run touches it."""
        if folder not in self._cleaned:
            self._cleaned.add(folder)
            remove_stray_temps(folder)

    def _start_over(self) -> None:
        if self.started is not None:
            started, self.started = self.started, None
            started()

    def _check_templates(self) -> None:
        """Refuse a broken template once, before the first note is built (not on a run
        where every note is unchanged: nothing is rendered there)."""
        if not self._templates_checked:
            check_templates(self.settings.options)
            self._templates_checked = True

    def _warming(self, tasks: Iterator[Task]) -> Iterator[Task]:
        """Prepare the build code once, in the parent, just before the first worker forks."""
        for task in tasks:
            self._warm_up()
            yield task

    def _warm_up(self) -> None:
        if not self._warm and self.warm_up is not None:
            self.warm_up()
        self._warm = True

    def _in_process(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        for task in tasks:
            try:
                yield run_task(task, self.build, self.settings.options)
            except KeyboardInterrupt:
                remove_stray_temps(task.source.out_dir)
                raise

    def _settle(self, outcome: Outcome, progress: Progress) -> None:
        source = outcome.task.source
        counts = self._count_findings(outcome.findings)
        if source.named and outcome.findings and self.format_findings is not None:
            self._print_findings(outcome.findings, progress)
        if not outcome.ok:
            if source.tracked:
                manifest = self._manifest(source.root)
                before = manifest.entries.get(source.key)
                manifest.forget(source.key)
                if before is not None:
                    # Its documents of an earlier build stay known as the build's own: the
                    # next run may replace them without --force.
                    manifest.claim(before.outputs)
                self._drain(manifest)
            self._fail(str(source.notes), outcome.reason, outcome.line, progress)
            return
        if source.tracked:
            outputs = tuple(_relative_to(Path(o), source.root) for o in outcome.outputs)
            self._remove_stale_pdfs(source, outputs)
            self._manifest(source.root).record(
                source.key,
                Entry(
                    notes_sha256=outcome.task.notes_sha256,
                    setup=self.setup,
                    outputs=outputs,
                    errors=counts["error"],
                    warnings=counts["warning"],
                ),
            )
            self._drain(self._manifest(source.root))
        self.summary.built += 1
        self.summary.documents += len(outcome.outputs)
        if self.summary.built_notes is not None:
            self.summary.built_notes.append(
                {
                    "notes": shown(source.notes),
                    "outputs": [shown(o) for o in outcome.outputs],
                    "findings": counts,
                }
            )

    # ----------------------------------------------------------------------- --pdf

    def _wants_pdf(self, outcome: Outcome) -> bool:
        """Whether ``outcome``'s documents are to be converted before it is settled."""
        if not (self.settings.pdf and outcome.ok and outcome.outputs):
            return False
        if self._converter is None and not self._pdf_missing:
            from pipeline.pdf import Converter, find_soffice, missing_message

            soffice = find_soffice()
            if soffice is None:
                self._pdf_missing = True
                problem = Failure("--pdf", missing_message().removeprefix("--pdf "))
                self.summary.problems.append(problem)
                if self._progress is not None:
                    self._progress.line(f"minutes build: {shown(missing_message())}")
            else:
                self._converter = Converter(soffice, self._pdf_slots)
        return self._converter is not None

    def _convert(self, progress: Progress, *, last: bool, wait: float = 0.0) -> None:
        """Start LibreOffice on the notes waiting (while notes are still being built, only
        on a group of them), and settle the notes whose conversion ended."""
        converter = self._converter
        if converter is None:
            return
        hold = False
        if not last:
            # When all that is left fits in the free processes, wait for the end and share
            # it out evenly rather than start one on the first group.
            held = sum(len(group) for group in self._pdf_waiting.values())
            to_come = self.summary.total - self.summary.done - held - self._pdf_converting
            hold = held + to_come <= converter.free_slots() * PDF_GROUP_NOTES
        while self._pdf_waiting and converter.free_slots() > 0 and not hold:
            root = max(self._pdf_waiting, key=lambda r: len(self._pdf_waiting[r]))
            waiting = self._pdf_waiting[root]
            if not last and len(waiting) < PDF_GROUP_NOTES:
                break
            # At the end, what is left is shared among the free LibreOffice processes.
            share = -(-len(waiting) // converter.free_slots()) if last else len(waiting)
            group = waiting[: min(share, PDF_GROUP_NOTES)]
            del waiting[: len(group)]
            if not waiting:
                del self._pdf_waiting[root]
            self._start_conversion(converter, root, group)
            self._pdf_converting += len(group)
        # At the end, what still waits has no free process: waiting for one is all to do.
        for group, results in converter.finished(wait):
            self._pdf_converting -= len(group)
            for outcome in group:
                with signals_held():
                    self._settle(self._with_pdfs(outcome, results), progress)
                self._start_over()

    def _start_conversion(self, converter: Converter[list[Outcome]], root: Path, group: list[Outcome]) -> None:
        from pipeline.pdf import Document

        documents = [
            Document(Path(output), Path(output).with_suffix(".pdf"))
            for outcome in group
            for output in outcome.outputs
        ]
        converter.start(group, documents, root)

    def _with_pdfs(self, outcome: Outcome, results: dict[Path, str | None]) -> Outcome:
        """``outcome`` with its PDFs added, or failed naming each document not converted."""
        pdfs = [Path(output).with_suffix(".pdf") for output in outcome.outputs]
        missing = [(pdf, results.get(pdf, "not converted")) for pdf in pdfs if results.get(pdf, "") is not None]
        if not missing:
            return dataclasses.replace(outcome, outputs=[*outcome.outputs, *map(str, pdfs)])
        source = outcome.task.source
        for pdf, _reason in missing:
            # An older PDF the build wrote there would now belong to other documents.
            if source.tracked and self._manifest(source.root).owns(_relative_to(pdf, source.root)):
                with contextlib.suppress(OSError):
                    pdf.unlink()
        by_reason: dict[str, list[str]] = {}
        for pdf, why in missing:
            by_reason.setdefault(str(why), []).append(pdf.name)
        reason = "; ".join(f"{' and '.join(names)} not written: {why}" for why, names in by_reason.items())
        return dataclasses.replace(outcome, ok=False, reason=reason)

    def _remove_stale_pdfs(self, source: Source, outputs: tuple[str, ...]) -> None:
        """A note rebuilt without its PDFs (no --pdf now, or LibreOffice missing): the PDFs
        of its earlier build, which the build wrote, would no longer match; removed."""
        before = self._manifest(source.root).entries.get(source.key)
        if before is None:
            return
        for output in before.outputs:
            if output.endswith(".pdf") and output not in outputs:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(source.root, output))

    def _count_findings(self, findings: list[Any]) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in findings:
            severity = getattr(finding, "severity", "info")
            counts[severity] = counts.get(severity, 0) + 1
            self.summary.findings[severity] = self.summary.findings.get(severity, 0) + 1
        if counts["error"]:
            self.summary.notes_with_errors += 1
        return counts

    def _print_findings(self, findings: list[Any], progress: Progress) -> None:
        assert self.format_findings is not None
        text = self.format_findings(findings)
        if progress.interactive and progress.stream is self.findings_stream:
            progress.line(text)
        else:
            self.findings_stream.write(text + "\n")
            self.findings_stream.flush()

    def _fail(self, notes: str, reason: str, line: int | None, progress: Progress) -> None:
        failure = Failure(shown(notes), shown(reason), line)
        self.summary.failed.append(failure)
        progress.line(f"minutes build: failed: {failure}")


def available_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


# --------------------------------------------------------------------------- setup and report


def templates_folder(options: BuildOptions) -> Path:
    from renderers import template_folder

    return template_folder(options.profile, options.template_dir)


def setup_for(options: BuildOptions) -> Setup:
    """What, besides the notes, the documents depend on, as recorded in the manifest."""
    folder = templates_folder(options)
    config_hash = None
    if options.config is not None and options.config.is_file():
        config_hash = file_sha256(options.config)
    return Setup(
        templates_sha256=folder_sha256(folder) if folder.is_dir() else "",
        profile=options.profile,
        version=__version__,
        encoding=options.encoding,
        config_sha256=config_hash,
    )


def expected_outputs(source: Source, pdf: bool = False) -> tuple[str, ...]:
    """The documents of ``source`` (and their PDFs with ``pdf``), relative to its root
    (POSIX form), as the manifest has them."""
    stem = source.stem if source.stem is not None else safe_stem(source.notes.stem)
    folder = os.path.relpath(source.out_dir, source.root).replace(os.sep, "/")
    prefix = "" if folder == "." else folder + "/"
    suffixes = ("docx", "pdf") if pdf else ("docx",)
    return tuple(f"{prefix}{stem}.{kind}.{suffix}" for suffix in suffixes for kind in ("minutes", "tasks"))


# --------------------------------------------------------------------------- one build per folder


def output_roots(inputs: Sequence[Path], out_dir: Path | None) -> list[Path]:
    """The folders this run keeps a manifest in (and locks)."""
    if out_dir is not None:
        return [out_dir]
    return [path for path in inputs if path.is_dir()]


def lock_roots(roots: Sequence[Path]) -> list[Path]:
    """Take the lock of each root; a root another live build holds stops this one (exit 2)."""
    taken: list[Path] = []
    try:
        for root in dict.fromkeys(Path(os.path.realpath(r)) for r in roots):
            lock = take_lock(root)
            if lock is not None:
                taken.append(lock)
    except BaseException:
        for lock in taken:
            release_lock(lock)
        raise
    return taken


def take_lock(folder: Path) -> Path | None:
    """Create ``folder/.minutes-build.lock`` atomically (O_EXCL), holding this process's id.

    A lock left by a build that died (its process is gone) is taken over. None when the
    folder cannot be written at all (read-only: this run can change nothing there)."""
    lock = folder / LOCK_NAME
    mine = f"{os.getpid()}\n{_host()}\n"
    for _attempt in range(3):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _lock_holder(lock)
            if holder is None:
                continue  # gone meanwhile, or stale and removed: try again
            raise UsageError(
                f"another minutes build ({holder}) is writing into this folder; run again when"
                f" it is done (if none is running, remove {shown(lock)})",
                shown(folder),
            ) from None
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return None
            raise UsageError(f"cannot lock the output folder: {error.strerror or error}", folder) from None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(mine)
        return lock
    raise UsageError(f"cannot lock the output folder (remove {shown(lock)})", folder)


def _lock_holder(lock: Path) -> str | None:
    """Who holds ``lock`` (\"process 123 on host\"), or None after removing a stale one."""
    try:
        text = lock.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        return "unknown process"
    fields = text.split()
    try:
        pid = int(fields[0])
    except (IndexError, ValueError):
        pid = 0
    host = fields[1] if len(fields) > 1 else ""
    if pid <= 0 and text.strip():
        return "unknown process"
    if pid > 0 and host and host != _host():
        return f"process {pid} on {host}"  # cannot tell whether it still runs
    if pid > 0 and process_alive(pid):
        return f"process {pid}"
    with contextlib.suppress(FileNotFoundError):
        lock.unlink()  # stale: its build died (killed, power cut)
    return None


def _host() -> str:
    import socket  # only when a lock is taken or checked (not for one note built in place)

    return socket.gethostname()


def release_lock(lock: Path) -> None:
    with contextlib.suppress(OSError):
        if lock.read_text(encoding="utf-8").split()[:1] == [str(os.getpid())]:
            lock.unlink()


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists, on POSIX and on Windows (where ``os.kill`` would end it)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def write_report(path: Path, summary: Summary) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(
        path, lambda handle: json.dump(summary.as_json(), handle, ensure_ascii=False, indent=2)
    )


def format_summary(summary: Summary, out_dir: Path | None) -> str:
    lines = []
    head = "interrupted" if summary.interrupted else "done"
    lines.append(
        f"minutes build: {head} in {format_duration(summary.elapsed) if summary.elapsed >= 1 else f'{summary.elapsed:.2f}s'}: "
        f"{summary.built} built ({summary.documents} documents), "
        f"{summary.unchanged} unchanged, {len(summary.failed)} failed"
        + (f", {summary.total - summary.done} not reached" if summary.interrupted else "")
        + (f", {_count(len(summary.problems), 'problem')}" if summary.problems else "")
    )
    if summary.failed:
        lines.append("failed:")
        lines.extend(f"  {failure}" for failure in summary.failed)
    if summary.problems:
        lines.append("problems:")
        lines.extend(f"  {problem}" for problem in summary.problems)
    total_findings = sum(summary.findings.values())
    lines.append(
        f"checker findings in the notes built: {total_findings} "
        f"({_count(summary.findings.get('error', 0), 'error')}, "
        f"{_count(summary.findings.get('warning', 0), 'warning')}, "
        f"{summary.findings.get('info', 0)} info); notes with errors: {summary.notes_with_errors}"
        + (
            f" (and {summary.unchanged_with_errors} unchanged notes had errors when built)"
            if summary.unchanged_with_errors
            else ""
        )
    )
    if summary.total == 0:
        lines.append("no notes (*.md) found")
    elif summary.built + summary.unchanged == 0:
        pass  # nothing to point at
    elif out_dir is not None:
        lines.append(f"documents are in {shown(out_dir.resolve())}")
    else:
        lines.append("documents are next to their notes")
    return "\n".join(lines)


__all__ = [
    "JOURNAL_NAME",
    "LOCK_NAME",
    "MANIFEST_NAME",
    "BatchRunner",
    "BatchSettings",
    "BuildOptions",
    "Summary",
    "check_report",
    "format_summary",
    "write_report",
]


def _count(number: int, noun: str) -> str:
    """``1 warning``, ``2 warnings``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
