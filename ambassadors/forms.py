from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ambassadors.models import Activity, Ambassador, Application, Evidence, Module
from ambassadors.uploads import validate_document, validate_photo

MOTIVATION_MIN_LENGTH = 50


class ApplicationForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that Verein Weltstadt Izmir stores and processes my data to handle this "
            "application, as the privacy notice describes."
        ),
        error_messages={"required": _("We can only handle your application with your consent.")},
    )

    class Meta:
        model = Application
        fields = [
            "name",
            "email",
            "country",
            "city",
            "field",
            "organisation",
            "languages",
            "connection",
            "motivation",
        ]
        widgets = {
            "connection": forms.Textarea(attrs={"rows": 4}),
            "motivation": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "languages": _("For example: German, Turkish, English."),
            "connection": _("How are you connected to İzmir?"),
            "motivation": format_lazy(
                _("Why do you want to become an ambassador of İzmir? At least {count} characters."),
                count=MOTIVATION_MIN_LENGTH,
            ),
        }

    def clean_motivation(self):
        text = self.cleaned_data["motivation"].strip()
        if len(text) < MOTIVATION_MIN_LENGTH:
            raise forms.ValidationError(
                _(
                    "Please tell us a little more about your motivation (at least %(count)d "
                    "characters; you wrote %(length)d)."
                )
                % {"count": MOTIVATION_MIN_LENGTH, "length": len(text)}
            )
        return text


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = Evidence
        fields = ["text", "document"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"document": _("Optional. PDF, DOCX, ODT, JPEG or PNG, at most 5 MB.")}

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_document(document)
        return document


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Ambassador
        fields = [
            "form_of_address",
            "public_profile",
            "photo",
            "bio",
            "city",
            "country",
            "field",
            "organisation",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 600})}
        help_texts = {
            "public_profile": _(
                "Your name, photo, city, country, field and bio appear in the public directory."
            ),
            "photo": _("JPEG, PNG or WebP, at most 3 MB."),
            "bio": _("At most 600 characters."),
        }

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload
            validate_photo(photo)
        return photo


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["date", "kind", "city", "country", "description", "people_reached"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5}),
        }


class GoalReportForm(forms.Form):
    progress_report = forms.CharField(
        label=_("Your progress"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )


class ReasonForm(forms.Form):
    """The intermediate page of a reject or send-back admin action."""

    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))


class CompletionForm(forms.Form):
    """The intermediate page of the bulk-completion admin action."""

    module = forms.ModelChoiceField(label=_("Module"), queryset=Module.objects.none())
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, cohort_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.filter(
            cohort_id__in=cohort_ids
        ).select_related("cohort")
