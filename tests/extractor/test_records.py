"""Record assembly on sentences written for these tests, one class of cases each: officials (chains,
copulas, shared list titles, clause boundaries, delegated signatures, former posts, short names),
awards (bare counts, the presenter, recipients after 'là'/'đối với', revocations, one record per
conferral, issuers, honorary titles, lists of collectives) and percentages (subjects, provinces)."""

from __future__ import annotations

import pytest

from vnextract.extractor import Extractor


@pytest.fixture(scope="module")
def records():
    extractor = Extractor()

    def run(text: str, kind: str, date: str = "2024-05-01") -> list:
        return [r for r in extractor.extract(text, {"date": date}).records if r.type == kind]

    return run


def _officials(records, text: str) -> dict[str, list[str]]:
    return {r.person: r.titles for r in records(text, "official")}


# --- officials ---------------------------------------------------------------------------------

def test_a_chain_of_titles_with_kiem_and_dong_thoi_la_stays_with_the_person(records):
    got = _officials(records, "Ông Hoàng Minh Tuấn, Phó Bí thư Tỉnh ủy, kiêm Trưởng ban Dân vận Tỉnh ủy, đồng thời là "
                              "Chủ tịch Ủy ban MTTQ tỉnh phát biểu khai mạc hội nghị.")
    assert got["Hoàng Minh Tuấn"] == ["Phó Bí thư Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ tỉnh"]


def test_a_copula_gives_the_title_to_the_person_named_after_it(records):
    got = _officials(records, "Giám đốc Sở Y tế tỉnh Nghệ An là ông Phạm Văn Dũng, người trực tiếp chỉ đạo chiến dịch.")
    assert got == {"Phạm Văn Dũng": ["Giám đốc Sở Y tế tỉnh Nghệ An"]}


def test_a_title_shared_by_a_list_of_persons_goes_to_each(records):
    got = _officials(records, "Dự hội nghị có các Phó Chủ tịch UBND tỉnh: ông Nguyễn Văn An, ông Trần Văn Bình và "
                              "bà Lê Thị Cúc.")
    assert got == {name: ["Phó Chủ tịch UBND tỉnh"] for name in ("Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Cúc")}


def test_a_title_after_a_semicolon_belongs_to_the_next_person(records):
    got = _officials(records, "Bà Nguyễn Thị Hoa, Giám đốc Sở Tài chính; Chủ tịch UBND tỉnh Trần Văn Nam chủ trì buổi làm việc.")
    assert got == {"Nguyễn Thị Hoa": ["Giám đốc Sở Tài chính"], "Trần Văn Nam": ["Chủ tịch UBND tỉnh"]}


def test_a_delegated_signature_is_not_read_as_an_acting_post(records):
    got = _officials(records, "Thừa ủy quyền Chủ tịch UBND tỉnh, Phó Chủ tịch UBND tỉnh Lê Văn Sơn đã ký quyết định.")
    assert got == {"Lê Văn Sơn": ["Phó Chủ tịch UBND tỉnh"]}


def test_positions_are_split_into_role_organisation_and_province(records):
    (record,) = records("Ông Đỗ Quang Huy, nguyên Phó Chủ tịch UBND tỉnh Hà Giang, đã nghỉ hưu từ năm 2020.",
                        "official", date="2025-08-01")
    (position,) = record.positions
    assert (position.role, position.organisation, position.current) == ("Phó Chủ tịch", "UBND tỉnh Hà Giang", False)
    assert (position.province, position.unit_2025) == ("Hà Giang", "Tuyên Quang")


def test_short_and_full_names_of_one_official_make_one_record(records):
    found = records("Ông Nguyễn Văn Thành, Chủ tịch UBND tỉnh Thái Bình, chủ trì hội nghị. Phát biểu kết luận, "
                    "ông Thành, Chủ tịch UBND tỉnh, yêu cầu các sở đẩy nhanh tiến độ giải ngân.", "official")
    assert [(r.person, r.titles) for r in found] == [("Nguyễn Văn Thành", ["Chủ tịch UBND tỉnh Thái Bình"])]
    assert len(found[0].evidence.person) == 2


def test_a_table_of_names_with_titles_on_the_next_line(records):
    text = "Danh sách Ban Thường vụ:\n1\nÔng Vũ Đình Khoa\nPhó Bí thư Đảng ủy, Giám đốc Trung tâm Y tế huyện\n" \
           "2\nBà Lý Thị Hằng\nTrưởng phòng Tổ chức cán bộ\n"
    got = _officials(records, text)
    assert "Phó Bí thư Đảng ủy" in got["Vũ Đình Khoa"] and got["Lý Thị Hằng"] == ["Trưởng phòng Tổ chức cán bộ"]


# --- awards ------------------------------------------------------------------------------------

def test_bare_counts_give_no_award_record(records):
    text = ("Trong giai đoạn 2020-2025, toàn tỉnh Gia Lai có 120 tập thể được tặng Cờ thi đua của Chính phủ, 3.150 trường "
            "hợp được Thủ tướng tặng Bằng khen, Chủ tịch nước tặng 402 Huân chương các loại và có 9 Chiến sĩ thi đua "
            "toàn quốc.")
    assert records(text, "award") == []


