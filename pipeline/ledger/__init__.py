"""The task ledger (任务台账): every action item of an archive of notes, followed across meetings.

- ``entry``: the rows (the contract between the ledger's core and its writers);
- ``core``: pure; meetings (or their records) in, a ledger on a date out: updates applied,
  problems named, states worked out;
- ``archive``: the notes found as ``minutes build`` finds them, read through the index,
  the rest parsed in parallel;
- ``index``: the SQLite cache of what each note holds for the ledger (never the truth);
- ``next_notes``: the next meeting's notes with the open tasks to follow up;
- ``outputs``: which ledger files this tool wrote (replaced without ``--force``);
- ``writers``: the listing and the files (xlsx, csv, json, ics).
"""
