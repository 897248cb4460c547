"""Official records on sentences written for these tests, one class of cases each: posts given by an
appointment, second posts after 'kiêm', plural titles, titles shared by a list of names, honours
between a post and a name, foreign offices, lower-case posts, names of departments and units,
careers, delegates, short names of monarchs."""

from __future__ import annotations

import threading

import pytest

from vnextract.extractor import Extractor


@pytest.fixture(scope="module")
def officials():
    extractor = Extractor(records=["official"])

    def run(text: str) -> dict[str, list[str]]:
        return {r.person: r.titles for r in extractor.extract(text).records if r.type == "official"}

    return run


def test_an_appointment_gives_the_new_post_after_the_present_one(officials):
    got = officials("Thủ tướng đã bổ nhiệm ông Nguyễn Quốc Toản, Vụ trưởng Vụ Pháp chế làm Thứ trưởng Bộ Tư pháp.")
    assert got["Nguyễn Quốc Toản"] == ["Vụ trưởng Vụ Pháp chế", "Thứ trưởng Bộ Tư pháp"]


def test_an_appointment_written_once_after_a_list_goes_to_each_person(officials):
    got = officials("Bộ trưởng đã bổ nhiệm ông Trần Đức Lợi - Phó Vụ trưởng Vụ Tổ chức cán bộ, ông Vũ Hải Nam - "
                    "Giám đốc Sở Nội vụ tỉnh Hòa Bình làm Vụ trưởng Vụ Chính quyền địa phương.")
    assert got["Trần Đức Lợi"][-1] == got["Vũ Hải Nam"][-1] == "Vụ trưởng Vụ Chính quyền địa phương"
    assert got["Trần Đức Lợi"][0] == "Phó Vụ trưởng Vụ Tổ chức cán bộ"


def test_being_elected_to_a_post_after_the_present_one(officials):
    got = officials("Hội nghị đã bầu ông Nông Văn Chí, Phó Bí thư Thường trực Tỉnh ủy, giữ chức Chủ tịch HĐND tỉnh.")
    assert got["Nông Văn Chí"] == ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]


def test_a_second_post_after_kiem_right_after_the_name(officials):
    got = officials("Phó Chủ tịch nước Đặng Thị Hạnh kiêm Chủ tịch Hội đồng Thi đua - Khen thưởng Trung ương dự lễ.")
    assert got["Đặng Thị Hạnh"][0] == "Phó Chủ tịch nước"
    assert got["Đặng Thị Hạnh"][1].startswith("Chủ tịch Hội đồng Thi đua")


def test_a_plural_title_before_a_post_is_not_the_person_s(officials):
    got = officials("Trò chuyện với các đại biểu, Phó Thủ tướng Lê Thành Long ghi nhận những đóng góp của tỉnh.")
    assert got == {"Lê Thành Long": ["Phó Thủ tướng"]}


def test_a_title_before_bare_names_joined_by_va_goes_to_each(officials):
    got = officials("Dự lễ có nguyên Chủ tịch Quốc hội Trần Văn Bảy và Lê Quang Chín cùng nhiều lão thành cách mạng.")
    assert got == {"Trần Văn Bảy": ["nguyên Chủ tịch Quốc hội"], "Lê Quang Chín": ["nguyên Chủ tịch Quốc hội"]}


def test_an_honorific_before_the_second_name_makes_it_someone_else(officials):
    got = officials("Bộ trưởng Bộ Y tế Đào Hồng Lan và ông Nguyễn Văn Tư, một bệnh nhân đã khỏi bệnh, cùng cắt băng.")
    assert got == {"Đào Hồng Lan": ["Bộ trưởng Bộ Y tế"]}


def test_an_honorary_title_between_the_post_and_the_name(officials):
    got = officials("Giám đốc Nhà hát Chèo Ninh Bình, Nghệ sĩ Ưu tú Phạm Thị Huyền cho biết đoàn sẽ lưu diễn tại Lào.")
    assert got["Phạm Thị Huyền"] == ["Giám đốc Nhà hát Chèo Ninh Bình"]


def test_foreign_offices_take_their_country(officials):
    got = officials("Tổng thống Pháp Emmanuel Macron hội đàm với ông Gennady Bezdetko, Đại sứ Nga tại Việt Nam.")
    assert got["Emmanuel Macron"] == ["Tổng thống Pháp"]
    assert got["Gennady Bezdetko"] == ["Đại sứ Nga tại Việt Nam"]


