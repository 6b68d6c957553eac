"""Whether the terminal understands ANSI escape sequences (colours, the progress bar's redraw).

Terminals on Linux and macOS do. On Windows the classic console prints them as
``←[31m`` unless a program switches it to virtual-terminal mode, which this tool
does not do; Windows Terminal (it sets ``WT_SESSION``) and the terminals of Git
Bash, MSYS2, Cygwin, ConEmu or VS Code (they set ``TERM``) understand them. So on
Windows colour and the redrawn progress bar are used only there, or when
``FORCE_COLOR`` asks for colour.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


def ansi_terminal(environ: Mapping[str, str] | None = None) -> bool:
    """Does the console of this process understand ANSI escape sequences?"""
    env = os.environ if environ is None else environ
    if os.name != "nt":
        return True
    return bool(env.get("WT_SESSION") or env.get("TERM") or env.get("FORCE_COLOR"))


def use_color(choice: str, is_terminal: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Colour the output? ``always``/``never`` decide; ``auto`` follows the environment.

    ``auto``: never when ``NO_COLOR`` is set (not empty) or ``TERM=dumb``; always when
    ``FORCE_COLOR`` is set (not empty), even through a pipe; otherwise only on a
    terminal (``is_terminal``) that understands colours (:func:`ansi_terminal`).
    """
    if choice != "auto":
        return choice == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    if env.get("FORCE_COLOR"):
        return True
    return is_terminal and ansi_terminal(env)
