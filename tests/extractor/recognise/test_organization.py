"""ORGANIZATION: named bodies with the place that is part of the name; not generic or plural
mentions, not positions."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import spans
from vnextract.extractor import Extractor


@pytest.mark.parametrize("text, expected", [
    ("Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc tổ chức hội nghị.",
     ["Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc"]),
    ("Bộ TT&TT và Bộ Kế hoạch và Đầu tư đã thống nhất.", ["Bộ TT&TT", "Bộ Kế hoạch và Đầu tư"]),
    ("UBND tỉnh Quảng Ninh làm việc với Tỉnh ủy Bắc Ninh.", ["UBND tỉnh Quảng Ninh", "Tỉnh ủy Bắc Ninh"]),
    ("Cụm thi đua số 3 gồm 9 đơn vị.", ["Cụm thi đua số 3"]),
    ("Theo TTXVN, Chính phủ đã phê duyệt đề án.", ["TTXVN", "Chính phủ"]),
    ("Công ty CP Licogi 14 đón nhận Huân chương.", ["Công ty CP Licogi 14"]),
    # a lower-case word after a proper name ends the organisation's name
    ("Báo Thanh Niên luôn sát cánh với bạn đọc cả nước.", ["Báo Thanh Niên"]),
    ("Bệnh viện Trưng Vương ký kết hợp tác với Sở Y tế.", ["Bệnh viện Trưng Vương", "Sở Y tế"]),
    ("Trung tâm Bảo vệ quyền tác giả âm nhạc Việt Nam vừa đề nghị thu phí.",
     ["Trung tâm Bảo vệ quyền tác giả âm nhạc Việt Nam"]),
    ("Học viện Chính trị quốc gia Hồ Chí Minh khai giảng lớp mới.", ["Học viện Chính trị quốc gia Hồ Chí Minh"]),
    # … and so does one after an acronym that names the body, unless a capitalised word follows it
    ("Ủy ban Thường vụ QH dự kiến cho ý kiến vào tuần sau.", ["Ủy ban Thường vụ QH"]),
    ("Viện KHXH vùng Tây Nguyên công bố báo cáo thường niên.", ["Viện KHXH vùng Tây Nguyên"]),
    # … and one after a unit's number, unless it is a place's word
    ("Anh Tâm được chuyển tới Bệnh viện Nhân dân 115 cấp cứu.", ["Bệnh viện Nhân dân 115"]),
    ("Lữ đoàn 125 phối hợp với Bệnh viện 175 khám bệnh cho dân.", ["Lữ đoàn 125", "Bệnh viện 175"]),
    # … or after a bare place word, the body's own level, or a party committee
    ("Trung tâm Y tế huyện tổ chức tiêm chủng cho trẻ.", ["Trung tâm Y tế huyện"]),
    ("Sở Y tế tỉnh Lạng Sơn cử cán bộ cùng Trung tâm Y tế huyện Cao Lộc khám sàng lọc.",
     ["Sở Y tế tỉnh Lạng Sơn", "Trung tâm Y tế huyện Cao Lộc"]),
    ("Ban Thường vụ Huyện ủy Tiên Du chỉ đạo các xã rà soát.", ["Ban Thường vụ Huyện ủy Tiên Du"]),
    # an amount after a name is no number of the name; a sentence's end is a name's end, also where the
    # word segmenter joined words across it; a region's "bộ" may be written small
    ("UBND quận xử phạt Công ty CP Hoàng Gia 35 triệu đồng vì xây dựng sai phép.", ["Công ty CP Hoàng Gia"]),
    ("Đó là các công ty 100% vốn nhà nước.", []),
    # a lower-case head word that ends a compound word with the word before it is no head (underthesea's
    # dictionary: a scene, a parliament's floor); one after a preposition still is
    ("Đội cứu hộ có mặt ở hiện trường Công ty Minh Phát ngay trong đêm.", ["Công ty Minh Phát"]),
    ("Phát biểu của vị đại biểu gây xôn xao nghị trường Quốc hội sáng nay.", ["Quốc hội"]),
    ("Em vừa nhận giấy báo từ trường Đại học Vinh và học bổng của công ty Minh Phát.",
     ["trường Đại học Vinh", "công ty Minh Phát"]),                    # "từ trường", "của công": function words
    ("Bà từng công tác ở Thành ủy TP.HCM. Bà nghỉ hưu năm 2015.", ["Thành ủy TP.HCM"]),
    ("Ban Chỉ đạo Tây Nam bộ họp phiên thường kỳ.", ["Ban Chỉ đạo Tây Nam bộ"]),
    # a full name after an association's lower-case words is its leader's
    ("Chủ tịch Hiệp hội Nuôi trồng thủy sản Lê Văn Hải phát biểu.", ["Hiệp hội Nuôi trồng thủy sản"]),
    # the older names of school levels, as heads
    ("Ông học trường PTTH Nguyễn Huệ từ năm 1985.", ["trường PTTH Nguyễn Huệ"]),
    # two school levels joined in one school's name
    ("Học sinh Trường THCS-THPT Nguyễn Khuyến đạt nhiều giải.", ["Trường THCS-THPT Nguyễn Khuyến"]),
    # committees of the National Assembly, with their domains joined by commas
    ("Ủy ban Văn hóa, Giáo dục của Quốc hội tổ chức phiên giải trình.", ["Ủy ban Văn hóa, Giáo dục của Quốc hội"]),
    ("Ủy ban Quốc phòng và An ninh của Quốc hội họp phiên toàn thể.", ["Ủy ban Quốc phòng và An ninh của Quốc hội"]),
    # sub-units written before the organisation they belong to
    ("Đại biểu Lê Văn Ba, Đoàn đại biểu Quốc hội tỉnh Thái Bình, chất vấn.", ["Đoàn đại biểu Quốc hội tỉnh Thái Bình"]),
    ("Thanh tra Bộ Xây dựng đã ban hành kết luận.", ["Thanh tra Bộ Xây dựng"]),
    ("Văn phòng Tỉnh ủy Nghệ An tiếp nhận hồ sơ.", ["Văn phòng Tỉnh ủy Nghệ An"]),
    ("Đảng bộ Cơ quan LĐLĐ tỉnh Hà Nam tổ chức đại hội.", ["Đảng bộ Cơ quan LĐLĐ tỉnh Hà Nam"]),
    # "Chánh Văn phòng" is a title: the organisation is the one after it
    ("Ông Phạm Văn Tư, Chánh Văn phòng UBND tỉnh Đồng Tháp, cho biết.", ["UBND tỉnh Đồng Tháp"]),
    ("Ông Lê Văn Lạc, Chánh Thanh tra tỉnh Đồng Tháp, cho biết.", ["Thanh tra tỉnh Đồng Tháp"]),
    ("Thường trực Ban Bí thư Trần Văn An dự hội nghị.", ["Ban Bí thư"]),
    # an acronym defined in brackets names the organisation wherever it recurs
    ("Liên đoàn Bóng đá Việt Nam (VFF) phối hợp tổ chức giải. Theo VFF, giải có bốn đội.",
     ["Liên đoàn Bóng đá Việt Nam", "VFF", "VFF"]),
    # sports teams by age group, clubs, international bodies, news agencies and enterprises known by name
    ("Đội U15 Indonesia vô địch, U15 Việt Nam về nhì và U15 Đài Bắc Trung Hoa xếp sau.",
     ["U15 Indonesia", "U15 Việt Nam", "U15 Đài Bắc Trung Hoa"]),
    ("CLB Hà Nội tiếp đón đoàn công tác của FIFA.", ["CLB Hà Nội", "FIFA"]),
    ("Ngân hàng Thế giới và WHO cam kết hỗ trợ.\nẢnh: Reuters", ["Ngân hàng Thế giới", "WHO", "Reuters"]),
    ("Vinamilk và Hòa Phát nằm trong nhóm doanh nghiệp nộp thuế lớn nhất.", ["Vinamilk", "Hòa Phát"]),
    ("Cuộc họp kéo dài hai giờ, Tân Hoa Xã cho biết.", ["Tân Hoa Xã"]),
    # heads the lexicon lacked, and lower-case heads
    ("Hội đồng Thi đua - Khen thưởng Trung ương họp phiên thường kỳ.", ["Hội đồng Thi đua - Khen thưởng Trung ương"]),
    ("Ông làm việc với Hội đồng Thi đua-Khen thưởng TPHCM và Hội đồng Thi đua- Khen thưởng tỉnh Nam Định.",
     ["Hội đồng Thi đua-Khen thưởng TPHCM", "Hội đồng Thi đua- Khen thưởng tỉnh Nam Định"]),
    ("NXB Kim Đồng và Nhà xuất bản Giáo dục Việt Nam phát hành bộ sách.",
     ["NXB Kim Đồng", "Nhà xuất bản Giáo dục Việt Nam"]),
    ("Hãng Boeing bàn giao máy bay cho Vietnam Airlines.", ["Hãng Boeing", "Vietnam Airlines"]),
    ("Tại THPT Lê Viết Thuật, học sinh Trường CĐ Kinh tế Kỹ thuật đến giao lưu.",
     ["THPT Lê Viết Thuật", "Trường CĐ Kinh tế Kỹ thuật"]),
    ("Nghệ sĩ Nhà hát Tuổi Trẻ biểu diễn tại Bảo tàng Hồ Chí Minh.", ["Nhà hát Tuổi Trẻ", "Bảo tàng Hồ Chí Minh"]),
    ("Ông đề nghị bộ Y tế và sở GD&ĐT kiểm tra.", ["bộ Y tế", "sở GD&ĐT"]),
    ("Được Tổng LĐLĐ Việt Nam tặng Bằng khen; UB Thường vụ Quốc hội cho ý kiến.",
     ["Tổng LĐLĐ Việt Nam", "UB Thường vụ Quốc hội"]),
    # a district's name is the organisation's, even when it holds a family name
    ("Công an quận Bắc Từ Liêm đã tạm giữ đối tượng.", ["Công an quận Bắc Từ Liêm"]),
    ("UBND quận Hải Châu tổ chức hội nghị tổng kết.", ["UBND quận Hải Châu"]),
    # 'nông thôn mới' (the new-countryside programme) is one phrase of a name, whose place follows it
    ("Thủ tướng tặng Bằng khen cho Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh.",
     ["Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh"]),
    ("Trung tâm Dịch vụ nông thôn mới mở thêm chi nhánh.", ["Trung tâm Dịch vụ nông thôn"]),
    # 'và' inside a name: two lower-case domains, or two capitalised ones; not before another body or a title
    ("Chi cục Kiểm định hàng hóa và vật tư Hải Dương vừa công bố kết quả.",
     ["Chi cục Kiểm định hàng hóa và vật tư Hải Dương"]),
    ("Trung tâm Nghiên cứu và Phát triển Nông nghiệp sạch đã chuyển giao giống lúa.",
     ["Trung tâm Nghiên cứu và Phát triển Nông nghiệp sạch"]),
    ("Sở Nội vụ và Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn phối hợp.",
     ["Sở Nội vụ", "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"]),
    ("Công ty Cổ phần Thép Sông Đà và Tập đoàn Hoa Sen ký kết thỏa thuận.",
     ["Công ty Cổ phần Thép Sông Đà", "Tập đoàn Hoa Sen"]),
    ("Đại diện Ban Tổ chức Tỉnh ủy Bình Phước và Chủ tịch UBND tỉnh dự lễ.", ["Ban Tổ chức Tỉnh ủy Bình Phước"]),
    # a country after a body's name is part of it
    ("Bộ Ngoại giao Nhật Bản và Chính phủ Canada ra tuyên bố chung.", ["Bộ Ngoại giao Nhật Bản", "Chính phủ Canada"]),
    # abbreviated heads news writes, also where the word segmenter joins them with the name
    ("Em đỗ vào CĐ Y tế Phú Thọ, còn bạn em chơi cho FC Bình Minh.", ["CĐ Y tế Phú Thọ", "FC Bình Minh"]),
    ("Ban Quản lý dự án 6 đã bàn giao mặt bằng.", ["Ban Quản lý dự án 6"]),
    # a person's name after a body's abbreviated domain is the title holder's, not the body's
    ("Chủ nhiệm Ủy ban TDTT Hoàng Vĩnh Giang trao cúp cho đội thắng.", ["Ủy ban TDTT"]),
    ("Bà làm việc tại Đại sứ quán Bồ Đào Nha và Trường THCS Nguyễn Du.", ["Đại sứ quán Bồ Đào Nha", "Trường THCS Nguyễn Du"]),
    # … and after lower-case words, the whole name, not its family name alone
    ("Cục trưởng Cục Quản lý môi trường y tế Lương Mai Anh phát biểu.", ["Cục Quản lý môi trường y tế"]),
    # … also where the name does not follow a lower-case word
    ("Viện trưởng Viện Dinh dưỡng lâm sàng Trần Minh Hoàng báo cáo.", ["Viện Dinh dưỡng lâm sàng"]),
    # verbs and adverbs end a name ("chia sẻ", "dẫn lời"), also a foreign one after its kind
    ("Lãnh đạo Trung tâm Nghiên cứu Du lịch chia sẻ kinh nghiệm.", ["Trung tâm Nghiên cứu Du lịch"]),
    ("Hãng tin KCNA dẫn lời ông Kim cho biết.", ["KCNA"]),
    # the city's type word without its name is a bare type word; with its name, the body is named
    ("UBND TP Hội An và Thành ủy TP Đà Lạt dự; Chủ tịch UBND TP Lê Văn Hà, UBND TP cùng Thành ủy TP nhất trí.",
     ["UBND TP Hội An", "Thành ủy TP Đà Lạt"]),
    # the word segmenter's one word of a name and a verb; modal verbs and a term's words end a name
    ("Công ty TNHH Trần Anh khai trương cửa hàng thứ năm.", ["Công ty TNHH Trần Anh"]),
    ("Văn phòng UBND tỉnh Hà Giang cần rà soát; Ban Chấp hành Trung ương khóa XIII họp.",
     ["Văn phòng UBND tỉnh Hà Giang", "Ban Chấp hành Trung ương"]),
    # a type word before a name the lexicon knows is part of the name as written
    ("Báo Tuổi Trẻ và Tập đoàn Viettel ký kết hợp tác.", ["Báo Tuổi Trẻ", "Tập đoàn Viettel"]),
    # the name after a newspaper's, a site's or a brand's classifier, and an acronym given as a source
    ("Theo tờ Asahi Shimbun, trang Statista và thương hiệu Kenzo, doanh số tăng.",
     ["Asahi Shimbun", "Statista", "Kenzo"]),
    ("Giá dầu giảm mạnh (Theo CNN). Nguồn: BBC", ["CNN", "BBC"]),
    # a foreign name after the kind of body and its trade in lower case
    ("Cổ phần của hãng mỹ phẩm Lancôme và công ty dầu khí Chevron Texaco tăng giá.", ["Lancôme", "Chevron Texaco"]),
    # both sides of a match result are teams
    ("Kết quả vòng 3:\nĐông Anh 2-1 Hoài Đức\nTỷ số chung cuộc: Hải Dương 0-0 Quảng Nam (hiệp 1: 0-0)",
     ["Đông Anh", "Hoài Đức", "Hải Dương", "Quảng Nam"]),
    ("Ngày 3-4 Bộ Y tế họp.\nTừ 7-10 Sở Y tế kiểm tra.", ["Bộ Y tế", "Sở Y tế"]),   # a day range, no result
    ("Giáo viên trường THCS Lê Quý Đôn chấp hành tốt; Ủy ban Kiểm tra Trung ương kết luận.",
     ["trường THCS Lê Quý Đôn", "Ủy ban Kiểm tra Trung ương"]),
    # a district's number after a lower-case word of the name; a country's formal name; a court's level
    ("Nhận tin báo, Phòng Cảnh sát PCCC quận 3 điều 6 xe chữa cháy.", ["Phòng Cảnh sát PCCC quận 3"]),
    ("Công sứ Đại sứ quán Đại Hàn Dân Quốc phát biểu.", ["Đại sứ quán Đại Hàn Dân Quốc"]),
    ("Viện KSND tỉnh Nghệ An và TAND Tối cao đã vào cuộc.", ["Viện KSND tỉnh Nghệ An", "TAND Tối cao"]),
    # "phòng, chống" keeps its comma inside a name; a name goes on after its acronym in brackets; a school
    # named after a person keeps the whole name
    ("Ông Hoài, Tổng Cục trưởng Tổng cục Phòng, chống thiên tai cho biết.", ["Tổng cục Phòng, chống thiên tai"]),
    ("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) Việt Nam Trần Thanh Mẫn dự.",
     ["Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) Việt Nam"]),
    ("Học sinh Trường Tiểu học Hoàng Hoa Thám đón năm học mới.", ["Trường Tiểu học Hoàng Hoa Thám"]),
    # the number of one unit of a named kind, not a house number before a street
    ("Cửa hàng đã bị Đội Quản lý thị trường số 4 xử phạt; Công ty TNHH Hoa Mai số 12 Lê Lợi mở cửa.",
     ["Đội Quản lý thị trường số 4", "Công ty TNHH Hoa Mai"]),
    # a year after a name is no number of it
    ("Việt Nam là Ủy viên không thường trực Hội đồng Bảo an Liên hợp quốc 2018; Quân khu 7 dự.",
     ["Hội đồng Bảo an Liên hợp quốc", "Quân khu 7"]),
    # a ministry's domain written with a bare dash or "&"
    ("Bộ Lao động-Thương binh và Xã hội và Bộ Giáo dục & Đào tạo đề nghị các sở rà soát.",
     ["Bộ Lao động-Thương binh và Xã hội", "Bộ Giáo dục & Đào tạo"]),
    # time words and verbs after a name end it
    ("Công ty TNHH Minh Phát hôm nay mong muốn hợp tác; Tổng cục Hải quan mong muốn nhận ý kiến.",
     ["Công ty TNHH Minh Phát", "Tổng cục Hải quan"]),
    # the Government that issues a decree is named (ANNOTATION.md leaves out only "Thủ tướng Chính phủ")
    ("Việc này thực hiện theo Nghị định của Chính phủ và Nghị quyết của Chính phủ.", ["Chính phủ", "Chính phủ"]),
    # a newspaper's tag before the lead (ANNOTATION.md), not a dateline's place
    ("TPO - Sáng 12/3, Sở Y tế tổ chức hội nghị.", ["TPO", "Sở Y tế"]),
    ("Tin tức\n(QĐND) - Chiều 4/7, Quân khu 9 tổ chức diễn tập.", ["QĐND", "Quân khu 9"]),
    # "Trung ương" abbreviated in a body the list names (reference/officials.md: TW / TƯ / T.Ư)
    ("Ông Đinh Văn Hải, Ủy viên T.Ư Đảng, dự họp cùng Ban Tổ chức TW và Ban Chấp hành TƯ Đảng.",
     ["T.Ư Đảng", "Ban Tổ chức TW", "Ban Chấp hành TƯ Đảng"]),
])
def test_organisations(extractor, text, expected):
    assert spans(extractor, text, "ORGANIZATION") == expected


@pytest.mark.parametrize("text", [
    "Các sở, ban, ngành và UBND các tỉnh tham gia.",
    "Sở Thông tin và Truyền thông 9 tỉnh đã ký giao ước.",
    "Thủ tướng Chính phủ ký quyết định.",
    "Các sở Y tế và 3 bộ Tài chính chưa trả lời.",
    "Kỳ thi THPT Quốc gia năm nay có nhiều điểm mới.",
    "Đội tuyển chuẩn bị cho AFF Cup 2018 và vòng loại U23 châu Á.",   # events named after a body, a tournament
    "Các đội tham dự giải U19 Quốc gia năm nay.",
    # a quantifier or a count before a department: several of them, no one body
    "Bộ đề nghị các Sở GD&ĐT rà soát; đại diện 7 Sở Tài chính đã có mặt.",
    "Quan hệ giữa hai Đảng ngày càng gắn bó.",
    # a head with only another type word after it ("Công đoàn" of some company) names no one
    "Ông Lê Văn Tám, Chủ tịch CĐ Công ty, phát biểu.",
    # an acronym the text defines for a lower-case phrase abbreviates common nouns
    "Vốn góp vào doanh nghiệp nhà nước (DNNN) tăng chậm; lãi của DNNN giảm.",
    # "tổ chức" is also the verb "organise"; a Vietnamese name after a trade is left to the model
    "Xã đã tổ chức hội nghị; chi bộ thôn trao Huy hiệu 40 năm tuổi Đảng tặng cụ Hai.",
    # acronyms of common nouns
    "Nhà trường nhắc HSSV chấp hành luật ATGT, giữ gìn ANTT.",
    # a reporter or a bare type word given as the source is no organisation
    "Theo PV, sáng nay trời mưa; theo UBND, đường đã thông.",
    # a dateline's place is not a tag
    "HUẾ - Sáng 3/4, trời mưa lớn.",
    # a number after a unit's head written small, or after a verb, or one that counts, numbers no unit
    "Gia đình yêu cầu Đoàn bồi thường thêm 80 triệu đồng; tòa tuyên phạt Đoàn 10 năm tù.",
    "Đón chào bằng đoàn xe hơi 30 chiếc; các tập đoàn lớn đến từ 21 nền kinh tế.",
    # compounds that end with a classifier's word: a cemetery, fashion
    "Xe chở két sắt đến nghĩa trang Bình Hưng Hòa; tuần lễ thời trang Milan 2017 mở màn.",
    # "theo" inside a sentence is "along"; a title's acronym is no source
    "Chúng tôi chạy xe máy xuôi theo QL1 về hướng Bắc; theo CEO của hãng, sản phẩm tốt.",
    # a non-governmental body is no Government; a known acronym the text defines for a lower-case phrase
    "Tỉnh có 57 tổ chức phi Chính phủ nước ngoài; công ty chăm lo cho người lao động (NLĐ), nhiều NLĐ được tăng lương.",
    # a procuracy without its level or place is a bare type word
    "Đại diện Viện KSND cho rằng bị cáo có tội.",
    # the party's organisations in general, not the Party
    "Góp phần xây dựng tổ chức Đảng vững mạnh; các cấp Đảng, chính quyền cần nỗ lực; cấp ủy Đảng chỉ đạo.",
    # "Vụ" before a title is a case about the title's holder, not a department
    "Vụ Giám đốc sở bị tố cáo đã được làm rõ.",
    # "cán bộ" is an official: a commune's justice officer is no ministry
    "Hồ sơ do cán bộ Tư pháp xã nhận rồi trả ngay trong ngày.",
    # the Government inside a title with its rank ("Phó Thủ tướng Thường trực Chính phủ") is the title's
    "Sáng nay, Phó Thủ tướng Thường trực Chính phủ đã làm việc với các bộ.",
    # an event named after a body and its country, with its year
    "Tỉnh đã sẵn sàng cho Năm APEC Việt Nam 2017 với nhiều sự kiện lớn.",
    # "vũ trang" is armed, no site ("trang"): the armed forces' award holds no newspaper's name
    "Xã được phong tặng danh hiệu Anh hùng Lực lượng vũ trang Nhân dân và Anh hùng Lao động.",
])
def test_not_organisations(extractor, text):
    assert spans(extractor, text, "ORGANIZATION") == []


@pytest.mark.parametrize("text, expected", [
    ("Tại buổi làm việc, lớp 9 trường THCS Lê Lợi tặng hoa.", ["trường THCS Lê Lợi"]),   # a class number, not a count
    ("Các Bộ Tài chính, Bộ Công Thương đã có ý kiến.", ["Bộ Tài chính", "Bộ Công Thương"]),  # one of each ministry
])
def test_numbers_and_quantifiers_that_leave_a_name(extractor, text, expected):
    assert spans(extractor, text, "ORGANIZATION") == expected


def test_examples_after_the_kind_of_body_are_no_one_name(extractor):
    assert "Toyota và Ford" not in spans(extractor, "Các hãng xe như Toyota và Ford đều tăng giá.", "ORGANIZATION")


@pytest.mark.parametrize("text, acronym", [
    ("Ủy ban nhân dân (UBND) là cơ quan hành chính; UBND chịu trách nhiệm trước HĐND.", "UBND"),  # a type word
    ("Công ty Cổ phần Du lịch (CPDL) Công đoàn nhận cờ. CPDL là viết tắt.", "CPDL"),    # inside a longer name
    # the acronym of the body's domain, a common phrase, is no name of the body
    ("Ban Chỉ đạo Vệ sinh an toàn thực phẩm (VSATTP) họp; công tác VSATTP được tăng cường.", "VSATTP"),
])
def test_brackets_that_define_no_acronym(extractor, text, acronym):
    assert acronym not in spans(extractor, text, "ORGANIZATION")


def test_a_place_whose_second_syllable_is_a_family_name_stays_whole():
    """The rules alone (the model, when on, may find these too): a family name ends a place only when a
    person's whole name follows ("tỉnh Hà Giang | Nguyễn Văn Sơn")."""
    rules = Extractor(model="off")
    text = "Cán bộ UBND xã Thái Sơn và Công an huyện Nông Sơn cùng dự; Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn phát biểu."
    assert spans(rules, text, "ORGANIZATION") == ["UBND xã Thái Sơn", "Công an huyện Nông Sơn", "UBND tỉnh Hà Giang"]


def test_a_case_named_after_a_bank_or_a_person_is_no_department(extractor):
    found = spans(extractor, "Vụ OceanBank: các bị cáo kháng cáo; Vụ Trịnh Xuân Thanh được xét xử lại.", "ORGANIZATION")
    assert not [s for s in found if s.startswith("Vụ")]


def test_a_head_word_inside_a_province_name_is_no_head(extractor):
    assert not [s for s in spans(extractor, "Đội khách đánh bại Hải Phòng 2-1 trên sân nhà.", "ORGANIZATION")
                if s.startswith("Phòng")]


@pytest.mark.parametrize("text, verb", [
    ("Danh sách các chức danh mà Ban Thường vụ Tỉnh ủy quản lý sẽ được rà soát lại.", "quản lý"),
    ("Kho lưu trữ này do Văn phòng UBND huyện giữ từ năm 2015.", "giữ"),
    ("Sản phụ đang được Bệnh viện Đa khoa huyện chăm sóc.", "chăm sóc"),
])
def test_a_verb_after_a_party_committee_or_a_bare_place_word_is_no_part_of_a_name(text, verb):
    assert not any(verb in name for name in spans(Extractor(model="off"), text, "ORGANIZATION"))   # the rules
