from masterplan.models.consultation import ExpertComment, ExpertInvitation
from masterplan.models.export import PlanExport
from masterplan.models.indicators import Indicator, IndicatorTarget, Measurement
from masterplan.models.investment import InvestmentTarget
from masterplan.models.localdata import LocalDataset, LocalDataValue
from masterplan.models.plan import (
    Objective,
    ObjectiveLink,
    Plan,
    PlanVersion,
    PriorityArea,
    Strategy,
)
from masterplan.models.workshop import BallotRank, Workshop, WorkshopParticipant

__all__ = [
    "BallotRank",
    "ExpertComment",
    "ExpertInvitation",
    "Indicator",
    "IndicatorTarget",
    "InvestmentTarget",
    "LocalDataValue",
    "LocalDataset",
    "Measurement",
    "Objective",
    "ObjectiveLink",
    "Plan",
    "PlanExport",
    "PlanVersion",
    "PriorityArea",
    "Strategy",
    "Workshop",
    "WorkshopParticipant",
]
