"""Messages of signatures (see `assess.core.i18n.messages`): (Vietnamese, English) by key.

`sign`, `verify` and `demo-ca`: the key, its password and certificate, the certificate chain,
and every line `verify` prints about a signature and the documents the report carries.
`{detail}` is another program's own words for an error (pyHanko, asn1crypto, the system).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- pieces --------------------------------------------------------------------------------
    "signatures.then": ("{head}; {tail}", "{head}; {tail}"),
    "signatures.none": ("không có", "none"),
    # -- the key and its password (sign) -------------------------------------------------------
    "signatures.password.prompt": ("Mật khẩu của khóa", "Password of the key"),
    "signatures.key.cannot_open": (
        "không mở được khóa: sai mật khẩu, hoặc không phải tệp PKCS#12 (.p12/.pfx) chứa khóa bí "
        "mật và chứng thư số của khóa đó",
        "cannot open the key: wrong password, or not a PKCS#12 (.p12/.pfx) file holding a "
        "private key and its certificate"),
    "signatures.key.no_certificate": (
        "tệp không chứa chứng thư số của khóa; cần tệp PKCS#12 có chứng thư số của người ký",
        "the file holds no certificate for its key; expected a PKCS#12 file with the signer's "
        "certificate"),
    "signatures.key.cannot_sign": ("không ký được bằng khóa này: {problems}",
                                   "cannot sign with this key: {problems}"),
    "signatures.key.failed": ("không ký được bằng khóa này ({detail})",
                              "cannot sign with this key ({detail})"),
    "signatures.key.none": (
        "chưa có khóa ký; cần --key TỆP.p12 hoặc một token PKCS#11 (--pkcs11-lib, "
        "--token-label, --key-label)",
        "no signing key given; expected --key FILE.p12 or a PKCS#11 token (--pkcs11-lib, "
        "--token-label, --key-label)"),
    "signatures.key.both": (
        "chỉ dùng một khóa: tệp --key hoặc token --pkcs11-lib, không dùng cả hai",
        "one key only: the --key file or the --pkcs11-lib token, not both"),
    "signatures.token.needs": ("cần {option} khi dùng --pkcs11-lib",
                               "expected {option} with --pkcs11-lib"),
    "signatures.token.no_module": (
        "cần gói python-pkcs11 để ký bằng token PKCS#11 (pip install python-pkcs11)",
        "signing with a PKCS#11 token needs the python-pkcs11 package (pip install "
        "python-pkcs11)"),
    "signatures.token.cannot_open": (
        "không mở được token '{token}': sai mã PIN, sai nhãn token, hoặc không phải thư viện "
        "PKCS#11 ({detail})",
        "cannot open the token '{token}': wrong PIN, wrong token label, or not a PKCS#11 "
        "library ({detail})"),
    "signatures.token.no_key": (
        "token '{token}' không có khóa bí mật và chứng thư số cùng nhãn '{key}' ({detail})",
        "the token '{token}' holds no private key and certificate labelled '{key}' ({detail})"),
    "signatures.pin.prompt": ("Mã PIN của token", "PIN of the token"),
    "signatures.pin.missing": (
        "chưa có mã PIN; cần tệp mã PIN (--pin-file) hoặc gõ mã PIN khi được hỏi (chỉ hỏi khi "
        "chạy trong terminal)",
        "no PIN given; expected a PIN file (--pin-file) or the PIN typed at the prompt (asked "
        "only on a terminal)"),
    "signatures.password.needed": (
        "khóa có mật khẩu; cần tệp mật khẩu (--password-file) hoặc gõ mật khẩu khi được hỏi "
        "(chỉ hỏi khi chạy trong terminal)",
        "the key has a password; expected a password file (--password-file) or the password "
        "typed at the prompt (asked only on a terminal)"),
    # -- who signs: what the report prints (sign and verify) -----------------------------------
    "signatures.who.personal": ("người ký", "the signer"),
    "signatures.who.organisation": ("cơ quan ban hành", "the issuing body"),
    "signatures.kind.personal": ("chữ ký cá nhân", "personal signature"),
    "signatures.kind.organisation": ("chữ ký của cơ quan (con dấu)",
                                     "organisation signature (seal)"),
    "signatures.kind.unknown": ("vai trò không rõ", "role unknown"),
    "signatures.match.unknown_personal": (
        "báo cáo không ghi ai ký (assessment.json đính kèm không có issuer.signer)",
        "the report does not say who signs (its attached assessment.json has no "
        "issuer.signer)"),
    "signatures.match.unknown_organisation": (
        "báo cáo không ghi cơ quan ban hành (assessment.json đính kèm không có issuer.body)",
        "the report does not name its issuing body (its attached assessment.json has no "
        "issuer.body)"),
    "signatures.match.personal": (
        "chứng thư số mang tên \"{cert}\", không phải người ký in trong báo cáo \"{printed}\"",
        "the certificate names \"{cert}\", not the signer the report prints, \"{printed}\""),
    "signatures.match.organisation": (
        "chứng thư số mang tên \"{cert}\", không phải cơ quan ban hành in trong báo cáo "
        "\"{printed}\" (cần tên cơ quan trong CN của chứng thư)",
        "the certificate names \"{cert}\", not the issuing body the report prints, "
        "\"{printed}\" (expected the body's name as its CN)"),
    "signatures.match.refused": ("không ký: {problem}{hint}", "not signed: {problem}{hint}"),
    "signatures.match.hint": (
        "; hãy ký bằng chứng thư số của chính người ký, hoặc thêm --accept-mismatch nếu cố ý "
        "(mọi lần xác minh sau đều sẽ báo điều này)",
        "; sign with the printed signer's own certificate, or add --accept-mismatch if this is "
        "intended (every later verification will show it)"),
    "signatures.match.accepted": (
        "vẫn ký theo --accept-mismatch: {problem}; mọi lần xác minh sau đều sẽ báo điều này",
        "signing anyway (--accept-mismatch): {problem}; every later verification will show it"),
    "signatures.match.ok": ("chứng thư số mang tên {who} in trong báo cáo: \"{printed}\"",
                            "the certificate names {who} the report prints: \"{printed}\""),
    "signatures.match.failed": (
        "{problem}; báo cáo không được ký bởi người (cơ quan) mà báo cáo ghi",
        "{problem}; the report is not signed by whom it names"),
    "signatures.match.accepted_verify": (
        "{problem} (chấp nhận theo --accept-mismatch)",
        "{problem} (accepted with --accept-mismatch)"),
    "signatures.match.no_role": (
        "trường chữ ký không do 'assess sign' tạo ra: không biết là chữ ký cá nhân hay của cơ "
        "quan",
        "a signature field 'assess sign' does not make: neither personal nor the issuing "
        "body's"),
    "signatures.match.seal_own_key": (
        "chữ ký của cơ quan được tạo bằng chính khóa của người ký cá nhân: con dấu phải là "
        "chứng thư số của cơ quan",
        "the issuing body's signature is made with the personal signer's own key: a seal "
        "needs the body's own certificate"),
    "signatures.match.unshown": (
        "tệp assessment.json đính kèm ghi {who} là \"{name}\", nhưng các trang báo cáo không in "
        "tên đó: tệp đính kèm không phải tệp báo cáo được lập từ",
        "the attached assessment.json names {who} \"{name}\", but the report's pages do not "
        "print that name: the attachment is not the one the report was made from"),
    "signatures.match.seal_alone": (
        "chữ ký của cơ quan không có chữ ký cá nhân của người ký trước nó",
        "the issuing body's signature has no personal signature before it"),
    # -- timestamps and long-term validation data (sign) ---------------------------------------
    "signatures.tsa.failed": ("không lấy được dấu thời gian từ máy chủ cấp dấu thời gian ({detail})",
                              "cannot get a timestamp from the time-stamping authority ({detail})"),
    "signatures.tsa.bad_url": (
        "cần địa chỉ http:// hoặc https:// của máy chủ cấp dấu thời gian (RFC 3161), ví dụ "
        "http://tsa.example.vn/tsa",
        "expected the http:// or https:// address of a time-stamping authority (RFC 3161), for "
        "example http://tsa.example.vn/tsa"),
    "signatures.ltv.failed": (
        "không thu thập được dữ liệu xác minh dài hạn (chứng thư số và danh sách thu hồi của "
        "chuỗi chứng thư); cần --crl TỆP cho từng CA, hoặc danh sách thu hồi truy cập được, "
        "và --trust với chứng thư số gốc ({detail})",
        "cannot collect the long-term validation data (the chain's certificates and revocation "
        "lists); expected --crl FILE for each CA, or reachable revocation lists, and --trust "
        "with the root certificate ({detail})"),
    "signatures.crl.unreadable": (
        "không phải danh sách chứng thư bị thu hồi (CRL, DER hoặc PEM)",
        "not a certificate revocation list (CRL, DER or PEM)"),
    # -- the report to sign (sign) -------------------------------------------------------------
    "signatures.pdf.unreadable": ("không phải tệp PDF đọc được ({detail})",
                                  "not a readable PDF file ({detail})"),
    "signatures.pdf.encrypted": ("tệp PDF đã bị mã hóa; cần báo cáo không mã hóa",
                                 "the PDF is encrypted; expected an unencrypted report"),
    "signatures.pdf.sealed": (
        "đã có chữ ký của cơ quan (trường '{field}'): tài liệu đã hoàn tất, không ký thêm được",
        "already sealed by the issuing body (field '{field}'): the document is complete and "
        "takes no further signature"),
    "signatures.pdf.changed_since": (
        "tệp đã bị thay đổi hoặc thêm nội dung sau chữ ký cá nhân (trường '{field}'); cơ quan "
        "chỉ ký số lên đúng văn bản người ký đã ký: hãy ký lại từ báo cáo gốc",
        "was changed or added to after the personal signature (field '{field}'); the issuing "
        "body seals only the document the signer signed: sign again from the original report"),
    "signatures.pdf.seal_first": (
        "chưa có chữ ký cá nhân của người ký (trường '{field}'); cần ký cá nhân trước (assess "
        "sign --as personal), rồi mới ký số của cơ quan",
        "has no personal signature yet (field '{field}'); expected the signer's personal "
        "signature first (assess sign --as personal), then the issuing body's"),
    "signatures.pdf.already_signed": (
        "đã được ký (trường '{field}'); cần báo cáo chưa ký — hãy ký tệp do 'assess report' ghi ra",
        "already signed (field '{field}'); expected an unsigned report — sign the file 'assess "
        "report' wrote"),
    "signatures.placement.field": ("trường chữ ký", "field"),
    "signatures.placement.box": ("khung chữ ký", "box"),
    "signatures.placement.invisible": ("chữ ký ẩn", "invisible"),
    "signatures.signed": ("đã ký {file}, người ký {signer} ({placement})",
                          "signed {file} by {signer} ({placement})"),
    "signatures.where.field": ("vào trường chữ ký của báo cáo", "in its signature field"),
    "signatures.where.box": ("vào khung chữ ký, trang {page}",
                             "in its signature box, page {page}"),
    "signatures.where.invisible": ("dưới dạng chữ ký ẩn (báo cáo không có khung chữ ký)",
                                   "invisibly (the report marks no signature box)"),
    "signatures.wrote": ("đã ghi {target}: {role} của {signer}, ký {where}",
                         "wrote {target}: {role} by {signer} {where}"),
    # -- certificates (sign and verify) --------------------------------------------------------
    "signatures.cert.key_usage": (
        "chứng thư số \"{name}\" không được dùng để ký: mục đích sử dụng khóa (key usage) là "
        "{usages}; cần digital signature hoặc non-repudiation",
        "the certificate \"{name}\" may not sign: its key usage is {usages}; expected digital "
        "signature or non-repudiation"),
    "signatures.cert.purpose": (
        "chứng thư số \"{name}\" dùng cho {purposes}, không dùng để ký văn bản; cần chứng thư số "
        "ký văn bản (extended key usage là document signing hoặc e-mail protection, hoặc không có)",
        "the certificate \"{name}\" is for {purposes}, not for signing documents; expected a "
        "document-signing certificate (extended key usage document signing or e-mail protection, "
        "or none)"),
    "signatures.purpose.server_auth": ("xác thực máy chủ TLS", "TLS server authentication"),
    "signatures.purpose.client_auth": ("xác thực máy khách TLS", "TLS client authentication"),
    "signatures.purpose.code_signing": ("ký mã chương trình", "code signing"),
    "signatures.purpose.time_stamping": ("cấp dấu thời gian", "time-stamping"),
    "signatures.purpose.ocsp_signing": ("ký phản hồi OCSP", "OCSP responses"),
    "signatures.cert.expired": ("{role} \"{name}\" đã hết hạn ngày {end} ({when} {at})",
                                "the {role} \"{name}\" expired on {end} ({when} {at})"),
    "signatures.cert.not_yet": ("{role} \"{name}\" chỉ có hiệu lực từ ngày {start} ({when} {at})",
                                "the {role} \"{name}\" is valid only from {start} ({when} {at})"),
    "signatures.role.certificate": ("chứng thư số", "certificate"),
    "signatures.role.signer": ("chứng thư số của người ký", "signer's certificate"),
    "signatures.role.root": ("chứng thư số gốc tin cậy", "trust root"),
    "signatures.role.ca": ("chứng thư số của tổ chức cấp chứng thư (CA)",
                           "certificate authority"),
    "signatures.when.today": ("hôm nay", "today"),
    "signatures.when.signed": ("ngày ký", "signed"),
    "signatures.when.now": ("hôm nay", "now"),
    "signatures.cert.no_root": (
        "chuỗi chứng thư dừng ở \"{top}\", do \"{issuer}\" cấp, không phải chứng thư số gốc "
        "tin cậy nào được cung cấp bằng --trust",
        "the chain ends at \"{top}\", issued by \"{issuer}\", which is none of the trust roots "
        "given with --trust"),
    "signatures.trust.no_certificate": (
        "tệp không chứa chứng thư số nào; cần chứng thư số của CA (PEM hoặc DER; tệp khóa .p12 "
        "không phải là chứng thư số của CA)",
        "no certificate in it; expected a CA certificate (PEM or DER; a .p12 key file is not "
        "one)"),
    # -- what verify checked: the subjects -----------------------------------------------------
    "signatures.subject.integrity": ("toàn vẹn", "integrity"),
    "signatures.subject.coverage": ("phạm vi ký", "coverage"),
    "signatures.subject.certificate": ("chứng thư số", "certificate"),
    "signatures.subject.signature": ("chữ ký", "signature"),
    "signatures.subject.attachments": ("tệp đính kèm", "attachments"),
    "signatures.subject.text": ("nội dung in", "text"),
    "signatures.subject.proposal": ("hồ sơ", "proposal"),
    "signatures.subject.checklist": ("bộ tiêu chí", "checklist"),
    "signatures.subject.platform": ("hồ sơ nền tảng", "platform profile"),
    "signatures.subject.review": ("bản thẩm định", "review"),
    "signatures.subject.role": ("vai trò", "role"),
    "signatures.subject.who_personal": ("người ký", "signer"),
    "signatures.subject.who_organisation": ("cơ quan ban hành", "issuing body"),
    "signatures.subject.timestamp": ("dấu thời gian", "timestamp"),
    "signatures.subject.ltv": ("dữ liệu xác minh dài hạn", "long-term validation"),
    # -- verify: each signature ----------------------------------------------------------------
    "signatures.check.padding": (
        "trường chữ ký đã bị sửa sau khi ký (có byte sau giá trị chữ ký)",
        "the signature's field was changed after signing (bytes after the signature value)"),
    "signatures.check.intact": (
        "các byte đã ký không thay đổi và giá trị chữ ký đúng ({digest}, {mechanism})",
        "the signed bytes are unchanged and the signature value is correct ({digest}, "
        "{mechanism})"),
    "signatures.check.changed": (
        "tài liệu đã bị sửa sau khi ký: các byte đã ký không còn khớp với chữ ký",
        "the document was changed after it was signed: the signed bytes no longer match the "
        "signature"),
    "signatures.check.invalid": (
        "giá trị chữ ký không khớp với chứng thư số của người ký",
        "the signature value does not match the signer's certificate"),
    "signatures.check.whole_file": (
        "chữ ký bao trùm toàn bộ tệp: không có gì được thêm vào sau khi ký",
        "the signature covers the whole file: nothing was added after signing"),
    "signatures.check.not_whole_file": (
        "chữ ký không bao trùm toàn bộ tệp: tài liệu đã bị sửa sau khi ký",
        "the signature does not cover the whole file: the document was changed after it was "
        "signed"),
    "signatures.check.validation_data": (
        "chữ ký bao trùm phiên bản của nó; sau đó chỉ thêm dữ liệu xác minh dài hạn (DSS)",
        "the signature covers its revision; after it only long-term validation data (DSS) was "
        "added"),
    "signatures.check.chained_crl": (
        "chuỗi chứng thư dẫn tới chứng thư số gốc tin cậy \"{anchor}\" (kiểm tra thu hồi theo "
        "danh sách thu hồi đính kèm trong tệp)",
        "chains to the trust root \"{anchor}\" (revocation checked against the revocation "
        "lists the file embeds)"),
    "signatures.timestamp.ok": (
        "dấu thời gian RFC 3161 {at} của \"{tsa}\", dẫn tới chứng thư số gốc tin cậy "
        "\"{anchor}\"",
        "RFC 3161 timestamp {at} by \"{tsa}\", which chains to the trust root \"{anchor}\""),
    "signatures.timestamp.unchecked": (
        "dấu thời gian RFC 3161 {at} của \"{tsa}\" (chưa kiểm tra máy chủ cấp: chưa có "
        "--trust)",
        "RFC 3161 timestamp {at} by \"{tsa}\" (its authority not checked: no --trust)"),
    "signatures.timestamp.untrusted": (
        "dấu thời gian {at} của \"{tsa}\" không đáng tin: chứng thư số của máy chủ cấp dấu thời "
        "gian không dẫn tới chứng thư số gốc tin cậy nào được cung cấp bằng --trust",
        "the timestamp {at} by \"{tsa}\" is not trusted: the time-stamping authority's "
        "certificate does not chain to a trust root given with --trust"),
    "signatures.timestamp.invalid": (
        "dấu thời gian {at} của \"{tsa}\" không khớp với chữ ký hoặc đã bị sửa",
        "the timestamp {at} by \"{tsa}\" does not match the signature, or was changed"),
    "signatures.ltv.present": (
        "có trong tệp (PAdES B-LT): {certs} chứng thư số, {crls} danh sách thu hồi",
        "embedded (PAdES B-LT): {certs} certificates, {crls} revocation lists"),
    "signatures.ltv.absent": (
        "không có trong tệp (PAdES B-B/B-T): sau khi chứng thư số hết hạn, cần tìm trạng thái "
        "thu hồi của chúng ở nơi khác",
        "none embedded (PAdES B-B/B-T): once the certificates expire, their revocation status "
        "must be found elsewhere"),
    "signatures.check.later_signatures": (
        "các phiên bản sau chỉ thêm chữ ký", "later revisions only add signatures"),
    "signatures.check.changed_beyond": (
        "tài liệu đã bị sửa sau chữ ký này, không chỉ thêm chữ ký",
        "the document was changed after this signature beyond adding signatures"),
    "signatures.check.no_trust": (
        "chưa kiểm tra: chưa có chứng thư số gốc tin cậy nào; cần --trust CA.pem với tổ chức cấp "
        "chứng thư mà bạn tin cậy",
        "not checked: no trust root given; expected --trust CA.pem with the certificate "
        "authority you trust"),
    "signatures.check.chained": (
        "chuỗi chứng thư dẫn tới chứng thư số gốc tin cậy \"{anchor}\" (chưa kiểm tra thu hồi: "
        "ngoại tuyến)",
        "chains to the trust root \"{anchor}\" (revocation not checked: offline)"),
    "signatures.check.revoked": ("chứng thư số của người ký đã bị thu hồi",
                                 "the signer's certificate is revoked"),
    "signatures.check.untrusted": (
        "chứng thư số của người ký không dẫn tới chứng thư số gốc tin cậy nào được cung cấp bằng "
        "--trust{why}",
        "the signer's certificate does not chain to a trust root given with --trust{why}"),
    "signatures.check.why": (" ({indication})", " ({indication})"),
    "signatures.check.unreadable": ("không đọc hoặc không kiểm tra được ({kind}: {detail})",
                                    "cannot be read or validated ({kind}: {detail})"),
    # -- verify: the document and its attachments ----------------------------------------------
    "signatures.doc.unreadable": ("không đọc được ({kind}: {detail})",
                                  "cannot be read ({kind}: {detail})"),
    "signatures.doc.unsigned": ("tệp PDF không có chữ ký số",
                                "the PDF has no digital signature"),
    "signatures.attach.dangling": (
        "không đọc được tệp đính kèm: tham chiếu của tệp không trỏ tới đối tượng nào trong PDF "
        "(tệp bị hỏng hoặc đã bị sửa)",
        "cannot read the attached file: its reference points at no object in the PDF (a "
        "damaged or edited file)"),
    "signatures.attach.unreadable": ("không đọc được tệp đính kèm ({kind}: {detail})",
                                     "cannot read the attached file ({kind}: {detail})"),
    "signatures.attach.twice": ("được đính kèm hai lần; mỗi tên chỉ được có một tệp",
                                "attached twice; expected one file per name"),
    "signatures.attach.nothing": ("không có tệp nào", "nothing"),
    "signatures.doc.no_assessment": (
        "chưa được đính kèm; cần tệp JSON kết quả đánh giá mà 'assess report' đính kèm (đã đính "
        "kèm: {attached})",
        "not attached; expected the assessment JSON that 'assess report' embeds (attached: "
        "{attached})"),
    "signatures.doc.bad_assessment": (
        "không phải kết quả đánh giá do 'assess report' ghi ra ({detail})",
        "not an assessment 'assess report' wrote ({detail})"),
    "signatures.doc.assessment": (
        "đã đính kèm (hồ sơ {proposal}, bộ tiêu chí {checklist}, kết luận {verdict})",
        "attached (proposal {proposal}, checklist {checklist}, verdict {verdict})"),
    "signatures.doc.missing_by_digest": (
        "chưa được đính kèm; cần tệp {what} có SHA-256 mà assessment.json ghi ({sha})",
        "not attached; expected the {what} file whose SHA-256 assessment.json records ({sha})"),
    "signatures.doc.missing": (
        "chưa được đính kèm; cần tệp {what} (SHA-256 {sha} trong assessment.json)",
        "not attached; expected the {what} file (SHA-256 {sha} in assessment.json)"),
    "signatures.doc.other_file": (
        "{what} được đính kèm không phải là tệp đã được đánh giá: SHA-256 của tệp là {found}, "
        "assessment.json ghi {sha}",
        "the attached {what} is not the one assessed: its SHA-256 is {found}, assessment.json "
        "records {sha}"),
    "signatures.doc.matches": ("{what}: SHA-256 {sha}, đúng như assessment.json ghi{printed}",
                               "the {what}: SHA-256 {sha}, as assessment.json records{printed}"),
    "signatures.doc.printed": (" và báo cáo có in", " and the report prints"),
    "signatures.doc.not_printed": (
        "báo cáo không in SHA-256 {sha} của {what}; cần in trong phụ lục định danh",
        "the report does not print the {what}'s SHA-256 {sha}; expected it in the identity "
        "annex"),
    "signatures.doc.no_text": (
        "không đọc được nội dung báo cáo để tìm các mã SHA-256 được in",
        "cannot read the report's text to find the printed SHA-256 digests"),
    "signatures.doc.extra": (
        "cũng được đính kèm (không phải tệp đầu vào mà kết quả đánh giá ghi nhận; không kiểm tra)",
        "also attached (not an input the assessment records; not checked)"),
    "signatures.doc.text_debug": ("không trích được nội dung: {detail}",
                                  "cannot extract text: {detail}"),
    # -- verify: what it prints ----------------------------------------------------------------
    "signatures.verify.signature": ("chữ ký '{field}' ({role}) của {signer}, {when}",
                                    "signature '{field}' ({role}) by {signer}, {when}"),
    "signatures.verify.claimed": ("{at} (thời gian người ký ghi)", "{at} (as the signer states)"),
    "signatures.verify.stamped": ("{at} (theo dấu thời gian)", "{at} (timestamped)"),
    "signatures.verify.warn": ("  CẢNH BÁO   ", "  WARN  "),
    "signatures.verify.warned": (
        "ĐÃ XÁC MINH KÈM CẢNH BÁO: người ký {signers}; chấp nhận theo --accept-mismatch: "
        "{problems}",
        "VERIFIED WITH WARNINGS: signed by {signers}; accepted with --accept-mismatch: "
        "{problems}"),
    "signatures.verify.no_time": ("không ghi thời gian ký", "time not stated"),
    "signatures.verify.ok": ("  đạt        ", "  ok    "),
    "signatures.verify.fail": ("  KHÔNG ĐẠT  ", "  FAIL  "),
    "signatures.verify.document": ("tài liệu", "document"),
    "signatures.verify.signer": ("{signer} ({when})", "{signer} ({when})"),
    "signatures.verify.verified": (
        "ĐÃ XÁC MINH: người ký {signers}; báo cáo, kết quả đánh giá và các tệp đầu vào đúng như "
        "khi ký.",
        "VERIFIED: signed by {signers}; the report, its assessment and its inputs are as "
        "signed."),
    "signatures.verify.failed_one": ("KHÔNG XÁC MINH ĐƯỢC: {n} lỗi: {problems}",
                                     "NOT VERIFIED: {n} problem: {problems}"),
    "signatures.verify.failed": ("KHÔNG XÁC MINH ĐƯỢC: {n} lỗi: {problems}",
                                 "NOT VERIFIED: {n} problems: {problems}"),
    # -- demo-ca -------------------------------------------------------------------------------
    "signatures.demo.no_name": ("cần một tên", "expected a name"),
    "signatures.demo.no_issuer": (
        "báo cáo không ghi người ký và cơ quan ban hành (assessment.json đính kèm không có mục "
        "issuer); hãy dùng --name và --body",
        "the report does not name its signer and issuing body (its attached assessment.json "
        "has no issuer); use --name and --body"),
    "signatures.demo.exists": ("{target}: tệp đã có; hãy chọn thư mục khác hoặc dùng --force",
                               "{target}: already exists; choose another folder or use --force"),
    "signatures.demo.cannot_make": ("{folder}: không tạo được thư mục ({why})",
                                    "{folder}: cannot make the folder ({why})"),
    "signatures.demo.wrote": (
        "đã ghi {folder}/: tổ chức cấp chứng thư, người ký '{signer}' và cơ quan '{body}' CHỈ "
        "ĐỂ THỬ NGHIỆM — KHÔNG TIN CẬY, dùng để thử 'assess sign' và 'assess verify'",
        "wrote {folder}/: TEST ONLY certificate authority, signer '{signer}' and issuing body "
        "'{body}' — NOT TRUSTED, for trying 'assess sign' and 'assess verify'"),
}
