"""Production settings pass Django's deployment checks when given a real secret."""

import os
import subprocess
import sys

from django.conf import settings


def test_check_deploy_reports_no_warning():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "passerelles.settings.production",
        "SECRET_KEY": "p8$Zk!2qv#Lr7wN@x4Tg%Jb9Yc6Hd1Mf5Ps3Ua0Ee^Wo&Ri*Kl",
        "ALLOWED_HOSTS": "passerelles.be",
        "ADMINS": "Équipe technique <tech@passerelles.be>",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test settings for Playwright only
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


def test_production_refuses_to_start_without_secret():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "passerelles.settings.production"}
    env.pop("SECRET_KEY", None)
    completed = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert completed.returncode != 0
    assert "SECRET_KEY" in completed.stderr
