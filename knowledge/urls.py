from django.urls import path

from .freshness_views import still_current
from .livreblanc import consultation_views

urlpatterns = [
    path("fiches/toujours-a-jour/", still_current, name="knowledge_still_current"),
    path("livre-blanc/<int:edition_id>/soutenir/", consultation_views.support, name="livreblanc_support"),
    path(
        "livre-blanc/<int:edition_id>/contribuer/",
        consultation_views.contribute,
        name="livreblanc_contribute",
    ),
]