def test_a_monarch_named_without_the_regnal_number_is_one_record(officials):
    got = officials("Nữ hoàng Anh Elizabeth II tiếp đoàn. Trước đó, Vua Charles III đã phát biểu. "
                    "Vua Charles cảm ơn nước chủ nhà.")
    assert got == {"Elizabeth II": ["Nữ hoàng Anh"], "Charles III": ["Vua"]}


def test_a_prince_or_princess_holds_no_post(officials):
    got = officials("Hoàng tử William và Công chúa Anne đến thăm bệnh viện cùng Thị trưởng Sadiq Khan.")
    assert got == {"Sadiq Khan": ["Thị trưởng"]}


def test_lower_case_posts_of_local_offices(officials):
    got = officials("Ông Đặng Văn Bình, chánh văn phòng UBND huyện, ký thông báo. Bà Mai Thị Lụa là chi ủy viên "
                    "Chi bộ Phòng Tư pháp.")
    assert got["Đặng Văn Bình"] == ["chánh văn phòng UBND huyện"]
    assert got["Mai Thị Lụa"] == ["chi ủy viên Chi bộ Phòng Tư pháp"]


def test_department_names_with_va_and_dashes_stay_whole(officials):
    got = officials("Ông Trịnh Xuân Long, trưởng phòng Tài nguyên và Môi trường huyện Thạch Thành, thừa nhận sai sót. "
                    "Theo bà Đặng Thị Mai - Trưởng phòng Lao động - Thương binh và Xã hội huyện, huyện có 200 hộ nghèo.")
    assert got["Trịnh Xuân Long"] == ["trưởng phòng Tài nguyên và Môi trường huyện Thạch Thành"]
    assert got["Đặng Thị Mai"] == ["Trưởng phòng Lao động - Thương binh và Xã hội huyện"]


def test_a_department_name_ends_before_a_second_post(officials):
    got = officials("Thủ tướng bổ nhiệm ông Hà Văn Minh, nguyên trưởng Ban Thời sự làm Phó Tổng Giám đốc Đài Tiếng nói "
                    "Việt Nam.")
    assert got["Hà Văn Minh"][0] == "nguyên trưởng Ban Thời sự"
    assert got["Hà Văn Minh"][1].startswith("Phó Tổng Giám đốc")


def test_a_unit_named_after_its_head_without_the_type_word(officials):
    got = officials("Ông Lưu Văn Hòa, Vụ trưởng Địa phương làm Thứ trưởng Bộ Nội vụ. Theo Bộ trưởng Tài chính "
                    "Nguyễn Văn Thắng, thu ngân sách tăng 12%.")
    assert got["Lưu Văn Hòa"] == ["Vụ trưởng Địa phương", "Thứ trưởng Bộ Nội vụ"]
    assert got["Nguyễn Văn Thắng"] == ["Bộ trưởng Tài chính"]


def test_a_former_post_after_tung_la(officials):
    got = officials("Ông Nguyễn Hữu Nghĩa, từng là Chủ tịch UBND tỉnh Đắk Nông, bị đề nghị kỷ luật.")
    assert got == {"Nguyễn Hữu Nghĩa": ["Chủ tịch UBND tỉnh Đắk Nông"]}


def test_delegates_of_the_national_assembly_written_short(officials):
    got = officials("Tại phiên chất vấn, ĐB Nguyễn Văn Tám (đoàn Hà Giang) hỏi Bộ trưởng. Chủ tịch QH Trần Thanh Mẫn "
                    "điều hành phiên họp.")
    assert got == {"Nguyễn Văn Tám": ["ĐB"], "Trần Thanh Mẫn": ["Chủ tịch QH"]}


def test_an_office_name_ends_at_its_body_and_before_a_verb(officials):
    got = officials("Ông Trần Tuấn Anh, Trưởng ban Kinh tế Trung ương chúc mừng ông Hoàng Minh Tuấn.")
    assert got == {"Trần Tuấn Anh": ["Trưởng ban Kinh tế Trung ương"]}


def test_one_title_written_with_and_without_spaces_around_its_dashes(officials):
    got = officials("Tổng cục trưởng Tổng cục Tiêu chuẩn- Đo lường- Chất lượng Hà Minh Đức phát biểu. Ông Hà Minh Đức, "
                    "Tổng cục trưởng Tổng cục Tiêu chuẩn - Đo lường - Chất lượng nói thêm.")
    assert got == {"Hà Minh Đức": ["Tổng cục trưởng Tổng cục Tiêu chuẩn- Đo lường- Chất lượng"]}


