"""Patient handouts: the program as a PDF a patient follows at home. ReportLab is imported only
here, and only when a handout is made.

The entry point is `exports.handout.export_program`. The rest, in reading order of the handout:
`first_page` (who, what, how long, goals, precautions), `guidance` (warning signs, pain guide),
`exercise_blocks` (one block per exercise), `tracking` (the two-week log); beneath them
`document` (pages, footer, metadata), `flowables`, `styles`, `typeface` (the embedded fonts),
`dates` and `markup`, whose `para` is the only way text enters a paragraph: escaped.
"""
