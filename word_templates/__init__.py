"""Built-in Word templates: one folder per profile, each with minutes.docx and tasks.docx."""

from pathlib import Path

TEMPLATES_ROOT = Path(__file__).resolve().parent


def profile_dir(profile: str) -> Path:
    return TEMPLATES_ROOT / profile
