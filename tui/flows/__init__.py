"""The app's longer conversations, each in its own module: files (new, open, save), the PDF
export, custom exercises, recovery after a crash, and the program's info and the settings.

Each is a coroutine that takes the app, asks through dialogs and changes the program only through
`app.session` and `app.edit`; the app runs it as a "dialog" worker.
"""
