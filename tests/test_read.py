"""Reading sources in every encoding Japanese documents come in, and refusing what is not text."""

import codecs

import pytest

from atlas.model.errors import InputError
from atlas.text.encoding import read_text

TEXT = "官民データ活用推進基本法（平成28年）について。\nＡＩとデータ流通。\n"


@pytest.mark.parametrize(
    "payload",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp932"),
        TEXT.encode("euc_jp"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp932", "euc-jp"],
)
def test_encodings_are_detected(tmp_path, payload):
    path = tmp_path / "doc.txt"
    path.write_bytes(payload)
    assert read_text(path) == TEXT


def test_crlf_and_lone_cr_line_ends_become_newlines(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("一行目\r\n二行目\r三行目\n".encode())
    assert read_text(path) == "一行目\n二行目\n三行目\n"


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"abc\x80\xfd\xfe\xa0\x80\xff\xfc\xfc", "cannot decode"),
    ],
    ids=["empty", "blank", "binary", "undecodable"],
)
def test_bad_files_raise_one_clear_error_naming_the_file(tmp_path, payload, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError) as error:
        read_text(path)
    assert str(error.value).startswith(str(path))
    assert problem in str(error.value)
