from offices.models.activity import ActivityReport
from offices.models.funding import AnnualReport, BudgetLine, FundingRequest, Payment
from offices.models.office import (
    BoardMember,
    Founder,
    Office,
    OfficeDocument,
    OfficesDashboard,
    OfficeStatusChange,
)

__all__ = [
    "ActivityReport",
    "AnnualReport",
    "BoardMember",
    "BudgetLine",
    "Founder",
    "FundingRequest",
    "Office",
    "OfficeDocument",
    "OfficeStatusChange",
    "OfficesDashboard",
    "Payment",
]
