"""The sync file's format (issue 20): only its reader opens it, and any change is refused in French."""

from __future__ import annotations

import json
import os
import struct
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from stpaul_field.sync import sealed_file as sf

SERVER, TEAM, LAPTOP = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
LAPTOP_SIGNING = Ed25519PrivateKey.generate()
SERVER_BOX = X25519PrivateKey.generate()
SERVER_SIGNING = Ed25519PrivateKey.generate()
LAPTOP_BOX = X25519PrivateKey.generate()
# Incompressible, like the zstd payload it stands for, and several KiB long.
PAYLOAD = b"Hortense GRONDIN 0692 12 34 56 " + os.urandom(6 * 1024)


def _request(payload: bytes = PAYLOAD, laptop: uuid.UUID = LAPTOP) -> bytes:
    return sf.seal(
        "request",
        payload,
        server_id=SERVER,
        team_id=TEAM,
        laptop_id=laptop,
        signer=LAPTOP_SIGNING,
        recipient=SERVER_BOX.public_key(),
    )


def _open_request(data: bytes, signer: bytes | None = None) -> bytes:
    _, payload = sf.open_sealed(
        data,
        kind="request",
        server_id=SERVER,
        team_id=TEAM,
        signer=signer or sf.public_bytes(LAPTOP_SIGNING.public_key()),
        reader=SERVER_BOX,
    )
    return payload


def _answer(laptop: uuid.UUID = LAPTOP, reader: X25519PrivateKey = LAPTOP_BOX) -> bytes:
    return sf.seal(
        "answer",
        PAYLOAD,
        server_id=SERVER,
        team_id=TEAM,
        laptop_id=laptop,
        signer=SERVER_SIGNING,
        recipient=reader.public_key(),
    )


def _open_answer(data: bytes) -> bytes:
    _, payload = sf.open_sealed(
        data,
        kind="answer",
        server_id=SERVER,
        team_id=TEAM,
        signer=sf.public_bytes(SERVER_SIGNING.public_key()),
        reader=LAPTOP_BOX,
        laptop_id=LAPTOP,
    )
    return payload


def _refusal(call, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(sf.SealedFileError) as refused:
        call(*args)
    return refused.value.message


def test_a_request_opens_for_the_central_record_and_says_who_wrote_it() -> None:
    data = _request()
    header = sf.read_header(data)
    assert (header.kind, header.server_id, header.team_id, header.laptop_id) == (
        "request",
        SERVER,
        TEAM,
        LAPTOP,
    )
    assert header.signer == sf.public_bytes(LAPTOP_SIGNING.public_key())
    assert data.startswith(sf.MAGIC) and data[len(sf.MAGIC)] == sf.FORMAT_VERSION
    assert _open_request(data) == PAYLOAD
    assert _open_answer(_answer()) == PAYLOAD


def test_nothing_of_the_payload_is_in_clear_and_the_envelope_costs_little() -> None:
    data = _request()
    assert b"GRONDIN" not in data and b"0692" not in data
    assert len(data) - len(PAYLOAD) < 600  # header, tag and signature


def test_only_the_reader_opens_it() -> None:
    other = X25519PrivateKey.generate()
    with pytest.raises(sf.SealedFileError) as refused:
        sf.open_sealed(
            _request(),
            kind="request",
            server_id=SERVER,
            team_id=TEAM,
            signer=sf.public_bytes(LAPTOP_SIGNING.public_key()),
            reader=other,
        )
    assert refused.value.message == sf.TAMPERED


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04 une archive", b"%PDF-1.7\n", b"STPAUL", os.urandom(4096)],
    ids=["empty", "zip", "pdf", "short", "random"],
)
def test_not_a_sync_file_is_refused(data: bytes) -> None:
    assert _refusal(_open_request, data) == sf.NOT_A_SYNC_FILE


