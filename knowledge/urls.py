from django.urls import include, path

from .feedback import urls as feedback_urls
from .freshness_views import still_current

urlpatterns = [
    path("fiches/toujours-a-jour/", still_current, name="knowledge_still_current"),
    path("", include(feedback_urls)),
]
