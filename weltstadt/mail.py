"""Rendering of the portal's mail from `templates/emails/<name>/{subject.txt,body.txt,body.html}`.

Everything is rendered inside the recipient's language, never the language of the request that
caused the mail.
"""

from dataclasses import dataclass
from email.header import Header
from email.message import Message

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str | None


def _render_plain(name: str, context: dict) -> str:
    """A plain-text part (subject, text body): never HTML-escaped, so that "Avrupa'yı" does not
    arrive as "Avrupa&#x27;yı"."""
    return get_template(name).template.render(Context(context, autoescape=False))


def mail_render(template: str, *, language: str, context: dict) -> RenderedMail:
    """Render one mail in `language`; the HTML part is optional per template."""
    full_context = {
        "site_url": settings.SITE_URL,
        "language": language,
        "association": settings.ASSOCIATION,  # the footer's postal address (imprint duty)
        **context,
    }
    with translation.override(language):
        subject = _render_plain(f"emails/{template}/subject.txt", full_context)
        text = _render_plain(f"emails/{template}/body.txt", full_context)
        try:
            html = render_to_string(f"emails/{template}/body.html", full_context)
        except TemplateDoesNotExist:
            html = None
    if html is not None and not html.strip():
        html = None
    # A subject is one line whatever the template's whitespace.
    return RenderedMail(subject=" ".join(subject.split()), text=text, html=html)


class PortalEmail(EmailMultiAlternatives):
    """A message whose Subject is folded the way RFC 5322 readers expect.

    Django encodes a non-ASCII subject without knowing the header's name, and the generator then
    folds it again right after "Subject:", leaving an empty first line that parsers read as a
    leading space. Encoding with the header's name keeps the first encoded word on that line.
    """

    def message(self, *args, **kwargs):
        msg = super().message(*args, **kwargs)
        del msg["Subject"]
        # email.message.Message's own __setitem__: Django's refuses a Header object.
        Message.__setitem__(
            msg,
            "Subject",
            Header(str(self.subject), self.encoding or "utf-8", header_name="Subject"),
        )
        return msg


def mail_build(
    rendered: RenderedMail,
    *,
    to: str,
    language: str | None = None,
    headers: dict | None = None,
    attachments: list[tuple[str, bytes, str]] = (),
    connection=None,
) -> PortalEmail:
    message = PortalEmail(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        # The language the mail is written in (parts in a fallback language carry their own
        # lang attribute in the HTML).
        headers={**({"Content-Language": language} if language else {}), **(headers or {})},
        connection=connection,
    )
    if rendered.html:
        message.attach_alternative(rendered.html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message
