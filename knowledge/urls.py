from django.urls import path

from .freshness_views import still_current

urlpatterns = [path("fiches/toujours-a-jour/", still_current, name="knowledge_still_current")]
