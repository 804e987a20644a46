"""The checks of check-text, one kind per module: sums of parts (:mod:`.sums`), shares that make a whole
(:mod:`.shares`), ratios (:mod:`.ratios`), growth rates (:mod:`.growth`) and figures against records
(:mod:`.records`). Each reads the :class:`~caunoi.vntext.checks.base.Reading` of a text."""
