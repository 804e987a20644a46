"""Official documents: the annual report in the Decree 30/2020 layout (Word, PDF, Markdown), its Excel annexes,
and editable drafts whose figures are checked against the records.

Every document goes through one contract (:mod:`caunoi.documents.exporters`), used alike by the command line,
the web application and the API.
"""
