"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd in a thread): STARTTLS with
a self-signed certificate made here, AUTH LOGIN, and scripted refusals (4xx, 5xx)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER, PASSWORD = "pr-sender", "s3cret-pw!"


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Handler:
    """Accepts everything unless told otherwise: `refuse` maps an address to its RCPT
    reply (every time), `rcpt_once` to a reply given once, `data_replies` are given to the
    next DATA commands in turn. `received` holds (envelope recipients, message bytes)."""

    refuse: dict[str, str] = field(default_factory=dict)
    rcpt_once: dict[str, str] = field(default_factory=dict)
    data_replies: list[str] = field(default_factory=list)
    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refuse.get(address) or self.rcpt_once.pop(address, None)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_replies:
            return self.data_replies.pop(0)
        self.received.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted"


def _login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 535 itself


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smtp_server(folder: Path, implicit_tls: bool = False) -> Iterator[tuple[Handler, int, Path]]:
    """(handler, port, CA file): STARTTLS required before AUTH, AUTH required before MAIL;
    with `implicit_tls` the whole connection is TLS (as on port 465)."""
    cert, key = self_signed(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = Handler()
    # aiosmtpd does not count an implicit-TLS connection as TLS for auth_require_tls
    tls = ({"ssl_context": context, "auth_require_tls": False} if implicit_tls
           else {"tls_context": context, "require_starttls": True, "auth_require_tls": True})
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), authenticator=_login,
                            auth_required=True, **tls)
    controller.start()
    try:
        yield handler, controller.port, cert
    finally:
        controller.stop()


@contextmanager
def dropping_server() -> Iterator[int]:
    """A port whose server accepts each connection and closes it at once (a dropped link)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        sock.close()
