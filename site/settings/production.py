"""Production: everything from the environment; refuses to start without a secret."""

from .base import *  # noqa: F401,F403
from .base import SECRET_KEY, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)
DEBUG = False
