"""Messages about the documents a user writes (proposals, reviews, checklists and profiles as YAML):
how they are read, typed and validated, and how their references are checked."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # reading YAML (documents.yamlsource)
    "yaml.too_many_nodes": (
        "tài liệu có hơn {limit:,} giá trị; cần một tài liệu cỡ thông thường (có phải một "
        "alias bị lặp lại nhiều lần?)",
        "document expands to more than {limit:,} values; expected a document of ordinary size "
        "(is an alias repeated many times?)"),
    "yaml.too_many_aliases": (
        "có hơn {limit} lần dùng alias (*tên); tối đa {limit} — hãy viết hẳn các giá trị ra",
        "more than {limit} alias references (*name); expected at most {limit} — write the "
        "values out instead"),
    "yaml.tag": ("không hỗ trợ thẻ YAML {tag}; chỉ dùng giá trị thường",
                 "unsupported YAML tag {tag}; expected plain values"),
    "yaml.merge": ("không hỗ trợ khóa gộp ('<<'); hãy viết hẳn các trường ra",
                   "merge keys ('<<') are not supported; write the fields out"),
    "yaml.key": ("khóa của một ánh xạ phải là một tên thường, ví dụ 'title:'",
                 "a mapping key must be a plain name, e.g. 'title:'"),
    "yaml.duplicate": (
        "khóa '{key}' bị lặp (đã có ở dòng {first}); mỗi khóa chỉ ghi một lần",
        "duplicate key '{key}' (first given on line {first}); expected each key once"),
    "yaml.utf8": (
        "byte {byte} không phải UTF-8 hợp lệ; cần tệp văn bản UTF-8 (lưu lại tệp dưới dạng "
        "UTF-8 trong trình soạn thảo)",
        "byte {byte} is not valid UTF-8; expected a UTF-8 text file (save it as UTF-8 in your "
        "editor)"),
    "yaml.too_big": ("tệp có {size:,} byte; tối đa {limit:,} byte",
                     "file is {size:,} bytes; expected at most {limit:,} bytes"),
    "yaml.stdin_too_big": ("đầu vào quá {limit:,} byte; tối đa {limit:,} byte",
                           "input is over {limit:,} bytes; expected at most {limit:,} bytes"),
    "yaml.unsafe": (
        "chứa {what} (cột {column}); hãy xóa ký tự này (không được dùng ký tự điều khiển, kể cả "
        "trong chú thích)",
        "contains {what} (column {column}); remove it (control characters are not allowed, not "
        "even in comments)"),
    "yaml.syntax": ("lỗi cú pháp YAML: {detail}", "YAML syntax error: {detail}"),
    "yaml.syntax.known": ("lỗi cú pháp YAML: {hint} (trình đọc YAML báo: {detail})",
                          "YAML syntax error: {detail} — {hint}"),
    "yaml.syntax.colon": (
        "thường do tên trường ở dòng trên thiếu dấu ':', thiếu dấu cách sau dấu ':', hoặc một "
        "giá trị có dấu ':' chưa đặt trong ngoặc kép",
        "usually a field name on the line above missing its ':', a missing space after ':', or "
        "a value containing ':' that needs quotes"),
    "yaml.syntax.tab": ("YAML không cho thụt lề bằng phím Tab: hãy dùng dấu cách",
                        "YAML does not allow tabs for indentation: use spaces"),
    "yaml.syntax.character": (
        "một giá trị bắt đầu bằng ký tự đặc biệt (@, `, %, …) phải đặt trong ngoặc kép",
        "a value starting with a special character (@, `, %, …) needs quotes"),
    "yaml.syntax.no_colon": ("thiếu dấu ':' sau tên trường", "a field name is missing its ':'"),
    "yaml.syntax.indent": ("thụt lề không đều: các trường cùng cấp phải thẳng cột",
                           "uneven indentation: fields at the same level must line up"),
    "yaml.syntax.no_value": ("thiếu giá trị hoặc thiếu dấu đóng ngoặc ] hay }}",
                             "a value or a closing ] or }} is missing"),
    "yaml.syntax.end": ("tệp kết thúc giữa chừng: thiếu dấu đóng ngoặc hoặc dấu nháy",
                        "the file ends too early: a closing bracket or quote is missing"),
    "yaml.syntax.alias": ("dùng *tên mà chưa khai báo &tên", "*name used without &name"),
    "yaml.syntax.escape": (
        "trong ngoặc kép, dấu \\ bắt đầu một chuỗi thoát: viết \\\\ hoặc dùng ngoặc đơn",
        "inside double quotes \\ starts an escape: write \\\\ or use single quotes"),
    "yaml.syntax.bracket": ("thiếu dấu ',' giữa các mục hoặc thiếu dấu đóng ngoặc ']'",
                            "a ',' between items or the closing ']' is missing"),
    "yaml.syntax.brace": ("thiếu dấu ',' giữa các trường hoặc thiếu dấu đóng ngoặc '}}'",
                          "a ',' between fields or the closing '}}' is missing"),
    "yaml.syntax.documents": (
        "tệp có nhiều hơn một tài liệu (một dòng '---' ở giữa tệp); mỗi tệp chỉ một tài liệu",
        "the file holds more than one document (a '---' line inside it); one document per "
        "file"),
    "yaml.is_workbook": (
        "đây là một bảng tính (hoặc tệp nén), không phải tệp YAML; phiếu khảo sát được đọc bằng: "
        "assess questionnaire import {file} -o ho-so.yaml",
        "this is a workbook (or a zip file), not a YAML file; a questionnaire is read with: "
        "assess questionnaire import {file} -o proposal.yaml"),
    "yaml.is_pdf": ("đây là một tệp PDF, không phải tệp YAML; báo cáo đã ký được kiểm tra bằng: "
                    "assess verify {file}",
                    "this is a PDF, not a YAML file; a signed report is checked with: assess "
                    "verify {file}"),
    "yaml.is_office": (
        "đây là một tệp Office cũ (.doc/.xls), không phải tệp YAML; hãy lưu bảng tính dưới dạng "
        ".xlsx rồi chạy assess questionnaire import",
        "this is an old Office file (.doc/.xls), not a YAML file; save a workbook as .xlsx, "
        "then run assess questionnaire import"),
    "yaml.error": ("lỗi YAML: {detail}; cần đúng một tài liệu YAML",
                   "YAML error: {detail}; expected one YAML document"),
    "yaml.empty": ("tệp rỗng; cần một ánh xạ YAML có trường 'kind'",
                   "the file is empty; expected a YAML mapping with 'kind'"),
    # typing a value by the field it fills (documents.scalars)
    "value.date": ("ghi là {value}; cần một ngày theo dạng YYYY-MM-DD, ví dụ 2026-12-01",
                   "got {value}; expected a date written YYYY-MM-DD, e.g. 2026-12-01"),
    "value.day_first": (
        "ghi là {value}; ngày phải viết theo dạng YYYY-MM-DD (năm-tháng-ngày): hãy ghi {iso} "
        "(ngày {day}, tháng {month}, năm {year})",
        "got {value}; expected a date written YYYY-MM-DD (year-month-day): write {iso} "
        "(day {day}, month {month}, year {year})"),
    "value.not_a_date": ("{text} không phải là một ngày ({why}); cần một ngày có thật, theo "
                         "dạng YYYY-MM-DD",
                         "{text} is not a date ({why}); expected a real date written YYYY-MM-DD"),
    "value.no_year_0": ("không có năm 0", "there is no year 0"),
    "value.no_month": ("không có tháng {month}", "there is no month {month}"),
    "value.month_days": ("tháng {month} năm {year} có {last} ngày",
                         "month {month} of {year} has {last} days"),
    "value.datetime": ("cần một ngày không kèm giờ, theo dạng YYYY-MM-DD",
                       "expected a date without a time, written YYYY-MM-DD"),
    "value.float_for_int": ("ghi là {value}; cần một số nguyên, ví dụ 150000",
                            "got {value}; expected a whole number, e.g. 150000"),
    "value.quoted": (
        "ghi là {value} trong dấu ngoặc kép nên thành văn bản; cần {wanted} không có ngoặc "
        "kép, ví dụ {example}",
        "got {value} in quotes, which makes it text; expected {wanted} without quotes, e.g. "
        "{example}"),
    "value.kind.bool": ("true hoặc false", "true or false"),
    "value.kind.int": ("một số nguyên", "a whole number"),
    "value.kind.float": ("một số", "a number"),
    "value.bool": ("ghi là {value}; cần true (có) hoặc false (không)",
                   "got {value}; expected true or false"),
    "value.bool_vi": ("ghi là {value}; có phải ý là {guess}? Trường này nhận true (có) hoặc "
                      "false (không)",
                      "got {value}; did you mean {guess}? This field takes true or false"),
    "value.int": (
        "ghi là {value}; cần một số nguyên chỉ gồm chữ số (không có dấu chấm, dấu phẩy hay dấu "
        "cách), tối đa {digits} chữ số, ví dụ 150000",
        "got {value}; expected a whole number written with digits only (no dot, comma or "
        "space), at most {digits} digits, e.g. 150000"),
    "value.grouped": (
        "ghi là {value}; số phải viết liền, không có dấu phân cách hàng nghìn: hãy ghi {digits}",
        "got {value}; a number is written without thousands separators: write {digits}"),
    "value.float": ("ghi là {value}; cần một số như 0.5 hoặc 12 (dấu chấm thập phân)",
                    "got {value}; expected a number such as 0.5 or 12"),
    "value.choice": ("ghi là {value}; có phải ý là '{guess}'? Các giá trị hợp lệ: {choices}",
                     "got {value}; did you mean '{guess}'? Expected one of: {choices}"),
    "value.unsafe": ("chứa {what}; hãy xóa ký tự này (văn bản không được chứa ký tự điều khiển)",
                     "contains {what}; remove it (control characters are not allowed in text)"),
    "value.unsafe_key": (
        "khóa chứa {what}; hãy xóa ký tự này (văn bản không được chứa ký tự điều khiển)",
        "the key contains {what}; remove it (control characters are not allowed in text)"),
    "value.blank_expected": ("đang để trống; cần ghi: {what}", "is blank; expected: {what}"),
    "value.blank": ("đang để trống; hãy ghi giá trị", "is blank; write the value"),
    "value.too_long": ("dài {length:,} ký tự; tối đa {limit:,} ký tự: {rest}",
                       "is {length:,} characters long; at most {limit:,} are allowed: {rest}"),
    "value.too_long.text": ("hãy đưa phần còn lại vào một tài liệu và trích dẫn tài liệu đó ở đây",
                            "put the rest in a document and cite it here"),
    "value.too_long.name": ("tên hoặc tiêu đề chỉ là một dòng; hãy đưa chi tiết vào phần mô tả",
                            "a name or title is a line; put the details in a description"),
    "value.too_many": (
        "có {count:,} mục; tối đa {limit:,} mục (giới hạn để việc đánh giá luôn có hạn: hãy tách "
        "hồ sơ, hoặc gộp các thành phần giống nhau làm một)",
        "has {count:,} entries; at most {limit:,} are allowed (a limit that keeps assessing it "
        "bounded: split the proposal, or group similar elements into one)"),
    "tag.null": ("!!null {value}: cần để trống hoặc ~", "!!null {value}: expected nothing or ~"),
    "tag.bool": ("!!bool {value}: cần true hoặc false", "!!bool {value}: expected true or false"),
    "tag.int": ("!!int {value}: cần một số nguyên tối đa {digits} chữ số, ví dụ 150000",
                "!!int {value}: expected a whole number of at most {digits} digits, e.g. 150000"),
    "tag.float": ("!!float {value}: cần một số như 0.5 hoặc 12",
                  "!!float {value}: expected a number such as 0.5 or 12"),
    "tag.timestamp": ("!!timestamp: {problem}", "!!timestamp: {problem}"),
    # documents (documents.loading)
    "doc.not_mapping": ("cần một ánh xạ YAML có trường 'kind' ở đầu tệp",
                        "expected a YAML mapping with 'kind' at the top"),
    "doc.no_kind": ("thiếu trường 'kind'; các loại tài liệu: {kinds}",
                    "missing 'kind'; expected one of: {kinds}"),
    "doc.unknown_kind": ("không có loại tài liệu {kind}; các loại tài liệu: {kinds}",
                         "unknown kind {kind}; expected one of: {kinds}"),
    "doc.wrong_kind": ("đây là tài liệu loại {kind}; cần tài liệu loại {expected}",
                       "this is a {kind}; expected a {expected}"),
    # what pydantic finds (documents.messages)
    "pyd.missing": ("thiếu trường bắt buộc '{field}'", "missing required field '{field}'"),
    "pyd.missing_described": ("thiếu trường bắt buộc '{field}': {description}",
                              "missing required field '{field}': {description}"),
    "pyd.extra": ("không có trường '{field}'; các trường được dùng: {known}",
                  "unknown field '{field}'; expected one of: {known}"),
    "pyd.extra_close": (
        "không có trường '{field}'; có phải ý là '{close}'? Các trường được dùng: {known}",
        "unknown field '{field}'; did you mean '{close}'? expected one of: {known}"),
    "pyd.got_expected": ("ghi là {value}; cần {wanted}", "got {value}; expected {wanted}"),
    "pyd.choice": ("ghi là {value}; cần một trong các giá trị {expected}",
                   "got {value}; expected {expected}"),
    "pyd.got": ("{text} (ghi là {value})", "{text} (got {value})"),
    "pyd.got_nothing": ("{text} (đang để trống)", "{text} (got nothing)"),
    "pyd.got_write": ("ghi là {value}; cần {wanted}: hãy ghi {instead}",
                      "got {value}; expected {wanted}: write {instead}"),
    "pyd.choice_one": ("ghi là {value}; hãy ghi {expected}", "got {value}; expected {expected}"),
    "pyd.int": ("cần một số nguyên", "input should be a valid integer"),
    "pyd.int_fraction": ("cần một số nguyên, không có phần thập phân",
                         "input should be a valid integer, got a number with a fractional part"),
    "pyd.bool": ("cần true hoặc false", "input should be a valid boolean"),
    "pyd.string": ("cần một văn bản", "input should be a valid string"),
    "pyd.float": ("cần một số", "input should be a valid number"),
    "pyd.finite": ("cần một số hữu hạn", "input should be a finite number"),
    "pyd.list": ("cần một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
                 "input should be a valid list"),
    "pyd.dict": ("cần một ánh xạ (các dòng 'tên: giá trị')",
                 "input should be a valid dictionary"),
    "pyd.date": ("cần một ngày theo dạng YYYY-MM-DD", "input should be a valid date"),
    "pyd.ge": ("phải lớn hơn hoặc bằng {ge}", "input should be greater than or equal to {ge}"),
    "pyd.le": ("phải nhỏ hơn hoặc bằng {le}", "input should be less than or equal to {le}"),
    "pyd.gt": ("phải lớn hơn {gt}", "input should be greater than {gt}"),
    "pyd.lt": ("phải nhỏ hơn {lt}", "input should be less than {lt}"),
    "pyd.string_too_short": ("cần ít nhất {min_length} ký tự",
                             "expected {min_length} or more characters"),
    "pyd.string_too_long": ("tối đa {max_length} ký tự",
                            "expected at most {max_length} characters"),
    "pyd.too_short": ("cần ít nhất {min_length} mục", "expected {min_length} or more entries"),
    "pyd.too_long": ("tối đa {max_length} mục", "expected at most {max_length} entries"),
    "pattern.country": ("mã quốc gia ISO 3166 gồm hai chữ in hoa, ví dụ VN, SG, US",
                        "a two-letter ISO 3166 country code in capitals, e.g. VN, SG, US"),
    "pattern.version": ("số phiên bản dạng 1.0.0", "a semantic version such as 1.0.0"),
    "pattern.id": ("một mã gồm chữ cái không dấu, chữ số, '.', '_' hoặc '-', ví dụ zalo-oa",
                   "an id of letters, digits, '.', '_' or '-', e.g. zalo-oa"),
    "pattern.control": ("mã kiểm soát: tiền tố lĩnh vực, gạch nối, số thứ tự, ví dụ RES-01",
                        "a control id: domain prefix, dash, number, e.g. RES-01"),
    "pattern.symbol": (
        "tên cơ quan viết tắt bằng chữ in hoa và chữ số, không dấu cách, ví dụ TTPVHCC hoặc A05",
        "the body's abbreviation in capitals and digits, no spaces, e.g. TTPVHCC or A05"),
    "pattern.register_id": (
        "mã văn bản trong sổ đăng ký: loại văn bản và số hiệu bằng chữ thường, nối bằng dấu "
        "gạch, ví dụ decree-356-2025 (assess legal status liệt kê các mã)",
        "a register id: the instrument's type and number in lower case joined by hyphens, e.g. "
        "decree-356-2025 (assess legal status lists them)"),
    "pattern.article": (
        "số điều, ví dụ 12, hoặc một khoảng 17–18; khoản và điểm ghi riêng ở clause và point",
        "an article number, e.g. 12, or a range 17–18; the clause and point go in clause and "
        "point"),
    "pattern.clause": ("số khoản, chỉ gồm chữ số, ví dụ 4", "a clause number, digits only, e.g. 4"),
    "pattern.point": ("một chữ cái thường chỉ điểm, ví dụ a hoặc đ",
                      "one lower-case letter naming the point, e.g. a or đ"),
    "pattern.doc_number": ("số văn bản chỉ gồm chữ số, khác 0, ví dụ 12",
                           "a document number of digits only, not zero, e.g. 12"),
    "pattern.domain": ("tiền tố lĩnh vực viết in hoa, ví dụ RES",
                       "a domain prefix in capitals, e.g. RES"),
    "pattern.release": (
        "mã@phiên bản có số phiên bản, ví dụ vn-third-party-channel@1.0.0 hoặc zalo-oa@1.0.0 "
        "(tài liệu chỉ nêu các phiên bản đã phát hành, không bao giờ nêu tệp; tệp bộ tiêu chí "
        "được đưa vào trên dòng lệnh: --checklist PATH)",
        "id@version with a version number, e.g. vn-third-party-channel@1.0.0 or zalo-oa@1.0.0 "
        "(a document names released versions, never files; a checklist file is given on the "
        "command line instead: --checklist PATH)"),
    "pattern.sha256": ("một mã băm SHA-256: 64 chữ số thập lục phân viết thường",
                       "a SHA-256 digest: 64 lowercase hexadecimal digits"),
    "pattern.evidence": ("tài liệu chứng minh, không để trống: tên, số và ngày của tài liệu",
                         "the document that proves it, not a blank: its name, number and date"),
    "pattern.other": ("văn bản khớp mẫu {pattern}", "text matching {pattern}"),
    "near.close": ("có phải ý là {ids}?", "did you mean {ids}?"),
    "near.none": ("chưa có mục nào được khai báo", "none are defined"),
    "near.known": ("các mã đã có: {ids}", "known: {ids}"),
    # cross-references (documents.references)
    "noun.data id": ("mã dữ liệu", "data id"),
    "noun.zone id": ("mã vùng", "zone id"),
    "noun.node id": ("mã nút", "node id"),
    "noun.service id": ("mã dịch vụ", "service id"),
    "noun.operator id": ("mã đơn vị vận hành", "operator id"),
    "noun.source id": ("mã nguồn", "source id"),
    "noun.domain id": ("mã lĩnh vực", "domain id"),
    "noun.control id": ("mã kiểm soát", "control id"),
    "noun.zone": ("vùng", "zone"),
    "noun.node": ("nút", "node"),
    "noun.fact": ("dữ kiện", "fact"),
    "noun.rule": ("quy tắc", "rule"),
    "noun.control": ("kiểm soát", "control"),
    "noun.operator": ("đơn vị vận hành", "operator"),
    "noun.source": ("nguồn", "source"),
    "certainty.confirmed": ("đã xác nhận", "confirmed"),
    "certainty.to-confirm": ("cần xác nhận", "to-confirm"),
    "certainty.unknown": ("chưa rõ", "unknown"),
    "ref.duplicate": ("{what} '{value}' bị trùng (đã khai báo ở dòng {first}); mỗi {what} chỉ "
                      "khai báo một lần",
                      "duplicate {what} '{value}' (first defined on line {first}); expected each "
                      "{what} once"),
    "ref.unknown": ("không có {what} '{value}'; {near}", "unknown {what} '{value}'; {near}"),
    "ref.datastore_only": (
        "'{name}' chỉ dùng cho kho dữ liệu; nút này thuộc loại {kind} (ghi kind: datastore, "
        "hoặc xóa trường này)",
        "'{name}' is only for datastores; this node is a {kind} (set kind: datastore, or remove "
        "the field)"),
    "ref.outside_only": (
        "'{name}' chỉ dùng cho nút ngoài vùng nhà nước (một giả định về bên thứ ba); vùng "
        "'{zone}' là vùng nhà nước: hãy xóa trường này",
        "'{name}' is only for nodes outside a government zone (a presumption about a third "
        "party); zone '{zone}' is government: remove the field"),
    "ref.self_flow": ("luồng từ '{node}' đến chính nó; cần hai nút khác nhau",
                      "a flow from '{node}' to itself; expected two different nodes"),
    "ref.second_flow": (
        "luồng {key} thứ hai (luồng đầu là flows[{first}]); mỗi chiều chỉ một luồng: liệt kê "
        "mọi dữ liệu của nó trong một luồng",
        "a second flow {key} (first is flows[{first}]); expected one flow per direction: list "
        "all its data in one flow"),
    "ref.reaches": (
        "dịch vụ '{service}' khai dữ liệu của nó không vào hệ thống của địa phương, nhưng luồng "
        "{flow} đưa dữ liệu đó vào '{node}'; cần ghi reaches_province_systems: true (hoặc xóa "
        "luồng nếu không đúng như vậy)",
        "service '{service}' says its data stays out of the province's systems, but flow {flow} "
        "carries it into '{node}'; expected reaches_province_systems: true (or remove the flow "
        "if it is not so)"),
    "ref.tag_class.identity-document-image": (
        "dữ liệu '{data}' có thẻ identity-document-image (hình ảnh giấy tờ tùy thân) nhưng được "
        "phân loại là '{cls}'; hình ảnh giấy tờ tùy thân là dữ liệu cá nhân nhạy cảm (Điều 4 Nghị "
        "định số 356/2025/NĐ-CP): hãy ghi class: sensitive-personal",
        "data item '{data}' is tagged identity-document-image (images of identity documents) but "
        "classed '{cls}'; images of identity documents are sensitive personal data (Decree "
        "356/2025/ND-CP, Art. 4): write class: sensitive-personal"),
    "ref.operator_by_id": (
        "không có đơn vị vận hành '{operator}': hồ sơ này nêu đơn vị vận hành theo mã; {near}",
        "unknown operator '{operator}': this proposal names operators by id; {near}"),
    "ref.no_operator": (
        "thiếu 'operator'; cần mã của đơn vị vận hành nền tảng (trong operators) — hoặc nêu một "
        "hồ sơ nền tảng đã thẩm định bằng channel.platform (xem `assess platform list`)",
        "missing 'operator'; expected the id of the platform's operator (from operators) — or "
        "name a vetted profile with channel.platform (see `assess platform list`)"),
    "ref.no_operator_country": (
        "thiếu 'operator_country'; cần mã ISO 3166 của quốc gia nơi đơn vị vận hành được thành "
        "lập, ví dụ operator_country: VN",
        "missing 'operator_country'; expected the ISO 3166 code of the country where the "
        "operator is established, e.g. operator_country: VN"),
    "ref.country_differs": (
        "'{country}' khác với quốc gia của đơn vị vận hành '{operator}' ({own}); chỉ ghi một "
        "quốc gia (hoặc bỏ operator_country: giá trị được lấy từ operators)",
        "'{country}' differs from operator '{operator}' ({own}); expected one country (or leave "
        "operator_country out: it is taken from operators)"),
    "ref.channel_zone_trust": (
        "vùng '{zone}' do đơn vị vận hành kênh '{operator}' vận hành, không phải nhà nước; cần "
        "ghi trust: third-party",
        "zone '{zone}' is run by the channel's operator '{operator}', which is not the state; "
        "expected trust: third-party"),
    "ref.undrawn": (
        "sơ đồ chưa vẽ hệ thống của chính kênh ({where}); cần vùng của đơn vị vận hành và nút mà "
        "người dân sử dụng — hoặc nêu một hồ sơ nền tảng đã thẩm định bằng channel.platform (xem "
        "`assess platform list`)",
        "the channel's own systems are not drawn ({where}); expected the operator's zone and the "
        "node citizens use — or name a vetted profile with channel.platform (see `assess "
        "platform list`)"),
    "ref.undrawn.operator": (
        "không vùng nào của đơn vị vận hành '{operator}' có tiến trình hay kho dữ liệu",
        "no zone of operator '{operator}' holds a process or datastore"),
    "ref.undrawn.outside": ("không có tiến trình hay kho dữ liệu nào ngoài vùng nhà nước",
                            "no process or datastore outside a government zone"),
    "ref.profile_field": ("'{value}' khác với hồ sơ nền tảng {profile} ('{want}'); cần ghi "
                          "{instead}",
                          "'{value}' differs from profile {profile} ('{want}'); expected "
                          "{instead}"),
    "ref.profile_field.leave": ("'{value}', hoặc bỏ trường này: hồ sơ nền tảng đã cung cấp",
                                "'{value}', or leave it out: the profile supplies it"),
    "ref.profile_zone_operator": (
        "vùng '{zone}' do '{operator}' vận hành, là đơn vị vận hành của hồ sơ nền tảng "
        "{profile}: các vùng của nền tảng lấy từ hồ sơ nền tảng và không được vẽ lại; hãy xóa "
        "vùng này và nối các nút của địa phương vào điểm vào của hồ sơ nền tảng ({entries})",
        "zone '{zone}' is run by '{operator}', an operator of profile {profile}: the platform's "
        "zones come from the profile and cannot be redrawn; remove this zone and connect your "
        "nodes to the profile's entry points ({entries})"),
    "ref.profile_zone": (
        "mã vùng '{zone}' là một vùng của hồ sơ nền tảng {profile}; hãy dùng mã khác (không được "
        "vẽ lại các vùng của hồ sơ nền tảng)",
        "zone id '{zone}' is a zone of profile {profile}; expected another id (the profile's "
        "zones cannot be redrawn)"),
    "ref.profile_node": (
        "mã nút '{node}' là một nút của hồ sơ nền tảng {profile}; hãy xóa nút này: hồ sơ nền "
        "tảng đã mô tả nó (nối luồng vào nút đó bằng mã của nó)",
        "node id '{node}' is a node of profile {profile}; remove this node: the profile "
        "describes it (connect flows to it by its id)"),
    "ref.profile_inner": (
        "'{node}' nằm bên trong hồ sơ nền tảng {profile}, không phải điểm vào; cần một trong: "
        "{entries}",
        "'{node}' is inside profile {profile}, not an entry point; expected one of: {entries}"),
    "ref.condition_twice": (
        "mã điều kiện '{id}' đã dùng cho một điều kiện trước; mỗi điều kiện cần một mã riêng, "
        "ví dụ DK-1, DK-2",
        "condition id '{id}' is already used by an earlier condition; give each its own id, "
        "e.g. DK-1, DK-2"),
    "ref.no_control": ("không có kiểm soát '{control}' trong bộ tiêu chí {checklist}; {near}",
                       "no control '{control}' in checklist {checklist}; {near}"),
    "ref.control_domain": (
        "kiểm soát '{control}' thuộc lĩnh vực '{domain}'; mã phải bắt đầu bằng '{domain}-'",
        "control '{control}' is in domain '{domain}'; expected an id starting with '{domain}-'"),
    "ref.no_weights": ("thiếu trọng số cho {names}", "missing weights for {names}"),
    "ref.no_values": ("thiếu giá trị cho {names}", "missing values for {names}"),
    "ref.value_range": ("giá trị {value} nằm ngoài khoảng cho phép; cần từ 0 đến 1",
                        "value {value} is out of range; expected 0 to 1"),
    "ref.thresholds": ("ngưỡng chấp thuận ({approve}) thấp hơn ngưỡng có điều kiện "
                       "({conditional}); cần approve ≥ conditional",
                       "approve ({approve}) is below conditional ({conditional}); expected "
                       "approve ≥ conditional"),
    "ref.level_range": ("mức {level} nằm ngoài khoảng cho phép; cần từ 1 đến 4",
                        "level {level} is out of range; expected 1 to 4"),
    "ref.matrix_row": ("hàng có {count} mức; cần 4", "row has {count} ratings; expected 4"),
    "ref.decision_rationale": (
        "quyết định '{verdict}' khác với kết luận công cụ tính được '{computed}'; cần ghi lý do "
        "(rationale)",
        "the decision '{verdict}' differs from the computed verdict '{computed}'; expected a "
        "rationale saying why"),
    "ref.better": ("quyết định '{verdict}' tốt hơn kết luận công cụ tính được '{computed}'",
                   "it decides '{verdict}', better than the computed verdict '{computed}'"),
    "ref.better_blockers": (
        "quyết định '{verdict}' tốt hơn kết luận công cụ tính được '{computed}', dù các kiểm "
        "soát bắt buộc {blockers} không đạt",
        "it decides '{verdict}', better than the computed verdict '{computed}', against failing "
        "blockers {blockers}"),
    "ref.raised": ("điều chỉnh nâng {controls} lên trên kết quả của quy tắc hoặc kiểm soát bắt "
                   "buộc",
                   "overrides raise {controls} above the rule or blocker result"),
    "ref.both": ("{first}; {second}", "{first}; {second}"),
    "ref.exception_only": (
        "{why}: điều này chỉ được phép như một ngoại lệ; cần ghi decision: {{verdict, exception: "
        "true, rationale: lý do, authority: căn cứ pháp lý được dựa vào}}",
        "{why}: this is allowed only as an exception; expected decision: {{verdict, exception: "
        "true, rationale: the reason, authority: the legal basis relied on}}"),
    "ref.exception_rationale": (
        "một ngoại lệ cần lý do (rationale); hãy ghi lý do quyết định khác với các kiểm soát",
        "an exception needs a rationale; expected the reasons for deciding against the controls"),
    "ref.authority_head": (
        "'{authority}' cần người hoặc tập thể được ký thay (head), ví dụ head: Cục trưởng để in "
        "'{authority} CỤC TRƯỞNG'",
        "'{authority}' needs whom it signs for (head), e.g. head: Director General to print "
        "'{authority} DIRECTOR GENERAL'"),
    "ref.symbol_type": (
        "'{symbol}' đã có 'BC-' (loại văn bản, báo cáo tự ghi: 'Số: …/BC-{instead}'); hãy ghi "
        "{instead}",
        "'{symbol}' already has 'BC-' (the document type, which the report writes: 'No. …/BC-"
        "{instead}'); write {instead}"),
    "ref.head_authority": (
        "head chỉ dùng cùng authority (TM., KT., TL., TUQ. hoặc Q.); bỏ head, hoặc thêm "
        "authority, ví dụ authority: KT.",
        "head is used only with authority (TM., KT., TL., TUQ. or Q.); remove head, or add "
        "authority, e.g. authority: KT."),
    "ref.exception_authority": (
        "một ngoại lệ cần căn cứ pháp lý (authority); ví dụ quyết định, điều khoản hoặc chỉ thị "
        "cho phép ngoại lệ đó",
        "an exception needs the legal authority it relies on; expected e.g. the decision, "
        "article or instruction that allows it"),
    "ref.keeps_no": (
        "'keeps: no' ở '{node}' dựa trên một dữ kiện {certainty}; cần ghi keeps: unknown (một "
        "nút chỉ được coi là không lưu gì khi có nguồn đã xác nhận)",
        "'keeps: no' on '{node}' rests on a {certainty} fact; expected keeps: unknown (a node "
        "counts as keeping nothing only on a confirmed source)"),
    "ref.no_entry": (
        "không có điểm vào; cần ít nhất một nút có entry: true (nút mà các luồng của hồ sơ nối "
        "vào)",
        "no entry point; expected at least one node with entry: true (the node a proposal's "
        "flows connect to)"),
    "ref.no_source": (
        "một dữ kiện {certainty} không có nguồn; cần mã các nguồn mà dữ kiện dựa vào, hoặc ghi "
        "certainty: unknown",
        "a {certainty} fact with no source; expected the ids of the sources it rests on, or "
        "certainty: unknown"),
    "ref.answers_ref": ("'{ref}' không phải một phiên bản bộ tiêu chí; cần mã@phiên bản, ví dụ "
                        "vn-third-party-channel@1.1.0",
                        "'{ref}' is not a checklist version; expected id@version, e.g. "
                        "vn-third-party-channel@1.1.0"),
    # the models' own checks (documents.models)
    "value.country": (
        "{code} không phải mã quốc gia ISO 3166-1; cần một mã hai chữ đã được cấp như VN (Việt "
        "Nam), SG, US, IE",
        "{code} is not an ISO 3166-1 country code; expected an assigned two-letter code such as "
        "VN (Việt Nam), SG, US, IE"),
    "value.needs_evidence": (
        "câu trả lời '{status}' cần bằng chứng; cần ít nhất một mục trong evidence, hoặc trạng "
        "thái 'unknown'",
        "a '{status}' answer needs evidence; expected at least one entry in evidence, or the "
        "status 'unknown'"),
}
