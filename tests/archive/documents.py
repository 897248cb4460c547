"""Documents written for the archive's tests (realistic administrative news prose, our own text):
two different officials named Nguyễn Văn Hùng, one of them also written 'ông Hùng'; a Government
emulation flag reported by two articles and again, another year, by a third; a proposal before
July 2025 under Vĩnh Phúc and a conferral after it under the new Phú Thọ."""

from __future__ import annotations

import hashlib

ARTICLES = [
    ("hung-quang-tri-2019", "2019-05-10",
     "Ngành y tế Quảng Trị triển khai tiêm chủng mở rộng\n"
     "Sáng 10/5, ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Quảng Trị, cho biết tỷ lệ tiêm chủng đầy đủ của tỉnh "
     "đạt 97,5%. Ông Hùng đề nghị các trạm y tế xã tiếp tục rà soát đối tượng."),
    ("hung-quang-tri-2021", "2021-03-02",
     "Quảng Trị kiểm tra công tác phòng chống dịch\n"
     "Chiều 2/3, ông Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh Quảng Trị, đã kiểm tra công tác phòng chống dịch "
     "tại huyện Gio Linh. Tỷ lệ hộ nghèo của tỉnh Quảng Trị giảm còn 8,2%."),
    ("hung-bo-vhttdl-2020", "2020-08-15",
     "Khai mạc Tuần Văn hóa các dân tộc\n"
     "Tối 15/8, Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng dự lễ khai mạc Tuần Văn hóa các dân tộc "
     "tại Hà Nội."),
    ("hung-bo-vhttdl-2022", "2022-11-20",
     "Gặp mặt các nghệ nhân\n"
     "Sáng 20/11, ông Nguyễn Văn Hùng, Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch, đã gặp mặt các nghệ nhân tiêu biểu."),
    ("hung-ngan-quang-tri-2023", "2023-04-12",
     "Sở Y tế Quảng Trị tổng kết năm\n"
     "Ông Hùng, Giám đốc Sở Y tế tỉnh Quảng Trị, nhấn mạnh yêu cầu nâng cao chất lượng khám chữa bệnh."),
    ("co-quang-ninh-a", "2024-01-20",
     "Quảng Ninh tổng kết năm 2023\n"
     "Ngày 18/1/2024, Thủ tướng Chính phủ đã tặng Cờ thi đua của Chính phủ cho UBND tỉnh Quảng Ninh theo Quyết định "
     "số 45/QĐ-TTg. Tỷ lệ hộ nghèo của tỉnh Quảng Ninh còn 0,5%."),
    ("co-quang-ninh-b", "2024-01-25",
     "Tin địa phương\n"
     "Sáng 25/1, UBND tỉnh Quảng Ninh vinh dự đón nhận Cờ thi đua của Chính phủ vì đã hoàn thành xuất sắc nhiệm vụ "
     "năm 2023."),
    ("co-quang-ninh-2019", "2019-06-03",
     "Tin địa phương\n"
     "Năm 2019, Chính phủ tặng Cờ thi đua cho UBND tỉnh Quảng Ninh vì thành tích dẫn đầu phong trào thi đua."),
    ("vinh-phuc-de-nghi", "2023-12-05",
     "Vĩnh Phúc tổng kết công tác thi đua\n"
     "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Phúc đề nghị Thủ tướng Chính phủ tặng Bằng khen cho Sở Nội vụ tỉnh "
     "Vĩnh Phúc."),
    ("phu-tho-2020", "2020-10-02",
     "Phú Thọ biểu dương ngành y tế\n"
     "Năm 2020, UBND tỉnh Phú Thọ tặng Bằng khen cho Sở Y tế tỉnh Phú Thọ vì thành tích phòng chống dịch."),
    ("phu-tho-2025", "2025-09-10",
     "Tin sau sắp xếp\n"
     "Sáng 10/9, Chủ tịch UBND tỉnh Phú Thọ đã tặng Bằng khen cho Sở Nội vụ tỉnh Phú Thọ vì thành tích trong công tác "
     "sắp xếp đơn vị hành chính."),
]


def extracted(extractor) -> list[dict]:
    """The articles through the extractor, as `batch` writes them (with key and content hash)."""
    out = []
    for doc_id, day, text in ARTICLES:
        document = extractor.extract(text, {"date": day, "id": doc_id}).to_dict()
        document["id"] = doc_id
        document["key"] = f"tests#{doc_id}"
        document["content_hash"] = hashlib.sha256(text.encode()).hexdigest()[:32]
        out.append(document)
    return out
