/// Small official documents and web pages written for the header and kind tests, in the layouts
/// they come in: a công văn typed with its two columns side by side (the spaces collapse when
/// the text is normalised, so both columns end up on one line), a báo cáo in one column, a
/// decision as a Word file whose letterhead and signature are tables, a news article as a web page.
enum HeaderSamples {
    static let officialLetter = """
        UBND TỈNH CAO BẰNG                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ Y TẾ                                     Độc lập - Tự do - Hạnh phúc

        Số: 1520/SYT-NVY                      Cao Bằng, ngày 05 tháng 9 năm 2023
        V/v tăng cường công tác phòng,
        chống dịch sốt xuất huyết

        Kính gửi:
        - Bệnh viện Đa khoa tỉnh;
        - Trung tâm Kiểm soát bệnh tật tỉnh;
        - Trung tâm Y tế các huyện, thành phố.

        Thực hiện Công văn số 4567/BYT-DP ngày 30/8/2023 của Bộ Y tế về việc tăng cường phòng, chống dịch sốt xuất huyết, Sở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:

        1. Tăng cường giám sát, phát hiện sớm ca bệnh tại cộng đồng và cơ sở khám bệnh, chữa bệnh.
        2. Tổ chức chiến dịch diệt bọ gậy tại các xã có ổ dịch.
        3. Báo cáo kết quả thực hiện về Sở Y tế trước ngày 30/9/2023.

        Đề nghị các đơn vị nghiêm túc triển khai thực hiện./.

        Nơi nhận:                                    KT. GIÁM ĐỐC
        - Như trên;                                  PHÓ GIÁM ĐỐC
        - Giám đốc Sở (b/c);
        - Lưu: VT, NVY.

                                                     Hoàng Thị Lan
        """

    static let report = """
        BỘ Y TẾ
        CỤC QUẢN LÝ KHÁM, CHỮA BỆNH
        _______
        Số: 245/BC-KCB

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        _______________________
        Hà Nội, ngày 28 tháng 02 năm 2024

        BÁO CÁO
        Kết quả công tác khám bệnh, chữa bệnh năm 2023
        và phương hướng nhiệm vụ năm 2024

        I. KẾT QUẢ ĐẠT ĐƯỢC
        1. Công tác chỉ đạo, điều hành
        Cục đã tham mưu ban hành 12 văn bản hướng dẫn chuyên môn.
        2. Công tác kiểm tra
        a) Kiểm tra 45 bệnh viện tuyến tỉnh;
        b) Kiểm tra 120 trung tâm y tế huyện.
        II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024
        1. Hoàn thiện các văn bản hướng dẫn Luật Khám bệnh, chữa bệnh.
        2. Tăng cường chuyển đổi số trong khám bệnh, chữa bệnh.
        Tổng kinh phí thực hiện năm 2024 dự kiến là 3.200.000.000 đồng.

        Nơi nhận:
        - Bộ trưởng (để b/c);
        - Các Thứ trưởng;
        - Lưu: VT, KCB.

        CỤC TRƯỞNG
        (Đã ký)
        Nguyễn Trọng Khoa
        """

    /// A decision as a Word file: the letterhead a two-column table, the body paragraphs, the
    /// recipients and the signature a second table.
    static var decisionDocx: [UInt8] {
        let body = HeaderTesting.wordTable([[
            "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n________\nSố: 1234/QĐ-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n_______________\nLào Cai, ngày 07 tháng 4 năm 2021",
        ]]) + [
            "QUYẾT ĐỊNH",
            "Về việc phê duyệt Kế hoạch tiêm chủng mở rộng",
            "năm 2021 trên địa bàn tỉnh Lào Cai",
            "_____________",
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Xét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 85/TTr-SYT ngày 01/4/2021.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt Kế hoạch tiêm chủng mở rộng năm 2021 trên địa bàn tỉnh Lào Cai với tổng kinh phí 2.500.000.000 đồng.",
            "Điều 2. Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện Kế hoạch.",
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế và Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ].map { HeaderTesting.wordParagraph($0) }.joined() + HeaderTesting.wordTable([[
            "Nơi nhận:\n- Như Điều 3;\n- TT. UBND tỉnh;\n- Lưu: VT, VX.",
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Thanh Sinh",
        ]])
        return HeaderTesting.docx(body)
    }

    static var newsArticlePage: [UInt8] {
        HeaderTesting.page("""
            <h1>Bộ Y tế phát động Tháng hành động vì an toàn thực phẩm năm 2024</h1>
            <p class="date">Thứ Ba, ngày 16/04/2024 10:30</p>
            <p>Sáng ngày 16/4/2024, tại Hà Nội, Bộ Y tế phối hợp với Ủy ban nhân dân thành phố Hà Nội tổ chức lễ phát động Tháng hành động vì an toàn thực phẩm năm 2024.</p>
            <p>Phát biểu tại buổi lễ, Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên nhấn mạnh vai trò của chính quyền địa phương trong kiểm soát an toàn thực phẩm.</p>
            <p>Tháng hành động năm nay có chủ đề "Bảo đảm an toàn thực phẩm trong bếp ăn tập thể".</p>
            <h3>Tin liên quan</h3>
            <ul><li><a href="/a">Hướng dẫn bảo đảm an toàn thực phẩm mùa hè</a></li></ul>
            """, title: "Bộ Y tế phát động Tháng hành động vì an toàn thực phẩm năm 2024")
    }

    /// A short listing page: three items, each a title and a date-time line.
    static var newsListingPage: [UInt8] {
        HeaderTesting.page("""
            <h2>TIN HOẠT ĐỘNG</h2>
            <h3>Sở Y tế Hà Giang triển khai tiêm vắc xin sởi</h3><p>Thứ Hai, ngày 02/12/2024 08:15</p><p>Sở Y tế tổ chức chiến dịch tiêm vắc xin sởi cho trẻ em...</p>
            <h3>Hội nghị tổng kết công tác dân số năm 2024</h3><p>Thứ Sáu, ngày 29/11/2024 14:00</p><p>Chiều ngày 29/11/2024, Chi cục Dân số tổ chức hội nghị...</p>
            <h3>Kiểm tra an toàn thực phẩm dịp cuối năm</h3><p>Thứ Năm, ngày 28/11/2024 09:40</p><p>Đoàn kiểm tra liên ngành đã làm việc tại...</p>
            """)
    }

    /// A notice (Thông báo): an official document of a type vndoc does not tell apart.
    static let notice = """
        SỞ Y TẾ HÀ GIANG
        Số: 88/TB-SYT
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Hà Giang, ngày 15 tháng 3 năm 2024
        THÔNG BÁO
        Lịch tiếp công dân tháng 4 năm 2024
        Sở Y tế thông báo lịch tiếp công dân định kỳ vào thứ Năm hằng tuần tại trụ sở Sở.
        """

    /// A thank-you note: no header, no list, nothing to tell it by.
    static let note = """
        Kính gửi các anh chị,
        Cảm ơn các anh chị đã tham dự buổi tập huấn tuần trước. Tài liệu sẽ được gửi qua thư điện tử.
        Trân trọng.
        """
}
