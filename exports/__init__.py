"""Patient handouts: the program as a PDF a patient follows at home. ReportLab is imported only
here, and only when a handout is made."""
