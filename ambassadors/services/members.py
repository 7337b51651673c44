"""What ambassadors change themselves: their profile and their activity log."""

from django.core.files.uploadedfile import UploadedFile

from ambassadors.models import Activity, Ambassador

PROFILE_FIELDS = (
    "form_of_address",
    "public_profile",
    "bio",
    "city",
    "country",
    "field",
    "organisation",
)
ACTIVITY_FIELDS = ("date", "kind", "city", "country", "description", "people_reached")


def profile_update(
    *, ambassador: Ambassador, photo: UploadedFile | bool | None = None, **fields
) -> Ambassador:
    """Update the ambassador's own profile; `photo=False` removes the photo, None keeps it."""
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(ambassador, name, fields[name])
    if photo is False:
        ambassador.photo.delete(save=False)
    elif photo is not None:
        ambassador.photo = photo
    ambassador.save()
    return ambassador


def activity_save(
    *, ambassador: Ambassador, activity: Activity | None = None, **fields
) -> Activity:
    """Record a new activity of the ambassador, or change one of theirs."""
    activity = activity or Activity(ambassador=ambassador)
    assert activity.ambassador_id == ambassador.pk
    for name in ACTIVITY_FIELDS:
        setattr(activity, name, fields[name])
    activity.full_clean()
    activity.save()
    return activity
