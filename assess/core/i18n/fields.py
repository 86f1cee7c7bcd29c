"""The Vietnamese half of every field description of the document models.

Each field of `assess.documents.models` carries an English `description`, which messages quote
("missing required field 'count': Estimated number of people.", "is blank; expected: …"). This
table gives its Vietnamese half, keyed by the English text exactly as the models write it, so a
message can say the same in the reader's language. `tests/test_field_descriptions.py` walks the
models and fails on a description the table lacks or an entry no model uses any more.
"""

from __future__ import annotations

DESCRIPTIONS: dict[str, str] = {
    # common (every kind)
    "Identifier: letters, digits, '.', '_' or '-', starting with a letter or digit.":
        "Mã định danh: chữ cái không dấu, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ cái hoặc chữ số.",
    "Vietnamese text, with full diacritics.": "Văn bản tiếng Việt, có đủ dấu.",
    "English text, faithful to the Vietnamese.": "Văn bản tiếng Anh, dịch sát bản tiếng Việt.",
    "Text in Vietnamese (the language of record).": "Văn bản tiếng Việt (ngôn ngữ làm căn cứ chính thức).",
    "Optional English translation for English reports.":
        "Bản dịch tiếng Anh (không bắt buộc), dùng cho báo cáo tiếng Anh.",
    "A document that proves the claim: its name, number and date, e.g. 'Hợp đồng số 14/2026/HĐ, Điều 5'.":
        ("Tài liệu chứng minh nội dung đã khai: tên, số và ngày của tài liệu, ví dụ 'Hợp đồng số "
         "14/2026/HĐ, Điều 5'."),
    "ISO 3166-1 alpha-2 country code, e.g. VN, SG, US.":
        "Mã quốc gia ISO 3166-1 alpha-2, ví dụ VN, SG, US.",
    "Version of this document format; currently 1.": "Phiên bản định dạng của tài liệu này; hiện là 1.",
    "Semantic version, e.g. 1.0.0.": "Phiên bản theo dạng semantic version, ví dụ 1.0.0.",
    "met, partial, not-met, not-applicable or unknown.":
        ("met (đạt), partial (đạt một phần), not-met (không đạt), not-applicable (không áp dụng) hoặc "
         "unknown (chưa rõ)."),
    # checklist (kind: checklist)
    "Always 'checklist'.": "Luôn là 'checklist'.",
    "Checklist id, the folder name under checklists/.": "Mã bộ tiêu chí, là tên thư mục trong checklists/.",
    "'released' versions never change.": "Phiên bản 'released' (đã phát hành) không bao giờ thay đổi.",
    "Title of the checklist.": "Tiêu đề của bộ tiêu chí.",
    "What the checklist is for and its scope.": "Mục đích và phạm vi áp dụng của bộ tiêu chí.",
    "Date from which this version applies.": "Ngày phiên bản này bắt đầu được áp dụng.",
    "Body that publishes the checklist.": "Cơ quan ban hành bộ tiêu chí.",
    "Scoring model.": "Mô hình tính điểm.",
    "Domains with their controls.": "Các lĩnh vực cùng các kiểm soát của từng lĩnh vực.",
    # checklist: scoring
    "Weight of a control of each severity.": "Trọng số của một kiểm soát theo từng mức độ.",
    "Value (0–1) each status earns; not-applicable controls are left out.":
        "Giá trị (0–1) được tính cho mỗi trạng thái; kiểm soát not-applicable không được tính.",
    "Verdict thresholds on the overall score (0–100).": "Ngưỡng kết luận theo điểm tổng (0–100).",
    "Score at or above which a proposal is approved.": "Điểm từ mức này trở lên thì hồ sơ được chấp thuận.",
    ("Score at or above which (and below 'approve') a proposal is approved with conditions; below it, "
     "rejected."):
        ("Điểm từ mức này trở lên (và dưới 'approve') thì hồ sơ được chấp thuận có điều kiện; dưới mức "
         "này thì không chấp thuận."),
    "Risk rating matrix.": "Ma trận xếp mức rủi ro.",
    "How impact is derived.": "Cách xác định mức tác động.",
    "Impact level (1–4) of each data class; the most sensitive class used wins.":
        "Mức tác động (1–4) của từng loại dữ liệu; lấy theo loại nhạy cảm nhất được sử dụng.",
    "Number of data subjects at or above which impact rises one level (max 4).":
        "Số chủ thể dữ liệu từ mức này trở lên thì mức tác động tăng thêm một bậc (tối đa 4).",
    ("Likelihood level (1–4) implied by a failed control of each severity; the highest failed control "
     "wins, 1 when nothing failed."):
        ("Mức khả năng xảy ra (1–4) ứng với một kiểm soát không đạt theo từng mức độ; lấy theo kiểm soát "
         "không đạt có mức độ cao nhất, là 1 khi không có kiểm soát nào không đạt."),
    "A partially met control implies this many levels less.":
        "Kiểm soát đạt một phần thì mức khả năng xảy ra thấp hơn chừng này bậc.",
    "Rating per impact level (rows, 1→4) and likelihood level (columns, 1→4).":
        "Mức rủi ro theo mức tác động (hàng, 1→4) và mức khả năng xảy ra (cột, 1→4).",
    ("Highest risk rating an approval may carry; above it the verdict is at best 'conditional'. Absent: "
     "no cap (checklists 1.x, so their verdicts do not change)."):
        ("Mức rủi ro cao nhất mà một kết luận chấp thuận được phép có; cao hơn mức này thì kết luận tốt "
         "nhất là 'conditional'. Không ghi: không giới hạn (các bộ tiêu chí 1.x, để kết luận của chúng "
         "không thay đổi)."),
    # checklist: domains, controls, legal basis
    "Domain prefix, e.g. RES.": "Tiền tố của lĩnh vực, ví dụ RES.",
    "Name of the domain.": "Tên lĩnh vực.",
    "Weight of this domain's score in the overall score.":
        "Trọng số của điểm lĩnh vực này trong điểm tổng.",
    "The domain's controls.": "Các kiểm soát của lĩnh vực.",
    "Stable id forever: domain prefix, dash, number (e.g. RES-01).":
        "Mã cố định vĩnh viễn: tiền tố lĩnh vực, dấu gạch ngang, số thứ tự (ví dụ RES-01).",
    "Short name of the control.": "Tên ngắn của kiểm soát.",
    "What must be true: the question the proposal answers.": "Điều phải đáp ứng: câu hỏi mà hồ sơ trả lời.",
    "How a reviewer checks it.": "Cách người thẩm định kiểm tra.",
    "How bad a failure is: critical, high, medium or low.":
        "Mức độ nghiêm trọng khi không đạt: critical, high, medium hoặc low.",
    ("If true, failing it rejects the proposal whatever the score (a partial answer caps the verdict at "
     "conditional)."):
        ("Nếu là true, không đạt kiểm soát này thì hồ sơ không được chấp thuận dù điểm là bao nhiêu (trả "
         "lời partial thì kết luận cao nhất là conditional)."),
    "Names of facts that must all be true for the control to apply; empty means it always applies.":
        "Tên các điều kiện phải cùng đúng thì kiểm soát mới được áp dụng; để trống nghĩa là luôn áp dụng.",
    "Legal provisions the control rests on.": "Các quy định pháp luật làm căn cứ cho kiểm soát.",
    "What proof is expected.": "Bằng chứng cần có.",
    "Id of the data-flow graph rule that decides this control's status from the proposal's flows, if any.":
        ("Mã quy tắc trên đồ thị luồng dữ liệu dùng để xác định trạng thái của kiểm soát này từ các luồng "
         "của hồ sơ, nếu có."),
    "What to do when the control is not met.": "Việc cần làm khi kiểm soát không đạt.",
    "Who must act and hold the evidence: the province, the channel's operator, or both.":
        "Bên phải thực hiện và lưu giữ bằng chứng: tỉnh, đơn vị vận hành kênh, hoặc cả hai.",
    "Register id of the instrument cited, e.g. 'decree-356-2025' (assess legal status lists them).":
        ("Mã của văn bản được viện dẫn trong sổ đăng ký, ví dụ 'decree-356-2025' (lệnh assess legal "
         "status liệt kê các mã)."),
    "Register id: the type and the number, e.g. 'decree-356-2025', 'law-91-2025'.":
        "Mã trong sổ đăng ký: loại văn bản và số hiệu, ví dụ 'decree-356-2025', 'law-91-2025'.",
    "Name of the instrument (checklists 1.x; filled from the register otherwise).":
        "Tên văn bản (bộ tiêu chí 1.x; các phiên bản khác lấy từ sổ đăng ký).",
    "Official number and symbol (checklists 1.x; filled from the register otherwise).":
        "Số và ký hiệu chính thức của văn bản (bộ tiêu chí 1.x; các phiên bản khác lấy từ sổ đăng ký).",
    "Kind of instrument (filled from the register).": "Loại văn bản (lấy từ sổ đăng ký).",
    ("Article cited, e.g. '20', or a range '17–18'; checklists 1.x may append the clause and point, "
     "'20(6)(a)'."):
        ("Điều được viện dẫn, ví dụ '20', hoặc một khoảng '17–18'; bộ tiêu chí 1.x có thể ghi kèm "
         "khoản và điểm, '20(6)(a)'."),
    "Clause (khoản), e.g. '6'.": "Khoản, ví dụ '6'.",
    "Point (điểm), e.g. 'a'.": "Điểm, ví dụ 'a'.",
    "What the cited provision requires, in a sentence.":
        "Nội dung quy định được viện dẫn yêu cầu, trong một câu.",
    ("'to-confirm' when the provision's content is not yet checked against an official text; absent: "
     "the register's status of the instrument. A citation of an instrument the register has "
     "'to-confirm' is to confirm whatever this says."):
        ("'to-confirm' khi nội dung điều khoản chưa được đối chiếu với văn bản chính thức; để trống: "
         "lấy tình trạng của văn bản trong sổ đăng ký. Viện dẫn một văn bản mà sổ đăng ký ghi "
         "'to-confirm' thì luôn là cần xác minh, dù ở đây ghi gì."),
    # legal register (kind: legal-register)
    "Always 'legal-register'.": "Luôn là 'legal-register'.",
    "Day the register's facts were last checked.": "Ngày các thông tin trong sổ được kiểm tra lần cuối.",
    "Every instrument a checklist may cite.": "Mọi văn bản mà bộ tiêu chí có thể viện dẫn.",
    "Kind of instrument; decides how a citation is written ('Nghị định số …', 'Luật … số …').":
        "Loại văn bản; quyết định cách viết viện dẫn ('Nghị định số …', 'Luật … số …').",
    "Official number and symbol, e.g. '356/2025/NĐ-CP'.":
        "Số và ký hiệu chính thức, ví dụ '356/2025/NĐ-CP'.",
    "Name, as a citation prints it after its kind.": "Tên văn bản, như viện dẫn in sau loại văn bản.",
    "The body that issued it.": "Cơ quan ban hành.",
    "Day it was passed or signed; absent when no source gives it.":
        "Ngày thông qua hoặc ký ban hành; để trống khi không nguồn nào nêu.",
    "Day it comes into force; absent when no source gives it (it then counts as not in force).":
        "Ngày có hiệu lực; để trống khi không nguồn nào nêu (khi đó được coi là chưa có hiệu lực).",
    "How it stopped being law, if it has or will.": "Văn bản hết hiệu lực thế nào, nếu đã hoặc sẽ hết.",
    ("The day it stops being in force; absent when no source gives it (it is then taken to end, to "
     "confirm, from the day its replacement is known to exist: its issue, or else the register's "
     "checked_on)."):
        ("Ngày hết hiệu lực; để trống khi không nguồn nào nêu (khi đó được coi là hết hiệu lực, cần "
         "xác minh, từ ngày biết có văn bản thay thế: ngày ban hành của văn bản đó, nếu không thì "
         "ngày checked_on của sổ)."),
    "Register ids of the instruments that end or replace it.":
        "Mã của các văn bản chấm dứt hiệu lực hoặc thay thế văn bản này.",
    "The provision of the ending instrument that ends it, e.g. 'Art. 42'.":
        "Điều khoản của văn bản thay thế quy định việc chấm dứt, ví dụ 'Art. 42'.",
    "A transition rule: what still applies after the day, and to what.":
        "Quy định chuyển tiếp: điều gì còn áp dụng sau ngày đó, và áp dụng cho việc gì.",
    "'confirmed' if an official text says so; 'to-confirm' if only secondary sources report it.":
        "'confirmed' nếu văn bản chính thức nêu như vậy; 'to-confirm' nếu chỉ nguồn thứ cấp đưa tin.",
    ("Whether its existence, number and dates are checked against an official text ('confirmed') or "
     "reported by secondary sources only ('to-confirm')."):
        ("Sự tồn tại, số hiệu và các ngày của văn bản đã được đối chiếu với văn bản chính thức "
         "('confirmed') hay chỉ do nguồn thứ cấp đưa tin ('to-confirm')."),
    "Where these facts come from.": "Nguồn của các thông tin này.",
    "What matters about it for a checklist author.": "Điều người soạn bộ tiêu chí cần biết về văn bản.",
    ("Numbers as released checklists wrote them, when they differ from `number` (read through this "
     "mapping; released files never change)."):
        ("Số hiệu như các bộ tiêu chí đã phát hành đã ghi, khi khác với `number` (đọc qua bảng ánh xạ "
         "này; tệp đã phát hành không bao giờ sửa)."),
    # proposal (kind: proposal)
    "Always 'proposal'.": "Luôn là 'proposal'.",
    "Proposal id.": "Mã hồ sơ.",
    "Title of the proposal.": "Tiêu đề của hồ sơ.",
    "Submitting body.": "Cơ quan gửi hồ sơ.",
    "Date of submission.": "Ngày gửi hồ sơ.",
    ("Checklist answered, as id@version, e.g. vn-third-party-channel@1.0.0 (never a file: a checklist "
     "file is given on the command line, with --checklist)."):
        ("Bộ tiêu chí được trả lời, ghi theo dạng id@version, ví dụ vn-third-party-channel@1.0.0 (không "
         "ghi tên tệp: tệp bộ tiêu chí được chỉ ra trên dòng lệnh, bằng --checklist)."),
    "The channel.": "Kênh được sử dụng.",
    ("Who runs the zones, by id (the platform's operator comes from its profile). When given, every zone "
     "names its operator by one of these ids."):
        ("Các đơn vị vận hành các vùng, theo mã (đơn vị vận hành nền tảng lấy từ hồ sơ nền tảng). Khi có "
         "danh sách này, mỗi vùng phải ghi đơn vị vận hành bằng một trong các mã đó."),
    "Services offered through it.": "Các dịch vụ cung cấp qua kênh.",
    "Whose data is processed.": "Các nhóm người có dữ liệu được xử lý.",
    "Data inventory.": "Danh mục dữ liệu.",
    "Trust zones.": "Các vùng tin cậy.",
    "Data-flow diagram nodes.": "Các nút của sơ đồ luồng dữ liệu.",
    "Data flows between nodes.": "Các luồng dữ liệu giữa các nút.",
    "Declared answer per control id.": "Trả lời tự khai theo từng mã kiểm soát.",
    # proposal: submitter and channel
    "Submitting body, e.g. 'UBND tỉnh Bắc Giang'.": "Cơ quan gửi hồ sơ, ví dụ 'UBND tỉnh Bắc Giang'.",
    "Unit within it that runs the service.": "Đơn vị trực thuộc vận hành dịch vụ.",
    "Contact person.": "Người liên hệ.",
    "Full name of the contact person.": "Họ và tên người liên hệ.",
    "E-mail address.": "Địa chỉ thư điện tử.",
    "Telephone number.": "Số điện thoại.",
    "Place in the report's date line, e.g. 'Bắc Giang'; taken from the organisation's name when not given.":
        ("Địa danh ghi ở dòng ngày tháng của báo cáo, ví dụ 'Bắc Giang'; nếu không ghi thì lấy từ tên cơ "
         "quan."),
    "Channel as citizens see it, e.g. 'Zalo OA Bắc Giang'.":
        "Tên kênh như người dân nhìn thấy, ví dụ 'Zalo OA Bắc Giang'.",
    ("The vetted platform profile the channel runs on, as id@version (see `assess platform list`), e.g. "
     "zalo-oa@1.0.0. The profile supplies the operator, its zones and what it keeps; the proposal "
     "connects its nodes to the profile's entry points."):
        ("Hồ sơ nền tảng đã được thẩm tra mà kênh chạy trên đó, ghi theo dạng id@version (xem `assess "
         "platform list`), ví dụ zalo-oa@1.0.0. Hồ sơ nền tảng cho biết đơn vị vận hành, các vùng của nền "
         "tảng và những gì nền tảng lưu giữ; hồ sơ nối các nút của mình vào các điểm kết nối của hồ sơ "
         "nền tảng."),
    ("Who runs the platform: an id from `operators` (or, in older proposals, the company's name). Taken "
     "from the profile when `platform` is given."):
        ("Đơn vị vận hành nền tảng: một mã trong `operators` (hoặc, ở hồ sơ cũ, tên doanh nghiệp). Lấy từ "
         "hồ sơ nền tảng khi đã ghi `platform`."),
    ("Country where the operator is established. Taken from `operators` or the profile when not given; "
     "required otherwise."):
        ("Quốc gia nơi đơn vị vận hành được thành lập. Nếu không ghi thì lấy từ `operators` hoặc hồ sơ "
         "nền tảng; nếu không có ở đó thì bắt buộc phải ghi."),
    "What kind of channel it is.": "Loại kênh.",
    "True if citizens can get the service ONLY through this channel (no portal, counter or other way).":
        ("true nếu người dân CHỈ có thể sử dụng dịch vụ qua kênh này (không có cổng dịch vụ công, quầy "
         "tiếp nhận hay cách nào khác)."),
    "Public address of the channel (shown as text only).":
        "Địa chỉ công khai của kênh (chỉ hiển thị dưới dạng văn bản).",
    "Operator id, e.g. 'vng'; zones and the channel name it.":
        "Mã đơn vị vận hành, ví dụ 'vng'; các vùng và kênh dùng mã này để chỉ đơn vị.",
    "Legal name, e.g. 'Công ty Cổ phần VNG'.": "Tên pháp lý, ví dụ 'Công ty Cổ phần VNG'.",
    "Country where it is established.": "Quốc gia nơi đơn vị được thành lập.",
    # proposal: services, data, zones, nodes, flows, answers
    "Service id, unique in the proposal.": "Mã dịch vụ, không trùng trong hồ sơ.",
    "Service name.": "Tên dịch vụ.",
    "What citizens do through it.": "Những việc người dân thực hiện qua dịch vụ.",
    "Ids of data items it uses.": "Mã các mục dữ liệu mà dịch vụ sử dụng.",
    ("true (the default) if the service passes citizens' data from the channel into the province's own "
     "systems (an API, a bot server, a database); false if officers only read and answer in the "
     "platform's own console. Left out, it counts as true."):
        ("true (mặc định) nếu dịch vụ chuyển dữ liệu của người dân từ kênh vào hệ thống của chính tỉnh "
         "(API, máy chủ bot, cơ sở dữ liệu); false nếu cán bộ chỉ đọc và trả lời trên trang quản trị của "
         "chính nền tảng. Không ghi thì tính là true."),
    "Who they are, e.g. 'citizens applying for permits'.":
        "Họ là ai, ví dụ 'người dân đề nghị cấp giấy phép'.",
    "Estimated number of people.": "Số người ước tính.",
    "Data id, unique in the proposal.": "Mã dữ liệu, không trùng trong hồ sơ.",
    "What the data is.": "Dữ liệu đó là gì.",
    ("Classification: public, internal, personal or sensitive-personal (Decree 356/2025 Art. 4 lists "
     "sensitive data)."):
        ("Phân loại: public (công khai), internal (nội bộ), personal (cá nhân) hoặc sensitive-personal "
         "(cá nhân nhạy cảm); dữ liệu nhạy cảm được liệt kê tại Điều 4 Nghị định 356/2025."),
    "Fields it contains.": "Các trường thông tin mà dữ liệu gồm có.",
    ("What kind of data it is, where the law names the kind: identity-document-image for images of "
     "identity documents (citizen ID card, passport, driving licence…), which Decree 356/2025 Art. 4 "
     "lists as sensitive personal data (class: sensitive-personal) and Law 91/2025 Art. 29 forbids "
     "social networks to demand."):
        ("Loại dữ liệu, khi pháp luật có nêu riêng loại đó: identity-document-image cho hình ảnh giấy tờ "
         "tùy thân (căn cước, hộ chiếu, giấy phép lái xe…), là dữ liệu cá nhân nhạy cảm theo Điều 4 Nghị "
         "định 356/2025 (class: sensitive-personal) và mạng xã hội không được yêu cầu cung cấp theo Điều "
         "29 Luật Bảo vệ dữ liệu cá nhân 91/2025."),
    "Zone id, unique in the proposal.": "Mã vùng, không trùng trong hồ sơ.",
    "Zone name.": "Tên vùng.",
    "Country where the zone's systems and data are located.":
        "Quốc gia nơi đặt hệ thống và dữ liệu của vùng.",
    "Who operates the zone: an id from `operators` when the proposal lists them (older proposals: a name).":
        "Đơn vị vận hành vùng: một mã trong `operators` khi hồ sơ có liệt kê (hồ sơ cũ: tên đơn vị).",
    ("government (the state's own systems), third-party (a contracted operator) or untrusted (the public "
     "internet, citizens' devices)."):
        ("government (hệ thống của chính cơ quan nhà nước), third-party (đơn vị vận hành theo hợp đồng) "
         "hoặc untrusted (Internet công cộng, thiết bị của người dân)."),
    "Node id, unique in the proposal.": "Mã nút, không trùng trong hồ sơ.",
    "Node name.": "Tên nút.",
    "actor (a person), process (software), datastore, or external system.":
        ("actor (con người), process (phần mềm), datastore (kho dữ liệu) hoặc external (hệ thống bên "
         "ngoài)."),
    "Id of the zone it is in.": "Mã vùng chứa nút.",
    "Datastores only: ids of the data items kept there.":
        "Chỉ với datastore: mã các mục dữ liệu được lưu tại đó.",
    ("Is the stored data encrypted at rest? (datastores; outside a government zone any node, and 'yes' "
     "only with evidence)"):
        ("Dữ liệu lưu trữ có được mã hóa không? (với datastore; ngoài vùng government thì với mọi nút, và "
         "chỉ ghi 'yes' khi có bằng chứng)"),
    ("How many days data is kept before deletion (datastores; outside a government zone any node, and "
     "only with evidence)."):
        ("Số ngày dữ liệu được lưu trước khi xóa (với datastore; ngoài vùng government thì với mọi nút, "
         "và chỉ khi có bằng chứng)."),
    ("Outside a government zone only: false if the node keeps nothing it receives (counts only with "
     "evidence). Without it, a node outside the state's systems that receives personal data is presumed "
     "to keep it, encryption at rest and retention unknown."):
        ("Chỉ dùng ngoài vùng government: false nếu nút không lưu giữ gì trong những gì nhận được (chỉ "
         "được tính khi có bằng chứng). Nếu không ghi, một nút nằm ngoài hệ thống nhà nước mà nhận dữ "
         "liệu cá nhân được coi là có lưu giữ dữ liệu đó, còn việc mã hóa khi lưu trữ và thời hạn lưu trữ "
         "là chưa rõ."),
    ("Documents proving what this node declares about keeping data (retains, encrypted_at_rest, "
     "retention_days) outside a government zone; without them those claims do not count."):
        ("Tài liệu chứng minh những gì nút này khai về việc lưu giữ dữ liệu (retains, encrypted_at_rest, "
         "retention_days) ngoài vùng government; không có tài liệu thì các nội dung khai đó không được "
         "tính."),
    "Id of the sending node.": "Mã nút gửi.",
    "Id of the receiving node.": "Mã nút nhận.",
    "Ids of the data items it carries.": "Mã các mục dữ liệu mà luồng truyền đi.",
    ("none, tls (encrypted in transit, readable by each hop), e2e (end-to-end), or unknown (not known to "
     "the province: treated as unencrypted until shown otherwise)."):
        ("none (không mã hóa), tls (mã hóa khi truyền, mỗi chặng trung gian đọc được), e2e (mã hóa "
         "đầu-cuối) hoặc unknown (tỉnh không biết: coi như không mã hóa cho đến khi chứng minh được điều "
         "ngược lại)."),
    "Is the sender authenticated by the receiver?": "Bên nhận có xác thực bên gửi không?",
    "Why the data moves.": "Mục đích chuyển dữ liệu.",
    "References to the documents that prove it.": "Viện dẫn các tài liệu chứng minh.",
    "Explanation in the province's words.": "Giải trình của tỉnh.",
    # review (kind: review)
    "Always 'review'.": "Luôn là 'review'.",
    "The reviewed proposal.": "Hồ sơ được thẩm định.",
    "SHA-256 of the proposal file.": "SHA-256 của tệp hồ sơ.",
    "The reviewer.": "Người thẩm định.",
    "Reviewing body, e.g. 'Bộ Thông tin và Truyền thông' (the parent body in the report's header).":
        "Cơ quan thẩm định, ví dụ 'Bộ Thông tin và Truyền thông' (cơ quan chủ quản ở phần đầu báo cáo).",
    ("Unit of that body that issues the review, e.g. 'Cục An toàn thông tin' (the issuing body in the "
     "header)."):
        ("Đơn vị của cơ quan đó ban hành bản thẩm định, ví dụ 'Cục An toàn thông tin' (cơ quan ban hành ở "
         "phần đầu báo cáo)."),
    "Reviewer's full name.": "Họ và tên người thẩm định.",
    "Reviewer's position, as it stands above the signature.":
        "Chức vụ của người thẩm định, ghi như ở phía trên chữ ký.",
    "Place in the report's date line, e.g. 'Hà Nội'; taken from the organisation's name when not given.":
        "Địa danh ghi ở dòng ngày tháng của báo cáo, ví dụ 'Hà Nội'; nếu không ghi thì lấy từ tên cơ quan.",
    "Date of the review.": "Ngày thẩm định.",
    "Reviewer's status per control id.": "Trạng thái do người thẩm định xác định, theo từng mã kiểm soát.",
    "Status the reviewer assigns.": "Trạng thái người thẩm định xác định.",
    "Why the reviewer sets this status (required: an override without a reason is refused).":
        ("Lý do người thẩm định xác định trạng thái này (bắt buộc: sửa trạng thái mà không có lý do thì "
         "bị từ chối)."),
    "Conditions of approval.": "Các điều kiện chấp thuận.",
    "What must be done.": "Việc phải thực hiện.",
    "Control it concerns, if any.": "Kiểm soát liên quan, nếu có.",
    "Deadline.": "Thời hạn.",
    ("SHA-256 of what the engine saw for this control when the override was written (answer, "
     "evidence, rule and facts), so `assess review carry` can tell whether a resubmitted proposal "
     "changed them; written by the tool."):
        ("SHA-256 của những gì công cụ thấy ở kiểm soát này khi ghi điều chỉnh (câu trả lời, bằng "
         "chứng, quy tắc và dữ kiện), để `assess review carry` biết hồ sơ nộp lại có thay đổi "
         "chúng hay không; do công cụ ghi."),
    "Stable id that events and later reviews use to name this condition, e.g. 'DK-1'.":
        "Mã cố định mà nhật ký và các lần thẩm định sau dùng để gọi điều kiện này, ví dụ 'DK-1'.",
    "Who must do it: a unit of the province, e.g. 'Sở Khoa học và Công nghệ'.":
        "Đơn vị phải thực hiện: một cơ quan của tỉnh, ví dụ 'Sở Khoa học và Công nghệ'.",
    ("open (still to do), met (done, as the reviewer accepts) or waived (no longer required, by "
     "the reviewer's decision)."):
        ("open (chưa thực hiện), met (đã thực hiện, được người thẩm định chấp nhận) hoặc waived "
         "(không còn yêu cầu, theo quyết định của người thẩm định)."),
    "The reviewer's decision.": "Quyết định của người thẩm định.",
    "Decided verdict.": "Kết luận được quyết định.",
    "Required when it differs from the computed verdict.": "Bắt buộc khi khác với kết luận được tính.",
    ("true for a decision better than the controls allow — against failing blockers, or with overrides "
     "that raise a rule's result or a blocker: the report then titles it an exception and lists what was "
     "overridden. Needs a rationale and an authority."):
        ("true nếu quyết định tốt hơn mức các kiểm soát cho phép — dù có kiểm soát bắt buộc không đạt, "
         "hoặc có sửa trạng thái nâng kết quả của một quy tắc hay của một kiểm soát bắt buộc: khi đó báo "
         "cáo ghi tiêu đề là ngoại lệ và liệt kê những gì đã bị sửa. Cần có lý do (rationale) và căn cứ "
         "pháp lý (authority)."),
    ("The legal authority an exception relies on, e.g. the decision or article that allows it (required "
     "with exception: true)."):
        ("Căn cứ pháp lý của ngoại lệ, ví dụ quyết định hoặc điều khoản cho phép ngoại lệ đó (bắt buộc "
         "khi exception: true)."),
    # platform profile (kind: platform)
    "Always 'platform'.": "Luôn là 'platform'.",
    "Profile id, e.g. zalo-oa; stable forever.": "Mã hồ sơ nền tảng, ví dụ zalo-oa; cố định vĩnh viễn.",
    "draft or released.": "draft (bản nháp) hoặc released (đã phát hành).",
    "What the profile describes.": "Đối tượng mà hồ sơ nền tảng mô tả.",
    "Scope and limits of the profile.": "Phạm vi và giới hạn của hồ sơ nền tảng.",
    "When the facts were last checked against sources.":
        "Ngày các thông tin được đối chiếu với nguồn lần gần nhất.",
    "Who vetted and publishes the profile.": "Cơ quan đã thẩm định và ban hành hồ sơ nền tảng.",
    "The channel kind a proposal on it has.": "Loại kênh của hồ sơ dùng nền tảng này.",
    "Id of the operator (in `operators`) citizens deal with: the channel's operator.":
        "Mã đơn vị vận hành (trong `operators`) mà người dân làm việc cùng: đơn vị vận hành kênh.",
    "Companies behind the platform.": "Các doanh nghiệp đứng sau nền tảng.",
    "Where it runs.": "Nơi nền tảng hoạt động.",
    "Its systems.": "Các hệ thống của nền tảng.",
    "Its internal flows.": "Các luồng nội bộ của nền tảng.",
    "Who it passes data to, or `known: false` when no source says.":
        "Các bên mà nền tảng chuyển dữ liệu cho, hoặc `known: false` khi không có nguồn nào cho biết.",
    "The operator's filings under Decree 356/2025, or `known: false` when none was found.":
        "Các hồ sơ đơn vị vận hành đã nộp theo Nghị định 356/2025, hoặc `known: false` khi không tìm thấy.",
    ("Per checklist (id@version): answers to controls the operator owns or shares. Where the province "
     "also answers, the worse one counts."):
        ("Theo từng bộ tiêu chí (id@version): trả lời cho các kiểm soát do đơn vị vận hành chịu trách "
         "nhiệm hoặc cùng chịu trách nhiệm. Khi tỉnh cũng trả lời thì lấy trả lời kém hơn."),
    "Every public source cited.": "Tất cả nguồn công khai được viện dẫn.",
    # platform profile: sourced facts, operators, zones, nodes, flows
    "Ids of entries of `sources` this fact rests on (none when it is unknown).":
        "Mã các mục trong `sources` làm căn cứ cho thông tin này (không có khi thông tin chưa rõ).",
    ("confirmed (the operator's own text, a government text or several reliable reports), to-confirm (one "
     "secondary source) or unknown (nothing found)."):
        ("confirmed (văn bản của chính đơn vị vận hành, văn bản của cơ quan nhà nước hoặc nhiều nguồn tin "
         "đáng tin cậy), to-confirm (một nguồn thứ cấp) hoặc unknown (không tìm thấy nguồn nào)."),
    "What the sources say, in a sentence.": "Nội dung các nguồn nêu, trong một câu.",
    ("ISO 3166-1 alpha-2 code of where it is, or 'unknown' when no source says (an unknown location is "
     "never taken to be Vietnam)."):
        ("Mã quốc gia ISO 3166-1 alpha-2 của nơi đặt, hoặc 'unknown' khi không có nguồn nào cho biết (vị "
         "trí chưa rõ không bao giờ được coi là Việt Nam)."),
    "Operator id: zones name their operator by it, never by text.":
        "Mã đơn vị vận hành: các vùng ghi đơn vị vận hành bằng mã này, không ghi bằng tên.",
    "Where it is established.": "Nơi đơn vị được thành lập.",
    "What it does for the platform (controller, operator, …).":
        "Vai trò đối với nền tảng (bên kiểm soát dữ liệu, bên vận hành, …).",
    "Zone id; a proposal may not reuse it.": "Mã vùng; hồ sơ không được dùng lại mã này.",
    "Where its systems and data are; 'unknown' when no source says.":
        "Nơi đặt hệ thống và dữ liệu của vùng; 'unknown' khi không có nguồn nào cho biết.",
    "Id of the operator (in `operators`) that runs it.":
        "Mã đơn vị vận hành (trong `operators`) vận hành vùng này.",
    "A platform is never a government zone: third-party or untrusted.":
        "Nền tảng không bao giờ là vùng government: chỉ third-party hoặc untrusted.",
    "Node id; a proposal connects its flows to entry points by it.":
        "Mã nút; hồ sơ nối các luồng của mình vào điểm kết nối bằng mã này.",
    "process, datastore or external system.":
        "process (phần mềm), datastore (kho dữ liệu) hoặc external (hệ thống bên ngoài).",
    "Id of the profile zone it is in.": "Mã vùng của hồ sơ nền tảng chứa nút.",
    ("True if a proposal's flows may connect to it (an entry point); the others are reached only through "
     "the profile's flows."):
        ("true nếu luồng của hồ sơ được nối vào nút này (một điểm kết nối); các nút khác chỉ được đi tới "
         "qua các luồng của hồ sơ nền tảng."),
    "Does it keep what reaches it? 'unknown' counts as yes; 'no' only with a confirmed source.":
        ("Nút có lưu giữ những gì đến nó không? 'unknown' được tính là có; chỉ ghi 'no' khi có nguồn đã "
         "xác nhận (confirmed)."),
    "Is what it keeps encrypted at rest?": "Dữ liệu nút lưu giữ có được mã hóa khi lưu trữ không?",
    "Days it keeps data before deletion; null when no source says (counts as no retention period).":
        ("Số ngày nút lưu dữ liệu trước khi xóa; null khi không có nguồn nào cho biết (tính là không có "
         "thời hạn lưu trữ)."),
    ("True when a source says it keeps data until someone deletes it: no retention period, as a known "
     "fact rather than an unknown one."):
        ("true khi có nguồn cho biết nút lưu dữ liệu cho đến khi có người xóa: không có thời hạn lưu trữ, "
         "là thông tin đã biết chứ không phải chưa rõ."),
    ("The best encryption a connection into this entry point has: a proposal's flow into or out of it "
     "counts as no better than this."):
        ("Mức mã hóa tốt nhất của kết nối vào điểm kết nối này: luồng của hồ sơ đi vào hoặc đi ra khỏi "
         "nút này được tính là không tốt hơn mức đó."),
    "Id of the sending profile node.": "Mã nút gửi trong hồ sơ nền tảng.",
    "Id of the receiving profile node.": "Mã nút nhận trong hồ sơ nền tảng.",
    "Encryption on it.": "Mức mã hóa trên luồng.",
    # platform profile: sub-processors, filings, answers, sources
    "Who.": "Tên bên nhận dữ liệu.",
    "Where.": "Ở quốc gia nào.",
    "What for.": "Để làm gì.",
    "Always false: no public source lists them.": "Luôn là false: không có nguồn công khai nào liệt kê.",
    "What it assesses.": "Nội dung được đánh giá.",
    "Its number or reference.": "Số hoặc mã tham chiếu của hồ sơ đã nộp.",
    "When it was filed.": "Ngày nộp.",
    "The authority it was filed with.": "Cơ quan tiếp nhận hồ sơ.",
    "What proves it (a met or partial needs at least one).":
        "Bằng chứng (met hoặc partial cần ít nhất một bằng chứng).",
    "Source id, unique in the profile; facts cite it.":
        "Mã nguồn, không trùng trong hồ sơ nền tảng; các thông tin viện dẫn nguồn bằng mã này.",
    "Title of the document or article.": "Tiêu đề của tài liệu hoặc bài viết.",
    "Who published it.": "Nơi công bố.",
    "Date or period of publication, as given (e.g. '2025-12-31', 'Jan 2026').":
        "Ngày hoặc thời gian công bố, ghi như nguồn (ví dụ '2025-12-31', 'Jan 2026').",
    "Where to find it (an address or site, shown as text only).":
        "Nơi tìm thấy tài liệu (địa chỉ hoặc trang web, chỉ hiển thị dưới dạng văn bản).",
    # the document's identity (Decree 30/2020): symbol, number, signer, recipients
    ("The issuing body's official abbreviation in the report's symbol 'Số: 12/BC-<symbol>', e.g. "
     "'TTHCC'; made from the initials of its name when not given."):
        ("Chữ viết tắt tên cơ quan ban hành trong ký hiệu báo cáo 'Số: 12/BC-<symbol>', ví dụ "
         "'TTHCC'; không ghi thì lấy chữ cái đầu của tên cơ quan."),
    ("The report's registration number, digits only, when the records office has given one; left "
     "blank for it to fill in otherwise."):
        ("Số đăng ký của báo cáo, chỉ gồm chữ số, khi văn thư đã cấp số; không ghi thì để trống "
         "cho văn thư điền."),
    ("Who signs the report (name, position, and `authority` when signing for the head); without it "
     "the contact person signs as the one who prepared it."):
        ("Người ký báo cáo (họ tên, chức vụ, và `authority` khi ký thay người đứng đầu); không ghi "
         "thì người liên hệ ký với tư cách người lập báo cáo."),
    "Full name of the person who signs, as their digital signature certificate names them.":
        "Họ tên đầy đủ của người ký, đúng như chứng thư chữ ký số của người đó ghi.",
    "Their position, e.g. 'Giám đốc' or 'Phó Cục trưởng'.":
        "Chức vụ của người ký, ví dụ 'Giám đốc' hoặc 'Phó Cục trưởng'.",
    ("Signing for another: TM. (on behalf of a collective body), KT. (a deputy for the head), TL., "
     "TUQ. or Q. (acting); with it, `head`."):
        ("Quyền hạn khi ký thay: TM. (thay mặt tập thể), KT. (cấp phó ký thay người đứng đầu), "
         "TL., TUQ. hoặc Q. (quyền); kèm theo `head`."),
    ("With `authority`: whom the signer signs for — the head's position ('Cục trưởng' for KT. Cục "
     "trưởng) or, for TM., the collective body ('Ủy ban nhân dân')."):
        ("Dùng cùng `authority`: người hoặc tập thể được ký thay — chức vụ người đứng đầu ('Cục "
         "trưởng' trong KT. Cục trưởng) hoặc, với TM., tên tập thể ('Ủy ban nhân dân')."),
    ("'Nơi nhận' lines before 'Lưu: VT', e.g. 'Bộ Khoa học và Công nghệ (để thẩm định)'; the "
     "reviewing authority when empty."):
        ("Các dòng 'Nơi nhận' trước dòng 'Lưu: VT', ví dụ 'Bộ Khoa học và Công nghệ (để thẩm "
         "định)'; để trống thì ghi cơ quan thẩm định."),
    "Abbreviation of the unit that drafted the report, in the line 'Lưu: VT, <unit>.', e.g. 'KSTTHC'.":
        ("Chữ viết tắt tên đơn vị soạn thảo báo cáo, trong dòng 'Lưu: VT, <đơn vị>.', ví dụ "
         "'KSTTHC'."),
    "Signing for another: TM., KT. (a deputy for the head), TL., TUQ. or Q. (acting); with it, `head`.":
        ("Quyền hạn khi ký thay: TM., KT. (cấp phó ký thay người đứng đầu), TL., TUQ. hoặc Q. "
         "(quyền); kèm theo `head`."),
    ("With `authority`: whom the reviewer signs for, e.g. 'Cục trưởng' (printed 'KT. CỤC TRƯỞNG' "
     "above the reviewer's own position)."):
        ("Dùng cùng `authority`: người được ký thay, ví dụ 'Cục trưởng' (in thành 'KT. CỤC "
         "TRƯỞNG' phía trên chức vụ của người thẩm định)."),
    ("The issuing body's official abbreviation in the report's symbol 'Số: 12/BC-<symbol>', e.g. "
     "'CATTT'; made from the initials of its name when not given."):
        ("Chữ viết tắt tên cơ quan ban hành trong ký hiệu báo cáo 'Số: 12/BC-<symbol>', ví dụ "
         "'CATTT'; không ghi thì lấy chữ cái đầu của tên cơ quan."),
    ("The appraisal report's registration number, digits only; left blank for the records office "
     "to fill in when not given."):
        ("Số đăng ký của báo cáo kết quả thẩm định, chỉ gồm chữ số; không ghi thì để trống cho "
         "văn thư điền."),
    ("'Nơi nhận' lines before 'Lưu: VT', e.g. 'Bộ trưởng (để báo cáo)'; the submitting body is "
     "always the first."):
        ("Các dòng 'Nơi nhận' trước dòng 'Lưu: VT', ví dụ 'Bộ trưởng (để báo cáo)'; cơ quan đề "
         "xuất luôn đứng đầu."),
    "Abbreviation of the unit that drafted the review, in the line 'Lưu: VT, <unit>.', e.g. 'QLATTT'.":
        ("Chữ viết tắt tên đơn vị soạn thảo kết quả thẩm định, trong dòng 'Lưu: VT, <đơn vị>.', "
         "ví dụ 'QLATTT'."),
}
"""English field description (exactly as in the models) → its Vietnamese translation."""


def vi_description(en: str) -> str | None:
    """The Vietnamese half of a field's English description; None when the table lacks it."""
    return DESCRIPTIONS.get(en)


def described(en: str) -> tuple[str, str]:
    """A field's description as a (Vietnamese, English) pair for a message: the English where
    the table lacks the Vietnamese (a test keeps it complete)."""
    return DESCRIPTIONS.get(en, en), en
