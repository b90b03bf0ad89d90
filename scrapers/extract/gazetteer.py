"""Hà Nội's local units by name: the 30 districts before the 2025 reorganisation and the 126 wards and communes
since (Nghị quyết 1656/NQ-UBTVQH15). Text in capitals has no case to tell where a place's name ends
("ĐẢNG ỦY PHƯỜNG KIM LIÊN THI HÀNH KỶ LUẬT …"): a known name does."""

from __future__ import annotations

HANOI_DISTRICTS = (
    "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng", "Hoàng Mai", "Thanh Xuân",
    "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông", "Sơn Tây", "Ba Vì", "Chương Mỹ", "Đan Phượng", "Đông Anh", "Gia Lâm",
    "Hoài Đức", "Mê Linh", "Mỹ Đức", "Phú Xuyên", "Phúc Thọ", "Quốc Oai", "Sóc Sơn", "Thạch Thất", "Thanh Oai",
    "Thanh Trì", "Thường Tín", "Ứng Hòa",
)
HANOI_WARDS = (
    "Hoàn Kiếm", "Cửa Nam", "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai", "Đống Đa",
    "Kim Liên", "Văn Miếu - Quốc Tử Giám", "Láng", "Ô Chợ Dừa", "Hồng Hà", "Lĩnh Nam", "Hoàng Mai", "Vĩnh Hưng",
    "Tương Mai", "Định Công", "Hoàng Liệt", "Yên Sở", "Thanh Xuân", "Khương Đình", "Phương Liệt", "Cầu Giấy",
    "Nghĩa Đô", "Yên Hòa", "Tây Hồ", "Phú Thượng", "Tây Tựu", "Phú Diễn", "Xuân Đỉnh", "Đông Ngạc", "Thượng Cát",
    "Từ Liêm", "Xuân Phương", "Tây Mỗ", "Đại Mỗ", "Long Biên", "Bồ Đề", "Việt Hưng", "Phúc Lợi", "Hà Đông",
    "Dương Nội", "Yên Nghĩa", "Phú Lương", "Kiến Hưng", "Thanh Liệt", "Chương Mỹ", "Sơn Tây", "Tùng Thiện",
)
HANOI_COMMUNES = (
    "Thanh Trì", "Đại Thanh", "Nam Phù", "Ngọc Hồi", "Thượng Phúc", "Thường Tín", "Chương Dương", "Hồng Vân",
    "Phú Xuyên", "Phượng Dực", "Chuyên Mỹ", "Đại Xuyên", "Thanh Oai", "Bình Minh", "Tam Hưng", "Dân Hòa", "Vân Đình",
    "Ứng Thiên", "Hòa Xá", "Ứng Hòa", "Mỹ Đức", "Hồng Sơn", "Phúc Sơn", "Hương Sơn", "Phú Nghĩa", "Xuân Mai",
    "Trần Phú", "Hòa Phú", "Quảng Bị", "Minh Châu", "Quảng Oai", "Vật Lại", "Cổ Đô", "Bất Bạt", "Suối Hai", "Ba Vì",
    "Yên Bài", "Đoài Phương", "Phúc Thọ", "Phúc Lộc", "Hát Môn", "Thạch Thất", "Hạ Bằng", "Tây Phương", "Hòa Lạc",
    "Yên Xuân", "Quốc Oai", "Hưng Đạo", "Kiều Phú", "Phú Cát", "Hoài Đức", "Dương Hòa", "Sơn Đồng", "An Khánh",
    "Đan Phượng", "Ô Diên", "Liên Minh", "Gia Lâm", "Thuận An", "Bát Tràng", "Phù Đổng", "Thư Lâm", "Đông Anh",
    "Phúc Thịnh", "Thiên Lộc", "Vĩnh Thanh", "Mê Linh", "Yên Lãng", "Tiến Thắng", "Quang Minh", "Sóc Sơn", "Đa Phúc",
    "Nội Bài", "Trung Giã", "Kim Anh",
)
HANOI_PLACES = tuple(dict.fromkeys((*HANOI_DISTRICTS, *HANOI_WARDS, *HANOI_COMMUNES)))