def test_a_file_of_another_server_or_team_is_refused() -> None:
    def open_for(server: uuid.UUID, team: uuid.UUID) -> None:
        sf.open_sealed(
            _request(),
            kind="request",
            server_id=server,
            team_id=team,
            signer=sf.public_bytes(LAPTOP_SIGNING.public_key()),
            reader=SERVER_BOX,
        )

    assert _refusal(open_for, uuid.uuid4(), TEAM) == sf.OTHER_SERVER
    assert _refusal(open_for, SERVER, uuid.uuid4()) == sf.OTHER_TEAM


def test_one_flipped_byte_anywhere_is_refused() -> None:
    data = _request(PAYLOAD[:2048])
    for i in range(len(data)):
        for bit in (0x01, 0x80):
            changed = bytearray(data)
            changed[i] ^= bit
            message = _refusal(_open_request, bytes(changed))
            if i < len(sf.MAGIC):
                assert message == sf.NOT_A_SYNC_FILE
            elif i >= 15:  # past the lengths: the signature no longer holds
                assert message == sf.TAMPERED, i
            else:
                assert message in (sf.TAMPERED, sf.TRUNCATED, sf.TOO_NEW), i


def test_a_file_cut_at_every_kib_is_refused_as_incomplete() -> None:
    data = _request()
    assert len(data) > 6 * 1024
    for cut in range(1024, len(data), 1024):
        assert _refusal(_open_request, data[:cut]) == sf.TRUNCATED
    assert _refusal(_open_request, data[:-1]) == sf.TRUNCATED
    assert _refusal(_open_request, data + b"\0") == sf.TAMPERED


def _resigned(data: bytes, by: Ed25519PrivateKey, claim_signer: bool) -> bytes:
    """The file signed again by another key, its header naming that key or still the first one."""
    prefix = struct.Struct(">8sBHI")
    _, version, header_len, body_len = prefix.unpack_from(data)
    header = json.loads(data[prefix.size : prefix.size + header_len])
    body = data[prefix.size + header_len : prefix.size + header_len + body_len]
    if claim_signer:
        header["signer"] = sf.key_text(by.public_key())
    text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    signed = prefix.pack(sf.MAGIC, version, len(text), body_len) + text + body
    return signed + by.sign(signed)


def test_a_file_signed_again_by_another_laptop_is_refused() -> None:
    intruder = Ed25519PrivateKey.generate()
    assert _refusal(_open_request, _resigned(_request(), intruder, claim_signer=True)) == sf.OTHER_SIGNER
    assert _refusal(_open_request, _resigned(_request(), intruder, claim_signer=False)) == sf.TAMPERED
    # The intruder's own key registered for that laptop id still cannot open what it re-signed:
    # the header is the body's associated data.
    resigned = _resigned(_request(), intruder, claim_signer=True)
    assert _refusal(_open_request, resigned, sf.public_bytes(intruder.public_key())) == sf.TAMPERED


def test_an_answer_meant_for_another_laptop_is_refused() -> None:
    colleague = X25519PrivateKey.generate()
    assert _refusal(_open_answer, _answer(uuid.uuid4(), colleague)) == sf.OTHER_LAPTOP
    # An answer this laptop did not get from its central record.
    forged = sf.seal(
        "answer",
        PAYLOAD,
        server_id=SERVER,
        team_id=TEAM,
        laptop_id=LAPTOP,
        signer=Ed25519PrivateKey.generate(),
        recipient=LAPTOP_BOX.public_key(),
    )
    assert _refusal(_open_answer, forged) == sf.NOT_FROM_SERVER


def test_a_request_is_not_an_answer_and_a_newer_format_asks_for_an_update() -> None:
    assert _refusal(_open_answer, _request()) == sf.WRONG_KIND["answer"]
    assert _refusal(_open_request, _answer()) == sf.WRONG_KIND["request"]
    newer = bytearray(_request())
    newer[len(sf.MAGIC)] = sf.FORMAT_VERSION + 1
    assert _refusal(_open_request, bytes(newer)) == sf.TOO_NEW
