from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsletter.models import Subscriber, SubscriberEvent


def _language_choices():
    return [(code, settings.LANGUAGE_NATIVE_NAMES[code]) for code, _name in settings.LANGUAGES]


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the bulletin"), choices=_language_choices)
    consent = forms.BooleanField(
        label=_(
            "I would like to receive the İzmir Bulletin by e-mail. I can unsubscribe at any "
            "time with the link in every issue."
        ),
        error_messages={"required": _("Please confirm that you want to receive the bulletin.")},
    )
    source = forms.ChoiceField(
        choices=[
            (Subscriber.Source.FOOTER, Subscriber.Source.FOOTER.label),
            (Subscriber.Source.PAGE, Subscriber.Source.PAGE.label),
        ],
        widget=forms.HiddenInput,
        initial=Subscriber.Source.PAGE,
    )


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the bulletin"), choices=_language_choices)


class SubscriberImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: email, language (de, tr, en, fr, it, es). Imported addresses are "
            "confirmed: import only people who have consented."
        ),
    )
    source_note = forms.CharField(
        label=_("Where was consent given?"),
        max_length=200,
        help_text=_("For example: sign-up list at the partner-city summit, Bremen 2026."),
    )


class BounceImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (SubscriberEvent.Kind.HARD_BOUNCE, SubscriberEvent.Kind.HARD_BOUNCE.label),
            (SubscriberEvent.Kind.SOFT_BOUNCE, SubscriberEvent.Kind.SOFT_BOUNCE.label),
            (SubscriberEvent.Kind.COMPLAINT, SubscriberEvent.Kind.COMPLAINT.label),
        ],
    )
    addresses = forms.CharField(
        label=_("Addresses"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One e-mail address per line, as the mail provider reported them."),
    )

    def clean_addresses(self) -> list[str]:
        validator = forms.EmailField()
        addresses = []
        for line in self.cleaned_data["addresses"].splitlines():
            line = line.strip().strip(",;")
            if not line:
                continue
            try:
                addresses.append(validator.clean(line))
            except forms.ValidationError as exc:
                raise forms.ValidationError(
                    _("“%(line)s” is not an e-mail address."), params={"line": line[:100]}
                ) from exc
        if not addresses:
            raise forms.ValidationError(_("Enter at least one address."))
        return addresses
