"""The upload of a credential file on the public verification page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ambassadors.certificates.credentials.checking import MAX_UPLOAD


class CredentialUploadForm(forms.Form):
    credential = forms.FileField(
        label=_("Credential file"),
        help_text=_(
            "The badge image (PNG or SVG) or the credential file (JSON) you received, at most 1 MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".png,.svg,.json,.jwt,.txt"}),
    )

    def clean_credential(self):
        upload = self.cleaned_data["credential"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("This file is larger than 1 MB: it is no credential."))
        return upload
