"""Acceptance 2 of issue 12, shared by the apps' tests: a page kept in the page cache shows an
edit made in the admin at once, in every language."""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse
from django.utils import translation


class _AdminForm(HTMLParser):
    """The fields of an admin change form as the browser would post them unchanged."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value") or "on")
            else:
                self.data[name] = [attrs.get("value") or ""]
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, text):
        if self._textarea:
            value = self.data[self._textarea][0]
            self.data[self._textarea] = [value + (text.lstrip("\n") if not value else text)]


def de_and_tr(name: str, *args) -> list[str]:
    """The URL of one page in German and in Turkish."""
    urls = []
    for code in ("de", "tr"):
        with translation.override(code):
            urls.append(reverse(name, args=args))
    return urls


def admin_form_data(client, url: str) -> dict:
    parser = _AdminForm()
    response = client.get(url)
    assert response.status_code == 200, url
    parser.feed(response.content.decode())
    return {
        name: values
        for name, values in parser.data.items()
        if "__prefix__" not in name and name != "csrfmiddlewaretoken"
    }


def kept_in_cache(pages: list[str]) -> Client:
    """An anonymous visitor who has seen `pages`, the second time from the page cache."""
    visitor = Client()
    for url in pages:
        assert visitor.get(url).status_code == 200, url
        assert visitor.get(url)["X-Page-Cache"] == "hit", url
    return visitor


def admin_change(staff_client, obj, changes: dict[str, str]) -> None:
    """Post `obj`'s admin change form as the browser would, with `changes` typed in."""
    admin_url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = admin_form_data(staff_client, admin_url)
    data.update({name: [value] for name, value in changes.items()})
    response = staff_client.post(admin_url, data)
    context = response.context or {}
    assert response.status_code == 302, (context.get("errors"), response.content[:300])


def edit_in_admin_and_read(staff_client, obj, changes: dict[str, str], pages: list[str]) -> dict:
    """Keep `pages` in the page cache, change `obj` in the admin as staff, and return what the
    same anonymous visitor reads on each page right after."""
    visitor = kept_in_cache(pages)
    admin_change(staff_client, obj, changes)
    return {url: visitor.get(url).content.decode() for url in pages}
