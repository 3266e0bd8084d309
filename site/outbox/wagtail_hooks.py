from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OutgoingMail
from .permissions import AdministratorsReadOnly
from .views import OutgoingMailViewSet

register_permission_policy(OutgoingMail, AdministratorsReadOnly(OutgoingMail))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutgoingMailViewSet("courriels-sortants")