def test_the_presenter_is_not_the_recipient(records):
    (award,) = records("Tại buổi lễ, Phó Thủ tướng Trần Văn Lâm trao Huân chương Lao động hạng Ba cho Công ty Cổ phần "
                       "Nhựa Hòa Bình.", "award")
    assert award.recipients == ["Công ty Cổ phần Nhựa Hòa Bình"]
    assert award.attrs["class"] == 3 and award.recipient_details[0].kind == "collective"


def test_recipients_after_la_cac_dong_chi(records):
    (award,) = records("Nhân dịp này, 2 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh là các đồng chí: Nguyễn Văn "
                       "Hải, Trần Thị Thu.", "award")
    assert award.recipients == ["Nguyễn Văn Hải", "Trần Thị Thu"] and award.issuer == "Chủ tịch UBND tỉnh"
    assert [d.kind for d in award.recipient_details] == ["person", "person"]


def test_a_revocation_doi_voi_a_person_has_status_other(records):
    (award,) = records("UBND tỉnh Bình Định ban hành quyết định hủy bỏ quyết định tặng Bằng khen đối với ông Lê Văn Tài "
                       "do vi phạm kỷ luật.", "award")
    assert (award.recipients, award.status) == (["Lê Văn Tài"], "other")


def test_one_conferral_mentioned_in_the_headline_and_the_body_is_one_record(records):
    text = ("Công ty Điện lực Quảng Trị đón nhận Huân chương Lao động hạng Nhất\nSáng 3/4/2024, Công ty Điện lực Quảng Trị "
            "tổ chức lễ đón nhận Huân chương Lao động hạng nhất của Chủ tịch nước. Phó Chủ tịch nước Võ Thị Hạnh trao "
            "Huân chương Lao động hạng Nhất cho Công ty Điện lực Quảng Trị.")
    (award,) = records(text, "award")
    assert award.recipients == ["Công ty Điện lực Quảng Trị"] and award.issuer_office == "Chủ tịch nước"
    assert len(award.evidence.award) == 3 and (award.date, award.date_source) == ("2024-04-03", "text")


def test_two_issuers_are_two_conferrals(records):
    found = records("Năm 2023, Trường THCS Lê Lợi được Thủ tướng Chính phủ tặng Bằng khen; Trường THCS Lê Lợi cũng được "
                    "Bộ Giáo dục và Đào tạo tặng Bằng khen.", "award")
    assert sorted(a.issuer for a in found) == ["Bộ Giáo dục và Đào tạo", "Thủ tướng Chính phủ"]


def test_a_list_of_collectives_is_split_and_the_decision_and_date_are_read(records):
    (award,) = records("Thủ tướng tặng Bằng khen cho Sở Tư pháp tỉnh Cao Bằng, Sở Tư pháp tỉnh Lạng Sơn và Sở Tư pháp "
                       "tỉnh Hà Giang theo Quyết định số 215/QĐ-TTg ngày 12/3/2024.", "award")
    assert award.recipients == ["Sở Tư pháp tỉnh Cao Bằng", "Sở Tư pháp tỉnh Lạng Sơn", "Sở Tư pháp tỉnh Hà Giang"]
    assert award.issuer_office == "Thủ tướng Chính phủ"
    assert [d.province for d in award.recipient_details] == ["Cao Bằng", "Lạng Sơn", "Hà Giang"]
    assert award.decision.number == "215/QĐ-TTg" and award.date == "2024-03-12"


def test_an_honorary_title_before_a_name_is_a_granted_award(records):
    (award,) = records("Cô giáo, Nhà giáo Ưu tú Nguyễn Thị Mai chia sẻ kinh nghiệm giảng dạy.", "award")
    assert (award.recipients, award.issuer, award.status) == (["Nguyễn Thị Mai"], None, "granted")
    assert (award.date, award.date_source) == ("2024-05-01", "document")


# --- percentages -------------------------------------------------------------------------------

def test_a_percentage_stated_for_two_provinces_names_both(records):
    found = records("Năm 2024, 2 tỉnh Hà Nam, Vĩnh Phúc có 100% xã đạt chuẩn nông thôn mới.", "percentage")
    (record,) = found
    assert [p.name for p in record.provinces] == ["Hà Nam", "Vĩnh Phúc"]
    assert record.subject == "xã đạt chuẩn nông thôn mới" and record.period == "Năm 2024"


def test_a_filler_word_is_never_the_subject(records):
    found = records("Tỷ lệ hộ nghèo giảm còn 1,2%, tương đương 35% so với năm 2020.", "percentage")
    subjects = {r.percent: r.subject for r in found}
    assert subjects["1,2%"] == "Tỷ lệ hộ nghèo"
    assert subjects["35%"] not in ("tương đương", "chiếm", "đạt")
