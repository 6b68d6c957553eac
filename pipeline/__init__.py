"""minutes: meeting notes in Markdown to checked, official Word documents."""

__version__ = "0.1.0"
