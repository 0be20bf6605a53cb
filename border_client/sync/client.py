"""HTTP to the central server: enrollment, signed batch upload, signed watchlist download.

A ``requests.Session`` with timeouts on every call, TLS verification always on (a custom CA
bundle may be given), and the environment's proxies honoured (HTTPS_PROXY, NO_PROXY). Every
failure becomes a SyncFailure whose message says what is wrong in plain words.
"""

from __future__ import annotations

import json
import platform
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from border_client.sync import errors, protocol

__all__ = ["SyncClient"]

DEFAULT_TIMEOUT = (10.0, 120.0)  # connect, read (a large batch on a slow link)


class SyncClient:
    """The post's side of the API. ``session`` is injectable (tests, proxies, adapters)."""

    def __init__(
        self,
        server_url: str,
        *,
        session: requests.Session | None = None,
        ca_bundle: str | None = None,
        proxies: dict[str, str] | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        if not server_url.startswith(("https://", "http://")):
            raise ValueError(f"server URL {server_url!r} must start with https:// (or http://)")
        self.base = server_url.rstrip("/")
        self.session = session or requests.Session()
        # Never turned off: a custom CA bundle is the way to trust a private certificate. Passed
        # on every request, so REQUESTS_CA_BUNDLE in the environment cannot override it.
        self.verify: str | bool = ca_bundle or True
        self.session.verify = self.verify
        if proxies:
            self.session.proxies.update(proxies)
        self.timeout = timeout

    # -- plumbing ---------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = self.base + path
        try:
            # No redirects: a POST silently turned into a GET (http -> https) would be a puzzle.
            return self.session.request(
                method,
                url,
                timeout=self.timeout,
                allow_redirects=False,
                verify=self.verify,
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            raise errors.TlsFailure(
                f"the server at {self.base} could not be verified (TLS certificate not trusted "
                "or the computer's date is wrong); check the CA bundle and the clock"
            ) from exc
        except requests.exceptions.ProxyError as exc:
            raise errors.NetworkFailure(
                f"the proxy refused or could not reach {self.base}; check the proxy settings"
            ) from exc
        except requests.exceptions.Timeout as exc:
            raise errors.NetworkFailure(
                f"the server at {self.base} did not answer in time; the link may be slow or down"
            ) from exc
        except requests.exceptions.ConnectionError as exc:
            raise errors.NetworkFailure(
                f"cannot reach the server at {self.base}; the link may be down"
            ) from exc
        except requests.exceptions.RequestException as exc:
            raise errors.NetworkFailure(f"the request to {self.base} failed: {exc}") from exc

    @staticmethod
    def _json(resp: requests.Response) -> dict[str, Any]:
        try:
            data = resp.json()
        except ValueError as exc:
            raise errors.ServerFailure(
                f"the server answered {resp.status_code} with something that is not JSON "
                "(a proxy or captive portal in the way?)"
            ) from exc
        if not isinstance(data, dict):
            raise errors.ServerFailure("the server's answer is not a JSON object")
        return data

    def _raise_for(self, resp: requests.Response) -> None:
        if 300 <= resp.status_code < 400:
            where = resp.headers.get("Location", "elsewhere")
            raise errors.Refused(
                f"the server at {self.base} redirects to {where}; enroll with the server's "
                "final address (usually https://...)",
                status=resp.status_code,
                code="redirected",
                body={},
            )
        if resp.status_code < 400:
            return
        if resp.status_code >= 500:
            raise errors.ServerFailure(
                f"the server had a problem (HTTP {resp.status_code}); it will be retried"
            )
        try:
            body = resp.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        code = str(body.get("error") or f"http_{resp.status_code}")
        message = str(body.get("message") or f"the server refused the request ({resp.status_code})")
        cls = errors.REFUSALS.get(code, errors.Refused)
        raise cls(message, status=resp.status_code, code=code, body=body)

    # -- API --------------------------------------------------------------------------------

    def server_health(self) -> dict[str, Any]:
        resp = self._request("GET", protocol.SERVER_HEALTH_PATH)
        self._raise_for(resp)
        return self._json(resp)

    def enroll(
        self,
        token: str,
        key: Ed25519PrivateKey,
        *,
        post_code: str | None = None,
        app_version: str | None = None,
        previous_device_id: str | None = None,
    ) -> dict[str, Any]:
        """Send the token and our public key; returns device_id, post_code, server_public_key."""
        pub = protocol.public_key_bytes(key)
        body = {
            "token": token.strip(),
            "public_key": protocol.b64e(pub),
            "proof": protocol.b64e(key.sign(protocol.enrollment_proof_input(token.strip(), pub))),
            "hostname": platform.node()[:200],
            "app_version": app_version,
            "post_code": post_code,
            "previous_device_id": previous_device_id,
        }
        resp = self._request(
            "POST",
            protocol.ENROLL_PATH,
            json=body,
            headers={protocol.H_PROTOCOL: str(protocol.PROTOCOL_VERSION)},
        )
        self._raise_for(resp)
        data = self._json(resp)
        for field in ("device_id", "post_code", "server_public_key"):
            if not isinstance(data.get(field), str):
                raise errors.ServerFailure(f"the enrollment answer lacks {field}")
        return data

    def upload(self, device_id: str, key: Ed25519PrivateKey, batch: protocol.BatchBody) -> dict[str, Any]:
        """POST one signed batch; returns the acknowledgement (see BatchAck)."""
        headers = protocol.sign_request(key, "POST", protocol.BATCH_PATH, device_id, batch.body)
        headers["Content-Type"] = protocol.BATCH_CONTENT_TYPE
        headers["Content-Encoding"] = "gzip"
        resp = self._request("POST", protocol.BATCH_PATH, data=batch.body, headers=headers)
        self._raise_for(resp)
        ack = self._json(resp)
        if type(ack.get("acknowledged_seq")) is not int:
            raise errors.ServerFailure("the server's acknowledgement has no acknowledged_seq")
        return ack

    def fetch_watchlist(
        self,
        device_id: str,
        key: Ed25519PrivateKey,
        server_public_key: bytes,
        since: int | None,
    ) -> dict[str, Any] | None:
        """The watchlist update since version ``since`` (verified against the pinned key)."""
        return self._fetch_signed(
            protocol.WATCHLIST_PATH, "watchlist", device_id, key, server_public_key, since
        )

    def fetch_reference(
        self,
        name: str,
        device_id: str,
        key: Ed25519PrivateKey,
        server_public_key: bytes,
        since: int | None,
    ) -> dict[str, Any] | None:
        """The latest version of reference data set ``name`` if newer than ``since``."""
        return self._fetch_signed(
            f"{protocol.REFERENCE_PATH}/{name}", name, device_id, key, server_public_key, since
        )

    def _fetch_signed(
        self,
        path: str,
        what: str,
        device_id: str,
        key: Ed25519PrivateKey,
        server_public_key: bytes,
        since: int | None,
    ) -> dict[str, Any] | None:
        headers = protocol.sign_request(key, "GET", path, device_id, b"")
        params = {"since": since} if since is not None else None
        resp = self._request("GET", path, headers=headers, params=params)
        self._raise_for(resp)
        try:
            protocol.verify_response(server_public_key, resp.content, resp.headers.get(protocol.H_SIGNATURE))
        except protocol.SignatureError as exc:
            raise errors.ServerIdentityMismatch(
                f"the {what} from {self.base} is not signed by the server this post enrolled "
                f"with ({exc}); it was not applied"
            ) from exc
        data = json.loads(resp.content)
        if not isinstance(data, dict) or data.get("kind") == "none":
            return None
        return data

    def close(self) -> None:
        self.session.close()
