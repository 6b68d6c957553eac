"""Writers: meeting model → Word documents. Nothing here reads Markdown.

    render_documents(meeting, profile="business", template_dir=None) -> {"minutes": bytes, "tasks": bytes}
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import MinutesError
from pipeline.model import Meeting
from word_templates import TEMPLATES_ROOT, profile_dir

DOCUMENT_KINDS = ("minutes", "tasks")
PROFILES = ("business", "gbt9704", "tw")
BUILTIN_TEMPLATES = TEMPLATES_ROOT


def template_folder(profile: str = "business", template_dir: Path | None = None) -> Path:
    """The folder of templates to use: a company's own, or a built-in profile's."""
    if template_dir is None:
        if profile not in PROFILES:
            raise MinutesError(f"unknown profile '{profile}' (choose from {', '.join(PROFILES)})")
        return profile_dir(profile)
    folder = Path(template_dir)
    if not folder.is_dir():
        raise MinutesError("template folder not found", folder)
    return folder


def template_paths(profile: str = "business", template_dir: Path | None = None) -> dict[str, Path]:
    """The minutes.docx and tasks.docx to use (see :func:`template_folder`)."""
    folder = template_folder(profile, template_dir)
    paths = {kind: folder / f"{kind}.docx" for kind in DOCUMENT_KINDS}
    for path in paths.values():
        if not path.is_file():
            raise MinutesError("template missing (a template folder holds minutes.docx and tasks.docx)", path)
    return paths


def render_documents(
    meeting: Meeting, profile: str = "business", template_dir: Path | None = None
) -> dict[str, bytes]:
    """Both documents of one meeting, as .docx bytes (pure: no file is written)."""
    from renderers import engine
    from renderers.context import build_context
    from renderers.docx_hygiene import PROFILES_KEEPING_FONTS

    paths = template_paths(profile, template_dir)
    context = build_context(meeting, profile)
    doc = context["tw"] if profile == "tw" else context["doc"]  # tw: …會議紀錄, …工作分配表
    titles = {"minutes": doc["minutes_title"], "tasks": doc["tasks_title"]}
    return {
        kind: engine.render(
            engine.load_template(path),
            context,
            title=titles[kind],
            language=meeting.language,
            when=meeting.date,
            keep_fonts=profile in PROFILES_KEEPING_FONTS,
        )
        for kind, path in paths.items()
    }
