from django.urls import path

from . import views

# French addresses under every language prefix, like the site's other public forms.
urlpatterns = [
    path("rejoindre/", views.join, name="network_join"),
    path("rejoindre/envoyee/", views.sent, name="network_join_sent"),
    path("rejoindre/confirmer/<str:token>/", views.confirm, name="network_join_confirm"),
]
