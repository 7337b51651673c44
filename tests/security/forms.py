"""The forms on a rendered page (method, action, field names and kinds), read from its HTML."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> input type
    choices: dict[str, list[str]] = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = Form(
                method=(attrs.get("method") or "get").lower(), action=attrs.get("action") or ""
            )
            self.forms.append(self._form)
            return
        if self._form is None or not attrs.get("name"):
            if tag == "option" and self._form is not None and self._select:
                self._form.choices[self._select].append(attrs.get("value") or "")
            return
        name = attrs["name"]
        if tag == "input":
            self._form.fields[name] = (attrs.get("type") or "text").lower()
            if attrs.get("type") in ("radio", "checkbox"):
                self._form.choices.setdefault(name, []).append(attrs.get("value") or "on")
        elif tag == "textarea":
            self._form.fields[name] = "textarea"
        elif tag == "select":
            self._form.fields[name] = "select"
            self._form.choices.setdefault(name, [])
            self._select = name

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms
