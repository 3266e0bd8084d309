from django.urls import path

from .views import stop_reminder

urlpatterns = [path("rappels/arreter/", stop_reminder, name="reminders_stop")]
