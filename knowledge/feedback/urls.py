from django.urls import path

from . import views

urlpatterns = [
    path("fiches/avis/", views.vote, name="knowledge_feedback_vote"),
    path("fiches/avis/merci/", views.thanks, name="knowledge_feedback_thanks"),
]
