from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "alerts"

urlpatterns = [
    path(pgettext_lazy("url", "alertes/suivre/"), views.subscribe, name="subscribe"),
    path(pgettext_lazy("url", "alertes/confirmer/<str:token>/"), views.confirm, name="confirm"),
    path(pgettext_lazy("url", "alertes/desabonnement/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(pgettext_lazy("url", "alertes/mes-abonnements/<str:token>/"), views.manage, name="manage"),
]
