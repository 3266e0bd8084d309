"""Servers the tests start once per session: the site for Chromium, and the Nu HTML Checker."""

import atexit
import json
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class SerialLiveServerThread(LiveServerThread):
    """Answers one request at a time: the server thread shares the test's SQLite connection, which
    must never run two queries at once (Django's live server answers requests in parallel)."""

    def _create_server(self, connections_override=None):
        return WSGIServer((self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False)


class SiteServer:
    def __init__(self, connection):
        self.connection = connection
        self.thread = SerialLiveServerThread(
            "localhost", StaticFilesHandler, connections_override={"default": connection}
        )
        self.thread.daemon = True

    @property
    def url(self):
        return f"http://localhost:{self.thread.port}"

    def start(self):
        self.connection.inc_thread_sharing()
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        return self

    def stop(self):
        self.thread.terminate()
        self.connection.dec_thread_sharing()


def start_site_server(connection):
    return SiteServer(connection).start()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HtmlChecker:
    """vnu-jar run once as an HTTP service (starting Java for each page costs ~5 s of CPU)."""

    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["java", "-Xss1m", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        atexit.register(self.process.terminate)
        self._wait_until_ready()

    def _wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("Le validateur HTML (vnu) s'est arrêté au démarrage.")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("Le validateur HTML (vnu) n'a pas démarré.")

    def messages(self, html):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json",
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())["messages"]


_checker = None


def html_checker():
    global _checker
    if _checker is None:
        _checker = HtmlChecker()
    return _checker
