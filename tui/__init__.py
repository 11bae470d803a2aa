"""hepster's front ends: the command line (`tui.cli`) and the Textual app.

Kept empty so that the headless commands never import Textual by importing this package.
"""
