from django.urls import include, path

from .feedback import urls as feedback_urls
from .freshness_views import still_current
from .livreblanc import consultation_views

urlpatterns = [
    path("fiches/toujours-a-jour/", still_current, name="knowledge_still_current"),
    path("", include(feedback_urls)),
    path("livre-blanc/<int:edition_id>/soutenir/", consultation_views.support, name="livreblanc_support"),
    path(
        "livre-blanc/<int:edition_id>/contribuer/",
        consultation_views.contribute,
        name="livreblanc_contribute",
    ),
]
