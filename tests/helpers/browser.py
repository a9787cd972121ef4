"""A stand-in for the user at the system browser: fills the platform's login form and follows
the redirect back to Huren's loopback listener, over real HTTP, as a browser would."""

from __future__ import annotations

import re
import threading
from html import unescape
from urllib.parse import urljoin

import requests


class FormBrowser:
    """`open(url)` signs in as `username`; `pages` keeps what the login form answered."""

    def __init__(self, username: str, password: str, *, background: bool = False) -> None:
        self.username, self.password = username, password
        self.background = background
        self.opened: list[str] = []
        self.statuses: list[int] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        if self.background:   # as from the window: the browser is another program
            threading.Thread(target=self._sign_in, args=(url,), daemon=True).start()
        else:
            self._sign_in(url)
        return True

    def _sign_in(self, url: str) -> None:
        with requests.Session() as http:
            form = http.get(url, timeout=10)
            self.statuses.append(form.status_code)
            if form.status_code != 200:
                return
            fields = {unescape(n): unescape(v) for n, v in
                      re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', form.text)}
            action = re.search(r'<form method="post" action="([^"]+)"', form.text).group(1)
            answer = http.post(urljoin(url, action), data={**fields, "username": self.username,
                                                           "password": self.password},
                               allow_redirects=False, timeout=10)
            self.statuses.append(answer.status_code)
            if answer.status_code == 302:
                back = http.get(answer.headers["Location"], timeout=10)   # to Huren's loopback listener
                self.statuses.append(back.status_code)
