from ambassadors.models.members import Activity, Ambassador, Evidence, ModuleCompletion
from ambassadors.models.mission import MissionStatement, PersonalGoal
from ambassadors.models.programme import Application, Cohort, Field, Module

__all__ = [
    "Activity",
    "Ambassador",
    "Application",
    "Cohort",
    "Evidence",
    "Field",
    "MissionStatement",
    "Module",
    "ModuleCompletion",
    "PersonalGoal",
]

from ambassadors.certificates.models import *  # noqa: F403  (issue 4: certificates)
