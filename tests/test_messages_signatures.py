"""sign, verify and demo-ca speak the reader's language: Vietnamese by default, English with
--lang en — their errors, every line verify prints about a signature, and their progress lines.
Exit status 2 for bad input, 1 for a report that does not verify; never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assess.cli import app
from assess.core.i18n.messages import fields, msg
from assess.core.i18n.messages import outputs as outputs_table
from assess.core.i18n.messages import signatures as signatures_table
from assess.signatures.demo_ca import FILES
from tests.test_certificates import DAY, NOW, _chain, _signed_anyway
from tests.test_signing import make_pdf

WIDE = {"COLUMNS": "250"}
LANGS = {"vi": [], "en": ["--lang", "en"]}


def _run(lang: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, *LANGS[lang]], env=WIDE)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["demo-ca", "-o", str(folder), "--name", "Nguyễn Văn A"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(make_pdf())
    return path


@pytest.fixture(scope="module")
def signed(demo: Path, unsigned: Path) -> Path:
    out = unsigned.with_name("report.signed.pdf")
    result = CliRunner().invoke(app, ["sign", str(unsigned), "--key", str(demo / FILES["key"]),
                                      "--password-file", str(demo / FILES["password"]),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _sign_args(demo: Path, pdf: Path, out: Path) -> list[str]:
    return ["sign", str(pdf), "--key", str(demo / FILES["key"]), "--password-file",
            str(demo / FILES["password"]), "-o", str(out)]


# --- the word tables ------------------------------------------------------------------------

@pytest.mark.parametrize("table", [signatures_table.MESSAGES, outputs_table.MESSAGES])
def test_both_halves_of_every_entry_name_the_same_parameters(table: dict[str, tuple[str, str]]
                                                             ) -> None:
    for key, (vi, en) in table.items():
        assert key.split(".")[0] in ("signatures", "outputs"), key
        assert fields(vi) == fields(en), key
        assert vi.strip() and en.strip(), key


# --- sign -----------------------------------------------------------------------------------

@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sign_says_where_it_signed(demo: Path, unsigned: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "s.pdf"
    code, output = _run(lang, *_sign_args(demo, unsigned, out))
    assert code == 0, output
    expected = {
        "vi": (f"đã ghi {out}: chữ ký cá nhân của Nguyễn Văn A - TEST ONLY, ký vào khung chữ "
               "ký, trang 1"),
        "en": (f"wrote {out}: personal signature by Nguyễn Văn A - TEST ONLY in its signature "
               "box, page 1"),
    }[lang]
    assert expected in output.splitlines(), output


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sign_refuses_a_signed_report(demo: Path, signed: Path, tmp_path: Path, lang: str
                                      ) -> None:
    code, output = _run(lang, *_sign_args(demo, signed, tmp_path / "again.pdf"))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {signed}: đã được ký (trường 'assess-signature'); cần báo cáo chưa ký — "
              "hãy ký tệp do 'assess report' ghi ra",
        "en": f"error: {signed}: already signed (field 'assess-signature'); expected an unsigned "
              "report — sign the file 'assess report' wrote",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sign_refuses_a_wrong_password(demo: Path, unsigned: Path, tmp_path: Path, lang: str
                                       ) -> None:
    wrong = tmp_path / "wrong.password"
    wrong.write_text("not-the-password\n", encoding="utf-8")
    key = demo / FILES["key"]
    code, output = _run(lang, "sign", str(unsigned), "--key", str(key), "--password-file",
                        str(wrong), "-o", str(tmp_path / "s.pdf"))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {key}: không mở được khóa: sai mật khẩu, hoặc không phải tệp PKCS#12 "
              "(.p12/.pfx) chứa khóa bí mật và chứng thư số của khóa đó",
        "en": f"error: {key}: cannot open the key: wrong password, or not a PKCS#12 (.p12/.pfx) "
              "file holding a private key and its certificate",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sign_names_an_expired_certificate(unsigned: Path, tmp_path: Path, lang: str) -> None:
    chain = _chain(tmp_path / "ca", from_=NOW - 400 * DAY, to=NOW - 5 * DAY)
    code, output = _run(lang, "sign", str(unsigned), "--key", str(chain.key), "--password-file",
                        str(chain.password), "-o", str(tmp_path / "s.pdf"))
    assert code == 2
    end, today = f"{NOW - 5 * DAY:%Y-%m-%d}", f"{dt.datetime.now(dt.UTC):%Y-%m-%d}"
    assert output.strip() == {
        "vi": f"lỗi: {chain.key}: không ký được bằng khóa này: chứng thư số của người ký "
              f"\"Nguyễn Văn A\" đã hết hạn ngày {end} (hôm nay {today})",
        "en": f"error: {chain.key}: cannot sign with this key: the signer's certificate "
              f"\"Nguyễn Văn A\" expired on {end} (today {today})",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_demo_ca_refuses_to_overwrite(demo: Path, lang: str) -> None:
    code, output = _run(lang, "demo-ca", "-o", str(demo))
    assert code == 2
    first = demo / FILES["ca"]
    assert output.strip() == {
        "vi": f"lỗi: {first}: tệp đã có; hãy chọn thư mục khác hoặc dùng --force",
        "en": f"error: {first}: already exists; choose another folder or use --force",
    }[lang]


# --- verify ---------------------------------------------------------------------------------

@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_prints_every_check_in_the_readers_language(demo: Path, signed: Path, lang: str
                                                           ) -> None:
    code, output = _run(lang, "verify", str(signed), "--trust", str(demo / FILES["ca"]))
    assert code == 0, output
    lines = output.splitlines()
    ca = "assess TEST ONLY demo CA - NOT TRUSTED"
    if lang == "vi":
        assert lines[1].startswith(
            "chữ ký 'assess-signature' (chữ ký cá nhân) của Nguyễn Văn A - TEST ONLY, 20")
        assert lines[2].startswith("  đạt        toàn vẹn: các byte đã ký không thay đổi và giá "
                                   "trị chữ ký đúng (sha256, ")
        assert lines[3:5] == [
            "  đạt        phạm vi ký: chữ ký bao trùm toàn bộ tệp: không có gì được thêm vào sau "
            "khi ký",
            f"  đạt        chứng thư số: chuỗi chứng thư dẫn tới chứng thư số gốc tin cậy \"{ca}\" "
            "(chưa kiểm tra thu hồi: ngoại tuyến)",
        ]
        assert lines[5] == "  đạt        người ký: chứng thư số mang tên người ký in trong báo cáo: " \
            "\"Nguyễn Văn A\""
        assert lines[6] == "tài liệu"
        assert lines[7].startswith("  đạt        dữ liệu xác minh dài hạn: không có trong tệp")
        del lines[7]
        assert lines[6 + 1] == ("  đạt        assessment.json: đã đính kèm (hồ sơ test-ok, bộ tiêu chí "
                            "mini@1.0.0, kết luận chấp thuận)")
        assert lines[8].startswith("  đạt        proposal-ok.yaml: hồ sơ: SHA-256 ")
        assert lines[8].endswith(", đúng như assessment.json ghi và báo cáo có in")
        assert lines[-1].startswith("ĐÃ XÁC MINH: người ký Nguyễn Văn A - TEST ONLY (20")
        assert lines[-1].endswith("); báo cáo, kết quả đánh giá và các tệp đầu vào đúng như "
                                  "khi ký.")
    else:
        assert lines[1].startswith(
            "signature 'assess-signature' (personal signature) by Nguyễn Văn A - TEST ONLY, 20")
        assert lines[2].startswith("  ok    integrity: the signed bytes are unchanged and the "
                                   "signature value is correct (sha256, ")
        assert lines[3:5] == [
            "  ok    coverage: the signature covers the whole file: nothing was added after "
            "signing",
            f"  ok    certificate: chains to the trust root \"{ca}\" (revocation not checked: "
            "offline)",
        ]
        assert lines[5] == "  ok    signer: the certificate names the signer the report prints: " \
            "\"Nguyễn Văn A\""
        assert lines[6] == "document"
        assert lines[7].startswith("  ok    long-term validation: none embedded")
        del lines[7]
        assert lines[6 + 1] == ("  ok    assessment.json: attached (proposal test-ok, checklist "
                            "mini@1.0.0, verdict approve)")
        assert lines[8].startswith("  ok    proposal-ok.yaml: the proposal: SHA-256 ")
        assert lines[8].endswith(", as assessment.json records and the report prints")
        assert lines[-1].startswith("VERIFIED: signed by Nguyễn Văn A - TEST ONLY (20")
        assert lines[-1].endswith("); the report, its assessment and its inputs are as signed.")


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_without_a_trust_root_fails_and_says_why(signed: Path, lang: str) -> None:
    code, output = _run(lang, "verify", str(signed))
    assert code == 1
    lines = output.splitlines()
    assert {
        "vi": "  KHÔNG ĐẠT  chứng thư số: chưa kiểm tra: chưa có chứng thư số gốc tin cậy nào; "
              "cần --trust CA.pem với tổ chức cấp chứng thư mà bạn tin cậy",
        "en": "  FAIL  certificate: not checked: no trust root given; expected --trust CA.pem "
              "with the certificate authority you trust",
    }[lang] in lines
    assert lines[-1] == {
        "vi": "KHÔNG XÁC MINH ĐƯỢC: 1 lỗi: chứng thư số: chưa kiểm tra: chưa có chứng thư số gốc "
              "tin cậy nào; cần --trust CA.pem với tổ chức cấp chứng thư mà bạn tin cậy",
        "en": "NOT VERIFIED: 1 problem: certificate: not checked: no trust root given; expected "
              "--trust CA.pem with the certificate authority you trust",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_an_unsigned_report(demo: Path, unsigned: Path, lang: str) -> None:
    code, output = _run(lang, "verify", str(unsigned), "--trust", str(demo / FILES["ca"]))
    assert code == 1
    assert {
        "vi": "  KHÔNG ĐẠT  chữ ký: tệp PDF không có chữ ký số",
        "en": "  FAIL  signature: the PDF has no digital signature",
    }[lang] in output.splitlines()
    assert output.splitlines()[-1] == {
        "vi": "KHÔNG XÁC MINH ĐƯỢC: 1 lỗi: chữ ký: tệp PDF không có chữ ký số",
        "en": "NOT VERIFIED: 1 problem: signature: the PDF has no digital signature",
    }[lang]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_names_an_untrusted_chain(unsigned: Path, demo: Path, tmp_path: Path, lang: str
                                         ) -> None:
    chain = _chain(tmp_path / "ca")
    pdf = _signed_anyway(chain, unsigned, tmp_path / "s.pdf")
    code, output = _run(lang, "verify", str(pdf), "--trust", str(demo / FILES["ca"]))
    assert code == 1
    assert {
        "vi": "  KHÔNG ĐẠT  chứng thư số: chuỗi chứng thư dừng ở \"CA of Nguyễn Văn A\", do \"CA of "
              "Nguyễn Văn A\" cấp, không phải chứng thư số gốc tin cậy nào được cung cấp bằng --trust",
        "en": "  FAIL  certificate: the chain ends at \"CA of Nguyễn Văn A\", issued by \"CA of Nguyễn Văn "
              "A\", which is none of the trust roots given with --trust",
    }[lang] in output.splitlines(), output


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_refuses_a_key_file_as_trust_root(demo: Path, signed: Path, lang: str) -> None:
    key = demo / FILES["key"]
    code, output = _run(lang, "verify", str(signed), "--trust", str(key))
    assert code == 2
    assert output.strip() == {
        "vi": f"lỗi: {key}: tệp không chứa chứng thư số nào; cần chứng thư số của CA (PEM hoặc "
              "DER; tệp khóa .p12 không phải là chứng thư số của CA)",
        "en": f"error: {key}: no certificate in it; expected a CA certificate (PEM or DER; a "
              ".p12 key file is not one)",
    }[lang]


def test_a_list_of_problems_reads_in_one_language() -> None:
    from assess.signatures.certificates import joined

    both = joined([msg("signatures.check.revoked"), msg("signatures.doc.unsigned")])
    assert both.render("vi") == ("chứng thư số của người ký đã bị thu hồi; tệp PDF không có "
                                 "chữ ký số")
    assert both.render("en") == ("the signer's certificate is revoked; the PDF has no digital "
                                 "signature")
