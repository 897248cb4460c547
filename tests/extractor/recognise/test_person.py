"""PERSON: names only (no titles, honorifics, degrees or ranks); not names inside awards,
organisations, schools or streets; bylines are persons."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import spans


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Trần Gia Long, Tỉnh ủy viên, chủ trì hội nghị.", ["Trần Gia Long"]),
    ("PGS.TS Nguyễn Văn An trình bày tham luận.", ["Nguyễn Văn An"]),
    ("Ông Long cho biết kế hoạch đã hoàn thành.", ["Long"]),
    ("Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn phát biểu.", ["Vương Quốc Tuấn"]),
    ("Phó Thủ tướng Phạm Thị Thanh Trà dự lễ.", ["Phạm Thị Thanh Trà"]),
    ("Học tập tư tưởng của Chủ tịch Hồ Chí Minh.", ["Hồ Chí Minh"]),
    ("Đại tá Nguyễn Văn Bình, Phó Giám đốc Công an tỉnh, cho biết.", ["Nguyễn Văn Bình"]),
    ("Các đồng chí: Hoàng Văn Khải, Tống Thị Lan và Đào Minh Hà.", ["Hoàng Văn Khải", "Tống Thị Lan", "Đào Minh Hà"]),
    ("Kết thúc hội nghị, các đơn vị ký giao ước thi đua.\n\nThanh Nga", ["Thanh Nga"]),
    ("Ông Đức và chị Mỹ nhận giấy khen của xã.", ["Đức", "Mỹ"]),          # given names that are also countries
    # a given name alone right after a title
    ("Bộ trưởng Dũng cho biết sẽ kiểm tra lại toàn bộ hồ sơ.", ["Dũng"]),
    ("Phát biểu tại hội nghị, Chủ tịch Hùng nhấn mạnh yêu cầu này.", ["Hùng"]),
    # foreign persons: after a foreign title, with initials, particles and regnal numbers
    ("Tổng thống Putin tiếp đoàn đại biểu Việt Nam.", ["Putin"]),
    ("Nữ hoàng Anh Elizabeth II kỷ niệm 65 năm trị vì.", ["Elizabeth II"]),
    ("Khi đó, Vua George qua đời và Công chúa Margaret còn nhỏ.", ["George", "Margaret"]),
    ("Tổng thống Mỹ John F. Kennedy thăm London.", ["John F. Kennedy"]),
    # a title, a country, then the name: the country is not the name's ("Ca sĩ Mỹ Linh" is one name)
    ("Tổng thống Hàn Quốc Park Min-soo tiếp đoàn doanh nghiệp.", ["Park Min-soo"]),
    ("Luật sư Nga Irina Volkova từ chối bình luận.", ["Irina Volkova"]),
    ("Ca sĩ Mỹ Linh biểu diễn trong đêm khai mạc.", ["Mỹ Linh"]),
    # a reporter's abbreviation with its full stop ends a sentence; it is no cue for the next word
    ("Anh Hải nói với PV. Đến với hội chợ, nhiều người mua sắm.", ["Hải"]),
    ("Ông A.Ivanov và bà M. Thatcher cùng dự hội thảo.", ["A.Ivanov", "M. Thatcher"]),
    ("Cựu Tổng thống Lula da Silva dẫn đầu cuộc thăm dò.", ["Lula da Silva"]),
    # initials in a photo credit or a byline
    ("Lễ khánh thành nhà văn hóa thôn.\nẢnh: T.Lê", ["T.Lê"]),
    # initials of syllables that begin with two letters (ANNOTATION.md: initials are a PERSON)
    ("Nhà trường đã gặp cô Tr.Th.Ng để động viên; anh Ph.V.Kh cũng có mặt.", ["Tr.Th.Ng", "Ph.V.Kh"]),
    # after a cue, a capitalised honorific word is the name's own syllable
    ("Đêm nhạc có sự góp mặt của NSƯT Anh Thơ và ca sĩ Chị Tâm.", ["Anh Thơ", "Chị Tâm"]),
    # professions and roles before a given name, and English honorifics
    ("Bà tìm đến lương y Tám; bị cáo Lộc xin giảm nhẹ; HLV Toàn hài lòng.", ["Tám", "Lộc", "Toàn"]),
    ("Mr. Đàm và Ms. Lan cùng dự buổi ra mắt.", ["Đàm", "Lan"]),
    # the last word of a name written in full earlier, alone: a given name, or a foreign person's surname;
    # not a word that begins a longer word ("Nam giới")
    ("Vận động viên Văn Ngọc Tú giành huy chương vàng. Sau đó, Tú về quê thăm gia đình.", ["Văn Ngọc Tú", "Tú"]),
    ("Tổng thống Mỹ Donald Trump đến Hà Nội. Trump cho biết sẽ ở lại hai ngày.", ["Donald Trump", "Trump"]),
    ("Ông Nguyễn Văn Nam phát biểu khai mạc. Nam giới chiếm phần đông hội viên.", ["Nguyễn Văn Nam"]),
    # after a street's name, a cue still makes the next name a person's
    ("Trên đường Lê Lợi, ông Trần Văn Tâm bán báo đã 20 năm.", ["Trần Văn Tâm"]),
    # words that end with "trường" or "cầu" but are not a school or a bridge ("môi trường", "yêu cầu")
    ("Thứ trưởng Bộ Tài nguyên và Môi trường Lê Công Thành dự họp.", ["Lê Công Thành"]),
    ("Hội nghị xúc tiến thị trường Nguyễn Thị Hạnh chủ trì.", ["Nguyễn Thị Hạnh"]),
    # two names a hyphen joins (a shared credit, a pair of players) are two persons; "Lê-nin" stays one
    ("Cảnh trạm điều hành. (Ảnh: Lê Minh Tuấn-Trần Hải/TTXVN)", ["Lê Minh Tuấn", "Trần Hải"]),
    ("Trao cúp cho cặp VĐV Thiếu tướng Lê Văn Hùng-Thượng tá Trần Quốc Bảo.", ["Lê Văn Hùng", "Trần Quốc Bảo"]),
    # a byline alone on its line is a person even when a district has the name; the agency after it is not
    ("Vụ mùa năm nay được giá.\nThanh Sơn", ["Thanh Sơn"]),
    ("Khu chợ bị cháy hôm qua.\nVinh Quang/VOV-TP HCM", ["Vinh Quang"]),
    # a country between a title and a foreign name is the title's
    ("Bộ trưởng Nội vụ Croatia Davor Bozinovic từng tuyên bố như vậy.", ["Davor Bozinovic"]),
    # Vietnamese names written without their marks
    ("Danh sách ủng hộ: Tran Thi Bich Ngoc: 500.000 đồng; Le Van Hoa: 200.000 đồng.", ["Tran Thi Bich Ngoc", "Le Van Hoa"]),
    # a number after a unit's noun is the unit's, not a house number before a street
    ("Bí thư Quận ủy Quận 8 Lê Minh Đức và Tư lệnh Quân khu 9 Trần Văn Hải dự lễ.", ["Lê Minh Đức", "Trần Văn Hải"]),
])
def test_persons(extractor, text, expected):
    assert spans(extractor, text, "PERSON") == expected


@pytest.mark.parametrize("text", [
    "Năm 2015, công ty vinh dự đón nhận Huân chương Lao động do Chủ tịch Nước trao tặng.",   # the title, capitalised
    "Trường THPT chuyên Võ Nguyên Giáp tổ chức lễ khai giảng.",
    # organisations named after a person hold no person
    "Nhà xuất bản Nguyễn Du và Trường THPT Nguyễn Trãi ký kết hợp tác.",
    "Sách do NXB Kim Đồng ấn hành.",
    "Cắt băng khánh thành đường Võ Trần Chí.",
    "Giải đấu diễn ra ở nhà thi đấu Lê Quý Đôn và sân vận động Lê Văn Tám.",   # venues named after persons
    "Ông được tặng Huân chương Hồ Chí Minh.",
    "Thủ tướng Chính phủ đã ký quyết định.",
    "Tỉnh Hà Nam và tỉnh Thái Bình ký kết hợp tác.",
    "Ngài Đại sứ Tây Ban Nha thăm tỉnh; HLV người Bồ Đào Nha dẫn dắt đội bóng.",   # no "Ban Nha", "Đào Nha"
    "- 0",                                      # a short line of dashes and digits is not a byline (found by hypothesis)
    "Kết quả:\n- -\nLê-nin",
    # words after a Vietnamese title that are not given names
    "Bộ trưởng Quốc phòng, Bộ trưởng Tư pháp và Bí thư Tỉnh ủy cùng dự.",
    "Chủ tịch HĐQT Oceanbank và Giám đốc Agribank bị khởi tố.",
    "Mỗi sở có không quá 3 Phó Giám đốc Sở; Thứ trưởng Bộ và Phó Giám đốc Sở cùng dự.",
    "Con trai út của Tổng thống Mỹ học tại New York.",
    # datelines in capitals are places
    "Tin địa phương\n\nHẢI CHÂU - Sáng 12/3, UBND quận Hải Châu tổ chức hội nghị tổng kết.",
    "Tin địa phương\n\nĐÔNG ANH – Sáng nay, huyện tổ chức lễ ra quân làm thủy lợi.",
    # years of the sexagenary cycle
    "Tết Đinh Dậu 2017 và năm Canh Tý 2020 đều có nhiều sự kiện.",
    # a country's whole name without a cue is a place, even when it begins with a family name
    "Đoàn đã thăm Hà Lan và Mông Cổ trong tháng này.",
    # a capitalised word inside a sentence, then a family name: one proper name (a place), not a person
    "Đoàn khách đến sân bay Tân Sơn Nhất lúc 9 giờ sáng.",
    "Tiễn năm cũ Giáp Thân, đón xuân mới an lành.",
    "Không khí xuân Nhâm Dần ấm áp trên mọi miền.",
    # districts whose names hold family names
    "Người dân quận Bắc Từ Liêm và huyện Hoàng Su Phì phấn khởi đón Tết.",
    # a district's name alone, without its type word
    "Lúa xuân ở Kiến Xương và Cẩm Xuyên được mùa; Hoài Đức có thêm cụm công nghiệp.",
    # a name after a house number is a street's
    "Cửa hàng ở số 45 Lê Duẩn và 12A Trần Hưng Đạo đều mở cửa đến 22 giờ.",
    # a credit that names no one
    "Cảnh quay trên biển (Ảnh: Đoàn làm phim cung cấp) gây ấn tượng.",
    # a place the text names by its kind stays a place where it is written bare
    "Lượng xe hàng qua cửa khẩu Lý Vạn tăng mạnh; từ Lý Vạn (Cao Bằng), hàng nông sản đi tiếp về xuôi.",
    "Người dân làng Mai Động góp tiền làm đường; Mai Động nay đã có nhà văn hóa mới.",
    # a photo's source that is no one's name
    "Món gỏi cuốn ngon miệng. Ảnh: Internet",
    # a photo's source that is a medium
    "Giá xe tăng mạnh. Ảnh: Business Insider",
    # "trẻ em", "đàn ông" end with an honorific's word but are no honorific: a country after them is one
    "Những lao động trẻ em Bangladesh bị bóc lột; một người đàn ông Iran cầm tờ báo.",
    # after a profession, a country's name is a nationality
    "Đạo diễn Pháp và doanh nhân Nhật Bản cùng dự liên hoan.",
    # streets, canals, hamlets and Chinese provinces, also when named with "Bà" or "Ông"
    "Hàng me già trên phố Bà Triệu và rạch Ông Lớn đã được cải tạo.",
    "Nhà máy lọc dầu đặt tại tỉnh Liêu Ninh, gần thành phố Đại Liên.",
    "Người dân xóm Lê Xá và kênh Trần Văn Trà được hỗ trợ.",
    "Cô từng làm lễ tân cho khách sạn Lê Lai ở Sapa; ngã tư Hoàng Văn Thụ đông xe.",
    "Quán cà phê ở vòng xoay Lê Văn Duyệt luôn đông khách.",
    # a place that ends a headline; spring before a lunar year; the legendary ancestors
    "Phí qua trạm BOT Kiến Xương\nNhiều chủ xe phản đối mức thu mới.",
    "Buổi gặp mặt kiều bào mừng Xuân Ất Dậu diễn ra chiều 4-2; ai cũng tự hào là con cháu Lạc Hồng.",
    # every member of a list of streets is a street, not only the first after "đường"
    "Dự án mở rộng các tuyến đường Lý Thường Kiệt, Nguyễn Chí Thanh (quận 10) và Lê Văn Sỹ sẽ khởi công năm sau.",
    "Cầu vượt tại nút giao Lê Văn Lương - Hoàng Minh Giám giúp giảm ùn tắc giờ cao điểm.",
    "Các tuyến phố như Hàng Bông, Hàng Gai được lát đá mới.",
    # … and so is every member of a list of communes
    "Mưa lớn gây ngập ở các xã Khánh Bình, Trần Hợi và Khánh Lộc.",
    # a private enterprise's name is the company's
    "Sản phẩm của DNTN Hoàng Anh được ưa chuộng.",
    # a country in an older transliteration is a place, after a title too
    "Đại sứ Bungari đã tới dự lễ kỷ niệm cùng các đoàn khách của Rumani và Hungari.",
])
def test_not_persons(extractor, text):
    assert spans(extractor, text, "PERSON") == []


def test_a_foreign_name_joined_to_the_small_word_after_it_is_whole():
    """The rules alone: the word segmenter makes one word of "Guardiola chả"; the model may find it too."""
    from vnextract.extractor import Extractor

    assert spans(Extractor(model="off"), "HLV Pep Guardiola chả nói gì về trận thua.", "PERSON") == ["Pep Guardiola"]
