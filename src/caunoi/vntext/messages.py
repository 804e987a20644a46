"""The messages of check-text's findings: one Vietnamese template each, its English in the gettext catalog
(`caunoi.core.errors.Msg`, as every rule message).

A finding's arithmetic ("457.250 + 81.725 = 538.975") is written in each language's numbers ahead of time
(a long text has thousands of findings) and given as a `Worded` parameter; the words around it come from
here, so no English twin is written by hand.
"""

from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

# A stated figure against the arithmetic of its parts (caunoi.vntext.checks.base.verdict)
MATCHES = Msg("check.matches", _("{shown}, khớp với “{quoted}”"))
CHANGE_MATCHES = Msg("check.change_matches", _("{shown}, khớp với mức tăng/giảm “{quoted}”"))
NOT_AS_STATED = Msg("check.not_as_stated", _("{shown}, không phải “{quoted}” như đã ghi"))
NOT_AS_STATED_BY = Msg(
    "check.not_as_stated_by", _("{shown}, không phải “{quoted}” như đã ghi (chênh lệch {gap})")
)

# Pieces of the arithmetic, in the language of the message that shows them (caunoi.core.errors.phrase)
PER = _("{shown} (mỗi {what})")
TIMES = _("{shown} lần")
POINTS = _("{number} điểm phần trăm")
POINT_UNIT = _("điểm phần trăm")

# Totals and their parts (caunoi.vntext.checks.sums)
PARTIAL_OK = Msg("check.partial_ok", _("{sums}, không vượt “{quoted}” (liệt kê một phần)"))
PARTIAL_OVER = Msg("check.partial_over", _("{sums}, vượt tổng đã ghi “{quoted}” (thừa {gap})"))
SUM_APPROXIMATE_OK = Msg("check.sum_approximate_ok", _("{sums}, phù hợp với số ước lượng “{quoted}”"))
SUM_OK = Msg("check.sum_ok", _("{sums}, khớp với số đã ghi “{quoted}”"))
SUM_ROUNDED_OK = Msg(
    "check.sum_rounded_ok", _("{sums}, khớp với số đã ghi “{quoted}” (trong phạm vi làm tròn)")
)
SUM_MISMATCH = Msg("check.sum_mismatch", _("{sums}, không phải {stated} như đã ghi (chênh lệch {gap})"))
SUM_MISFIT = Msg("check.sum_misfit", _("{sums}, không khớp với “{quoted}” (chênh lệch {gap})"))

# Shares of a whole (caunoi.vntext.checks.shares)
SHARES_PARTIAL_OK = Msg("check.shares_partial_ok", _("{sums}, không quá 100 % (liệt kê một phần)"))
SHARES_OVER = Msg("check.shares_over", _("{sums}, vượt 100 % (thừa {gap} điểm phần trăm)"))
SHARES_OK = Msg("check.shares_ok", _("{sums}, đủ 100 %"))
SHARES_ROUNDED_OK = Msg("check.shares_rounded_ok", _("{sums}, đủ 100 % (trong phạm vi làm tròn)"))
SHARES_MISMATCH = Msg(
    "check.shares_mismatch", _("{sums}, không phải 100 % (chênh lệch {gap} điểm phần trăm)")
)

# Figures against the records (caunoi.vntext.checks.records, caunoi.documents.draft_checks)
RECORD_TOTAL_MISSING = Msg(
    "check.record_total_missing",
    _(
        "[{label}] không tìm thấy tổng thứ {occurrence} có đơn vị “{unit}” trong văn bản để so với hồ sơ ({record})"
    ),
)
RECORD_FIGURE_MISSING = Msg(
    "check.record_figure_missing",
    _(
        "[{label}] không tìm thấy số liệu thứ {occurrence} có đơn vị “{unit}” trong văn bản để so với hồ sơ "
        "({record})"
    ),
)
RECORD_APPROXIMATE_OK = Msg(
    "check.record_approximate_ok", _("[{label}] “{quoted}” phù hợp với hồ sơ ({record})")
)
RECORD_APPROXIMATE_MISMATCH = Msg(
    "check.record_approximate_mismatch", _("[{label}] “{quoted}” không phù hợp với hồ sơ ({record})")
)
RECORD_OK = Msg("check.record_ok", _("[{label}] “{quoted}” khớp với hồ sơ"))
RECORD_MISMATCH = Msg(
    "check.record_mismatch",
    _("[{label}] văn bản ghi “{quoted}” nhưng hồ sơ là {record} {unit} (chênh lệch {difference} {unit})"),
)
SECTOR_MISSING = Msg(
    "check.sector_missing",
    _("[sector.{key}] văn bản không nêu lĩnh vực “{name}” ({count} khoản, {amount})"),
)
