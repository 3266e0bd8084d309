from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "search"
urlpatterns = [
    path(pgettext_lazy("url", "recherche/"), views.search, name="index"),
    path(pgettext_lazy("url", "recherche/suggestions/"), views.autocomplete, name="autocomplete"),
]
