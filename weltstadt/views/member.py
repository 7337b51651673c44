from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET


@login_required
@require_GET
def member_home(request):
    """The member area's start page: each programme adds its own section for this user."""
    return render(request, "weltstadt/member_home.html")