def test_officials_named_one_after_another_in_a_list_of_guests(officials):
    got = officials("Nguyên Chủ tịch nước Vũ Minh Trí, cựu Bí thư Thành ủy TP.HCM Phan Thanh Hào, Phó Bí thư "
                    "Thường trực Thành ủy Võ Thị Hằng cùng dự lễ.")
    assert got == {"Vũ Minh Trí": ["Nguyên Chủ tịch nước"], "Phan Thanh Hào": ["cựu Bí thư Thành ủy TP.HCM"],
                   "Võ Thị Hằng": ["Phó Bí thư Thường trực Thành ủy"]}


def test_a_title_word_right_after_a_unit_head_ends_the_title_and_does_not_hang(officials):
    found: dict = {}
    worker = threading.Thread(target=lambda: found.update(officials(
        "Dự họp có Bộ trưởng Chủ nhiệm VP Chính phủ Trần Văn Sơn; ông Lê Văn Bảy, Trưởng ban Thư ký hội nghị.")), daemon=True)
    worker.start()
    worker.join(timeout=60)                             # generous: the sentence takes milliseconds
    assert not worker.is_alive()
    assert found["Lê Văn Bảy"] == ["Trưởng ban Thư ký hội nghị"]


def test_a_table_row_whose_name_ends_like_uy(officials):
    text = "Ban Giám hiệu gồm:\n5\nThS. Lã Thu Hương\nĐảng ủy viên, Trưởng phòng Tài chính - Kế toán\n6\n" \
           "Ông Trần Văn Hòa\nPhó Hiệu trưởng\n"
    got = officials(text)
    assert got["Lã Thu Hương"] == ["Đảng ủy viên", "Trưởng phòng Tài chính - Kế toán"]
    assert got["Trần Văn Hòa"] == ["Phó Hiệu trưởng"]


def test_an_acronym_defined_between_the_title_and_the_name(officials):
    got = officials("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn (NN&PTNT) Lê Minh Hoan trả lời chất vấn. "
                    "Theo Chủ tịch Quốc hội (QH) Trần Văn Nhất, phiên họp kéo dài hai ngày.")
    assert got == {"Lê Minh Hoan": ["Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"],
                   "Trần Văn Nhất": ["Chủ tịch Quốc hội"]}


def test_a_title_shared_by_names_each_with_their_province_in_brackets(officials):
    got = officials("Trả lời các ĐB Lê Quốc Bảo (Kon Tum), Nguyễn Thị Thu Hà (TPHCM), Bộ trưởng cho biết sẽ chấn chỉnh.")
    assert got == {"Lê Quốc Bảo": ["ĐB"], "Nguyễn Thị Thu Hà": ["ĐB"]}


def test_a_birth_year_between_the_name_and_the_post(officials):
    got = officials("Bà Trần Thị Thu Hằng, sinh năm 1975, hiện giữ chức vụ Phó Giám đốc Sở Tư pháp tỉnh Quảng Trị. "
                    "Ông Võ Văn Tâm (SN 1972), Phó Chủ tịch UBND huyện Cam Lộ, được giới thiệu ứng cử.")
    assert got == {"Trần Thị Thu Hằng": ["Phó Giám đốc Sở Tư pháp tỉnh Quảng Trị"],
                   "Võ Văn Tâm": ["Phó Chủ tịch UBND huyện Cam Lộ"]}


def test_a_career_told_of_ong_in_the_next_sentence(officials):
    got = officials("Ông Lê Văn Khánh sinh năm 1970, quê Hà Tĩnh. Ông từng giữ các chức vụ: Bí thư Huyện ủy Can Lộc, "
                    "Phó Chủ tịch UBND tỉnh Hà Tĩnh.")
    assert got == {"Lê Văn Khánh": ["Bí thư Huyện ủy Can Lộc", "Phó Chủ tịch UBND tỉnh Hà Tĩnh"]}


def test_ong_after_someone_else_was_named_is_not_the_first_person(officials):
    got = officials("Ông Lê Văn Khánh gặp bà Trần Thị Hoa. Ông hiện là Bí thư Huyện ủy Can Lộc.")
    assert got == {}


def test_an_organisation_the_recognisers_missed_between_the_title_and_the_name(officials):
    got = officials("Chủ tịch Hội luật gia TP Hà Nội Phạm Hồng Sơn đặt câu hỏi. Tổng Giám đốc Tổ chức Thương mại "
                    "Thế giới Roberto Almeida đã chia sẻ nhận định.")
    assert got == {"Phạm Hồng Sơn": ["Chủ tịch Hội luật gia TP Hà Nội"],
                   "Roberto Almeida": ["Tổng Giám đốc Tổ chức Thương mại Thế giới"]}


