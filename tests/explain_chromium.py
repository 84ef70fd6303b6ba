"""Headless Chromium for the explain-report tests: one-shot runs and a tiny DevTools client over a pipe.

``run_browser`` is Chromium's own one-shot mode (``--screenshot``, ``--dump-dom``).
That mode won't make a window narrower than 500 px, so the narrow-window test
drives the browser through the Chrome DevTools protocol instead, over
``--remote-debugging-pipe`` (JSON messages separated by NUL on fds 3 and 4):
no websocket, no extra dependency.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--hide-scrollbars", "--force-device-scale-factor=1",
)
BROWSER_TIMEOUT_S = 120

# Runs in the test copy only. Marks every segment with what the browser rendered, then the body with page facts.
PROBE = """<script>
(function () {
  var t0 = performance.now();
  var root = document.documentElement;
  var height = root.scrollHeight;
  var facts = {layoutMs: performance.now() - t0, loadMs: performance.now(), height: height,
               scrollWidth: root.scrollWidth, clientWidth: root.clientWidth};
  var segs = document.querySelectorAll('section.doc p[data-role]');
  if (segs.length <= 5000) {
    segs.forEach(function (p) {
      var struck = Array.prototype.some.call(p.querySelectorAll('*'), function (el) {
        return getComputedStyle(el).textDecorationLine.indexOf('line-through') >= 0;
      }) || getComputedStyle(p).textDecorationLine.indexOf('line-through') >= 0;
      p.setAttribute('data-probe-struck', struck ? '1' : '0');
      var lab = p.querySelector('.lab');
      if (lab) {
        var r = lab.getBoundingClientRect();
        var body = p.querySelector('del, .t');
        var b = body ? body.getBoundingClientRect() : r;
        var visible = r.width > 0 && r.height > 0 && getComputedStyle(lab).visibility === 'visible';
        p.setAttribute('data-probe-label', visible ? 'visible' : 'hidden');
        p.setAttribute('data-probe-label-pos',
                       r.bottom <= b.top + 1 ? 'above' : (r.right <= b.left + 1 ? 'left' : 'overlap'));
      }
    });
  }
  window.scrollTo(0, height);
  facts.scrolledMs = performance.now() - t0;
  document.body.setAttribute('data-probe', JSON.stringify(facts));
})();
</script>"""


def chromium() -> str | None:
    """The Chromium binary, if installed (``$CHROMIUM`` wins)."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def probed_copy(report: Path) -> Path:
    """A copy of the report with the probe script added (and the CSP that would block it removed)."""
    page = report.read_text(encoding="utf-8")
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page, count=1)
    copy = report.with_name(report.stem + ".probe.html")
    copy.write_text(page.replace("</body>", PROBE + "</body>", 1), encoding="utf-8")
    return copy


def run_browser(binary: str, page: Path, *, width: int, height: int, screenshot: Path | None = None,
                dump_dom: bool = False) -> str:
    """Open ``page`` from disk in a fresh headless Chromium; return the DOM when ``dump_dom``."""
    with tempfile.TemporaryDirectory(prefix="cleaner-chromium-") as profile:
        args = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]
        if screenshot is not None:
            args.append(f"--screenshot={screenshot}")
        if dump_dom:
            args.append("--dump-dom")
        args.append(page.resolve().as_uri())
        proc = subprocess.run(args, capture_output=True, timeout=BROWSER_TIMEOUT_S, check=False,
                              env={**os.environ, "HOME": profile})
    if proc.returncode != 0:
        raise AssertionError(f"chromium exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}")
    if screenshot is not None:
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "no screenshot written"
    return proc.stdout.decode("utf-8")


class DevTools:
    """A headless Chromium driven over ``--remote-debugging-pipe``: one page, commands in, results out."""

    def __init__(self, binary: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="cleaner-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:  # in the child: Chromium reads commands on fd 3, writes replies on fd 4
            high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)  # out of the way, in case either is 3 or 4
            high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self._proc = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile.name}", "--remote-debugging-pipe",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=wire_fds, env={**os.environ, "HOME": self._profile.name},
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the browser (politely, then by force) and remove its profile."""
        try:
            self._send({"id": self._new_id(), "method": "Browser.close", "params": {}})
            self._proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._to_child, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise ConnectionError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, *, session: bool = False, timeout: float = BROWSER_TIMEOUT_S,
             **params: Any) -> dict[str, Any]:
        """Send one command (to the page when ``session``) and return its result."""
        ident = self._new_id()
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_event(self, method: str, timeout: float = BROWSER_TIMEOUT_S) -> dict[str, Any]:
        """Wait for the next event named ``method``."""
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._receive(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def open(self, page: Path, *, width: int, height: int) -> None:
        """Load ``page`` from disk in a viewport of exactly ``width`` x ``height`` CSS pixels."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.events.clear()
        self.call("Page.navigate", session=True, url=page.resolve().as_uri())
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        reply = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"page script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """Save the viewport as PNG."""
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))
