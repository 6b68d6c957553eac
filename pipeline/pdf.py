"""PDF copies of the Word documents, made by LibreOffice (``minutes build --pdf``).

LibreOffice is found through ``MINUTES_SOFFICE`` (the path of its ``soffice``), else
``soffice`` or ``libreoffice`` on the PATH, else where its installer puts it on
Windows (``%ProgramFiles%\\LibreOffice\\program\\soffice.exe``) and macOS
(``/Applications/LibreOffice.app/Contents/MacOS/soffice``).

A :class:`Converter` runs at most ``slots`` LibreOffice processes at once, each
converting a group of documents in one ``soffice --headless --convert-to`` call
with a profile folder of its own (concurrent instances sharing one would hand their
work to each other or refuse to start). The documents are copied under plain names
into a temporary folder inside the output folder, converted there as PDF/A-2b
(every font embedded) and each PDF checked (present, not empty, a PDF, declaring
PDF/A-2 conformance B: ``soffice`` exits 0 even when it converted nothing) before
it is renamed to its place. A call that runs longer than its budget (scaled by the
number of documents) is stopped with its whole process tree.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Generic, TypeVar

from pipeline.atomic import TEMP_MARK

SOFFICE_VARIABLE = "MINUTES_SOFFICE"
# PDF/A-2b (SelectPdfVersion 2): every font embedded, metadata in XMP. The JSON form
# of the filter options is read by LibreOffice 7.4 and later.
PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
# Temporary folders in the output folder: a killed run's are recognised by this prefix.
WORK_PREFIX = ".minutes-pdf" + TEMP_MARK
# Seconds a conversion call may take: LibreOffice's start, then each document.
CALL_SECONDS = 90.0
DOCUMENT_SECONDS = 15.0

_PART = re.compile(rb"pdfaid:part(?:>\s*|\s*=\s*[\"'])2\b")
_CONFORMANCE = re.compile(rb"pdfaid:conformance(?:>\s*|\s*=\s*[\"'])B\b", re.IGNORECASE)

Tag = TypeVar("Tag")


def find_soffice(environ: Mapping[str, str] | None = None) -> str | None:
    """The ``soffice`` program to run, or None when LibreOffice is not found.

    ``MINUTES_SOFFICE``, when set, is the only place looked at."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(SOFFICE_VARIABLE, "").strip()
    if chosen:
        found = shutil.which(chosen)
        return found if found else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    candidates: list[str] = []
    if os.name == "nt":
        for variable, default in (
            ("ProgramFiles", r"C:\Program Files"),
            ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
        ):
            folder = environ.get(variable) or default
            candidates.append(os.path.join(folder, "LibreOffice", "program", "soffice.exe"))
    elif sys.platform == "darwin":
        candidates.append("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    return next((path for path in candidates if os.path.isfile(path)), None)


def missing_message(environ: Mapping[str, str] | None = None) -> str:
    """The one line saying why no PDF can be made (after ``minutes build: ``)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(SOFFICE_VARIABLE, "").strip()
    if chosen:
        return (
            f"--pdf needs LibreOffice, but {SOFFICE_VARIABLE} names {chosen}, which is not"
            " a program; the .docx files are written"
        )
    return (
        "--pdf needs LibreOffice (soffice), which was not found; the .docx files are written"
        " (install LibreOffice from libreoffice.org or your package manager, or set"
        f" {SOFFICE_VARIABLE} to the path of its soffice)"
    )


def pdf_problem(path: Path) -> str | None:
    """Why the PDF LibreOffice wrote at ``path`` will not do, or None when it is a PDF/A-2b."""
    try:
        data = path.read_bytes()
    except OSError:
        return "LibreOffice wrote no PDF"
    if not data:
        return "LibreOffice wrote an empty PDF"
    if not data.startswith(b"%PDF-"):
        return "LibreOffice wrote something that is not a PDF"
    if not (_PART.search(data) and _CONFORMANCE.search(data)):
        return "LibreOffice wrote a PDF that is not PDF/A-2b (LibreOffice 7.4 or later is needed)"
    return None


@dataclass(frozen=True)
class Document:
    """A Word document to convert, and where its PDF goes."""

    docx: Path
    pdf: Path


@dataclass
class _Call(Generic[Tag]):
    tag: Tag
    documents: list[Document]
    work: Path  # the temporary folder inside the output folder
    slot: int
    process: subprocess.Popen[bytes] | None
    log: IO[bytes] | None
    deadline: float
    budget: float = 0.0
    reason: str = ""  # why the call as a whole failed (not started, stopped)
    inputs: list[Path] = field(default_factory=list)


class Converter(Generic[Tag]):
    """Up to ``slots`` concurrent LibreOffice calls; results come back with their tag.

    Not thread-safe; one owner polls it. :meth:`close` stops what still runs and
    removes every temporary folder (call it in a ``finally``)."""

    def __init__(self, soffice: str, slots: int):
        self.soffice = soffice
        self.slots = max(1, slots)
        self._profiles: dict[int, Path] = {}
        self._running: list[_Call[Tag]] = []
        self.started = 0  # LibreOffice processes started

    def free_slots(self) -> int:
        return self.slots - len(self._running)

    def busy(self) -> bool:
        return bool(self._running)

    def start(self, tag: Tag, documents: Iterable[Document], work_root: Path) -> None:
        """Convert ``documents`` in one LibreOffice call, in a folder made in ``work_root``."""
        documents = list(documents)
        used = {call.slot for call in self._running}
        slot = next(i for i in range(self.slots + 1) if i not in used)
        call: _Call[Tag] = _Call(tag, documents, Path(), slot, None, None, 0.0)
        self._running.append(call)
        try:
            call.work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=work_root)).resolve()
            for number, document in enumerate(documents):
                copy = call.work / f"{number:04d}.docx"
                shutil.copyfile(document.docx, copy)
                call.inputs.append(copy)
            call.log = open(call.work / "soffice.log", "wb")  # noqa: SIM115
            command = [
                self.soffice,
                f"-env:UserInstallation={self._profile(slot).as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                PDF_FILTER,
                "--outdir",
                str(call.work),
                *map(str, call.inputs),
            ]
            call.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=call.log,
                stderr=subprocess.STDOUT,
                cwd=call.work,
                # a process group of its own, so that it can be stopped whole (soffice is
                # a launcher: the work is done by a child process)
                start_new_session=os.name != "nt",
                creationflags=_NEW_GROUP,
            )
            self.started += 1
            call.budget = CALL_SECONDS + DOCUMENT_SECONDS * len(documents)
            call.deadline = time.monotonic() + call.budget
        except OSError as error:
            where = f" ({error.filename})" if error.filename else ""
            call.reason = f"cannot convert: {error.strerror or error}{where}"

    def finished(self, wait: float = 0.0) -> list[tuple[Tag, dict[Path, str | None]]]:
        """The calls that ended (waiting up to ``wait`` seconds for one): per call its tag
        and, per PDF path, None when written or why not."""
        end = time.monotonic() + wait
        while True:
            done = [call for call in self._running if self._ended(call)]
            if done or time.monotonic() >= end or not self._running:
                break
            time.sleep(0.05)
        results = []
        for call in done:
            self._running.remove(call)
            results.append((call.tag, self._collect(call)))
        return results

    def close(self) -> None:
        """Stop every running call and remove the temporary folders and profiles."""
        for call in self._running:
            if call.process is not None and call.process.poll() is None:
                _kill_tree(call.process)
            self._remove(call)
        self._running.clear()
        for profile in self._profiles.values():
            shutil.rmtree(profile, ignore_errors=True)
        self._profiles.clear()

    # ----------------------------------------------------------------------- inside

    def _profile(self, slot: int) -> Path:
        """The LibreOffice profile folder of ``slot``: made once, reused by its calls."""
        profile = self._profiles.get(slot)
        if profile is None:
            profile = self._profiles[slot] = Path(tempfile.mkdtemp(prefix="minutes-soffice-"))
        return profile.resolve()

    def _ended(self, call: _Call[Tag]) -> bool:
        if call.process is None:
            return True
        if call.process.poll() is not None:
            return True
        if time.monotonic() > call.deadline:
            _kill_tree(call.process)
            call.reason = f"LibreOffice was stopped after {call.budget:.0f} s without finishing"
            # what it left in its profile (locks, a half-written configuration) is not reused
            profile = self._profiles.pop(call.slot, None)
            if profile is not None:
                shutil.rmtree(profile, ignore_errors=True)
            return True
        return False

    def _collect(self, call: _Call[Tag]) -> dict[Path, str | None]:
        results: dict[Path, str | None] = {}
        try:
            said = self._last_words(call)
            for copy, document in zip(call.inputs, call.documents, strict=False):
                reason = call.reason or pdf_problem(copy.with_suffix(".pdf"))
                if reason is None:
                    try:
                        os.replace(copy.with_suffix(".pdf"), document.pdf)
                    except OSError as error:
                        reason = f"cannot write {document.pdf.name}: {error.strerror or error}"
                elif said and not call.reason:
                    reason += f" ({said})"
                results[document.pdf] = reason
            for document in call.documents[len(call.inputs) :]:
                results[document.pdf] = call.reason or "not converted"
        finally:
            self._remove(call)
        return results

    def _last_words(self, call: _Call[Tag]) -> str:
        """LibreOffice's last line of error output, if any, to explain a missing PDF."""
        if call.log is None:
            return ""
        call.log.close()
        try:
            text = (call.work / "soffice.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        lines = [line.strip() for line in text.splitlines() if "rror" in line]
        return " ".join(lines[-1].split())[:200] if lines else ""

    def _remove(self, call: _Call[Tag]) -> None:
        if call.log is not None:
            with contextlib.suppress(OSError):
                call.log.close()
        if call.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                call.process.wait(timeout=5)
        if call.work != Path():
            shutil.rmtree(call.work, ignore_errors=True)


_NEW_GROUP = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) if os.name == "nt" else 0


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and everything it started."""
    if os.name == "nt":  # pragma: no cover - Windows
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=30,
                check=False,
            )
    else:
        import signal

        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)  # its own session: the group is its id
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def is_work_folder(name: str) -> bool:
    """A temporary conversion folder (a killed run's, to be removed)."""
    return name.startswith(WORK_PREFIX)
