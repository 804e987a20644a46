"""Vietnamese text helpers: numbers, amounts in words, figures in report text. All pure Python (no Django)
except the words of check-text's findings, which are rule messages like any other (`caunoi.vntext.messages`,
English in the gettext catalog) and so need Django's translation machinery.

- :mod:`caunoi.vntext.numbers` — format and parse ``1.404.175``, ``25,4 tỷ đồng``, ``27,9%``, ``06``;
- :mod:`caunoi.vntext.words` — numbers and amounts in words for official documents;
  :mod:`caunoi.vntext.wordnum` reads them back ("hai mươi mốt" → 21);
- :mod:`caunoi.vntext.figures` — find the figures in a report and tell quantities from dates and symbols;
- :mod:`caunoi.vntext.reading` — read a text for check-text: Vietnamese or English figures, number words,
  paragraphs, sentences, nouns counted together;
- :mod:`caunoi.vntext.checktext` — check a report's figures as a careful reader does (the checks, one kind
  per module, are in :mod:`caunoi.vntext.checks`) and against records.
"""
