"""hepster's domain: exercises, doses, programs, and the TOML files that hold them.

Nothing here imports Textual or ReportLab: the command line, the app and the handout
all stand on it.
"""
