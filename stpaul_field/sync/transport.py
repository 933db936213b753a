"""HTTP between a laptop and the central record: one POST per exchange, errors in French.

TLS policy: personal data never travels in clear to another machine. `check_server_url`
refuses `http://` unless the server is this very machine (localhost, 127.0.0.0/8, ::1);
certificates are always verified, against the system's authorities plus, when given, a
city's own authority (`ca_bundle`, a PEM file).
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import ssl
import sys
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
import zstandard
from pydantic import BaseModel, ValidationError

from stpaul_field.sync import protocol as p
from stpaul_field.sync import sealed_file
from stpaul_field.sync.errors import (
    AuthError,
    InsecureServerError,
    OfflineError,
    ProtocolError,
    ServerError,
    SyncError,
)

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R", p.SyncRequest, p.EnrolRequest)
SYNC_PATH = "/api/v1/sync"
ENROL_PATH = "/api/v1/enrol"
KEYS_PATH = "/api/v1/device-keys"
RELAY_PATH = "/api/v1/relay"
# Every request's body and answer: zstd-compressed JSON of the protocol's messages.
BODY_HEADERS = {"content-type": p.SYNC_MEDIA_TYPE, "accept": p.SYNC_MEDIA_TYPE}


def device_headers(token: str) -> dict[str, str]:
    """The headers of a sync request from the device holding `token`."""
    return {"authorization": f"Bearer {token}", **BODY_HEADERS}


# A page of 500 records crosses a 512 kbit/s link in a few seconds: a minute is a dead link.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=15.0)

OFFLINE = "Serveur injoignable : la connexion a échoué ou a été coupée. Nouvel essai plus tard."
UNVERIFIED = (
    "Le certificat du serveur n'a pas pu être vérifié : la connexion a été refusée pour protéger "
    "les données. Si la ville utilise sa propre autorité de certification, donnez son fichier "
    "(option --ca-bundle)."
)
UNREADABLE = "Réponse du serveur illisible : vérifiez l'adresse du serveur ou mettez l'application à jour."


def _is_local(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """The server address, normalised; InsecureServerError for plain HTTP to another machine."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise SyncError(f"Adresse de serveur invalide : « {url} » (attendu : https://serveur.exemple.fr).")
    if parts.scheme == "http" and not _is_local(host):
        raise InsecureServerError(
            f"Adresse refusée : « {url} » n'est pas chiffrée (http). Les données des personnes "
            "accompagnées ne circulent qu'en https ; utilisez l'adresse en https:// du serveur."
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def tls_context(ca_bundle: str | Path | None) -> ssl.SSLContext:
    """The system's authorities, plus the city's own authority when one is given.

    Not `ssl.create_default_context()`: it also trusts whatever SSL_CERT_FILE and SSL_CERT_DIR
    name, and a variable set by anyone (a login script, another program's installer) would make
    the laptop trust a server the city never vouched for. Only `--ca-bundle` adds authorities."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # certificates and host names verified
    _load_system_authorities(context)
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=str(ca_bundle))
        except (OSError, ssl.SSLError) as error:
            raise SyncError(
                f"Fichier d'autorité de certification illisible : {ca_bundle} ({error})."
            ) from None
    return context


_SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # Alpine, macOS
)


def _load_system_authorities(context: ssl.SSLContext) -> None:
    if sys.platform == "win32":  # the Windows certificate stores, as load_default_certs reads them
        for store in ("CA", "ROOT"):
            for cert, encoding, trust in ssl.enum_certificates(store):  # type: ignore[attr-defined]
                if encoding == "x509_asn" and (trust is True or ssl.Purpose.SERVER_AUTH.oid in trust):
                    with contextlib.suppress(ssl.SSLError):
                        context.load_verify_locations(cadata=cert)
    # OpenSSL's own file and directory, never the environment's overrides; where the packaged
    # app's OpenSSL was built for another distribution's layout, that distribution's bundle.
    defaults = ssl.get_default_verify_paths()
    cafile = next((f for f in (defaults.openssl_cafile, *_SYSTEM_BUNDLES) if os.path.isfile(f)), None)
    capath = defaults.openssl_capath if os.path.isdir(defaults.openssl_capath) else None
    if cafile or capath:
        context.load_verify_locations(cafile=cafile, capath=capath)


def _error_field(response: httpx.Response, name: str) -> str | None:
    try:
        return str(json.loads(response.content)[name])
    except (ValueError, KeyError, TypeError):
        return None


def _detail(response: httpx.Response) -> str | None:
    return _error_field(response, "detail")


def _is_certificate_failure(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class ServerTooOld(ProtocolError):
    """The server speaks only older protocols than the request's."""


SERVER_WITHOUT_SERIES = (
    "Le serveur central n'est pas encore à jour pour les cycles d'ateliers : demandez sa mise à "
    "jour au coordinateur. Vos saisies restent sur ce poste et partiront à la synchronisation suivante."
)


class Transport:
    """Talks to one central record; counts exchanges and body bytes (compressed) both ways."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        ca_bundle: str | Path | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = check_server_url(base_url)
        self.token = token
        # The protocol this server speaks, once it said it is older than this app (None: ours).
        self.protocol: int | None = None
        self.round_trips = 0
        self.bytes_sent = 0
        self.bytes_received = 0
        # Plain http (this machine only) has no TLS: a context that trusts no one, instead of
        # reading the system's authorities (80 ms) at every sync for nothing.
        plain = self.base_url.startswith("http://")
        verify = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT) if plain else tls_context(ca_bundle)
        # trust_env=False: SSL_CERT_FILE and the like never loosen verification behind our back.
        self._client = httpx.Client(base_url=self.base_url, verify=verify, timeout=timeout, trust_env=False)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def sync(self, request: p.SyncRequest) -> p.SyncResponse:
        if not self.token:
            raise AuthError("Ce poste n'a pas de jeton : inscrivez-le d'abord.")
        return self._speak(SYNC_PATH, request, p.SyncResponse, device_headers(self.token))

    def register_keys(self, keys: p.DeviceKeys) -> p.ServerKeys:
        """This device's public keys for sync files, registered; the central record's back."""
        if not self.token:
            raise AuthError("Ce poste n'a pas de jeton : inscrivez-le d'abord.")
        return self._post(KEYS_PATH, keys, p.ServerKeys, device_headers(self.token))

    def enrol(self, request: p.EnrolRequest) -> p.EnrolResponse:
        return self._speak(ENROL_PATH, request, p.EnrolResponse, BODY_HEADERS)

    def _speak(self, path: str, request: R, answer: type[M], headers: dict[str, str]) -> M:
        if self.protocol is not None and request.protocol > self.protocol:
            request = request.model_copy(update={"protocol": self.protocol})
            unknown = p.entities_unknown_to(request.protocol)
            if any(c.entity in unknown for c in getattr(request, "changes", [])):
                # Refused before sending: that server would refuse the whole batch for one record.
                raise ProtocolError(SERVER_WITHOUT_SERIES)
        try:
            return self._post(path, request, answer, headers)
        except ServerTooOld:
            if request.protocol <= p.MIN_PROTOCOL_VERSION:
                raise
            # A central record not yet updated (servers are updated first, but not always):
            # speak its older protocol, which this app still knows. The server refused before
            # applying anything, so the same request is sent again.
            self.protocol = request.protocol - 1
            return self._speak(path, request, answer, headers)

    def relay(self, data: bytes) -> bytes:
        """A colleague's request file, relayed; the central record's answer file for them."""
        if not self.token:
            raise AuthError("Ce poste n'a pas de jeton : inscrivez-le d'abord.")
        headers = {
            "authorization": f"Bearer {self.token}",
            "content-type": sealed_file.MEDIA_TYPE,
            "accept": sealed_file.MEDIA_TYPE,
        }
        return self._send(RELAY_PATH, data, headers).content

    def _post(self, path: str, message: BaseModel, answer: type[M], headers: dict[str, str]) -> M:
        response = self._send(path, p.encode(message), headers)
        try:
            return p.decode(response.content, answer)
        except (ValidationError, ValueError, zstandard.ZstdError) as error:
            raise ProtocolError(UNREADABLE) from error

    def _send(self, path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
        """POST `body`; the 200 response, else the French error its status means."""
        self.round_trips += 1
        self.bytes_sent += len(body)
        try:
            response = self._client.post(path, content=body, headers=headers)
        except httpx.TransportError as error:
            if _is_certificate_failure(error):
                raise InsecureServerError(UNVERIFIED) from None
            raise OfflineError(OFFLINE) from None
        self.bytes_received += len(response.content)
        status = response.status_code
        if status == 200:
            return response
        detail = _detail(response)
        if status == 408:  # the body was too slow to arrive (a failing link): retried later
            raise OfflineError(detail or OFFLINE)
        if status in (401, 403, 429):
            raise AuthError(detail or "Accès refusé par le serveur.")
        if status == 426:
            refusal = ServerTooOld if _error_field(response, "code") == "protocol_too_new" else ProtocolError
            raise refusal(detail or "Le serveur ne sert pas cette version de l'application.")
        if status >= 500:
            raise ServerError(
                detail or f"Le serveur a rencontré une erreur ({status}) : nouvel essai plus tard."
            )
        raise ProtocolError(detail or f"Requête refusée par le serveur ({status}).")