def test_a_verb_between_a_title_and_a_name_makes_them_apart(officials):
    assert officials("Thủ tướng gặp Nguyễn Văn An tại Hà Nội. Chủ tịch nước tặng Huân chương cho Nguyễn Văn Ba.") == {}


def test_a_title_opening_the_sentence_then_ong_and_the_name(officials):
    got = officials("Chánh Thanh tra Bộ Xây dựng, ông Nguyễn Thanh Hải, cho biết đã kết luận. Theo Giám đốc Sở Y tế, "
                    "bà Lê Thị Hoa, có 20 ca mắc.")
    assert got == {"Nguyễn Thanh Hải": ["Chánh Thanh tra Bộ Xây dựng"], "Lê Thị Hoa": ["Giám đốc Sở Y tế"]}


def test_a_title_of_someone_else_before_ong_is_not_the_next_person_s(officials):
    got = officials("Ông Lê Thanh Hà, nguyên Bí thư Thành ủy, bà Trần Thị Bích, vợ ông, cùng dự lễ.")
    assert got == {"Lê Thanh Hà": ["nguyên Bí thư Thành ủy"]}


def test_a_listed_title_after_a_colon_also_goes_to_members_with_posts_of_their_own(officials):
    got = officials("Dự có các đồng chí Phó Bí thư Tỉnh ủy: Nguyễn Hữu Khiêm – Chủ tịch UBND tỉnh; Lê Đình Thuận, "
                    "Đặng Văn Lực cùng các đồng chí trong Ban Thường vụ.")
    assert got == {"Nguyễn Hữu Khiêm": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
                   "Lê Đình Thuận": ["Phó Bí thư Tỉnh ủy"], "Đặng Văn Lực": ["Phó Bí thư Tỉnh ủy"]}


def test_names_after_a_titled_person_and_a_semicolon_get_no_title(officials):
    got = officials("Dự có ông Phạm Văn Hòa, Phó Chủ tịch UBND tỉnh; ông Lê Văn Tiến và bà Trần Thị Mai.")
    assert got == {"Phạm Văn Hòa": ["Phó Chủ tịch UBND tỉnh"]}


def test_an_unrecognised_body_then_an_honour_then_the_name(officials):
    got = officials("Trao đổi với phóng viên, Giám đốc Nhà hát kịch nói Quân khu 7, Nghệ sĩ Ưu tú Lê Văn Hùng cho biết "
                    "đoàn sẽ lưu diễn tại Lào.")
    assert got == {"Lê Văn Hùng": ["Giám đốc Nhà hát kịch nói Quân khu 7"]}


def test_a_short_name_joins_the_full_name_named_last_before_it(officials):
    got = officials("Ông Lê Minh Hưng, Bí thư Tỉnh ủy, chủ trì hội nghị. Ông Nguyễn Văn Hưng, Giám đốc Sở Tài chính, "
                    "báo cáo. Ông Hưng, Giám đốc Sở, cho biết thu ngân sách tăng.")
    assert got == {"Lê Minh Hưng": ["Bí thư Tỉnh ủy"], "Nguyễn Văn Hưng": ["Giám đốc Sở Tài chính"]}


def test_a_short_name_of_a_name_that_is_itself_short_joins_the_fullest(officials):
    got = officials("Ông Nguyễn Văn Thành, Chủ tịch UBND tỉnh, dự họp. Theo ông Văn Thành, tỉnh đã hoàn thành. "
                    "Ông Thành, Chủ tịch UBND tỉnh Thái Bình, nhấn mạnh.")
    assert got == {"Nguyễn Văn Thành": ["Chủ tịch UBND tỉnh Thái Bình"]}


def test_the_title_of_a_person_named_later_by_the_given_name_alone(officials):
    got = officials("Sáng 12/3, ông Nguyễn Văn Công đến thăm nhà máy. Phó Chủ tịch UBND tỉnh Công nhấn mạnh yêu cầu "
                    "an toàn lao động.")
    assert got == {"Nguyễn Văn Công": ["Phó Chủ tịch UBND tỉnh"]}


def test_a_table_of_names_and_titles_in_columns(officials):
    got = officials("Nguyễn Văn An\tChủ tịch UBND tỉnh\nTrần Thị Bình\tPhó Chủ tịch UBND tỉnh\n")
    assert got == {"Nguyễn Văn An": ["Chủ tịch UBND tỉnh"], "Trần Thị Bình": ["Phó Chủ tịch UBND tỉnh"]}


def test_a_form_with_the_name_and_the_post_on_labelled_lines(officials):
    got = officials("Họ tên: Nguyễn Văn An\nChức vụ: Chủ tịch UBND xã Tân Lập\n")
    assert got == {"Nguyễn Văn An": ["Chủ tịch UBND xã Tân Lập"]}


