"""The task ledger (任务台账): every action item of an archive of notes, followed across meetings.

``entry`` holds the rows (the contract between the ledger's core and its writers).
"""
