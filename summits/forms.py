from django import forms
from django.conf import settings
from django.db.models import BLANK_CHOICE_DASH
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from summits.models import Registration
from summits.services.registration import Participant
from weltstadt.models import City


def _language_field(label):
    return forms.ChoiceField(label=label, choices=settings.LANGUAGES)


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    email = forms.EmailField(label=_("E-mail"))
    # No preselected role: with "Mayor" first, a hurried head of delegation registered mayors only.
    role = forms.ChoiceField(
        label=_("Role"), choices=[*BLANK_CHOICE_DASH, *Registration.Role.choices]
    )
    language = _language_field(_("Language for mail"))
    needs = forms.CharField(
        label=_("Needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Accessibility, diet, interpretation, …"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or "de")[:2]

    def participant(self) -> Participant:
        data = self.cleaned_data
        return Participant(
            name=data["name"],
            email=data["email"],
            role=data["role"],
            language=data["language"],
            needs=data.get("needs", ""),
        )


class IndividualForm(ParticipantForm):
    city = forms.ModelChoiceField(
        label=_("City you come from"),
        queryset=City.objects.all(),
        required=False,
        help_text=_("Optional; it appears on your badge."),
    )


class MemberForm(ParticipantForm):
    """A row of the delegation form; a row without name, e-mail and needs is skipped."""

    def has_changed(self) -> bool:
        # The role and language selects always post a value, so only typed fields count.
        return any(self[name].value() for name in ("name", "email", "needs"))


class BaseMemberFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not self.participants():
            raise forms.ValidationError(_("Add at least one member to the delegation."))

    def participants(self) -> list[Participant]:
        return [
            form.participant()
            for form in self.forms
            if form.has_changed() and form.cleaned_data.get("name")
        ]


MemberFormSet = forms.formset_factory(
    MemberForm, formset=BaseMemberFormSet, extra=5, max_num=30, validate_max=True
)


class DelegationForm(forms.Form):
    city = forms.ModelChoiceField(label=_("Partner city"), queryset=City.objects.all())
    head_name = forms.CharField(label=_("Head of delegation"), max_length=160)
    head_email = forms.EmailField(label=_("E-mail of the head of delegation"))
    head_language = _language_field(_("Language for mail"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["head_language"].initial = (get_language() or "de")[:2]


class RegistrationChangeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    role = forms.ChoiceField(label=_("Role"), choices=Registration.Role.choices)
    language = _language_field(_("Language for mail"))
    needs = forms.CharField(
        label=_("Needs"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CheckInSearchForm(forms.Form):
    q = forms.CharField(
        label=_("QR code content, code or name"),
        max_length=200,
        # a badge scanner types into the focused field and presses Enter
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )


class SummitMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))
    statuses = forms.MultipleChoiceField(
        label=_("Send to"),
        choices=[
            (Registration.Status.CONFIRMED, _("Confirmed participants")),
            (Registration.Status.WAITING, _("People on the waiting list")),
        ],
        initial=[Registration.Status.CONFIRMED],
        widget=forms.CheckboxSelectMultiple,
    )
    message_id = forms.CharField(widget=forms.HiddenInput)