def test_an_office_name_ends_before_the_verbs_after_it(officials):
    got = officials("Phó Thủ tướng Lê Văn Tâm, Trưởng Ban Chỉ đạo 389 quốc gia tới tham dự buổi làm việc.")
    assert got == {"Lê Văn Tâm": ["Phó Thủ tướng", "Trưởng Ban Chỉ đạo 389 quốc gia"]}


def test_an_office_name_ends_before_a_name_written_after_it(officials):
    got = officials("Cùng dự có các Bộ trưởng Tài nguyên và Môi trường Mai Văn Trực và Bộ trưởng Xây dựng Trần Hồng Phúc.")
    assert got["Trần Hồng Phúc"] == ["Bộ trưởng Xây dựng"]
    assert all("Mai Văn Trực" not in t for titles in got.values() for t in titles)


def test_an_ambassador_named_after_the_country_he_serves_in(officials):
    got = officials("Đại sứ Lào tại Việt Nam Thongsavanh Phomvihane dự lễ.")
    assert got == {"Thongsavanh Phomvihane": ["Đại sứ Lào tại Việt Nam"]}


def test_a_unit_head_right_before_a_name(officials):
    got = officials("Dưới sự chỉ đạo của Bộ trưởng Mai Văn Trực, ngành đã tạo bước đột phá. Theo Thứ trưởng Đặng Hùng Võ, "
                    "người dân quan tâm đến giá đất.")
    assert got == {"Mai Văn Trực": ["Bộ trưởng"], "Đặng Hùng Võ": ["Thứ trưởng"]}


def test_a_lower_case_title_word_inside_an_office_name_stays_in_it(officials):
    got = officials("Theo Trưởng ban Công tác đại biểu Nguyễn Thị Thanh, cơ cấu đã được xác định.")
    assert got == {"Nguyễn Thị Thanh": ["Trưởng ban Công tác đại biểu"]}


def test_a_post_after_nguoi_tung_la_or_voi_cuong_vi(officials):
    got = officials("Ông Đặng Quốc Khánh, người từng là Chủ tịch UBND tỉnh Hà Giang, phát biểu. Bà Lê Thị Thu, với cương vị "
                    "Trưởng ban Dân vận Tỉnh ủy, chủ trì buổi làm việc.")
    assert got == {"Đặng Quốc Khánh": ["Chủ tịch UBND tỉnh Hà Giang"], "Lê Thị Thu": ["Trưởng ban Dân vận Tỉnh ủy"]}


@pytest.mark.parametrize("central", ["Trung ương", "TW", "TƯ", "T.Ư"])
def test_a_post_in_the_central_committee_abbreviated_does_not_end_the_chain(officials, central):
    got = officials(f"Ông Hoàng Văn Tiến, Ủy viên Ban Chấp hành {central} Đảng, Bí thư Tỉnh ủy Nam Định, phát biểu. "
                    f"Bà Lò Thị Hạnh, Ủy viên {central} Đảng, Trưởng ban Dân vận Tỉnh ủy, dự lễ.")
    assert got == {"Hoàng Văn Tiến": [f"Ủy viên Ban Chấp hành {central} Đảng", "Bí thư Tỉnh ủy Nam Định"],
                   "Lò Thị Hạnh": [f"Ủy viên {central} Đảng", "Trưởng ban Dân vận Tỉnh ủy"]}


@pytest.mark.parametrize("text", [
    "Ông Lê Văn Khánh sinh năm 1970, quê Hà Tĩnh. Ông từng giữ các chức vụ: Bí thư Huyện ủy Can Lộc, Phó Chủ tịch "
    "UBND tỉnh Hà Tĩnh.",
    "Ban Giám hiệu gồm:\n5\nThS. Lã Thu Hương\nĐảng ủy viên, Trưởng phòng Tài chính - Kế toán\n",
    "Tổng cục trưởng Tổng cục Tiêu chuẩn- Đo lường- Chất lượng Hà Minh Đức phát biểu. Ông Hà Minh Đức, "
    "Tổng cục trưởng Tổng cục Tiêu chuẩn - Đo lường - Chất lượng nói thêm.",
])
def test_the_evidence_of_titles_read_away_from_the_name(text):
    records = [r for r in Extractor(records=["official"]).extract(text).records if r.type == "official"]
    assert records
    for r in records:
        for title, spans in zip(r.titles, r.evidence.titles, strict=True):
            assert spans and all(title in text[s:e] for s, e in spans)
            assert all(any(a <= s and e <= b for a, b in r.evidence.sentences) for s, e in spans)
