"""The app's screens: the main screen and the modal forms and dialogs."""
